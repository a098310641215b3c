import FoundationEssentials
import GongkaiLayout
import GongkaiText

/// A figure the narrative chapters (情况说明, 编制说明) state, to be checked against the tables.
public struct Statement: Sendable, Equatable {
    public enum Claim: Sendable, Equatable {
        /// "公共安全支出（204类）司法（06款）行政运行（01项）1672.67万元": the amount of a code.
        case codeAmount(code: String, amount: String, unit: String)
        /// "执行数为1690.69万元，…安排1672.67万元，比…减少1.07%": a change between two amounts.
        case percentChange(from: String, to: String, percent: String, increase: Bool)
        /// "本年收入合计14929.51万元，其中：财政拨款收入14901.58万元，占99.81%": a share of a total.
        case share(part: String, whole: String, percent: String)
        /// "医疗卫生与计划生育支出（210类）": the name the narrative gives a code.
        case codeName(code: String, name: String)
    }

    public var claim: Claim
    /// The sentence it was read from.
    public var text: String
    public var page: Int

    public init(claim: Claim, text: String, page: Int) {
        self.claim = claim
        self.text = text
        self.page = page
    }
}

/// Reads the figures stated in the report's prose: the text lines outside every table.
public enum NarrativeReader {
    public static func statements(pages: [Page], tables: [Table]) -> [Statement] {
        var statements: [Statement] = []
        for page in pages {
            let covered = tables.flatMap { table in table.grid.cells.filter { $0.page == page.number }.map(\.box) }
            let prose = page.lines.filter { line in
                !covered.contains { $0.contains(x: line.box.midX, y: line.box.midY) }
            }.map(\.compactText).joined()
            for item in items(prose) {
                // An item stating the same figure twice makes one claim.
                for statement in read(item, page: page.number) where !statements.contains(statement) {
                    statements.append(statement)
                }
            }
        }
        return statements
    }

    /// The prose cut into numbered items ("1、…", "2、…") or, without numbers, sentences.
    static func items(_ prose: String) -> [String] {
        var items: [String] = []
        var current = ""
        let characters = Array(prose)
        var index = 0
        while index < characters.count {
            // "12、" opens an item when it follows the end of a sentence.
            if characters[index].isASCIIDigit, index == 0 || "。；".contains(characters[index - 1]) {
                var end = index
                while end < characters.count, characters[end].isASCIIDigit { end += 1 }
                if end < characters.count, characters[end] == "、", !current.isEmpty {
                    items.append(current)
                    current = ""
                }
            }
            current.append(characters[index])
            index += 1
        }
        if !current.isEmpty { items.append(current) }
        return items
    }

    static func read(_ item: String, page: Int) -> [Statement] {
        var result: [Statement] = []
        if let code = code(in: item) {
            for (part, name) in codeNames(in: item) {
                result.append(Statement(claim: .codeName(code: part, name: name), text: item, page: page))
            }
            for amount in codeAmounts(in: item, after: code.end) {
                result.append(Statement(claim: .codeAmount(code: code.code, amount: amount, unit: "万元"), text: item, page: page))
            }
        }
        for sentence in item.split(separator: "。").map(String.init) {
            result += percentChanges(in: sentence, page: page)
            result += shares(in: sentence, page: page)
        }
        return result
    }

    /// "（204类）…（06款）…（01项）" → 2040601, and where the markers end.
    static func code(in text: String) -> (code: String, end: String.Index)? {
        guard text.contains(Character("类")) else { return nil }
        var code = ""
        var end = text.startIndex
        for (mark, digits) in [("类", 3), ("款", 2), ("项", 2)] {
            guard let range = text[end...].firstRange(of: "\(mark)）") else { break }
            let start = text.index(range.lowerBound, offsetBy: -digits, limitedBy: text.startIndex) ?? text.startIndex
            let part = text[start..<range.lowerBound]
            guard part.count == digits, part.allSatisfy(\.isASCIIDigit),
                  start > text.startIndex, "（(".contains(text[text.index(before: start)]) else { break }
            if mark != "类", text.distance(from: end, to: start) > 40 { break }
            code += part
            end = range.upperBound
        }
        return [3, 5, 7].contains(code.count) ? (code, end) : nil
    }

    /// The name before each code marker of an item: "1、公共安全支出（204类）司法（06款）行政运行
    /// （01项）…" gives 204 公共安全支出, 20406 司法, 2040601 行政运行.
    static func codeNames(in text: String) -> [(String, String)] {
        guard let code = code(in: text) else { return [] }
        var result: [(String, String)] = []
        var start = text.startIndex
        // Past the item's number ("1、").
        if let mark = text.firstIndex(of: "、"), text[..<mark].allSatisfy(\.isASCIIDigit) { start = text.index(after: mark) }
        for (mark, length) in [("类）", 3), ("款）", 5), ("项）", 7)] where code.code.count >= length {
            guard let range = text[start...].firstRange(of: mark),
                  let open = text[start..<range.lowerBound].lastIndex(where: { "（(".contains($0) }) else { break }
            let name = String(text[start..<open]).trimmingWhitespace
            if !name.isEmpty, name.count <= 30 { result.append((String(code.code.prefix(length)), name)) }
            start = range.upperBound
        }
        return result
    }

