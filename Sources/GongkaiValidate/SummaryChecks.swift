import GongkaiLayout
import GongkaiRecognize

/// Two-sided summaries (收入支出决算总表, 财政拨款收入支出决算总表 …): on each side 本年合计 is the
/// sum of the numbered items, 总计 is 本年合计 plus the carry-over rows, and 收入总计 balances
/// 支出总计; a numbered item split into 1. 2. 3. is their sum.
enum SummaryChecks {
    static let yearTotalNames: Set<String> = ["本年收入合计", "收入合计", "本年收入小计", "本年支出合计", "支出合计", "本年支出小计",
                                              "当年收入小计", "当年支出小计"]
    static let grandTotalNames: Set<String> = ["收入总计", "支出总计", "总计", "收入合计总计"]

    static func findings(_ table: RecognizedTable, index: Int) -> [Finding] {
        guard [.incomeExpenditureSummary, .fiscalAppropriationSummary, .nonFiscalAppropriationSummary].contains(table.type) else {
            return []
        }
        var findings: [Finding] = []
        var grandTotals: [(section: String, row: Row)] = []
        for section in sections(of: table) {
            let rows = table.rows.filter { $0.section == section }
            let keys = table.amountKeys(section: section)
            let yearTotal = rows.firstIndex { yearTotalNames.contains($0.compactName) }
            let grandTotal = rows.firstIndex { grandTotalNames.contains($0.compactName) }
            let itemsEnd = yearTotal ?? grandTotal ?? rows.count
            let items = rows[..<itemsEnd].filter { isNumberedItem($0) }
            if let yearTotal, !items.isEmpty {
                findings += compare(rows[yearTotal], items, keys: keys, table: table, index: index, check: "summary.year-total",
                                    whatZH: "\(rows[yearTotal].compactName)与各项之和", whatEN: "\(rows[yearTotal].compactName) and the sum of the items")
            }
            if let grandTotal {
                let addends: [Row]
                if let yearTotal, yearTotal < grandTotal {
                    addends = [rows[yearTotal]] + rows[(yearTotal + 1)..<grandTotal].filter {
                        !isNumberedItem($0) && !isSubItem($0) && !isFundPart($0)
                    }
                } else {
                    addends = items
                }
                if !addends.isEmpty {
                    findings += compare(rows[grandTotal], addends, keys: keys, table: table, index: index, check: "summary.grand-total",
                                        whatZH: "\(rows[grandTotal].compactName)与本年合计及结转结余之和",
                                        whatEN: "\(rows[grandTotal].compactName) and the year total plus carry-overs")
                }
                grandTotals.append((section, rows[grandTotal]))
            }
            findings += subItemFindings(rows, keys: keys, table: table, index: index)
        }
        findings += balanceFindings(grandTotals, table: table, index: index)
        return findings
    }

    /// The sides in the order they appear.
    static func sections(of table: RecognizedTable) -> [String] {
        var result: [String] = []
        for row in table.rows { if let section = row.section, !result.contains(section) { result.append(section) } }
        return result
    }

    /// 一、二、… items (not 1. 2. sub-items).
    static func isNumberedItem(_ row: Row) -> Bool {
        guard let first = row.compactName.first else { return false }
        return CellText.hasOrdinal(row.compactName) && !first.isASCIIDigit && first != "（" && first != "("
    }

    static let fundNames: Set<String> = ["一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款"]

    /// A fund's share of the carry-over row above it (年初财政拨款结转和结余, then
    /// 一般公共预算财政拨款 …), printed with or without an ordinal.
    static func isFundPart(_ row: Row) -> Bool {
        var name = Substring(row.compactName)
        if CellText.hasOrdinal(row.compactName), let mark = name.firstIndex(where: { "、.．）)".contains($0) }) {
            name = name[name.index(after: mark)...]
        }
        return fundNames.contains(String(name))
    }

    /// 1. 2. 3. or （一）（二） sub-items of the item above them.
    static func isSubItem(_ row: Row) -> Bool {
        guard let first = row.compactName.first else { return false }
        return CellText.hasOrdinal(row.compactName) && (first.isASCIIDigit || first == "（" || first == "(")
    }

    /// An item followed by sub-items, or a carry-over row followed by numbered fund rows, is
    /// their sum.
    static func subItemFindings(_ rows: [Row], keys: [String], table: RecognizedTable, index: Int) -> [Finding] {
        var findings: [Finding] = []
        for (position, row) in rows.enumerated() {
            let following = rows[(position + 1)...]
            var parts: [Row]
            if isNumberedItem(row) {
                parts = Array(following.prefix(while: isSubItem))
            } else if row.compactName.contains("结转和结余") || row.compactName.contains("结余") {
                parts = Array(following.prefix { isNumberedItem($0) || isFundPart($0) })
            } else {
                continue
            }
            parts = parts.filter { part in keys.contains { part.amount($0) != nil } }
            guard !parts.isEmpty else { continue }
            findings += compare(row, parts, keys: keys, table: table, index: index, check: "summary.sub-items",
                                whatZH: "\(row.compactName)与其分项之和", whatEN: "\(row.compactName) and the sum of its parts")
        }
        return findings
    }

    /// 收入总计 = 支出总计 on every side: the income side's amount against each expenditure
    /// side's amount (or its 合计 column).
    static func balanceFindings(_ totals: [(section: String, row: Row)], table: RecognizedTable, index: Int) -> [Finding] {
        guard let income = totals.first(where: { $0.section.hasPrefix("收入") }),
              let incomeAmount = income.row.amount("amount") else { return [] }
        return totals.filter { $0.section.hasPrefix("支出") }.compactMap { side in
            guard let spent = side.row.amount("amount") ?? side.row.amount("total") else { return nil }
            return Identity(
                check: "summary.balance",
                locations: [Finding.Location(table: index, rows: [income.row.reference, side.row.reference], columns: ["amount"])],
                expected: incomeAmount, actual: spent, addends: 1, tolerance: table.tolerance,
                subjectZH: "\(table.displayName)：\(side.section)总计与收入总计不平衡",
                subjectEN: "\(table.displayName): \(side.section) total does not balance the income total").finding
        }
    }

    static func compare(_ total: Row, _ addends: [Row], keys: [String], table: RecognizedTable, index: Int,
                        check: String, whatZH: String, whatEN: String) -> [Finding] {
        keys.compactMap { key in
            let values = addends.compactMap { $0.amount(key) }
            guard let printed = total.amount(key), !values.isEmpty || printed.value != 0 else { return nil }
            return Identity(
                check: check,
                locations: [Finding.Location(table: index, rows: [total.reference] + addends.map(\.reference), columns: [key])],
                expected: Amount.sum(values), actual: printed, addends: max(values.count, 1), tolerance: table.tolerance,
                subjectZH: "\(table.displayName) \(key) 列：\(whatZH)不符", subjectEN: "\(table.displayName) column \(key): \(whatEN) differ")
                .finding
        }
    }
}
