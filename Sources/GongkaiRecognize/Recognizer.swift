import GongkaiLayout

/// The recognise stage's entry point: each table's type chosen by its title and header (never
/// by its 公开NN number), its columns mapped to canonical keys, its rows typed.
public enum Recognizer {
    public static func recognize(_ tables: [Table]) -> (tables: [RecognizedTable], findings: [Finding]) {
        var recognized: [RecognizedTable] = []
        var findings: [Finding] = []
        for table in tables {
            let (result, tableFindings) = recognize(table, index: recognized.count)
            recognized.append(result)
            findings += tableFindings
        }
        return (recognized, findings)
    }

    /// The spec a table matches best, if any: the highest title score among the specs whose
    /// structural requirement the grid meets.
    static func spec(for table: Table) -> TableSpec? {
        let title = HeaderText.normalize(table.title ?? "")
        let candidates = Catalogue.specs.map { ($0, $0.titleScore(title)) }.filter { $0.1 > 0 }
            .sorted { $0.1 > $1.1 }
        let headerText = table.grid.columnHeaders.flatMap { $0 }.map(HeaderText.normalize)
        for (spec, _) in candidates {
            switch spec.requirement {
            case .none: return spec
            case .codeColumn, .noCodeColumn:
                let roles = ColumnRoles(grid: table.grid, rules: spec.columns, sided: false, headerHint: nil)
                let wantsCode: Bool
                if case .codeColumn = spec.requirement { wantsCode = true } else { wantsCode = false }
                if roles.hasCode == wantsCode { return spec }
            case .headerMentions(let words):
                if headerText.contains(where: { text in words.contains(where: text.contains) }) { return spec }
            case .headerLacks(let words):
                if !headerText.contains(where: { text in words.contains(where: text.contains) }) { return spec }
            }
        }
        return nil
    }

    static func recognize(_ table: Table, index: Int) -> (RecognizedTable, [Finding]) {
        guard let spec = spec(for: table) else {
            return (RecognizedTable(type: .unrecognized, title: table.title, label: table.label, pages: table.pages,
                                    unit: table.unit, columns: [], rows: [], grid: table.grid), [])
        }
        if spec.layout == .form {
            return FormReading.read(table, type: spec.type, index: index)
        }
        let hint = spec.type == .threePublicExpenses ? titleMark(table.title) : nil
        let roles = ColumnRoles(grid: table.grid, rules: spec.columns, sided: spec.layout == .twoSided, headerHint: hint,
                                labelColumns: spec.labelColumns)
        let rows: [Row]
        switch spec.layout {
        case .twoSided: rows = RowReading.twoSided(table.grid, roles: roles)
        case .groups: rows = RowReading.groups(table.grid, roles: roles)
        case .rows, .form: rows = RowReading.rows(table.grid, roles: roles)
        }
        var columns: [Column] = []
        var findings: [Finding] = []
        for (column, key) in roles.valueColumns {
            let section = roles.sections[column]
            let printedKey = key ?? "column_\(column + 1)"
            if key == nil {
                findings.append(unmappedColumn(table: index, column: column, header: roles.headers[column], type: spec.type))
            }
            guard !columns.contains(where: { $0.key == printedKey && $0.section == section }) else { continue }
            columns.append(Column(key: printedKey, header: roles.headers[column], section: section))
        }
        return (RecognizedTable(type: spec.type, title: table.title, label: table.label, pages: table.pages,
                                unit: table.unit, columns: columns, rows: rows), findings)
    }

    /// 预算 or 决算, from a title, for columns whose header does not say which.
    static func titleMark(_ title: String?) -> String? {
        guard let title else { return nil }
        if title.contains("决算") { return "决算" }
        if title.contains("预算") { return "预算" }
        return nil
    }

    static func unmappedColumn(table: Int, column: Int, header: [String], type: TableType) -> Finding {
        let printed = header.joined(separator: "/")
        return Finding(
            check: "recognition.unmapped-column", severity: .warning,
            locations: [Finding.Location(table: table, columns: ["column_\(column + 1)"])],
            messageZH: "第\(column + 1)列（\(printed.isEmpty ? "无表头" : printed)）无法对应到\(type.rawValue)的标准列，按列号保留",
            messageEN: "column \(column + 1) (\(printed.isEmpty ? "no header" : printed)) maps to no canonical column of \(type.rawValue); kept under its position")
    }
}
