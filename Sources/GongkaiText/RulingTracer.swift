/// Finds a page's ruling lines (strokes, edges of stroked rectangles, thin filled rectangles:
/// whatever tables are drawn with) in its raster.
///
/// Why a raster: poppler-glib exposes no vector paths, so the drawing has to come back through
/// cairo. Two ways were built and measured on the 21 PDFs of ../shared/corpora/real/
/// (`gongkai pages` over all of them, median of 3 runs, same machine and run):
/// - cairo's SVG surface read back with libxml2: 11.0 s; 2.91 G instructions for
///   sh-justice-2026-dept-budget.pdf, 60 % of it cairo writing glyph outlines into the SVG.
/// - a 1 px/pt raster, rendered in the same pass that builds the text (see `PageRaster`),
///   traced for long dark runs: 4.3–4.9 s; 0.98 G instructions (text alone: 2.0–2.8 s;
///   `pdftotext -layout`: 1.5–1.9 s, 0.29 G).
/// Against the SVG's exact paths, the raster found every ruling of every table page of the
/// Shanghai documents (1,518 of 1,518, none extra). Where they differ elsewhere the raster is
/// the more useful: title glyphs that Excel drew as paths count as "rulings" in the SVG but are
/// masked by their glyph boxes here; charts and cover images give the raster stray segments
/// (pages with no table grid, which the layout stage ignores). Positions are within ±0.5 pt.
/// The SVG reader is in the history (commit "ruling candidates") for re-measuring.
///
/// Tracing: runs of dark pixels along rows (and columns) with at least `minimumRulingLength`
/// of their length outside glyph boxes, stacked over adjacent rows into bands; a band thicker
/// than `maximumRulingThickness` is a shaded area, not a line. The raster is kept as bit planes
/// so that the mostly white page costs a word operation per 64 pixels.
enum RulingTracer {
    static func rulings(in pixels: DarkPixels, scale: Double, settings: TextSettings) -> [Ruling] {
        let minimumRun = Int((settings.minimumRulingLength * scale).rounded(.up))
        let traced = bands(horizontalRuns(pixels, minimumRun: minimumRun), orientation: .horizontal, scale: scale, settings: settings)
            + bands(verticalRuns(pixels, minimumRun: minimumRun), orientation: .vertical, scale: scale, settings: settings)
        return merge(traced, settings: settings)
    }

    /// Dark pixels in a row (horizontal) or column (vertical) from `start` up to `end`.
    struct Run {
        var line: Int
        var start: Int
        var end: Int
    }

    /// Runs of dark pixels along each row with at least `minimumRun` pixels outside glyph
    /// boxes: a run wholly inside text is a glyph's stroke, while a ruling that text touches or
    /// crosses stays one run.
    static func horizontalRuns(_ pixels: DarkPixels, minimumRun: Int) -> [Run] {
        var runs: [Run] = []
        let words = pixels.wordsPerRow
        for y in 0..<pixels.height {
            let base = y * words
            var x = 0
            while x < pixels.width {
                guard let start = nextBit(in: pixels.dark, base: base, from: x, to: pixels.width, set: true) else { break }
                let end = nextBit(in: pixels.dark, base: base, from: start, to: pixels.width, set: false) ?? pixels.width
                if end - start >= minimumRun,
                   countBits(in: pixels.outsideText, base: base, from: start, to: end) >= minimumRun {
                    runs.append(Run(line: y, start: start, end: end))
                }
                x = end
            }
        }
        return runs
    }

    /// Runs of dark pixels down each column, found a row at a time with word operations (a
    /// column's open run is state), with the same rule as `horizontalRuns`. Sorted by column.
    static func verticalRuns(_ pixels: DarkPixels, minimumRun: Int) -> [Run] {
        var runs: [Run] = []
        let words = pixels.wordsPerRow
        var open = [UInt64](repeating: 0, count: words)
        var start = [Int](repeating: 0, count: pixels.width)
        var outside = [Int](repeating: 0, count: pixels.width)
        for y in 0...pixels.height {
            for w in 0..<words {
                let dark = y < pixels.height ? pixels.dark[y * words + w] : 0
                let counted = y < pixels.height ? pixels.outsideText[y * words + w] : 0
                forEachBit(open[w] & ~dark) { bit in
                    let x = w << 6 | bit
                    if y - start[x] >= minimumRun, outside[x] >= minimumRun { runs.append(Run(line: x, start: start[x], end: y)) }
                }
                forEachBit(dark & ~open[w]) { bit in
                    start[w << 6 | bit] = y
                    outside[w << 6 | bit] = 0
                }
                forEachBit(counted) { bit in outside[w << 6 | bit] += 1 }
                open[w] = dark
            }
        }
        runs.sort { ($0.line, $0.start) < ($1.line, $1.start) }
        return runs
    }

