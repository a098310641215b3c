import Testing
@testable import GongkaiText

/// Rulings traced in small hand-made bit planes.
struct RulingTracerTests {
    /// A plane from rows of "#" (dark), "g" (dark, under a glyph) and "." (light).
    private func pixels(_ rows: [String]) -> DarkPixels {
        var plane = DarkPixels(width: rows[0].count, height: rows.count)
        for (y, row) in rows.enumerated() {
            for (x, character) in row.enumerated() where character != "." {
                plane.dark[y * plane.wordsPerRow + x / 64] |= 1 << UInt64(x % 64)
                if character == "#" { plane.outsideText[y * plane.wordsPerRow + x / 64] |= 1 << UInt64(x % 64) }
            }
        }
        return plane
    }

    private var settings: TextSettings {
        var settings = TextSettings()
        settings.minimumRulingLength = 6
        settings.maximumRulingThickness = 3
        return settings
    }

    @Test func aGridOfLines() {
        let plane = pixels([
            "############",
            "#....#.....#",
            "#....#.....#",
            "#....#.....#",
            "#....#.....#",
            "#....#.....#",
            "############",
        ])
        let rulings = RulingTracer.rulings(in: plane, scale: 1, settings: settings)
        let horizontal = rulings.filter { $0.orientation == .horizontal }
        let vertical = rulings.filter { $0.orientation == .vertical }
        #expect(horizontal.map(\.position) == [0.5, 6.5])
        #expect(horizontal.allSatisfy { $0.start == 0 && $0.end == 12 })
        #expect(vertical.map(\.position) == [0.5, 5.5, 11.5])
        #expect(vertical.allSatisfy { $0.start == 0 && $0.end == 7 })
    }

    @Test func glyphStrokesAreNotRulingsButALineThroughTextStaysWhole() {
        let plane = pixels([
            "..gggggggg....",
            "..............",
            "####gggg######",
        ])
        let rulings = RulingTracer.rulings(in: plane, scale: 1, settings: settings)
        #expect(rulings.count == 1)
        #expect(rulings.first?.position == 2.5)
        #expect(rulings.first?.start == 0)
        #expect(rulings.first?.end == 14)
    }

    @Test func aShadedAreaIsNotARuling() {
        let plane = pixels(Array(repeating: "##########", count: 5))
        #expect(RulingTracer.rulings(in: plane, scale: 1, settings: settings).isEmpty)
    }

    @Test func aThickLineIsOneRulingWithItsThickness() {
        let plane = pixels(["..........", "##########", "##########", ".........."])
        let rulings = RulingTracer.rulings(in: plane, scale: 1, settings: settings)
        #expect(rulings.count == 1)
        #expect(rulings.first?.thickness == 2)
        #expect(rulings.first?.position == 2)
    }

    @Test func collinearPiecesJoinAcrossATinyGap() {
        let joined = RulingTracer.merge([
            Ruling(orientation: .horizontal, position: 100, start: 10, end: 50, thickness: 1),
            Ruling(orientation: .horizontal, position: 100.4, start: 50.5, end: 90, thickness: 1),
            Ruling(orientation: .horizontal, position: 140, start: 10, end: 90, thickness: 1),
        ], settings: .default)
        #expect(joined.count == 2)
        #expect(joined[0].start == 10 && joined[0].end == 90)
    }
}