    /// The amount right after the code markers, and every "预算安排X万元" / "预算数为X万元" of the item.
    static func codeAmounts(in text: String, after index: String.Index) -> [String] {
        var found: [String] = []
        if let first = amounts(in: String(text[index...])).first, first.offset < 12 { found.append(first.value) }
        for marker in ["预算安排", "决算数为", "支出决算为", "预算数为"] {
            var search = text.startIndex..<text.endIndex
            while let range = text[search].firstRange(of: marker) {
                if let next = amounts(in: String(text[range.upperBound...])).first, next.offset == 0 { found.append(next.value) }
                search = range.upperBound..<text.endIndex
            }
        }
        return found
    }

    /// Every "X万元" in the text: the amount and how many characters precede it.
    static func amounts(in text: String) -> [(value: String, offset: Int)] {
        let characters = Array(text)
        var result: [(String, Int)] = []
        var index = 0
        while index < characters.count {
            guard characters[index].isASCIIDigit else { index += 1; continue }
            var end = index
            while end < characters.count, characters[end].isASCIIDigit || characters[end] == "." || characters[end] == "," { end += 1 }
            let number = String(characters[index..<end])
            if end + 1 < characters.count, characters[end] == "万", characters[end + 1] == "元",
               let amount = CellText.amount(number), index == 0 || !characters[index - 1].isASCIIDigit {
                result.append((amount, index))
            }
            index = end + 1
        }
        return result
    }

    /// "…A万元，…B万元，比…增加P%" (增加/增长/减少/下降).
    static func percentChanges(in sentence: String, page: Int) -> [Statement] {
        // Cheap tests by character first: most sentences state no percentage.
        guard sentence.contains(Character("%")), sentence.contains(Character("比")) else { return [] }
        for (word, increase) in [("增加", true), ("增长", true), ("减少", false), ("下降", false)] {
            guard let range = sentence.ranges(of: word).last else { continue }
            let after = sentence[range.upperBound...]
            let digits = after.prefix { $0.isASCIIDigit || $0 == "." }
            guard !digits.isEmpty, after.dropFirst(digits.count).first == "%" else { continue }
            let head = String(sentence[..<range.lowerBound])
            let before = amounts(in: head)
            guard before.count >= 2 else { continue }
            var from = before[before.count - 2].value, to = before[before.count - 1].value
            if isChange(before[before.count - 1].offset, in: head) {
                let amounts = before.suffix(3).compactMap { Decimal(string: $0.value) }
                if amounts.count == 3, abs(amounts[0] - amounts[1]) == amounts[2] {
                    // "X万元 … (上年Y万元)，增加Z万元": the two amounts differ by the change; the
                    // earlier is the smaller when it grew, the larger when it fell.
                    let (a, b) = (before[before.count - 3].value, before[before.count - 2].value)
                    let aIsEarlier = (amounts[0] < amounts[1]) == increase
                    (from, to) = aIsEarlier ? (a, b) : (b, a)
                } else if before.count >= 3, isPrevious(before[before.count - 2].offset, in: head) {
                    // "X万元，比2016年Y万元减少Z万元，下降P%": Y is the previous amount, X the new.
                    from = before[before.count - 2].value
                    to = before[before.count - 3].value
                } else if let amount = Decimal(string: from), let change = Decimal(string: to) {
                    let comparedBefore = head.prefix(before[before.count - 2].offset).contains("比")
                    if comparedBefore {
                        // "与2016年度相比（2016年度…为X万元），增加Y万元": X is the earlier amount.
                        to = "\(increase ? amount + change : amount - change)"
                    } else {
                        // "X万元，比上年增加Y万元，增长P%": Y is the change, X the new amount.
                        to = from
                        from = "\(increase ? amount - change : amount + change)"
                    }
                }
            }
            return [Statement(claim: .percentChange(from: from, to: to, percent: String(digits), increase: increase),
                              text: sentence, page: page)]
        }
        return []
    }

    /// Whether the amount at `offset` is the year compared with ("比2016年8648.07万元").
    static func isPrevious(_ offset: Int, in text: String) -> Bool {
        let characters = Array(text)
        return String(characters[max(0, offset - 8)..<offset]).contains("比")
    }

    /// Whether the amount at `offset` is a change ("增加Y万元", "减少Y万元"), not an amount.
    static func isChange(_ offset: Int, in text: String) -> Bool {
        let characters = Array(text)
        let before = String(characters[max(0, offset - 2)..<offset])
        return ["增加", "减少", "增长", "下降"].contains(before)
    }

    /// "合计T万元，其中：…X万元，占P%": each share against the first amount of the sentence.
    static func shares(in sentence: String, page: Int) -> [Statement] {
        guard sentence.contains(Character("占")), sentence.contains(Character("%")), sentence.contains("其中") else { return [] }
        let found = amounts(in: sentence)
        guard let whole = found.first else { return [] }
        var result: [Statement] = []
        let characters = Array(sentence)
        for part in found.dropFirst() {
            // "X万元，占P%" (the amount, its unit, a comma, 占, the percentage)
            var index = part.offset
            while index < characters.count, characters[index] != "元" { index += 1 }
            index += 1
            if index < characters.count, "，,".contains(characters[index]) { index += 1 }
            guard index < characters.count, characters[index] == "占" else { continue }
            let digits = characters[(index + 1)...].prefix { $0.isASCIIDigit || $0 == "." }
            guard !digits.isEmpty, index + 1 + digits.count < characters.count, characters[index + 1 + digits.count] == "%" else { continue }
            result.append(Statement(claim: .share(part: part.value, whole: whole.value, percent: String(digits)),
                                    text: sentence, page: page))
        }
        return result
    }
}
