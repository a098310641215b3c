/// The lines printed around a table: its title, number label, unit, department and footnote.
/// Pure functions of a line's text.
public enum Captions {
    /// What one caption line says; a line can carry several parts
    /// ("部门：贵州省医疗保障局（本级） 单位：万元", "公开 01 表：收支预算总表").
    public struct Parts: Equatable, Sendable {
        public var title: String?
        public var label: String?
        public var unit: String?
        public var department: String?

        public var isEmpty: Bool { title == nil && label == nil && unit == nil && department == nil }
    }

    /// The caption parts of a line of text (words joined by single spaces).
    public static func parts(of line: String) -> Parts {
        var parts = Parts()
        // Most lines of a report are prose: skip them before any parsing.
        guard mightBeCaption(line) else { return parts }
        var rest = line.trimmingWhitespace
        if let (label, remainder) = leadingLabel(rest) {
            parts.label = label
            rest = remainder
        }
        // Units and departments are "label：value".
        if rest.contains(where: { $0 == "：" || $0 == ":" }) {
            if let (unit, remainder) = unit(in: rest) {
                parts.unit = unit
                rest = remainder
            }
            if let (department, remainder) = department(in: rest) {
                parts.department = department
                rest = remainder
            }
        }
        if parts.label == nil, let (label, remainder) = trailingLabel(rest) {
            parts.label = label
            rest = remainder
        }
        if isTitle(rest) {
            let title = cleanTitle(rest)
            // A heading numbered by an ordinal (一、收支预算总表) has the ordinal as its label.
            let compact = rest.filter { !$0.isWhitespace }
            if parts.label == nil, compact.count > title.count { parts.label = String(compact.prefix(compact.count - title.count)) }
            parts.title = title
        }
        return parts
    }

    /// Whether a line holds any character a caption part needs (表 of a title or label, 评 of a
    /// form's title, the colon of 单位：/部门：): a cheap test that lets prose through unparsed.
    static func mightBeCaption(_ line: String) -> Bool {
        var hasColon = false, hasTableWord = false
        for scalar in line.unicodeScalars {
            switch scalar {
            case "表", "评": hasTableWord = true
            case "：", ":": hasColon = true
            default: break
            }
        }
        // Titles and labels carry 表 (or a form's 评); units and departments are "label：value".
        return hasTableWord || hasColon
    }

    /// Whether the text reads as a table title: it names a table (ends in 表 or 情况, maybe with a
    /// parenthesised qualifier), is short, and is not a sentence, a contents entry or a chapter.
    public static func isTitle(_ text: String) -> Bool {
        let compact = text.filter { !$0.isWhitespace }
        guard compact.count >= 3, compact.count <= 60 else { return false }
        var core = Substring(compact)
        // A trailing qualifier: （功能科目） (一般公共预算)
        if core.hasSuffix("）") || core.hasSuffix(")"), let open = core.lastIndex(where: { $0 == "（" || $0 == "(" }) {
            core = core[..<open]
        }
        // The cheap test first: most lines do not end like a table's name.
        guard let last = core.last, last == "表" || last == "况" || last == "评" else { return false }
        let namesTable = last == "表"
            || ((core.hasSuffix("自评情况") || core.hasSuffix("自评")) && core.includes("绩效"))
        guard namesTable, core.count >= 3 else { return false }
        let forbidden: [String] = ["……", "…", "。", "，", "；", "《", "》", "：", ":", "..", "说明", "第一部分",
                                   "第二部分", "第三部分", "第四部分", "本表", "注"]
        guard !forbidden.contains(where: { compact.includes($0) }) else { return false }
        // "…年度部门预算表" and "…公开报表" name a whole part of the report, not one table.
        let partHeadings = ["部门预算表", "部门决算表", "公开表", "公开报表"]
        return !partHeadings.contains { core.hasSuffix($0) }
    }

    /// The title without an ordinal prefix (一、 八、) and spaces.
    static func cleanTitle(_ text: String) -> String {
        var compact = text.filter { !$0.isWhitespace }
        if CellText.hasOrdinal(compact), let mark = compact.firstIndex(where: { "、．.）)".contains($0) }) {
            compact = String(compact[compact.index(after: mark)...])
        }
        return compact
    }

