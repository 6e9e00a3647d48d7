import ArgumentParser
import EscalateAssistant
import EscalateDomain
import EscalateStore
import EscalateTerminal
import Foundation

/// `escalate` (or `escalate repl`): the conversation.
struct ReplCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repl",
        abstract: "Talk to the assistant (the default)."
    )

    @OptionGroup var data: DataOptions

    @Option(help: ArgumentHelp("Start the simulated clock here, e.g. 2026-11-23T09:00 America/Chicago.", valueName: "time"))
    var now: String?

    @Option(help: ArgumentHelp("Who you are: customer or ccm.", valueName: "role"))
    var role: String = "customer"

    @Option(help: ArgumentHelp("Your name, recorded on every change (default: $USER).", valueName: "name"))
    var user: String?

    @Option(help: ArgumentHelp("The database file, a postgres:// URL, or :memory: (default: $ESCALATE_DATABASE_URL, else $XDG_DATA_HOME/escalate/escalate.sqlite).", valueName: "path"))
    var db: String?

    @Option(help: ArgumentHelp("Read the intent files from this folder instead of the built-in ones (:reload rereads them).", valueName: "dir"))
    var intents: String?

    func run() async throws {
        let zone = try data.readerZone(now: now)
        let catalog = try data.loadCatalog(zone: zone)
        let userRole = try SessionFactory.role(role)
        let clock = try data.pinnedInstant(now, zone: zone).map(SessionClock.simulated) ?? .real
        let style = TerminalStyle.detect()
        let settings = SessionSettings(
            user: try Author.resolve(option: user, environment: ProcessInfo.processInfo.environment),
            zone: zone, role: userRole, width: TerminalStyle.columns())
        let store = try await SessionFactory.openStore(db)
        let assistant = try SessionFactory.assistant(catalog: catalog, intentsFolder: intents)
        let session = Session(settings: settings, assistant: assistant, store: store, clock: clock)
        if let intents { session.intentLoader = { try SessionFactory.readIntents(intents) } }
        let reader: LineReader
        if let editor = EditLineReader(programName: "escalate", historyFile: Paths().history) {
            editor.completion = { [unowned session] text in session.completions(for: text) }
            reader = editor
        } else {
            reader = PlainLineReader()
        }
        await ReplLoop(session: session, reader: reader, style: style).run()
        (reader as? EditLineReader)?.close()
    }
}
