import GongkaiText

/// A table as printed: its caption lines and its grid of cells, over one or more pages.
public struct Table: Sendable {
    /// The 1-based pages the table occupies.
    public var pages: [Int]
    /// The title line (收入支出决算总表 …), without the label when they share a line.
    public var title: String?
    /// The printed number label (公开01表, 表一, 附表7 …) as printed, spaces removed.
    public var label: String?
    /// The unit from the unit line (万元, 元, 千元).
    public var unit: String?
    /// The department line (部门：…, 编制部门：…, 编制单位：…) as printed.
    public var department: String?
    /// The 注 footnote lines, joined per note.
    public var notes: [String]
    /// The grid: header rows first, then body rows.
    public var grid: Grid
    /// How the grid was found.
    public var method: GridMethod
    /// The table's box on its first page.
    public var box: Box

    public init(pages: [Int], title: String?, label: String?, unit: String?, department: String?,
                notes: [String], grid: Grid, method: GridMethod, box: Box) {
        self.pages = pages
        self.title = title
        self.label = label
        self.unit = unit
        self.department = department
        self.notes = notes
        self.grid = grid
        self.method = method
        self.box = box
    }
}

/// How a table's cell grid was found.
public enum GridMethod: String, Sendable {
    /// From drawn lines in both directions.
    case ruled
    /// Rows from drawn horizontal lines, columns from the alignment of the text.
    case horizontalRules = "horizontal-rules"
    /// From the alignment of the text alone.
    case text
}

/// Rows × columns of cells; a cell may span several of each.
public struct Grid: Sendable, Equatable {
    public var rowCount: Int
    public var columnCount: Int
    /// Every cell once, in reading order (by row, then column of its top-left corner).
    public var cells: [Cell]
    /// How many of the top rows are header rows (titles of columns, 栏次 rows).
    public var headerRowCount: Int

    public init(rowCount: Int, columnCount: Int, cells: [Cell], headerRowCount: Int) {
        self.rowCount = rowCount
        self.columnCount = columnCount
        self.cells = cells
        self.headerRowCount = headerRowCount
    }

    public static let empty = Grid(rowCount: 0, columnCount: 0, cells: [], headerRowCount: 0)

    /// The cell covering `row`, `column`, if any. (A linear search: for many lookups build a
    /// `CellLookup` once.)
    public func cell(row: Int, column: Int) -> Cell? {
        cells.first { $0.covers(row: row, column: column) }
    }

    /// Constant-time lookups of the cell covering a position.
    public var lookup: CellLookup { CellLookup(self) }

    /// The cells whose top-left corner is in `row`, left to right.
    public func cells(startingIn row: Int) -> [Cell] {
        cells.filter { $0.row == row }.sorted { $0.column < $1.column }
    }

    /// The text at every position of the grid (a spanning cell's text at each position it
    /// covers), for reading and matching.
    public var matrix: [[String]] {
        let lookup = self.lookup
        return (0..<rowCount).map { row in (0..<columnCount).map { lookup[row, column: $0]?.text ?? "" } }
    }

    /// The header path of each column: the texts of the header cells above it, top to bottom,
    /// each spanning cell once, blanks and the 栏次 row's column numbers left out.
    public var columnHeaders: [[String]] {
        let lookup = self.lookup
        return (0..<columnCount).map { column in
            var path: [String] = []
            var previous: Cell?
            for row in 0..<headerRowCount {
                guard let cell = lookup[row, column: column], cell != previous else { continue }
                previous = cell
                if !cell.text.isEmpty, !Self.isColumnNumber(cell.text) { path.append(cell.text) }
            }
            return path
        }
    }

    /// 栏次 and the column numbers printed under it.
    public static func isColumnNumber(_ text: String) -> Bool {
        let compact = text.filter { !$0.isWhitespace }
        return compact == "栏次" || (compact.count <= 3 && !compact.isEmpty && compact.allSatisfy(\.isASCIIDigit))
    }
}

/// One cell: its text (wrapped lines joined), its position and spans in the grid, its box.
public struct Cell: Sendable, Equatable {
    public var text: String
    public var row: Int
    public var column: Int
    public var rowSpan: Int
    public var columnSpan: Int
    public var box: Box
    public var page: Int

    public init(text: String, row: Int, column: Int, rowSpan: Int = 1, columnSpan: Int = 1, box: Box, page: Int) {
        self.text = text
        self.row = row
        self.column = column
        self.rowSpan = rowSpan
        self.columnSpan = columnSpan
        self.box = box
        self.page = page
    }

    public func covers(row: Int, column: Int) -> Bool {
        row >= self.row && row < self.row + rowSpan && column >= self.column && column < self.column + columnSpan
    }
}

/// The cell covering each position of a grid, found once.
public struct CellLookup: Sendable {
    public let grid: Grid
    private let owner: [Int]

    init(_ grid: Grid) {
        self.grid = grid
        var owner = Array(repeating: -1, count: grid.rowCount * grid.columnCount)
        for (index, cell) in grid.cells.enumerated() {
            for row in cell.row..<min(grid.rowCount, cell.row + cell.rowSpan) {
                for column in cell.column..<min(grid.columnCount, cell.column + cell.columnSpan)
                where owner[row * grid.columnCount + column] < 0 {
                    owner[row * grid.columnCount + column] = index
                }
            }
        }
        self.owner = owner
    }

    public subscript(row: Int, column column: Int) -> Cell? {
        guard row >= 0, row < grid.rowCount, column >= 0, column < grid.columnCount else { return nil }
        let index = owner[row * grid.columnCount + column]
        return index < 0 ? nil : grid.cells[index]
    }
}
