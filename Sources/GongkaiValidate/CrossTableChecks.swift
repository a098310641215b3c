import GongkaiRecognize

/// Identities between the tables of one report, the tables matched by type (never by number):
/// the summary's year totals against the income and expenditure tables' 合计; the fiscal
/// summary's 一般公共预算 column per class against the general-budget table's classes; the
/// general-budget table's 基本支出 合计 against the 基本支出 table. Each side of such a
/// comparison is a rounded figure of its own, so in 万元 tables they may differ by 0.01.
enum CrossTableChecks {
    static func findings(_ tables: [RecognizedTable]) -> [Finding] {
        var findings: [Finding] = []
        func first(_ type: TableType) -> (Int, RecognizedTable)? {
            tables.enumerated().first { $0.element.type == type && !$0.element.rows.isEmpty }.map { ($0.offset, $0.element) }
        }
        if let summary = first(.incomeExpenditureSummary) {
            if let income = first(.incomeByFunction) {
                findings += yearTotal(summary, side: "收入", against: income, check: "cross.summary-income")
            }
            if let expenditure = first(.expenditureByFunction) {
                findings += yearTotal(summary, side: "支出", against: expenditure, check: "cross.summary-expenditure")
            }
        }
        if let fiscal = first(.fiscalAppropriationSummary), let general = first(.generalBudgetExpenditure) {
            findings += classTotals(fiscal, against: general)
        }
        if let general = first(.generalBudgetExpenditure) {
            for type in [TableType.generalBudgetBasicExpenditure] {
                if let basic = first(type) { findings += basicTotal(general, against: basic) }
            }
        }
        return findings
    }

    /// The summary's 本年收入合计 (or, with no carry-over rows, its 收入总计) = the table's 合计.
    static func yearTotal(_ summary: (Int, RecognizedTable), side: String, against table: (Int, RecognizedTable),
                          check: String) -> [Finding] {
        let rows = summary.1.rows.filter { $0.section == side }
        let yearRow = rows.first { SummaryChecks.yearTotalNames.contains($0.compactName) }
            ?? (rows.contains { $0.compactName.contains("结转") || $0.compactName.contains("结余") }
                ? nil : rows.first { SummaryChecks.grandTotalNames.contains($0.compactName) })
        guard let yearRow, let printed = yearRow.amount("amount"),
              let totalRow = totalRow(of: table.1), let other = totalRow.amount("total") ?? totalRow.amount("amount") else { return [] }
        return [Identity(
            check: check,
            locations: [Finding.Location(table: summary.0, rows: [yearRow.reference], columns: ["amount"]),
                        Finding.Location(table: table.0, rows: [totalRow.reference], columns: ["total"])],
            expected: other, actual: printed, addends: 2, tolerance: summary.1.tolerance,
            subjectZH: "\(summary.1.displayName)的\(yearRow.compactName)与\(table.1.displayName)的合计不符",
            subjectEN: "\(yearRow.compactName) of \(summary.1.displayName) and the 合计 of \(table.1.displayName) differ")
            .finding].compactMap { $0 }
    }

    /// The 合计 row of a function-code table, or the sum of its classes when it prints none.
    static func totalRow(of table: RecognizedTable) -> Row? {
        table.rows.first { $0.code == nil && ["合计", "总计"].contains($0.compactName) }
            ?? (table.rows.count == 1 ? table.rows.first : nil)
    }

    /// The fiscal summary's 支出 rows (一、一般公共服务支出 …) in the 一般公共预算 column against the
    /// general-budget table's 类 rows of the same name.
    static func classTotals(_ fiscal: (Int, RecognizedTable), against general: (Int, RecognizedTable)) -> [Finding] {
        let classes = general.1.rows.filter { $0.code?.count == 3 }
        var findings: [Finding] = []
        for row in fiscal.1.rows where row.section?.hasPrefix("支出") == true && SummaryChecks.isNumberedItem(row) {
            guard let printed = row.amount("general_budget") else { continue }
            let name = strippedOrdinal(row.compactName)
            guard let match = classes.first(where: { $0.compactName == name }) else { continue }
            let other = match.amount("total") ?? match.amount("amount") ?? .zero
            if let finding = Identity(
                check: "cross.fiscal-general-budget",
                locations: [Finding.Location(table: fiscal.0, rows: [row.reference], columns: ["general_budget"]),
                            Finding.Location(table: general.0, rows: [match.reference], columns: ["total"])],
                expected: other, actual: printed, addends: 2, tolerance: fiscal.1.tolerance,
                subjectZH: "\(fiscal.1.displayName)一般公共预算列的\(name)与\(general.1.displayName)不符",
                subjectEN: "\(name) in the 一般公共预算 column of \(fiscal.1.displayName) and \(general.1.displayName) differ").finding {
                findings.append(finding)
            }
        }
        return findings
    }

    /// The general-budget table's 合计 基本支出 = the 基本支出 table's 人员经费合计 + 公用经费合计 (or its
    /// 合计 row).
    static func basicTotal(_ general: (Int, RecognizedTable), against basic: (Int, RecognizedTable)) -> [Finding] {
        guard let generalTotal = totalRow(of: general.1), let printed = generalTotal.amount("basic_expenditure") else { return [] }
        let parts = basic.1.rows.filter { $0.code == nil && ["人员经费合计", "公用经费合计", "人员经费", "公用经费"].contains($0.compactName) }
        let values: [Amount]
        if !parts.isEmpty {
            values = parts.compactMap { $0.amount("amount") ?? $0.amount("total") }
        } else if let total = totalRow(of: basic.1)?.amount("total") {
            values = [total]
        } else {
            return []
        }
        guard !values.isEmpty else { return [] }
        return [Identity(
            check: "cross.basic-expenditure",
            locations: [Finding.Location(table: general.0, rows: [generalTotal.reference], columns: ["basic_expenditure"]),
                        Finding.Location(table: basic.0, rows: parts.map(\.reference), columns: ["amount"])],
            expected: Amount.sum(values), actual: printed, addends: values.count, tolerance: general.1.tolerance,
            subjectZH: "\(general.1.displayName)的基本支出合计与\(basic.1.displayName)的人员经费、公用经费之和不符",
            subjectEN: "基本支出 合计 of \(general.1.displayName) and 人员经费 + 公用经费 of \(basic.1.displayName) differ")
            .finding].compactMap { $0 }
    }

    /// "一、一般公共服务支出" → "一般公共服务支出".
    static func strippedOrdinal(_ name: String) -> String {
        guard let mark = name.firstIndex(where: { "、．.）)".contains($0) }) else { return name }
        return String(name[name.index(after: mark)...])
    }
}
