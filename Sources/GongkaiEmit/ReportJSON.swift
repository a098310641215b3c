import GongkaiRecognize

/// The JSON contract `gongkai.report/1` (schema/gongkai.report-1.schema.json): a report written
/// with a fixed key order, amounts as exact decimal strings.
public enum ReportJSON {
    public static let schema = "gongkai.report/1"

    public static func document(_ report: Report) -> JSONValue {
        .object([
            ("schema", .string(schema)),
            ("source", .object([
                ("file", .string(report.source.file)),
                ("sha256", .string(report.source.sha256)),
                ("pages", .int(report.source.pages)),
            ])),
            ("report", .object([
                ("title", .string(report.header.title)),
                ("department", .string(report.header.department)),
                ("year", report.header.year.map(JSONValue.int) ?? .null),
                ("kind", .string(report.header.kind?.rawValue)),
            ])),
            ("tables", .array(report.tables.map(table))),
            ("findings", .array(report.findings.map(finding))),
        ])
    }

    public static func table(_ table: RecognizedTable) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("type", .string(table.type.rawValue)),
            ("title", .string(table.title)),
            ("label", .string(table.label)),
            ("pages", .array(table.pages.map(JSONValue.int))),
            ("unit", .string(table.unit)),
            ("columns", .array(table.columns.map { column in
                .object([
                    ("key", .string(column.key)),
                    ("header", .array(column.header.map(JSONValue.string))),
                    ("section", .string(column.section)),
                ])
            })),
            ("rows", .array(table.rows.map(row))),
        ]
        if let fields = table.fields {
            members.append(("fields", .object(fields.map { ($0.0, .string($0.1)) })))
        }
        if let grid = table.grid {
            members.append(("grid", GridJSON.grid(grid)))
        }
        return .object(members)
    }

    public static func row(_ row: Row) -> JSONValue {
        .object([
            ("section", .string(row.section)),
            ("code", .string(row.code)),
            ("level", .string(row.level?.rawValue)),
            ("name", .string(row.name)),
            ("line", row.line.map(JSONValue.int) ?? .null),
            ("cells", .object(row.cells.map { key, value in (key, cell(value)) })),
        ])
    }

    static func cell(_ value: CellValue) -> JSONValue {
        switch value {
        case .amount(let amount): return .string(amount)
        case .notApplicable: return .null
        case .text(let text): return .string(text)
        }
    }

    public static func finding(_ finding: Finding) -> JSONValue {
        .object([
            ("check", .string(finding.check)),
            ("severity", .string(finding.severity.rawValue)),
            ("locations", .array(finding.locations.map { location in
                .object([
                    ("table", .int(location.table)),
                    ("rows", .array(location.rows.map(JSONValue.string))),
                    ("columns", .array(location.columns.map(JSONValue.string))),
                ])
            })),
            ("expected", .string(finding.expected)),
            ("actual", .string(finding.actual)),
            ("difference", .string(finding.difference)),
            ("message", .object([("zh", .string(finding.messageZH)), ("en", .string(finding.messageEN))])),
        ])
    }
}
