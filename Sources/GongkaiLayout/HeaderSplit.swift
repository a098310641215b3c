/// Where a grid's header ends and its body begins.
enum HeaderSplit {
    /// The number of header rows: the rows above the first body row. A body row has a cell that
    /// starts in it holding an amount, a classification code, an ordinal label or an explicit
    /// "no data" mark, or is a total row (合计 leftmost within the first two columns, nothing but amounts or blanks
    /// beside it: 合计 is a column title too), or is blank. A 栏次 row (column numbers) is header.
    static func headerRowCount(_ grid: Grid) -> Int {
        var startingIn = Array(repeating: [Cell](), count: grid.rowCount)
        for cell in grid.cells { startingIn[cell.row].append(cell) }
        var sawText = false
        for row in 0..<grid.rowCount where !startingIn[row].isEmpty {
            let cells = startingIn[row].filter { !$0.text.isEmpty }
            // A blank row below the header's text is an empty data row.
            if cells.isEmpty {
                if sawText { return row }
                continue
            }
            sawText = true
            if isColumnNumberRow(cells.map(\.text)) { continue }
            if cells.contains(where: { isBodyText($0.text) }) || isTotalRow(cells) { return row }
        }
        return 0
    }

    static func isBodyText(_ text: String) -> Bool {
        CellText.isAmount(text) || CellText.isCode(text) || CellText.hasOrdinal(text)
            || ["无", "本表无数据", "本表为空"].contains(text.filter { !$0.isWhitespace })
    }

    static func isTotalRow(_ cells: [Cell]) -> Bool {
        guard let first = cells.min(by: { $0.column < $1.column }), first.column <= 1,
              CellText.isTotalLabel(first.text) else { return false }
        return cells.allSatisfy { $0 == first || CellText.isAmount($0.text) || CellText.isNotApplicable($0.text) }
    }

    /// 栏次 1 2 3 …, or just the numbers.
    static func isColumnNumberRow(_ texts: [String]) -> Bool {
        // 类 / 款 / 项 sub-headers of a code column can share the 栏次 row.
        let numbers = texts.filter { !["栏次", "类", "款", "项", "类款项"].contains($0.filter { !$0.isWhitespace }) }
        guard !numbers.isEmpty, numbers.count < texts.count || numbers.count >= 2 else { return false }
        guard numbers.allSatisfy({ $0.count <= 3 && $0.allSatisfy(\.isASCIIDigit) }) else { return false }
        let values = numbers.compactMap { Int($0) }
        // Consecutive column numbers (two-sided summaries number each side from 1 or on).
        return zip(values, values.dropFirst()).allSatisfy { $1 == $0 + 1 } || texts.contains { $0.contains("栏") }
    }
}
