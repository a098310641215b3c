/// What changed between two `gongkai.report/1` documents, table by table and cell by cell:
/// for comparing a golden file with a new extraction, or one year's report with the next.
///
/// Tables are paired by type and title (in order), rows by section, code and name, cells by
/// canonical key. Anything else that differs is reported by its JSON path.
public enum ReportDiff {
    public static func differences(old: JSONValue, new: JSONValue) -> [String] {
        var lines: [String] = []
        for key in ["schema", "source", "report"] {
            lines += pathDifferences(old[key] ?? .null, new[key] ?? .null, path: key)
        }
        lines += tableDifferences(old["tables"]?.arrayValue ?? [], new["tables"]?.arrayValue ?? [])
        lines += findingDifferences(old["findings"]?.arrayValue ?? [], new["findings"]?.arrayValue ?? [])
        return lines
    }

    // MARK: Tables

    static func tableName(_ table: JSONValue, index: Int) -> String {
        let title = table["title"]?.stringValue ?? "(untitled)"
        let pages = (table["pages"]?.arrayValue ?? []).compactMap(\.numberText).joined(separator: ",")
        return "table \(index + 1) \(table["type"]?.stringValue ?? "?") 「\(title)」 p\(pages)"
    }

    static func tableKey(_ table: JSONValue) -> String {
        "\(table["type"]?.stringValue ?? "")|\(table["title"]?.stringValue ?? "")"
    }

    static func tableDifferences(_ old: [JSONValue], _ new: [JSONValue]) -> [String] {
        var lines: [String] = []
        var unmatchedNew = Array(new.indices)
        for (oldIndex, oldTable) in old.enumerated() {
            guard let position = unmatchedNew.firstIndex(where: { tableKey(new[$0]) == tableKey(oldTable) }) else {
                lines.append("- \(tableName(oldTable, index: oldIndex)): missing from the new output")
                continue
            }
            let newIndex = unmatchedNew.remove(at: position)
            let name = tableName(new[newIndex], index: newIndex)
            var tableLines: [String] = []
            for key in ["label", "pages", "unit", "columns", "fields", "grid"] {
                tableLines += pathDifferences(oldTable[key] ?? .null, new[newIndex][key] ?? .null, path: key)
            }
            tableLines += rowDifferences(oldTable["rows"]?.arrayValue ?? [], new[newIndex]["rows"]?.arrayValue ?? [])
            if !tableLines.isEmpty { lines += ["~ \(name)"] + tableLines.map { "    " + $0 } }
        }
        for index in unmatchedNew { lines.append("+ \(tableName(new[index], index: index)): new in the new output") }
        return lines
    }

    // MARK: Rows

    static func rowName(_ row: JSONValue) -> String {
        var parts: [String] = []
        if let section = row["section"]?.stringValue { parts.append("[\(section)]") }
        if let code = row["code"]?.stringValue { parts.append(code) }
        if let name = row["name"]?.stringValue { parts.append(name) }
        if let line = row["line"]?.numberText { parts.append("行次\(line)") }
        return parts.isEmpty ? "(unlabelled row)" : parts.joined(separator: " ")
    }

    /// Rows keyed by their label, repeated labels told apart by their order.
    static func keyedRows(_ rows: [JSONValue]) -> [(key: String, row: JSONValue)] {
        var seen: [String: Int] = [:]
        return rows.map { row in
            let label = rowName(row)
            let count = seen[label, default: 0]
            seen[label] = count + 1
            return ("\(label)#\(count)", row)
        }
    }

    static func rowDifferences(_ old: [JSONValue], _ new: [JSONValue]) -> [String] {
        let oldRows = keyedRows(old), newRows = keyedRows(new)
        var lines: [String] = []
        for (key, oldRow) in oldRows {
            guard let newRow = newRows.first(where: { $0.key == key })?.row else {
                lines.append("- row \(rowName(oldRow)): missing \(cellsText(oldRow))")
                continue
            }
            let oldCells = oldRow["cells"]?.objectValue ?? [], newCells = newRow["cells"]?.objectValue ?? []
            for (cell, value) in oldCells {
                if let other = newCells.first(where: { $0.0 == cell })?.1 {
                    if other != value { lines.append("~ row \(rowName(oldRow)): \(cell) \(value.display) → \(other.display)") }
                } else {
                    lines.append("- row \(rowName(oldRow)): \(cell) \(value.display) missing")
                }
            }
            for (cell, value) in newCells where !oldCells.contains(where: { $0.0 == cell }) {
                lines.append("+ row \(rowName(oldRow)): \(cell) \(value.display) new")
            }
            if oldRow["level"] != newRow["level"] {
                lines.append("~ row \(rowName(oldRow)): level \((oldRow["level"] ?? .null).display) → \((newRow["level"] ?? .null).display)")
            }
        }
        for (key, newRow) in newRows where !oldRows.contains(where: { $0.key == key }) {
            lines.append("+ row \(rowName(newRow)): new \(cellsText(newRow))")
        }
        return lines
    }

    static func cellsText(_ row: JSONValue) -> String {
        let cells = row["cells"]?.objectValue ?? []
        return "{" + cells.map { "\($0.0): \($0.1.display)" }.joined(separator: ", ") + "}"
    }

    // MARK: Findings

    static func findingDifferences(_ old: [JSONValue], _ new: [JSONValue]) -> [String] {
        let describe = { (finding: JSONValue) in
            "\(finding["severity"]?.stringValue ?? "?") \(finding["check"]?.stringValue ?? "?"): \(finding["message"]?["en"]?.stringValue ?? "")"
        }
        let oldTexts = old.map(describe), newTexts = new.map(describe)
        var remaining = newTexts
        var lines: [String] = []
        for text in oldTexts {
            if let index = remaining.firstIndex(of: text) { remaining.remove(at: index) } else { lines.append("- finding \(text)") }
        }
        lines += remaining.map { "+ finding \($0)" }
        return lines
    }

    // MARK: Anything else

    /// Differences between two values by JSON path.
    static func pathDifferences(_ old: JSONValue, _ new: JSONValue, path: String) -> [String] {
        guard old != new else { return [] }
        switch (old, new) {
        case let (.object(a), .object(b)):
            var lines: [String] = []
            for (key, value) in a {
                lines += pathDifferences(value, b.first { $0.0 == key }?.1 ?? .null, path: "\(path).\(key)")
            }
            for (key, value) in b where !a.contains(where: { $0.0 == key }) {
                lines += pathDifferences(.null, value, path: "\(path).\(key)")
            }
            return lines
        case let (.array(a), .array(b)) where a.count == b.count:
            return zip(a, b).enumerated().flatMap { index, pair in pathDifferences(pair.0, pair.1, path: "\(path)[\(index)]") }
        default:
            return ["~ \(path): \(old.display) → \(new.display)"]
        }
    }
}

extension JSONValue {
    /// The value in one line, for messages.
    var display: String {
        let text = serialized(pretty: false)
        return text.count > 120 ? String(text.prefix(117)) + "…" : text
    }
}
