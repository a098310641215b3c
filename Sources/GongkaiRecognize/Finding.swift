/// Something found wrong or doubtful about a report: an accounting identity that does not hold,
/// or a table the recognisers could not fully read. Findings never change a value.
public struct Finding: Sendable, Equatable {
    public enum Severity: String, Sendable, Comparable {
        case info, warning, error

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            let order: [Severity] = [.info, .warning, .error]
            return order.firstIndex(of: lhs)! < order.firstIndex(of: rhs)!
        }
    }

    /// Where in a table: which table (by index in the report), which rows and columns.
    public struct Location: Sendable, Equatable {
        public var table: Int
        public var rows: [String]
        public var columns: [String]

        public init(table: Int, rows: [String] = [], columns: [String] = []) {
            self.table = table
            self.rows = rows
            self.columns = columns
        }
    }

    /// A stable id for the kind of check (`sum.children`, `summary.balance` …).
    public var check: String
    public var severity: Severity
    public var locations: [Location]
    /// The value the identity asks for, the value printed, and their difference (decimal strings).
    public var expected: String?
    public var actual: String?
    public var difference: String?
    public var messageZH: String
    public var messageEN: String

    public init(check: String, severity: Severity, locations: [Location], expected: String? = nil,
                actual: String? = nil, difference: String? = nil, messageZH: String, messageEN: String) {
        self.check = check
        self.severity = severity
        self.locations = locations
        self.expected = expected
        self.actual = actual
        self.difference = difference
        self.messageZH = messageZH
        self.messageEN = messageEN
    }
}
