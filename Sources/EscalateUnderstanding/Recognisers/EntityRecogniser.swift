/// Runs every recogniser over an utterance and keeps the best of
/// overlapping matches: the longer wins, then the more specific type.
struct EntityRecogniser: Sendable {
    let enumerated: EnumeratedRecogniser

    /// Structural types whose words are replaced by `{type}` when matching
    /// intents; enumerated types add `{type}` but keep their words.
    static let structural: WordSet = ["ticket", "time", "duration", "level", "person", "phone", "email"]

    /// Which of two spans of one length wins: the more specific type.
    static func priority(of type: String) -> Int {
        switch type {
        case "email": 0
        case "phone": 1
        case "ticket": 2
        case "time": 3
        case "duration": 4
        case "level": 5
        case "person": 6
        default: 10
        }
    }

    /// The recognised entities: non-overlapping `spans`, and `alternates`,
    /// enumerated values of other types over the same words ("Lumen Connect"
    /// is both the portal and Lumen).
    func recognise(_ tokens: [Token], stems: [String], text: String, context: RecognitionContext, known: Set<String> = []) -> [EntitySpan] {
        recogniseAll(tokens, stems: stems, text: text, context: context, known: known).spans
    }

    /// `kinds`, when given, are the tokens' kinds from the table and their
    /// shapes, with `.entity` marked; the context's names are added here.
    func recogniseAll(_ tokens: [Token], stems: [String], text: String, context: RecognitionContext, known: Set<String> = [],
                      kinds given: [WordKinds]? = nil) -> (spans: [EntitySpan], alternates: [EntitySpan]) {
        let kinds = given.map { WordKinds.adding(context.kindsByWord, to: $0, of: tokens) } ?? WordKinds.of(tokens, named: context.kindsByWord)
        // Each recogniser passes over the tokens once.
        WorkMeter.add(8 * tokens.count)
        var structural: [EntitySpan] = []
        structural.reserveCapacity(8)
        structural += ContactDetailsRecogniser.recognise(tokens, text: text)
        structural += TicketRecogniser.recognise(tokens, context: context, kinds: kinds)
        structural += TimeRecogniser.recognise(tokens, context: context, kinds: kinds)
        structural += DurationRecogniser.recognise(tokens, kinds: kinds)
        structural += LevelRecogniser.recognise(tokens, kinds: kinds)
        structural += PersonRecogniser.recognise(tokens, text: text, people: context.peopleByFirstWord, kinds: kinds)
        // "IT" in capitals is the department, not a ticket.
        structural.removeAll { span in
            guard span.type == "ticket", case .ticket(.context) = span.value, span.length == 1 else { return false }
            let token = tokens[span.start]
            return text.utf16.dropFirst(token.start).prefix(token.end - token.start).elementsEqual("IT".utf16)
        }
        var chosen = Self.nonOverlapping(structural)
        var taken = Set<Int>()
        for span in chosen { taken.formUnion(span.start..<span.end) }
        if !known.isEmpty {
            let names = NameRecogniser.recognise(tokens, text: text, known: known, taken: taken)
            chosen += names
            for span in names { taken.formUnion(span.start..<span.end) }
        }
        let candidates = self.enumerated.recognise(stems, kinds: given == nil ? nil : kinds).filter { span in
            !(span.start..<span.end).contains { taken.contains($0) }
        }
        let enumerated = Self.nonOverlapping(candidates)
        var alternates: [EntitySpan] = []
        // When nothing overlapped, every candidate was kept: no alternates.
        if candidates.count > enumerated.count {
            let kept = Set(enumerated)
            for type in Set(candidates.map(\.type)).sorted() {
                let ofType = Self.nonOverlapping(candidates.filter { $0.type == type })
                alternates += ofType.filter { !kept.contains($0) }
                WorkMeter.add(candidates.count)
            }
        }
        let spans = Self.mergingNames((chosen + enumerated).sorted { $0.start < $1.start }, text: text, tokens: tokens)
        return (spans, alternates.sorted { $0.start < $1.start })
    }

    /// Joins names next to each other ("Marcus" known, "Lee" not) into one.
    static func mergingNames(_ spans: [EntitySpan], text: String, tokens: [Token]) -> [EntitySpan] {
        // Only two names side by side need the text looked at.
        guard zip(spans, spans.dropFirst()).contains(where: { $0.type == "person" && $1.type == "person" && $0.end == $1.start }) else { return spans }
        let units = Array(text.utf16)
        var result: [EntitySpan] = []
        for span in spans {
            if var last = result.last, last.type == "person", span.type == "person", last.end == span.start,
               units[tokens[last.end - 1].end..<max(tokens[last.end - 1].end, tokens[span.start].start)].allSatisfy({ $0 == 32 }) {
                last.end = span.end
                var typed = String(decoding: units[tokens[last.start].start..<tokens[span.end - 1].end], as: UTF16.self)
                if typed.hasSuffix("'s") || typed.hasSuffix("’s") { typed.removeLast(2) }
                last.value = .text(typed)
                result[result.count - 1] = last
            } else {
                result.append(span)
            }
        }
        return result
    }

    /// Greedy: longest first, then by type priority, then leftmost.
    static func nonOverlapping(_ spans: [EntitySpan]) -> [EntitySpan] {
        guard spans.count > 1 else { return spans }
        WorkMeter.add(spans.count)
        // Usually nothing overlaps, and then every span is kept: in order of
        // their starts, none starts before the one before it ended.
        let byStart = spans.indices.sorted { spans[$0].start < spans[$1].start }
        let overlapping = zip(byStart, byStart.dropFirst()).contains { spans[$1].start < spans[$0].end }
            || !byStart.allSatisfy({ spans[$0].end > spans[$0].start })
        if !overlapping { return byStart.map { spans[$0] } }
        // Sorted as numbers: each span's priority is looked up once, and the
        // spans themselves are not copied about while sorting. Ties keep
        // the spans' order.
        typealias Key = (length: Int, priority: Int, start: Int, type: String, index: Int)
        func before(_ a: Key, _ b: Key) -> Bool {
            if a.length != b.length { return a.length > b.length }
            if a.priority != b.priority { return a.priority < b.priority }
            if a.start != b.start { return a.start < b.start }
            if a.type != b.type { return a.type < b.type }
            let (first, second) = (spans[a.index].value.description, spans[b.index].value.description)
            return first != second ? first < second : a.index < b.index
        }
        let ordered = spans.enumerated().map { index, span in
            (length: span.length, priority: Self.priority(of: span.type), start: span.start, type: span.type, index: index)
        }.sorted(by: before)
        var used = Array(repeating: false, count: spans.map(\.end).max() ?? 0)
        var chosen: [Int] = []
        for key in ordered {
            let span = spans[key.index]
            WorkMeter.add(span.length)
            guard !used[span.start..<span.end].contains(true) else { continue }
            for index in span.start..<span.end { used[index] = true }
            chosen.append(key.index)
        }
        return chosen.sorted { spans[$0].start < spans[$1].start }.map { spans[$0] }
    }
}
