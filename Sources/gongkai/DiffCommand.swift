import ArgumentParser
import FoundationEssentials
import GongkaiEmit

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show what changed between two extraction outputs, table by table and cell by cell.",
        discussion: """
            Examples:
              gongkai diff golden/real/report.json new.json
              gongkai diff 2023.json 2024.json

            Tables are paired by type and title, rows by section, code and name, cells by their \
            canonical key. Exits 0 when the two are the same, 1 when they differ.
            """)

    @Argument(help: "The older gongkai.report/1 JSON.")
    var old: String

    @Argument(help: "The newer gongkai.report/1 JSON.")
    var new: String

    func run() throws {
        let oldValue = try read(old), newValue = try read(new)
        let lines = ReportDiff.differences(old: oldValue, new: newValue)
        if lines.isEmpty {
            writeOutput("same")
            return
        }
        writeOutput(lines.joined(separator: "\n"))
        throw ExitCode(1)
    }

    func read(_ path: String) throws -> JSONValue {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            printError("gongkai: \(path): cannot be read")
            throw ExitCode(10)
        }
        do {
            return try JSONParser.parse(text)
        } catch {
            printError("gongkai: \(path): \(error)")
            throw ExitCode(12)
        }
    }
}
