import CLibXML2
import CPoppler
import Foundation

/// Finds the ruling lines of a page: the strokes and thin filled rectangles tables are drawn with.
///
/// poppler-glib has no API for a page's vector paths, so the page is rendered through cairo and
/// the drawing read back. Two ways were measured on ../shared/corpora/real/ (see the README's
/// "Rulings" section): (1) render to cairo's SVG surface and read the paths with libxml2,
/// (2) rasterise with cairo and trace long dark pixel runs.
enum RulingFinder {
    static func rulings(of page: OpaquePointer, width: Double, height: Double, settings: TextSettings) -> [Ruling] {
        switch RulingSource.current {
        case .svg: return SVGRulingReader.rulings(of: page, width: width, height: height, settings: settings)
        case .raster: return RasterRulingReader.rulings(of: page, width: width, height: height, settings: settings)
        case .none: return []
        }
    }

    /// Joins rulings that lie on one line and touch or overlap into single rulings.
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
        let position = line.map(\.position).reduce(0, +) / Double(line.count)
        var result: [Ruling] = []
        for segment in line.sorted(by: { $0.start < $1.start }) {
            if var last = result.last, segment.start <= last.end + settings.rulingJoinTolerance {
                last.end = max(last.end, segment.end)
                last.thickness = max(last.thickness, segment.thickness)
                result[result.count - 1] = last
            } else {
                result.append(Ruling(orientation: segment.orientation, position: position,
                                     start: segment.start, end: segment.end, thickness: segment.thickness))
            }
        }
        return result
    }
}

enum RulingSource: String {
    case svg, raster, none
    static var current: RulingSource {
        ProcessInfo.processInfo.environment["GONGKAI_RULINGS"].flatMap(RulingSource.init(rawValue:)) ?? .svg
    }
}

// MARK: - Candidate 1: cairo SVG surface, read with libxml2

enum SVGRulingReader {
    static func rulings(of page: OpaquePointer, width: Double, height: Double, settings: TextSettings) -> [Ruling] {
        let svg = render(page, width: width, height: height)
        var rulings: [Ruling] = []
        parse(svg) { element in
            rulings += rulingsOf(element, settings: settings)
        }
        return RulingFinder.merge(rulings, settings: settings)
    }

    private final class Sink {
        var bytes: [UInt8] = []
    }

    /// The page drawn by poppler into cairo's SVG surface, as SVG text.
    private static func render(_ page: OpaquePointer, width: Double, height: Double) -> [UInt8] {
        let sink = Sink()
        let closure = Unmanaged.passUnretained(sink).toOpaque()
        let surface = cairo_svg_surface_create_for_stream({ closure, data, length in
            guard let closure, let data else { return CAIRO_STATUS_SUCCESS }
            let sink = Unmanaged<Sink>.fromOpaque(closure).takeUnretainedValue()
            sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
            return CAIRO_STATUS_SUCCESS
        }, closure, width, height)
        let context = cairo_create(surface)
        poppler_page_render(page, context)
        cairo_destroy(context)
        cairo_surface_finish(surface)
        cairo_surface_destroy(surface)
        return withExtendedLifetime(sink) { sink.bytes }
    }

    /// A drawn path or rectangle of the SVG, with what is needed to judge it.
    struct DrawnElement {
        var path: String
        var style: [String: String]
        var transform: AffineTransform
    }

