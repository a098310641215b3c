import ArgumentParser
import FoundationEssentials
import GongkaiEmit
import GongkaiPipeline
import GongkaiRecognize
import GongkaiText

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check reports against the accounting identities and print the findings, grouped by table.",
        discussion: """
            Examples:
              gongkai validate report.pdf
              gongkai validate report.json
              gongkai validate reports/*.pdf

            A PDF is extracted first; a gongkai.report/1 JSON file is checked again from its \
            records (its recognition and narrative findings, which need the PDF, are shown as \
            saved). Exits 1 when any file has an error-level finding or cannot be read (a single \
            unreadable PDF exits with its own code: see `gongkai pages --help`), 0 otherwise.
            """)

    @Argument(help: "The PDF(s) or gongkai.report/1 JSON file(s) to check.")
    var files: [String]

    @Option(help: "Password of encrypted PDFs.")
    var password: String?

    func run() throws {
        var failed = false
        for (index, file) in files.enumerated() {
            if index > 0 { writeOutput("") }
            do {
                let report = try self.report(file)
                writeOutput(FindingsText.render(report))
                if report.findings.contains(where: { $0.severity == .error }) { failed = true }
            } catch let error as ExtractionError where files.count == 1 {
                printError("gongkai: \(error)")
                throw ExitCode(error.exitCode)
            } catch {
                printError("gongkai: \(error)")
                failed = true
            }
        }
        if failed { throw ExitCode(1) }
    }

    func report(_ file: String) throws -> Report {
        guard file.lowercased().hasSuffix(".json") else { return try Extractor.extract(path: file, password: password) }
        guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8) else {
            throw ValidationError("\(file): cannot be read")
        }
        do {
            return Extractor.revalidated(try ReportReader.report(from: try JSONParser.parse(text)))
        } catch {
            throw ValidationError("\(file): \(error)")
        }
    }
}
