/// Every table type gongkai recognises, in one place. Each spec lists the titles the type is
/// printed under (决算 and 预算 wordings) and the rules naming its columns.
enum Catalogue {
    static let specs: [TableSpec] = [
        TableSpec(.incomeExpenditureSummary,
                  titles: [["收入支出决算总表"], ["收支预算总表"], ["收支总表"], ["收入支出预算总表"]],
                  excluding: ["财政拨款"], layout: .twoSided, columns: summaryAmount),
        TableSpec(.fiscalAppropriationSummary,
                  titles: [["财政拨款收入支出决算总表"], ["财政拨款收支预算总表"], ["财政拨款收支总表"]],
                  excluding: ["非财政拨款"], layout: .twoSided, columns: [
                      ColumnRule("general_budget", leaf: ["一般公共预算"]),
                      ColumnRule("government_fund", leaf: ["政府性基金"]),
                      ColumnRule("state_capital", leaf: ["国有资本经营"]),
                      ColumnRule("total", leaf: ["合计", "小计"]),
                  ] + summaryAmount),
        TableSpec(.nonFiscalAppropriationSummary,
                  titles: [["非财政拨款收入支出决算总表"], ["非财政拨款收支"]], layout: .twoSided, columns: summaryAmount),
        TableSpec(.incomeByFunction,
                  titles: [["收入决算表"], ["收入预算总表"], ["收入预算表"], ["收入总表"]], excluding: ["支出"],
                  requires: .codeColumn, columns: [
                      ColumnRule("education_fees", leaf: ["教育收费"]),
                      ColumnRule("general_budget", leaf: ["一般公共预算"]),
                      ColumnRule("government_fund", leaf: ["政府性基金"]),
                      ColumnRule("state_capital", leaf: ["国有资本经营"]),
                      ColumnRule("fiscal_appropriation", leaf: ["财政拨款"]),
                      ColumnRule("higher_level_subsidy", leaf: ["上级补助"]),
                      ColumnRule("operating_income", leaf: ["经营收入"]),
                      ColumnRule("business_income", leaf: ["事业收入"]),
                      ColumnRule("subordinate_remittance", leaf: ["附属单位上缴", "附属单位缴款"]),
                      ColumnRule("other_income", leaf: ["其他收入"]),
                      ColumnRule("prior_year_carryover", leaf: ["上年结转", "上年结余", "弥补收支差额"]),
                      ColumnRule("total", leaf: ["合计", "总计"]),
                  ]),
        TableSpec(.incomeBySource,
                  titles: [["收入预算总表"], ["收入预算表"], ["收入总表"]], excluding: ["支出"],
                  requires: .noCodeColumn, columns: singleAmount),
        TableSpec(.expenditureByFunction,
                  titles: [["支出决算表"], ["支出预算总表"], ["支出总表"]],
                  excluding: ["一般公共预算", "政府性基金", "国有资本", "财政拨款", "三公", "基本支出", "机关运行", "收入"],
                  columns: functionExpenditure + [
                      ColumnRule("remittance_to_higher_level", leaf: ["上缴上级"]),
                      ColumnRule("operating_expenditure", leaf: ["经营支出"]),
                      ColumnRule("subsidy_to_subordinates", leaf: ["对附属单位补助", "对下级单位补助"]),
                      ColumnRule("unit_reserve", leaf: ["预留机动"]),
                      ColumnRule("carryover_to_next_year", leaf: ["结转下年"]),
                  ]),
        TableSpec(.fiscalAppropriationExpenditure,
                  titles: [["财政拨款支出预算表"], ["财政拨款支出决算表"]],
                  excluding: ["一般公共预算", "基本支出", "政府性基金", "国有资本", "三公"],
                  columns: [
                      ColumnRule("general_budget", leaf: ["一般公共预算"]),
                      ColumnRule("government_fund", leaf: ["政府性基金"]),
                      ColumnRule("state_capital", leaf: ["国有资本经营"]),
                  ] + functionExpenditure),
        TableSpec(.generalBudgetExpenditure,
                  titles: [["一般公共预算财政拨款支出决算表"], ["一般公共预算支出预算表"], ["一般公共预算支出功能分类预算表"],
                           ["一般公共预算支出表"], ["一般公共预算支出决算表"]],
                  excluding: ["基本支出", "收入支出"], columns: functionExpenditure),
        // The sub-columns' rules come before the block totals': 本年支出/基本支出/小计 is the
        // 基本支出 subtotal, not the 本年支出 total.
        TableSpec(.generalBudgetIncomeExpenditure,
                  titles: [["一般公共预算财政拨款收入支出决算表"]], columns: balanceDetail + balanceColumns),
        TableSpec(.generalBudgetBasicExpenditure,
                  titles: [["一般公共预算", "基本支出"], ["基本支出决算表"], ["基本支出决算明细表"]],
                  layout: .groups, columns: basicEconomic),
        TableSpec(.fiscalAppropriationBasicExpenditure,
                  titles: [["财政拨款基本支出"]], excluding: ["一般公共预算"],
                  layout: .groups, columns: basicEconomic),
        // Jiangsu adds 会议费 and 培训费: its 合计 is then over all of them, and the "三公"
        // total is the 小计 under "三公"经费.
        TableSpec(.threePublicExpenses,
                  titles: [["三公", "支出决算表"], ["三公", "预算表"], ["三公", "支出表"]],
                  excluding: ["情况表", "统计"], requires: .headerMentions(["会议费", "培训费"]),
                  columns: threePublic(grandTotal: true)),
        TableSpec(.threePublicExpenses,
                  titles: [["三公", "支出决算表"], ["三公", "预算表"], ["三公", "支出表"]],
                  excluding: ["情况表", "统计"], requires: .headerLacks(["会议费", "培训费"]),
                  columns: threePublic(grandTotal: false)),
        TableSpec(.threePublicExpensesStatistics,
                  titles: [["三公", "情况表"], ["三公", "统计表"]],
                  columns: [
                      ColumnRule("budget", leaf: ["预算"]),
                      ColumnRule("actual", leaf: ["决算", "实际"]),
                  ]),
        TableSpec(.operatingExpenses,
                  titles: [["机关运行经费支出预算表"], ["机关运行经费支出决算表"], ["机关运行经费预算表"]],
                  excluding: ["三公"], layout: .groups, columns: singleAmount + [ColumnRule("amount", leaf: ["机关运行经费"])]),
        TableSpec(.governmentFund,
                  titles: [["政府性基金"]], columns: balanceDetail + balanceColumns + functionExpenditure),
        TableSpec(.stateCapital,
                  titles: [["国有资本经营"]], columns: balanceDetail + balanceColumns + functionExpenditure),
        TableSpec(.governmentProcurement, titles: [["政府采购"]], labelColumns: false, columns: [
                      ColumnRule("category", leaf: ["品目大类", "采购品目"]),
                      ColumnRule("project", leaf: ["专项名称", "项目名称"]),
                      ColumnRule("economic_item", leaf: ["经济科目"]),
                      ColumnRule("item", leaf: ["采购物品", "物品名称"]),
                      ColumnRule("procurement_method", leaf: ["组织形式", "采购方式"]),
                      ColumnRule("goods", leaf: ["货物"]),
                      ColumnRule("works", leaf: ["工程"]),
                      ColumnRule("services", leaf: ["服务"]),
                      ColumnRule("total", leaf: ["总计", "合计", "金额"]),
                  ]),
        TableSpec(.departmentPerformanceSelfEvaluation, titles: [["部门整体支出绩效"], ["整体支出绩效自评"]],
                  layout: .form, columns: []),
        TableSpec(.performanceTargetCompletion, titles: [["绩效目标完成情况"]], layout: .form, columns: []),
        TableSpec(.projectPerformanceSelfEvaluation, titles: [["项目支出绩效自评"], ["绩效", "自评表"]],
                  excluding: ["部门整体"], layout: .form, columns: []),
        TableSpec(.projectPerformanceTargets, titles: [["绩效目标表"], ["绩效指标表"], ["绩效目标", "批复表"], ["绩效目标申报表"]],
                  excluding: ["完成情况", "部门整体", "自评"], layout: .form, columns: []),
    ]

