import GongkaiLayout

/// Header and title text made comparable: no spaces, one kind of brackets, no quotes.
enum HeaderText {
    static func normalize(_ text: String) -> String {
        // By scalar: whitespace and brackets are single scalars, and a scalar's properties are a
        // table lookup where a Character's need its grapheme cluster.
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "（": result.append("(")
            case "）": result.append(")")
            case "“", "”", "\"", "‘", "’", "'", "「", "」": continue
            default: if !scalar.properties.isWhitespace { result.append(scalar) }
            }
        }
        return String(result)
    }
}

/// How one canonical column is recognised from its header path (top to bottom, normalized).
/// Every group in `path` must be matched by some element of the path (an element containing one
/// of the group's strings); `leaf` must be matched by the column's own, lowest header text;
/// nothing in the path may contain a string of `excluding`, nor the leaf one of `leafExcluding`
/// (项目支出结转 but not 项目支出结转和结余, under 年末结转和结余).
struct ColumnRule: Sendable {
    var key: String
    var leaf: [String]
    var path: [[String]]
    var excluding: [String]
    var leafExcluding: [String]

    init(_ key: String, leaf: [String] = [], path: [[String]] = [], excluding: [String] = [], leafExcluding: [String] = []) {
        self.key = key
        self.leaf = leaf
        self.path = path
        self.excluding = excluding
        self.leafExcluding = leafExcluding
    }

    func matches(_ header: [String]) -> Bool {
        guard let last = header.last else { return false }
        if !leaf.isEmpty, !leaf.contains(where: { last.includes($0) }) { return false }
        if leafExcluding.contains(where: { last.includes($0) }) { return false }
        for group in path where !header.contains(where: { element in group.contains { element.includes($0) } }) {
            return false
        }
        return !header.contains { element in excluding.contains { element.includes($0) } }
    }

    /// The key of the first rule matching `header`. A 小计 or 合计 under a parent no rule names
    /// (事业收入 / 小计 beside 其中：教育收费) is the parent's own column.
    static func key(for header: [String], in rules: [ColumnRule]) -> String? {
        if let key = rules.first(where: { $0.matches(header) })?.key { return key }
        if header.count > 1, let leaf = header.last, ["小计", "合计"].contains(leaf) {
            return key(for: Array(header.dropLast()), in: rules)
        }
        return nil
    }
}
