import GongkaiLayout
import GongkaiText

/// The JSON view of the layout stage, printed by `gongkai tables`, and the raw grid kept in
/// the report for tables no recogniser claims.
public enum GridJSON {
    public static func table(_ table: Table) -> JSONValue {
        .object([
            ("title", .string(table.title)),
            ("label", .string(table.label)),
            ("pages", .array(table.pages.map(JSONValue.int))),
            ("unit", .string(table.unit)),
            ("department", .string(table.department)),
            ("method", .string(table.method.rawValue)),
            ("rows", .int(table.grid.rowCount)),
            ("columns", .int(table.grid.columnCount)),
            ("headerRows", .int(table.grid.headerRowCount)),
            ("columnHeaders", .array(table.grid.columnHeaders.map { .array($0.map(JSONValue.string)) })),
            ("grid", grid(table.grid)),
            ("notes", .array(table.notes.map(JSONValue.string))),
        ])
    }

    /// Rows of cells; each cell once, in the row where it starts, with its column and spans.
    public static func grid(_ grid: Grid) -> JSONValue {
        .array((0..<grid.rowCount).map { row in
            .array(grid.cells(startingIn: row).map { cell in
                var members: [(String, JSONValue)] = [("column", .int(cell.column)), ("text", .string(cell.text))]
                if cell.rowSpan > 1 { members.append(("rowSpan", .int(cell.rowSpan))) }
                if cell.columnSpan > 1 { members.append(("columnSpan", .int(cell.columnSpan))) }
                return .object(members)
            })
        })
    }
}

/// The grids as aligned text, to read by eye (`gongkai tables --text`).
public enum GridText {
    public static func render(_ table: Table) -> String {
        var out = "== \(table.title ?? "(untitled)")"
        if let label = table.label { out += "  [\(label)]" }
        out += "  pages \(table.pages.map(String.init).joined(separator: ","))"
        if let unit = table.unit { out += "  单位：\(unit)" }
        out += "  \(table.method.rawValue) \(table.grid.rowCount)×\(table.grid.columnCount), header \(table.grid.headerRowCount)\n"
        if let department = table.department { out += department + "\n" }
        let grid = table.grid
        var matrix = Array(repeating: Array(repeating: "", count: grid.columnCount), count: grid.rowCount)
        for cell in grid.cells {
            for row in cell.row..<(cell.row + cell.rowSpan) {
                for column in cell.column..<(cell.column + cell.columnSpan) {
                    matrix[row][column] = row == cell.row && column == cell.column ? cell.text
                        : (row == cell.row ? "←" : "↑")
                }
            }
        }
        let widths = (0..<grid.columnCount).map { column in
            min(28, matrix.map { displayWidth($0[column]) }.max() ?? 0)
        }
        for (index, row) in matrix.enumerated() {
            if index == grid.headerRowCount, index > 0 {
                out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "-+-") + "\n"
            }
            out += zip(row, widths).map { pad($0, to: $1) }.joined(separator: " | ") + "\n"
        }
        for note in table.notes { out += note + "\n" }
        return out
    }

    /// Columns a string takes in a terminal: two for CJK characters.
    static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x1100 && !(0xFF61...0xFF9F).contains($1.value) ? 2 : 1) }
    }

    static func pad(_ text: String, to width: Int) -> String {
        var clipped = text
        while displayWidth(clipped) > width { clipped.removeLast() }
        return clipped + String(repeating: " ", count: width - displayWidth(clipped))
    }
}
