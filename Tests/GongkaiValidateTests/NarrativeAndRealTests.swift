import Foundation
import GongkaiPipeline
import GongkaiTestSupport
import Testing
@testable import GongkaiRecognize
@testable import GongkaiValidate

/// The narrative's figures against the tables, and the real documents' known errors.
struct NarrativeAndRealTests {
    static let table = RecognizedTable(
        type: .generalBudgetExpenditure, title: "一般公共预算支出功能分类预算表", label: nil, pages: [15], unit: "元",
        columns: [Column(key: "total", header: ["合计"])],
        rows: [Row(code: "2210201", level: .item, name: "住房公积金", cells: [("total", .amount("2087959.00"))])])

    @Test func aCodeAmountThatMatchesTheTableRoundedToItsPlaces() {
        let statement = Statement(claim: .codeAmount(code: "2210201", amount: "208.8", unit: "万元"), text: "", page: 9)
        #expect(Validator.findings(for: [Self.table], statements: [statement]).isEmpty)
    }

    @Test func aCodeAmountThatDoesNot() {
        let statement = Statement(claim: .codeAmount(code: "2210201", amount: "201.50", unit: "万元"), text: "预算安排201.50万元", page: 9)
        let findings = Validator.findings(for: [Self.table], statements: [statement])
        #expect(findings.map(\.check) == ["narrative.code-amount"])
        #expect(findings.first?.expected == "208.80" && findings.first?.actual == "201.50")
    }

    @Test func percentChanges() {
        let right = Statement(claim: .percentChange(from: "1690.69", to: "1672.67", percent: "1.07", increase: false), text: "", page: 8)
        let wrongSign = Statement(claim: .percentChange(from: "43269.3", to: "3845.49", percent: "17.62", increase: true), text: "", page: 9)
        let truncated = Statement(claim: .percentChange(from: "59.11", to: "57.8", percent: "2.21", increase: false), text: "", page: 9)
        let findings = Validator.findings(for: [], statements: [right, wrongSign, truncated])
        #expect(findings.map(\.severity) == [.error, .warning])
        #expect(findings.first?.expected == "减少91.11%")
    }

    @Test func shares() {
        let right = Statement(claim: .share(part: "14901.58", whole: "14929.51", percent: "99.81"), text: "", page: 3)
        let wrong = Statement(claim: .share(part: "14901.58", whole: "14929.51", percent: "98.81"), text: "", page: 3)
        #expect(Validator.findings(for: [], statements: [right]).isEmpty)
        #expect(Validator.findings(for: [], statements: [wrong]).map(\.check) == ["narrative.share"])
    }

    /// ../shared/corpora/real/sh-justice-2026-dept-budget-review.xlsx, a reviewer's checklist of
    /// that report: its numeric errors are in the 编制说明 (reviewer's item 4, the 说明's point 6:
    /// 43269.3 → 3845.49 called an increase of 17.62%; item 6, point 12: 住房公积金 208.8万元 in
    /// the heading, 201.50万元 as the 2026 budget). Both must be found, and the code named two
    /// ways (item 5, point 11). Its other items are wording (years, punctuation, quotes, a blank
    /// page), not figures.
    @Test(.enabled(if: Corpus.realIsAvailable, "skipped: the real corpus ../shared/corpora/real/ is absent"))
    func theReviewersErrorsInShJustice() throws {
        let report = try Extractor.extract(path: Corpus.real.appendingPathComponent("sh-justice-2026-dept-budget.pdf").path)
        let errors = report.findings.filter { $0.severity == .error }
        #expect(errors.contains { $0.check == "narrative.percent-change" && $0.actual == "增加17.62%" && $0.expected == "减少91.11%" })
        #expect(errors.contains { $0.check == "narrative.code-amount" && $0.actual == "201.50" && $0.expected == "208.80" })
        // Item 5, not a figure but a name: 210 is 医疗卫生与计划生育支出 in the text, 卫生健康支出 in the tables.
        #expect(report.findings.contains {
            $0.check == "narrative.code-name" && $0.severity == .warning && $0.actual == "医疗卫生与计划生育支出" && $0.expected == "卫生健康支出"
        })
        // Its tables add up (the reviewer marked every table 符合要求).
        #expect(!report.findings.contains { !$0.check.hasPrefix("narrative.") })
    }

    /// The same checklist read from the workbook itself, not transcribed: every line of its
    /// cells that quotes figures with decimals (item 4: 43269.3, 3845.49, 17.62; item 6: 208.8,
    /// 201.50) is answered by a finding that carries every one of those figures.
    @Test(.enabled(if: Corpus.realIsAvailable, "skipped: the real corpus ../shared/corpora/real/ is absent"))
    func everyFigureInTheReviewersChecklistIsInAFinding() throws {
        let cells = try ReviewChecklist.cellTexts(ofWorkbookAt: Corpus.real.appendingPathComponent("sh-justice-2026-dept-budget-review.xlsx"))
        #expect(cells.first == "2026年度普陀区部门预算公开情况检查表")
        let items = cells.flatMap { $0.split(whereSeparator: \.isNewline).map(String.init) }.filter { !Self.decimals(in: $0).isEmpty }
        #expect(items.count == 2)
        let report = try Extractor.extract(path: Corpus.real.appendingPathComponent("sh-justice-2026-dept-budget.pdf").path)
        for item in items {
            let figures = Self.decimals(in: item)
            let answered = report.findings.contains { finding in
                figures.isSubset(of: Self.decimals(in: [finding.messageEN, finding.expected ?? "", finding.actual ?? ""].joined(separator: " ")))
            }
            #expect(answered, "no finding carries \(figures.sorted()) of 「\(item)」")
        }
    }

    /// The numbers with a decimal point in a text, trailing zeros dropped (208.80 is 208.8).
    static func decimals(in text: String) -> Set<String> {
        var result = Set<String>()
        var current = ""
        for character in text + " " {
            if character.isASCII, character.isNumber || (character == "." && !current.isEmpty && !current.contains(".")) {
                current.append(character)
                continue
            }
            if current.contains("."), current.last != "." {
                var figure = current
                while figure.last == "0" { figure.removeLast() }
                if figure.last == "." { figure.removeLast() }
                result.insert(figure)
            }
            current = ""
        }
        return result
    }

    /// The seeds' own inconsistencies (corpora/README.md) are reported, not fixed.
    @Test func theSeedInconsistenciesAreReported() throws {
        let report = try Extractor.extract(path: Corpus.own.appendingPathComponent("000-gz-2020-ruled.pdf").path)
        let summary = report.findings.first { $0.check == "summary.grand-total" && $0.actual == "14930.00" }
        #expect(summary?.expected == "14929.99")
        #expect(summary?.severity == .warning)
        let income = report.tables.first { $0.type == .incomeByFunction }
        #expect(income?.rows.first { $0.name == "合计" }?["total"] == .amount("14929.51"))
    }
}
