import Testing
@testable import GongkaiRecognize

/// Figures read out of the narrative chapters.
struct NarrativeReaderTests {
    @Test func aCodedItemGivesItsAmountAndTheBudgetAmount() {
        let item = "1、公共安全支出（204类）司法（06款）行政运行（01项）1672.67万元。主要用于：行政单位的基本支出。2025年当年预算执行数为1690.69万元，2026年预算安排1672.67万元，比2025年预算执行数减少1.07%。"
        let statements = NarrativeReader.read(item, page: 8)
        #expect(statements.map(\.claim) == [
            .codeAmount(code: "2040601", amount: "1672.67", unit: "万元"),
            .codeAmount(code: "2040601", amount: "1672.67", unit: "万元"),
            .percentChange(from: "1690.69", to: "1672.67", percent: "1.07", increase: false),
        ])
    }

    @Test func sharesOfATotal() {
        let sentence = "本年收入合计14929.51万元，其中：财政拨款收入14901.58万元，占99.81%；其他收入27.93万元，占0.19%"
        #expect(NarrativeReader.shares(in: sentence, page: 3).map(\.claim) == [
            .share(part: "14901.58", whole: "14929.51", percent: "99.81"),
            .share(part: "27.93", whole: "14929.51", percent: "0.19"),
        ])
    }

    @Test func itemsSplitAtNumbersAfterASentence() {
        #expect(NarrativeReader.items("说明如下：1、甲100万元。2、乙200万元。") == ["说明如下：1、甲100万元。", "2、乙200万元。"])
    }
}
