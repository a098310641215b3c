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
        ColumnRule("score", leaf: ["得分", "打分"]),
        ColumnRule("deviation_reason", leaf: ["偏差", "原因", "改进措施"]),
        ColumnRule("remark", leaf: ["说明", "备注"]),
        ColumnRule("indicator_nature", leaf: ["指标性质"]),
        ColumnRule("measure_unit", leaf: ["度量单位", "计量单位", "单位"]),
        ColumnRule("indicator_description", leaf: ["指标解释", "指标说明"]),
        ColumnRule("scoring_criteria", leaf: ["评分标准", "评分规则", "计分标准"]),
        // 评价方式 / 评价属性 tick columns of the 部门整体支出绩效评分表.
        ColumnRule("evaluation_overall", leaf: ["整体评价"]),
        ColumnRule("evaluation_sample", leaf: ["样本评价"]),
        ColumnRule("attribute_qualitative", leaf: ["定性评价", "定性"]),
        ColumnRule("attribute_quantitative", leaf: ["定量评价", "定量"]),
    ]

    static func read(_ table: Table, type: TableType, index: Int) -> (RecognizedTable, [Finding]) {
        let grid = table.grid
        let form = grid.lookup
        let headerRow = (0..<grid.rowCount).first { row in
            grid.cells(startingIn: row).contains { HeaderText.normalize($0.text).contains("一级指标") }
        }
        let headerTop = headerRow.map { indicatorHeaderTop(form, headerRow: $0) } ?? grid.rowCount
        var fields = fieldBlock(form, rows: 0..<headerTop)
        var rows: [Row] = []
        guard let headerRow else {
            return (RecognizedTable(type: type, title: table.title, label: table.label, pages: table.pages,
                                    unit: table.unit, columns: [], rows: [], fields: fields), [])
        }
        let (keys, columns, findings) = indicatorKeys(form, headerRows: headerTop...headerRow, table: index, type: type)
        for row in (headerRow + 1)..<max(headerRow + 1, grid.rowCount) {
            if let field = trailingField(form, row: row) {
                fields.append(field)
            } else if let record = indicatorRow(form, row: row, keys: keys) {
                rows.append(record)
            }
        }
        return (RecognizedTable(type: type, title: table.title, label: table.label, pages: table.pages,
                                unit: table.unit, columns: columns, rows: rows, fields: fields), findings)
    }

    /// The key of every grid column of the indicator block, and its columns. A column under a
    /// wider header (三级指标 over three grid columns) reads as that header's column; one no
    /// rule knows is kept under its position, never dropped (自评/评价打分 is still data).
    static func indicatorKeys(_ form: CellLookup, headerRows: ClosedRange<Int>, table: Int, type: TableType)
        -> (keys: [String?], columns: [Column], findings: [Finding]) {
        let headerRow = headerRows.upperBound
        let fieldRows = Set((headerRow + 1..<form.grid.rowCount).filter { trailingField(form, row: $0) != nil })
        let dataColumns = Set(form.grid.cells.filter {
            $0.row > headerRow && !$0.text.trimmingWhitespace.isEmpty && !fieldRows.contains($0.row)
        }.map(\.column))
        var keys: [String?] = []
        var columns: [Column] = []
        var findings: [Finding] = []
        for column in 0..<form.grid.columnCount {
            // A side label running from the header down the block (年度绩效指标) is no header.
            let header = form[headerRow, column: column].flatMap { $0.row + $0.rowSpan - 1 <= headerRow ? $0 : nil }
            if let header, header.column < column {
                keys.append(keys[header.column])
                continue
            }
            guard header != nil || dataColumns.contains(column) else { keys.append(nil); continue }
            let path = indicatorHeader(form, column: column, rows: headerRows)
            var key = ColumnRule.key(for: path.map(HeaderText.normalize), in: indicatorColumns)
            if key == nil || keys.contains(key) {
                key = "column_\(column + 1)"
                findings.append(Recognizer.unmappedColumn(table: table, column: column, header: path, type: type))
            }
            keys.append(key)
            columns.append(Column(key: key!, header: path))
        }
        return (keys, columns, findings)
    }

    /// A row under the indicator grid that is a label and one wide value (其他需要说明的事项 | 无,
    /// or left blank): a field of the form, not an indicator.
    static func trailingField(_ form: CellLookup, row: Int) -> (String, String)? {
        let cells = form.grid.cells(startingIn: row)
        guard cells.count == 2, cells[0].column == 0, cells[1].columnSpan > 1, cells[1].columnSpan * 2 >= form.grid.columnCount else {
            return nil
        }
        let name = cells[0].text.trimmingWhitespace
        guard !name.isEmpty, CellText.amount(name) == nil else { return nil }
        return (name, cells[1].text.trimmingWhitespace)
    }

    /// The first row of the indicator grid's header: a header cell beside 一级指标 may start
    /// rows above it (指标分值 over two rows, 绩效指标 over 一级…三级指标). A cell reaching below
    /// the header row is a side label of the indicator block, not header.
    static func indicatorHeaderTop(_ form: CellLookup, headerRow: Int) -> Int {
        (0..<form.grid.columnCount).compactMap { column -> Int? in
            guard let cell = form[headerRow, column: column], cell.row + cell.rowSpan - 1 == headerRow else { return nil }
            return cell.row
        }.min() ?? headerRow
    }

    /// A column's header path from the header block's top row down to the 一级指标 row.
    static func indicatorHeader(_ form: CellLookup, column: Int, rows: ClosedRange<Int>) -> [String] {
        var path: [String] = []
        var seen: [Cell] = []
        for row in rows {
            guard let cell = form[row, column: column], !seen.contains(cell),
                  cell.row + cell.rowSpan - 1 <= rows.upperBound else { continue }
            seen.append(cell)
            let text = cell.text.trimmingWhitespace
            if !text.isEmpty { path.append(text) }
        }
        return path
    }

    /// One indicator row. A cell merged down the rows repeats on each of them; a cell spanning
    /// several indicator columns counts for the first only, and when it opens the row
    /// (总分 across 一级…三级指标) it is the row's name.
    static func indicatorRow(_ form: CellLookup, row: Int, keys: [String?]) -> Row? {
        var cells: [(String, CellValue)] = []
        var name: String?
        var seen: [Cell] = []
        for (column, key) in keys.enumerated() {
            guard let key, let cell = form[row, column: column], !seen.contains(cell) else { continue }
            seen.append(cell)
            let text = cell.text.trimmingWhitespace
            guard !text.isEmpty else { continue }
            let spannedKeys = Set(keys[cell.column..<min(keys.count, cell.column + cell.columnSpan)].compactMap { $0 }).count
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
    static func fieldBlock(_ form: CellLookup, rows: Range<Int>) -> [(String, String)] {
        var fields: [(String, String)] = []
        var row = rows.lowerBound
        while row < rows.upperBound {
            let line = distinctCells(form, row: row)
            if let group = line.first, group.rowSpan > 1, group.row == row, group.row + group.rowSpan <= rows.upperBound {
                fields += groupFields(form, group: group)
                row = group.row + group.rowSpan
                continue
            }
            if let run = headedRun(form, from: row, to: rows.upperBound) {
                fields += run.fields
                row = run.end
                continue
            }
            fields += pairs(line.filter { $0.row == row || $0.rowSpan == 1 }.map(\.text))
            row += 1
        }
        return fields
    }

    /// A row naming its two columns (资金来源 | 年度资金情况) over rows of label | amount laid
    /// out the same way: each value is keyed "label/column name" (资金总额(万元)/年度资金情况),
    /// a blank one too. Nil unless at least one row under the names holds an amount.
    static func headedRun(_ form: CellLookup, from start: Int, to end: Int) -> (fields: [(String, String)], end: Int)? {
        let layout = { (row: Int) -> [Cell]? in
            let cells = distinctCells(form, row: row)
            return cells.count == 2 && cells.allSatisfy({ $0.row == row && $0.rowSpan == 1 }) ? cells : nil
        }
        guard let names = layout(start), names.allSatisfy({ !$0.text.trimmingWhitespace.isEmpty && CellText.amount($0.text) == nil }) else {
            return nil
        }
        var fields: [(String, String)] = []
        var row = start + 1
        while row < end, let cells = layout(row), zip(cells, names).allSatisfy({ $0.column == $1.column && $0.columnSpan == $1.columnSpan }),
              !cells[0].text.trimmingWhitespace.isEmpty,
              cells[1].text.trimmingWhitespace.isEmpty || CellText.amount(cells[1].text) != nil {
            fields.append(("\(stripColon(cells[0].text))/\(stripColon(names[1].text))", cells[1].text.trimmingWhitespace))
            row += 1
        }
        guard fields.contains(where: { !$0.1.isEmpty }) else { return nil }
        return (fields, row)
    }

    /// The fields of rows grouped under a label spanning them.
    static func groupFields(_ form: CellLookup, group: Cell) -> [(String, String)] {
        let rows = group.row..<(group.row + group.rowSpan)
        let lines = rows.map { row in distinctCells(form, row: row).filter { $0 != group && $0.column > group.column } }
        // A header row: two or more short labels, no amounts (a blank over the row labels,
        // where 资金来源 is not printed, is no header).
        let filled = lines.map { $0.filter { !$0.text.trimmingWhitespace.isEmpty } }
        let first = filled.first ?? []
        // One header over one column of text (年度目标 over the goal) is a header too.
        let oneColumn = first.count == 1 && filled.dropFirst().allSatisfy { $0.count <= 1 }
        guard first.count >= 2 || oneColumn, lines.count >= 2,
              first.allSatisfy({ CellText.amount($0.text) == nil && $0.text.count <= 16 })
        else {
            return stackedPairs(lines)
        }
        let headers = first
        let holdAmounts = lines.dropFirst().contains { $0.contains { CellText.amount($0.text) != nil } }
        // Data rows name themselves left of the headers (部门职责 | 内容 | 说明), or in the first
        // header's column (资金来源) when they hold amounts; otherwise the group's label names them.
        let labelledRows = lines.dropFirst().allSatisfy { line in
            guard let label = line.first, CellText.amount(label.text) == nil else { return false }
            return label.column < headers[0].column || (label.column == headers[0].column && holdAmounts)
        }
        if !labelledRows, holdAmounts {
            return stackedPairs(lines)
        }
        var fields: [(String, String)] = []
        for line in lines.dropFirst() {
            // A row whose label is left blank (the unlabelled total of a list) takes the group's.
            let own = labelledRows ? stripColon(line[0].text) : ""
            let label = own.isEmpty ? stripColon(group.text) : own
            for cell in line where !(labelledRows && cell == line[0]) && !cell.text.isEmpty {
                guard let header = headers.first(where: { $0.column <= cell.column && cell.column < $0.column + $0.columnSpan }) else { continue }
                fields.append(("\(label)/\(stripColon(header.text))", cell.text))
            }
        }
        return fields
    }

    /// Label/value pairs of rows stacked under a first row of two or more pairs (预算数 24.6 |
    /// 执行数 24.6, then 其中：财政拨款 24.6 | 其中：财政拨款 24.6): a later row's label is
    /// qualified by the first row's label in its column, so the two 其中：财政拨款 stay apart.
    static func stackedPairs(_ lines: [[Cell]]) -> [(String, String)] {
        guard let top = lines.first else { return [] }
        // Only pairs side by side make columns; a single column of pairs is a plain list.
        let topLabels = labelCells(top).count > 1 ? labelCells(top) : []
        var fields = pairs(top.map(\.text))
        for line in lines.dropFirst() {
            for (label, value) in zip(labelCells(line), labelCells(line).map { valueText(after: $0, in: line) }) {
                let name = stripColon(label.text)
                let over = topLabels.first { $0.column == label.column }.map { stripColon($0.text) }
                fields.append((over.map { $0 == name ? name : "\($0)/\(name)" } ?? name, value))
            }
        }
        return fields
    }

    /// The label cells of a row of label/value pairs: every other non-empty cell, from the first.
    static func labelCells(_ line: [Cell]) -> [Cell] {
        let filled = line.filter { !$0.text.trimmingWhitespace.isEmpty }
        return stride(from: 0, to: filled.count, by: 2).map { filled[$0] }
    }

    static func valueText(after label: Cell, in line: [Cell]) -> String {
        let filled = line.filter { !$0.text.trimmingWhitespace.isEmpty }
        guard let index = filled.firstIndex(of: label), index + 1 < filled.count else { return "" }
        return filled[index + 1].text.trimmingWhitespace
    }

    /// The cells covering a row, left to right, each once.
    static func distinctCells(_ form: CellLookup, row: Int) -> [Cell] {
        var cells: [Cell] = []
        for column in 0..<form.grid.columnCount {
            if let cell = form[row, column: column], cells.last != cell { cells.append(cell) }
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
