import GongkaiLayout

/// One disclosure report as records: the document, the report it is, its tables, and the
/// findings about them. The JSON contract `gongkai.report/1` is this model written out.
public struct Report: Sendable {
    public var source: Source
    public var header: ReportHeader
    public var tables: [RecognizedTable]
    public var findings: [Finding]

    public init(source: Source, header: ReportHeader, tables: [RecognizedTable], findings: [Finding]) {
        self.source = source
        self.header = header
        self.tables = tables
        self.findings = findings
    }
}

public struct Source: Sendable, Equatable {
    public var file: String
    public var sha256: String
    public var pages: Int

    public init(file: String, sha256: String, pages: Int) {
        self.file = file
        self.sha256 = sha256
        self.pages = pages
    }
}

public enum ReportKind: String, Sendable {
    case finalAccounts = "final_accounts"
    case budget
}

public struct ReportHeader: Sendable, Equatable {
    public var title: String?
    public var department: String?
    public var year: Int?
    public var kind: ReportKind?

    public init(title: String?, department: String?, year: Int?, kind: ReportKind?) {
        self.title = title
        self.department = department
        self.year = year
        self.kind = kind
    }
}

/// A table with its type, canonical columns and typed rows (or its raw grid when unrecognised).
public struct RecognizedTable: Sendable {
    public var type: TableType
    public var title: String?
    public var label: String?
    public var pages: [Int]
    public var unit: String?
    public var columns: [Column]
    public var rows: [Row]
    /// The key/value header block of a form; nil for statistical tables.
    public var fields: [(String, String)]?
    /// The raw grid, kept for unrecognised tables so that nothing is lost.
    public var grid: Grid?

    public init(type: TableType, title: String?, label: String?, pages: [Int], unit: String?, columns: [Column],
                rows: [Row], fields: [(String, String)]? = nil, grid: Grid? = nil) {
        self.type = type
        self.title = title
        self.label = label
        self.pages = pages
        self.unit = unit
        self.columns = columns
        self.rows = rows
        self.fields = fields
        self.grid = grid
    }

    /// The first row with this code (and section, when given).
    public func row(code: String, section: String? = nil) -> Row? {
        rows.first { $0.code == code && (section == nil || $0.section == section) }
    }
}

/// A canonical column: its stable key, its header path as printed, its side of a two-sided table.
public struct Column: Sendable, Equatable {
    public var key: String
    public var header: [String]
    public var section: String?

    public init(key: String, header: [String], section: String? = nil) {
        self.key = key
        self.header = header
        self.section = section
    }
}

/// A typed row.
public struct Row: Sendable, Equatable {
    public var section: String?
    public var code: String?
    public var level: CodeLevel?
    public var name: String?
    public var line: Int?
    /// Values by column key, in column order; blank cells are absent.
    public var cells: [(String, CellValue)]

    public init(section: String? = nil, code: String? = nil, level: CodeLevel? = nil, name: String? = nil,
                line: Int? = nil, cells: [(String, CellValue)] = []) {
        self.section = section
        self.code = code
        self.level = level
        self.name = name
        self.line = line
        self.cells = cells
    }

    public subscript(key: String) -> CellValue? {
        cells.first { $0.0 == key }?.1
    }

    public static func == (lhs: Row, rhs: Row) -> Bool {
        lhs.section == rhs.section && lhs.code == rhs.code && lhs.level == rhs.level && lhs.name == rhs.name
            && lhs.line == rhs.line && lhs.cells.count == rhs.cells.count
            && zip(lhs.cells, rhs.cells).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
    }
}

/// 类/款/项 of a classification code.
public enum CodeLevel: String, Sendable {
    case category = "类"
    case section = "款"
    case item = "项"

    /// The level a code's length gives: 3 digits 类, 5 款, 7 项.
    public init?(code: String) {
        switch code.count {
        case 3: self = .category
        case 5: self = .section
        case 7: self = .item
        default: return nil
        }
    }
}

/// A cell's value: an amount exactly as printed (a decimal string), "not applicable" (— or -),
/// or text (forms, counts with units, anything else printed in a value column).
public enum CellValue: Sendable, Equatable {
    case amount(String)
    case notApplicable
    case text(String)

    /// Reads a printed cell; nil for a blank cell.
    public init?(printed text: String) {
        let trimmed = text.trimmingWhitespace
        if trimmed.isEmpty { return nil }
        if CellText.isNotApplicable(trimmed) {
            self = .notApplicable
        } else if let amount = CellText.amount(trimmed) {
            self = .amount(amount)
        } else {
            self = .text(trimmed)
        }
    }

    public var amount: String? {
        if case .amount(let value) = self { return value }
        return nil
    }
}
