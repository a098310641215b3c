import Foundation
import GongkaiTestSupport
import Testing
@testable import GongkaiText

/// Every kind of bad input gives its own error, naming the file, and never a crash.
struct BadInputTests {
    private func openError(_ name: String, password: String? = nil) -> ExtractionError? {
        let path = Corpus.bad.appendingPathComponent(name).path
        do {
            let document = try PDFDocument(path: path, password: password)
            _ = try document.pages()
            return nil
        } catch {
            return error
        }
    }

    @Test func emptyFile() {
        let error = openError("empty.pdf")
        #expect(error == .empty(path: Corpus.bad.appendingPathComponent("empty.pdf").path))
        #expect(error?.exitCode == 11)
    }

    @Test func notAPDF() {
        let error = openError("not-a-pdf.pdf")
        #expect(error == .notPDF(path: Corpus.bad.appendingPathComponent("not-a-pdf.pdf").path))
        #expect(error?.exitCode == 12)
        #expect(error?.description.hasSuffix("not-a-pdf.pdf: is not a PDF (no %PDF- header)") == true)
    }

    @Test func truncated() {
        #expect(openError("truncated.pdf") == .truncated(path: Corpus.bad.appendingPathComponent("truncated.pdf").path))
        #expect(openError("truncated.pdf")?.exitCode == 13)
    }

    @Test func damaged() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-damaged-\(UUID()).pdf")
        try Data("%PDF-1.4\n1 0 obj garbage\nendobj\nxref\nnonsense\ntrailer\n<< >>\n%%EOF\n".utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let error: ExtractionError?
        do { _ = try PDFDocument(path: url.path); error = nil } catch let caught { error = caught }
        guard case .damaged(let path, _) = error else {
            Issue.record("expected .damaged, got \(String(describing: error))")
            return
        }
        #expect(path == url.path)
        #expect(error?.exitCode == 14)
    }

    @Test func encryptedWithoutPassword() {
        #expect(openError("encrypted.pdf") == .encrypted(path: Corpus.bad.appendingPathComponent("encrypted.pdf").path))
        #expect(openError("encrypted.pdf")?.exitCode == 15)
    }

    @Test func encryptedWithWrongPassword() {
        let error = openError("encrypted.pdf", password: "wrong")
        #expect(error == .wrongPassword(path: Corpus.bad.appendingPathComponent("encrypted.pdf").path))
        #expect(error?.exitCode == 16)
    }

    @Test func encryptedWithRightPasswordOpens() throws {
        let document = try PDFDocument(path: Corpus.bad.appendingPathComponent("encrypted.pdf").path, password: "secret")
        let page = try document.page(1)
        #expect(page.lines.map(\.text) == ["Hello table"])
    }

    @Test func noTextLayer() {
        let error = openError("no-text.pdf")
        #expect(error == .noTextLayer(path: Corpus.bad.appendingPathComponent("no-text.pdf").path, pages: [1]))
        #expect(error?.exitCode == 17)
    }

    @Test func missingFile() {
        let error = openError("does-not-exist.pdf")
        guard case .unreadable = error else {
            Issue.record("expected .unreadable, got \(String(describing: error))")
            return
        }
        #expect(error?.exitCode == 10)
    }

    @Test func pageOutOfRange() throws {
        let document = try PDFDocument(path: Corpus.bad.appendingPathComponent("hello.pdf").path)
        #expect(throws: ExtractionError.noSuchPage(path: document.path, page: 2, pageCount: 1)) {
            try document.page(2)
        }
    }

    @Test func everyExitCodeIsDistinct() {
        let errors: [ExtractionError] = [
            .unreadable(path: "a", reason: "r"), .empty(path: "a"), .notPDF(path: "a"), .truncated(path: "a"),
            .damaged(path: "a", reason: "r"), .encrypted(path: "a"), .wrongPassword(path: "a"),
            .noTextLayer(path: "a", pages: [1]), .noSuchPage(path: "a", page: 1, pageCount: 0),
        ]
        #expect(Set(errors.map(\.exitCode)).count == errors.count)
        #expect(errors.allSatisfy { !$0.description.contains("\n") && $0.description.hasPrefix("a: ") })
    }
}
