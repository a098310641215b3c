import GongkaiLayout
import GongkaiText

/// Reads which report a document is: its title (the biggest text on the first page), the
/// department, the year and whether it is a budget or final accounts.
public enum ReportHeaderReader {
    public static func read(pages: [Page], tables: [Table]) -> ReportHeader {
        // A first page that holds a table has no cover: its big line is the table's title.
        let title = tables.contains { $0.pages.first == 1 } ? nil : coverTitle(pages.first)
        let department = mostCommon(tables.compactMap { $0.department.map(departmentName) })
            .map { $0.filter { !$0.isWhitespace } }
            ?? pages.prefix(2).flatMap(\.lines).lazy.compactMap { departmentLine($0.compactText) }.first
            ?? title.flatMap(departmentFromTitle)
        let texts = [title].compactMap { $0 } + tables.compactMap(\.title)
        return ReportHeader(title: title, department: department,
                            year: texts.lazy.compactMap(year).first ?? pages.prefix(3).flatMap(\.lines).lazy.compactMap { year($0.compactText) }.first,
                            kind: kind(title: title, tableTitles: tables.compactMap(\.title)))
    }

    /// The run of large lines around the largest-font line of the first page (a title set on
    /// two or three lines). Headings (第一部分 …, 一、…), "label：value" lines (部 门:…) and
    /// ordinary text end the run, so a 印制 line under the department is not taken.
    static func coverTitle(_ page: Page?) -> String? {
        guard let page else { return nil }
        let lines = page.lines.filter { !$0.compactText.contains("目录") && !$0.compactText.contains("目 录") }
        let isTitleText = { (line: TextLine) -> Bool in
            let text = line.compactText
            return !text.hasPrefix("第") && !CellText.hasOrdinal(text) && !text.contains("：") && !text.contains(":")
        }
        guard let largest = lines.filter(isTitleText).map(\.box.height).max(),
              let start = lines.firstIndex(where: { isTitleText($0) && $0.box.height == largest }) else { return nil }
        let belongs = { (line: TextLine) in isTitleText(line) && line.box.height >= largest * 0.6 }
        var first = start, last = start
        while first > 0, belongs(lines[first - 1]), last - first < 2 { first -= 1 }
        while last + 1 < lines.count, belongs(lines[last + 1]), last - first < 2 { last += 1 }
        let joined = lines[first...last].map(\.compactText).joined().filter { !$0.isWhitespace }
        return joined.isEmpty ? nil : joined
    }

    static func departmentName(_ line: String) -> String {
        var name = line
        if let colon = line.firstIndex(where: { $0 == "：" || $0 == ":" }) { name = String(line[line.index(after: colon)...]) }
        return name.trimmingWhitespace
    }

    static func departmentLine(_ compact: String) -> String? {
        for marker in ["预算主管部门：", "主管部门：", "部门名称：", "编制部门："] where compact.hasPrefix(marker) {
            let name = String(compact.dropFirst(marker.count))
            return name.isEmpty ? nil : name
        }
        return nil
    }

    /// The department before the year in a title: "上海市规划和自然资源局2024年度部门决算".
    static func departmentFromTitle(_ title: String) -> String? {
        guard let range = title.firstRange(of: "20") else { return nil }
        let before = String(title[..<range.lowerBound]).trimmingWhitespace
        return before.count >= 3 && (before.hasSuffix("局") || before.hasSuffix("厅") || before.hasSuffix("委")
            || before.hasSuffix("院") || before.hasSuffix("部") || before.hasSuffix("会") || before.hasSuffix("办"))
            ? before : nil
    }

    /// The first 4-digit year 20xx followed by 年.
    static func year(_ text: String) -> Int? {
        let characters = Array(text.filter { !$0.isWhitespace })
        guard characters.count >= 5 else { return nil }
        for index in 0...(characters.count - 5) where characters[index] == "2" && characters[index + 1] == "0" {
            let digits = String(characters[index..<(index + 4)])
            if digits.allSatisfy(\.isASCIIDigit), characters[index + 4] == "年", let value = Int(digits) { return value }
        }
        return nil
    }

    static func kind(title: String?, tableTitles: [String]) -> ReportKind? {
        if let title {
            if title.contains("决算") { return .finalAccounts }
            if title.contains("预算") { return .budget }
        }
        let finals = tableTitles.filter { $0.contains("决算") }.count
        let budgets = tableTitles.filter { $0.contains("预算") && !$0.contains("决算") }.count
        if finals == 0 && budgets == 0 { return nil }
        return finals >= budgets ? .finalAccounts : .budget
    }

    static func mostCommon(_ values: [String]) -> String? {
        var counts: [String: Int] = [:]
        for value in values where !value.isEmpty { counts[value, default: 0] += 1 }
        return counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
    }
}