    /// A number label at the start: 公开01表, 公开 01 表：…, 表一, 附表7, 表1.
    static func leadingLabel(_ text: String) -> (String, String)? {
        let compact = text.filter { !$0.isWhitespace }
        guard let match = labelPrefix(compact) else { return nil }
        var rest = compact.dropFirst(match.count)
        while let first = rest.first, "：:、.．-— ".contains(first) { rest = rest.dropFirst() }
        return (match, String(rest))
    }

    /// A number label at the end of the line (after the title or department).
    static func trailingLabel(_ text: String) -> (String, String)? {
        let words = text.split(separator: " ")
        guard let last = words.last.map(String.init), labelPrefix(last) == last else {
            // "公开 01 表" split into words
            let compact = text.filter { !$0.isWhitespace }
            guard let range = compact.firstRange(of: "公开"), let match = labelPrefix(String(compact[range.lowerBound...])),
                  compact.hasSuffix(match) else { return nil }
            return (match, String(compact.dropLast(match.count)))
        }
        return (last, words.dropLast().joined(separator: " "))
    }

    /// The label at the start of `compact` (no spaces), if any.
    static func labelPrefix(_ compact: String) -> String? {
        let numerals = CellText.chineseNumerals
        var index = compact.startIndex
        func take(_ prefix: String) -> Bool {
            guard compact[index...].hasPrefix(prefix) else { return false }
            index = compact.index(index, offsetBy: prefix.count)
            return true
        }
        if take("公开") || take("附表") {
            let digits = compact[index...].prefix { $0.isASCIIDigit || numerals.contains($0) }
            guard !digits.isEmpty else { return nil }
            index = compact.index(index, offsetBy: digits.count)
            if compact.hasPrefix("附表") { return String(compact[..<index]) }
            guard take("表") else { return nil }
            return String(compact[..<index])
        }
        if take("表") {
            let digits = compact[index...].prefix { $0.isASCIIDigit || numerals.contains($0) }
            guard !digits.isEmpty else { return nil }
            index = compact.index(index, offsetBy: digits.count)
            // "表一" alone or followed by a separator; not the start of a word like 表格
            if index == compact.endIndex || "：:、 ".contains(compact[index]) { return String(compact[..<index]) }
        }
        return nil
    }

    /// 单位：万元 / 金额单位：元 / 单位:元, anywhere in the line; returns the unit and the rest.
    static func unit(in text: String) -> (String, String)? {
        for marker in ["金额单位", "单位"] {
            guard text.includes(marker), let range = text.firstRange(of: marker) else { continue }
            var after = text[range.upperBound...].drop { $0 == " " }
            guard let colon = after.first, colon == "：" || colon == ":" else { continue }
            after = after.dropFirst().drop { $0 == " " }
            for unit in ["万元", "千元", "亿元", "元"] where after.hasPrefix(unit) {
                let rest = text[..<range.lowerBound] + after.dropFirst(unit.count)
                return (unit, String(rest).trimmingWhitespace)
            }
        }
        return nil
    }

    /// 部门：… / 编制部门：… / 编制单位：… / 单位名称：…; returns the whole "label：name" text.
    static func department(in text: String) -> (String, String)? {
        for marker in ["编制部门", "编制单位", "预算单位", "单位名称", "部门名称", "部门"] {
            guard text.includes(marker), let range = text.firstRange(of: marker) else { continue }
            let after = text[range.upperBound...].drop { $0 == " " }
            guard let colon = after.first, colon == "：" || colon == ":" else { continue }
            let name = after.dropFirst().prefix { $0 != " " }
            guard !name.isEmpty else { continue }
            let whole = marker + "：" + name
            let rest = text[..<range.lowerBound] + after.dropFirst(1 + name.count)
            return (whole, String(rest).trimmingWhitespace)
        }
        return nil
    }

    /// Whether a line opens a footnote: 注： 注1： 备注： 说明：
    public static func opensNote(_ text: String) -> Bool {
        let compact = text.filter { !$0.isWhitespace }
        for marker in ["注：", "注:", "备注：", "备注:", "说明：", "说明:"] where compact.hasPrefix(marker) { return true }
        if compact.hasPrefix("注"), let next = compact.dropFirst().first, next.isASCIIDigit || "、.．".contains(next) { return true }
        return false
    }
}