    /// Calls `visit` for every `path` and `rect` that is drawn, skipping definitions (glyph
    /// outlines, clip paths, patterns, masks), and applies the transforms of enclosing groups.
    private static func parse(_ svg: [UInt8], visit: (DrawnElement) -> Void) {
        let reader = svg.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                xmlReaderForMemory(chars.baseAddress, Int32(chars.count), nil, "UTF-8", Int32(XML_PARSE_NONET.rawValue | XML_PARSE_HUGE.rawValue))
            }
        }
        guard let reader else { return }
        defer { xmlFreeTextReader(reader) }
        var groupTransforms: [AffineTransform] = [.identity]
        let skipped: Set<String> = ["defs", "clipPath", "symbol", "mask", "pattern"]
        while xmlTextReaderRead(reader) == 1 {
            let type = xmlTextReaderNodeType(reader)
            let name = String(cString: xmlTextReaderConstLocalName(reader))
            if type == Int32(XML_READER_TYPE_ELEMENT.rawValue) {
                if skipped.contains(name) {
                    if xmlTextReaderIsEmptyElement(reader) == 0 { _ = xmlTextReaderNext(reader) }
                    continue
                }
                let empty = xmlTextReaderIsEmptyElement(reader) != 0
                let own = attribute(reader, "transform").map(AffineTransform.init(svg:)) ?? .identity
                let transform = groupTransforms.last!.then(own)
                switch name {
                case "g":
                    if !empty { groupTransforms.append(transform) }
                case "path":
                    visit(DrawnElement(path: attribute(reader, "d") ?? "", style: style(reader), transform: transform))
                case "rect":
                    let value = { (key: String) in attribute(reader, key).flatMap(Double.init) ?? 0 }
                    let (x, y, w, h) = (value("x"), value("y"), value("width"), value("height"))
                    let d = "M \(x) \(y) L \(x + w) \(y) L \(x + w) \(y + h) L \(x) \(y + h) Z"
                    visit(DrawnElement(path: d, style: style(reader), transform: transform))
                default:
                    break
                }
            } else if type == Int32(XML_READER_TYPE_END_ELEMENT.rawValue), name == "g", groupTransforms.count > 1 {
                groupTransforms.removeLast()
            }
        }
    }

    private static func attribute(_ reader: xmlTextReaderPtr, _ name: String) -> String? {
        guard let value = xmlTextReaderGetAttribute(reader, name) else { return nil }
        defer { gk_xml_free(value) }
        return String(cString: value)
    }

    /// The element's presentation: its `style` declarations and presentation attributes.
    private static func style(_ reader: xmlTextReaderPtr) -> [String: String] {
        var result: [String: String] = [:]
        for key in ["fill", "stroke", "stroke-width"] {
            if let value = attribute(reader, key) { result[key] = value }
        }
        for declaration in (attribute(reader, "style") ?? "").split(separator: ";") {
            let parts = declaration.split(separator: ":", maxSplits: 1)
            guard parts.count == 2 else { continue }
            result[parts[0].trimmingCharacters(in: .whitespaces)] = parts[1].trimmingCharacters(in: .whitespaces)
        }
        return result
    }

    static func rulingsOf(_ element: DrawnElement, settings: TextSettings) -> [Ruling] {
        let subpaths = PathParser.subpaths(element.path).map { $0.map(element.transform.apply) }
        var result: [Ruling] = []
        if let stroke = element.style["stroke"], stroke != "none", Paint.lightness(stroke) <= settings.maximumRulingLightness {
            let width = (element.style["stroke-width"].flatMap(Double.init) ?? 1) * element.transform.scale
            for points in subpaths where !points.isCurved {
                for (a, b) in zip(points.points, points.points.dropFirst()) {
                    if let ruling = Ruling(from: a, to: b, thickness: width) { result.append(ruling) }
                }
            }
        }
        let fill = element.style["fill"] ?? "black"
        if fill != "none", Paint.lightness(fill) <= settings.maximumRulingLightness {
            for points in subpaths where !points.isCurved {
                if let box = points.axisAlignedRectangle, let ruling = Ruling(thinRectangle: box, settings: settings) {
                    result.append(ruling)
                }
            }
        }
        return result
    }
}

extension Ruling {
    /// The ruling along an axis-aligned segment; nil when the segment is slanted or a point.
    init?(from a: Point, to b: Point, thickness: Double) {
        let tolerance = 0.5
        if abs(a.y - b.y) <= tolerance, abs(a.x - b.x) > tolerance {
            self.init(orientation: .horizontal, position: (a.y + b.y) / 2, start: a.x, end: b.x, thickness: thickness)
        } else if abs(a.x - b.x) <= tolerance, abs(a.y - b.y) > tolerance {
            self.init(orientation: .vertical, position: (a.x + b.x) / 2, start: a.y, end: b.y, thickness: thickness)
        } else {
            return nil
        }
    }

