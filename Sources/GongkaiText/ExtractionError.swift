/// Why a document could not be read. Each case names the file, has a one-line reason, and maps
/// to its own process exit code so that batch scripts can tell failures apart.
public enum ExtractionError: Error, Equatable, Sendable, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    case empty(path: String)
    case notPDF(path: String)
    case truncated(path: String)
    case damaged(path: String, reason: String)
    case encrypted(path: String)
    case wrongPassword(path: String)
    case noTextLayer(path: String, pages: [Int])
    case noSuchPage(path: String, page: Int, pageCount: Int)

    public var path: String {
        switch self {
        case .unreadable(let path, _), .empty(let path), .notPDF(let path), .truncated(let path),
             .damaged(let path, _), .encrypted(let path), .wrongPassword(let path),
             .noTextLayer(let path, _), .noSuchPage(let path, _, _):
            return path
        }
    }

    /// The reason, without the file name.
    public var reason: String {
        switch self {
        case .unreadable(_, let reason): return "cannot be read: \(reason)"
        case .empty: return "is empty (0 bytes)"
        case .notPDF: return "is not a PDF (no %PDF- header)"
        case .truncated: return "is truncated (no %%EOF marker at the end of the file)"
        case .damaged(_, let reason): return "is damaged: \(reason)"
        case .encrypted: return "is encrypted: a password is needed (--password)"
        case .wrongPassword: return "is encrypted and the password given does not open it"
        case .noTextLayer(_, let pages):
            return pages.count == 1
                ? "has no text layer on page \(pages[0]) (a scanned image?)"
                : "has no text layer (a scanned image?): no text on any of its \(pages.count) pages"
        case .noSuchPage(_, let page, let count): return "has no page \(page) (it has \(count))"
        }
    }

    public var description: String { "\(path): \(reason)" }

    /// The process exit code for this failure (documented in the README).
    public var exitCode: Int32 {
        switch self {
        case .unreadable: return 10
        case .empty: return 11
        case .notPDF: return 12
        case .truncated: return 13
        case .damaged: return 14
        case .encrypted: return 15
        case .wrongPassword: return 16
        case .noTextLayer: return 17
        case .noSuchPage: return 18
        }
    }
}