    /// The one amount column of two-sided summaries: 决算数 / 预算数 / 金额.
    static let summaryAmount = [ColumnRule("amount", leaf: ["决算数", "预算数", "金额", "决算", "预算"])]

    /// A table's only amount column.
    static let singleAmount = [ColumnRule("amount", leaf: ["金额", "决算数", "预算数", "基本支出"])]

    /// Function-code expenditure tables: 合计, 基本支出 (人员经费, 公用经费), 项目支出.
    static let functionExpenditure = [
        ColumnRule("basic_personnel", leaf: ["人员经费"]),
        ColumnRule("basic_public", leaf: ["公用经费"]),
        ColumnRule("basic_expenditure", leaf: ["基本支出"]),
        ColumnRule("project_expenditure", leaf: ["项目支出"]),
        ColumnRule("total", leaf: ["合计", "小计", "总计"]),
        ColumnRule("amount", leaf: ["金额", "决算数", "预算数"]),
    ]

    /// The carry-over columns of 收入支出决算表s: 年初 / 本年收入 / 本年支出 / 年末.
    /// The split columns of a 收入支出决算表 by fund (Yunnan's 16 columns, 结转/结余 pairs):
    /// 年初 and 年末 by 基本支出 / 项目支出 or 结转 / 结余, 本年收入 and 本年支出 by 基本 / 项目.
    static let balanceDetail = [
        ColumnRule("opening_basic", leaf: ["基本支出"], path: [["年初"]]),
        ColumnRule("opening_project", leaf: ["项目支出"], path: [["年初"]]),
        ColumnRule("opening_carryover", leaf: ["结转"], path: [["年初"]], leafExcluding: ["结余"]),
        ColumnRule("opening_surplus", leaf: ["结余"], path: [["年初"]], leafExcluding: ["结转"]),
        ColumnRule("income_basic", leaf: ["基本支出"], path: [["本年收入"]]),
        ColumnRule("income_project", leaf: ["项目支出"], path: [["本年收入"]]),
        ColumnRule("expenditure_basic_personnel", leaf: ["人员经费"], path: [["本年支出"]]),
        ColumnRule("expenditure_basic_public", leaf: ["公用经费"], path: [["本年支出"]]),
        ColumnRule("expenditure_basic", leaf: ["小计"], path: [["本年支出"], ["基本支出"]]),
        ColumnRule("expenditure_project", leaf: ["项目支出"], path: [["本年支出"]]),
        ColumnRule("closing_basic", leaf: ["基本支出"], path: [["年末"]]),
        ColumnRule("closing_project_carryover", leaf: ["项目支出结转"], path: [["年末"]], leafExcluding: ["结余"]),
        ColumnRule("closing_project_surplus", leaf: ["项目支出结余"], path: [["年末"]], leafExcluding: ["结转"]),
        ColumnRule("closing_project", leaf: ["小计"], path: [["年末"], ["项目支出"]]),
        ColumnRule("closing_carryover", leaf: ["结转"], path: [["年末"]], leafExcluding: ["结余", "项目支出"]),
        ColumnRule("closing_surplus", leaf: ["结余"], path: [["年末"]], leafExcluding: ["结转", "项目支出"]),
    ]

