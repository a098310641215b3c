import GongkaiText

/// The JSON view of the text stage printed by `gongkai pages`.
struct DocumentDump: Encodable {
    var file: String
    var sha256: String
    var pageCount: Int
    var pages: [PageDump]
}

struct PageDump: Encodable {
    var number: Int
    var width: Double
    var height: Double
    var rotation: PageRotation
    var lines: [LineDump]
    var rulings: [RulingDump]
    var glyphs: [GlyphDump]?

    init(_ page: Page, includeGlyphs: Bool) {
        number = page.number
        width = page.width.roundedToHundredths
        height = page.height.roundedToHundredths
        rotation = page.rotation
        lines = page.lines.map { line in
            LineDump(text: line.text, box: line.box.rounded,
                     words: line.words.map { WordDump(text: $0.text, box: $0.box.rounded) })
        }
        rulings = page.rulings.map(RulingDump.init)
        glyphs = includeGlyphs ? page.glyphs.map(GlyphDump.init) : nil
    }
}

struct LineDump: Encodable {
    var text: String
    var box: Box
    var words: [WordDump]
}

struct WordDump: Encodable {
    var text: String
    var box: Box
}

struct RulingDump: Encodable {
    var orientation: Ruling.Orientation
    var position: Double
    var start: Double
    var end: Double
    var thickness: Double

    init(_ ruling: Ruling) {
        orientation = ruling.orientation
        position = ruling.position.roundedToHundredths
        start = ruling.start.roundedToHundredths
        end = ruling.end.roundedToHundredths
        thickness = ruling.thickness.roundedToHundredths
    }
}

struct GlyphDump: Encodable {
    var char: String
    var box: Box
    var font: String
    var size: Double

    init(_ glyph: Glyph) {
        char = String(glyph.character)
        box = glyph.box.rounded
        font = glyph.font
        size = glyph.fontSize.roundedToHundredths
    }
}
