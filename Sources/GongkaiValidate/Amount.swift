import Foundation

/// An exact decimal amount with the number of decimal places it was printed with, so that a sum
/// is written back at the precision of its addends. Foundation's Decimal does the arithmetic:
/// no binary floating point touches an amount.
struct Amount: Sendable, Equatable {
    var value: Decimal
    /// Decimal places (2 for "14901.58").
    var scale: Int

    init(value: Decimal, scale: Int) {
        self.value = value
        self.scale = scale
    }

    /// Reads a decimal string as the recognisers emit it ("14901.58", "-12.00", "0").
    init?(_ text: String) {
        guard let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) else { return nil }
        self.value = value
        scale = text.split(separator: ".").dropFirst().first?.count ?? 0
    }

    static let zero = Amount(value: 0, scale: 0)

    static func + (lhs: Amount, rhs: Amount) -> Amount {
        Amount(value: lhs.value + rhs.value, scale: max(lhs.scale, rhs.scale))
    }

    static func - (lhs: Amount, rhs: Amount) -> Amount {
        Amount(value: lhs.value - rhs.value, scale: max(lhs.scale, rhs.scale))
    }

    static func sum(_ amounts: [Amount]) -> Amount { amounts.reduce(.zero, +) }

    var magnitude: Decimal { value < 0 ? -value : value }

    /// The amount written with exactly `scale` decimal places.
    var text: String {
        var rounded = Decimal()
        var source = value
        NSDecimalRound(&rounded, &source, scale, .plain)
        var digits = NSDecimalNumber(decimal: rounded).stringValue
        if scale > 0 {
            if !digits.contains(".") { digits += "." }
            let places = digits.split(separator: ".", omittingEmptySubsequences: false).last?.count ?? 0
            digits += String(repeating: "0", count: max(0, scale - places))
        }
        return digits
    }
}
