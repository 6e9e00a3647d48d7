import EscalateBuiltInIntents
import Foundation
import Testing
@testable import EscalateUnderstanding

/// A matcher read from compiled tables must be the matcher built from the
/// files: the same interpretation of every line, to the last bit of every
/// score.
@Suite struct CompiledTablesTests {
    static let built = PhrasingSet.matcher
    static let tables = built.compiledTables()
    static let read: IntentMatcher = {
        do { return try IntentMatcher(compiledTables: tables) } catch { fatalError("\(error)") }
    }()

    /// Every utterance of the labelled sets, and some lines that exercise
    /// typo correction, names, notes and several sentences.
    static let lines: [(text: String, intent: String?)] = {
        var lines: [(String, String?)] = []
        for file in ["heldout.txt", "dev.txt", "dev2.txt", "dev3.txt"] {
            guard let set = try? PhrasingSet(file: file) else { continue }
            lines += set.examples.map { ($0.text, $0.intent) }
        }
        lines += [
            ("who do I escelate to now", nil), ("Marcus Lee from Initech called at 9am about #4", nil),
            ("thanks! when can I go up a level on #1. also update #2: vendor on site", nil), ("", nil), ("🙂 ¿qué?", nil),
        ]
        return lines
    }()

    /// Everything an interpretation holds, scores as their exact bits.
    static func fingerprint(_ interpretation: Interpretation) -> String {
        func bits(_ score: Double) -> String { String(score.bitPattern, radix: 16) }
        let parts: [String] = [
            interpretation.intent?.rawValue ?? "-", bits(interpretation.score),
            interpretation.slotDescriptions.map { "\($0.0)=\($0.1)" }.joined(separator: ","),
            interpretation.runnerUp.map { "\($0.intent) \(bits($0.score))" } ?? "-",
            interpretation.nearest.map { "\($0.intent) \(bits($0.score))" }.joined(separator: ","),
            interpretation.entities.map { "\($0.type):\($0.value):\($0.start)-\($0.end)" }.joined(separator: ","),
            interpretation.correctedWords.joined(separator: " "), bits(interpretation.coverage), String(interpretation.unknownWords),
            interpretation.topIntent?.rawValue ?? "-", interpretation.distinctiveWords.joined(separator: ","), String(interpretation.topicWords),
        ]
        return parts.joined(separator: " | ")
    }

    @Test func readTablesInterpretEveryLineAsTheBuiltMatcherDoes() throws {
        try #require(Self.lines.count > 1000)
        var differences: [String] = []
        for (text, intent) in Self.lines {
            let expected = Self.fingerprint(Self.built.interpret(text, context: PhrasingSet.context))
            let actual = Self.fingerprint(Self.read.interpret(text, context: PhrasingSet.context))
            if expected != actual { differences.append("'\(text)':\n  built \(expected)\n  read  \(actual)") }
            if let intent {
                let builtSlots = Self.built.slots(of: text, as: intent, context: PhrasingSet.context)
                if Self.read.slots(of: text, as: intent, context: PhrasingSet.context) != builtSlots { differences.append("slots of '\(text)'") }
            }
        }
        #expect(differences.isEmpty, "\(differences.count) lines differ, e.g. \(differences.prefix(3).joined(separator: "\n"))")
    }

    @Test func readTablesKeepWhatHelpAndCompletionUse() {
        #expect(Self.read.intents == Self.built.intents)
        #expect(Self.read.slotsByIntent == Self.built.slotsByIntent)
        #expect(Self.read.helpExamples == Self.built.helpExamples)
        #expect(Self.read.phrasings == Self.built.phrasings)
        #expect(Self.read.vocabularyWords == Self.built.vocabularyWords)
    }

    /// Written again, a matcher read back gives the very same bytes: nothing
    /// was lost on the way. Two builds give the same bytes too, whatever the
    /// order of the sets and dictionaries in between.
    @Test func tablesAreExactAndReproducible() throws {
        #expect(Self.read.compiledTables() == Self.tables)
        let again = try IntentMatcher(files: PhrasingSet.catalog.intentFiles)
        #expect(again.compiledTables() == Self.tables)
    }

    /// The tables compiled into the build are the built-in files' own; a
    /// working copy with any change gets no compiled matcher.
    @Test func theBuildsTablesAreTheBuiltInFiles() throws {
        let compiled = try #require(BuiltInIntents.matcher(for: PhrasingSet.catalog.intentFiles))
        #expect(compiled.compiledTables() == Self.tables)
        var edited = PhrasingSet.catalog.intentFiles
        edited["intents/greet.intent", default: ""] += "\nhowdy partner\n"
        #expect(BuiltInIntents.matcher(for: edited) == nil)
    }

    @Test func damagedTablesAreRefused() {
        for length in [0, 5, 16, 17, 100, Self.tables.count / 2, Self.tables.count - 1] {
            #expect(throws: IntentTablesError.self) { try IntentMatcher(compiledTables: Array(Self.tables.prefix(length))) }
        }
        #expect(throws: IntentTablesError.self) { try IntentMatcher(compiledTables: Self.tables + [0]) }
        var otherVersion = Self.tables
        otherVersion[TableFormat.magic.count] = 0x7E
        #expect(throws: IntentTablesError.self) { try IntentMatcher(compiledTables: otherVersion) }
    }

    /// Bytes changed at random either are refused or read as some matcher
    /// that still answers without crashing.
    @Test func changedBytesNeverCrash() {
        var generator = SeededGenerator(seed: 13)
        for _ in 0..<40 {
            var bytes = Self.tables
            for _ in 0..<3 {
                let index = Int(generator.next() % UInt64(bytes.count))
                bytes[index] = UInt8(truncatingIfNeeded: generator.next())
            }
            guard let matcher = try? IntentMatcher(compiledTables: bytes) else { continue }
            for (text, _) in Self.lines.prefix(20) { _ = matcher.interpret(text, context: PhrasingSet.context) }
            _ = matcher.phrasings
        }
    }
}
