import GongkaiLayout

/// What each column of a grid holds: a row label (code, a 类/款/项 part, name, 行次) or values
/// under a canonical key; and, for two-sided tables, which side it is on.
struct ColumnRoles {
    enum Role: Equatable {
        case code
        case codePart
        case name
        case line
        case value(key: String?)
        case ignored
    }

    var roles: [Role]
    var headers: [[String]]
    /// The side of each column ("收入", "支出", "支出/功能分类"), nil for one-sided tables.
    var sections: [String?]

    init(grid: Grid, rules: [ColumnRule], sided: Bool, headerHint: String?, labelColumns: Bool = true) {
        headers = grid.columnHeaders
        let normalized = Self.withHalfMarkers(headers.map { $0.map(HeaderText.normalize) })
        sections = normalized.map { sided ? Self.section(of: $0) : nil }
        if sided { sections = Self.propagated(sections) }
        let lookup = grid.lookup
        let bodyTexts = (0..<grid.columnCount).map { column in
            (grid.headerRowCount..<grid.rowCount).compactMap { lookup[$0, column: column] }
                .filter { $0.column == column }.map(\.text).filter { !$0.isEmpty }
        }
        roles = normalized.indices.map { column in
            let own = normalized[column]
            if labelColumns, let role = Self.labelRole(own, body: bodyTexts[column]) { return role }
            // A hint from the title (预算/决算) for headers that do not say which.
            let saysWhich = own.contains { $0.includes("预算") || $0.includes("决算") }
            let path = headerHint.map { saysWhich ? own : [$0] + own } ?? own
            if path.isEmpty || own.isEmpty {
                return bodyTexts[column].isEmpty ? .ignored : .value(key: nil)
            }
            return .value(key: ColumnRule.key(for: path, in: rules))
        }
        if sided { sections = Self.sectionsOfItems(sections, roles: roles) }
        roles = Self.withoutRepeatedKeys(roles, sections: sections)
    }

    /// A key names one column of a side, or of a group of columns behind a code column (人员经费
    /// | 公用经费 side by side, each with its 决算数): a second column the rules give the same
    /// key there (a header read wrong, a template printing a column twice) is kept under its
    /// position, so a row never holds one key twice.
    static func withoutRepeatedKeys(_ roles: [Role], sections: [String?]) -> [Role] {
        var seen: Set<String> = []
        var group = 0
        return roles.indices.map { column in
            if roles[column] == .code { group += 1 }
            guard case .value(let key?) = roles[column] else { return roles[column] }
            let (inserted, _) = seen.insert("\(group)|\(sections[column] ?? "")|\(key)")
            return inserted ? roles[column] : .value(key: nil)
        }
    }

    /// A header printed twice side by side, 预算数 over the first copy and 决算数 over the
    /// second (三公经费), where the banner was read over one column of each copy only (an
    /// unruled header): every column of a copy takes its copy's banner.
    static func withHalfMarkers(_ headers: [[String]]) -> [[String]] {
        let half = headers.count / 2
        guard half > 1, headers.count == half * 2 else { return headers }
        let isMarker = { (text: String) in text.includes("预算") || text.includes("决算") }
        let stripped = headers.map { $0.filter { !isMarker($0) } }
        guard Array(stripped[..<half]) == Array(stripped[half...]) else { return headers }
        let marker = { (range: Range<Int>) -> String? in
            let markers = Set(range.flatMap { headers[$0].filter(isMarker) })
            return markers.count == 1 ? markers.first : nil
        }
        guard let first = marker(0..<half), let second = marker(half..<headers.count), first != second else { return headers }
        return headers.indices.map { column in
            headers[column].contains(where: isMarker) ? headers[column] : [column < half ? first : second] + headers[column]
        }
    }

    /// On a two-sided table each side's item column opens a section that its amount columns
    /// belong to, whatever the spanning header above says (a template can draw 支出用途 over the
    /// 功能分类 amounts): a value column takes the section of the nearest item column to its
    /// left on the same side.
    static func sectionsOfItems(_ sections: [String?], roles: [Role]) -> [String?] {
        var result = sections
        var current: (side: String, section: String?)?
        for column in sections.indices {
            let side = sections[column].map { String($0.prefix(2)) }
            if roles[column] == .name {
                current = side.map { ($0, sections[column]) }
            } else if case .value = roles[column], let current, current.side == side {
                result[column] = current.section
            }
        }
        return result
    }

    /// A label column by its header (编码, 类/款/项, 名称, 项目, 行次) or, without a header,
    /// by its body (mostly codes).
    static func labelRole(_ header: [String], body: [String]) -> Role? {
        let leaf = header.last ?? ""
        if ["类", "款", "项"].contains(leaf) { return .codePart }
        if leaf.includes("行次") { return .line }
        // Any level may say it: a template can print a row label (合计) in the header's last row.
        if header.contains(where: { $0.includes("编码") || $0.includes("代码") }) { return .code }
        if header.contains(where: { $0.includes("名称") || ["项目", "科目", "项目名称"].contains($0)
            || $0.hasPrefix("项目(") }) { return .name }
        let codes = body.filter { CellText.isCode($0) }.count
        if !body.isEmpty, codes * 2 > body.count { return .code }
        // A column without a header of its own holding text, not amounts, labels rows too.
        let amounts = body.filter { CellText.isAmount($0) || CellText.isNotApplicable($0) }.count
        if header.isEmpty || header.allSatisfy(\.isEmpty), !body.isEmpty, amounts * 2 < body.count { return .name }
        return nil
    }

    /// The side a column is on, from the header above its own: 收入 / 支出, refined by a middle
    /// level (功能分类, 支出用途) when there is one.
    static func section(of header: [String]) -> String? {
        guard header.count >= 2 else { return nil }
        let top = header[0]
        let side: String
        if top.includes("收入") { side = "收入" } else if top.includes("支出") { side = "支出" } else { return nil }
        let middle = header.dropFirst().dropLast().filter { !$0.includes("收入") && !$0.includes("支出") || $0.includes("用途") }
        return middle.isEmpty ? side : ([side] + middle).joined(separator: "/")
    }

    /// A column whose header names no side takes the side of the nearest column on its left
    /// that does (a side's 行次 and 金额 printed without the spanning 收入 / 支出 over them).
    static func propagated(_ sections: [String?]) -> [String?] {
        var current: String?
        return sections.map { section in
            if let section { current = section }
            return current
        }
    }

    var hasCode: Bool { roles.contains { $0 == .code || $0 == .codePart } }

    /// The columns that hold values, with their keys (nil: not mapped).
    var valueColumns: [(column: Int, key: String?)] {
        roles.enumerated().compactMap { column, role in
            if case .value(let key) = role { return (column, key) }
            return nil
        }
    }
}
