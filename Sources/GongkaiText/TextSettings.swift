/// Every tolerance of the text stage, named and in one place. Distances are in points unless a
/// name says it is a fraction of the font size.
public struct TextSettings: Sendable {
    /// Two glyphs are on one text line when their vertical centres differ by less than this
    /// fraction of the smaller glyph's height.
    public var lineCenterTolerance = 0.4
    /// A gap wider than this fraction of the font size ends a word.
    public var wordGap = 0.45
    /// A drawn segment shorter than this is not a ruling (glyph strokes, dots of leaders).
    public var minimumRulingLength = 6.0
    /// A filled rectangle thinner than this is a ruling, not a shaded area.
    public var maximumRulingThickness = 3.0
    /// Paint lighter than this (0 black … 1 white, by luminance) is not a ruling: white
    /// rectangles hide things or fill cell backgrounds, they do not separate cells.
    public var maximumRulingLightness = 0.85
    /// Rulings on one line closer than this are merged into one.
    public var rulingJoinTolerance = 1.0

    /// Pixels per point of the page raster rulings are traced in.
    public var rasterScale = 1.0

    /// Glyph boxes are widened by this fraction of their size on each side before their pixels
    /// are masked out of the raster.
    public var glyphMaskPadding = 0.15

    public init() {}

    public static let `default` = TextSettings()
}
