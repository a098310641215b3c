import ArgumentParser
import FoundationEssentials
import GongkaiEmit
import GongkaiLayout
import GongkaiText

struct TablesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tables",
        abstract: "Print the table grids the layout stage finds: captions, cells with spans, header rows.",
        discussion: """
            Example:
              gongkai tables report.pdf --text
              gongkai tables report.pdf --page 8 > grids.json
            """)

    @OptionGroup var input: DocumentArguments

    @Option(help: "Only tables that start on this page (1-based).")
    var page: Int?

    @Flag(help: "Print the grids as aligned text instead of JSON.")
    var text = false

    func run() throws {
        try exitingOnExtractionError {
            var tables = TableFinder.tables(in: try PDFDocument.pages(path: input.file, password: input.password).pages)
            if let page { tables = tables.filter { $0.pages.first == page } }
            if text {
                writeOutput(tables.map(GridText.render).joined(separator: "\n"))
            } else {
                writeOutput(JSONValue.array(tables.map(GridJSON.table)).serialized(pretty: true))
            }
        }
    }
}
