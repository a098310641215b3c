import GongkaiLayout

/// Reads typed rows out of a grid whose columns have roles. Shared by every table type.
enum RowReading {
    /// One record per body row: code (from a code column or joined 类/款/项 parts), name, 行次,
    /// and the values. A label cell spanning rows labels each of them; a value cell counts once,
    /// in the row where it starts. Rows with neither label nor value are left out.
    static func rows(_ grid: Grid, roles: ColumnRoles, columns: [Int]? = nil, section: String? = nil) -> [Row] {
        let use = columns ?? Array(0..<grid.columnCount)
        var rows: [Row] = []
        for rowIndex in grid.headerRowCount..<grid.rowCount {
            var codeParts: [String] = []
            var code: String?
            var names: [String] = []
            var line: Int?
            var cells: [(String, CellValue)] = []
            var previousNameCell: Cell?
            for column in use {
                guard let cell = grid.cell(row: rowIndex, column: column) else { continue }
                let text = cell.text.trimmingWhitespace
                switch roles.roles[column] {
                case .code:
                    let (found, rest) = splitCode(text)
                    if let found { code = found }
                    if !rest.isEmpty, cell != previousNameCell { names.append(rest); previousNameCell = cell }
                case .codePart:
                    if cell.column == column, CellText.isCodePart(text) { codeParts.append(text) }
                    else if !text.isEmpty, !CellText.isCodePart(text), cell != previousNameCell {
                        names.append(text)
                        previousNameCell = cell
                    }
                case .name:
                    if !text.isEmpty, cell != previousNameCell, !names.contains(text) {
                        names.append(text)
                        previousNameCell = cell
                    }
                case .line:
                    if cell.row == rowIndex { line = Int(text) }
                case .value(let key):
                    guard cell.row == rowIndex, cell.column == column, let value = CellValue(printed: text) else { continue }
                    cells.append((key ?? "column_\(column + 1)", value))
                case .ignored:
                    continue
                }
            }
            if code == nil, !codeParts.isEmpty { code = codeParts.joined() }
            let name = names.isEmpty ? nil : names.joined(separator: "/")
            guard code != nil || name != nil || !cells.isEmpty else { continue }
            rows.append(Row(section: section, code: code, level: code.flatMap(CodeLevel.init(code:)),
                            name: name, line: line, cells: cells))
        }
        return rows
    }

    /// A code at the start of a cell, and the rest ("2080505 机关事业单位…" printed in one cell).
    static func splitCode(_ text: String) -> (String?, String) {
        if CellText.isCode(text) { return (text, "") }
        let digits = text.prefix(while: \.isASCIIDigit)
        guard [3, 5, 7].contains(digits.count) else { return (nil, text) }
        return (String(digits), String(text.dropFirst(digits.count)).trimmingWhitespace)
    }

    /// Two-sided tables: each side read as its own table, rows carrying the side as `section`.
    static func twoSided(_ grid: Grid, roles: ColumnRoles) -> [Row] {
        var order: [String] = []
        var columnsOf: [String: [Int]] = [:]
        for (column, section) in roles.sections.enumerated() {
            let name = section ?? ""
            if columnsOf[name] == nil { order.append(name) }
            columnsOf[name, default: []].append(column)
        }
        return order.flatMap { section in
            rows(grid, roles: roles, columns: columnsOf[section], section: section.isEmpty ? nil : section)
        }
    }

    /// Side-by-side groups (code, name, value…) read group by group: each code column opens a
    /// group that runs to the next code column.
    static func groups(_ grid: Grid, roles: ColumnRoles) -> [Row] {
        let starts = roles.roles.indices.filter { roles.roles[$0] == .code }
        guard starts.count > 1 else { return rows(grid, roles: roles) }
        var result: [Row] = []
        for (index, start) in starts.enumerated() {
            let end = index + 1 < starts.count ? starts[index + 1] : grid.columnCount
            let leading = index == 0 ? Array(0..<start) : []
            result += rows(grid, roles: roles, columns: leading + Array(start..<end))
        }
        // A total label spanning into the next group (公用经费合计 over two groups, its amount in the
        // last) is read in each group: keep it where it has its values.
        return result.filter { row in
            !(row.code == nil && row.cells.isEmpty
                && result.contains { $0 != row && $0.code == nil && $0.name == row.name && !$0.cells.isEmpty })
        }
    }
}
