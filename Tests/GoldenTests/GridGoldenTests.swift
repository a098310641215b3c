import Foundation
import GongkaiEmit
import GongkaiLayout
import GongkaiTestSupport
import GongkaiText
import Testing

/// The layout stage's grids of representative tables (golden/grids/SELECTION) against their
/// golden files: cells, spans, header rows, header paths, captions.
struct GridGoldenTests {
    struct Selected: Sendable, CustomStringConvertible {
        var pdf: URL
        var page: Int
        var golden: URL
        var isReal: Bool
        var description: String { "\(pdf.lastPathComponent) p\(page)" }
    }

    static let selection: [Selected] = {
        let text = (try? String(contentsOf: Corpus.root.appendingPathComponent("golden/grids/SELECTION"), encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { line -> Selected? in
            let parts = line.split(separator: " ")
            guard !line.hasPrefix("#"), parts.count == 2, let page = Int(parts[1]) else { return nil }
            let file = String(parts[0])
            let isReal = file.hasPrefix("real/")
            let pdf = isReal ? Corpus.real.appendingPathComponent(String(file.dropFirst(5))) : Corpus.root.appendingPathComponent(file)
            let name = (pdf.lastPathComponent as NSString).deletingPathExtension
            return Selected(pdf: pdf, page: page, golden: Corpus.root.appendingPathComponent("golden/grids/\(name)-p\(page).json"),
                            isReal: isReal)
        }
    }()

    @Test(arguments: selection)
    func grid(_ selected: Selected) throws {
        guard !selected.isReal || Corpus.realIsAvailable else { return }
        let pages = try PDFDocument(path: selected.pdf.path).pages()
        let tables = TableFinder.tables(in: pages).filter { $0.pages.first == selected.page }
        #expect(!tables.isEmpty, "no table starts on \(selected)")
        let text = JSONValue.array(tables.map(GridJSON.table)).serialized(pretty: true) + "\n"
        let expected = try String(contentsOf: selected.golden, encoding: .utf8)
        #expect(text == expected, "the grids of \(selected) differ from \(selected.golden.lastPathComponent): run scripts/golden check")
    }
}
