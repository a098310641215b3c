import GongkaiText

/// Where a page's table bodies are: ruled frames, and unruled bodies under titles that have no
/// frame beneath them (or at the top of a page, continuing a table from the page before).
enum TableBodies {
    struct Body {
        enum Kind {
            case ruled(RuledGrid.Frame)
            /// The body's text lines, and the horizontal rules among them.
            case text([Int], [Ruling])
        }

        var kind: Kind
        var box: Box

        var method: GridMethod {
            switch kind {
            case .ruled: return .ruled
            case .text(_, let rules): return rules.count >= 2 ? .horizontalRules : .text
            }
        }
    }

    static func find(on context: PageContext, settings: LayoutSettings) -> [Body] {
        let page = context.page
        let frames = RuledGrid.frames(page.rulings, settings: settings)
        let lattices = frames.filter { !$0.vertical.isEmpty }
        var bodies = lattices.map { Body(kind: .ruled($0), box: $0.box) }
        let horizontalRules = page.rulings.filter { $0.orientation == .horizontal }

        // Titles outside every frame, top to bottom.
        let titleLines = page.lines.indices.filter { index in
            let box = page.lines[index].box
            return context.captions[index].title != nil
                && !lattices.contains { $0.box.contains(x: box.midX, y: box.midY) }
        }
        var starts: [Double] = titleLines.map { captionBottom(after: $0, context: context) }
        // An unruled table continued from the previous page starts at the top.
        if let first = page.lines.first, titleLines.first.map({ page.lines[$0].box.y0 > first.box.y0 }) ?? true,
           continuesUnruledTable(context: context, before: titleLines.first.map { page.lines[$0].box.y0 } ?? page.height) {
            starts.insert(first.box.y0 - 1, at: 0)
        }
        let stops = (titleLines.map { page.lines[$0].box.y0 } + lattices.map(\.box.y0)).sorted()
        for start in starts {
            // A frame right under the title (or over the top of the page) is the title's table.
            if lattices.contains(where: { $0.box.y1 > start && $0.box.y0 - start < 6 * 14 }) { continue }
            let stop = stops.first { $0 > start + 1 } ?? page.height
            let lines = TextGrid.regionLines(on: context, from: start, to: stop).filter { index in
                let box = page.lines[index].box
                return !lattices.contains { $0.box.contains(x: box.midX, y: box.midY) }
            }
            guard isTableLike(lines, page: page), let box = Box.enclosing(lines.map { page.lines[$0].box }) else { continue }
            let rules = horizontalRules.filter {
                $0.position >= box.y0 - 4 && $0.position <= box.y1 + 4 && $0.start < box.x1 && $0.end > box.x0
            }
            bodies.append(Body(kind: .text(lines, rules), box: box))
        }
        return bodies.sorted { $0.box.y0 < $1.box.y0 }
    }

    /// Whether text lines hold a table: at least two lines with an amount or a code beside other
    /// text, and no contents-list leaders.
    static func isTableLike(_ lines: [Int], page: Page) -> Bool {
        let rows = lines.filter { index in
            let words = page.lines[index].words
            return words.count >= 2 && words.contains { CellText.isAmount($0.text) || CellText.isCode($0.text) }
        }
        // Contents-list leaders run on ("………", "……"·"……"); a "……" cell marks elided rows.
        let leaders = lines.contains { page.lines[$0].text.contains("………") || page.lines[$0].text.contains("....") }
        return rows.count >= 2 && !leaders
    }

    /// The bottom of a title's caption block: the title line and the label, unit and department
    /// lines right under it.
    static func captionBottom(after titleLine: Int, context: PageContext) -> Double {
        var bottom = context.page.lines[titleLine].box.y1
        for index in context.page.lines.indices where index > titleLine {
            let line = context.page.lines[index]
            let parts = context.captions[index]
            guard parts.title == nil, parts.label != nil || parts.unit != nil || parts.department != nil,
                  line.box.y0 - bottom < 3 * line.box.height else { break }
            bottom = line.box.y1
        }
        return bottom
    }

    /// Whether the page opens with table rows: at least three of its first six lines hold two
    /// amounts or open with a code before other words (the tail of a 基本支出 table continued
    /// with codes and names whose amounts are blank). Prose lines hold amounts too, one at a time.
    static func continuesUnruledTable(context: PageContext, before y: Double) -> Bool {
        let lines = context.page.lines.filter { $0.box.y0 < y }.prefix(6)
        return lines.filter { line in
            line.words.filter { CellText.isAmount($0.text) }.count >= 2
                || (line.words.count >= 2 && line.words.first.map { CellText.isCode($0.text) } == true)
        }.count >= 3
    }
}
