import ArgumentParser
import Foundation
import GongkaiText

/// Runs `body`; an `ExtractionError` becomes one line on standard error naming the file and the
/// reason, and the process exits with that error's own code.
func exitingOnExtractionError(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as ExtractionError {
        printError("gongkai: \(error)")
        throw ExitCode(error.exitCode)
    }
}

func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

/// Writes text and a final newline on standard output.
func writeOutput(_ text: String) {
    FileHandle.standardOutput.write(Data((text + "\n").utf8))
}

/// The PDF a command reads, and its password when it is encrypted.
struct DocumentArguments: ParsableArguments {
    @Argument(help: "The PDF to read.")
    var file: String

    @Option(help: "Password of an encrypted PDF.")
    var password: String?
}
