import FoundationEssentials
import GongkaiText

/// Puts back together tables broken across pages: a page's last table that runs to the foot of
/// the page, followed on the next page by a table with no title of its own and the same
/// columns, is one table. A header repeated on the continuation is dropped.
enum Stitching {
    static func stitch(_ perPage: [[PageTable]], pages: [Page], settings: LayoutSettings) -> [Table] {
        var result: [PageTable] = []
        for (pageIndex, tables) in perPage.enumerated() {
            for (index, candidate) in tables.enumerated() {
                // A continuation has no title of its own, or repeats the title and the header.
                if index == 0, let last = result.last, !last.closedOnPage,
                   !candidate.hasTitle || (sameTitle(candidate.table.title, last.table.title)
                       && repeatsHeader(candidate.table.grid, of: last.table.grid)
                       && !restartsBody(candidate.table.grid, of: last.table.grid)),
                   last.table.pages.last == pages[pageIndex].number - 1,
                   let merged = append(candidate.table, to: last.table, settings: settings) {
                    result[result.count - 1] = PageTable(table: merged, hasTitle: true, closedOnPage: candidate.closedOnPage)
                } else {
                    result.append(candidate)
                }
            }
        }
        return result.map(\.table)
    }

    /// Whether a continuation's title repeats the first page's (maybe marked 续).
    static func sameTitle(_ next: String?, _ first: String?) -> Bool {
        guard let next, let first else { return false }
        let trimmed = next.replacing("（续）", with: "").replacing("(续)", with: "").replacing("续表", with: "")
        return trimmed == first
    }

    /// `first` with `next`'s rows appended, when `next`'s column edges are all edges of `first`
    /// (a continuation may merge columns its rows leave empty); nil when they do not line up.
    static func append(_ next: Table, to first: Table, settings: LayoutSettings) -> Table? {
        var next = next, first = first
        var columnMap = columnMap(from: next.grid, to: first.grid, tolerance: settings.columnMatchTolerance)
        if columnMap == nil, next.method == .text, first.method == .text, let grid = regridded(next.grid, onto: first.grid) {
            next.grid = grid
            columnMap = Array(0...first.grid.columnCount)
        }
        if columnMap == nil, next.method == .ruled, first.method == .ruled,
           let (grid, map) = onCommonEdges(first.grid, next.grid, settings: settings) {
            first.grid = grid
            columnMap = map
        }
        guard let columnOf = columnMap else { return nil }
        var merged = first
        var skip = repeatsHeader(next.grid, of: first.grid) ? next.grid.headerRowCount : 0
        // A row cut by the page break: its tail opens the next page ("当年收入" / "小计").
        if let tail = rowTail(of: next.grid, row: skip, columnOf: columnOf, joining: first.grid) {
            for (index, text) in tail { merged.grid.cells[index].text += text }
            skip += 1
        }
        let offset = first.grid.rowCount - skip
        let continued = continuedMergedCells(in: next.grid, from: skip, columnOf: columnOf, after: merged.grid)
        for (index, extra) in continued.extensions { merged.grid.cells[index].rowSpan += extra }
        for cell in next.grid.cells where cell.row >= skip && !continued.absorbed.contains(cell) {
            var moved = cell
            moved.row += offset
            moved.column = columnOf[cell.column]
            moved.columnSpan = columnOf[cell.column + cell.columnSpan] - moved.column
            merged.grid.cells.append(moved)
        }
        merged.grid.rowCount += next.grid.rowCount - skip
        merged.pages.append(contentsOf: next.pages)
        merged.notes += next.notes
        return merged
    }

    /// The rest of `first`'s last row, when the page break cut it: `next`'s row `row` holds only
    /// short label text (no amounts, no codes, no ordinals) under cells of that last row that
    /// have text. Returns the indices of those cells in `first` and the text to add to each.
    static func rowTail(of next: Grid, row: Int, columnOf: [Int], joining first: Grid) -> [(Int, String)]? {
        let fragment = next.cells.filter { $0.row == row && !$0.text.isEmpty }
        guard !fragment.isEmpty, row < next.rowCount, first.rowCount > first.headerRowCount else { return nil }
        // The cut row printed its amounts on the first page, or its tail is a word's last
        // characters ("出"); a longer label under a blank row is a row of its own.
        let lastRow = first.cells.filter { $0.row + $0.rowSpan == first.rowCount }
        guard lastRow.contains(where: { CellText.isAmount($0.text) }) || fragment.allSatisfy({ $0.text.count <= 3 }) else {
            return nil
        }
        var result: [(Int, String)] = []
        for cell in fragment {
            let text = cell.text.trimmingWhitespace
            guard text.count <= 6, !CellText.isAmount(text), !CellText.isCode(text), !CellText.hasOrdinal(text),
                  let target = first.cells.firstIndex(where: {
                      $0.covers(row: first.rowCount - 1, column: columnOf[cell.column]) && !$0.text.isEmpty
                          && !CellText.isAmount($0.text)
                  }) else { return nil }
            result.append((target, text))
        }
        return result
    }

