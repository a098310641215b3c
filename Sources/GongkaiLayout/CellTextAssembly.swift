import GongkaiText

/// Builds a cell's text from the glyphs placed in it: grouped by the page's text lines, each
/// line's glyphs left to right, wrapped lines joined.
enum CellTextAssembly {
    /// `lineOfGlyph[i]` is the page text line glyph `i` belongs to.
    static func text(of glyphIndices: [Int], glyphs: [Glyph], lineOfGlyph: [Int]) -> String {
        guard !glyphIndices.isEmpty else { return "" }
        var byLine: [Int: [Int]] = [:]
        for index in glyphIndices { byLine[lineOfGlyph[index], default: []].append(index) }
        let lines = byLine.keys.sorted().map { line -> String in
            let row = byLine[line]!.sorted { glyphs[$0].box.x0 < glyphs[$1].box.x0 }
            return lineText(row, glyphs: glyphs)
        }
        return CellText.joinWrapped(lines)
    }

    /// One line of a cell: glyphs in order; a visible gap between two Latin letters (or a
    /// letter and a digit) keeps one space; digits are never split ("100.0 0" is "100.00").
    static func lineText(_ row: [Int], glyphs: [Glyph]) -> String {
        var text = ""
        var previous: Glyph?
        for index in row {
            let glyph = glyphs[index]
            if let previous, previous.character.isASCIILetterOrDigit, glyph.character.isASCIILetterOrDigit,
               !(previous.character.isASCIIDigit && glyph.character.isASCIIDigit),
               glyph.box.x0 - previous.box.x1 > 0.25 * max(glyph.fontSize, glyph.box.height) {
                text.append(" ")
            }
            text.append(glyph.character)
            previous = glyph
        }
        return text
    }
}