    /// The first pixel at or after `from` (before `to`) of the row at word `base` whose bit is
    /// `set`; nil when there is none.
    private static func nextBit(in plane: [UInt64], base: Int, from: Int, to: Int, set: Bool) -> Int? {
        var x = from
        while x < to {
            var word = plane[base + x >> 6]
            if !set { word = ~word }
            word &= ~0 << UInt64(x & 63)
            if word != 0 {
                let found = (x & ~63) + word.trailingZeroBitCount
                return found < to ? found : nil
            }
            x = (x & ~63) + 64
        }
        return nil
    }

    /// How many bits are set among pixels `from..<to` of the row at word `base`.
    private static func countBits(in plane: [UInt64], base: Int, from: Int, to: Int) -> Int {
        var count = 0
        var x = from
        while x < to {
            let bit = x & 63
            let span = min(64 - bit, to - x)
            let mask: UInt64 = span == 64 ? ~0 : ((1 << UInt64(span)) - 1) << UInt64(bit)
            count += (plane[base + x >> 6] & mask).nonzeroBitCount
            x += span
        }
        return count
    }

    private static func forEachBit(_ word: UInt64, _ body: (Int) -> Void) {
        var rest = word
        while rest != 0 {
            body(rest.trailingZeroBitCount)
            rest &= rest - 1
        }
    }

    /// Stacks runs of adjacent lines that overlap into bands; each thin band is one ruling.
    /// `runs` must be sorted by line.
    static func bands(_ runs: [Run], orientation: Ruling.Orientation, scale: Double,
                      settings: TextSettings) -> [Ruling] {
        struct Band { var first: Int; var last: Int; var start: Int; var end: Int }
        var finished: [Band] = []
        var open: [Band] = []      // bands that reached the previous line
        var current: [Band] = []   // bands that reach the line being read
        var line = Int.min
        for run in runs {
            if run.line != line {
                finished += run.line == line + 1 ? open : open + current
                open = run.line == line + 1 ? current : []
                current = []
                line = run.line
            }
            if let i = open.firstIndex(where: { min($0.end, run.end) > max($0.start, run.start) }) {
                var band = open.remove(at: i)
                band.last = run.line
                band.start = min(band.start, run.start)
                band.end = max(band.end, run.end)
                current.append(band)
            } else {
                current.append(Band(first: run.line, last: run.line, start: run.start, end: run.end))
            }
        }
        finished += open + current
        let maximumThickness = settings.maximumRulingThickness * scale
        return finished.compactMap { band in
            let thickness = Double(band.last - band.first + 1)
            guard thickness <= maximumThickness else { return nil }
            return Ruling(orientation: orientation, position: (Double(band.first + band.last) / 2 + 0.5) / scale,
                          start: Double(band.start) / scale, end: Double(band.end) / scale, thickness: thickness / scale)
        }
    }

    /// Joins rulings that lie on one line and touch or overlap into single rulings, and drops
    /// what is still shorter than `minimumRulingLength`.
    static func merge(_ rulings: [Ruling], settings: TextSettings) -> [Ruling] {
        var merged: [Ruling] = []
        for orientation in [Ruling.Orientation.horizontal, .vertical] {
            let sorted = rulings.filter { $0.orientation == orientation }
                .sorted { ($0.position, $0.start) < ($1.position, $1.start) }
            var lines: [[Ruling]] = []
            for ruling in sorted {
                if let last = lines.last?.last, abs(last.position - ruling.position) <= settings.rulingJoinTolerance {
                    lines[lines.count - 1].append(ruling)
                } else {
                    lines.append([ruling])
                }
            }
            for line in lines { merged += joinSegments(line, settings: settings) }
        }
        return merged.filter { $0.length >= settings.minimumRulingLength }
    }

    /// Segments of one line, joined where they overlap or nearly touch.
    private static func joinSegments(_ line: [Ruling], settings: TextSettings) -> [Ruling] {
        var result: [Ruling] = []
        for segment in line.sorted(by: { $0.start < $1.start }) {
            if var last = result.last, segment.start <= last.end + settings.rulingJoinTolerance {
                last.end = max(last.end, segment.end)
                last.thickness = max(last.thickness, segment.thickness)
                result[result.count - 1] = last
            } else {
                result.append(segment)
            }
        }
        return result
    }
}
