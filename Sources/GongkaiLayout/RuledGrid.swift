import GongkaiText

/// Grids from drawn lines: rulings are grouped into frames (rulings that touch or cross), a
/// frame's rulings give the grid lines, and a cell spans every elementary rectangle whose shared
/// edge is not drawn.
enum RuledGrid {
    /// A group of rulings that touch or cross: one table's drawing.
    struct Frame {
        var horizontal: [Ruling]
        var vertical: [Ruling]
        var box: Box
    }

    /// The frames on a page with at least `minimumFrameRows` × `minimumFrameColumns` cells, top
    /// to bottom. Frames with only horizontal rules are returned too (`vertical` empty).
    static func frames(_ rulings: [Ruling], settings: LayoutSettings) -> [Frame] {
        var parent = Array(rulings.indices)
        func find(_ i: Int) -> Int {
            var i = i
            while parent[i] != i { parent[i] = parent[parent[i]]; i = parent[i] }
            return i
        }
        let tolerance = settings.rulingJoinTolerance
        for i in rulings.indices {
            for j in rulings.indices where j > i && touch(rulings[i], rulings[j], tolerance: tolerance) {
                parent[find(i)] = find(j)
            }
        }
        var groups: [Int: [Ruling]] = [:]
        for i in rulings.indices { groups[find(i), default: []].append(rulings[i]) }
        var frames: [Frame] = []
        for group in groups.values {
            let horizontal = group.filter { $0.orientation == .horizontal }
            let vertical = group.filter { $0.orientation == .vertical }
            let rows = distinctPositions(horizontal.map(\.position), tolerance: settings.gridLineTolerance).count - 1
            let columns = distinctPositions(vertical.map(\.position), tolerance: settings.gridLineTolerance).count - 1
            guard rows >= settings.minimumFrameRows, columns >= settings.minimumFrameColumns else { continue }
            frames.append(Frame(horizontal: horizontal, vertical: vertical, box: Box.enclosing(group.map(\.box))!))
        }
        return frames.sorted { $0.box.y0 < $1.box.y0 }
    }

    /// Whether two rulings touch: a horizontal and a vertical cross or meet (within
    /// `tolerance`); two parallel ones lie on one line and overlap.
    static func touch(_ a: Ruling, _ b: Ruling, tolerance: Double) -> Bool {
        if a.orientation == b.orientation {
            return abs(a.position - b.position) <= tolerance && a.start <= b.end + tolerance && b.start <= a.end + tolerance
        }
        let (h, v) = a.orientation == .horizontal ? (a, b) : (b, a)
        return v.position >= h.start - tolerance && v.position <= h.end + tolerance
            && h.position >= v.start - tolerance && h.position <= v.end + tolerance
    }

    /// Sorted positions with those closer than `tolerance` to the previous kept merged (averaged).
    static func distinctPositions(_ positions: [Double], tolerance: Double) -> [Double] {
        var clusters: [[Double]] = []
        for position in positions.sorted() {
            if let last = clusters.last?.last, position - last <= tolerance {
                clusters[clusters.count - 1].append(position)
            } else {
                clusters.append([position])
            }
        }
        return clusters.map { $0.reduce(0, +) / Double($0.count) }
    }

    /// The cell grid of a frame, with the text of `glyphs` placed in its cells.
    static func grid(of frame: Frame, glyphs: [Glyph], lineOfGlyph: [Int], page: Int, settings: LayoutSettings) -> Grid {
        let xs = distinctPositions(frame.vertical.map(\.position) + [frame.box.x0, frame.box.x1], tolerance: settings.gridLineTolerance)
        let ys = distinctPositions(frame.horizontal.map(\.position) + [frame.box.y0, frame.box.y1], tolerance: settings.gridLineTolerance)
        let rows = ys.count - 1, columns = xs.count - 1
        guard rows > 0, columns > 0 else { return .empty }

        // Which elementary rectangles are joined: their shared edge is not drawn.
        var component = Array(0..<(rows * columns))
        func find(_ i: Int) -> Int {
            var i = i
            while component[i] != i { component[i] = component[component[i]]; i = component[i] }
            return i
        }
        func join(_ a: Int, _ b: Int) { component[find(a)] = find(b) }
        for row in 0..<rows {
            for column in 0..<(columns - 1) where !isDrawn(frame.vertical, at: xs[column + 1], from: ys[row], to: ys[row + 1], settings: settings) {
                join(row * columns + column, row * columns + column + 1)
            }
        }
        for row in 0..<(rows - 1) {
            for column in 0..<columns where !isDrawn(frame.horizontal, at: ys[row + 1], from: xs[column], to: xs[column + 1], settings: settings) {
                join(row * columns + column, (row + 1) * columns + column)
            }
        }
        let spans = rectangularSpans(rows: rows, columns: columns, componentOf: { find($0) })

        // Glyphs go to the cell holding their centre.
        var glyphsOfSpan: [[Int]] = Array(repeating: [], count: spans.count)
        var spanAt = Array(repeating: 0, count: rows * columns)
        for (index, span) in spans.enumerated() {
            for row in span.row..<(span.row + span.rowSpan) {
                for column in span.column..<(span.column + span.columnSpan) { spanAt[row * columns + column] = index }
            }
        }
        for (index, glyph) in glyphs.enumerated() where !glyph.isWhitespace {
            guard let column = slot(of: anchorX(of: glyph), in: xs), let row = slot(of: glyph.box.midY, in: ys) else { continue }
            glyphsOfSpan[spanAt[row * columns + column]].append(index)
        }
        let cells = spans.enumerated().map { index, span in
            Cell(text: CellTextAssembly.text(of: glyphsOfSpan[index], glyphs: glyphs, lineOfGlyph: lineOfGlyph),
                 row: span.row, column: span.column, rowSpan: span.rowSpan, columnSpan: span.columnSpan,
                 box: Box(x0: xs[span.column], y0: ys[span.row], x1: xs[span.column + span.columnSpan], y1: ys[span.row + span.rowSpan]),
                 page: page)
        }
        return Grid(rowCount: rows, columnCount: columns, cells: cells, headerRowCount: 0)
    }

