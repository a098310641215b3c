import GongkaiLayout

/// Reads typed rows out of a grid whose columns have roles. Shared by every table type.
enum RowReading {
    /// One record per body row: code (from a code column or joined 类/款/项 parts), name, 行次,
    /// and the values. A label cell spanning rows labels each of them; a value cell counts once,
    /// in the row where it starts. Rows with neither label nor value are left out.
    static func rows(_ grid: Grid, roles: ColumnRoles, columns: [Int]? = nil, section: String? = nil) -> [Row] {
        sourcedRows(grid, roles: roles, columns: columns, section: section).map(\.row)
    }

    /// A row read from the grid, with the grid row it came from.
    struct SourcedRow {
        var row: Row
        var gridRow: Int
    }

    static func sourcedRows(_ grid: Grid, roles: ColumnRoles, columns: [Int]? = nil, section: String? = nil) -> [SourcedRow] {
        let use = columns ?? Array(0..<grid.columnCount)
        let lookup = grid.lookup
        var rows: [SourcedRow] = []
        for rowIndex in grid.headerRowCount..<grid.rowCount {
            var codeParts: [String] = []
            var code: String?
            var names: [String] = []
            var line: Int?
            var cells: [(String, CellValue)] = []
            var previousNameCell: Cell?
            for column in use {
                guard let cell = lookup[rowIndex, column: column] else { continue }
                let text = cell.text.trimmingWhitespace
                switch roles.roles[column] {
                case .code:
                    let (found, rest) = splitCode(text)
                    if let found { code = found }
                    // "……" in the code column marks elided rows; it is not a name.
                    if !rest.isEmpty, !isElision(rest), cell != previousNameCell { names.append(rest); previousNameCell = cell }
                case .codePart:
                    if cell.column == column, let part = codePart(text, first: codeParts.isEmpty) { codeParts.append(part) }
                    else if !text.isEmpty, codePart(text, first: codeParts.isEmpty) == nil, !isElision(text),
                            cell != previousNameCell {
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
            // "无", "此表为空": an empty table's marker, not a row; a 注 inside the frame is a note.
            if code == nil, cells.isEmpty, let name,
               noDataMarks.contains(name.filter { !$0.isWhitespace }) || Captions.opensNote(name) { continue }
            rows.append(SourcedRow(row: Row(section: section, code: code, level: code.flatMap(CodeLevel.init(code:)),
                                            name: name, line: line, cells: cells), gridRow: rowIndex))
        }
        return rows
    }

    static let noDataMarks: Set<String> = ["无", "此表为空", "本表为空", "本表无数据", "无数据"]

    static func isElision(_ text: String) -> Bool {
        !text.isEmpty && text.allSatisfy { "…．.·".contains($0) }
    }

    /// A 类 (3 digits) or 款/项 part (2 digits; a single digit is a 款/项 printed without its
    /// leading zero, "301 | 2" for 30102).
    static func codePart(_ text: String, first: Bool) -> String? {
        let trimmed = text.trimmingWhitespace
        guard !trimmed.isEmpty, trimmed.allSatisfy(\.isASCIIDigit) else { return nil }
        if first { return trimmed.count == 3 ? trimmed : nil }
        switch trimmed.count {
        case 2: return trimmed
        case 1: return "0" + trimmed
        default: return nil
        }
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
        return withoutSpilledLabels(order.flatMap { section in
            sourcedRows(grid, roles: roles, columns: columnsOf[section], section: section.isEmpty ? nil : section)
        })
    }

    /// Side-by-side groups (code, name, value…) read group by group: each code column opens a
    /// group that runs to the next code column.
    static func groups(_ grid: Grid, roles: ColumnRoles) -> [Row] {
        let starts = roles.roles.indices.filter { roles.roles[$0] == .code }
        guard starts.count > 1 else { return rows(grid, roles: roles) }
        var result: [SourcedRow] = []
        for (index, start) in starts.enumerated() {
            let end = index + 1 < starts.count ? starts[index + 1] : grid.columnCount
            let leading = index == 0 ? Array(0..<start) : []
            result += sourcedRows(grid, roles: roles, columns: leading + Array(start..<end))
        }
        return withoutSpilledLabels(withLabelsJoinedToValues(result))
    }

    /// A total labelled in one group with its amount in the next, unruled (公用经费合计 under
    /// the second group's names or amounts, 346.39 under the third group's 决算数): one row, not
    /// a label without values and values without a label.
    static func withLabelsJoinedToValues(_ rows: [SourcedRow]) -> [SourcedRow] {
        var result = rows
        var joined: Set<Int> = []
        for (index, sourced) in rows.enumerated() {
            guard sourced.row.code == nil, let label = labelOnly(sourced.row),
                  let values = rows.indices.first(where: { other in
                      other > index && !joined.contains(other) && rows[other].gridRow == sourced.gridRow
                          && rows[other].row.code == nil && rows[other].row.name == nil && labelOnly(rows[other].row) == nil
                          && rows[other].row.cells.contains { $0.1.amount != nil }
                  }) else { continue }
            result[index].row.name = label
            result[index].row.cells = rows[values].row.cells
            joined.insert(values)
        }
        return result.enumerated().filter { !joined.contains($0.offset) }.map(\.element)
    }

    /// The label of a row that holds only a label: its name, or a text standing alone in a value
    /// column (a 合计 label printed over the amounts).
    static func labelOnly(_ row: Row) -> String? {
        if let name = row.name { return row.cells.isEmpty ? name : nil }
        guard row.cells.count == 1, case .text(let text) = row.cells[0].1, text.hasSuffix("合计") else { return nil }
        return text
    }

    /// A label cell spanning into the next group or side (公用经费合计 over two groups, 支出合计
    /// over both 支出 sides, its amount in the last) is read in each from the same grid row:
    /// keep it where it has its values, or once (the last) when it has none.
    static func withoutSpilledLabels(_ rows: [SourcedRow]) -> [Row] {
        rows.enumerated().filter { index, sourced in
            let row = sourced.row
            guard row.code == nil, row.cells.isEmpty else { return true }
            // Twins share the grid row and the side (支出/功能分类 and 支出/支出用途, never 收入
            // against 支出).
            let side = row.section?.split(separator: "/").first
            let twins = rows.enumerated().filter {
                $0.offset != index && $0.element.gridRow == sourced.gridRow && $0.element.row.code == nil
                    && $0.element.row.name == row.name && $0.element.row.section?.split(separator: "/").first == side
            }
            return !twins.contains { !$0.element.row.cells.isEmpty } && !twins.contains { $0.offset > index }
        }.map(\.element.row)
    }
}
