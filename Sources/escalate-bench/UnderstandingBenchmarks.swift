import EscalateBuiltInIntents
import EscalateCatalog
import EscalateDomain
import EscalateUnderstanding
import Foundation

/// Issue: understanding and conversation. `parse` at most 20 µs median per
/// utterance with every intent loaded.
enum UnderstandingBenchmarks {
    static let utterances = [
        "who do I escalate to now?", "update #12: vendor dispatched, ETA Friday", "I called my CCM at 9am",
        "when can I go to the next level on ticket 7", "what's Dana's number", "where do I send a billing dispute?",
        "the director acknowledged at 2pm", "close it, the customer agreed it's resolved", "list overdue tickets",
        "updates every 4 hours by e-mail", "my circuit is down, who do I call?", "what's the weather like today",
        "open a CMS billing ticket for Acme about duplicate charges", "how many business hours since I called?",
        "draft the escalation email for #3", "waiting on the customer for #44", "asdf qwerty",
    ]

    /// Letters only, so that every stage that reads words reads it as one.
    static let longWord = String(repeating: "escalation", count: 400)

    static func rows() -> [BenchmarkRow] {
        let zone = Zone(identifier: "America/Chicago")!
        let catalog = try! Catalog.builtIn(localZone: zone)
        let matcher = try! IntentMatcher(files: catalog.intentFiles)
        let context = RecognitionContext(now: Instant(secondsSinceEpoch: 1_795_446_000), zone: zone, people: ["Dana Reyes", "Robin Castellano"], customers: ["Acme"])
        var index = 0
        return [
            // 20,001 samples (about half a second): a median over a run that
            // short could be all inside one burst of noise on a shared machine.
            BenchmarkRow(name: "parse one utterance, every intent loaded", target: 20e-6, callsPerSample: 1, samples: 20_001) {
                index = (index + 1) % utterances.count
                return matcher.interpret(utterances[index], context: context).intent?.rawValue.count ?? 0
            },
            // A line of one word at the length limit: no stage may cost more
            // than in proportion to it (the typo corrector once copied the
            // word for every letter, a gigabyte for 30,000 letters).
            BenchmarkRow(name: "parse a 4,000-character word", target: 2e-3, callsPerSample: 1, samples: 51) {
                matcher.interpret(longWord, context: context).correctedWords.count
            }.noting {
                PeakMemory.added { _ = matcher.interpret(longWord, context: context) }
            },
            BenchmarkRow(name: "build the intent matcher (informative: --intents, :reload)", target: 2.0, callsPerSample: 1, samples: 5) {
                (try? IntentMatcher(files: catalog.intentFiles))?.intents.count ?? 0
            },
            // What a run of escalate does instead of building the matcher.
            BenchmarkRow(name: "read the compiled intent matcher", target: 10e-3, callsPerSample: 1, samples: 21) {
                (try? BuiltInIntents.readCompiledTables())?.intents.count ?? 0
            },
            BenchmarkRow(name: "load the built-in catalog", target: 50e-3, callsPerSample: 1, samples: 11) {
                (try? Catalog.builtIn(localZone: zone))?.processes.count ?? 0
            },
        ]
    }
}
