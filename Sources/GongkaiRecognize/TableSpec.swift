import GongkaiLayout

/// What defines one table type: the titles it is printed under, how its rows are laid out, and
/// how its columns are named. The recognisers are these specs run by the shared readers.
struct TableSpec: Sendable {
    /// How the table's rows are read (see `RowReading`).
    enum Layout: Sendable {
        /// One record per grid row: classification code (or 类/款/项 parts), name, 行次, values.
        case rows
        /// Two (or more) sides printed next to each other: 收入 | 支出, each with its own item,
        /// 行次 and amount columns. Rows carry the side as `section`.
        case twoSided
        /// Side-by-side groups of code / name / amount (the 基本支出决算表), read group by group.
        case groups
        /// A form: key/value header block, then an indicator grid.
        case form
    }

    /// A structural condition on the table, for titles shared by two types.
    enum Requirement: Sendable {
        case none
        case codeColumn
        case noCodeColumn
        /// Some column header contains one of these.
        case headerMentions([String])
        /// No column header contains any of these.
        case headerLacks([String])
    }

    var type: TableType
    /// Alternatives: the title (normalized) must contain every string of one alternative.
    var titles: [[String]]
    /// The title must contain none of these.
    var titleExcludes: [String]
    var layout: Layout
    var requirement: Requirement
    /// Rules naming the value columns, most specific first.
    var columns: [ColumnRule]
    /// Whether 编码 / 名称 / 项目 columns label the rows (false: every column is a value column,
    /// text or amount, as in the 政府采购 list).
    var labelColumns = true

    init(_ type: TableType, titles: [[String]], excluding: [String] = [], layout: Layout = .rows,
         requires: Requirement = .none, labelColumns: Bool = true, columns: [ColumnRule]) {
        self.type = type
        self.labelColumns = labelColumns
        self.titles = titles
        self.titleExcludes = excluding
        self.layout = layout
        self.requirement = requires
        self.columns = columns
    }

    /// How specifically the title names this type: the length of the longest matching
    /// alternative; 0 when it does not match.
    func titleScore(_ normalizedTitle: String) -> Int {
        guard !titleExcludes.contains(where: normalizedTitle.includes) else { return 0 }
        return titles.filter { $0.allSatisfy(normalizedTitle.includes) }
            .map { $0.reduce(0) { $0 + $1.count } }.max() ?? 0
    }
}