    /// Merged cells running on over the page break: where `first`'s last row sits under a cell
    /// merged down several rows, the continuation's cells in that column stay part of it while
    /// they are blank or repeat its text (Excel prints a merged cell again on each page).
    /// Returns how many rows to add to each such cell and the continuation cells it absorbs.
    static func continuedMergedCells(in next: Grid, from start: Int, columnOf: [Int], after first: Grid)
        -> (extensions: [Int: Int], absorbed: [Cell]) {
        var extensions: [Int: Int] = [:]
        var absorbed: [Cell] = []
        let lastRow = first.rowCount - 1
        guard lastRow >= first.headerRowCount else { return ([:], []) }
        let lookup = next.lookup
        for column in 0..<next.columnCount {
            guard let index = first.cells.firstIndex(where: { $0.covers(row: lastRow, column: columnOf[column]) }),
                  first.cells[index].rowSpan > 1, first.cells[index].columnSpan == 1, !first.cells[index].text.isEmpty,
                  !CellText.isAmount(first.cells[index].text) else { continue }
            var row = start
            while row < next.rowCount, let cell = lookup[row, column: column], cell.row == row, cell.columnSpan == 1,
                  cell.text.isEmpty || cell.text == first.cells[index].text {
                extensions[index, default: 0] += cell.rowSpan
                absorbed.append(cell)
                row += cell.rowSpan
            }
            // Only a run that reaches a row of the continuation with its own text is a merged
            // cell continuing; a wholly blank column is left as printed.
            if row >= next.rowCount { extensions[index] = nil; absorbed.removeAll { $0.column == column && $0.row >= start } }
        }
        return (extensions, absorbed)
    }

    /// Whether `next` opens with the same header rows as `first`.
    static func repeatsHeader(_ next: Grid, of first: Grid) -> Bool {
        next.headerRowCount > 0 && next.columnCount == first.columnCount && header(of: next) == header(of: first)
    }

    /// Whether `next`, under a repeated title and header, opens with `first`'s first body row
    /// label again (年度资金总额： on a second project's 绩效自评表 whose header was copied with the
    /// project name): another table of the same form, not a continuation.
    static func restartsBody(_ next: Grid, of first: Grid) -> Bool {
        let firstLabel = { (grid: Grid) -> String? in
            grid.cells(startingIn: grid.headerRowCount).lazy.map { $0.text.filter { !$0.isWhitespace } }
                .first { !$0.isEmpty && !CellText.isAmount($0) }
        }
        guard let label = firstLabel(first) else { return false }
        return firstLabel(next) == label
    }

    /// The header rows' texts, for comparing a repeated header.
    static func header(of grid: Grid) -> [[String]] {
        Array(grid.matrix.prefix(grid.headerRowCount)).map { $0.map { $0.filter { !$0.isWhitespace } } }
    }

    /// For each column edge of `next` (left edges, then the right edge of its last column), the
    /// matching edge index in `first`; nil unless every edge matches and the outer edges agree.
    static func columnMap(from next: Grid, to first: Grid, tolerance: Double) -> [Int]? {
        let nextEdges = columnEdges(next), firstEdges = columnEdges(first)
        guard nextEdges.count == next.columnCount + 1, firstEdges.count == first.columnCount + 1,
              let map = edgeMap(nextEdges, onto: firstEdges, tolerance: tolerance),
              map.first == 0, map.last == first.columnCount else { return nil }
        return map
    }

    /// For each of `edges`, the index of the nearest of `targets`; nil unless every edge is
    /// within `tolerance` of its target and the indices rise (no two edges on one target).
    static func edgeMap(_ edges: [Double], onto targets: [Double], tolerance: Double) -> [Int]? {
        var map: [Int] = []
        for edge in edges {
            guard let index = targets.indices.min(by: { abs(targets[$0] - edge) < abs(targets[$1] - edge) }),
                  abs(targets[index] - edge) <= tolerance, index > (map.last ?? -1) else { return nil }
            map.append(index)
        }
        return map
    }

