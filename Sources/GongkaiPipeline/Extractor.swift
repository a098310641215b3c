import FoundationEssentials
import GongkaiLayout
import GongkaiRecognize
import GongkaiText
import GongkaiValidate

/// Runs the stages in order on one PDF: text → layout → recognise → validate.
public enum Extractor {
    /// The report of the PDF at `path`, its pages read by `workers` threads.
    public static func extract(path: String, password: String? = nil,
                               workers: Int = ProcessInfo.processInfo.activeProcessorCount) throws(ExtractionError) -> Report {
        let (document, pages) = try PDFDocument.pages(path: path, password: password, workers: workers)
        let tables = TableFinder.tables(in: pages)
        let (recognized, recognitionFindings) = Recognizer.recognize(tables)
        let statements = NarrativeReader.statements(pages: pages, tables: tables)
        let findings = recognitionFindings + Validator.findings(for: recognized, statements: statements)
        return Report(
            source: Source(file: URL(fileURLWithPath: path).lastPathComponent, sha256: document.sha256, pages: document.pageCount),
            header: ReportHeaderReader.read(pages: pages, tables: tables),
            tables: recognized, findings: findings)
    }

    /// A saved report checked again: the identities are recomputed from its records; the
    /// recognition and narrative findings, which need the PDF's grids and text, are kept as the
    /// file records them.
    public static func revalidated(_ report: Report) -> Report {
        let recorded = { (prefix: String) in report.findings.filter { $0.check.hasPrefix(prefix) } }
        var result = report
        result.findings = recorded("recognition.") + Validator.findings(for: report.tables) + recorded("narrative.")
        return result
    }
}
