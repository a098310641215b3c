import ArgumentParser

@main
struct Gongkai: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gongkai",
        abstract: "Turn Chinese budget and final-accounts disclosure PDFs into validated, structured records.",
        discussion: """
            Example:
              gongkai extract report.pdf --pretty
            """,
        subcommands: [ExtractCommand.self, ValidateCommand.self, DiffCommand.self, TablesCommand.self, PagesCommand.self])
}
