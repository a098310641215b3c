import GongkaiRecognize

/// Row identities: a row's total column is the sum of its component columns ("其中" columns are
/// parts of their neighbour, never addends), and the carry-over balance of 收入支出决算表s.
enum RowFormulas {
    /// `total` = Σ sign × addend.
    struct Formula {
        var check: String
        var total: String
        var addends: [(key: String, sign: Int)]
        /// The formula does not apply when the table has this column.
        var unless: String?

        init(_ check: String, _ total: String, plus: [String], minus: [String] = [], unless: String? = nil) {
            self.check = check
            self.total = total
            addends = plus.map { ($0, 1) } + minus.map { ($0, -1) }
            self.unless = unless
        }
    }

    static func formulas(for type: TableType) -> [Formula] {
        switch type {
        case .incomeByFunction:
            // 财政拨款 is an addend, or its split by fund when it has no column of its own.
            let others = ["higher_level_subsidy", "business_income", "operating_income", "subordinate_remittance",
                          "other_income", "prior_year_carryover"]
            return [
                Formula("row.income-total", "total", plus: ["fiscal_appropriation"] + others),
                Formula("row.income-total", "total", plus: ["general_budget", "government_fund", "state_capital"] + others,
                        unless: "fiscal_appropriation"),
                Formula("row.fund-total", "fiscal_appropriation", plus: ["general_budget", "government_fund", "state_capital"]),
            ]
        case .expenditureByFunction:
            return [
                Formula("row.expenditure-total", "total", plus: ["basic_expenditure", "project_expenditure", "remittance_to_higher_level",
                                                                 "operating_expenditure", "subsidy_to_subordinates", "unit_reserve",
                                                                 "carryover_to_next_year"]),
            ]
        case .fiscalAppropriationExpenditure, .generalBudgetExpenditure:
            return basicPlusProject + [
                Formula("row.fund-total", "total", plus: ["general_budget", "government_fund", "state_capital"]),
            ]
        case .generalBudgetIncomeExpenditure:
            return [
                Formula("row.opening-total", "opening_total", plus: ["opening_basic", "opening_project"]),
                Formula("row.income-total", "income_total", plus: ["income_basic", "income_project"]),
                Formula("row.expenditure-total", "expenditure_total", plus: ["expenditure_basic", "expenditure_project"]),
                Formula("row.basic-total", "expenditure_basic", plus: ["expenditure_basic_personnel", "expenditure_basic_public"]),
                Formula("row.closing-total", "closing_total", plus: ["closing_basic", "closing_project"]),
                Formula("row.closing-project", "closing_project", plus: ["closing_project_carryover", "closing_project_surplus"]),
                balance,
            ]
        case .generalBudgetBasicExpenditure, .fiscalAppropriationBasicExpenditure:
            return [Formula("row.basic-total", "total", plus: ["basic_personnel", "basic_public"])]
        case .governmentFund, .stateCapital:
            return basicPlusProject + [
                Formula("row.expenditure-total", "expenditure_total", plus: ["expenditure_basic", "expenditure_project"]),
                balance,
            ]
        case .threePublicExpenses:
            return ["budget", "actual"].flatMap { prefix in
                [
                    Formula("three-public.total", "\(prefix)_total",
                            plus: ["\(prefix)_overseas", "\(prefix)_vehicle_subtotal", "\(prefix)_reception"]),
                    Formula("three-public.vehicle", "\(prefix)_vehicle_subtotal",
                            plus: ["\(prefix)_vehicle_purchase", "\(prefix)_vehicle_operation"]),
                    Formula("three-public.grand-total", "\(prefix)_grand_total",
                            plus: ["\(prefix)_total", "\(prefix)_meeting", "\(prefix)_training"]),
                ]
            }
        case .fiscalAppropriationSummary:
            return [Formula("row.fund-total", "total", plus: ["general_budget", "government_fund", "state_capital"])]
        default:
            return []
        }
    }

    static let basicPlusProject = [
        Formula("row.expenditure-total", "total", plus: ["basic_expenditure", "project_expenditure"]),
        Formula("row.basic-total", "basic_expenditure", plus: ["basic_personnel", "basic_public"]),
    ]

    /// 年末结转和结余 = 年初结转和结余 + 本年收入 − 本年支出.
    static let balance = Formula("row.carryover-balance", "closing_total", plus: ["opening_total", "income_total"],
                                 minus: ["expenditure_total"])

    /// Every row formula of the table that has its total and at least one printed addend
    /// (blank addends count as zero).
    static func findings(_ table: RecognizedTable, index: Int) -> [Finding] {
        let formulas = formulas(for: table.type)
        let keys = Set(table.columns.map(\.key))
        var findings: [Finding] = []
        for formula in formulas where keys.contains(formula.total) && !formula.unless.map(keys.contains).orFalse {
            let present = formula.addends.filter { keys.contains($0.key) }
            guard !present.isEmpty else { continue }
            for row in table.rows {
                guard let total = row.amount(formula.total) else { continue }
                let values = present.compactMap { addend in row.amount(addend.key).map { (addend, $0) } }
                guard !values.isEmpty else { continue }
                let expected = values.reduce(Amount.zero) { sum, pair in
                    pair.0.sign > 0 ? sum + pair.1 : sum - pair.1
                }
                let terms = present.map { ($0.sign > 0 ? "+" : "−") + $0.key }.joined(separator: " ").dropFirst()
                let identity = Identity(
                    check: formula.check,
                    locations: [Finding.Location(table: index, rows: [row.reference], columns: [formula.total] + present.map(\.key))],
                    expected: expected, actual: total, addends: values.count, tolerance: table.tolerance,
                    subjectZH: "\(table.displayName) \(row.reference) 行：\(formula.total) ≠ \(terms)",
                    subjectEN: "\(table.displayName) row \(row.reference): \(formula.total) ≠ \(terms)")
                if let finding = identity.finding { findings.append(finding) }
            }
        }
        return findings
    }
}

extension Optional where Wrapped == Bool {
    var orFalse: Bool { self ?? false }
}