    /// The ruling a thin filled rectangle draws; nil when it is not thin in exactly one direction.
    init?(thinRectangle box: Box, settings: TextSettings) {
        let thin = settings.maximumRulingThickness
        if box.height <= thin, box.width > thin {
            self.init(orientation: .horizontal, position: box.midY, start: box.x0, end: box.x1, thickness: box.height)
        } else if box.width <= thin, box.height > thin {
            self.init(orientation: .vertical, position: box.midX, start: box.y0, end: box.y1, thickness: box.width)
        } else {
            return nil
        }
    }
}

public struct Point: Hashable, Sendable {
    public var x: Double
    public var y: Double
}

/// An SVG `matrix(a,b,c,d,e,f)`.
struct AffineTransform {
    var a = 1.0, b = 0.0, c = 0.0, d = 1.0, e = 0.0, f = 0.0
    static let identity = AffineTransform()

    /// Parses cairo's `matrix(...)` form; anything else is taken as the identity.
    init(svg: String) {
        guard svg.hasPrefix("matrix(") else { return }
        let numbers = svg.dropFirst(7).split(whereSeparator: { $0 == "," || $0 == " " || $0 == ")" }).compactMap { Double($0) }
        guard numbers.count == 6 else { return }
        (a, b, c, d, e, f) = (numbers[0], numbers[1], numbers[2], numbers[3], numbers[4], numbers[5])
    }

    init() {}

    func apply(_ p: Point) -> Point { Point(x: a * p.x + c * p.y + e, y: b * p.x + d * p.y + f) }

    /// This transform followed by applying `inner` first (SVG nesting order).
    func then(_ inner: AffineTransform) -> AffineTransform {
        var r = AffineTransform()
        r.a = a * inner.a + c * inner.b
        r.b = b * inner.a + d * inner.b
        r.c = a * inner.c + c * inner.d
        r.d = b * inner.c + d * inner.d
        r.e = a * inner.e + c * inner.f + e
        r.f = b * inner.e + d * inner.f + f
        return r
    }

    /// How much the transform scales lengths (for line widths).
    var scale: Double { abs(a * d - b * c).squareRoot() }
}

/// One subpath of an SVG path: its points, and whether it has curves.
struct Subpath {
    var points: [Point]
    var isCurved: Bool

    func map(_ transform: (Point) -> Point) -> Subpath {
        Subpath(points: points.map(transform), isCurved: isCurved)
    }

    /// The box of a closed four-cornered axis-aligned subpath; nil for any other shape.
    var axisAlignedRectangle: Box? {
        var corners = points
        if corners.count == 5, corners.first == corners.last { corners.removeLast() }
        guard corners.count == 4 else { return nil }
        let tolerance = 0.5
        for i in 0..<4 {
            let a = corners[i], b = corners[(i + 1) % 4]
            guard abs(a.x - b.x) <= tolerance || abs(a.y - b.y) <= tolerance else { return nil }
        }
        let xs = corners.map(\.x), ys = corners.map(\.y)
        return Box(x0: xs.min()!, y0: ys.min()!, x1: xs.max()!, y1: ys.max()!)
    }
}

/// Reads the absolute M/L/C/Z path data cairo writes.
enum PathParser {
    static func subpaths(_ d: String) -> [Subpath] {
        var result: [Subpath] = []
        var current = Subpath(points: [], isCurved: false)
        var command: Character = "M"
        var numbers: [Double] = []
        func flushNumbers() {
            switch command {
            case "M":
                if numbers.count >= 2 {
                    if current.points.count > 1 { result.append(current) }
                    current = Subpath(points: [Point(x: numbers[0], y: numbers[1])], isCurved: false)
                    numbers.removeFirst(2)
                    command = "L"
                    flushNumbers()
                }
            case "L":
                while numbers.count >= 2 {
                    current.points.append(Point(x: numbers[0], y: numbers[1]))
                    numbers.removeFirst(2)
                }
            case "C":
                while numbers.count >= 6 {
                    current.points.append(Point(x: numbers[4], y: numbers[5]))
                    current.isCurved = true
                    numbers.removeFirst(6)
                }
            default:
                numbers.removeAll()
            }
        }
        for token in d.split(separator: " ") {
            if let value = Double(token) {
                numbers.append(value)
                flushNumbers()
            } else if let letter = token.first {
                if letter == "Z" || letter == "z" {
                    if let first = current.points.first { current.points.append(first) }
                    if current.points.count > 1 { result.append(current) }
                    current = Subpath(points: [], isCurved: false)
                }
                command = letter
                numbers.removeAll()
            }
        }
        if current.points.count > 1 { result.append(current) }
        return result
    }
}

