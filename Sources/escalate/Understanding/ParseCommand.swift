import ArgumentParser
import EscalateAssistant
import EscalateCatalog
import EscalateDomain
import EscalateUnderstanding
import Foundation

/// `escalate parse [TEXT]`: how input is understood, as JSON.
struct ParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Print how TEXT is understood as JSON: intent, score, slots and runner-up.",
        discussion: "With no TEXT, reads standard input and prints one JSON line per input line."
    )

    @Argument(help: "The text to understand.")
    var text: [String] = []

    @Option(help: ArgumentHelp("Resolve times against this instant, e.g. 2026-11-24T14:00 America/Chicago.", valueName: "time"))
    var now: String?

    @Option(help: ArgumentHelp("Read the intent files from this folder.", valueName: "dir"))
    var intents: String?

    @OptionGroup var data: DataOptions

    func run() throws {
        SessionFactory.startReadingIntents(unless: intents)
        let zone = try data.readerZone(now: now)
        let catalog = try data.loadCatalog(zone: zone)
        let assistant = try SessionFactory.assistant(catalog: catalog, intentsFolder: intents)
        let instant = try data.pinnedInstant(now, zone: zone) ?? Instant(Date())
        let context = RecognitionContext(now: instant, zone: zone, people: assistant.peopleInMatrices)
        func emit(_ line: String) {
            let interpretation = assistant.matcher.interpret(line, context: context)
            print(ParseJSON.line(for: interpretation))
        }
        if !text.isEmpty {
            emit(text.joined(separator: " "))
            return
        }
        while let line = readLine(strippingNewline: true) {
            emit(line)
        }
    }
}

/// One interpretation as a line of JSON.
enum ParseJSON {
    static func line(for interpretation: Interpretation) -> String {
        var object: [String: Any] = [
            "intent": interpretation.intent ?? NSNull(),
            "score": (interpretation.score * 1000).rounded() / 1000,
            "slots": Dictionary(uniqueKeysWithValues: interpretation.slotDescriptions),
            "confident": interpretation.isConfident,
            "distinctive_words": interpretation.distinctiveWords,
        ]
        if let runnerUp = interpretation.runnerUp {
            object["runner_up"] = ["intent": runnerUp.intent, "score": (runnerUp.score * 1000).rounded() / 1000]
        } else {
            object["runner_up"] = NSNull()
        }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
