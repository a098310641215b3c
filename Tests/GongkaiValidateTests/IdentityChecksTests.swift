import Testing
@testable import GongkaiRecognize
@testable import GongkaiValidate

/// One fixture that passes and one that fails for each check; the failing one must name the
/// check, the rows and columns, and the expected and printed values.
struct IdentityChecksTests {
    static func row(_ code: String?, _ name: String?, section: String? = nil, _ cells: [(String, String)]) -> Row {
        Row(section: section, code: code, level: code.flatMap(CodeLevel.init(code:)), name: name,
            cells: cells.map { ($0.0, CellValue.amount($0.1)) })
    }

    static func table(_ type: TableType, unit: String? = "元", keys: [String], rows: [Row], sections: [String?] = [nil]) -> RecognizedTable {
        RecognizedTable(type: type, title: "测试表", label: nil, pages: [1], unit: unit,
                        columns: sections.flatMap { section in keys.map { Column(key: $0, header: [$0], section: section) } },
                        rows: rows)
    }

    static func findings(_ tables: [RecognizedTable]) -> [Finding] { Validator.findings(for: tables) }

    /// Amounts are written at a given number of places, rounded half away from zero, exactly.
    @Test func amountsWrittenAtTheirPlaces() {
        func text(_ value: String, _ scale: Int) -> String { Amount(value: Amount(value)!.value, scale: scale).text }
        #expect(text("14901.58", 2) == "14901.58")
        #expect(text("0.005", 2) == "0.01")
        #expect(text("-0.005", 2) == "-0.01")
        #expect(text("-0.004", 2) == "0.00")
        #expect(text("99.995", 2) == "100.00")
        #expect(text("12", 2) == "12.00")
        #expect(text("2.45", 1) == "2.5")
        #expect(text("1234.5", 0) == "1235")
        #expect(text("0.33333333333333333333", 4) == "0.3333")
    }

    // MARK: code hierarchy

    static let expenditureRows = [
        row("208", "社会保障和就业支出", [("total", "100.00"), ("basic_expenditure", "60.00"), ("project_expenditure", "40.00")]),
        row("20805", "行政事业单位养老支出", [("total", "100.00"), ("basic_expenditure", "60.00"), ("project_expenditure", "40.00")]),
        row("2080505", "机关事业单位基本养老保险缴费支出", [("total", "70.00"), ("basic_expenditure", "60.00"), ("project_expenditure", "10.00")]),
        row("2080506", "机关事业单位职业年金缴费支出", [("total", "30.00"), ("basic_expenditure", "0.00"), ("project_expenditure", "30.00")]),
        row(nil, "合计", [("total", "100.00"), ("basic_expenditure", "60.00"), ("project_expenditure", "40.00")]),
    ]

    @Test func aConsistentFunctionTableHasNoFindings() {
        let table = Self.table(.generalBudgetExpenditure, keys: ["total", "basic_expenditure", "project_expenditure"], rows: Self.expenditureRows)
        #expect(Self.findings([table]).isEmpty)
    }

    @Test func aParentThatIsNotTheSumOfItsChildren() {
        var rows = Self.expenditureRows
        rows[2] = Self.row("2080505", "机关事业单位基本养老保险缴费支出", [("total", "71.00"), ("basic_expenditure", "61.00"), ("project_expenditure", "10.00")])
        let findings = Self.findings([Self.table(.generalBudgetExpenditure, keys: ["total", "basic_expenditure", "project_expenditure"], rows: rows)])
        let children = findings.filter { $0.check == "code.children-sum" }
        #expect(children.map(\.locations.first?.columns) == [["total"], ["basic_expenditure"]])
        #expect(children.first?.expected == "101.00")
        #expect(children.first?.actual == "100.00")
        #expect(children.first?.difference == "-1.00")
        #expect(children.first?.severity == .error)
        #expect(children.first?.locations.first?.rows.first == "20805")
    }

    @Test func theTotalRowIsTheSumOfTheCategories() {
        var rows = Self.expenditureRows
        rows[4] = Self.row(nil, "合计", [("total", "100.00"), ("basic_expenditure", "60.00"), ("project_expenditure", "41.00")])
        let findings = Self.findings([Self.table(.generalBudgetExpenditure, keys: ["total", "basic_expenditure", "project_expenditure"], rows: rows)])
        #expect(findings.map(\.check).contains("total.categories-sum"))
        #expect(findings.map(\.check).contains("row.expenditure-total"))
    }

    // MARK: row formulas

    @Test func incomeTotalLeavesOutTheOfWhichColumn() {
        let good = Self.row(nil, "合计", [("total", "100.00"), ("fiscal_appropriation", "80.00"), ("business_income", "20.00"),
                                         ("education_fees", "5.00")])
        let table = Self.table(.incomeByFunction, keys: ["total", "fiscal_appropriation", "business_income", "education_fees"], rows: [good])
        #expect(Self.findings([table]).isEmpty)
        let bad = Self.row(nil, "合计", [("total", "100.00"), ("fiscal_appropriation", "85.00"), ("business_income", "20.00")])
        let finding = Self.findings([Self.table(.incomeByFunction, keys: ["total", "fiscal_appropriation", "business_income"], rows: [bad])])
        #expect(finding.map(\.check) == ["row.income-total"])
        #expect(finding.first?.expected == "105.00")
    }

