import Testing
@testable import GongkaiLayout
@testable import GongkaiRecognize
@testable import GongkaiText

/// Each table type recognised from a small grid: its type from the title (never the 公开NN
/// number), its columns named from the header however it wraps or spans, its rows typed.
struct RecognizerTests {
    /// A grid from rows of cell texts; "<" continues the cell on the left, "^" the cell above.
    static func table(_ title: String, label: String? = nil, unit: String? = "万元", header: Int, _ rows: [[String]]) -> Table {
        var cells: [Cell] = []
        var owner = [[Int]](repeating: [Int](repeating: -1, count: rows[0].count), count: rows.count)
        for (r, row) in rows.enumerated() {
            for (c, text) in row.enumerated() {
                if text == "<", c > 0 { let i = owner[r][c - 1]; owner[r][c] = i; cells[i].columnSpan = c - cells[i].column + 1; continue }
                if text == "^", r > 0 { let i = owner[r - 1][c]; owner[r][c] = i; cells[i].rowSpan = r - cells[i].row + 1; continue }
                owner[r][c] = cells.count
                cells.append(Cell(text: text, row: r, column: c, box: Box(x0: Double(c) * 50, y0: Double(r) * 20,
                                                                          x1: Double(c + 1) * 50, y1: Double(r + 1) * 20), page: 1))
            }
        }
        return Table(pages: [1], title: title, label: label, unit: unit, department: nil, notes: [],
                     grid: Grid(rowCount: rows.count, columnCount: rows[0].count, cells: cells, headerRowCount: header),
                     method: .ruled, box: Box(x0: 0, y0: 0, x1: 1, y1: 1))
    }

    static func recognize(_ table: Table) -> (RecognizedTable, [Finding]) {
        let (tables, findings) = Recognizer.recognize([table])
        return (tables[0], findings)
    }

    @Test func incomeTableWithCodePartsAndAnOfWhichColumn() {
        let (table, findings) = Self.recognize(Self.table("收入决算表", label: "公开05表", header: 3, [
            ["项目", "<", "<", "<", "本年收入合计", "财政拨款收入", "事业收入", "<", "附属单位上缴收入"],
            ["功能分类科目编码", "<", "<", "科目名称", "^", "^", "小计", "其中：教育收费", "^"],
            ["类", "款", "项", "^", "^", "^", "^", "^", "^"],
            ["", "", "", "合计", "100.00", "90.00", "10.00", "2.00", "0.00"],
            ["208", "", "", "社会保障和就业支出", "100.00", "90.00", "10.00", "2.00", "—"],
            ["208", "05", "05", "机关事业单位基本养老保险缴费支出", "100.00", "90.00", "10.00", "", ""],
        ]))
        #expect(table.type == .incomeByFunction)
        #expect(table.label == "公开05表")
        #expect(table.columns.map(\.key) == ["total", "fiscal_appropriation", "business_income", "education_fees", "subordinate_remittance"])
        #expect(table.columns[3].header == ["事业收入", "其中：教育收费"])
        #expect(table.rows.map(\.code) == [nil, "208", "2080505"])
        #expect(table.rows.map(\.level) == [nil, .category, .item])
        #expect(table.rows[0].name == "合计")
        #expect(table.rows[1]["subordinate_remittance"] == .notApplicable)
        #expect(table.rows[2]["education_fees"] == nil)
        #expect(findings.isEmpty)
    }

    @Test func theTypeComesFromTheTitleNotTheNumber() {
        let header = [["项目", "<", "合计", "基本支出", "项目支出"], ["科目编码", "科目名称", "^", "^", "^"], ["208", "社保", "1.00", "1.00", "0.00"]]
        #expect(Self.recognize(Self.table("一般公共预算财政拨款支出决算表", label: "公开05表", header: 2, header)).0.type == .generalBudgetExpenditure)
        #expect(Self.recognize(Self.table("支出决算表", label: "公开05表", header: 2, header)).0.type == .expenditureByFunction)
        #expect(Self.recognize(Self.table("2026年部门一般公共预算支出功能分类预算表", header: 2, header)).0.type == .generalBudgetExpenditure)
    }

    @Test func twoSidedSummaryWithLineNumbers() {
        let (table, _) = Self.recognize(Self.table("收入支出决算总表", label: "公开01表", header: 3, [
            ["收入", "<", "<", "支出", "<", "<"],
            ["项目", "行次", "决算数", "项目", "行次", "决算数"],
            ["栏次", "<", "1", "栏次", "<", "2"],
            ["一、一般公共预算财政拨款收入", "1", "14,901.58", "一、一般公共服务支出", "14", ""],
            ["本年收入合计", "10", "14,929.51", "本年支出合计", "23", "13,374.38"],
        ]))
        #expect(table.type == .incomeExpenditureSummary)
        #expect(table.columns.map { "\($0.key)@\($0.section ?? "")" } == ["amount@收入", "amount@支出"])
        #expect(table.rows.map(\.section) == ["收入", "收入", "支出", "支出"])
        #expect(table.rows.map(\.line) == [1, 10, 14, 23])
        #expect(table.rows[0]["amount"] == .amount("14901.58"))
        #expect(table.rows[2].cells.isEmpty)
    }

