import CPoppler

/// Reads a page's glyphs from poppler-glib: the page text, one layout rectangle per character
/// of that text, and the font runs over it. All three come from one cached poppler TextPage.
enum GlyphReader {
    static func glyphs(of page: OpaquePointer) -> [Glyph] {
        guard let rawText = poppler_page_get_text(page) else { return [] }
        defer { g_free(rawText) }
        var rectangles: UnsafeMutablePointer<PopplerRectangle>?
        var rectangleCount: guint = 0
        guard poppler_page_get_text_layout(page, &rectangles, &rectangleCount) != 0, let rectangles else { return [] }
        defer { g_free(rectangles) }
        let fonts = fontRuns(of: page)

        var glyphs: [Glyph] = []
        glyphs.reserveCapacity(Int(rectangleCount))
        var fontIndex = 0
        // The rectangles match the text's characters one to one (newlines included).
        for (index, scalar) in String(cString: rawText).unicodeScalars.enumerated() {
            guard index < Int(rectangleCount) else { break }
            if scalar == "\n" || scalar == "\r" { continue }
            while fontIndex + 1 < fonts.count, fonts[fontIndex].end < index { fontIndex += 1 }
            let font = fonts.isEmpty ? FontRun.unknown : fonts[fontIndex]
            let rect = rectangles[index]
            glyphs.append(Glyph(
                character: Character(scalar),
                box: Box(x0: rect.x1, y0: rect.y1, x1: rect.x2, y1: rect.y2),
                font: font.name, fontSize: font.size))
        }
        return glyphs
    }

    private struct FontRun {
        var name: String
        var size: Double
        var start: Int
        var end: Int
        static let unknown = FontRun(name: "", size: 0, start: 0, end: Int.max)
    }

    /// The font runs over the page text, in order of their character ranges.
    private static func fontRuns(of page: OpaquePointer) -> [FontRun] {
        guard let list = poppler_page_get_text_attributes(page) else { return [] }
        defer { poppler_page_free_text_attributes(list) }
        var runs: [FontRun] = []
        var node: UnsafeMutablePointer<GList>? = list
        while let current = node {
            if let attributes = current.pointee.data?.assumingMemoryBound(to: PopplerTextAttributes.self).pointee {
                runs.append(FontRun(
                    name: attributes.font_name.map { String(cString: $0) } ?? "",
                    size: attributes.font_size,
                    start: Int(attributes.start_index), end: Int(attributes.end_index)))
            }
            node = current.pointee.next
        }
        return runs.sorted { $0.start < $1.start }
    }
}
