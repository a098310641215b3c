import GongkaiText

/// Grids from the alignment of text, for tables drawn without lines (or with horizontal rules
/// only): columns are the x ranges the body's words fill, separated by empty gutters; body rows
/// start at lines carrying a code, an ordinal or an amount, and the lines between them join the
/// nearest such row; header words are placed over the columns they cover, wrapped header text
/// joined, and a word spanning several columns becomes a spanning header cell.
enum TextGrid {
    /// The lines of an unruled table: from `top` down to a stop (a footnote, another title, a
    /// paragraph of prose, a wide gap, or `bottom`). Nil when there are no amount rows.
    static func regionLines(on context: PageContext, from top: Double, to bottom: Double) -> [Int] {
        let candidates = context.page.lines.indices.filter {
            let box = context.page.lines[$0].box
            return box.midY > top && box.midY < bottom && !context.isPageNumber(context.page.lines[$0])
        }
        var result: [Int] = []
        for index in candidates {
            let line = context.page.lines[index]
            if Captions.opensNote(line.text) || Captions.parts(of: line.text).title != nil || isProse(line, page: context.page) {
                break
            }
            if let previous = result.last {
                let gap = line.box.y0 - context.page.lines[previous].box.y1
                if gap > 4 * max(line.box.height, 8) { break }
            }
            result.append(index)
        }
        guard result.contains(where: { isAnchor(context.page.lines[$0]) }) else { return [] }
        return result
    }

    /// A line of running text: one long word of sentence text.
    static func isProse(_ line: TextLine, page: Page) -> Bool {
        guard line.words.count == 1, let word = line.words.first else { return false }
        return word.box.width > page.width * 0.5 && word.text.contains { "。，；".contains($0) }
    }

    /// A line that opens a body row: it carries an amount, a code, an ordinal label or a total.
    static func isAnchor(_ line: TextLine) -> Bool {
        line.words.contains { word in
            CellText.isAmount(word.text) || CellText.isCode(word.text) || CellText.hasOrdinal(word.text)
                || CellText.isTotalLabel(word.text) || amountPrefix(word.text) != nil
        }
    }

    /// An amount glued to the text after it ("14,901.58一、一般公共服务支出"): the amount's
    /// character count.
    static func amountPrefix(_ text: String) -> Int? {
        let characters = Array(text)
        var end = 0
        while end < characters.count, characters[end].isASCIIDigit || characters[end] == "," || characters[end] == "." {
            end += 1
        }
        guard end > 0, end < characters.count, !characters[end].isASCIIDigit,
              CellText.isAmount(String(characters[..<end])), String(characters[..<end]).contains(".") else { return nil }
        return end
    }

    /// A piece of text on one line: a word, or part of one split at a glued amount.
    struct Piece {
        var glyphs: [Int]
        var box: Box
        var line: Int
        var text: String
    }

    /// The grid of the table made of `lineIndices`; `rulings` (horizontal) separate body rows
    /// when there are enough of them.
    static func grid(lineIndices: [Int], context: PageContext, horizontalRulings: [Ruling], settings: LayoutSettings) -> Grid {
        let page = context.page
        let pieces = lineIndices.flatMap { Self.pieces(of: $0, page: page) }
        guard let firstAnchor = lineIndices.first(where: { isAnchor(page.lines[$0]) }) else { return .empty }
        let headerLines = Set(lineIndices.prefix { $0 != firstAnchor })
        let bodyPieces = pieces.filter { !headerLines.contains($0.line) }
        let headerPieces = pieces.filter { headerLines.contains($0.line) }

        var columns = columnIntervals(bodyPieces, lineCount: lineIndices.count - headerLines.count)
        columns = addingHeaderOnlyColumns(columns, headerPieces: headerPieces)
        let bounds = columnBounds(columns)

        let header = HeaderLayout.cells(headerPieces, bounds: bounds, page: page.number)
        let bodyLines = lineIndices.filter { !headerLines.contains($0) }
        let rows = bodyRows(bodyLines, page: page, horizontalRulings: horizontalRulings)
        var cells = header.cells
        for (rowIndex, rowLines) in rows.enumerated() {
            let rowSet = Set(rowLines)
            for column in bounds.indices {
                let inCell = bodyPieces.filter { rowSet.contains($0.line) && $0.box.midX >= bounds[column].0 && $0.box.midX < bounds[column].1 }
                let glyphs = inCell.flatMap(\.glyphs)
                let box = Box.enclosing(inCell.map(\.box))
                    ?? Box(x0: bounds[column].0, y0: page.lines[rowLines[0]].box.y0, x1: bounds[column].1, y1: page.lines[rowLines.last!].box.y1)
                cells.append(Cell(text: CellTextAssembly.text(of: glyphs, glyphs: page.glyphs, lineOfGlyph: context.lineOfGlyph),
                                  row: header.rowCount + rowIndex, column: column, box: box, page: page.number))
            }
        }
        return Grid(rowCount: header.rowCount + rows.count, columnCount: bounds.count, cells: cells,
                    headerRowCount: header.rowCount)
    }

