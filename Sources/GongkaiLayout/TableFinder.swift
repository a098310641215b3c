import GongkaiText

/// The layout stage's entry point: every table of a document, from its pages' glyphs and
/// rulings, with captions attached and tables broken across pages stitched back together.
public enum TableFinder {
    public static func tables(in pages: [Page], settings: LayoutSettings = .default) -> [Table] {
        var perPage = pages.map { PageTables.tables(on: $0, settings: settings) }
        // A title left at the foot of a page names the untitled table that opens the next.
        for index in perPage.indices.dropFirst() {
            guard let caption = perPage[index - 1].danglingCaption, var first = perPage[index].tables.first,
                  !first.hasTitle else { continue }
            first.table.title = caption.title
            first.table.pages.insert(pages[index - 1].number, at: 0)
            first.table.label = first.table.label ?? caption.label
            first.table.unit = first.table.unit ?? caption.unit
            first.table.department = first.table.department ?? caption.department
            first.hasTitle = true
            perPage[index].tables[0] = first
        }
        return Stitching.stitch(perPage.map(\.tables), pages: pages, settings: settings)
    }
}

/// The tables found on one page, before stitching.
struct PageTable {
    var table: Table
    /// Whether the table had its own title on this page (a continuation has none).
    var hasTitle: Bool
    /// Whether something closes the table on this page: a footnote, or text below it.
    var closedOnPage: Bool
}

/// Finds the tables of one page.
enum PageTables {
    struct Result {
        var tables: [PageTable]
        /// A caption below the page's last table with no table under it.
        var danglingCaption: Captions.Parts?
    }

    static func tables(on page: Page, settings: LayoutSettings) -> Result {
        let context = PageContext(page: page)
        let bodies = TableBodies.find(on: context, settings: settings)
        var result: [PageTable] = []
        var claimedLines = Set<Int>()
        var previousBottom = 0.0
        for body in bodies {
            let grid: Grid
            switch body.kind {
            case .ruled(let frame):
                grid = RuledGrid.grid(of: frame, glyphs: page.glyphs, lineOfGlyph: context.lineOfGlyph,
                                      page: page.number, settings: settings)
            case .text(let lines, let rules):
                grid = TextGrid.grid(lineIndices: lines, context: context, horizontalRulings: rules, settings: settings)
            }
            guard grid.cells.contains(where: { !$0.text.isEmpty }) else { continue }
            var table = Table(pages: [page.number], title: nil, label: nil, unit: nil, department: nil, notes: [],
                              grid: grid, method: body.method, box: body.box)
            // A text grid knows its header (the lines above the first body row); a ruled grid's
            // rows must be read to tell.
            if case .ruled = body.kind { table.grid.headerRowCount = HeaderSplit.headerRowCount(grid) }
            let captionLines = context.lines(between: previousBottom, and: body.box.y0, horizontallyNear: body.box)
                .filter { !claimedLines.contains($0) }
            let hasTitle = attachCaptions(captionLines, context: context, to: &table)
            claimedLines.formUnion(captionLines)
            let noteLines = context.noteLines(below: body.box)
            table.notes = context.notes(noteLines)
            claimedLines.formUnion(noteLines)
            let closed = !noteLines.isEmpty || context.hasText(below: body.box.y1 + 2)
            result.append(PageTable(table: table, hasTitle: hasTitle, closedOnPage: closed))
            previousBottom = noteLines.last.map { context.page.lines[$0].box.y1 } ?? body.box.y1
        }
        return Result(tables: result, danglingCaption: danglingCaption(in: context, below: previousBottom))
    }

    /// Reads the caption lines above a table (title, label, unit, department); the title nearest
    /// the grid wins, an earlier title-like line being a heading over several tables.
    /// Returns whether a title was found.
    static func attachCaptions(_ lineIndices: [Int], context: PageContext, to table: inout Table) -> Bool {
        let lines = lineIndices.map { context.page.lines[$0] }
        for parts in captionParts(lineIndices, context: context) {
            if let title = parts.title { table.title = title }
            if let label = parts.label { table.label = label }
            if let unit = parts.unit { table.unit = unit }
            if let department = parts.department { table.department = department }
        }
        // A unit wrapped in a narrow box: "单位：万" on one line, "元" right under it.
        if table.unit == nil {
            table.unit = zip(lines, lines.dropFirst()).lazy.compactMap { line, next -> String? in
                guard let last = line.words.last else { return nil }
                let under = next.words.filter { $0.box.horizontalOverlap(last.box) > 0 }.map(\.text).joined()
                return Captions.parts(of: last.text + under).unit
            }.first
        }
        return table.title != nil
    }

