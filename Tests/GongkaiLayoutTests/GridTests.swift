import Testing
@testable import GongkaiLayout
@testable import GongkaiText

/// Grids built from hand-made rulings and glyphs: spans where a stroke is missing, text placed
/// by glyph centre, wrapped lines joined, header rows, pages stitched.
struct GridTests {
    static func h(_ y: Double, _ x0: Double, _ x1: Double) -> Ruling {
        Ruling(orientation: .horizontal, position: y, start: x0, end: x1, thickness: 1)
    }

    static func v(_ x: Double, _ y0: Double, _ y1: Double) -> Ruling {
        Ruling(orientation: .vertical, position: x, start: y0, end: y1, thickness: 1)
    }

    static func glyphs(_ text: String, x: Double, y: Double) -> [Glyph] {
        text.enumerated().map { index, character in
            Glyph(character: character, box: Box(x0: x + Double(index) * 10, y0: y, x1: x + Double(index + 1) * 10, y1: y + 10),
                  font: "SimSun", fontSize: 10)
        }
    }

    /// A 3 × 3 frame whose top row's two right cells are one (本年支出 over 基本/项目), the code
    /// and name columns split by a stroke in every row but the 合计 row.
    static func frame() -> (RuledGrid.Frame, [Glyph]) {
        let rulings = [h(0, 0, 300), h(20, 100, 300), h(40, 0, 300), h(60, 0, 300), h(90, 0, 300),
                       v(0, 0, 90), v(100, 0, 90), v(200, 20, 90), v(300, 0, 90), v(50, 40, 60)]
        let frame = RuledGrid.frames(rulings, settings: .default)[0]
        var glyphs = Self.glyphs("项目", x: 30, y: 25) + Self.glyphs("本年支出", x: 170, y: 5)
        glyphs += Self.glyphs("基本支出", x: 110, y: 25) + Self.glyphs("项目支出", x: 210, y: 25)
        glyphs += Self.glyphs("208", x: 5, y: 45) + Self.glyphs("社保", x: 55, y: 45)
        glyphs += Self.glyphs("1.00", x: 150, y: 45) + Self.glyphs("2.00", x: 250, y: 45)
        glyphs += Self.glyphs("合计", x: 30, y: 64) + Self.glyphs("3.00", x: 150, y: 70) + Self.glyphs("续", x: 30, y: 76)
        return (frame, glyphs)
    }

    @Test func spansComeFromMissingStrokes() {
        let (frame, glyphs) = Self.frame()
        let grid = RuledGrid.grid(of: frame, glyphs: glyphs, lineOfGlyph: glyphs.indices.map { Int(glyphs[$0].box.y0) },
                                  page: 1, settings: .default)
        #expect(grid.rowCount == 4 && grid.columnCount == 4)
        let top = grid.cell(row: 0, column: 2)
        #expect(top?.text == "本年支出" && top?.columnSpan == 2)
        #expect(grid.cell(row: 0, column: 0)?.rowSpan == 2 && grid.cell(row: 0, column: 0)?.columnSpan == 2)
        #expect(grid.cell(row: 2, column: 0)?.text == "208" && grid.cell(row: 2, column: 1)?.text == "社保")
        // The 合计 row has no stroke between code and name: one cell, two lines joined.
        #expect(grid.cell(row: 3, column: 0)?.columnSpan == 2 && grid.cell(row: 3, column: 0)?.text == "合计续")
        var split = grid
        split.headerRowCount = HeaderSplit.headerRowCount(grid)
        #expect(split.headerRowCount == 2)
        #expect(split.columnHeaders == [["项目"], ["项目"], ["本年支出", "基本支出"], ["本年支出", "项目支出"]])
    }

    static func table(pages: [Int], title: String?, rows: [[String]], header: Int, xs: [Double] = [0, 100, 200]) -> Table {
        var cells: [Cell] = []
        for (row, texts) in rows.enumerated() {
            for (column, text) in texts.enumerated() {
                let right = column + 1 < xs.count ? xs[column + 1] : xs[column] + 100
                cells.append(Cell(text: text, row: row, column: column,
                                  box: Box(x0: xs[column], y0: Double(row) * 20, x1: right, y1: Double(row + 1) * 20),
                                  page: pages[0]))
            }
        }
        return Table(pages: pages, title: title, label: nil, unit: nil, department: nil, notes: [],
                     grid: Grid(rowCount: rows.count, columnCount: rows[0].count, cells: cells, headerRowCount: header),
                     method: .ruled, box: Box(x0: 0, y0: 0, x1: 300, y1: Double(rows.count) * 20))
    }

    @Test func aContinuationWithItsHeaderRepeated() throws {
        let first = Self.table(pages: [8], title: "收入决算表", rows: [["科目编码", "科目名称", "合计"], ["208", "社保", "1.00"]], header: 1)
        let next = Self.table(pages: [9], title: nil, rows: [["科目编码", "科目名称", "合计"], ["210", "卫生", "2.00"]], header: 1)
        let merged = try #require(Stitching.append(next, to: first, settings: .default))
        #expect(merged.pages == [8, 9])
        #expect(merged.grid.matrix == [["科目编码", "科目名称", "合计"], ["208", "社保", "1.00"], ["210", "卫生", "2.00"]])
    }

