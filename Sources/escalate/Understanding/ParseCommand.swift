import ArgumentParser
import EscalateAssistant
import EscalateCatalog
import EscalateDomain
import EscalateTerminal
import EscalateUnderstanding
import Foundation

/// `escalate parse [TEXT]`: how input is understood, as JSON.
struct ParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Print how TEXT is understood as JSON: intent, score, slots and runner-up.",
        discussion: """
            With no TEXT, reads standard input and prints one JSON line per input line (null for a line over 4,000 \
            characters, which is reported and makes the exit status 2). Bytes that are not UTF-8 are read as U+FFFD \
            and reported on standard error.
            """
    )

    @Argument(help: "The text to understand.")
    var text: [String] = []

    @Option(help: ArgumentHelp("Resolve times against this instant, e.g. 2026-11-24T14:00 America/Chicago.", valueName: "time"))
    var now: String?

    @Option(help: ArgumentHelp("Read the intent files from this folder.", valueName: "dir"))
    var intents: String?

    @OptionGroup var data: DataOptions

    func run() throws {
        let single = text.joined(separator: " ")
        // A line too long to read is bad input, said before anything is loaded.
        if !text.isEmpty, UtteranceLimits.isTooLong(single) { throw CLIError(UtteranceLimits.tooLongMessage) }
        let zone = try data.readerZone(now: now)
        let catalog = try data.loadCatalog(zone: zone)
        let assistant = try SessionFactory.assistant(catalog: catalog, intentsFolder: intents)
        let instant = try data.pinnedInstant(now, zone: zone) ?? Instant(Date())
        let context = RecognitionContext(now: instant, zone: zone, people: assistant.peopleInMatrices, referenceKinds: catalog.referenceKinds)
        if !text.isEmpty {
            if CommandLineText.hadInvalidBytes(text) { Console.error(InputText.invalidBytesNotice) }
            print(ParseJSON.line(for: assistant.matcher.interpret(single, context: context)))
            return
        }
        // One JSON line per input line; a line too long to read gives `null`
        // and, at the end, status 2.
        let reader = PlainLineReader()
        var number = 0
        var tooLong = false
        while true {
            let line: String
            switch reader.readLine(prompt: "") {
            case .line(let text): line = text
            case .lineWithInvalidBytes(let text):
                line = text
                Console.error("line \(number + 1): \(InputText.invalidBytesNotice)")
            case .interrupted: continue
            case .endOfInput:
                if tooLong { throw ExitStatus.badInput }
                return
            }
            number += 1
            let interpretation = assistant.matcher.interpret(line, context: context)
            if interpretation.isTooLong {
                Console.error("line \(number): \(UtteranceLimits.tooLongMessage)")
                print("null")
                tooLong = true
            } else {
                print(ParseJSON.line(for: interpretation))
            }
        }
    }
}

/// One interpretation as a line of JSON.
enum ParseJSON {
    static func line(for interpretation: Interpretation) -> String {
        var object: [String: Any] = [
            "intent": interpretation.intent?.rawValue ?? NSNull(),
            "score": (interpretation.score * 1000).rounded() / 1000,
            "slots": Dictionary(uniqueKeysWithValues: interpretation.slotDescriptions),
            "confident": interpretation.isConfident,
            "distinctive_words": interpretation.distinctiveWords,
        ]
        if let runnerUp = interpretation.runnerUp {
            object["runner_up"] = ["intent": runnerUp.intent.rawValue, "score": (runnerUp.score * 1000).rounded() / 1000]
        } else {
            object["runner_up"] = NSNull()
        }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
