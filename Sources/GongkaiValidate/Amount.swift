import FoundationEssentials

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

    /// The amount written with exactly `scale` decimal places, rounded half away from zero (the
    /// digits of Decimal's exact plain description, rounded as written by hand).
    var text: String {
        let plain = value.description
        let negative = plain.hasPrefix("-")
        let parts = plain.drop { $0 == "-" }.split(separator: ".", omittingEmptySubsequences: false)
        let whole = Array(parts[0]), fraction = parts.count > 1 ? Array(parts[1]) : []
        let roundsUp = fraction.count > scale && fraction[scale] >= "5"
        var digits = whole + fraction.prefix(scale) + Array(repeating: "0", count: max(0, scale - fraction.count))
        if roundsUp {
            var index = digits.count - 1
            while index >= 0, digits[index] == "9" { digits[index] = "0"; index -= 1 }
            if index >= 0 { digits[index] = Character(String(digits[index].wholeNumberValue! + 1)) } else { digits.insert("1", at: 0) }
        }
        var text = String(digits.prefix(digits.count - scale))
        if scale > 0 { text += "." + String(digits.suffix(scale)) }
        return negative && digits.contains(where: { $0 != "0" }) ? "-" + text : text
    }
}
