import GongkaiLayout

/// Reads the 绩效 forms: a key/value header block (label cell, value cell …) above an indicator
/// grid headed 一级指标 / 二级指标 / 三级指标 / 指标值 / 实际完成值 / 分值 / 得分.
enum FormReading {
    /// Indicator grid columns by their header text.
    static let indicatorColumns = [
        ColumnRule("level1_indicator", leaf: ["一级指标"]),
        ColumnRule("level2_indicator", leaf: ["二级指标"]),
        ColumnRule("level3_indicator", leaf: ["三级指标"]),
        ColumnRule("actual_value", leaf: ["实际完成值", "实际值", "完成值"]),
        ColumnRule("target_value", leaf: ["指标值", "目标值"]),
        ColumnRule("weight", leaf: ["分值", "权重"]),
        ColumnRule("score", leaf: ["得分"]),
        ColumnRule("deviation_reason", leaf: ["偏差", "原因", "改进措施"]),
    ]

    static func read(_ table: Table, type: TableType) -> RecognizedTable {
        let matrix = table.grid.matrix
        let headerRow = matrix.firstIndex { row in
            row.map(HeaderText.normalize).contains { $0.contains("一级指标") }
        }
        let fieldRows = matrix.prefix(headerRow ?? matrix.count)
        var fields: [(String, String)] = []
        for row in fieldRows { fields += pairs(in: row) }

        var columns: [Column] = []
        var rows: [Row] = []
        if let headerRow {
            let keys = matrix[headerRow].map { ColumnRule.key(for: [HeaderText.normalize($0)], in: indicatorColumns) }
            for (index, key) in keys.enumerated() {
                guard let key, !columns.contains(where: { $0.key == key }) else { continue }
                columns.append(Column(key: key, header: [matrix[headerRow][index]]))
            }
            for row in matrix.dropFirst(headerRow + 1) {
                var cells: [(String, CellValue)] = []
                for (index, key) in keys.enumerated() {
                    guard let key, !cells.contains(where: { $0.0 == key }) else { continue }
                    let text = row[index].trimmingWhitespace
                    if !text.isEmpty { cells.append((key, .text(text))) }
                }
                if !cells.isEmpty { rows.append(Row(cells: cells)) }
            }
        }
        return RecognizedTable(type: type, title: table.title, label: table.label, pages: table.pages,
                               unit: table.unit, columns: columns, rows: rows, fields: fields)
    }

    /// Label/value pairs along a row: distinct texts, a label being followed by its value.
    static func pairs(in row: [String]) -> [(String, String)] {
        var distinct: [String] = []
        for text in row.map({ $0.trimmingWhitespace }) where !text.isEmpty && distinct.last != text { distinct.append(text) }
        var result: [(String, String)] = []
        var index = 0
        while index + 1 < distinct.count {
            result.append((distinct[index], distinct[index + 1]))
            index += 2
        }
        if index < distinct.count { result.append((distinct[index], "")) }
        return result
    }
}
