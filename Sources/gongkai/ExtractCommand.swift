import ArgumentParser
import FoundationEssentials
import Glibc
import GongkaiEmit
import GongkaiPipeline
import GongkaiText

struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract a report's tables as validated records: JSON (gongkai.report/1), JSON Lines for several files.",
        discussion: """
            Examples:
              gongkai extract report.pdf --pretty
              gongkai extract report.pdf -o report.json
              gongkai extract reports/*.pdf > reports.jsonl

            One file gives one JSON document. Several files give JSON Lines, one compact document \
            per line; a file that cannot be read is reported on standard error and the batch goes \
            on (the exit code is then 1). Exit codes for a single file: see `gongkai pages --help`.
            """)

    @Argument(help: "The PDF(s) to read.")
    var files: [String]

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
    var output: String?

    @Flag(help: "Indent the JSON (a single file only).")
    var pretty = false

    @Option(help: "Password of encrypted PDFs.")
    var password: String?

    func run() throws {
        let sink = try OutputSink(path: output)
        if files.count == 1 {
            try exitingOnExtractionError {
                let report = try Extractor.extract(path: files[0], password: password)
                sink.write(ReportJSON.document(report).serialized(pretty: pretty))
            }
            return
        }
        let failed = FailureMark()
        Extractor.extractAll(paths: files, password: password) { _, result in
            switch result {
            case .success(let report): sink.write(ReportJSON.document(report).serialized(pretty: false))
            case .failure(let error):
                printError("gongkai: \(error)")
                failed.raise()
            }
        }
        if failed.isRaised { throw ExitCode(1) }
    }
}

/// Standard output, or a file.
struct OutputSink: Sendable {
    let descriptor: Int32

    init(path: String?) throws {
        guard let path else {
            descriptor = STDOUT_FILENO
            return
        }
        descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else {
            printError("gongkai: \(path): cannot be written")
            throw ExitCode(10)
        }
    }

    func write(_ text: String) {
        writeAll(descriptor, text + "\n")
    }
}

/// Set by any thread, read at the end.
final class FailureMark: Sendable {
    private let raised = Locked(false)

    func raise() { raised.withLock { $0 = true } }
    var isRaised: Bool { raised.withLock { $0 } }
}
