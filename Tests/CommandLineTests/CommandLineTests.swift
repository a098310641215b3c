import Foundation
import GongkaiTestSupport
import Testing

/// The `gongkai` program as a user runs it: exit codes, one-line errors, --help examples, and
/// a batch that goes on past a bad file.
struct CommandLineTests {
    /// The built program, next to the test bundle.
    static let program: URL = {
        var folder = Bundle.main.bundleURL
        for _ in 0..<4 where !FileManager.default.fileExists(atPath: folder.appendingPathComponent("gongkai").path) {
            folder.deleteLastPathComponent()
        }
        return folder.appendingPathComponent("gongkai")
    }()

    struct Run {
        var status: Int32
        var output: String
        var error: String
    }

    static func run(_ arguments: [String]) throws -> Run {
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, output: String(decoding: out, as: UTF8.self),
                   error: String(decoding: err, as: UTF8.self))
    }

    @Test(arguments: [
        ("empty.pdf", Int32(11), "is empty"),
        ("not-a-pdf.pdf", 12, "is not a PDF"),
        ("truncated.pdf", 13, "is truncated"),
        ("encrypted.pdf", 15, "is encrypted: a password is needed"),
        ("no-text.pdf", 17, "has no text layer"),
        ("missing.pdf", 10, "cannot be read"),
    ])
    func badInputGivesOneLineAndItsExitCode(file: String, status: Int32, reason: String) throws {
        let path = Corpus.bad.appendingPathComponent(file).path
        for command in ["extract", "validate", "tables", "pages"] {
            let run = try Self.run([command, path])
            #expect(run.status == status, "\(command) \(file)")
            #expect(run.error == "gongkai: \(path): \(run.error.components(separatedBy: ": ").dropFirst(2).joined(separator: ": "))")
            #expect(run.error.contains(reason) && run.error.split(separator: "\n").count == 1, "\(command) \(file): \(run.error)")
            #expect(run.output.isEmpty)
        }
    }

    @Test func wrongAndRightPasswords() throws {
        let path = Corpus.bad.appendingPathComponent("encrypted.pdf").path
        #expect(try Self.run(["pages", path, "--password", "nope"]).status == 16)
        let opened = try Self.run(["pages", path, "--password", "secret"])
        #expect(opened.status == 0)
        #expect(opened.output.contains("Hello table"))
    }

    @Test func aBatchGoesOnPastABadFile() throws {
        let good = Corpus.own.appendingPathComponent("000-gz-2020-ruled.pdf").path
        let run = try Self.run(["extract", Corpus.bad.appendingPathComponent("truncated.pdf").path, good])
        #expect(run.status == 1)
        #expect(run.error.contains("truncated.pdf: is truncated"))
        let lines = run.output.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("{\"schema\":\"gongkai.report/1\"") == true)
    }

    @Test(arguments: ["extract", "validate", "diff", "tables", "pages"])
    func everySubcommandHasHelpWithAnExample(command: String) throws {
        let run = try Self.run([command, "--help"])
        #expect(run.status == 0)
        #expect(run.output.contains("Example"), "\(command) --help has no example")
        #expect(run.output.contains("gongkai \(command) "))
    }

    @Test func extractWritesTheContractToAFile() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-\(UUID()).json")
        defer { try? FileManager.default.removeItem(at: out) }
        let pdf = Corpus.own.appendingPathComponent("001-gy-2024-ruled-code3.pdf").path
        #expect(try Self.run(["extract", pdf, "-o", out.path, "--pretty"]).status == 0)
        let text = try String(contentsOf: out, encoding: .utf8)
        #expect(text.hasPrefix("{\n  \"schema\": \"gongkai.report/1\",\n  \"source\": {"))
        #expect(text.contains("\"code\": \"2080505\""))
    }

    @Test func diffExitsOneOnADifference() throws {
        let folder = FileManager.default.temporaryDirectory
        let a = folder.appendingPathComponent("gongkai-a-\(UUID()).json"), b = folder.appendingPathComponent("gongkai-b-\(UUID()).json")
        defer { try? FileManager.default.removeItem(at: a); try? FileManager.default.removeItem(at: b) }
        let golden = try String(contentsOf: Corpus.root.appendingPathComponent("golden/corpora/001-gy-2024-ruled-code3.json"), encoding: .utf8)
        try golden.write(to: a, atomically: true, encoding: .utf8)
        try golden.replacingOccurrences(of: "\"4627.11\"", with: "\"4627.12\"").write(to: b, atomically: true, encoding: .utf8)
        #expect(try Self.run(["diff", a.path, a.path]).output == "same\n")
        let changed = try Self.run(["diff", a.path, b.path])
        #expect(changed.status == 1)
        #expect(changed.output.contains("\"4627.11\" → \"4627.12\""))
    }

    /// `validate` on a saved report: findings grouped by table with their numbers; exit 1 when
    /// an identity breaks, 0 when only warnings remain.
    @Test func validateExitsOneOnAnError() throws {
        let folder = FileManager.default.temporaryDirectory
        let clean = folder.appendingPathComponent("gongkai-clean-\(UUID()).json")
        let broken = folder.appendingPathComponent("gongkai-broken-\(UUID()).json")
        defer { try? FileManager.default.removeItem(at: clean); try? FileManager.default.removeItem(at: broken) }
        let golden = try String(contentsOf: Corpus.root.appendingPathComponent("golden/corpora/000-gz-2020-plain.json"), encoding: .utf8)
        try golden.write(to: clean, atomically: true, encoding: .utf8)
        // 208 社会保障和就业支出 in 收入决算表: 3153.38 printed; 4153.38 breaks its children and the 合计.
        try golden.replacingOccurrences(of: "\"3153.38\"", with: "\"4153.38\"").write(to: broken, atomically: true, encoding: .utf8)
        let passed = try Self.run(["validate", clean.path])
        #expect(passed.status == 0)
        // The same ten rounding warnings as its ruled twin, and three unmapped columns of the
        // unruled 国有资本 table (golden/README.md, still open).
        #expect(passed.output.hasPrefix("000-gz-2020-plain.pdf: 贵州省医疗保障局2020年度部门决算公开 — 0 errors, 13 warnings"))
        let failed = try Self.run(["validate", broken.path])
        #expect(failed.status == 1)
        #expect(failed.output.contains("Table 2 「收入决算表」 [公开02表] p4,5 (income_by_function)"))
        #expect(failed.output.contains("error code.children-sum  rows 208, 20805, 20899; columns total"))
        #expect(failed.output.contains("expected 3153.38  printed 4153.38  difference 1000.00"))
    }
}
