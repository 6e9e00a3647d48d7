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
        recogniseAll(tokens, stems: stems, text: text, units: text.utf16Units, context: context, known: known).spans
    }

    /// `kinds`, when given, are the tokens' kinds from the table and their
    /// shapes, with `.entity` marked; the context's names are added here.
    /// `units` are the line's UTF-16 code units (`text.utf16Units`).
    func recogniseAll(_ tokens: [Token], stems: [String], text: String, units: [UInt16], context: RecognitionContext, known: Set<String> = [],
                      kinds given: [WordKinds]? = nil) -> (spans: [EntitySpan], alternates: [EntitySpan]) {
        let kinds = given.map { WordKinds.adding(context.kindsByWord, to: $0, of: tokens) } ?? WordKinds.of(tokens, named: context.kindsByWord)
        // Each recogniser passes over the tokens once.
        WorkMeter.add(8 * tokens.count)
        var structural: [EntitySpan] = []
        structural.reserveCapacity(8)
        structural += ContactDetailsRecogniser.recognise(tokens, text: text, units: units)
        structural += TicketRecogniser.recognise(tokens, context: context, kinds: kinds)
        structural += TimeRecogniser.recognise(tokens, context: context, kinds: kinds)
        structural += DurationRecogniser.recognise(tokens, kinds: kinds)
        structural += LevelRecogniser.recognise(tokens, kinds: kinds)
        structural += PersonRecogniser.recognise(tokens, units: units, people: context.peopleByFirstWord, kinds: kinds)
        // "IT" in capitals is the department, not a ticket.
        structural.removeAll { span in
            guard span.type == "ticket", case .ticket(.context) = span.value, span.length == 1 else { return false }
            let token = tokens[span.start]
            return text.utf16.dropFirst(token.start).prefix(token.end - token.start).elementsEqual("IT".utf16)
        }
        var chosen = Self.nonOverlapping(structural)
        // Whether each token is taken, as a list: a line has few tokens.
        var taken = Array(repeating: false, count: tokens.count)
        for span in chosen { taken.replaceSubrange(span.start..<span.end, with: repeatElement(true, count: span.length)) }
        if !known.isEmpty {
            let names = NameRecogniser.recognise(tokens, text: text, units: units, known: known, taken: taken)
            chosen += names
            for span in names { taken.replaceSubrange(span.start..<span.end, with: repeatElement(true, count: span.length)) }
        }
        var candidates = self.enumerated.recognise(stems, kinds: given == nil ? nil : kinds)
        // Usually no candidate lies on a taken word: then the list is kept as it is.
        let isOnTakenWord = { (span: EntitySpan) in taken[span.start..<span.end].contains(true) }
        if candidates.contains(where: isOnTakenWord) { candidates.removeAll(where: isOnTakenWord) }
        let enumerated = Self.nonOverlapping(candidates)
        var alternates = Self.alternates(among: candidates, besides: enumerated)
        // By start (the sort is stable); usually they already are, and nothing is copied.
        var all = chosen
        if !enumerated.isEmpty { all += enumerated }
        Self.sortByStart(&all)
        Self.sortByStart(&alternates)
        return (Self.mergingNames(all, units: units, tokens: tokens), alternates)
    }

    /// Enumerated values of other types over the words `chosen` took
    /// ("Lumen Connect" is both the portal and Lumen): each type's own
    /// best, where it was not chosen.
    static func alternates(among candidates: [EntitySpan], besides chosen: [EntitySpan]) -> [EntitySpan] {
        var alternates: [EntitySpan] = []
        // When nothing overlapped, every candidate was kept: no alternates.
        if candidates.count > chosen.count {
            // A few spans: looked for in a list rather than hashed, as
            // hashing a span hashes its value.
            var types: [String] = []
            for span in candidates where !types.contains(span.type) { types.append(span.type) }
            if types.count > 1 { types.sort() }
            for type in types {
                WorkMeter.add(candidates.count)
                // A type with one candidate keeps it: nothing of its own overlaps it.
                if candidates.lazy.filter({ $0.type == type }).count == 1, let only = candidates.first(where: { $0.type == type }) {
                    if !chosen.contains(only) { alternates.append(only) }
                    continue
                }
                let ofType = Self.nonOverlapping(candidates.filter { $0.type == type })
                alternates += ofType.filter { !chosen.contains($0) }
            }
        }
        return alternates
    }

    /// Sorts a line's few spans by start, keeping the order of spans that
    /// start together (as a stable sort does), in place: by insertion, which
    /// costs nothing when they already are in order, as they usually are.
    static func sortByStart(_ spans: inout [EntitySpan]) {
        guard spans.count > 1, zip(spans, spans.dropFirst()).contains(where: { $1.start < $0.start }) else { return }
        for position in spans.indices.dropFirst() {
            var place = position
            while place > 0 && spans[place].start < spans[place - 1].start {
                spans.swapAt(place, place - 1)
                place -= 1
            }
        }
    }

    /// Joins names next to each other ("Marcus" known, "Lee" not) into one.
    static func mergingNames(_ spans: [EntitySpan], units: [UInt16], tokens: [Token]) -> [EntitySpan] {
        // Only two names side by side need the text looked at.
        guard zip(spans, spans.dropFirst()).contains(where: { $0.type == "person" && $1.type == "person" && $0.end == $1.start }) else { return spans }
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
        // Usually the recognisers hand their spans over in order and nothing
        // overlaps: then every span is kept as it is, with nothing copied.
        // (By index: a span taken out of the list is a copy, its strings retained.)
        var inOrder = spans[0].end > spans[0].start
        for index in 1..<spans.count where inOrder {
            inOrder = spans[index].start >= spans[index - 1].end && spans[index].end > spans[index].start
        }
        if inOrder { return spans }
        // The working lists live on the stack: a line has a few spans, and
        // allocating a list for each step cost more than choosing.
        let count = spans.count
        let tokens = spans.reduce(0) { max($0, $1.end) }
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 4 * count + tokens) { memory in
            let byStart = UnsafeMutableBufferPointer(rebasing: memory[0..<count])
            let ordered = UnsafeMutableBufferPointer(rebasing: memory[count..<(2 * count)])
            let priorities = UnsafeMutableBufferPointer(rebasing: memory[(2 * count)..<(3 * count)])
            let chosenSpans = UnsafeMutableBufferPointer(rebasing: memory[(3 * count)..<(4 * count)])
            let used = UnsafeMutableBufferPointer(rebasing: memory[(4 * count)...])
            // In order of their starts (ties as they came), none starts
            // before the one before it ended.
            sortIndices(byStart) { a, b in spans[a].start != spans[b].start ? spans[a].start < spans[b].start : a < b }
            var overlapping = false
            for position in 0..<count where !overlapping {
                let index = byStart[position]
                overlapping = spans[index].end <= spans[index].start || (position > 0 && spans[index].start < spans[byStart[position - 1]].end)
            }
            if !overlapping { return byStart.map { spans[$0] } }
            // Each span's priority is looked up once, and the spans are
            // compared in place rather than copied about. Ties keep the
            // spans' order.
            for index in 0..<count { priorities[index] = Self.priority(of: spans[index].type) }
            sortIndices(ordered) { a, b in
                if spans[a].length != spans[b].length { return spans[a].length > spans[b].length }
                if priorities[a] != priorities[b] { return priorities[a] < priorities[b] }
                if spans[a].start != spans[b].start { return spans[a].start < spans[b].start }
                if spans[a].type != spans[b].type { return spans[a].type < spans[b].type }
                let (first, second) = (spans[a].value.description, spans[b].value.description)
                return first != second ? first < second : a < b
            }
            used.update(repeating: 0)
            var chosen = 0
            for index in ordered {
                let (start, end) = (spans[index].start, spans[index].end)
                WorkMeter.add(end - start)
                guard !used[start..<end].contains(1) else { continue }
                for token in start..<end { used[token] = 1 }
                chosenSpans[chosen] = index
                chosen += 1
            }
            // By start; spans that start together (only empty ones can) in
            // the order chosen, which is their place in `ordered`.
            let kept = UnsafeMutableBufferPointer(rebasing: chosenSpans[0..<chosen])
            let place = priorities
            for position in 0..<count { place[ordered[position]] = position }
            sortIndices(kept, identity: false) { a, b in
                spans[a].start != spans[b].start ? spans[a].start < spans[b].start : place[a] < place[b]
            }
            return kept.map { spans[$0] }
        }
    }

    /// Sorts `order` (first filled with `0..<count` unless `identity` is
    /// false) as `before` says, which must break every tie. A line has a
    /// few spans: sorting them by insertion costs less than the general
    /// sort's setting up.
    static func sortIndices(_ order: UnsafeMutableBufferPointer<Int>, identity: Bool = true, by before: (Int, Int) -> Bool) {
        if identity { for position in order.indices { order[position] = position } }
        guard order.count > 16 else {
            for position in order.indices.dropFirst() {
                let index = order[position]
                var place = position
                while place > 0 && before(index, order[place - 1]) {
                    order[place] = order[place - 1]
                    place -= 1
                }
                order[place] = index
            }
            return
        }
        var order = order
        order.sort(by: before)
    }
}