    @Test func jiangsuSummaryWithTwoExpenditureSidesAndAMisdrawnHeader() {
        // 支出用途 is drawn over the 功能分类 amounts: the amounts still belong to 功能分类.
        let (table, _) = Self.recognize(Self.table("收支预算总表", header: 3, [
            ["收入", "<", "支出", "<", "<", "<"],
            ["项目名称", "金额", "功能分类", "支出用途", "<", "<"],
            ["^", "^", "功能科目名称", "金额", "项目名称", "金额"],
            ["一、财政拨款", "37,188.34", "四、公共安全支出", "27,488.23", "一、基本支出", "21,968.00"],
            ["收入合计", "37,188.34", "支出合计", "<", "<", "37,188.34"],
        ]))
        #expect(table.columns.map { $0.section ?? "" } == ["收入", "支出/功能分类", "支出/支出用途"])
        #expect(table.rows.map { "\($0.section ?? "")|\($0.name ?? "")" } == [
            "收入|一、财政拨款", "收入|收入合计", "支出/功能分类|四、公共安全支出",
            "支出/支出用途|一、基本支出", "支出/支出用途|支出合计",
        ])
        #expect(table.rows[2]["amount"] == .amount("27488.23"))
    }

    @Test func sideBySideEconomicGroups() {
        let (table, _) = Self.recognize(Self.table("一般公共预算财政拨款基本支出决算表", header: 1, [
            ["经济分类科目编码", "科目名称", "决算数", "经济分类科目编码", "科目名称", "决算数"],
            ["301", "工资福利支出", "80.00", "302", "商品和服务支出", "15.00"],
            ["30101", "基本工资", "80.00", "30201", "办公费", "15.00"],
            ["人员经费合计", "<", "80.00", "公用经费合计", "<", "15.00"],
        ]))
        #expect(table.type == .generalBudgetBasicExpenditure)
        #expect(table.columns.map(\.key) == ["amount"])
        #expect(table.rows.map { $0.code ?? $0.name ?? "" } == ["301", "30101", "人员经费合计", "302", "30201", "公用经费合计"])
        #expect(table.rows.last?["amount"] == .amount("15.00"))
    }

    @Test func threePublicUnderAThreeLevelHeader() {
        let (table, _) = Self.recognize(Self.table("财政拨款“三公”经费支出决算表", header: 3, [
            ["合计", "<", "因公出国（境）费", "<", "公务用车购置及运行维护费", "<", "<", "<", "公务接待费", "<"],
            ["^", "^", "^", "^", "小计", "<", "公务用车运行维护费", "<", "^", "^"],
            ["预算数", "决算数", "预算数", "决算数", "预算数", "决算数", "预算数", "决算数", "预算数", "决算数"],
            ["2.85", "0.39", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00", "2.85", "0.39"],
        ]))
        #expect(table.columns.map(\.key) == [
            "budget_total", "actual_total", "budget_overseas", "actual_overseas", "budget_vehicle_subtotal", "actual_vehicle_subtotal",
            "budget_vehicle_operation", "actual_vehicle_operation", "budget_reception", "actual_reception",
        ])
        #expect(table.rows.count == 1 && table.rows[0]["actual_reception"] == .amount("0.39"))
    }

    @Test func threePublicInJiangsuWithMeetingsAndTraining() {
        let (table, _) = Self.recognize(Self.table("“三公”经费、会议费、培训费支出预算表", header: 2, [
            ["合计", "“三公”经费", "<", "会议费", "培训费"],
            ["^", "小计", "公务接待费", "^", "^"],
            ["2,382.02", "513.75", "86.95", "271.02", "1,597.25"],
        ]))
        #expect(table.columns.map(\.key) == ["budget_grand_total", "budget_total", "budget_reception", "budget_meeting", "budget_training"])
    }

    @Test func yunnanSixteenColumnsAndGovernmentFundBalances() {
        let (yunnan, _) = Self.recognize(Self.table("一般公共预算财政拨款收入支出决算表", unit: "元", header: 3, [
            ["科目编码", "科目名称", "年初结转和结余", "本年收入", "本年支出", "<", "<", "<", "年末结转和结余"],
            ["^", "^", "合计", "合计", "合计", "基本支出", "<", "项目支出", "合计"],
            ["^", "^", "^", "^", "^", "小计", "人员经费", "^", "^"],
            ["201", "一般公共服务支出", "", "19,200.00", "19,200.00", "", "", "19,200.00", ""],
        ]))
        #expect(yunnan.type == .generalBudgetIncomeExpenditure)
        #expect(yunnan.columns.map(\.key) == ["opening_total", "income_total", "expenditure_total", "expenditure_basic",
                                              "expenditure_basic_personnel", "expenditure_project", "closing_total"])
        let (fund, _) = Self.recognize(Self.table("政府性基金预算财政拨款收入支出决算表", header: 2, [
            ["科目编码", "科目名称", "年初结转和结余", "本年收入", "本年支出", "<", "<", "年末结转和结余"],
            ["^", "^", "^", "^", "合计", "基本支出", "项目支出", "^"],
            ["", "合计", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00"],
        ]))
        #expect(fund.columns.map(\.key) == ["opening_total", "income_total", "expenditure_total", "expenditure_basic",
                                            "expenditure_project", "closing_total"])
    }

    @Test func incomeBySourceWithMergedCategories() {
        let (table, _) = Self.recognize(Self.table("收入预算总表", header: 1, [
            ["项目名称", "<", "金额"],
            ["收入总计", "<", "24,458.43"],
            ["一般公共预算资金", "小计", "24,458.43"],
            ["^", "公共财政拨款(补助)资金", "24,458.43"],
        ]))
        #expect(table.type == .incomeBySource)
        #expect(table.rows.map(\.name) == ["收入总计", "一般公共预算资金/小计", "一般公共预算资金/公共财政拨款(补助)资金"])
    }

    @Test func statisticsWithLineNumbersAndNotApplicable() {
        let (table, _) = Self.recognize(Self.table("“三公”经费、行政参公单位机关运行经费情况表", unit: "元", header: 2, [
            ["项目", "行次", "预算数", "决算统计数"],
            ["栏次", "", "1", "2"],
            ["（一）支出合计", "2", "5,600.00", "5,406.00"],
            ["5．国内公务接待批次（个）", "16", "—", "6"],
        ]))
        #expect(table.type == .threePublicExpensesStatistics)
        #expect(table.rows.map(\.line) == [2, 16])
        #expect(table.rows[1]["budget"] == .notApplicable && table.rows[1]["actual"] == .amount("6"))
    }

    @Test func formsFieldsIndicatorsAndTotal() {
        let (table, _) = Self.recognize(Self.table("项目支出绩效自评表", unit: nil, header: 0, [
            ["项目名称", "高层次人才津贴", "<", "<", "<"],
            ["项目资金（万元）", "资金来源", "年初预算数", "全年执行数", "得分"],
            ["^", "年度资金总额：", "0.36", "0.36", "10.00"],
            ["一级指标", "二级指标", "三级指标", "指标值", "得分"],
            ["产出指标", "数量指标", "拨付人次", "=1人", "10.00"],
            ["^", "质量指标", "符合规定", "=100%", "15.00"],
            ["总分", "<", "<", "<", "100.00"],
        ]))
        #expect(table.type == .projectPerformanceSelfEvaluation)
        #expect(table.fields?.map { "\($0.0)=\($0.1)" } == [
            "项目名称=高层次人才津贴", "年度资金总额/年初预算数=0.36", "年度资金总额/全年执行数=0.36", "年度资金总额/得分=10.00",
        ])
        #expect(table.rows.count == 3)
        #expect(table.rows[1]["level1_indicator"] == .text("产出指标"))
        #expect(table.rows[2].name == "总分" && table.rows[2]["score"] == .text("100.00"))
    }

    /// 003-lz-2020 p8: a two-row indicator header (绩效指标 over 一级…三级, 指标分值 down both
    /// rows), a column no rule knows, a header over two grid columns, a note row under the grid.
    @Test func formsKeepEveryIndicatorColumn() {
        let (table, findings) = Self.recognize(Self.table("部门整体支出绩效评分表", unit: nil, header: 2, [
            ["绩效指标", "<", "指标分值", "计分标准", "<", "复核意见", "自评/评价打分"],
            ["一级指标", "二级指标", "^", "^", "^", "^", "^"],
            ["预算编制（30分）", "目标制定", "10", "要素完整", "<", "无", "9"],
            ["^", "编制准确", "10", "科学", "见附件", "无", "8"],
            ["其他需要说明的事项", "<", "无", "<", "<", "<", "<"],
        ]))
        #expect(table.type == .departmentPerformanceSelfEvaluation)
        #expect(table.columns.map(\.key) == ["level1_indicator", "level2_indicator", "weight", "scoring_criteria", "column_6", "score"])
        #expect(table.columns[0].header == ["绩效指标", "一级指标"])
        #expect(findings.map(\.check) == ["recognition.unmapped-column"])
        #expect(table.rows.count == 2)
        #expect(table.rows[0]["score"] == .text("9") && table.rows[1]["level1_indicator"] == .text("预算编制（30分）"))
        // 见附件 sits in the second grid column under 计分标准: it is that column's text.
        #expect(table.rows[1]["scoring_criteria"] == .text("科学"))
        #expect(table.rows[1].cells.filter { $0.0 == "scoring_criteria" }.count == 2)
        #expect(table.fields?.map { "\($0.0)=\($0.1)" } == ["其他需要说明的事项=无"])
    }

    /// 002-es-2021 p11–13: a side label (绩效指标) running from the indicator header down the
    /// block is no column; a list inside the field block (重点工作任务 | 任务名称 …) keys its rows
    /// by their names and its unnamed total row by the group; the closing 其他需说明事项 row is a
    /// field, though its label stands in the side label's column.
    @Test func aDepartmentFormWithASideLabelAndAListOfTasks() {
        let (table, findings) = Self.recognize(Self.table("2021年度部门整体支出绩效自评情况", unit: nil, header: 0, [
            ["部门名称", "<", "峨山县医疗保障局", "<", "<"],
            ["重点工作任务", "任务名称", "主要内容", "批复金额（万元）总额", "实际支出金额（万元）"],
            ["^", "", "", "843.11", "833.11"],
            ["^", "医疗救助资金", "救助", "838.11", "828.11"],
            ["绩效指标", "一级指标", "二级指标", "指标值", "实际完成值"],
            ["^", "产出指标", "数量指标", "146000", "146609"],
            ["其他需说明事项", "无", "<", "<", "<"],
        ]))
        #expect(table.type == .departmentPerformanceSelfEvaluation)
        #expect(findings.isEmpty)
        #expect(table.columns.map(\.key) == ["level1_indicator", "level2_indicator", "target_value", "actual_value"])
        #expect(table.rows.count == 1 && table.rows[0]["actual_value"] == .text("146609"))
        #expect(table.fields?.map { "\($0.0)=\($0.1)" } == [
            "部门名称=峨山县医疗保障局",
            "重点工作任务/批复金额（万元）总额=843.11", "重点工作任务/实际支出金额（万元）=833.11",
            "医疗救助资金/主要内容=救助", "医疗救助资金/批复金额（万元）总额=838.11", "医疗救助资金/实际支出金额（万元）=828.11",
            "其他需说明事项=无",
        ])
    }

    /// 004-qn-2022 p2: 资金来源 | 年度资金情况 names the two columns of the label | amount rows
    /// under it; rows of text around them stay plain pairs.
    @Test func aFieldBlockWithNamedColumns() {
        let (table, _) = Self.recognize(Self.table("项目支出绩效目标表", unit: nil, header: 0, [
            ["项目名称", "综合经费"],
            ["资金来源", "年度资金情况"],
            ["资金总额(万元)：", "37.31"],
            ["财政拨款", ""],
            ["总体目标", "推进法治化建设"],
            ["一级指标", "指标值"],
            ["产出", "≥2次"],
        ]))
        #expect(table.type == .projectPerformanceTargets)
        #expect(table.fields?.map { "\($0.0)=\($0.1)" } == [
            "项目名称=综合经费", "资金总额(万元)/年度资金情况=37.31", "财政拨款/年度资金情况=", "总体目标=推进法治化建设",
        ])
        #expect(table.rows.count == 1 && table.rows[0]["target_value"] == .text("≥2次"))
    }

    @Test func anUnknownTableKeepsItsGrid() {
        let source = Self.table("部门决算单位构成", header: 1, [["序号", "单位名称"], ["1", "上海市 XX 局（本级）"]])
        let (table, _) = Self.recognize(source)
        #expect(table.type == .unrecognized)
        #expect(table.grid == source.grid)
    }

    @Test func aColumnNoRuleNamesIsKeptAndReported() {
        let (table, findings) = Self.recognize(Self.table("支出决算表", header: 1, [
            ["科目编码", "科目名称", "合计", "神秘支出"], ["208", "社保", "1.00", "1.00"],
        ]))
        #expect(table.columns.map(\.key) == ["total", "column_4"])
        #expect(table.rows[0]["column_4"] == .amount("1.00"))
        #expect(findings.map(\.check) == ["recognition.unmapped-column"])
        #expect(findings.first?.messageZH.contains("神秘支出") == true)
    }
}
