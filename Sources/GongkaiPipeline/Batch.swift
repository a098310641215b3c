import Dispatch
import FoundationEssentials
import GongkaiRecognize
import GongkaiText

extension Extractor {
    /// Several PDFs, one per core at a time, each read by one thread: the cores stay busy
    /// through every stage (a document's layout, recognition and checks run on one thread), and
    /// each document's fonts are loaded once (a second thread on the same document opens it
    /// again and loads them again: 5 % of js-court-2019's instructions). `each` receives every
    /// file's report, or its error, in the order of `paths`, one call at a time.
    public static func extractAll(paths: [String], password: String? = nil,
                                  lanes: Int = ProcessInfo.processInfo.activeProcessorCount,
                                  each: @escaping @Sendable (String, Result<Report, ExtractionError>) -> Void) {
        let inOrder = InOrder(count: paths.count, each: each)
        let workers = ProcessInfo.processInfo.activeProcessorCount
        let lanes = max(1, min(lanes, paths.count))
        DispatchQueue.concurrentPerform(iterations: lanes) { lane in
            for index in stride(from: lane, to: paths.count, by: lanes) {
                let result: Result<Report, ExtractionError>
                do throws(ExtractionError) {
                    result = .success(try extract(path: paths[index], password: password, workers: lanes > 1 ? 1 : workers))
                } catch {
                    result = .failure(error)
                }
                inOrder.deliver(index, paths[index], result)
            }
        }
    }
}

/// Results handed on in their order: one that arrives early waits for those before it.
private final class InOrder: Sendable {
    private let state = Locked((waiting: [Int: (String, Result<Report, ExtractionError>)](), next: 0))
    private let each: @Sendable (String, Result<Report, ExtractionError>) -> Void

    init(count: Int, each: @escaping @Sendable (String, Result<Report, ExtractionError>) -> Void) {
        self.each = each
    }

    func deliver(_ index: Int, _ path: String, _ result: Result<Report, ExtractionError>) {
        state.withLock { state in
            state.waiting[index] = (path, result)
            while let (path, result) = state.waiting.removeValue(forKey: state.next) {
                each(path, result)
                state.next += 1
            }
        }
    }
}
