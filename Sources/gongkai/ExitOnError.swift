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

/// Writes a value as JSON on standard output (keys in declaration order, so output diffs).
func writeJSON<T: Encodable>(_ value: T, pretty: Bool = true) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = pretty ? [.prettyPrinted, .withoutEscapingSlashes] : [.withoutEscapingSlashes]
    var data = try encoder.encode(value)
    data.append(0x0A)
    FileHandle.standardOutput.write(data)
}