    @Test func wanYuanRoundingIsAWarningWithinHalfACentPerAddend() {
        let rounded = Self.row(nil, "合计", [("total", "100.01"), ("basic_expenditure", "60.00"), ("project_expenditure", "40.00")])
        let table = Self.table(.generalBudgetExpenditure, unit: "万元", keys: ["total", "basic_expenditure", "project_expenditure"], rows: [rounded])
        #expect(Self.findings([table]).map(\.severity) == [.warning])
        let yuan = Self.table(.generalBudgetExpenditure, unit: "元", keys: ["total", "basic_expenditure", "project_expenditure"], rows: [rounded])
        #expect(Self.findings([yuan]).map(\.severity) == [.error])
        let far = Self.row(nil, "合计", [("total", "100.02"), ("basic_expenditure", "60.00"), ("project_expenditure", "40.00")])
        let wan = Self.table(.generalBudgetExpenditure, unit: "万元", keys: ["total", "basic_expenditure", "project_expenditure"], rows: [far])
        #expect(Self.findings([wan]).map(\.severity) == [.error])
    }

    @Test func carryOverBalance() {
        let keys = ["opening_total", "income_total", "expenditure_total", "expenditure_basic", "expenditure_project", "closing_total"]
        let good = Self.row(nil, "合计", [("opening_total", "10.00"), ("income_total", "100.00"), ("expenditure_total", "90.00"),
                                         ("expenditure_basic", "50.00"), ("expenditure_project", "40.00"), ("closing_total", "20.00")])
        #expect(Self.findings([Self.table(.governmentFund, keys: keys, rows: [good])]).isEmpty)
        var bad = good
        bad.cells[5] = ("closing_total", .amount("25.00"))
        let findings = Self.findings([Self.table(.governmentFund, keys: keys, rows: [bad])])
        #expect(findings.map(\.check) == ["row.carryover-balance"])
        #expect(findings.first?.expected == "20.00")
    }

    @Test func threePublicSums() {
        let keys = ["budget_total", "budget_overseas", "budget_vehicle_subtotal", "budget_vehicle_purchase", "budget_vehicle_operation", "budget_reception"]
        let good = Self.row(nil, nil, [("budget_total", "10.81"), ("budget_overseas", "0"), ("budget_vehicle_subtotal", "9.98"),
                                       ("budget_vehicle_purchase", "0"), ("budget_vehicle_operation", "9.98"), ("budget_reception", "0.83")])
        #expect(Self.findings([Self.table(.threePublicExpenses, unit: "万元", keys: keys, rows: [good])]).isEmpty)
        var bad = good
        bad.cells[2] = ("budget_vehicle_subtotal", .amount("9.00"))
        let checks = Self.findings([Self.table(.threePublicExpenses, unit: "万元", keys: keys, rows: [bad])]).map(\.check)
        #expect(checks == ["three-public.total", "three-public.vehicle"])
    }

    // MARK: summaries

    static func summary(incomeTotal: String, expenditureTotal: String) -> RecognizedTable {
        let rows = [
            row(nil, "一、一般公共预算财政拨款收入", section: "收入", [("amount", "90.00")]),
            row(nil, "二、事业收入", section: "收入", [("amount", "10.00")]),
            row(nil, "本年收入合计", section: "收入", [("amount", "100.00")]),
            row(nil, "年初结转和结余", section: "收入", [("amount", "5.00")]),
            row(nil, "总计", section: "收入", [("amount", incomeTotal)]),
            row(nil, "一、一般公共服务支出", section: "支出", [("amount", "95.00")]),
            row(nil, "本年支出合计", section: "支出", [("amount", "95.00")]),
            row(nil, "年末结转和结余", section: "支出", [("amount", "10.00")]),
            row(nil, "总计", section: "支出", [("amount", expenditureTotal)]),
        ]
        return table(.incomeExpenditureSummary, keys: ["amount"], rows: rows, sections: ["收入", "支出"])
    }

    @Test func aBalancedSummary() {
        #expect(Self.findings([Self.summary(incomeTotal: "105.00", expenditureTotal: "105.00")]).isEmpty)
    }

    @Test func anUnbalancedSummary() {
        let findings = Self.findings([Self.summary(incomeTotal: "105.00", expenditureTotal: "106.00")])
        #expect(findings.map(\.check).sorted() == ["summary.balance", "summary.grand-total"])
        let balance = findings.first { $0.check == "summary.balance" }
        #expect(balance?.expected == "105.00" && balance?.actual == "106.00")
        #expect(balance?.messageZH.contains("不平衡") == true)
        #expect(balance?.messageEN.contains("does not balance") == true)
    }