    /// The x that places a glyph in a column: its centre, except for closing punctuation, whose
    /// mark sits in the left half of its box and which typesetters let hang past a cell's right
    /// rule at the end of a line (「…组织实施。（二」 + 「）」 over the rule): its left edge.
    static func anchorX(of glyph: Glyph) -> Double {
        hangingPunctuation.contains(glyph.character) ? glyph.box.x0 + 0.5 : glyph.box.midX
    }

    static let hangingPunctuation: Set<Character> = ["、", "，", "。", "）", "；", "：", "”", "’", "」", "』", "！", "？", "》", ")", ",", "."]

    /// Whether rulings on the line at `position` cover enough of `from`…`to`.
    static func isDrawn(_ rulings: [Ruling], at position: Double, from: Double, to: Double, settings: LayoutSettings) -> Bool {
        let length = to - from
        guard length > 0 else { return true }
        var covered = 0.0
        for ruling in rulings where abs(ruling.position - position) <= settings.gridLineTolerance {
            covered += max(0, min(ruling.end, to) - max(ruling.start, from))
        }
        return covered >= settings.drawnBoundaryCoverage * length
    }

    /// The index of the interval of `boundaries` holding `value`, if inside.
    static func slot(of value: Double, in boundaries: [Double]) -> Int? {
        guard let first = boundaries.first, let last = boundaries.last, value >= first, value <= last else { return nil }
        var low = 0, high = boundaries.count - 1
        while high - low > 1 {
            let middle = (low + high) / 2
            if value < boundaries[middle] { high = middle } else { low = middle }
        }
        return low
    }

    struct Span { var row: Int; var column: Int; var rowSpan: Int; var columnSpan: Int }

    /// Joined elementary rectangles as rectangular spans. A joined group that is not a
    /// rectangle (a missing stroke inside a cell) is widened to its bounding rectangle, and
    /// groups that then overlap are merged.
    static func rectangularSpans(rows: Int, columns: Int, componentOf: (Int) -> Int) -> [Span] {
        var boxes: [Int: (r0: Int, c0: Int, r1: Int, c1: Int)] = [:]
        var order: [Int] = []
        for row in 0..<rows {
            for column in 0..<columns {
                let key = componentOf(row * columns + column)
                if let b = boxes[key] {
                    boxes[key] = (min(b.r0, row), min(b.c0, column), max(b.r1, row), max(b.c1, column))
                } else {
                    boxes[key] = (row, column, row, column)
                    order.append(key)
                }
            }
        }
        var owner = Array(repeating: -1, count: rows * columns)
        var spans: [Span] = []
        for key in order {
            let b = boxes[key]!
            // Skip positions another span already took (overlap after widening).
            if owner[b.r0 * columns + b.c0] >= 0 { continue }
            let index = spans.count
            spans.append(Span(row: b.r0, column: b.c0, rowSpan: b.r1 - b.r0 + 1, columnSpan: b.c1 - b.c0 + 1))
            for row in b.r0...b.r1 { for column in b.c0...b.c1 where owner[row * columns + column] < 0 { owner[row * columns + column] = index } }
        }
        // Positions left without an owner (overlapping widened groups) become single cells.
        for row in 0..<rows {
            for column in 0..<columns where owner[row * columns + column] < 0 {
                owner[row * columns + column] = spans.count
                spans.append(Span(row: row, column: column, rowSpan: 1, columnSpan: 1))
            }
        }
        return spans.sorted { ($0.row, $0.column) < ($1.row, $1.column) }
    }
}
