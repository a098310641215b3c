/// What the text stage knows about one page: its size, every glyph, the glyphs grouped into
/// words and text lines, and the ruling segments drawn on it.
public struct Page: Sendable {
    /// 1-based page number.
    public var number: Int
    /// Size in points after the page's rotation is applied.
    public var width: Double
    public var height: Double
    /// The page's /Rotate as far as poppler-glib reveals it (see `PageRotation`).
    public var rotation: PageRotation
    public var glyphs: [Glyph]
    public var lines: [TextLine]
    public var rulings: [Ruling]

    public init(number: Int, width: Double, height: Double, rotation: PageRotation,
                glyphs: [Glyph], lines: [TextLine], rulings: [Ruling]) {
        self.number = number
        self.width = width
        self.height = height
        self.rotation = rotation
        self.glyphs = glyphs
        self.lines = lines
        self.rulings = rulings
    }

    /// True when the page carries no text at all (a scanned image, or a blank page).
    public var hasText: Bool { glyphs.contains { !$0.isWhitespace } }
}

/// Poppler-glib (22.x) exposes a page's size after rotation and its unrotated crop box, but not
/// the /Rotate value itself; comparing the two tells a quarter turn from none, not 90° from 270°.
public enum PageRotation: String, Sendable, Codable {
    case none
    case quarterTurn = "quarter-turn"
}

/// One character as poppler placed it.
public struct Glyph: Sendable {
    public var character: Character
    public var box: Box
    public var font: String
    public var fontSize: Double

    public init(character: Character, box: Box, font: String, fontSize: Double) {
        self.character = character
        self.box = box
        self.font = font
        self.fontSize = fontSize
    }

    public var isWhitespace: Bool { character.isWhitespace }
}

/// A run of glyphs on one text line with no gap wider than `TextSettings.wordGap` between them:
/// in these documents, usually the contents of one cell on that line.
public struct Word: Sendable {
    public var text: String
    public var box: Box
    /// Indices into the page's `glyphs`.
    public var glyphIndices: [Int]

    public init(text: String, box: Box, glyphIndices: [Int]) {
        self.text = text
        self.box = box
        self.glyphIndices = glyphIndices
    }
}

/// Glyphs sharing a baseline across the whole width of the page: a table row's cells sit on
/// one text line, separated into words by their gaps.
public struct TextLine: Sendable {
    public let words: [Word]
    public let box: Box
    /// The words joined with one space, for reading and for matching titles.
    public let text: String
    /// The words joined without spaces: Chinese text as it reads.
    public let compactText: String

    public init(words: [Word], box: Box) {
        self.words = words
        self.box = box
        text = words.map(\.text).joined(separator: " ")
        compactText = words.map(\.text).joined()
    }
}

/// A straight line drawn on the page: a stroked segment, an edge of a stroked rectangle, or a
/// thin filled rectangle used as a border.
public struct Ruling: Hashable, Sendable {
    public enum Orientation: String, Sendable, Codable {
        case horizontal
        case vertical
    }

    public var orientation: Orientation
    /// For a horizontal ruling: the y it runs along and the x range it spans; for a vertical
    /// one: the x it runs along and the y range.
    public var position: Double
    public var start: Double
    public var end: Double
    /// Line width in points.
    public var thickness: Double

    public init(orientation: Orientation, position: Double, start: Double, end: Double, thickness: Double) {
        self.orientation = orientation
        self.position = position
        self.start = min(start, end)
        self.end = max(start, end)
        self.thickness = thickness
    }

    public var length: Double { end - start }

    /// The area the ruling covers.
    public var box: Box {
        let half = thickness / 2
        switch orientation {
        case .horizontal: return Box(x0: start, y0: position - half, x1: end, y1: position + half)
        case .vertical: return Box(x0: position - half, y0: start, x1: position + half, y1: end)
        }
    }
}
