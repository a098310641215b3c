import GongkaiText
import Testing

/// The byte search the hot caption and header paths use answers as `contains` does.
struct TextSearchTests {
    @Test(arguments: [
        ("一般公共预算财政拨款支出决算表", "支出决算表", true),
        ("一般公共预算财政拨款支出决算表", "收入", false),
        ("部门：上海市普陀区司法局 单位：元", "单位", true),
        ("表", "决算表", false),
        ("abcabd", "abd", true),
        ("", "", false),
        ("任意", "", false),
    ])
    func includesAnswersAsContains(text: String, word: String, expected: Bool) {
        #expect(text.includes(word) == expected)
        #expect(text.contains(word) == expected)
        #expect(text.dropFirst(0).includes(word) == expected)
    }
}
