import Testing
@testable import GongkaiRecognize

/// Figures read out of the narrative chapters.
struct NarrativeReaderTests {
    @Test func aCodedItemGivesItsAmountAndTheBudgetAmount() {
        let item = "1、公共安全支出（204类）司法（06款）行政运行（01项）1672.67万元。主要用于：行政单位的基本支出。2025年当年预算执行数为1690.69万元，2026年预算安排1672.67万元，比2025年预算执行数减少1.07%。"
        let statements = NarrativeReader.read(item, page: 8)
        #expect(statements.map(\.claim) == [
            .codeName(code: "204", name: "公共安全支出"),
            .codeName(code: "20406", name: "司法"),
            .codeName(code: "2040601", name: "行政运行"),
            .codeAmount(code: "2040601", amount: "1672.67", unit: "万元"),
            .codeAmount(code: "2040601", amount: "1672.67", unit: "万元"),
            .percentChange(from: "1690.69", to: "1672.67", percent: "1.07", increase: false),
        ])
    }

    @Test func theNamesOfACodesLevels() {
        let item = "11、医疗卫生与计划生育支出（210类）行政事业单位医疗（11款）行政单位医疗（01项）82.95万元。"
        #expect(NarrativeReader.codeNames(in: item).map { "\($0.0) \($0.1)" } == [
            "210 医疗卫生与计划生育支出", "21011 行政事业单位医疗", "2101101 行政单位医疗",
        ])
    }

    @Test func sharesOfATotal() {
        let sentence = "本年收入合计14929.51万元，其中：财政拨款收入14901.58万元，占99.81%；其他收入27.93万元，占0.19%"
        #expect(NarrativeReader.shares(in: sentence, page: 3).map(\.claim) == [
            .share(part: "14901.58", whole: "14929.51", percent: "99.81"),
            .share(part: "27.93", whole: "14929.51", percent: "0.19"),
        ])
    }

    /// The three ways a report names the year compared with (js-cppcc-2017 p6, sh-justice,
    /// js-npc-2018): the earlier amount is never taken for the new one.
    @Test func percentChangesFindTheEarlierAmount() {
        let compared = "2017年度部门支出预算安排与2016年度相比（2016年度部门支出预算安排为8,648.07万元），增加498.72万元，增长5.77%。"
        #expect(NarrativeReader.percentChanges(in: compared, page: 6).map(\.claim) == [
            .percentChange(from: "8648.07", to: "9146.79", percent: "5.77", increase: true),
        ])
        let changeOnly = "一般公共服务支出1200.00万元，比上年增加200.00万元，增长20%。"
        // The earlier amount is worked out (1200.00 − 200.00), so it has no printed form.
        #expect(NarrativeReader.percentChanges(in: changeOnly, page: 1).map(\.claim) == [
            .percentChange(from: "1000", to: "1200.00", percent: "20", increase: true),
        ])
        let both = "支出1200.00万元，比2016年1000.00万元增加200.00万元，增长20%。"
        #expect(NarrativeReader.percentChanges(in: both, page: 1).map(\.claim) == [
            .percentChange(from: "1000.00", to: "1200.00", percent: "20", increase: true),
        ])
    }

    @Test func itemsSplitAtNumbersAfterASentence() {
        #expect(NarrativeReader.items("说明如下：1、甲100万元。2、乙200万元。") == ["说明如下：1、甲100万元。", "2、乙200万元。"])
    }
}
