import CPoppler
import FoundationEssentials

/// An open PDF: the entry point of the text stage.
///
/// The file is read whole into memory (it is hashed anyway), checked for the PDF header and the
/// end-of-file marker before poppler sees it (poppler silently reconstructs truncated files, and
/// a truncated disclosure report is missing tables, not merely damaged), then opened by poppler.
///
/// Not thread-safe: use one `PDFDocument` per thread; separate documents may be read in parallel.
public final class PDFDocument {
    public let path: String
    public let sha256: String
    public let pageCount: Int
    private let document: OpaquePointer

    /// Opens the file at `path`, with `password` for encrypted documents.
    public init(path: String, password: String? = nil) throws(ExtractionError) {
        self.path = path
        let data = try Self.readChecked(path: path)
        sha256 = Self.sha256Hex(of: data)
        document = try Self.openWithPoppler(path: path, password: password)
        pageCount = Int(poppler_document_get_n_pages(document))
    }

    /// Another poppler document on a file already read, checked and hashed (`sha256`), for a
    /// worker thread: the checks and the hash are not repeated.
    init(checkedPath path: String, sha256: String, password: String?) throws(ExtractionError) {
        self.path = path
        self.sha256 = sha256
        document = try Self.openWithPoppler(path: path, password: password)
        pageCount = Int(poppler_document_get_n_pages(document))
    }

    deinit { g_object_unref(UnsafeMutableRawPointer(document)) }

    /// The document information dictionary's title, when it has one.
    public var title: String? {
        guard let raw = poppler_document_get_title(document) else { return nil }
        defer { g_free(raw) }
        let title = String(String(cString: raw).drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
        return title.isEmpty ? nil : title
    }

    /// The program that produced the PDF, when the file says.
    public var producer: String? {
        guard let raw = poppler_document_get_producer(document) else { return nil }
        defer { g_free(raw) }
        return String(cString: raw)
    }

    /// Reads page `number` (1-based) into the text stage's model.
    public func page(_ number: Int, settings: TextSettings = .default,
                     rulings wantRulings: Bool = true) throws(ExtractionError) -> Page {
        try FirstPage.alone { () throws(ExtractionError) -> Page in try read(number, settings: settings, rulings: wantRulings) }
    }

    private func read(_ number: Int, settings: TextSettings, rulings wantRulings: Bool) throws(ExtractionError) -> Page {
        guard number >= 1, number <= pageCount else {
            throw .noSuchPage(path: path, page: number, pageCount: pageCount)
        }
        guard let popplerPage = poppler_document_get_page(document, Int32(number - 1)) else {
            throw .damaged(path: path, reason: "page \(number) cannot be loaded")
        }
        defer { g_object_unref(UnsafeMutableRawPointer(popplerPage)) }

        var width = 0.0, height = 0.0
        poppler_page_get_size(popplerPage, &width, &height)
        // Rendered before the text is read: poppler then builds its text page in the same pass.
        let raster = wantRulings
            ? PageRaster(page: popplerPage, width: width, height: height, scale: settings.rasterScale) : nil
        let glyphs = GlyphReader.glyphs(of: popplerPage)
        let lines = LineGrouping.lines(from: glyphs, settings: settings)
        return Page(number: number, width: width, height: height,
                    rotation: Self.rotation(of: popplerPage, width: width, height: height),
                    glyphs: glyphs, lines: lines,
                    rulings: raster.map { Self.rulings(in: $0, glyphs: glyphs, settings: settings) } ?? [])
    }

    private static func rulings(in raster: PageRaster, glyphs: [Glyph], settings: TextSettings) -> [Ruling] {
        let pixels = raster.darkPixels(
            lightness: settings.maximumRulingLightness,
            glyphBoxes: glyphs.filter { !$0.isWhitespace }.map(\.box),
            glyphPadding: settings.glyphMaskPadding)
        return RulingTracer.rulings(in: pixels, scale: raster.scale, settings: settings)
    }

    /// Every page, in order. Fails with `.noTextLayer` when no page has text.
    public func pages(settings: TextSettings = .default, rulings: Bool = true) throws(ExtractionError) -> [Page] {
        var result: [Page] = []
        result.reserveCapacity(pageCount)
        for number in 1...max(pageCount, 1) where number <= pageCount {
            result.append(try page(number, settings: settings, rulings: rulings))
        }
        try Self.requireText(result, path: path)
        return result
    }

    /// Fails with `.noTextLayer` when none of `pages` carries text.
    public static func requireText(_ pages: [Page], path: String) throws(ExtractionError) {
        guard !pages.isEmpty, !pages.contains(where: \.hasText) else { return }
        throw .noTextLayer(path: path, pages: pages.map(\.number))
    }

    // MARK: - Opening

    /// How far from the end of the file `%%EOF` may stand (Acrobat's own tolerance).
    private static let endMarkerWindow = 1024

    private static func readChecked(path: String) throws(ExtractionError) -> Data {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
        } catch {
            let reason = FileManager.default.fileExists(atPath: path) ? "permission denied or not a file" : "no such file"
            throw .unreadable(path: path, reason: reason)
        }
        if data.isEmpty { throw .empty(path: path) }
        let head = data.prefix(endMarkerWindow)
        guard head.firstRange(of: Array("%PDF-".utf8)) != nil else { throw .notPDF(path: path) }
        guard data.suffix(endMarkerWindow).firstRange(of: Array("%%EOF".utf8)) != nil else {
            throw .truncated(path: path)
        }
        return data
    }

    /// Opens through the file's URI, not from the bytes already read: poppler-glib 22.x crashes
    /// in `poppler_document_new_from_bytes` when an encrypted file is given a wrong password
    /// (its retry reuses a stream the failed attempt freed).
    private static func openWithPoppler(path: String, password: String?) throws(ExtractionError) -> OpaquePointer {
        var error: UnsafeMutablePointer<GError>?
        let absolute = URL(fileURLWithPath: path).path
        guard let uri = g_filename_to_uri(absolute, nil, nil) else {
            throw .unreadable(path: path, reason: "the path cannot be turned into a file URI")
        }
        defer { g_free(uri) }
        if let document = poppler_document_new_from_file(uri, password, &error) {
            return document
        }
        defer { g_error_free(error) }
        let code = error.map { Int($0.pointee.code) } ?? -1
        let message = error.map { String(cString: $0.pointee.message) } ?? "unknown error"
        if code == Int(POPPLER_ERROR_ENCRYPTED.rawValue) {
            throw password == nil ? .encrypted(path: path) : .wrongPassword(path: path)
        }
        throw .damaged(path: path, reason: message)
    }

    private static func sha256Hex(of data: Data) -> String {
        data.withUnsafeBytes { raw in
            let hex = g_compute_checksum_for_data(G_CHECKSUM_SHA256, raw.bindMemory(to: guchar.self).baseAddress, gsize(raw.count))!
            defer { g_free(hex) }
            return String(cString: hex)
        }
    }

    private static func rotation(of page: OpaquePointer, width: Double, height: Double) -> PageRotation {
        var crop = PopplerRectangle()
        poppler_page_get_crop_box(page, &crop)
        let cropWidth = abs(crop.x2 - crop.x1)
        let cropHeight = abs(crop.y2 - crop.y1)
        let swapped = abs(cropWidth - height) < 0.5 && abs(cropHeight - width) < 0.5 && abs(cropWidth - cropHeight) > 0.5
        return swapped ? .quarterTurn : .none
    }
}