    @Test func aContinuationWithoutItsHeaderAndARowCutInTwo() throws {
        let first = Self.table(pages: [7], title: "收支预算总表", rows: [["项目", "金额", "x"], ["八、社会保障和就", "3.00", ""]], header: 1)
        let next = Self.table(pages: [8], title: nil, rows: [["业支出", "", ""], ["九、卫生健康支出", "4.00", ""]], header: 0)
        let merged = try #require(Stitching.append(next, to: first, settings: .default))
        #expect(merged.grid.matrix == [["项目", "金额", "x"], ["八、社会保障和就业支出", "3.00", ""], ["九、卫生健康支出", "4.00", ""]])
    }

    /// 000-gz-2020 p18/p19: two 项目支出绩效自评表 with the same title and a header copied with
    /// the project name; the second opens with 年度资金总额 again, so it is a table of its own.
    @Test func aSecondFormUnderACopiedHeaderIsNoContinuation() {
        let header = ["项目名称", "城乡居民基本医疗保险省级补助资金", ""]
        let first = Self.table(pages: [18], title: "项目支出绩效自评表", rows: [header, ["年度资金总额：", "365668.83", "9.24"]], header: 1)
        let second = Self.table(pages: [19], title: "项目支出绩效自评表", rows: [header, ["年度资金总额：", "40.00", "0.00"]], header: 1)
        let continued = Self.table(pages: [19], title: "项目支出绩效自评表", rows: [header, ["总分", "100", "99.24"]], header: 1)
        #expect(Stitching.restartsBody(second.grid, of: first.grid))
        #expect(!Stitching.restartsBody(continued.grid, of: first.grid))
    }

    /// 002-es-2021 p12/p13: a ruled form whose next page has columns of its own (the indicator
    /// block under the field rows) is one table on the union of both pages' column edges.
    @Test func aFormContinuedWithColumnsOfItsOwn() throws {
        let first = Self.table(pages: [12], title: "部门整体支出绩效自评情况", rows: [["部门名称", "峨山", "说明"], ["部门职责", "内容", "归纳"]],
                               header: 0)
        let next = Self.table(pages: [13], title: nil, rows: [["一级指标", "二级指标", "指标值", "实际值"], ["产出指标", "数量指标", "146000", "146609"]],
                              header: 0, xs: [0, 50, 100, 200])
        let merged = try #require(Stitching.append(next, to: first, settings: .default))
        #expect(merged.pages == [12, 13])
        #expect(merged.grid.columnCount == 4)
        #expect(merged.grid.matrix == [
            ["部门名称", "部门名称", "峨山", "说明"], ["部门职责", "部门职责", "内容", "归纳"],
            ["一级指标", "二级指标", "指标值", "实际值"], ["产出指标", "数量指标", "146000", "146609"],
        ])
        #expect(merged.grid.cell(row: 0, column: 0)?.columnSpan == 2)
    }

    /// 002-es-2021 p12: closing punctuation at the end of a cell's line hangs past the rule on
    /// its right; it stays in its own cell.
    @Test func hangingPunctuationStaysInItsCell() {
        let rulings = [Self.h(0, 0, 200), Self.h(20, 0, 200), Self.v(0, 0, 20), Self.v(100, 0, 20), Self.v(200, 0, 20)]
        let frame = RuledGrid.frames(rulings, settings: .default)[0]
        let glyphs = Self.glyphs("组织实施。（二", x: 27, y: 5) + Self.glyphs("）", x: 97, y: 5) + Self.glyphs("说明", x: 150, y: 5)
        let grid = RuledGrid.grid(of: frame, glyphs: glyphs, lineOfGlyph: glyphs.map { _ in 0 }, page: 1, settings: .default)
        #expect(grid.matrix == [["组织实施。（二）", "说明"]])
    }

    @Test func wrappedLinesJoin() {
        #expect(CellText.joinWrapped(["机关事业单位基本养老保险缴", "费支出"]) == "机关事业单位基本养老保险缴费支出")
        #expect(CellText.joinWrapped(["预算年度(202", "1年)"]) == "预算年度(2021年)")
        #expect(CellText.joinWrapped(["100.0", "0"]) == "100.00")
        #expect(CellText.joinWrapped(["9", "10"]) == "9 10")
        #expect(CellText.joinWrapped(["1,234.50", "20.00"]) == "1,234.50 20.00")
        #expect(CellText.joinWrapped(["DRG", "付费"]) == "DRG付费")
        #expect(CellText.joinWrapped(["Word", "Excel"]) == "Word Excel")
    }

    @Test func columnsThatDoNotLineUpAreNotStitched() {
        let first = Self.table(pages: [7], title: "甲表", rows: [["a", "b", "c"], ["1", "2", "3"]], header: 1)
        let next = Self.table(pages: [8], title: nil, rows: [["4", "5", "6"]], header: 0, xs: [0, 60, 250])
        #expect(Stitching.append(next, to: first, settings: .default) == nil)
    }

    @Test func headerRows() {
        let summary = Self.table(pages: [1], title: nil, rows: [["收入", "", ""], ["项目", "行次", "金额"], ["栏次", "", "1"],
                                                                ["一、财政拨款收入", "1", "9.00"]], header: 0)
        #expect(HeaderSplit.headerRowCount(summary.grid) == 3)
        let threePublic = Self.table(pages: [1], title: nil, rows: [["合计", "因公出国（境）费", "公务接待费"], ["10.81", "0", "0.83"]], header: 0)
        #expect(HeaderSplit.headerRowCount(threePublic.grid) == 1)
        let empty = Self.table(pages: [1], title: nil, rows: [["功能分类科目编码", "科目名称", "合计"], ["", "", ""], ["合计", "", ""]], header: 0)
        #expect(HeaderSplit.headerRowCount(empty.grid) == 1)
    }
}
