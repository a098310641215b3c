import GongkaiLayout
import GongkaiRecognize

/// Reads a `gongkai.report/1` document back into the model, so that a saved extraction can be
/// validated again or compared without the PDF. The raw grids of unrecognised tables are not
/// read back: no check uses them.
public enum ReportReader {
    public struct Invalid: Error, CustomStringConvertible {
        public var description: String
    }

    public static func report(from json: JSONValue) throws(Invalid) -> Report {
        guard json["schema"]?.stringValue == ReportJSON.schema else {
            throw Invalid(description: "not a \(ReportJSON.schema) document (no \"schema\": \"\(ReportJSON.schema)\")")
        }
        let source = json["source"]
        let header = json["report"]
        let tables = try (json["tables"]?.arrayValue ?? []).enumerated().map { index, value throws(Invalid) in
            try table(value, index: index)
        }
        return Report(
            source: Source(file: source?["file"]?.stringValue ?? "", sha256: source?["sha256"]?.stringValue ?? "",
                           pages: source?["pages"]?.intValue ?? 0),
            header: ReportHeader(title: header?["title"]?.stringValue, department: header?["department"]?.stringValue,
                                 year: header?["year"]?.intValue,
                                 kind: header?["kind"]?.stringValue.flatMap(ReportKind.init(rawValue:))),
            tables: tables,
            findings: (json["findings"]?.arrayValue ?? []).compactMap(finding))
    }

    static func table(_ json: JSONValue, index: Int) throws(Invalid) -> RecognizedTable {
        guard let typeName = json["type"]?.stringValue, let type = TableType(rawValue: typeName) else {
            throw Invalid(description: "table \(index + 1) has no known type")
        }
        let columns = (json["columns"]?.arrayValue ?? []).map { column in
            Column(key: column["key"]?.stringValue ?? "", header: (column["header"]?.arrayValue ?? []).compactMap(\.stringValue),
                   section: column["section"]?.stringValue)
        }
        return RecognizedTable(
            type: type, title: json["title"]?.stringValue, label: json["label"]?.stringValue,
            pages: (json["pages"]?.arrayValue ?? []).compactMap(\.intValue), unit: json["unit"]?.stringValue,
            columns: columns, rows: (json["rows"]?.arrayValue ?? []).map(row),
            fields: json["fields"]?.objectValue?.map { ($0.0, $0.1.stringValue ?? "") })
    }

    static func row(_ json: JSONValue) -> Row {
        Row(section: json["section"]?.stringValue, code: json["code"]?.stringValue,
            level: json["level"]?.stringValue.flatMap(CodeLevel.init(rawValue:)), name: json["name"]?.stringValue,
            line: json["line"]?.intValue,
            cells: (json["cells"]?.objectValue ?? []).compactMap { key, value in
                // null is "—" (not applicable); a string is an amount when it is one as written
                // (amounts are written plain), and text otherwise ("100.0 0" in a form stays text).
                if value == .null { return (key, .notApplicable) }
                guard let text = value.stringValue else { return nil }
                return (key, CellText.amount(text) == text ? .amount(text) : .text(text))
            })
    }

    static func finding(_ json: JSONValue) -> Finding? {
        guard let check = json["check"]?.stringValue,
              let severity = json["severity"]?.stringValue.flatMap(Finding.Severity.init(rawValue:)) else { return nil }
        let locations = (json["locations"]?.arrayValue ?? []).map { location in
            Finding.Location(table: location["table"]?.intValue ?? 0,
                             rows: (location["rows"]?.arrayValue ?? []).compactMap(\.stringValue),
                             columns: (location["columns"]?.arrayValue ?? []).compactMap(\.stringValue))
        }
        return Finding(check: check, severity: severity, locations: locations,
                       expected: json["expected"]?.stringValue, actual: json["actual"]?.stringValue,
                       difference: json["difference"]?.stringValue,
                       messageZH: json["message"]?["zh"]?.stringValue ?? "", messageEN: json["message"]?["en"]?.stringValue ?? "")
    }
}
