import Testing
@testable import GongkaiLayout
@testable import GongkaiText

/// Tables without rulings: columns from the gutters, rows from codes and amounts.
struct TextGridTests {
    static func glyphs(_ text: String, x: Double, y: Double) -> [Glyph] {
        text.enumerated().map { index, character in
            let width = character.isASCII ? 5.5 : 10
            return Glyph(character: character, box: Box(x0: x + Double(index) * width, y0: y, x1: x + Double(index) * width + width, y1: y + 10),
                         font: "SimSun", fontSize: 10)
        }
    }

    /// 科目编码 | 科目名称 | 合计, where a code is centred beside a three-line name and a
    /// two-line name wraps under its code.
    static func page() -> Page {
        var glyphs = Self.glyphs("科目编码", x: 20, y: 100) + Self.glyphs("科目名称", x: 120, y: 100) + Self.glyphs("合计", x: 260, y: 100)
        glyphs += Self.glyphs("208", x: 20, y: 120) + Self.glyphs("社会保障和就业支出", x: 100, y: 120) + Self.glyphs("100.00", x: 255, y: 120)
        // Three-line name; code and amount on its middle line.
        glyphs += Self.glyphs("机关事业单位基", x: 100, y: 140)
        glyphs += Self.glyphs("2080505", x: 20, y: 152) + Self.glyphs("本养老保险缴费", x: 100, y: 152) + Self.glyphs("60.00", x: 260.5, y: 152)
        glyphs += Self.glyphs("支出", x: 100, y: 164)
        // Two-line name wrapping below its code.
        glyphs += Self.glyphs("2080506", x: 20, y: 184) + Self.glyphs("机关事业单位职业", x: 100, y: 184) + Self.glyphs("40.00", x: 260.5, y: 184)
        glyphs += Self.glyphs("年金缴费支出", x: 100, y: 196)
        let lines = LineGrouping.lines(from: glyphs, settings: .default)
        return Page(number: 1, width: 400, height: 300, rotation: .none, glyphs: glyphs, lines: lines, rulings: [])
    }

