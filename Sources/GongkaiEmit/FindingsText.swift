import GongkaiRecognize

/// A report's findings to read: a summary line, then the findings grouped under the table they
/// concern (those spanning tables, or the narrative, at the end), each with its numbers and its
/// message in Chinese and English.
public enum FindingsText {
    public static func render(_ report: Report) -> String {
        var lines = [summary(report)]
        let byTable = Dictionary(grouping: report.findings.filter { tableIndex(of: $0) != nil }) { tableIndex(of: $0)! }
        for index in byTable.keys.sorted() {
            lines.append("")
            lines.append(heading(index, report.tables.indices.contains(index) ? report.tables[index] : nil))
            lines += byTable[index]!.flatMap(describe)
        }
        let others = report.findings.filter { tableIndex(of: $0) == nil }
        if !others.isEmpty {
            lines.append("")
            lines.append("Across tables and in the narrative")
            lines += others.flatMap(describe)
        }
        return lines.joined(separator: "\n")
    }

    static func summary(_ report: Report) -> String {
        let count = { (severity: Finding.Severity) in report.findings.filter { $0.severity == severity }.count }
        let name = report.header.title ?? report.source.file
        return "\(report.source.file): \(name) — \(count(.error)) errors, \(count(.warning)) warnings, \(count(.info)) notes"
            + " in \(report.tables.count) tables"
    }

    /// The one table a finding is about; nil when it names several or none.
    static func tableIndex(of finding: Finding) -> Int? {
        let tables = Set(finding.locations.map(\.table))
        return tables.count == 1 ? tables.first : nil
    }

    static func heading(_ index: Int, _ table: RecognizedTable?) -> String {
        guard let table else { return "Table \(index + 1)" }
        let label = table.label.map { " [\($0)]" } ?? ""
        let pages = table.pages.map(String.init).joined(separator: ",")
        return "Table \(index + 1) 「\(table.title ?? "(untitled)")」\(label) p\(pages) (\(table.type.rawValue))"
    }

    static func describe(_ finding: Finding) -> [String] {
        var place: [String] = []
        let rows = finding.locations.flatMap(\.rows), columns = finding.locations.flatMap(\.columns)
        if !rows.isEmpty { place.append("rows " + rows.joined(separator: ", ")) }
        if !columns.isEmpty { place.append("columns " + columns.joined(separator: ", ")) }
        var lines = ["  \(finding.severity.rawValue) \(finding.check)" + (place.isEmpty ? "" : "  " + place.joined(separator: "; "))]
        let numbers = [("expected", finding.expected), ("printed", finding.actual), ("difference", finding.difference)]
            .compactMap { label, value in value.map { "\(label) \($0)" } }
        if !numbers.isEmpty { lines.append("      " + numbers.joined(separator: "  ")) }
        lines.append("      " + finding.messageZH)
        lines.append("      " + finding.messageEN)
        return lines
    }
}