/// Paint colours as cairo writes them: `rgb(12%,50%,100%)`, `#rrggbb` or a few names.
enum Paint {
    /// Luminance from 0 (black) to 1 (white).
    static func lightness(_ paint: String) -> Double {
        let value = paint.trimmingCharacters(in: .whitespaces)
        if value.hasPrefix("rgb(") {
            let parts = value.dropFirst(4).dropLast().split(separator: ",").map { part -> Double in
                let text = part.trimmingCharacters(in: .whitespaces)
                if text.hasSuffix("%") { return (Double(text.dropLast()) ?? 0) / 100 }
                return (Double(text) ?? 0) / 255
            }
            guard parts.count == 3 else { return 0 }
            return 0.2126 * parts[0] + 0.7152 * parts[1] + 0.0722 * parts[2]
        }
        if value.hasPrefix("#"), value.count == 7, let rgb = Int(value.dropFirst(), radix: 16) {
            let r = Double((rgb >> 16) & 0xff) / 255, g = Double((rgb >> 8) & 0xff) / 255, b = Double(rgb & 0xff) / 255
            return 0.2126 * r + 0.7152 * g + 0.0722 * b
        }
        return value == "white" ? 1 : 0
    }
}

// MARK: - Candidate 2: raster, long dark pixel runs

enum RasterRulingReader {
    /// Pixels per point.
    static var scale: Double { Double(ProcessInfo.processInfo.environment["GONGKAI_RASTER_SCALE"] ?? "1") ?? 1 }

    static func rulings(of page: OpaquePointer, width: Double, height: Double, settings: TextSettings) -> [Ruling] {
        let scale = Self.scale
        let w = Int((width * scale).rounded(.up)), h = Int((height * scale).rounded(.up))
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(w), Int32(h)) else { return [] }
        defer { cairo_surface_destroy(surface) }
        let context = cairo_create(surface)
        cairo_set_source_rgb(context, 1, 1, 1)
        cairo_paint(context)
        cairo_scale(context, scale, scale)
        poppler_page_render(page, context)
        cairo_destroy(context)
        cairo_surface_flush(surface)
        let stride = Int(cairo_image_surface_get_stride(surface)) / 4
        guard let raw = cairo_image_surface_get_data(surface) else { return [] }
        let threshold = UInt32(settings.maximumRulingLightness * 255)
        // One bit per pixel: dark or not.
        var dark = [Bool](repeating: false, count: w * h)
        raw.withMemoryRebound(to: UInt32.self, capacity: stride * h) { pixels in
            for y in 0..<h {
                for x in 0..<w {
                    let p = pixels[y * stride + x]
                    dark[y * w + x] = (54 * ((p >> 16) & 0xff) + 183 * ((p >> 8) & 0xff) + 19 * (p & 0xff)) >> 8 <= threshold
                }
            }
        }
        let minRun = Int(settings.minimumRulingLength * 2 * scale)
        var rulings: [Ruling] = []
        for y in 0..<h {
            var x = 0
            while x < w {
                guard dark[y * w + x] else { x += 1; continue }
                let start = x
                while x < w, dark[y * w + x] { x += 1 }
                if x - start >= minRun {
                    rulings.append(Ruling(orientation: .horizontal, position: (Double(y) + 0.5) / scale,
                                          start: Double(start) / scale, end: Double(x) / scale, thickness: 1 / scale))
                }
            }
        }
        for x in 0..<w {
            var y = 0
            while y < h {
                guard dark[y * w + x] else { y += 1; continue }
                let start = y
                while y < h, dark[y * w + x] { y += 1 }
                if y - start >= minRun {
                    rulings.append(Ruling(orientation: .vertical, position: (Double(x) + 0.5) / scale,
                                          start: Double(start) / scale, end: Double(y) / scale, thickness: 1 / scale))
                }
            }
        }
        return RulingFinder.merge(rulings, settings: settings)
    }
}
