import ArgumentParser
import FoundationEssentials
import GongkaiEmit
import GongkaiText

struct PagesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pages",
        abstract: "Print the text stage's model of a PDF's pages as JSON: size, text lines, words, rulings.",
        discussion: """
            Example:
              gongkai pages report.pdf --page 10 --glyphs

            Exit codes: 10 unreadable, 11 empty, 12 not a PDF, 13 truncated, 14 damaged, \
            15 encrypted (give --password), 16 wrong password, 17 no text layer, 18 no such page.
            """)

    @OptionGroup var input: DocumentArguments

    @Option(help: "Only this page (1-based).")
    var page: Int?

    @Flag(help: "Include every glyph with its box, font and size.")
    var glyphs = false

    func run() throws {
        try exitingOnExtractionError {
            let document: PDFDocument
            let pages: [Page]
            if let page {
                document = try PDFDocument(path: input.file, password: input.password)
                pages = [try document.page(page)]
                try PDFDocument.requireText(pages, path: input.file)
            } else {
                (document, pages) = try PDFDocument.pages(path: input.file, password: input.password)
            }
            let json = PageJSON.document(file: URL(fileURLWithPath: input.file).lastPathComponent, sha256: document.sha256,
                                         pageCount: document.pageCount, pages: pages, glyphs: glyphs)
            writeOutput(json.serialized(pretty: true))
        }
    }
}
