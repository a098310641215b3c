import Foundation

/// Tests/Fixtures/real-inventory.json: what a person found, page by page, in each real PDF
/// (tables with titles, labels, pages, ruling style and row counts; which pages are prose).
public struct RealInventory: Decodable, Sendable {
    public struct Document: Decodable, Sendable {
        public var file: String
        public var kind: String
        public var pages: Int
        public var tables: [Table]
        public var borderedTablePages: [Int]
        public var proseOnlyPages: [Int]

        enum CodingKeys: String, CodingKey {
            case file, kind, pages, tables
            case borderedTablePages = "bordered_table_pages"
            case proseOnlyPages = "prose_pages_with_no_table"
        }
    }

    public struct Table: Decodable, Sendable {
        public var title: String
        /// The printed lines of a title wrapped onto two lines.
        public var titleLines: [String]?
        public var label: String?
        public var pages: [Int]
        public var type: String
        public var ruling: String
        public var unit: String?
        public var dataRows: Int?
        public var columns: Int?
        public var empty: Bool?

        enum CodingKeys: String, CodingKey {
            case title, label, pages, type, ruling, unit, columns, empty
            case dataRows = "data_rows"
            case titleLines = "title_lines"
        }
    }

    public var documents: [Document]

    public func document(_ file: String) -> Document? { documents.first { $0.file == file } }

    public static func load() -> RealInventory {
        let url = Corpus.fixtures.appendingPathComponent("real-inventory.json")
        guard let data = try? Data(contentsOf: url),
              let inventory = try? JSONDecoder().decode(RealInventory.self, from: data) else {
            return RealInventory(documents: [])
        }
        return inventory
    }
}
