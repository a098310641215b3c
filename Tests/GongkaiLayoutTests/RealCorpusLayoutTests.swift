import Foundation
import GongkaiTestSupport
import Testing
@testable import GongkaiLayout
@testable import GongkaiText

/// The layout stage over every real PDF against the hand-made inventory: every printed table
/// is found once, with its title and pages; prose, contents and cover pages yield no table.
@Suite(.enabled(if: Corpus.realIsAvailable, "skipped: the real corpus ../shared/corpora/real/ is absent"))
struct RealCorpusLayoutTests {
    static let inventory = RealInventory.load()

    @Test(arguments: Corpus.realPDFs.map(\.lastPathComponent))
    func tablesFoundAgainstTheInventory(file: String) throws {
        let entry = try #require(Self.inventory.document(file))
        let pages = try PDFDocument(path: Corpus.real.appendingPathComponent(file).path).pages()
        let tables = TableFinder.tables(in: pages)
        let statistical = entry.tables.filter { $0.type != "unrecognized" || $0.title != "" }
        #expect(tables.count == statistical.count, "\(file): \(tables.count) tables found, \(statistical.count) printed")
        var unmatched = tables
        for expected in statistical {
            // Tables sharing a page are matched in order.
            let index = unmatched.firstIndex { $0.pages == expected.pages }
            let match = index.map { unmatched.remove(at: $0) }
            #expect(match != nil, "\(file): no table on pages \(expected.pages) (\(expected.title))")
            guard let match, expected.type != "unrecognized" else { continue }
            let printed = expected.title.filter { !$0.isWhitespace }
            let found = (match.title ?? "").filter { !$0.isWhitespace }
            #expect(printed.hasSuffix(found) && !found.isEmpty, "\(file) p\(expected.pages): title 「\(found)」 for 「\(printed)」")
            if let unit = expected.unit { #expect(match.unit == unit, "\(file) p\(expected.pages): unit") }
            let label = expected.label?.filter { !$0.isWhitespace }
            #expect(match.label == (label?.isEmpty == false ? label : nil), "\(file) p\(expected.pages): label \(match.label ?? "none")")
        }
        let tablePages = Set(tables.flatMap(\.pages))
        for page in entry.proseOnlyPages {
            #expect(!tablePages.contains(page), "\(file): a table on prose page \(page)")
        }
    }
}
