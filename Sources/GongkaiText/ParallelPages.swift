import Dispatch
import FoundationEssentials

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

/// The pages the workers read, and the first failure.
private final class PageResults: Sendable {
    private let state: Locked<(slots: [Page?], failure: ExtractionError?)>

    init(count: Int) { state = Locked((Array(repeating: nil, count: count), nil)) }

    func store(_ page: Page, at index: Int) {
        state.withLock { $0.slots[index] = page }
    }

    func fail(_ error: ExtractionError) {
        state.withLock { if $0.failure == nil { $0.failure = error } }
    }

    func pages() throws(ExtractionError) -> [Page] {
        let (slots, failure) = state.withLock { $0 }
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
    private static let done = Locked(false)

    static func alone<T>(_ body: () throws(ExtractionError) -> T) throws(ExtractionError) -> T {
        if done.withLock({ $0 }) { return try body() }
        // The lock is held through the first read, so that the others wait for it.
        let first = done.withLock { done -> Result<T, ExtractionError> in
            let result = Result(catching: body)
            if case .success = result { done = true }
            return result
        }
        return try first.get()
    }
}
