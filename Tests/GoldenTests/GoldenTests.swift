import Foundation
import GongkaiEmit
import GongkaiPipeline
import GongkaiTestSupport
import Testing

/// The whole output of every corpus PDF against its golden file (golden/), and against the
/// published JSON Schema. `scripts/golden update` rewrites the golden files; a changed golden
/// file must be reviewed against its page before it is committed.
struct GoldenTests {
    static let schema = SchemaValidator(schema: try! JSONParser.parse(
        String(contentsOf: Corpus.root.appendingPathComponent("schema/gongkai.report-1.schema.json"), encoding: .utf8)))

    static func check(pdf: URL, golden: URL) throws {
        let report = try Extractor.extract(path: pdf.path)
        let json = ReportJSON.document(report)
        let violations = schema.violations(of: json)
        #expect(violations.isEmpty, "\(pdf.lastPathComponent) breaks the schema: \(violations.prefix(5))")
        let repeated = Self.repeatedKeys(in: json)
        #expect(repeated.isEmpty, "\(pdf.lastPathComponent) repeats keys within one object: \(repeated.prefix(5))")

        let text = json.serialized(pretty: true) + "\n"
        guard let expected = try? String(contentsOf: golden, encoding: .utf8) else {
            Issue.record("no golden file \(golden.path): run scripts/golden update")
            return
        }
        if text != expected {
            let differences = ReportDiff.differences(old: try JSONParser.parse(expected), new: json)
            Issue.record("""
                \(pdf.lastPathComponent) differs from \(golden.lastPathComponent) (scripts/golden check for the whole diff):
                \(differences.prefix(40).joined(separator: "\n"))
                """)
        }
    }

    /// Keys that occur twice in one object (a JSON reader keeps only one of them: a value lost).
    static func repeatedKeys(in value: JSONValue) -> [String] {
        switch value {
        case .object(let pairs):
            var seen: Set<String> = []
            let own = pairs.map(\.0).filter { !seen.insert($0).inserted }
            return own + pairs.flatMap { repeatedKeys(in: $0.1) }
        case .array(let items):
            return items.flatMap(repeatedKeys(in:))
        default:
            return []
        }
    }

    @Test(arguments: Corpus.ownPDFs.map(\.lastPathComponent))
    func corpus(file: String) throws {
        let name = (file as NSString).deletingPathExtension
        try Self.check(pdf: Corpus.own.appendingPathComponent(file),
                       golden: Corpus.root.appendingPathComponent("golden/corpora/\(name).json"))
    }

    @Test(.enabled(if: Corpus.realIsAvailable, "skipped: the real corpus ../shared/corpora/real/ is absent"),
          arguments: Corpus.realPDFs.map(\.lastPathComponent))
    func real(file: String) throws {
        let name = (file as NSString).deletingPathExtension
        try Self.check(pdf: Corpus.real.appendingPathComponent(file),
                       golden: Corpus.root.appendingPathComponent("golden/real/\(name).json"))
    }

    static let goldenFiles: [String] = ["golden/corpora", "golden/real"].flatMap { folder in
        ((try? FileManager.default.contentsOfDirectory(atPath: Corpus.root.appendingPathComponent(folder).path)) ?? [])
            .filter { $0.hasSuffix(".json") }.sorted().map { "\(folder)/\($0)" }
    }

    /// A saved report read back and validated again (`gongkai validate report.json`) finds
    /// exactly what the extraction found, and writes out as the same document.
    @Test(arguments: goldenFiles)
    func savedReportsReadBackAndValidateAgain(file: String) throws {
        let saved = try JSONParser.parse(String(contentsOf: Corpus.root.appendingPathComponent(file), encoding: .utf8))
        let report = try ReportReader.report(from: saved)
        let again = ReportJSON.document(Extractor.revalidated(report))
        // Everything but the raw grids of unrecognised tables reads back unchanged.
        let withoutGrids = { (value: JSONValue) -> JSONValue in
            .object((value.objectValue ?? []).map { key, member in
                guard key == "tables" else { return (key, member) }
                return (key, .array((member.arrayValue ?? []).map { .object(($0.objectValue ?? []).filter { $0.0 != "grid" }) }))
            })
        }
        let differences = ReportDiff.differences(old: withoutGrids(saved), new: withoutGrids(again))
        #expect(differences.isEmpty, "\(file) validated again from its JSON: \(differences.prefix(10).joined(separator: "\n"))")
    }

    @Test func everyGoldenFileHasItsPDF() {
        let own = Set(Corpus.ownPDFs.map { ($0.lastPathComponent as NSString).deletingPathExtension })
        let files = (try? FileManager.default.contentsOfDirectory(atPath: Corpus.root.appendingPathComponent("golden/corpora").path)) ?? []
        #expect(Set(files.map { ($0 as NSString).deletingPathExtension }) == own)
    }
}
