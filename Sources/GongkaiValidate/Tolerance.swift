import FoundationEssentials

/// How far a sum may miss in a table of a given unit. Tables in 万元 (or 千元) are rounded cell by
/// cell, so a sum of n printed addends may differ from the printed total by up to n × 0.005 —
/// and is then reported as a warning, not an error; tables in 元 must add up exactly.
struct Tolerance: Sendable {
    /// The allowed miss per addend (0 for exact units).
    var perAddend: Decimal

    init(unit: String?) {
        switch unit {
        case "万元", "千元", "亿元": perAddend = Decimal(string: "0.005")!
        default: perAddend = 0
        }
    }

    /// The severity of a miss of `difference` over `addends` addends; nil when it is no miss.
    func severity(difference: Decimal, addends: Int) -> Severity? {
        let magnitude = difference < 0 ? -difference : difference
        if magnitude == 0 { return nil }
        return magnitude <= perAddend * Decimal(max(addends, 1)) ? .warning : .error
    }

    enum Severity { case warning, error }
}
