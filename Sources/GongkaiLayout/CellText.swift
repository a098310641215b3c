/// What a cell's text is, as far as the layout (and later the recognisers) need to know:
/// amounts, classification codes, ordinal row labels, totals.
public enum CellText {
    /// The marks printed for "not applicable".
    public static let notApplicableMarks: Set<String> = ["—", "-", "--", "——", "－", "/", "／", "―", "–"]

    /// The amount as a plain decimal string (`14,901.58` → `14901.58`, OCR's `4, 627. 11` →
    /// `4627.11`, `(12.00)` → `-12.00`), or nil when the text is not an amount.
    /// Digits are kept exactly as printed; nothing goes through floating point.
    public static func amount(_ text: String) -> String? {
        var body = Substring(text.trimmingWhitespace)
        var negative = false
        if body.hasPrefix("-") || body.hasPrefix("－") || body.hasPrefix("−") {
            negative = true
            body = body.dropFirst()
        } else if body.hasPrefix("("), body.hasSuffix(")") {
            negative = true
            body = body.dropFirst().dropLast()
        }
        var digits = ""
        var sawDigit = false, sawPoint = false, digitsSincePoint = 0
        var lastWasSeparator = false
        for character in body {
            switch character {
            case "0"..."9":
                digits.append(character)
                sawDigit = true
                if sawPoint { digitsSincePoint += 1 }
                lastWasSeparator = false
            case ",", "，":
                // A thousands separator sits between digits, before the point.
                guard sawDigit, !sawPoint, !lastWasSeparator else { return nil }
                lastWasSeparator = true
            case ".", "．":
                guard sawDigit, !sawPoint else { return nil }
                sawPoint = true
                digits.append(".")
                lastWasSeparator = false
            case " ", "\u{3000}":
                continue  // OCR puts spaces inside numbers: "4, 627. 11"
            default:
                return nil
            }
        }
        guard sawDigit, !lastWasSeparator, !sawPoint || digitsSincePoint > 0 else { return nil }
        return negative ? "-" + digits : digits
    }

    public static func isAmount(_ text: String) -> Bool { amount(text) != nil }

    public static func isNotApplicable(_ text: String) -> Bool {
        notApplicableMarks.contains(text.trimmingWhitespace)
    }

    /// A classification code: 3, 5 or 7 digits (类 / 款 / 项; economic codes have 3 or 5).
    public static func isCode(_ text: String) -> Bool {
        let trimmed = text.trimmingWhitespace
        return [3, 5, 7].contains(trimmed.count) && trimmed.allSatisfy(\.isASCIIDigit)
    }

    /// A 类/款/项 part printed in its own column: 3 digits for 类, 2 for 款 and 项.
    public static func isCodePart(_ text: String) -> Bool {
        let trimmed = text.trimmingWhitespace
        return (trimmed.count == 2 || trimmed.count == 3) && trimmed.allSatisfy(\.isASCIIDigit)
    }

    /// A row label opening with an ordinal: 一、 （一） (一) 1． 1. 1、 (1).
    public static func hasOrdinal(_ text: String) -> Bool {
        let trimmed = text.trimmingWhitespace
        guard let first = trimmed.first else { return false }
        if chineseNumerals.contains(first) {
            let rest = trimmed.drop { chineseNumerals.contains($0) }
            return rest.first == "、" || rest.first == "．" || rest.first == "."
        }
        if first == "（" || first == "(" {
            let inner = trimmed.dropFirst().prefix { chineseNumerals.contains($0) || $0.isASCIIDigit }
            let after = trimmed.dropFirst(1 + inner.count).first
            return !inner.isEmpty && (after == "）" || after == ")")
        }
        if first.isASCIIDigit {
            let rest = trimmed.drop { $0.isASCIIDigit }
            guard let mark = rest.first, ["、", "．", "."].contains(mark) else { return false }
            // "1.5" is a number, not an ordinal.
            return !(rest.dropFirst().first?.isASCIIDigit ?? false)
        }
        return false
    }

    /// 合计, 总计, 小计 and their spaced forms (合 计).
    public static func isTotalLabel(_ text: String) -> Bool {
        let compact = text.filter { !$0.isWhitespace }
        return ["合计", "总计", "小计", "收入总计", "支出总计", "本年收入合计", "本年支出合计"].contains(compact)
    }

    /// An integer, or an amount with its two decimals: a number that is complete on its line.
    static func isWholeNumber(_ text: String) -> Bool {
        guard let digits = amount(text) else { return false }
        guard let point = digits.firstIndex(of: ".") else { return true }
        return digits.distance(from: point, to: digits.endIndex) == 3
    }

    static let chineseNumerals: Set<Character> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "〇", "零"]

    /// Joins the lines of a wrapped cell: no space between CJK text (the common case), one space
    /// where both sides are Latin letters (or a letter and a digit), none inside a wrapped number
    /// (预算年度(202 / 1年), 100.0 / 0), but one between whole numbers stacked in a merged cell
    /// (行次 9 / 10, two amounts).
    public static func joinWrapped(_ lines: [String]) -> String {
        var result = ""
        var previous = ""
        for line in lines.map(\.trimmingWhitespace) where !line.isEmpty {
            defer { previous = line }
            if let last = result.last, let first = line.first, last.isASCIILetterOrDigit, first.isASCIILetterOrDigit,
               !(last.isASCIIDigit && first.isASCIIDigit) || (isWholeNumber(previous) && isWholeNumber(line)) {
                result.append(" ")
            }
            result += line
        }
        return result
    }
}

extension Character {
    /// 0–9 only: `isNumber` is also true of 万, 一, 二 ….
    public var isASCIIDigit: Bool { ("0"..."9").contains(self) }
    var isASCIILetterOrDigit: Bool { isASCII && (isLetter || isNumber) }
}

extension StringProtocol {
    /// The text without leading and trailing white space (ASCII and ideographic).
    public var trimmingWhitespace: String {
        guard let first = firstIndex(where: { !$0.isWhitespace }) else { return "" }
        let last = lastIndex(where: { !$0.isWhitespace })!
        return String(self[first...last])
    }
}
