import GongkaiRecognize

/// The 基本支出 table's closing rows: 人员经费合计 is the sum of the personnel classes (301 工资福利
/// 支出, 303 对个人和家庭的补助), 公用经费合计 the sum of the other classes.
enum BasicExpenditureChecks {
    static let personnelClasses: Set<String> = ["301", "303"]

    static func findings(_ table: RecognizedTable, index: Int) -> [Finding] {
        guard [.generalBudgetBasicExpenditure, .fiscalAppropriationBasicExpenditure].contains(table.type) else { return [] }
        let classes = table.rows.filter { $0.code?.count == 3 }
        var findings: [Finding] = []
        for (name, isPersonnel) in [("人员经费合计", true), ("人员经费", true), ("公用经费合计", false), ("公用经费", false)] {
            guard let total = table.rows.first(where: { $0.code == nil && $0.compactName == name }) else { continue }
            let parts = classes.filter { personnelClasses.contains($0.code!) == isPersonnel }
            guard !parts.isEmpty else { continue }
            for key in table.amountKeys() {
                guard let printed = total.amount(key) else { continue }
                let values = parts.compactMap { $0.amount(key) }
                if let finding = Identity(
                    check: "basic.personnel-public",
                    locations: [Finding.Location(table: index, rows: [name] + parts.map(\.reference), columns: [key])],
                    expected: Amount.sum(values), actual: printed, addends: max(values.count, 1), tolerance: table.tolerance,
                    subjectZH: "\(table.displayName)：\(name)与\(isPersonnel ? "人员" : "公用")类科目之和不符",
                    subjectEN: "\(table.displayName): \(name) and the sum of its classes differ").finding {
                    findings.append(finding)
                }
            }
        }
        return findings
    }
}
