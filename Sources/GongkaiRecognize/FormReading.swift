import GongkaiLayout

/// Reads the 绩效 forms: a key/value header block above an indicator grid headed 一级指标 /
/// 二级指标 / 三级指标 / 指标值 / 实际完成值 / 分值 / 得分.
///
/// In the header block a label cell is followed by its value. A label spanning several rows
/// groups them: when the group's first row names columns (资金来源 | 年初预算数 | 全年预算数 …),
/// each value is keyed "row label/column name" (年度资金总额/年初预算数), the row label being the
/// row's own first cell or, without one, the group's label (年度总体目标/预算目标).
enum FormReading {
    /// Indicator grid columns by their header text.
    static let indicatorColumns = [
        ColumnRule("level1_indicator", leaf: ["一级指标"]),
        ColumnRule("level2_indicator", leaf: ["二级指标"]),
        ColumnRule("level3_indicator", leaf: ["三级指标"]),
        ColumnRule("actual_value", leaf: ["实际完成值", "实际值", "完成值", "实际完成"]),
        ColumnRule("target_value", leaf: ["指标值", "目标值"]),
        ColumnRule("weight", leaf: ["分值", "权重"]),
        ColumnRule("score", leaf: ["得分"]),
        ColumnRule("deviation_reason", leaf: ["偏差", "原因", "改进措施"]),
        ColumnRule("remark", leaf: ["说明", "备注"]),
        ColumnRule("indicator_nature", leaf: ["指标性质"]),
        ColumnRule("measure_unit", leaf: ["度量单位", "计量单位", "单位"]),
        ColumnRule("indicator_description", leaf: ["指标解释", "指标说明"]),
        ColumnRule("scoring_criteria", leaf: ["评分标准", "评分规则"]),
    ]

    static func read(_ table: Table, type: TableType) -> RecognizedTable {
        let grid = table.grid
        let headerRow = (0..<grid.rowCount).first { row in
            grid.cells(startingIn: row).contains { HeaderText.normalize($0.text).contains("一级指标") }
        }
        let fields = fieldBlock(grid, rows: 0..<(headerRow ?? grid.rowCount))
        var columns: [Column] = []
        var rows: [Row] = []
        if let headerRow {
            let keys = (0..<grid.columnCount).map { column -> String? in
                guard let cell = grid.lookup[headerRow, column: column], cell.column == column else { return nil }
                return ColumnRule.key(for: [HeaderText.normalize(cell.text)], in: indicatorColumns)
            }
            for (column, key) in keys.enumerated() {
                guard let key, !columns.contains(where: { $0.key == key }),
                      let cell = grid.lookup[headerRow, column: column] else { continue }
                columns.append(Column(key: key, header: [cell.text]))
            }
            for row in (headerRow + 1)..<max(headerRow + 1, grid.rowCount) {
                if let record = indicatorRow(grid, row: row, keys: keys) { rows.append(record) }
            }
        }
        return RecognizedTable(type: type, title: table.title, label: table.label, pages: table.pages,
                               unit: table.unit, columns: columns, rows: rows, fields: fields)
    }

    /// One indicator row. A cell merged down the rows repeats on each of them; a cell spanning
    /// several indicator columns counts for the first only, and when it opens the row
    /// (总分 across 一级…三级指标) it is the row's name.
    static func indicatorRow(_ grid: Grid, row: Int, keys: [String?]) -> Row? {
        var cells: [(String, CellValue)] = []
        var name: String?
        var seen: [Cell] = []
        for (column, key) in keys.enumerated() {
            guard let key, let cell = grid.cell(row: row, column: column), !seen.contains(cell) else { continue }
            seen.append(cell)
            let text = cell.text.trimmingWhitespace
            guard !text.isEmpty else { continue }
            let spannedKeys = keys[cell.column..<min(keys.count, cell.column + cell.columnSpan)].compactMap { $0 }.count
            if cells.isEmpty, name == nil, spannedKeys > 1, key == "level1_indicator" {
                name = text
            } else {
                cells.append((key, .text(text)))
            }
        }
        guard name != nil || !cells.isEmpty else { return nil }
        return Row(name: name, cells: cells)
    }

    /// The key/value fields of the rows above the indicator grid.
    static func fieldBlock(_ grid: Grid, rows: Range<Int>) -> [(String, String)] {
        var fields: [(String, String)] = []
        var row = rows.lowerBound
        while row < rows.upperBound {
            let line = distinctCells(grid, row: row)
            if let group = line.first, group.rowSpan > 1, group.row == row, group.row + group.rowSpan <= rows.upperBound {
                fields += groupFields(grid, group: group)
                row = group.row + group.rowSpan
                continue
            }
            fields += pairs(line.filter { $0.row == row || $0.rowSpan == 1 }.map(\.text))
            row += 1
        }
        return fields
    }

    /// The fields of rows grouped under a label spanning them.
    static func groupFields(_ grid: Grid, group: Cell) -> [(String, String)] {
        let rows = group.row..<(group.row + group.rowSpan)
        let lines = rows.map { row in distinctCells(grid, row: row).filter { $0 != group && $0.column > group.column } }
        // A header row: two or more short labels, no amounts.
        guard let first = lines.first, first.count >= 2, lines.count >= 2,
              first.allSatisfy({ !$0.text.isEmpty && CellText.amount($0.text) == nil && $0.text.count <= 10 })
        else {
            return lines.flatMap { pairs($0.map(\.text)) }
        }
        let headers = first
        // Data rows name themselves in the first header's column (资金来源) when they hold
        // amounts; otherwise the group's label names them.
        let labelledRows = lines.dropFirst().allSatisfy { line in
            line.first.map { $0.column == headers[0].column && CellText.amount($0.text) == nil } ?? false
        } && lines.dropFirst().contains { $0.contains { CellText.amount($0.text) != nil } }
        if !labelledRows, lines.dropFirst().contains(where: { $0.contains { CellText.amount($0.text) != nil } }) {
            return lines.flatMap { pairs($0.map(\.text)) }
        }
        var fields: [(String, String)] = []
        for line in lines.dropFirst() {
            let label = labelledRows ? stripColon(line[0].text) : stripColon(group.text)
            for cell in line where !(labelledRows && cell == line[0]) && !cell.text.isEmpty {
                guard let header = headers.first(where: { $0.column <= cell.column && cell.column < $0.column + $0.columnSpan }) else { continue }
                fields.append(("\(label)/\(stripColon(header.text))", cell.text))
            }
        }
        return fields
    }

    /// The cells covering a row, left to right, each once.
    static func distinctCells(_ grid: Grid, row: Int) -> [Cell] {
        var cells: [Cell] = []
        for column in 0..<grid.columnCount {
            if let cell = grid.cell(row: row, column: column), cells.last != cell { cells.append(cell) }
        }
        return cells
    }

    /// Label/value pairs along a row: a label followed by its value.
    static func pairs(_ texts: [String]) -> [(String, String)] {
        let items = texts.map(\.trimmingWhitespace).filter { !$0.isEmpty }
        var result: [(String, String)] = []
        var index = 0
        while index < items.count {
            let value = index + 1 < items.count ? items[index + 1] : ""
            result.append((stripColon(items[index]), value))
            index += 2
        }
        return result
    }

    static func stripColon(_ text: String) -> String {
        var result = text.trimmingWhitespace
        while let last = result.last, last == "：" || last == ":" { result.removeLast() }
        return result
    }
}