    static let balanceColumns = [
        ColumnRule("opening_total", path: [["年初结转", "年初结余"]], excluding: ["基本支出", "项目支出"]),
        ColumnRule("closing_total", path: [["年末结转", "年末结余"]], excluding: ["基本支出", "项目支出"]),
        ColumnRule("income_total", path: [["本年收入"]], excluding: ["基本支出", "项目支出"]),
        ColumnRule("expenditure_total", leaf: ["合计", "小计", "本年支出"], path: [["本年支出"]]),
        ColumnRule("expenditure_basic", leaf: ["基本支出"], path: [["本年支出"]]),
        ColumnRule("expenditure_project", leaf: ["项目支出"], path: [["本年支出"]]),
    ]

    /// Economic-code tables: one amount (决算数), or 合计 / 人员经费 / 公用经费.
    static let basicEconomic = [
        ColumnRule("basic_personnel", leaf: ["人员经费"]),
        ColumnRule("basic_public", leaf: ["公用经费"]),
        ColumnRule("total", leaf: ["合计"]),
        ColumnRule("amount", leaf: ["决算数", "预算数", "金额", "基本支出"]),
    ]

    /// "三公" columns: 预算 or 决算, by item; 合计 is the "三公" total, or (`grandTotal`) the total
    /// over 三公, 会议费 and 培训费.
    static func threePublic(grandTotal: Bool) -> [ColumnRule] {
        ["budget": ["预算"], "actual": ["决算", "实际"]].sorted { $0.key < $1.key }.flatMap { prefix, marks in
            [
                ColumnRule("\(prefix)_operating_expenses", path: [["机关运行经费"], marks]),
                ColumnRule("\(prefix)_meeting", path: [["会议费"], marks]),
                ColumnRule("\(prefix)_training", path: [["培训费"], marks]),
                ColumnRule("\(prefix)_overseas", path: [["出国"], marks]),
                ColumnRule("\(prefix)_reception", path: [["接待"], marks]),
                ColumnRule("\(prefix)_vehicle_subtotal", path: [["公务用车"], ["小计"], marks]),
                ColumnRule("\(prefix)_vehicle_purchase", path: [["购置费"], marks]),
                ColumnRule("\(prefix)_vehicle_operation", path: [["运行费", "运行维护费"], marks], excluding: ["机关运行"]),
                ColumnRule("\(prefix)_total", path: [["三公"], ["小计"], marks]),
                ColumnRule(grandTotal ? "\(prefix)_grand_total" : "\(prefix)_total", path: [["合计"], marks]),
            ]
        }
    }
}
