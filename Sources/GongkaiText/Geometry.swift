/// An axis-aligned box in PDF points, origin at the page's top-left corner, y growing downwards
/// (the orientation poppler-glib reports text in, after the page's rotation is applied).
public struct Box: Hashable, Sendable, Codable {
    public var x0: Double
    public var y0: Double
    public var x1: Double
    public var y1: Double

    public init(x0: Double, y0: Double, x1: Double, y1: Double) {
        self.x0 = x0
        self.y0 = y0
        self.x1 = x1
        self.y1 = y1
    }

    public var width: Double { x1 - x0 }
    public var height: Double { y1 - y0 }
    public var midX: Double { (x0 + x1) / 2 }
    public var midY: Double { (y0 + y1) / 2 }

    /// The smallest box holding both.
    public func union(_ other: Box) -> Box {
        Box(x0: min(x0, other.x0), y0: min(y0, other.y0), x1: max(x1, other.x1), y1: max(y1, other.y1))
    }

    /// Length of the overlap of the two boxes' x ranges (0 when they do not overlap).
    public func horizontalOverlap(_ other: Box) -> Double {
        max(0, min(x1, other.x1) - max(x0, other.x0))
    }

    /// Length of the overlap of the two boxes' y ranges (0 when they do not overlap).
    public func verticalOverlap(_ other: Box) -> Double {
        max(0, min(y1, other.y1) - max(y0, other.y0))
    }

    public func contains(x: Double, y: Double) -> Bool {
        x >= x0 && x <= x1 && y >= y0 && y <= y1
    }

    /// The union of a non-empty sequence of boxes; nil when it is empty.
    public static func enclosing<S: Sequence>(_ boxes: S) -> Box? where S.Element == Box {
        var result: Box?
        for box in boxes { result = result.map { $0.union(box) } ?? box }
        return result
    }

    /// The box with every coordinate rounded to 0.01 pt, for stable JSON.
    public var rounded: Box {
        Box(x0: x0.roundedToHundredths, y0: y0.roundedToHundredths,
            x1: x1.roundedToHundredths, y1: y1.roundedToHundredths)
    }
}

extension Double {
    /// Rounded to 0.01: coordinates are emitted at this precision so outputs diff cleanly.
    public var roundedToHundredths: Double { (self * 100).rounded() / 100 }
}
