import FoundationEssentials
import GongkaiRecognize

/// The narrative's figures against the tables: a code's amount against the expenditure tables
/// (converted to the narrative's 万元), and stated percentages (changes, shares) against the
/// amounts stated beside them. A figure is right when it is the table's value rounded to the
/// places it is printed with.
enum NarrativeChecks {
    static func findings(_ statements: [Statement], tables: [RecognizedTable]) -> [Finding] {
        statements.compactMap { statement in
            switch statement.claim {
            case .codeAmount(let code, let amount, let unit): return codeAmount(code, amount, unit, statement, tables)
            case .percentChange(let from, let to, let percent, let increase):
                return percentChange(from, to, percent, increase, statement)
            case .share(let part, let whole, let percent): return share(part, whole, percent, statement)
            case .codeName(let code, let name): return codeName(code, name, statement, tables)
            }
        }
    }

    /// The table a narrative code most likely describes: the general-budget expenditure table
    /// (the narrative explains 财政拨款 spending), else any table listing the code.
    static func table(for code: String, in tables: [RecognizedTable]) -> (Int, RecognizedTable, Row)? {
        let preferred: [TableType] = [.generalBudgetExpenditure, .fiscalAppropriationExpenditure, .expenditureByFunction,
                                      .generalBudgetIncomeExpenditure]
        for type in preferred {
            for (index, table) in tables.enumerated() where table.type == type {
                if let row = table.row(code: code) { return (index, table, row) }
            }
        }
        return nil
    }

    static func codeAmount(_ code: String, _ printed: String, _ unit: String, _ statement: Statement,
                           _ tables: [RecognizedTable]) -> Finding? {
        guard let (index, table, row) = table(for: code, in: tables),
              let tableAmount = row.amount("total") ?? row.amount("amount") ?? row.amount("expenditure_total"),
              let stated = Amount(printed) else { return nil }
        let inUnit = converted(tableAmount, from: table.unit, to: unit)
        let places = stated.scale
        guard !roundsTo(inUnit, stated) else { return nil }
        let expected = Amount(value: inUnit.value, scale: places)
        return Finding(
            check: "narrative.code-amount", severity: .error,
            locations: [Finding.Location(table: index, rows: [code], columns: ["total"])],
            expected: expected.text, actual: stated.text, difference: (stated - expected).text,
            messageZH: "第\(statement.page)页说明中\(code)为\(printed)\(unit)，而\(table.displayName)为\(tableAmount.text)\(table.unit ?? "")（\(expected.text)\(unit)）：「\(excerpt(statement.text, around: printed + unit))」",
            messageEN: "page \(statement.page): the narrative states \(printed) \(unit) for \(code), \(table.displayName) prints \(tableAmount.text) \(table.unit ?? "") (\(expected.text) \(unit))")
    }

    /// The narrative names a code as the tables do (the 2019 classification renamed 210
    /// 医疗卫生与计划生育支出 to 卫生健康支出; a narrative copied from an older year keeps the old
    /// name). A warning: the figures are unaffected.
    static func codeName(_ code: String, _ name: String, _ statement: Statement, _ tables: [RecognizedTable]) -> Finding? {
        guard let (index, table, row) = table(for: code, in: tables), let printed = row.name else { return nil }
        let normalize = { (text: String) in
            String(text.filter { !$0.isWhitespace }.map { $0 == "（" ? "(" : $0 == "）" ? ")" : $0 })
        }
        guard normalize(printed) != normalize(name) else { return nil }
        return Finding(
            check: "narrative.code-name", severity: .warning,
            locations: [Finding.Location(table: index, rows: [code])],
            expected: printed, actual: name, difference: nil,
            messageZH: "第\(statement.page)页说明中\(code)称为「\(name)」，而\(table.displayName)为「\(printed)」",
            messageEN: "page \(statement.page): the narrative names \(code) 「\(name)」, \(table.displayName) prints 「\(printed)」")
    }

    static func percentChange(_ from: String, _ to: String, _ percent: String, _ increase: Bool, _ statement: Statement) -> Finding? {
        guard let a = Amount(from), let b = Amount(to), let stated = Amount(percent), a.value != 0 else { return nil }
        let change = Amount(value: (b.value - a.value) / a.value * 100, scale: stated.scale)
        let directionRight = (b.value >= a.value) == increase || b.value == a.value
        let magnitude = Amount(value: change.magnitude, scale: stated.scale)
        guard !directionRight || !roundsTo(magnitude, stated) else { return nil }
        let word = change.value >= 0 ? "增加" : "减少"
        return Finding(
            check: "narrative.percent-change",
            severity: directionRight && offByLastPlace(magnitude, stated) ? .warning : .error, locations: [],
            expected: "\(word)\(magnitude.text)%", actual: "\(increase ? "增加" : "减少")\(stated.text)%", difference: nil,
            messageZH: "第\(statement.page)页说明：由\(from)万元到\(to)万元应为\(word)\(magnitude.text)%，文中写\(increase ? "增加" : "减少")\(stated.text)%：「\(excerpt(statement.text))」",
            messageEN: "page \(statement.page): from \(from) to \(to) is a change of \(change.text)%, the narrative says \(increase ? "+" : "−")\(stated.text)%")
    }

    static func share(_ part: String, _ whole: String, _ percent: String, _ statement: Statement) -> Finding? {
        guard let p = Amount(part), let w = Amount(whole), let stated = Amount(percent), w.value != 0 else { return nil }
        let share = Amount(value: p.value / w.value * 100, scale: stated.scale)
        guard !roundsTo(share, stated) else { return nil }
        return Finding(
            check: "narrative.share", severity: offByLastPlace(share, stated) ? .warning : .error, locations: [],
            expected: "\(share.text)%", actual: "\(stated.text)%", difference: nil,
            messageZH: "第\(statement.page)页说明：\(part)万元占\(whole)万元应为\(share.text)%，文中写\(stated.text)%：「\(excerpt(statement.text))」",
            messageEN: "page \(statement.page): \(part) of \(whole) is \(share.text)%, the narrative says \(stated.text)%")
    }

    /// Whether `exact` rounded to the places `printed` has is `printed`.
    static func roundsTo(_ exact: Amount, _ printed: Amount) -> Bool {
        Amount(value: exact.value, scale: printed.scale).text == printed.text
    }

    /// Whether two percentages differ by one unit of the last printed place at most (a
    /// truncated rather than rounded figure).
    static func offByLastPlace(_ computed: Amount, _ printed: Amount) -> Bool {
        var unit = Decimal(1)
        for _ in 0..<printed.scale { unit /= 10 }
        return (computed - printed).magnitude <= unit
    }

    /// An amount in 元 or 万元 expressed in another of them.
    static func converted(_ amount: Amount, from: String?, to: String) -> Amount {
        let factor: [String: Decimal] = ["元": 1, "千元": 1000, "万元": 10000, "亿元": 100_000_000]
        guard let source = factor[from ?? "元"], let target = factor[to] else { return amount }
        return Amount(value: amount.value * source / target, scale: amount.scale + 4)
    }

    /// At most 80 characters of the sentence, around `focus` when given.
    static func excerpt(_ text: String, around focus: String? = nil) -> String {
        guard text.count > 80 else { return text }
        let characters = Array(text)
        var start = 0
        if let focus, let range = text.firstRange(of: focus) {
            let position = text.distance(from: text.startIndex, to: range.lowerBound)
            start = max(0, min(position - 40, characters.count - 80))
        }
        let slice = String(characters[start..<min(characters.count, start + 80)])
        return (start > 0 ? "…" : "") + slice + (start + 80 < characters.count ? "…" : "")
    }
}
