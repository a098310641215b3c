import GongkaiText

/// The JSON view of the text stage, printed by `gongkai pages` for debugging and tests.
public enum PageJSON {
    public static func document(file: String, sha256: String, pageCount: Int, pages: [Page], glyphs: Bool) -> JSONValue {
        .object([
            ("file", .string(file)),
            ("sha256", .string(sha256)),
            ("pageCount", .int(pageCount)),
            ("pages", .array(pages.map { page($0, glyphs: glyphs) })),
        ])
    }

    public static func page(_ page: Page, glyphs: Bool) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("number", .int(page.number)),
            ("width", .points(page.width)),
            ("height", .points(page.height)),
            ("rotation", .string(page.rotation.rawValue)),
            ("lines", .array(page.lines.map(line))),
            ("rulings", .array(page.rulings.map(ruling))),
        ]
        if glyphs { members.append(("glyphs", .array(page.glyphs.map(glyph)))) }
        return .object(members)
    }

    public static func box(_ box: Box) -> JSONValue {
        .array([.points(box.x0), .points(box.y0), .points(box.x1), .points(box.y1)])
    }

    static func line(_ line: TextLine) -> JSONValue {
        .object([
            ("text", .string(line.text)),
            ("box", box(line.box)),
            ("words", .array(line.words.map { .object([("text", .string($0.text)), ("box", box($0.box))]) })),
        ])
    }

    static func ruling(_ ruling: Ruling) -> JSONValue {
        .object([
            ("orientation", .string(ruling.orientation.rawValue)),
            ("position", .points(ruling.position)),
            ("start", .points(ruling.start)),
            ("end", .points(ruling.end)),
            ("thickness", .points(ruling.thickness)),
        ])
    }

    static func glyph(_ glyph: Glyph) -> JSONValue {
        .object([
            ("char", .string(String(glyph.character))),
            ("box", box(glyph.box)),
            ("font", .string(glyph.font)),
            ("size", .points(glyph.fontSize)),
        ])
    }
}