    /// A ruled form continued on the next page with columns of its own (the indicator block of
    /// a 部门整体支出绩效自评 form under its field rows, 22 columns under 5): both grids laid on
    /// the union of their column edges, when their outer edges agree. Returns `first` on the
    /// union, its cells widened over the edges it lacked, and the map of `next`'s edges into it.
    /// Edges closer than a ruling's width are one edge.
    static func onCommonEdges(_ first: Grid, _ next: Grid, settings: LayoutSettings) -> (Grid, [Int])? {
        let firstEdges = columnEdges(first), nextEdges = columnEdges(next)
        let outer = settings.columnMatchTolerance
        guard firstEdges.count == first.columnCount + 1, nextEdges.count == next.columnCount + 1,
              let left = nextEdges.first, let right = nextEdges.last,
              abs(firstEdges[0] - left) <= outer, abs(firstEdges[firstEdges.count - 1] - right) <= outer else { return nil }
        var union = firstEdges
        for edge in nextEdges where !union.contains(where: { abs($0 - edge) <= settings.gridLineTolerance }) { union.append(edge) }
        union.sort()
        guard let firstMap = edgeMap(firstEdges, onto: union, tolerance: settings.gridLineTolerance),
              let nextMap = edgeMap(nextEdges, onto: union, tolerance: settings.gridLineTolerance) else { return nil }
        var grid = first
        grid.columnCount = union.count - 1
        grid.cells = first.cells.map { cell in
            var moved = cell
            moved.column = firstMap[cell.column]
            moved.columnSpan = firstMap[cell.column + cell.columnSpan] - moved.column
            return moved
        }
        return (grid, nextMap)
    }

    /// A text grid's continuation laid out on the first page's columns. A text grid's columns
    /// come from its own body, so a continuation whose rows leave columns empty has fewer, with
    /// other bounds: each of its columns is the first page's column its words overlap most.
    /// Nil unless every column finds one, in order.
    static func regridded(_ next: Grid, onto first: Grid) -> Grid? {
        let nextSpans = bodySpans(next), firstSpans = bodySpans(first)
        var target: [Int] = []
        for span in nextSpans {
            guard let span else { return nil }
            let overlaps = firstSpans.map { other in other.map { min($0.1, span.1) - max($0.0, span.0) } ?? 0 }
            guard let best = overlaps.indices.max(by: { overlaps[$0] < overlaps[$1] }), overlaps[best] > 0,
                  best > (target.last ?? -1) else { return nil }
            target.append(best)
        }
        var cells: [Cell] = []
        for row in 0..<next.rowCount {
            let own = next.cells(startingIn: row)
            guard own.allSatisfy({ $0.columnSpan == 1 && $0.rowSpan == 1 }) else { return nil }
            for column in 0..<first.columnCount {
                if let index = target.firstIndex(of: column), let cell = own.first(where: { $0.column == index }) {
                    var moved = cell
                    moved.column = column
                    cells.append(moved)
                } else {
                    let box = own.first?.box ?? Box(x0: 0, y0: 0, x1: 0, y1: 0)
                    cells.append(Cell(text: "", row: row, column: column, box: box, page: own.first?.page ?? 0))
                }
            }
        }
        return Grid(rowCount: next.rowCount, columnCount: first.columnCount, cells: cells, headerRowCount: next.headerRowCount)
    }

    /// Each column's horizontal extent over the words of its body cells, nil for an empty column.
    static func bodySpans(_ grid: Grid) -> [(Double, Double)?] {
        (0..<grid.columnCount).map { column in
            let boxes = grid.cells.filter { $0.column == column && $0.row >= grid.headerRowCount && !$0.text.isEmpty }.map(\.box)
            guard let box = Box.enclosing(boxes) else { return nil }
            return (box.x0, box.x1)
        }
    }

    /// The x of each column's left edge and of the last column's right edge.
    static func columnEdges(_ grid: Grid) -> [Double] {
        var edges = Array(repeating: Double.nan, count: grid.columnCount + 1)
        for cell in grid.cells {
            if edges[cell.column].isNaN { edges[cell.column] = cell.box.x0 }
            let right = cell.column + cell.columnSpan
            if edges[right].isNaN { edges[right] = cell.box.x1 }
        }
        return edges.filter { !$0.isNaN }
    }
}
