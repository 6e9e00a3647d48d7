import EscalateCatalog
import EscalateDomain
import EscalateUnderstanding
import Foundation

/// A set of labelled utterances (`utterance => intent | slot=value`) and
/// how the matcher does on it.
struct PhrasingSet {
    struct Example {
        var line: Int
        var text: String
        var intent: String?
        var slots: [(String, String)]
    }

    struct Score {
        var examples = 0
        var intentCorrect = 0
        var inScope = 0
        var inScopeCorrect = 0
        var outOfScope = 0
        var rejected = 0
        var slotsExpected = 0
        var slotsCorrect = 0
        var misses: [String] = []

        var intentAccuracy: Double { inScope == 0 ? 1 : Double(inScopeCorrect) / Double(inScope) }
        var slotAccuracy: Double { slotsExpected == 0 ? 1 : Double(slotsCorrect) / Double(slotsExpected) }
        var rejection: Double { outOfScope == 0 ? 1 : Double(rejected) / Double(outOfScope) }

        var summary: String {
            String(format: "intent accuracy %.1f%% (%d/%d), slot accuracy %.1f%% (%d/%d), out-of-scope rejected %.1f%% (%d/%d)",
                   intentAccuracy * 100, inScopeCorrect, inScope, slotAccuracy * 100, slotsCorrect, slotsExpected,
                   rejection * 100, rejected, outOfScope)
        }
    }

    /// Tuesday 24 November 2026, 14:00 Central: the clock every set is written against.
    static let now = try! ZonedTime(parsing: "2026-11-24T14:00 America/Chicago").instant
    static let zone = Zone(identifier: "America/Chicago")!

    static let catalog = try! Catalog.builtIn(localZone: zone)
    static let matcher: IntentMatcher = {
        do { return try IntentMatcher(files: catalog.intentFiles) } catch { fatalError("\(error)") }
    }()
    static let context: RecognitionContext = {
        var people = ["Dana Reyes"]
        for organisation in catalog.organisations {
            people += organisation.contactLists.flatMap { $0.people.map(\.name) }
            people += organisation.processes.flatMap { $0.ladder.compactMap { $0.person?.name } }
        }
        return RecognitionContext(now: now, zone: zone, people: Array(Set(people)).sorted(), customers: ["Acme"], referenceKinds: catalog.referenceKinds)
    }()

    var name: String
    var examples: [Example]

    init(file: String) throws {
        name = file
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Data/\(file)")
        let text = try String(contentsOf: url, encoding: .utf8)
        examples = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty, !line.hasPrefix("#"), let arrow = line.range(of: "=>") else { continue }
            let utterance = line[..<arrow.lowerBound].trimmingCharacters(in: .whitespaces)
            let fields = line[arrow.upperBound...].split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            let intent = fields.first.flatMap { $0 == "none" ? nil : $0 }
            let slots = fields.dropFirst().compactMap { field -> (String, String)? in
                guard let equals = field.firstIndex(of: "=") else { return nil }
                return (String(field[..<equals]).trimmingCharacters(in: .whitespaces), String(field[field.index(after: equals)...]).trimmingCharacters(in: .whitespaces))
            }
            examples.append(Example(line: index + 1, text: utterance, intent: intent, slots: slots))
        }
    }

    static func normalise(_ slot: String, _ value: String) -> String {
        let lowered = value.lowercased()
        switch slot {
        case "note", "name", "customer":
            return lowered.unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) || $0 == " " }
                .map(String.init).joined().split(separator: " ").joined(separator: " ")
        case "phone":
            return lowered.filter(\.isNumber)
        default:
            return lowered
        }
    }

    func score() -> Score {
        var score = Score()
        for example in examples {
            score.examples += 1
            let result = Self.matcher.interpret(example.text, context: Self.context)
            if let expected = example.intent {
                score.inScope += 1
                if result.intent?.rawValue == expected { score.inScopeCorrect += 1; score.intentCorrect += 1 } else {
                    score.misses.append("\(name):\(example.line): '\(example.text)' expected \(expected), got \(result.intent?.rawValue ?? "none") (\(String(format: "%.2f", result.score)); runner-up \(result.runnerUp?.intent.rawValue ?? "-"))")
                }
            } else {
                score.outOfScope += 1
                if result.intent == nil { score.rejected += 1; score.intentCorrect += 1 } else {
                    score.misses.append("\(name):\(example.line): '\(example.text)' expected none, got \(result.intent!) (\(String(format: "%.2f", result.score)))")
                }
            }
            for (slot, value) in example.slots {
                score.slotsExpected += 1
                let got = result.intent?.rawValue == example.intent ? result.slots[SlotName(rawValue: slot)]?.description : nil
                if let got, Self.normalise(slot, got) == Self.normalise(slot, value) {
                    score.slotsCorrect += 1
                } else {
                    score.misses.append("\(name):\(example.line): '\(example.text)' slot \(slot) expected '\(value)', got '\(got ?? "nothing")'")
                }
            }
        }
        return score
    }
}
