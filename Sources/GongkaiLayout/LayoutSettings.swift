/// Every tolerance of the layout stage, named and in one place (points unless said otherwise).
public struct LayoutSettings: Sendable {
    /// Rulings whose positions differ by less than this are one grid line.
    public var gridLineTolerance = 2.5
    /// A horizontal and a vertical ruling that come this close are joined (tables drawn with
    /// separate strokes leave small gaps at the corners).
    public var rulingJoinTolerance = 3.0
    /// A cell boundary counts as drawn when rulings cover this fraction of it.
    public var drawnBoundaryCoverage = 0.6
    /// Rulings frame a table when they make at least this many rows and columns (one row: the
    /// last row of a table, alone at the top of the next page).
    public var minimumFrameRows = 1
    public var minimumFrameColumns = 2
    /// How far below a title (in multiples of the title's height) its table may begin.
    public var titleReach = 8.0
    /// A page's last table continues on the next page when it ends within this fraction of the
    /// page height from the bottom, or has no footnote.
    public var continuationBottomZone = 0.25
    /// Two tables' columns match (for stitching pages) when their edges differ by at most this.
    public var columnMatchTolerance = 6.0
    /// Text grids: a gap between words wider than this (× font size) separates columns.
    public var columnGap = 0.9

    public init() {}

    public static let `default` = LayoutSettings()
}
