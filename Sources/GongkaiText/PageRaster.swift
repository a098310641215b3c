import CPoppler

/// A page rendered by poppler through cairo into an RGB image at `scale` pixels per point.
///
/// The page is rendered before its text is read: poppler-glib builds its text page during the
/// render when none exists yet, so text and rulings come from one pass over the content stream
/// (reading the text first and rendering after costs a second pass: 0.77 G instructions instead
/// of 0.54 G for the 23 pages of sh-justice-2026-dept-budget.pdf).
final class PageRaster {
    let width: Int
    let height: Int
    let scale: Double
    private let surface: OpaquePointer

    init?(page: OpaquePointer, width pageWidth: Double, height pageHeight: Double, scale: Double) {
        width = max(1, Int((pageWidth * scale).rounded(.up)))
        height = max(1, Int((pageHeight * scale).rounded(.up)))
        self.scale = scale
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(width), Int32(height)) else { return nil }
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else {
            cairo_surface_destroy(surface)
            return nil
        }
        self.surface = surface
        let context = cairo_create(surface)
        cairo_set_source_rgb(context, 1, 1, 1)
        cairo_paint(context)
        cairo_scale(context, scale, scale)
        // Fast antialiasing keeps hairlines (thinner than a pixel) visible at a lower cost than
        // the default; none would drop them. 5 % fewer instructions for js-court-2019.
        cairo_set_antialias(context, CAIRO_ANTIALIAS_FAST)
        poppler_page_render(page, context)
        cairo_destroy(context)
        cairo_surface_flush(surface)
    }

    deinit { cairo_surface_destroy(surface) }

    /// The raster as two bit planes: dark pixels (at most `lightness` light, 0 black … 1 white),
    /// and those of them outside every glyph box (widened vertically by `glyphPadding` of its
    /// height): glyph strokes are text, never rulings.
    func darkPixels(lightness: Double, glyphBoxes: [Box], glyphPadding: Double) -> DarkPixels {
        var bits = DarkPixels(width: width, height: height)
        guard let raw = cairo_image_surface_get_data(surface) else { return bits }
        let stride = Int(cairo_image_surface_get_stride(surface)) / 4
        let threshold = UInt32(lightness * 255)
        let (w, h, words) = (width, height, bits.wordsPerRow)
        let white = SIMD8<UInt32>(repeating: 0xFF_FFFF)
        let byte = SIMD8<UInt32>(repeating: 0xff)
        let limit = SIMD8<UInt32>(repeating: threshold)
        let laneBits = SIMD8<UInt32>(1, 2, 4, 8, 16, 32, 64, 128)
        raw.withMemoryRebound(to: UInt32.self, capacity: stride * h) { pixels in
            bits.dark.withUnsafeMutableBufferPointer { dark in
                for y in 0..<h {
                    let row = pixels + y &* stride
                    let base = y &* words
                    var x = 0
                    // Eight pixels at a time; most of every page is white and skipped at once.
                    while x &+ 8 <= w {
                        let eight = UnsafeRawPointer(row + x).loadUnaligned(as: SIMD8<UInt32>.self)
                        if all((eight & white) .== white) { x &+= 8; continue }
                        // Integer Rec. 709 luminance.
                        let luma = (54 &* ((eight &>> 16) & byte) &+ 183 &* ((eight &>> 8) & byte) &+ 19 &* (eight & byte)) &>> 8
                        let lanes = (laneBits.replacing(with: 0, where: luma .> limit)).wrappedSum()
                        if lanes != 0 { dark[base &+ x >> 6] |= UInt64(lanes) << UInt64(x & 63) }
                        x &+= 8
                    }
                    while x < w {
                        let p = row[x] & 0xFF_FFFF
                        let luma = (54 &* (p >> 16) &+ 183 &* ((p >> 8) & 0xff) &+ 19 &* (p & 0xff)) >> 8
                        if luma <= threshold { dark[base &+ x >> 6] |= 1 << UInt64(x & 63) }
                        x &+= 1
                    }
                }
            }
        }
        bits.outsideText = bits.dark
        for glyph in glyphBoxes {
            // Rendered strokes of bold or synthetic-bold glyphs spill a little above and below
            // the box poppler reports (not sideways: rulings run close beside text).
            let pad = glyph.height * glyphPadding
            let x0 = max(0, Int((glyph.x0 * scale).rounded(.down))), x1 = min(w, Int((glyph.x1 * scale).rounded(.up)))
            let y0 = max(0, Int(((glyph.y0 - pad) * scale).rounded(.down)))
            let y1 = min(h, Int(((glyph.y1 + pad) * scale).rounded(.up)))
            guard x0 < x1, y0 < y1 else { continue }
            for y in y0..<y1 { bits.clearOutsideText(row: y, from: x0, to: x1) }
        }
        return bits
    }
}

/// A page raster reduced to two bit planes, 64 pixels a word, each row starting a new word.
struct DarkPixels {
    let width: Int
    let height: Int
    let wordsPerRow: Int
    /// Dark pixels.
    var dark: [UInt64]
    /// Dark pixels not covered by a glyph box.
    var outsideText: [UInt64]

    init(width: Int, height: Int) {
        self.width = width
        self.height = height
        wordsPerRow = (width + 63) / 64
        dark = [UInt64](repeating: 0, count: wordsPerRow * height)
        outsideText = dark
    }

    /// Clears pixels `from..<to` of `row` in `outsideText`.
    mutating func clearOutsideText(row: Int, from: Int, to: Int) {
        var x = from
        while x < to {
            let bit = x & 63
            let count = min(64 - bit, to - x)
            let mask: UInt64 = count == 64 ? ~0 : ((1 << UInt64(count)) - 1) << UInt64(bit)
            outsideText[row * wordsPerRow + x >> 6] &= ~mask
            x += count
        }
    }
}