    /// The caption parts of consecutive lines; a title wrapped onto a second line
    /// ("“三公”经费、会议费、培训费支出预算" / "表") is read as one.
    static func captionParts(_ indices: [Int], context: PageContext) -> [Captions.Parts] {
        let lines = indices.map { context.page.lines[$0] }
        var result: [Captions.Parts] = []
        var index = 0
        while index < lines.count {
            let parts = context.captions[indices[index]]
            // A title's second half ends it: only a next line ending a title can complete one.
            if parts.title == nil, parts.unit == nil, parts.department == nil, index + 1 < lines.count,
               lines[index + 1].words.last.map({ $0.text.contains("表") || $0.text.contains("评") || $0.text.contains("况") }) ?? false {
                let joined = Captions.parts(of: lines[index].compactText + lines[index + 1].compactText)
                // "附件" over a title is not part of it; a title's second half ("表") alone is no title.
                let secondIsTitle = context.captions[indices[index + 1]].title != nil
                // A heading that ends in 表 over a title (…年度部门决算表 / 收入支出决算总表) is a part
                // heading, not the title's first half.
                let first = lines[index].compactText
                if joined.title != nil, lines[index + 1].box.y0 - lines[index].box.y1 < lines[index].box.height,
                   !secondIsTitle || (first.count >= 5 && !first.hasSuffix("表")) {
                    result.append(joined)
                    index += 2
                    continue
                }
            }
            result.append(parts)
            index += 1
        }
        return result
    }

    /// A title left at the foot of a page with no table under it: its table starts on the next
    /// page.
    static func danglingCaption(in context: PageContext, below y: Double) -> Captions.Parts? {
        let page = context.page
        let lines = page.lines.indices.filter {
            page.lines[$0].box.y0 > y && !PageContext.isPageNumber(page.lines[$0], pageHeight: page.height)
        }
        var caption = Captions.Parts()
        for parts in captionParts(lines, context: context) {
            if let title = parts.title { caption.title = title }
            if let label = parts.label { caption.label = label }
            if let unit = parts.unit { caption.unit = unit }
            if let department = parts.department { caption.department = department }
        }
        return caption.title == nil ? nil : caption
    }
}

/// A page with lookups the finders share.
struct PageContext {
    let page: Page
    /// `lineOfGlyph[i]`: the index of the text line holding glyph `i` (-1 for white space).
    let lineOfGlyph: [Int]

    /// The caption parts of each text line, read once.
    let captions: [Captions.Parts]

    init(page: Page) {
        self.page = page
        captions = page.lines.map { Captions.parts(of: $0.text) }
        var lineOfGlyph = Array(repeating: -1, count: page.glyphs.count)
        for (lineIndex, line) in page.lines.enumerated() {
            for word in line.words { for glyph in word.glyphIndices { lineOfGlyph[glyph] = lineIndex } }
        }
        self.lineOfGlyph = lineOfGlyph
    }

    /// Lines whose middle lies between `top` and `bottom` and that overlap `box` horizontally
    /// (or lie within its width's reach), top to bottom.
    func lines(between top: Double, and bottom: Double, horizontallyNear box: Box) -> [Int] {
        page.lines.indices.filter { index in
            let line = page.lines[index].box
            return line.midY > top && line.midY < bottom && line.x1 > box.x0 - 20 && line.x0 < box.x1 + 20
        }
    }

    /// The footnote lines right below `box`: a line opening with 注/备注/说明 and the lines
    /// that follow it closely.
    func noteLines(below box: Box) -> [Int] {
        let below = page.lines.indices.filter { page.lines[$0].box.midY > box.y1 }
        guard let first = below.first, page.lines[first].box.y0 - box.y1 < 3 * max(page.lines[first].box.height, 10),
              Captions.opensNote(page.lines[first].text) else { return [] }
        var result = [first]
        for index in below.dropFirst() {
            let gap = page.lines[index].box.y0 - page.lines[result.last!].box.y1
            guard gap < 1.2 * page.lines[index].box.height, captions[index].title == nil else { break }
            result.append(index)
        }
        return result
    }

    /// The footnote texts: a new note at each line opening with a note marker or a number.
    func notes(_ lineIndices: [Int]) -> [String] {
        var notes: [String] = []
        for index in lineIndices {
            let text = page.lines[index].compactText
            let opensNumbered = text.first.map { $0.isASCIIDigit } == true && CellText.hasOrdinal(text)
            if notes.isEmpty || opensNumbered || Captions.opensNote(text) {
                notes.append(text)
            } else {
                notes[notes.count - 1] += text
            }
        }
        return notes
    }

    /// Whether any text line starts below `y` (page numbers in the bottom margin aside).
    func hasText(below y: Double) -> Bool {
        page.lines.contains { $0.box.y0 > y && !isPageNumber($0) }
    }

    func isPageNumber(_ line: TextLine) -> Bool { Self.isPageNumber(line, pageHeight: page.height) }

    /// A page number in the bottom margin ("17", "- 3 -", "第3页").
    static func isPageNumber(_ line: TextLine, pageHeight: Double) -> Bool {
        let text = line.compactText.trimmingCharacters(in: ["-", "—", " ", "第", "页"])
        return line.box.y0 > pageHeight * 0.88 && !text.isEmpty && text.allSatisfy(\.isASCIIDigit)
    }
}

extension String {
    func trimmingCharacters(in set: Set<Character>) -> String {
        var characters = Substring(self)
        while let first = characters.first, set.contains(first) { characters = characters.dropFirst() }
        while let last = characters.last, set.contains(last) { characters = characters.dropLast() }
        return String(characters)
    }
}
