import GongkaiRecognize

/// Classification identities: a 类 (3 digits) is the sum of its 款 (5 digits), a 款 of its 项
/// (7 digits), in every amount column, whenever the table lists children of the parent; the
/// 合计 row is the sum of the 类 rows. Economic codes (301 / 30101) likewise.
enum CodeHierarchy {
    static func findings(_ table: RecognizedTable, index: Int) -> [Finding] {
        let coded = table.rows.filter { $0.code != nil && $0.section == nil }
        guard !coded.isEmpty else { return [] }
        var findings: [Finding] = []
        let keys = table.amountKeys()
        for parent in coded where parent.code!.count < 7 {
            let code = parent.code!
            let children = coded.filter { $0.code!.count == code.count + 2 && $0.code!.hasPrefix(code) }
            guard !children.isEmpty else { continue }
            findings += compare(parent, children, keys: keys, table: table, index: index, check: "code.children-sum",
                                whatZH: "\(code) 与其下级科目之和", whatEN: "\(code) and the sum of its sub-codes")
        }
        if let total = table.rows.first(where: { $0.code == nil && $0.section == nil && ["合计", "总计"].contains($0.compactName) }) {
            let categories = coded.filter { $0.code!.count == 3 }
            if !categories.isEmpty {
                findings += compare(total, categories, keys: keys, table: table, index: index, check: "total.categories-sum",
                                    whatZH: "合计行与各类之和", whatEN: "the 合计 row and the sum of the 类 rows")
            }
        }
        return findings
    }

    /// One identity per amount column where the parent or a child has a value.
    static func compare(_ parent: Row, _ children: [Row], keys: [String], table: RecognizedTable, index: Int,
                        check: String, whatZH: String, whatEN: String) -> [Finding] {
        keys.compactMap { key in
            let values = children.compactMap { $0.amount(key) }
            let printed = parent.amount(key)
            guard printed != nil || !values.isEmpty else { return nil }
            return Identity(
                check: check,
                locations: [Finding.Location(table: index, rows: [parent.reference] + children.map(\.reference), columns: [key])],
                expected: Amount.sum(values), actual: printed ?? .zero, addends: max(values.count, 1),
                tolerance: table.tolerance,
                subjectZH: "\(table.displayName) \(key) 列：\(whatZH)不符", subjectEN: "\(table.displayName) column \(key): \(whatEN) differ")
                .finding
        }
    }
}
