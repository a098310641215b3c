/// Groups a page's glyphs into text lines and words by geometry alone.
///
/// Poppler's own reading order follows its guess at text flows, which splits a table row into
/// several blocks; the layout stage needs the opposite: every glyph on one baseline, across the
/// whole page, in x order, cut into words at the gaps between cells.
enum LineGrouping {
    static func lines(from glyphs: [Glyph], settings: TextSettings) -> [TextLine] {
        let rows = clusterIntoRows(glyphs, settings: settings)
        return rows.map { row in
            let words = splitIntoWords(row, glyphs: glyphs, settings: settings)
            return TextLine(words: words, box: Box.enclosing(words.map(\.box))!)
        }
    }

    /// Indices of the visible glyphs, clustered by vertical centre, top to bottom; each cluster
    /// sorted left to right, with glyphs drawn twice on one spot (fake bold) kept once.
    static func clusterIntoRows(_ glyphs: [Glyph], settings: TextSettings) -> [[Int]] {
        let visible = glyphs.indices.filter { !glyphs[$0].isWhitespace && glyphs[$0].box.height > 0 }
            .sorted { glyphs[$0].box.midY < glyphs[$1].box.midY }
        var rows: [[Int]] = []
        var rowCenter = 0.0, rowHeight = 0.0
        for index in visible {
            let box = glyphs[index].box
            if let last = rows.indices.last,
               abs(box.midY - rowCenter) <= settings.lineCenterTolerance * min(box.height, rowHeight) {
                let count = Double(rows[last].count)
                rowCenter = (rowCenter * count + box.midY) / (count + 1)
                rowHeight = max(rowHeight, box.height)
                rows[last].append(index)
            } else {
                rows.append([index])
                rowCenter = box.midY
                rowHeight = box.height
            }
        }
        return rows.map { removingOverprints(sortedByX($0, glyphs), glyphs) }
    }

    private static func sortedByX(_ row: [Int], _ glyphs: [Glyph]) -> [Int] {
        row.sorted { glyphs[$0].box.x0 < glyphs[$1].box.x0 }
    }

    /// Drops a glyph that repeats its left neighbour's character at (nearly) the same place.
    private static func removingOverprints(_ row: [Int], _ glyphs: [Glyph]) -> [Int] {
        var kept: [Int] = []
        kept.reserveCapacity(row.count)
        for index in row {
            if let previous = kept.last, glyphs[previous].character == glyphs[index].character,
               abs(glyphs[previous].box.x0 - glyphs[index].box.x0) < 0.2 * max(glyphs[index].box.width, 1),
               abs(glyphs[previous].box.midY - glyphs[index].box.midY) < 0.2 * max(glyphs[index].box.height, 1) {
                continue
            }
            kept.append(index)
        }
        return kept
    }

    /// Cuts a left-to-right row of glyphs into words at gaps wider than `wordGap` × font size.
    /// A narrower gap that poppler filled with a space keeps the space in the word's text.
    static func splitIntoWords(_ row: [Int], glyphs: [Glyph], settings: TextSettings) -> [Word] {
        var words: [Word] = []
        var text = ""
        var indices: [Int] = []
        var box: Box?
        func flush() {
            if let box, !indices.isEmpty { words.append(Word(text: text, box: box, glyphIndices: indices)) }
            text = ""; indices = []; box = nil
        }
        for index in row {
            let glyph = glyphs[index]
            if let current = box, let previous = indices.last {
                let gap = glyph.box.x0 - current.x1
                let em = max(glyph.fontSize, glyph.box.height, 1)
                if gap > settings.wordGap * em {
                    flush()
                } else if previous + 1 < index, glyphs[previous + 1].isWhitespace, gap > 0.15 * em {
                    text.append(" ")
                }
            }
            text.append(glyph.character)
            indices.append(index)
            box = box.map { $0.union(glyph.box) } ?? glyph.box
        }
        flush()
        return words
    }
}