    /// 000-gz-2020 财政拨款收入支出决算总表: the fund rows under 年初财政拨款结转和结余, printed
    /// without an ordinal, are its parts, not more addends of 总计.
    @Test func fundRowsUnderTheCarryOverArePartsOfIt() {
        func table(part: String) -> RecognizedTable {
            Self.table(.fiscalAppropriationSummary, keys: ["amount"], rows: [
                Self.row(nil, "一、一般公共预算财政拨款", section: "收入", [("amount", "100.00")]),
                Self.row(nil, "本年收入合计", section: "收入", [("amount", "100.00")]),
                Self.row(nil, "年初财政拨款结转和结余", section: "收入", [("amount", "0.48")]),
                Self.row(nil, "一般公共预算财政拨款", section: "收入", [("amount", part)]),
                Self.row(nil, "总计", section: "收入", [("amount", "100.48")]),
            ], sections: ["收入"])
        }
        #expect(Self.findings([table(part: "0.48")]).isEmpty)
        let broken = Self.findings([table(part: "0.47")])
        #expect(broken.map(\.check) == ["summary.sub-items"])
        #expect(broken.first?.expected == "0.47" && broken.first?.actual == "0.48")
    }

    // MARK: 基本支出

    @Test func personnelAndPublicTotals() {
        let rows = [
            Self.row("301", "工资福利支出", [("amount", "80.00")]), Self.row("30101", "基本工资", [("amount", "80.00")]),
            Self.row("302", "商品和服务支出", [("amount", "15.00")]), Self.row("30201", "办公费", [("amount", "15.00")]),
            Self.row("303", "对个人和家庭的补助", [("amount", "5.00")]), Self.row("30301", "离休费", [("amount", "5.00")]),
            Self.row(nil, "人员经费合计", [("amount", "85.00")]), Self.row(nil, "公用经费合计", [("amount", "16.00")]),
        ]
        let findings = Self.findings([Self.table(.generalBudgetBasicExpenditure, keys: ["amount"], rows: rows)])
        #expect(findings.map(\.check) == ["basic.personnel-public"])
        #expect(findings.first?.locations.first?.rows.first == "公用经费合计")
        #expect(findings.first?.expected == "15.00")
    }

    // MARK: across tables

    @Test func summaryAgainstIncomeAndExpenditureTables() {
        let summary = Self.summary(incomeTotal: "105.00", expenditureTotal: "105.00")
        let income = Self.table(.incomeByFunction, keys: ["total", "fiscal_appropriation"],
                                rows: [Self.row(nil, "合计", [("total", "100.00"), ("fiscal_appropriation", "100.00")])])
        let expenditure = Self.table(.expenditureByFunction, keys: ["total", "basic_expenditure"],
                                     rows: [Self.row(nil, "合计", [("total", "96.00"), ("basic_expenditure", "96.00")])])
        let findings = Self.findings([summary, income, expenditure])
        #expect(findings.map(\.check) == ["cross.summary-expenditure"])
        #expect(findings.first?.locations.map(\.table) == [0, 2])
        #expect(findings.first?.expected == "96.00" && findings.first?.actual == "95.00")
    }

    @Test func generalBudgetAgainstBasicExpenditureTable() {
        let general = Self.table(.generalBudgetExpenditure, keys: ["total", "basic_expenditure", "project_expenditure"],
                                 rows: [Self.row(nil, "合计", [("total", "150.00"), ("basic_expenditure", "100.00"), ("project_expenditure", "50.00")])])
        let basic = Self.table(.generalBudgetBasicExpenditure, keys: ["amount"],
                               rows: [Self.row(nil, "人员经费合计", [("amount", "85.00")]), Self.row(nil, "公用经费合计", [("amount", "15.00")])])
        #expect(Self.findings([general, basic]).isEmpty)
        let short = Self.table(.generalBudgetBasicExpenditure, keys: ["amount"],
                               rows: [Self.row(nil, "人员经费合计", [("amount", "85.00")]), Self.row(nil, "公用经费合计", [("amount", "14.00")])])
        #expect(Self.findings([general, short]).map(\.check) == ["cross.basic-expenditure"])
    }

    @Test func fiscalSummaryClassesAgainstGeneralBudgetTable() {
        let fiscal = Self.table(.fiscalAppropriationSummary, keys: ["total", "general_budget"], rows: [
            Self.row(nil, "一、社会保障和就业支出", section: "支出", [("total", "100.00"), ("general_budget", "100.00")]),
        ], sections: ["支出"])
        let general = Self.table(.generalBudgetExpenditure, keys: ["total"], rows: [Self.row("208", "社会保障和就业支出", [("total", "99.00")])])
        #expect(Self.findings([fiscal, general]).map(\.check) == ["cross.fiscal-general-budget"])
    }

    // MARK: values are never altered

    @Test func findingsLeaveTheTablesAsPrinted() {
        let table = Self.table(.generalBudgetExpenditure, keys: ["total", "basic_expenditure", "project_expenditure"],
                               rows: [Self.row(nil, "合计", [("total", "1.00"), ("basic_expenditure", "2.00"), ("project_expenditure", "3.00")])])
        let before = table.rows
        _ = Self.findings([table])
        #expect(table.rows == before)
    }
}
