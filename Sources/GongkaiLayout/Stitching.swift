import Foundation
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
                       && repeatsHeader(candidate.table.grid, of: last.table.grid)),
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
        let trimmed = next.replacingOccurrences(of: "（续）", with: "").replacingOccurrences(of: "(续)", with: "")
            .replacingOccurrences(of: "续表", with: "")
        return trimmed == first
    }

    /// `first` with `next`'s rows appended, when `next`'s column edges are all edges of `first`
    /// (a continuation may merge columns its rows leave empty); nil when they do not line up.
    static func append(_ next: Table, to first: Table, settings: LayoutSettings) -> Table? {
        guard let columnOf = columnMap(from: next.grid, to: first.grid, tolerance: settings.columnMatchTolerance) else {
            return nil
        }
        var merged = first
        var skip = repeatsHeader(next.grid, of: first.grid) ? next.grid.headerRowCount : 0
        // A row cut by the page break: its tail opens the next page ("当年收入" / "小计").
        if let tail = rowTail(of: next.grid, row: skip, columnOf: columnOf, joining: first.grid) {
            for (index, text) in tail { merged.grid.cells[index].text += text }
            skip += 1
        }
        let offset = first.grid.rowCount - skip
        for cell in next.grid.cells where cell.row >= skip {
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

    /// Whether `next` opens with the same header rows as `first`.
    static func repeatsHeader(_ next: Grid, of first: Grid) -> Bool {
        next.headerRowCount > 0 && next.columnCount == first.columnCount && header(of: next) == header(of: first)
    }

    /// The header rows' texts, for comparing a repeated header.
    static func header(of grid: Grid) -> [[String]] {
        Array(grid.matrix.prefix(grid.headerRowCount)).map { $0.map { $0.filter { !$0.isWhitespace } } }
    }

    /// For each column edge of `next` (left edges, then the right edge of its last column), the
    /// matching edge index in `first`; nil unless every edge matches and the outer edges agree.
    static func columnMap(from next: Grid, to first: Grid, tolerance: Double) -> [Int]? {
        let nextEdges = columnEdges(next), firstEdges = columnEdges(first)
        guard nextEdges.count == next.columnCount + 1, firstEdges.count == first.columnCount + 1 else { return nil }
        var map: [Int] = []
        for edge in nextEdges {
            guard let index = firstEdges.indices.min(by: { abs(firstEdges[$0] - edge) < abs(firstEdges[$1] - edge) }),
                  abs(firstEdges[index] - edge) <= tolerance else { return nil }
            map.append(index)
        }
        guard map.first == 0, map.last == first.columnCount, zip(map, map.dropFirst()).allSatisfy({ $0 < $1 }) else {
            return nil
        }
        return map
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
