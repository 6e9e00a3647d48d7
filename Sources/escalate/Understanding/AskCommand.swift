import ArgumentParser
import EscalateAssistant
import EscalateDomain
import EscalateTerminal
import EscalateUnderstanding
import Foundation

/// `escalate ask TEXT`: one question, answered without the REPL.
struct AskCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ask",
        abstract: "Answer one question or note without the REPL.",
        discussion: """
            Exit status 0 when answered, 2 when not understood (or on bad input), 3 when understood but the reply \
            is a question back (more is needed, e.g. which ticket). --json prints {"reply", "kind", "understood"}; \
            see the README for the fields.
            """
    )

    @Argument(help: "The question or note.")
    var text: [String]

    @Option(help: ArgumentHelp("Answer as of this instant, e.g. 2026-11-23T13:00 America/Chicago.", valueName: "time"))
    var now: String?

    @Option(help: ArgumentHelp("The database file, a postgres:// URL, or :memory: (default: $ESCALATE_DATABASE_URL, else the default file).", valueName: "path"))
    var db: String?

    @Flag(help: "Print the reply as JSON, with how it was understood.")
    var json = false

    @Option(help: ArgumentHelp("Who you are: customer or ccm.", valueName: "role"))
    var role: String = "customer"

    @Option(help: ArgumentHelp("Your name, recorded on any change (default: $USER).", valueName: "name"))
    var user: String?

    @OptionGroup var data: DataOptions

    func run() async throws {
        let line = text.joined(separator: " ")
        // A line too long to read is bad input, said before anything is loaded.
        if UtteranceLimits.isTooLong(line) { throw CLIError(UtteranceLimits.tooLongMessage) }
        let hadInvalidBytes = CommandLineText.hadInvalidBytes(text)
        if hadInvalidBytes { Console.error(InputText.invalidBytesNotice) }
        let zone = try data.readerZone(now: now)
        let catalog = try data.loadCatalog(zone: zone)
        let userRole = try SessionFactory.role(role)
        let clock = try data.pinnedInstant(now, zone: zone).map(SessionClock.simulated) ?? .real
        let settings = SessionSettings(user: try Author.resolve(option: user, environment: ProcessInfo.processInfo.environment), zone: zone, role: userRole, width: 80)
        let session = Session(settings: settings, assistant: try SessionFactory.assistant(catalog: catalog, intentsFolder: nil),
                              store: try await SessionFactory.openStore(db), clock: clock)
        let reply = await session.respond(to: line)
        if json {
            var object: [String: Any] = ["reply": reply.lines, "kind": "\(reply.kind)", "understood": NSNull(), "invalid_utf8": hadInvalidBytes]
            if let interpretation = session.lastInterpretation {
                object["understood"] = (try? JSONSerialization.jsonObject(with: Data(ParseJSON.line(for: interpretation).utf8))) ?? NSNull()
            }
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted])
            Console.print(String(decoding: data, as: UTF8.self))
        } else {
            Console.print(SafeText.fitted(reply.text, width: 80))
        }
        switch reply.kind {
        case .answer: break
        case .question: throw ExitStatus.needsMore
        case .problem: throw ExitStatus.badInput
        }
    }
}
