import Testing
@testable import GongkaiText

/// Glyphs become text lines by baseline and words by the gaps between cells.
struct LineGroupingTests {
    private func glyphs(_ text: String, x: Double, y: Double, size: Double = 10, advance: Double? = nil) -> [Glyph] {
        text.enumerated().map { index, character in
            let x0 = x + Double(index) * (advance ?? size)
            let width = min(size, advance ?? size)
            return Glyph(character: character, box: Box(x0: x0, y0: y, x1: x0 + width, y1: y + size), font: "SimSun", fontSize: size)
        }
    }

    @Test func aTableRowIsOneLineWithOneWordPerCell() {
        let row = glyphs("208", x: 50, y: 100, size: 10, advance: 5.5)
            + glyphs("社会保障和就业支出", x: 100, y: 100)
            + glyphs("3,153.38", x: 300, y: 100.4, size: 10, advance: 5.5)
        let lines = LineGrouping.lines(from: row, settings: .default)
        #expect(lines.count == 1)
        #expect(lines[0].words.map(\.text) == ["208", "社会保障和就业支出", "3,153.38"])
        #expect(lines[0].compactText == "208社会保障和就业支出3,153.38")
    }

    @Test func linesAreOrderedTopToBottomAndGlyphsLeftToRight() {
        let input = glyphs("出", x: 100, y: 112) + glyphs("机关事业单位基本养老保险缴费支", x: 100, y: 100).reversed()
        let lines = LineGrouping.lines(from: input, settings: .default)
        #expect(lines.map(\.text) == ["机关事业单位基本养老保险缴费支", "出"])
    }

    @Test func aCodeCentredBesideTwoLinesIsItsOwnLine() {
        // The code sits half a line below the first name line: neither line takes it.
        let input = glyphs("2080505", x: 40, y: 106, size: 10, advance: 5.5)
            + glyphs("机关事业单位基本养老保", x: 100, y: 100) + glyphs("险缴费支出", x: 100, y: 112)
        let lines = LineGrouping.lines(from: input, settings: .default)
        #expect(lines.map(\.text) == ["机关事业单位基本养老保", "2080505", "险缴费支出"])
    }

    @Test func overprintedGlyphsForFakeBoldAreKeptOnce() {
        let input = glyphs("合计", x: 100, y: 100) + glyphs("合计", x: 100.3, y: 100)
        let lines = LineGrouping.lines(from: input, settings: .default)
        #expect(lines.map(\.text) == ["合计"])
    }

    @Test func aSpacePopplerPutBetweenCloseGlyphsStaysInTheWord() {
        var input = glyphs("XX", x: 100, y: 100, size: 10, advance: 6)
        input.append(Glyph(character: " ", box: Box(x0: 112, y0: 100, x1: 115, y1: 110), font: "SimSun", fontSize: 10))
        input += glyphs("局", x: 115, y: 100)
        let lines = LineGrouping.lines(from: input, settings: .default)
        #expect(lines.map(\.text) == ["XX 局"])
    }
}
