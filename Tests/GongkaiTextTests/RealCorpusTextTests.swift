import Foundation
import GongkaiTestSupport
import Testing
@testable import GongkaiText

/// The text stage over every real PDF: glyphs are found, every table's title is a text line on
/// its page, and pages whose tables are drawn with lines have rulings.
@Suite(.enabled(if: Corpus.realIsAvailable, "skipped: the real corpus ../shared/corpora/real/ is absent"))
struct RealCorpusTextTests {
    static let inventory = RealInventory.load()

    @Test(arguments: Corpus.realPDFs.map(\.lastPathComponent))
    func glyphsTitlesAndRulings(file: String) throws {
        let document = try PDFDocument(path: Corpus.real.appendingPathComponent(file).path)
        let pages = try document.pages()
        #expect(pages.count == document.pageCount)
        #expect(pages.reduce(0) { $0 + $1.glyphs.count } > 1000, "too few glyphs in \(file)")

        let entry = try #require(Self.inventory.document(file), "\(file) is missing from real-inventory.json")
        for table in entry.tables where table.ruling != "image" {
            let page = pages[table.pages[0] - 1]
            let compactLines = page.lines.map { $0.compactText.filter { !$0.isWhitespace } }
            // A title wrapped onto two printed lines is two text lines.
            for title in table.titleLines ?? [table.title] {
                let compact = title.filter { !$0.isWhitespace }
                #expect(compactLines.contains { $0.contains(compact) },
                        "\(file) p\(table.pages[0]): title line \(title) is not a text line")
            }
        }
        for number in entry.borderedTablePages {
            let page = pages[number - 1]
            let horizontal = page.rulings.filter { $0.orientation == .horizontal && $0.length > 50 }.count
            #expect(horizontal >= 2, "\(file) p\(number): a bordered table page with \(horizontal) long horizontal rulings")
        }
    }
}
