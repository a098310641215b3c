import ArgumentParser

@main
struct Gongkai: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gongkai",
        abstract: "Turn Chinese budget and final-accounts disclosure PDFs into validated, structured records.",
        discussion: """
            Example:
              gongkai pages report.pdf --page 10
            """,
        subcommands: [PagesCommand.self, TablesCommand.self])
}