    /// The words of a line, an amount glued to following text split off.
    static func pieces(of lineIndex: Int, page: Page) -> [Piece] {
        page.lines[lineIndex].words.flatMap { word -> [Piece] in
            guard let split = amountPrefix(word.text), split < word.glyphIndices.count else {
                return [Piece(glyphs: word.glyphIndices, box: word.box, line: lineIndex, text: word.text)]
            }
            let left = Array(word.glyphIndices.prefix(split)), right = Array(word.glyphIndices.dropFirst(split))
            return [left, right].map { glyphs in
                Piece(glyphs: glyphs, box: Box.enclosing(glyphs.map { page.glyphs[$0].box })!, line: lineIndex,
                      text: String(glyphs.map { page.glyphs[$0].character }))
            }
        }
    }

    /// Column x ranges: the union of the body's word extents, cut at gutters that no more than
    /// a tenth of the body lines cross (a long name may overflow its cell on a line or two).
    static func columnIntervals(_ pieces: [Piece], lineCount: Int) -> [(Double, Double)] {
        guard !pieces.isEmpty else { return [] }
        let allowedCrossings = lineCount / 10
        // Sweep the word edges left to right, counting the words that cover each x.
        var events: [(x: Double, delta: Int)] = []
        for piece in pieces { events.append((piece.box.x0, 1)); events.append((piece.box.x1, -1)) }
        events.sort { ($0.x, $0.delta) < ($1.x, $1.delta) }
        var intervals: [(Double, Double)] = []
        var depth = 0
        var start: Double?
        for event in events {
            let wasOpen = depth > allowedCrossings
            depth += event.delta
            let isOpen = depth > allowedCrossings
            if !wasOpen, isOpen { start = event.x }
            if wasOpen, !isOpen, let open = start {
                if let last = intervals.last, open - last.1 < 2 {
                    intervals[intervals.count - 1].1 = event.x
                } else {
                    intervals.append((open, event.x))
                }
                start = nil
            }
        }
        return intervals
    }

    /// Header words over no body column (a column whose body is blank) add their own column.
    static func addingHeaderOnlyColumns(_ columns: [(Double, Double)], headerPieces: [Piece]) -> [(Double, Double)] {
        var result = columns
        for piece in headerPieces.sorted(by: { $0.box.width < $1.box.width }) {
            let overlaps = result.contains { min($0.1, piece.box.x1) - max($0.0, piece.box.x0) > 0 }
            if !overlaps { result.append((piece.box.x0, piece.box.x1)) }
        }
        return result.sorted { $0.0 < $1.0 }
    }

    /// Each column's full x range: from the middle of the gutter on its left to the middle of
    /// the gutter on its right.
    static func columnBounds(_ columns: [(Double, Double)]) -> [(Double, Double)] {
        columns.indices.map { index in
            let left = index == 0 ? -Double.infinity : (columns[index - 1].1 + columns[index].0) / 2
            let right = index == columns.count - 1 ? Double.infinity : (columns[index].1 + columns[index + 1].0) / 2
            return (left, right)
        }
    }

    /// Body lines grouped into rows. With horizontal rules between the rows, the rules decide;
    /// otherwise each anchor line opens a row and every other line joins the nearest anchor
    /// (a name wrapped below its row, or above a code centred beside it).
    static func bodyRows(_ lines: [Int], page: Page, horizontalRulings: [Ruling]) -> [[Int]] {
        let anchors = lines.filter { isAnchor(page.lines[$0]) }
        guard !anchors.isEmpty else { return lines.map { [$0] } }
        let separators = horizontalRulings.map(\.position).sorted()
        if separators.count >= anchors.count - 1, separators.count >= 2 {
            var rows: [[Int]] = []
            var currentBand = -1
            for line in lines {
                let band = separators.lastIndex { $0 < page.lines[line].box.midY } ?? -1
                if band != currentBand || rows.isEmpty { rows.append([line]); currentBand = band } else { rows[rows.count - 1].append(line) }
            }
            return rows
        }
        var rows = anchors.map { [$0] }
        for line in lines where !anchors.contains(line) {
            let y = page.lines[line].box.midY
            let nearest = anchors.indices.min { abs(page.lines[anchors[$0]].box.midY - y) < abs(page.lines[anchors[$1]].box.midY - y) }!
            rows[nearest].append(line)
        }
        return rows.map { $0.sorted { page.lines[$0].box.midY < page.lines[$1].box.midY } }
    }
}

