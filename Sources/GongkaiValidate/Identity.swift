import FoundationEssentials
import GongkaiRecognize

/// One accounting identity tested on printed values: `actual` (printed) against `expected`
/// (computed from the printed addends). Becomes a finding when they differ beyond rounding.
struct Identity {
    var check: String
    var locations: [Finding.Location]
    var expected: Amount
    var actual: Amount
    var addends: Int
    var tolerance: Tolerance
    /// What is being compared, in Chinese and English ("2080505 合计 ≠ 基本支出 + 项目支出").
    var subjectZH: String
    var subjectEN: String

    var finding: Finding? {
        let difference = actual - expected
        guard let severity = tolerance.severity(difference: difference.value, addends: addends) else { return nil }
        let rounding = severity == .warning
        return Finding(
            check: check, severity: rounding ? .warning : .error, locations: locations,
            expected: expected.text, actual: actual.text, difference: difference.text,
            messageZH: "\(subjectZH)：应为\(expected.text)，实为\(actual.text)，相差\(difference.text)"
                + (rounding ? "（在万元尾数误差范围内）" : ""),
            messageEN: "\(subjectEN): expected \(expected.text), printed \(actual.text), difference \(difference.text)"
                + (rounding ? " (within 万元 rounding)" : ""))
    }
}

extension Row {
    /// The amount under `key`, nil when blank or not an amount.
    func amount(_ key: String) -> Amount? {
        self[key]?.amount.flatMap(Amount.init)
    }

    /// How a finding names the row: its code, else its name (with its side).
    var reference: String {
        if let code { return code }
        let label = name ?? "?"
        return section.map { "\($0):\(label)" } ?? label
    }

    /// The name without spaces, for matching 合计, 本年收入合计 ….
    var compactName: String { (name ?? "").filter { !$0.isWhitespace } }
}

extension RecognizedTable {
    var tolerance: Tolerance { Tolerance(unit: unit) }

    /// The keys of the table's amount columns (in a section, when given).
    func amountKeys(section: String? = nil) -> [String] {
        var keys: [String] = []
        for column in columns where (section == nil || column.section == section) && !keys.contains(column.key) {
            keys.append(column.key)
        }
        return keys
    }

    /// The table's name in messages: its title, else its type.
    var displayName: String { title ?? type.rawValue }
}
