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
            if Captions.opensNote(line.text) || context.captions[index].title != nil || isProse(line, page: context.page) {
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

    /// A line that opens a body row: it carries an amount, a code or an ordinal label, or is a
    /// total row (合计 first, nothing but amounts after it: 合计 and 小计 are column titles too).
    /// A 栏次 line of column numbers does not; a line of 行次 alone ("12 … 26", the label
    /// wrapped round it) does.
    static func isAnchor(_ line: TextLine) -> Bool {
        let texts = line.words.map { $0.text.replacingSpaces() }
        if texts.filter({ !Grid.isColumnNumber($0) }).allSatisfy({ ["类款项", "类", "款", "项"].contains($0) }), isColumnNumbering(texts) {
            return false
        }

        if let first = texts.first, ["合计", "总计", "小计"].contains(first),
           texts.dropFirst().allSatisfy({ CellText.isAmount($0) || CellText.isNotApplicable($0) }) {
            return true
        }
        return texts.contains { text in
            CellText.isAmount(text) || CellText.isCode(text) || CellText.hasOrdinal(text) || amountPrefix(text) != nil
        }
    }

    /// Column numbers (栏次 1 2 3 …, or 1 2 3 … counting up by one), as opposed to the 行次 of a
    /// body row (12 and 26 on the two sides of a summary, or one number alone).
    static func isColumnNumbering(_ texts: [String]) -> Bool {
        let numbers = texts.compactMap { $0.allSatisfy(\.isASCIIDigit) ? Int($0) : nil }
        if texts.contains("栏次") || numbers.isEmpty || numbers == [1] { return true }
        return numbers.count >= 2 && zip(numbers, numbers.dropFirst()).allSatisfy { $1 == $0 + 1 }
    }

    /// A header line that also carries the column numbers of the columns it sits over
    /// ("1 2 公务用车购置及运行费 6 7 8 … 12"): its numbers rise and nothing else is an amount.
    /// Only for finding where the body starts: in the body, such numbers are 行次.
    static func isHeaderWithColumnNumbers(_ line: TextLine) -> Bool {
        let texts = line.words.map { $0.text.replacingSpaces() }
        let numbers = texts.compactMap { $0.count <= 2 && $0.allSatisfy(\.isASCIIDigit) ? Int($0) : nil }
        guard !numbers.isEmpty, texts.count > numbers.count, zip(numbers, numbers.dropFirst()).allSatisfy({ $0 < $1 }) else {
            return false
        }
        return texts.allSatisfy { text in
            (text.count <= 2 && Int(text) != nil) || (!CellText.isAmount(text) && !CellText.isCode(text) && !CellText.hasOrdinal(text))
        }
    }

    /// An amount glued to the text after it ("14,901.58一、一般公共服务支出"), or to the code of
    /// the next column group ("2,483.58302": 2,483.58 then 302, amounts having two decimals):
    /// the amount's character count. `text` has no spaces (a word's glyphs never include white
    /// space).
    static func amountPrefix(_ text: String) -> Int? {
        let characters = Array(text)
        if let dot = characters.firstIndex(of: "."), dot + 3 < characters.count,
           CellText.isAmount(String(characters[..<(dot + 3)])), CellText.isCode(String(characters[(dot + 3)...])) {
            return dot + 3
        }
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
        guard let firstAnchor = lineIndices.first(where: { isAnchor(page.lines[$0]) && !isHeaderWithColumnNumbers(page.lines[$0]) })
        else { return .empty }
        let headerLines = Set(lineIndices.prefix { $0 != firstAnchor })
        let bodyPieces = pieces.filter { !headerLines.contains($0.line) }
        let bodyColumns = columnIntervals(bodyPieces, lineCount: lineIndices.count - headerLines.count)
        // Header words set close together read as one word: part them where they stand over
        // different columns.
        let headerPieces = pieces.filter { headerLines.contains($0.line) }
            .flatMap { splitAtSpaces($0, page: page, columns: bodyColumns) }
        let columns = addingHeaderOnlyColumns(bodyColumns, headerPieces: headerPieces)
        let bounds = columnBounds(columns)

        let headerRules = horizontalRulings.filter { rule in
            headerPieces.contains { $0.box.y1 <= rule.position + 1 } && rule.position < page.lines[firstAnchor].box.y0
        }
        let header = HeaderLayout.cells(headerPieces, columns: columns, rules: headerRules, page: page.number)
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

    /// The words of a line, an amount glued to the text after it split off ("14901.58一、…",
    /// "14901.58 一、…" where the gap was too narrow to end the word).
    static func pieces(of lineIndex: Int, page: Page) -> [Piece] {
        page.lines[lineIndex].words.flatMap { word -> [Piece] in
            let text = word.text.replacingSpaces()
            guard let split = amountPrefix(text), split < word.glyphIndices.count else {
                return [Piece(glyphs: word.glyphIndices, box: word.box, line: lineIndex, text: word.text)]
            }
            let left = Array(word.glyphIndices.prefix(split)), right = Array(word.glyphIndices.dropFirst(split))
            return [left, right].map { glyphs in
                Piece(glyphs: glyphs, box: Box.enclosing(glyphs.map { page.glyphs[$0].box })!, line: lineIndex,
                      text: String(glyphs.map { page.glyphs[$0].character }))
            }
        }
    }

    /// A header piece whose text has spaces (poppler's, between glyphs too close to part the
    /// words) split there when its parts stand over different columns.
    static func splitAtSpaces(_ piece: Piece, page: Page, columns: [(Double, Double)]) -> [Piece] {
        let parts = piece.text.split(separator: " ")
        guard parts.count > 1, parts.reduce(0, { $0 + $1.count }) == piece.glyphs.count else { return [piece] }
        var result: [Piece] = []
        var start = 0
        for part in parts {
            let glyphs = Array(piece.glyphs[start..<(start + part.count)])
            start += part.count
            result.append(Piece(glyphs: glyphs, box: Box.enclosing(glyphs.map { page.glyphs[$0].box })!, line: piece.line,
                                text: String(part)))
        }
        // A part stands over the column it overlaps most (body columns of amounts are narrower
        // than the header words above them).
        let columnOf = { (box: Box) -> Int in
            let overlaps = columns.map { min($0.1, box.x1) - max($0.0, box.x0) }
            guard let best = overlaps.indices.max(by: { overlaps[$0] < overlaps[$1] }), overlaps[best] > 0 else { return -1 }
            return best
        }
        let distinct = Set(result.map { columnOf($0.box) })
        return distinct.count == result.count && !distinct.contains(-1) ? result : [piece]
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

    /// Header words over no body column add their own column (a column whose body is blank),
    /// unless the nearest column has no header word on that line: then the word is that column's
    /// header, set off to one side of right-aligned amounts.
    static func addingHeaderOnlyColumns(_ columns: [(Double, Double)], headerPieces: [Piece]) -> [(Double, Double)] {
        var result = columns
        let overlapping = { (piece: Piece, column: (Double, Double)) in min(column.1, piece.box.x1) - max(column.0, piece.box.x0) > 0 }
        for piece in headerPieces.sorted(by: { $0.box.width < $1.box.width }) where !result.contains(where: { overlapping(piece, $0) }) {
            let distance = { (column: (Double, Double)) in max(column.0 - piece.box.x1, piece.box.x0 - column.1) }
            if let nearest = result.min(by: { distance($0) < distance($1) }), distance(nearest) < max(piece.box.width, 12),
               !headerPieces.contains(where: { $0.line == piece.line && overlapping($0, nearest) }) {
                continue
            }
            result.append((piece.box.x0, piece.box.x1))
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
        let anchors = lines.enumerated().filter { position, line in
            isAnchor(page.lines[line])
                && !(position + 1 < lines.count && isCentredLabelTop(page.lines[line], above: page.lines[lines[position + 1]]))
        }.map(\.element)
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

extension TextGrid {
    /// The first line of a label wrapped round the line of its row's amounts ("一、一般公共预算
    /// 财政拨" over "1 4,627.11 …" over "款"): text only, and the next line, less than a line
    /// below, leaves its columns empty. It belongs to that row rather than opening one.
    static func isCentredLabelTop(_ line: TextLine, above next: TextLine) -> Bool {
        guard next.box.midY - line.box.midY < line.box.height,
              line.words.allSatisfy({ !CellText.isAmount($0.text) && !CellText.isCode($0.text) }) else { return false }
        return !next.words.contains { word in
            line.words.contains { min($0.box.x1, word.box.x1) > max($0.box.x0, word.box.x0) }
        }
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
    /// `columns` are the x ranges the columns' text fills.
    static func cells(_ pieces: [TextGrid.Piece], columns bounds: [(Double, Double)], rules: [Ruling], page: Int) -> Result {
        guard !pieces.isEmpty else { return Result(cells: [], rowCount: 0) }
        struct Block { var columns: ClosedRange<Int>; var pieces: [TextGrid.Piece]; var box: Box }
        var blocks: [Block] = []
        for piece in pieces.sorted(by: { ($0.box.y0, $0.box.x0) < ($1.box.y0, $1.box.x0) }) {
            let columns = sideSpan(piece, pieces: pieces, bounds: bounds)
                ?? spanUnderRule(piece, pieces: pieces, bounds: bounds, rules: rules)
                ?? columnsCovered(by: piece, bounds: bounds)
            // A wrapped continuation: same columns, right under the previous block, no rule
            // between them, and not a 栏次 row.
            if let index = blocks.lastIndex(where: { $0.columns == columns }),
               piece.box.y0 - blocks[index].box.y1 < 0.8 * piece.box.height,
               blocks[index].box.horizontalOverlap(piece.box) > 0 || blocks[index].box.y1 < piece.box.y0,
               !Grid.isColumnNumber(piece.text), !blocks[index].pieces.contains(where: { Grid.isColumnNumber($0.text) }),
               !rules.contains(where: { $0.position > blocks[index].box.y1 - 1 && $0.position < piece.box.y0 + 1
                   && $0.start < piece.box.x1 && $0.end > piece.box.x0 }) {
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
            let text = CellText.joinWrapped(linesOf(block.pieces))
            // A block over positions another block already holds joins that cell's text:
            // header words are never dropped, even where their placement is ambiguous.
            if let taker = cells.firstIndex(where: { cell in positions.contains { cell.covers(row: $0[0], column: $0[1]) } }) {
                cells[taker].text = CellText.joinWrapped([cells[taker].text, text])
                continue
            }
            taken.formUnion(positions)
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

    /// The columns a header word stands over: those whose text's middle it covers (a word
    /// centred over several columns spans them), else the column whose middle is nearest (a
    /// title centred over right-aligned amounts sits a little to their left).
    static func columnsCovered(by piece: TextGrid.Piece, bounds: [(Double, Double)]) -> ClosedRange<Int> {
        let covered = bounds.indices.filter { center(bounds[$0]) >= piece.box.x0 - 1 && center(bounds[$0]) <= piece.box.x1 + 1 }
        if let first = covered.first, let last = covered.last { return first...last }
        let nearest = bounds.indices.min { abs(center(bounds[$0]) - piece.box.midX) < abs(center(bounds[$1]) - piece.box.midX) } ?? 0
        return nearest...nearest
    }

    /// The sides of a two-sided summary ("收入" … "支出" alone on a header line): each spans the
    /// columns from the middle between it and the side before to the middle between it and the
    /// side after. Both sides must be there: a line of column names that all end in 收入
    /// (事业收入 经营收入 其他收入, set between wrapped neighbours) is not a pair of sides.
    static func sideSpan(_ piece: TextGrid.Piece, pieces: [TextGrid.Piece], bounds: [(Double, Double)]) -> ClosedRange<Int>? {
        let line = pieces.filter { $0.line == piece.line }.sorted { $0.box.x0 < $1.box.x0 }
        guard line.count >= 2, line.allSatisfy({ isSideName($0.text) }),
              line.contains(where: { $0.text.replacingSpaces().hasSuffix("收入") }),
              line.contains(where: { $0.text.replacingSpaces().hasSuffix("支出") }),
              let position = line.firstIndex(where: { $0.box.x0 == piece.box.x0 }) else { return nil }
        let left = position == 0 ? -Double.infinity : (line[position - 1].box.midX + piece.box.midX) / 2
        let right = position == line.count - 1 ? Double.infinity : (piece.box.midX + line[position + 1].box.midX) / 2
        let columns = bounds.indices.filter { center(bounds[$0]) >= left && center(bounds[$0]) < right }
        guard let first = columns.first, let last = columns.last else { return nil }
        return first...last
    }

    /// 收入 / 支出 and their variants (本年收入, 财政拨款支出 …).
    static func isSideName(_ text: String) -> Bool {
        let compact = text.replacingSpaces()
        return ["收入", "支出"].contains { compact.hasSuffix($0) } && compact.count <= 7
    }

    /// A spanning header drawn with a rule under it ("收入" over 项目 / 行次 / 金额): the columns of
    /// the shortest rule just below the word that holds no other word of its line.
    static func spanUnderRule(_ piece: TextGrid.Piece, pieces: [TextGrid.Piece], bounds: [(Double, Double)],
                              rules: [Ruling]) -> ClosedRange<Int>? {
        let below = rules.filter { rule in
            rule.position >= piece.box.y1 - 1 && rule.position <= piece.box.y1 + piece.box.height
                && rule.start <= piece.box.x0 + 1 && rule.end >= piece.box.x1 - 1
                && !pieces.contains { $0.line == piece.line && $0.box.x0 != piece.box.x0 && rule.start <= $0.box.midX && rule.end >= $0.box.midX }
        }
        guard let rule = below.min(by: { $0.length < $1.length }) else { return nil }
        let columns = bounds.indices.filter { center(bounds[$0]) >= rule.start && center(bounds[$0]) <= rule.end }
        guard let first = columns.first, let last = columns.last, last > first else { return nil }
        return first...last
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

extension String {
    /// The text without spaces: a word's text may show a space poppler put between two of its
    /// glyphs, which are not glyphs of the word.
    func replacingSpaces() -> String { filter { $0 != " " } }
}