/// Header cells from header words placed over columns.
enum HeaderLayout {
    struct Result {
        var cells: [Cell]
        var rowCount: Int
    }

    /// Words over the same columns on adjacent lines are one wrapped cell; a cell lies below
    /// every cell above it that shares a column, and spans down to the last header row where
    /// nothing lies under it.
    static func cells(_ pieces: [TextGrid.Piece], bounds: [(Double, Double)], page: Int) -> Result {
        guard !pieces.isEmpty else { return Result(cells: [], rowCount: 0) }
        struct Block { var columns: ClosedRange<Int>; var pieces: [TextGrid.Piece]; var box: Box }
        var blocks: [Block] = []
        for piece in pieces.sorted(by: { ($0.box.y0, $0.box.x0) < ($1.box.y0, $1.box.x0) }) {
            let covered = bounds.indices.filter { bounds[$0].1 > piece.box.x0 && bounds[$0].0 < piece.box.x1 }
            let columns: ClosedRange<Int>
            if covered.isEmpty {
                let nearest = bounds.indices.min { abs(center(bounds[$0]) - piece.box.midX) < abs(center(bounds[$1]) - piece.box.midX) } ?? 0
                columns = nearest...nearest
            } else {
                // A word overlapping a neighbour only a little belongs to its main column.
                let main = covered.filter { overlap(bounds[$0], piece.box) >= 0.25 * piece.box.width }
                columns = (main.first ?? covered[0])...(main.last ?? covered[0])
            }
            // A wrapped continuation: same columns, right under the previous block.
            if let index = blocks.lastIndex(where: { $0.columns == columns }),
               piece.box.y0 - blocks[index].box.y1 < 0.8 * piece.box.height,
               blocks[index].box.horizontalOverlap(piece.box) > 0 || blocks[index].box.y1 < piece.box.y0 {
                blocks[index].pieces.append(piece)
                blocks[index].box = blocks[index].box.union(piece.box)
            } else {
                blocks.append(Block(columns: columns, pieces: [piece], box: piece.box))
            }
        }
        // Levels: a block sits one row below the deepest block above it sharing a column.
        var level = Array(repeating: 0, count: blocks.count)
        let order = blocks.indices.sorted { blocks[$0].box.y0 < blocks[$1].box.y0 }
        for (position, index) in order.enumerated() {
            for other in order.prefix(position) where blocks[other].columns.overlaps(blocks[index].columns)
                && blocks[other].box.y1 <= blocks[index].box.midY {
                level[index] = max(level[index], level[other] + 1)
            }
        }
        let rowCount = (level.max() ?? 0) + 1
        var cells: [Cell] = []
        var taken = Set<[Int]>()
        for index in order {
            let block = blocks[index]
            let below = blocks.indices.filter { level[$0] > level[index] && blocks[$0].columns.overlaps(block.columns) }
            let bottom = below.map { level[$0] }.min().map { $0 - 1 } ?? rowCount - 1
            let rows = level[index]...max(level[index], bottom)
            let positions = rows.flatMap { row in block.columns.map { [row, $0] } }
            guard !positions.contains(where: taken.contains) else { continue }
            taken.formUnion(positions)
            let text = CellText.joinWrapped(linesOf(block.pieces))
            cells.append(Cell(text: text, row: rows.lowerBound, column: block.columns.lowerBound,
                              rowSpan: rows.count, columnSpan: block.columns.count, box: block.box, page: page))
        }
        // Empty header positions get blank cells so that every position is covered.
        for row in 0..<rowCount {
            for column in bounds.indices where !taken.contains([row, column]) {
                cells.append(Cell(text: "", row: row, column: column,
                                  box: Box(x0: bounds[column].0, y0: 0, x1: bounds[column].1, y1: 0), page: page))
            }
        }
        return Result(cells: cells.sorted { ($0.row, $0.column) < ($1.row, $1.column) }, rowCount: rowCount)
    }

    /// The texts of the pieces, one string per text line, top to bottom.
    static func linesOf(_ pieces: [TextGrid.Piece]) -> [String] {
        var byLine: [Int: [TextGrid.Piece]] = [:]
        for piece in pieces { byLine[piece.line, default: []].append(piece) }
        return byLine.keys.sorted().map { line in
            byLine[line]!.sorted { $0.box.x0 < $1.box.x0 }.map(\.text).joined()
        }
    }

    static func center(_ bound: (Double, Double)) -> Double {
        bound.0.isInfinite ? bound.1 - 20 : bound.1.isInfinite ? bound.0 + 20 : (bound.0 + bound.1) / 2
    }

    static func overlap(_ bound: (Double, Double), _ box: Box) -> Double {
        max(0, min(bound.1, box.x1) - max(bound.0, box.x0))
    }
}
