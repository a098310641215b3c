import Foundation

extension PDFDocument {
    /// Every page, read by `workers` threads at once, each with its own poppler document (one
    /// poppler document must not be used from two threads). Rendering a page for its rulings is
    /// most of the text stage's time, and pages are independent: on a machine with several
    /// cores this divides the wall time. Fails with `.noTextLayer` when no page has text.
    public static func pages(path: String, password: String? = nil, settings: TextSettings = .default,
                             workers requested: Int = ProcessInfo.processInfo.activeProcessorCount) throws(ExtractionError)
        -> (document: PDFDocument, pages: [Page]) {
        let document = try PDFDocument(path: path, password: password)
        let workers = max(1, min(requested, 8, document.pageCount / 2))
        guard workers > 1 else { return (document, try document.pages(settings: settings)) }

        let results = PageResults(count: document.pageCount)
        let sha256 = document.sha256
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            do throws(ExtractionError) {
                let own = try PDFDocument(checkedPath: path, sha256: sha256, password: password)
                for number in stride(from: worker + 1, through: own.pageCount, by: workers) {
                    results.store(try own.page(number, settings: settings), at: number - 1)
                }
            } catch {
                results.fail(error)
            }
        }
        let pages = try results.pages()
        try requireText(pages, path: path)
        return (document, pages)
    }
}

/// The pages the workers read, kept under a lock.
private final class PageResults: @unchecked Sendable {
    private var slots: [Page?]
    private var failure: ExtractionError?
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func store(_ page: Page, at index: Int) {
        lock.withLock { slots[index] = page }
    }

    func fail(_ error: ExtractionError) {
        lock.withLock { if failure == nil { failure = error } }
    }

    func pages() throws(ExtractionError) -> [Page] {
        if let failure { throw failure }
        return slots.compactMap { $0 }
    }
}

/// Poppler builds its process-wide colour-management state (GfxState's sRGB profile and XYZ
/// transforms) lazily and unguarded in the first GfxState it makes; threads racing there
/// corrupt the heap (a crash in liblcms2 about once in 60 runs; poppler work item 1800). So the
/// first page of the process is read alone, whatever thread or document reads it; once one has
/// been read the others run freely.
enum FirstPage {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var done = false

    static func alone<T>(_ body: () throws(ExtractionError) -> T) throws(ExtractionError) -> T {
        lock.lock()
        guard !done else {
            lock.unlock()
            return try body()
        }
        defer { lock.unlock() }
        let result = try body()
        done = true
        return result
    }
}
