import GongkaiRecognize

/// The validation stage's entry point: every accounting identity a correct report satisfies,
/// checked within each table and across the tables of the report, and the narrative's figures
/// against the tables. Values are never changed; a broken identity is a finding.
public enum Validator {
    public static func findings(for tables: [RecognizedTable], statements: [Statement] = []) -> [Finding] {
        var findings: [Finding] = []
        for (index, table) in tables.enumerated() {
            findings += RowFormulas.findings(table, index: index)
            findings += CodeHierarchy.findings(table, index: index)
            findings += SummaryChecks.findings(table, index: index)
            findings += BasicExpenditureChecks.findings(table, index: index)
        }
        findings += CrossTableChecks.findings(tables)
        findings += NarrativeChecks.findings(statements, tables: tables)
        return findings
    }
}