    @Test func rowsAndColumnsFromText() {
        let page = Self.page()
        let context = PageContext(page: page)
        let grid = TextGrid.grid(lineIndices: Array(page.lines.indices), context: context, horizontalRulings: [], settings: .default)
        #expect(grid.columnCount == 3)
        #expect(grid.headerRowCount == 1)
        #expect(grid.matrix == [
            ["科目编码", "科目名称", "合计"],
            ["208", "社会保障和就业支出", "100.00"],
            ["2080505", "机关事业单位基本养老保险缴费支出", "60.00"],
            ["2080506", "机关事业单位职业年金缴费支出", "40.00"],
        ])
    }

    @Test func aColumnNumberLineIsNoBodyRow() {
        let line = TextLine(words: ["栏次", "1", "2", "3"].map { Word(text: $0, box: Box(x0: 0, y0: 0, x1: 1, y1: 1), glyphIndices: []) },
                            box: Box(x0: 0, y0: 0, x1: 1, y1: 1))
        #expect(!TextGrid.isAnchor(line))
        let header = TextLine(words: ["功能分类科目编码", "合计", "小计", "基本支出"].map { Word(text: $0, box: Box(x0: 0, y0: 0, x1: 1, y1: 1), glyphIndices: []) },
                              box: Box(x0: 0, y0: 0, x1: 1, y1: 1))
        #expect(!TextGrid.isAnchor(header))
        let numbers = { (texts: [String]) in
            TextLine(words: texts.map { Word(text: $0, box: Box(x0: 0, y0: 0, x1: 1, y1: 1), glyphIndices: []) }, box: Box(x0: 0, y0: 0, x1: 1, y1: 1))
        }
        #expect(!TextGrid.isAnchor(numbers(["1", "2", "3", "4"])))
        // 000-gz-2020-plain p7: the 行次 of a row whose label wraps round them opens that row.
        #expect(TextGrid.isAnchor(numbers(["12", "26"])))
        #expect(TextGrid.isAnchor(numbers(["9"])))
    }

    /// 001-gy-2024-hrules p10: an amount set against the next group's code reads as one word.
    @Test func anAmountGluedToACodeIsParted() {
        #expect(TextGrid.amountPrefix("2,483.58302") == 8)
        #expect(TextGrid.amountPrefix("0.5131001") == 4)
        #expect(TextGrid.amountPrefix("14,901.58一、一般公共服务支出") == 9)
        #expect(TextGrid.amountPrefix("2,483.5830") == nil)
        #expect(TextGrid.amountPrefix("2080505") == nil)
    }

    /// 001-gy-2024-hrules p7: 一、一般公共预算财政拨 / (1 4,627.11 …) / 款, the label wrapped
    /// round its row's amount line, is one row.
    @Test func aLabelWrappedRoundItsAmountLineIsOneRow() {
        var glyphs = Self.glyphs("项目", x: 20, y: 100) + Self.glyphs("行次", x: 150, y: 100) + Self.glyphs("金额", x: 200, y: 100)
        glyphs += Self.glyphs("一、一般公共预算财政拨", x: 20, y: 120)
        glyphs += Self.glyphs("1", x: 155, y: 126) + Self.glyphs("4,627.11", x: 195, y: 126)
        glyphs += Self.glyphs("款", x: 20, y: 132)
        glyphs += Self.glyphs("二、外交支出", x: 20, y: 150) + Self.glyphs("2", x: 155, y: 150) + Self.glyphs("0.00", x: 205, y: 150)
        let page = Page(number: 1, width: 400, height: 300, rotation: .none, glyphs: glyphs,
                        lines: LineGrouping.lines(from: glyphs, settings: .default), rulings: [])
        let grid = TextGrid.grid(lineIndices: Array(page.lines.indices), context: PageContext(page: page), horizontalRulings: [],
                                 settings: .default)
        #expect(grid.matrix == [
            ["项目", "行次", "金额"],
            ["一、一般公共预算财政拨款", "1", "4,627.11"],
            ["二、外交支出", "2", "0.00"],
        ])
    }

    /// 001-gy-2024-hrules p4: one-line column names (事业收入 经营收入 其他收入) set on a line of
    /// their own between the halves of their wrapped neighbours all end in 收入, but they are
    /// columns, not the two sides of a summary; every name stays over its own column.
    @Test func columnNamesEndingIn收入AreNotSides() {
        var glyphs = Self.glyphs("本年收入合", x: 100, y: 100) + Self.glyphs("附属单位", x: 250, y: 100)
        glyphs += Self.glyphs("事业收入", x: 180, y: 106) + Self.glyphs("其他收入", x: 320, y: 106)
        glyphs += Self.glyphs("计", x: 115, y: 112) + Self.glyphs("上缴收入", x: 250, y: 112)
        glyphs += Self.glyphs("合计", x: 20, y: 130) + Self.glyphs("4,627.11", x: 110, y: 130) + Self.glyphs("0.00", x: 190, y: 130)
            + Self.glyphs("0.00", x: 260, y: 130) + Self.glyphs("0.00", x: 330, y: 130)
        let page = Page(number: 1, width: 400, height: 300, rotation: .none, glyphs: glyphs,
                        lines: LineGrouping.lines(from: glyphs, settings: .default), rulings: [])
        let grid = TextGrid.grid(lineIndices: Array(page.lines.indices), context: PageContext(page: page), horizontalRulings: [],
                                 settings: .default)
        #expect(grid.matrix == [
            ["", "本年收入合计", "事业收入", "附属单位上缴收入", "其他收入"],
            ["合计", "4,627.11", "0.00", "0.00", "0.00"],
        ])
    }

    /// Two header words that land on the same position are one cell's text, never one of them
    /// dropped.
    @Test func headerWordsOnOnePositionAreBothKept() {
        let pieces = [TextGrid.Piece(glyphs: [], box: Box(x0: 0, y0: 0, x1: 20, y1: 10), line: 0, text: "事业"),
                      TextGrid.Piece(glyphs: [], box: Box(x0: 60, y0: 0, x1: 80, y1: 10), line: 0, text: "收入")]
        let header = HeaderLayout.cells(pieces, columns: [(0, 80)], rules: [], page: 1)
        #expect(header.rowCount == 1)
        #expect(header.cells.map(\.text) == ["事业收入"])
    }

    /// 000-gz-2020-plain p10: a page opening with codes and names (amounts blank) continues the
    /// table before it; prose lines holding one amount each (js-procuratorate-2017 p19) do not.
    @Test func aPageOpeningWithCodedRowsContinuesATable() {
        func page(_ rows: [[(String, Double)]]) -> PageContext {
            var glyphs: [Glyph] = []
            for (index, words) in rows.enumerated() {
                for (text, x) in words { glyphs += Self.glyphs(text, x: x, y: 100 + Double(index) * 14) }
            }
            return PageContext(page: Page(number: 10, width: 600, height: 800, rotation: .none, glyphs: glyphs,
                                          lines: LineGrouping.lines(from: glyphs, settings: .default), rulings: []))
        }
        let tail = page([[("31099", 200), ("其他资本性支出", 260)], [("399", 200), ("其他支出", 260)], [("39906", 200), ("赠与", 260)]])
        #expect(TableBodies.continuesUnruledTable(context: tail, before: 800))
        let prose = page([[("（二）支出预算总计", 40), ("17996.68", 230), ("万元。包括：", 300)],
                          [("1．公共安全（类）支出", 40), ("13656.34", 260), ("万元，主要用于检", 330)],
                          [("训费等项目支出。与上年相比增加", 40), ("309.03", 400), ("万元，增长", 450)]])
        #expect(!TableBodies.continuesUnruledTable(context: prose, before: 800))
    }
}
