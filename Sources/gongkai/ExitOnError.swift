import ArgumentParser
import FoundationEssentials
import Glibc
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
    writeAll(STDERR_FILENO, line + "\n")
}

/// Writes text and a final newline on standard output.
func writeOutput(_ text: String) {
    writeAll(STDOUT_FILENO, text + "\n")
}

/// Writes all of `text` to a file descriptor (a pipe may take it in parts).
func writeAll(_ descriptor: Int32, _ text: String) {
    var text = text
    text.withUTF8 { bytes in
        var offset = 0
        while offset < bytes.count {
            let written = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { return }
            offset += written
        }
    }
}

/// The PDF a command reads, and its password when it is encrypted.
struct DocumentArguments: ParsableArguments {
    @Argument(help: "The PDF to read.")
    var file: String

    @Option(help: "Password of an encrypted PDF.")
    var password: String?
}
