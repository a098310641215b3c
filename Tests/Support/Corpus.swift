import Foundation

/// Where the tests find their data.
public enum Corpus {
    /// The repository's root folder.
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The project's own corpora (committed PDFs).
    public static let own = root.appendingPathComponent("corpora")
    public static let bad = own.appendingPathComponent("bad")
    public static let fixtures = root.appendingPathComponent("Tests/Fixtures")

    /// The shared real PDFs: `../shared/corpora/real/` beside the repository, or the folder in
    /// `GONGKAI_REAL_CORPUS`. Tests over them are skipped (visibly) when it is absent.
    public static let real: URL = {
        if let path = ProcessInfo.processInfo.environment["GONGKAI_REAL_CORPUS"] {
            return URL(fileURLWithPath: path)
        }
        return root.deletingLastPathComponent().appendingPathComponent("shared/corpora/real")
    }()

    public static var realIsAvailable: Bool { !realPDFs.isEmpty }

    /// The real PDFs, sorted by name (empty when the folder is absent).
    public static var realPDFs: [URL] { pdfs(in: real) }

    /// The project's own corpus PDFs, sorted by name.
    public static var ownPDFs: [URL] { pdfs(in: own) }

    public static func pdfs(in folder: URL) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".pdf") }.sorted().map { folder.appendingPathComponent($0) }
    }
}
