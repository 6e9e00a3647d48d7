import Testing
@testable import EscalateUnderstanding

/// The shortcuts that make reading a line cheap must give the answers of
/// the plain code they stand in for: each is checked against it here, on
/// many generated cases (from `SeededGenerator`, so that a failure can be
/// replayed).
@Suite struct ReadingShortcutsTests {
    /// Short and long words (past eight bytes, and exactly eight), the empty
    /// word, and words that are not ASCII.
    static let words = [
        "", "a", "i", "to", "the", "ticket", "escalate", "escalated", "escalation", "acknowledgement", "café", "naïve", "Dana",
        "dana", "12", "#12", "e-mail", "email", "director's", "x\u{1B}[31m", "émail", "déjà vu", "twelve chars", "ticket ",
    ]

    @Test func wordTableAnswersAsADictionaryDoes() {
        var random = SeededGenerator(seed: 7)
        var table = WordTable<Int>()
        var dictionary: [String: Int] = [:]
        for step in 0..<4_000 {
            let word = Self.words.randomElement(using: &random)! + (Bool.random(using: &random) ? "" : String(step % 97))
            switch Int.random(in: 0..<4, using: &random) {
            case 0:
                table[word] = nil
                dictionary[word] = nil
            case 1:
                table.update(word, initial: 100) { $0 += 1 }
                dictionary[word, default: 100] += 1
            default:
                table[word] = step
                dictionary[word] = step
            }
            #expect(table[word] == dictionary[word])
            #expect(table.contains(word) == (dictionary[word] != nil))
        }
        #expect(table.count == dictionary.count)
        #expect(Set(table.words) == Set(dictionary.keys))
        for word in Set(table.words).union(Self.words) { #expect(table[word] == dictionary[word], "\(word)") }
        #expect(WordTable(dictionary).words.sorted() == dictionary.keys.sorted())
    }

    @Test func wordSetHoldsWhatASetHolds() {
        let set: WordSet = ["yes", "no", "never mind", "ok"]
        #expect(set.contains("never mind") && set.contains("ok") && !set.contains("never") && !set.contains(""))
        #expect(Set(set) == ["yes", "no", "never mind", "ok"])
        #expect(set.count == 4)
        #expect(!set.isDisjoint(with: ["well", "ok"]) && set.isDisjoint(with: ["well", "okay"]))
        var grown = WordSet()
        for word in Self.words { grown.insert(word) }
        #expect(Set(grown) == Set(Self.words))
    }

    @Test func utf16UnitsAreTheUTF16View() {
        let lines = Self.words + [
            "update #12: vendor dispatched, ETA Friday", "who do I call? 👋🏽", "Dana\u{2019}s phone", "\u{FFFD}\u{FFFD}", "tab\there",
            String(repeating: "escalation ", count: 40), "e\u{301}", "中文 ticket",
        ]
        for line in lines { #expect(line.utf16Units == Array(line.utf16), "\(line)") }
    }

    /// `nonOverlapping` as it was first written: sorted copies, no shortcuts.
    static func plainNonOverlapping(_ spans: [EntitySpan]) -> [EntitySpan] {
        guard spans.count > 1 else { return spans }
        let byStart = spans.indices.sorted { spans[$0].start != spans[$1].start ? spans[$0].start < spans[$1].start : $0 < $1 }
        let overlapping = zip(byStart, byStart.dropFirst()).contains { spans[$1].start < spans[$0].end }
            || !byStart.allSatisfy { spans[$0].end > spans[$0].start }
        if !overlapping { return byStart.map { spans[$0] } }
        let ordered = spans.indices.sorted { a, b in
            let (x, y) = (spans[a], spans[b])
            if x.length != y.length { return x.length > y.length }
            let (px, py) = (EntityRecogniser.priority(of: x.type), EntityRecogniser.priority(of: y.type))
            if px != py { return px < py }
            if x.start != y.start { return x.start < y.start }
            if x.type != y.type { return x.type < y.type }
            if x.value.description != y.value.description { return x.value.description < y.value.description }
            return a < b
        }
        var used = Set<Int>()
        var chosen: [Int] = []
        for index in ordered where used.isDisjoint(with: spans[index].start..<spans[index].end) {
            used.formUnion(spans[index].start..<spans[index].end)
            chosen.append(index)
        }
        let place = Dictionary(uniqueKeysWithValues: ordered.enumerated().map { ($1, $0) })
        return chosen.sorted { spans[$0].start != spans[$1].start ? spans[$0].start < spans[$1].start : place[$0]! < place[$1]! }.map { spans[$0] }
    }

    @Test func nonOverlappingChoosesAsThePlainWayDoes() {
        var random = SeededGenerator(seed: 11)
        let types = ["time", "ticket", "category", "org", "person", "duration", "level"]
        var overlapped = 0
        for _ in 0..<3_000 {
            let spans = (0..<Int.random(in: 0...20, using: &random)).map { _ -> EntitySpan in
                let start = Int.random(in: 0...10, using: &random)
                // Now and then an empty span, which the plain way keeps too.
                let length = Int.random(in: 0...100, using: &random) < 3 ? 0 : Int.random(in: 1...3, using: &random)
                return EntitySpan(type: types.randomElement(using: &random)!, value: .entity(["a", "b"].randomElement(using: &random)!),
                                  start: start, end: start + length)
            }
            let expected = Self.plainNonOverlapping(spans)
            if expected.count < spans.count { overlapped += 1 }
            #expect(EntityRecogniser.nonOverlapping(spans) == expected, "\(spans)")
        }
        // The cases reached the choosing, not only the shortcuts.
        #expect(overlapped > 1_000)
    }

    @Test func sortingSpansByStartInPlaceKeepsTiesAsAStableSortDoes() {
        var random = SeededGenerator(seed: 5)
        var reordered = 0
        for _ in 0..<3_000 {
            // Few distinct starts, so that ties are common; a value numbers
            // each span, so that the order among ties shows.
            var spans = (0..<Int.random(in: 0...12, using: &random)).map { number -> EntitySpan in
                let start = Int.random(in: 0...5, using: &random)
                return EntitySpan(type: "time", value: .entity(String(number)), start: start, end: start + 1)
            }
            // Half the cases already in order, as the recognisers usually hand them over.
            if Bool.random(using: &random) { spans = spans.sorted { $0.start < $1.start } }
            let expected = spans.enumerated().sorted { ($0.element.start, $0.offset) < ($1.element.start, $1.offset) }.map(\.element)
            if expected != spans { reordered += 1 }
            EntityRecogniser.sortByStart(&spans)
            #expect(spans == expected)
        }
        #expect(reordered > 1_000)
    }

    @Test func theBestFewAreTheFirstOfTheFullRanking() {
        var random = SeededGenerator(seed: 3)
        for _ in 0..<2_000 {
            // Few distinct scores, so that ties (broken by intent) are common.
            let entries = (0..<Int.random(in: 0...40, using: &random)).map { (intent: $0, score: Double(Int.random(in: 0...5, using: &random)) / 5) }
                .shuffled(using: &random)
            let count = Int.random(in: 1...8, using: &random)
            let expected = Array(entries.sorted(by: IntentMatcher.betterFirst).prefix(count))
            let best = IntentMatcher.best(count, of: entries)
            #expect(best.map(\.intent) == expected.map(\.intent) && best.map(\.score) == expected.map(\.score))
        }
    }
}
