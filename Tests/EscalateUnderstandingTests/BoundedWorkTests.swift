import Testing
@testable import EscalateUnderstanding

/// Understanding a line costs work in proportion to its length, whatever is
/// in it, and a line too long is not read at all. The work is counted (see
/// `WorkMeter`), not timed: a line of n characters may cost at most
/// `perCharacter` · n + `perLine`.
@Suite struct BoundedWorkTests {
    /// Work per character: every stage passes over a line a few times.
    /// (The lines below cost at most about 11 per character; a stage that
    /// went back over the line for each word would cost hundreds.)
    static let perCharacter = 24
    /// Work any line costs, however short: a few lookups per stage.
    static let perLine = 400

    static var matcher: IntentMatcher { PhrasingSet.matcher }

    static func work(_ line: String) -> Int {
        // Built before counting: building reads every phrasing.
        let matcher = Self.matcher
        return WorkMeter.measure { matcher.interpret(line, context: PhrasingSet.context) }.work
    }

    static func bound(_ line: String) -> Int { perCharacter * line.utf16.count + perLine }

    /// Lines built to make a quadratic stage show: one thing said many times.
    static let repeated = [
        "#1 ", "a@b.co ", "x: ", "update #1: ", "Dana ", "the ", "escalate ", "for Acme, ", "at 9am ", "level 2 ", "Marcus Lee ",
        "open a ticket for Acme about ", "esc. ", "that ", "ims 482913 ", "- ", "it ", "Thanksgiving ", "every 4 hours ", "CCM ",
        "555-0142 ", "\u{FFFD}", "e", "é", "💥", "\u{1B}[31m",
    ]

    /// A few thousand lines: the labelled ones, mutated at random (characters
    /// inserted, deleted or doubled, lines joined, stretches repeated), and
    /// the repeated ones above at many lengths, up to the limit.
    static let lines: [String] = {
        var generator = SeededGenerator(seed: 1414)
        func random(_ bound: Int) -> Int { Int(generator.next() % UInt64(max(bound, 1))) }
        var base: [String] = []
        for file in ["heldout.txt", "dev.txt", "dev2.txt", "dev3.txt"] {
            base += ((try? PhrasingSet(file: file))?.examples ?? []).map(\.text)
        }
        let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 #@:-.,'’!?é\u{FFFD}\u{1B}\u{202E}🙂")
        var lines: [String] = []
        for _ in 0..<2_000 {
            var characters = Array(base[random(base.count)])
            for _ in 0..<random(12) {
                switch random(5) {
                case 0 where !characters.isEmpty: characters.remove(at: random(characters.count))
                case 1: characters.insert(alphabet[random(alphabet.count)], at: random(characters.count + 1))
                case 2: characters += " " + Array(base[random(base.count)])
                case 3 where !characters.isEmpty:
                    let start = random(characters.count)
                    let stretch = characters[start..<min(characters.count, start + 1 + random(30))]
                    for _ in 0..<random(60) { characters.insert(contentsOf: stretch, at: start) }
                default: characters += Array(", " + base[random(base.count)])
                }
            }
            lines.append(String(characters.prefix(UtteranceLimits.maximumCharacters)))
        }
        for piece in repeated {
            for length in [10, 100, 1_000, 4_000] {
                let count = max(1, length / max(piece.unicodeScalars.count, 1))
                var line = String(repeating: piece, count: count)
                while line.unicodeScalars.count > UtteranceLimits.maximumCharacters { line.removeLast() }
                lines.append(line)
            }
        }
        return lines
    }()

    @Test func workGrowsNoFasterThanTheLine() throws {
        try #require(Self.lines.count > 2_000)
        var over: [(ratio: Double, line: String)] = []
        for line in Self.lines {
            let work = Self.work(line)
            if work > Self.bound(line) { over.append((Double(work) / Double(max(line.utf16.count, 1)), line)) }
        }
        over.sort { $0.ratio > $1.ratio }
        let examples = over.prefix(3).map { "\(Int($0.ratio))/char: \($0.line.prefix(80))…" }
        let tooCostly = over.count
        #expect(tooCostly == 0, "lines cost more than \(Self.perCharacter) per character, e.g. \(examples)")
    }

    /// The counter does count: a line twice as long costs about twice as much.
    @Test func workIsCounted() {
        let short = Self.work(String(repeating: "update #1: vendor dispatched. ", count: 10))
        let long = Self.work(String(repeating: "update #1: vendor dispatched. ", count: 100))
        #expect(short > 300)
        #expect(long > 5 * short && long < 20 * short, "\(short) then \(long)")
    }

    @Test func aWordOfFourThousandLettersIsCheap() {
        let word = String(repeating: "escalate", count: 500)
        #expect(Self.work(word) <= Self.bound(word))
        #expect(Self.matcher.interpret(word, context: PhrasingSet.context).intent == nil)
    }

    @Test func aLineOverTheLimitIsNotRead() {
        let most = String(repeating: "a", count: UtteranceLimits.maximumCharacters)
        #expect(!UtteranceLimits.isTooLong(most))
        #expect(!Self.matcher.interpret(most, context: PhrasingSet.context).isTooLong)
        let over = "close #1 " + String(repeating: "a", count: UtteranceLimits.maximumCharacters)
        #expect(UtteranceLimits.isTooLong(over))
        let interpretation = Self.matcher.interpret(over, context: PhrasingSet.context)
        #expect(interpretation.isTooLong)
        #expect(interpretation.intent == nil)
        #expect(Self.work(over) == 0)
        #expect(Self.matcher.slots(of: over, as: "close", context: PhrasingSet.context).isEmpty)
        // Characters are code points: 4,000 of them in many bytes are still read.
        #expect(!UtteranceLimits.isTooLong(String(repeating: "🙂", count: UtteranceLimits.maximumCharacters)))
        #expect(UtteranceLimits.tooLongMessage.contains("4,000 characters"))
    }

    /// U+FFFD stands for bytes that were not UTF-8: it separates words and
    /// is never one, so noise around a ticket number gives nothing to act on.
    @Test func theReplacementCharacterIsNeverAWord() {
        #expect(Tokenizer.tokens("clo\u{FFFD}se #1").map(\.text) == ["clo", "se", "#1"])
        #expect(Tokenizer.tokens("\u{FFFD}\u{FFFD} \u{FFFD}").isEmpty)
        let noise = Self.matcher.interpret("\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD} #1 \u{FFFD}", context: PhrasingSet.context)
        #expect(!noise.isConfident)
        #expect(noise.correctedWords == ["#1"])
    }
}
