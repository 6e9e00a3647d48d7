import Foundation

/// A part of a phrasing, as slot filling lines it up with an utterance.
/// A phrasing lined up for one free slot: its items, and the word just
/// before the slot (if a word), which the utterance must contain.
struct SlotAlignment: Sendable {
    var items: [AlignmentItem]
    var anchor: String?
    var afterTicket: Bool
    /// For each item, whether it is a little word that is never looked for
    /// ("a", "the"): worked out once rather than at every alignment.
    var little: [Bool]

    init(items: [AlignmentItem], anchor: String?, afterTicket: Bool) {
        self.items = items
        self.anchor = anchor
        self.afterTicket = afterTicket
        little = items.map { item in
            guard case .word(let stem) = item else { return false }
            return FeatureExtractor.stopwordSet.contains(stem) && !IntentMatcher.anchoringLittleWords.contains(stem)
        }
    }
}

enum AlignmentItem: Hashable, Sendable {
    case word(String)
    case typed(String)
    case free(String)

    static func items(_ phrasing: Phrasing) -> [AlignmentItem] {
        phrasing.parts.flatMap { part -> [AlignmentItem] in
            switch part {
            case .text(let text): return Tokenizer.tokens(text).map { .word(Stemmer.stem($0.text)) }
            case .slot(let name): return [IntentMatcher.freeSlots.contains(name) ? .free(name) : .typed(name)]
            }
        }
    }
}

extension IntentMatcher {
    /// The chosen intent's slots: free text by lining the utterance up with
    /// its best phrasing, typed slots from the recognisers (outside the free text).
    /// Types that still count when they sit inside free text: the topic of
    /// a new ticket ("open a case for Hooli about their disconnect"), a
    /// closure code or a reason to escalate said as part of a note.
    static let topicTypes: Set<String> = ["org", "category", "segment", "closure_code", "condition", "channel"]

    /// `units` are the line's UTF-16 code units (`utf16Units`).
    func fillSlots(intent: String, tokens: [Token], stems: [String], spans: [EntitySpan], alternates: [EntitySpan] = [], units: [UInt16],
                   noteFrom: Int?) -> [SlotName: SlotValue] {
        // The organisation, the topic and the customer's segment count
        // wherever they are said ("can I call Lumen wholesale billing at 6pm?").
        let wanted = wantedSlots[intent] ?? Self.slotsAlwaysWanted
        var slots: [SlotName: SlotValue] = [:]
        var freeRanges: [Range<Int>] = []
        var lining = LiningUp()
        // A customer's or a contact's name is the capitalised name found, when there is one.
        for slot in ["customer", "name"] where wanted.contains(slot) && !wanted.contains("person") {
            if let span = spans.first(where: { $0.type == "person" }) {
                slots[SlotName(rawValue: slot)] = span.value
                freeRanges.append(span.start..<span.end)
            }
        }
        for slot in Self.freeSlots where wanted.contains(slot) && slots[SlotName(rawValue: slot)] == nil {
            guard var (value, range) = freeText(slot, intent: intent, tokens: tokens, stems: stems, spans: spans, units: units, noteFrom: noteFrom,
                                                lining: &lining) else { continue }
            // Lined up after "for", a stretch that starts with the ticket
            // number ("waiting on the customer for #1 until Monday") is the
            // ticket and what follows it, not a note.
            if slot == "note", noteFrom == nil, spans.contains(where: { $0.type == "ticket" && $0.start == range.lowerBound }) { continue }
            // A note starts after a name already taken ("for Acme: invoice wrong").
            if slot == "note", let taken = freeRanges.filter({ $0.overlaps(range) }).map(\.upperBound).max() {
                guard taken < range.upperBound else { continue }
                range = taken..<range.upperBound
                value = clean(String(decoding: units[tokens[range.lowerBound].start..<tokens[range.upperBound - 1].end], as: UTF16.self), slot: slot)
                guard !value.isEmpty else { continue }
            }
            // "for Globex, National Wholesale": a note that is only a segment,
            // an organisation or a topic says nothing more than those slots.
            // So is one that only restates the reason, the ticket or the
            // request itself ("the SLA was missed on #1", "esc").
            let own = ownWordsOf(intent)
            // A new ticket's summary may be the reason itself ("SLA missed").
            let restating = switch intent {
            case "open_ticket": Self.restatingSummary
            // "On hold since 10am": a time said with a hold or a reopening is its time, not its reason.
            case "log_contact", "acknowledge", "pause", "resume", "reopen": Self.restatingContact
            default: Self.restatingNote
            }
            if slot == "note" && Self.onlyRestates(range, intent: intent, restating: restating, own: own, tokens: tokens, stems: stems, spans: spans) {
                continue
            }
            slots[SlotName(rawValue: slot)] = .text(value)
            freeRanges.append(range)
        }
        let own = ownWordsOf(intent)
        // The spans, then the alternates, each list read in place.
        for list in 0..<2 {
            for span in list == 0 ? spans : alternates where wanted.contains(span.type) {
                if !Self.topicTypes.contains(span.type), freeRanges.contains(where: { $0.overlaps(span.start..<span.end) }) { continue }
                // The request's own verb is not a slot ("open a ticket" sets no filter).
                if span.type == "filter", (span.start..<span.end).allSatisfy({ own.contains(stems[$0]) }) { continue }
                if let existing = slots[SlotName(rawValue: span.type)] {
                    // A specific filter beats "all" ("show all open tickets").
                    guard span.type == "filter", existing == .entity("all") else { continue }
                }
                slots[SlotName(rawValue: span.type)] = span.value
            }
        }
        return slots
    }

    /// Whether the words of `range` only restate entities of the `restating`
    /// types, the request's own words and little words. A summary may name
    /// the topic in words of its own ("circuit down" on a repair ticket);
    /// one word of it ("billing") says no more.
    static func onlyRestates(_ range: Range<Int>, intent: String, restating: Set<String>, own: Set<String>, tokens: [Token], stems: [String],
                             spans: [EntitySpan]) -> Bool {
        // The tokens the restating entities cover, marked span by span: the
        // spans do not overlap, so this takes the line's length.
        var restated = Array(repeating: false, count: range.count)
        for span in spans where restating.contains(span.type) && !(intent == "open_ticket" && span.type == "category" && span.length > 1) {
            let (low, high) = (max(span.start, range.lowerBound), min(span.end, range.upperBound))
            guard low < high else { continue }
            for index in low..<high { restated[index - range.lowerBound] = true }
        }
        WorkMeter.add(range.count + spans.count)
        return range.allSatisfy { index in
            restated[index - range.lowerBound] || FeatureExtractor.stopwordSet.contains(stems[index]) || own.contains(stems[index])
                || ["was", "were", "is", "has", "have", "been", "be", "since"].contains(tokens[index].text)
        }
    }

    /// Entity types that a note made only of them merely restates.
    static let restatingNote: Set<String> = ["segment", "org", "category", "condition", "ticket", "level", "role"]
    /// For a change logged with its own time and channel, those restate too:
    /// "I e-mailed them about #1 at 9am" has no note.
    static let restatingContact: Set<String> = restatingNote.union(["time", "channel"])
    /// The same for a new ticket's summary, which may be the reason itself.
    static let restatingSummary: Set<String> = ["segment", "org", "category", "ticket", "level", "role"]

    /// Little words that still anchor a free slot when found ("about" in
    /// "a ticket about {note}").
    static let anchoringLittleWords: Set<String> = ["to", "for", "about", "on", "is", "that", "saying", "with", "because"]

    /// The stems of an intent's own name and its usual shorthand.
    /// The cached `ownWords(of:)` of an intent the matcher knows.
    func ownWordsOf(_ intent: String) -> Set<String> { ownWordsByIntent[intent] ?? Self.ownWords(of: intent) }

    static func ownWords(of intent: String) -> Set<String> {
        var words = Set(intent.split(separator: "_").map { Stemmer.stem(String($0)) })
        if intent == "escalate" { words.formUnion(["esc", "escal", Stemmer.stem("escalation")]) }
        return words
    }

    /// The free text for `slot` and the tokens it covers; a note starts at
    /// `noteFrom` when that is known (see `noteStart`).
    /// What lining the utterance up takes, worked out once for all the free
    /// slots of an intent, and only when one is lined up.
    struct LiningUp {
        var index: AlignmentIndex?
        var names: NameStarts?
    }

    func freeText(_ slot: String, intent: String, tokens: [Token], stems: [String], spans: [EntitySpan], units: [UInt16], noteFrom: Int?,
                  lining: inout LiningUp) -> (String, Range<Int>)? {
        guard !tokens.isEmpty else { return nil }
        if slot == "note", let first = noteFrom {
            // From just after the word before it, so that nothing typed at its
            // start (an escape sequence, a quote) is lost.
            let from = first > 0 ? tokens[first - 1].end : 0
            let value = clean(String(decoding: units[from...], as: UTF16.self), slot: slot)
            if !value.isEmpty { return (value, first..<tokens.count) }
        }
        guard let candidates = alignments["\(intent)/\(slot)"] else { return nil }
        var best: (anchors: Int, value: String, length: Int, range: Range<Int>)?
        var evaluated: [Range<Int>: (value: String, length: Int)?] = [:]
        // The request's own words are never its note ("escalate it to the
        // Solutions team" has no note in it).
        let ownWords = ownWordsOf(intent)
        let index = lining.index ?? AlignmentIndex(stems: stems, spans: spans, ownWords: ownWords)
        lining.index = index
        var names: NameStarts?
        if slot != "note" {
            names = lining.names ?? nameStarts(tokens: tokens, stems: stems)
            lining.names = names
        }
        for alignment in candidates {
            // Only phrasings whose word just before the slot is in the utterance can line up.
            if let anchor = alignment.anchor, !index.contains(anchor) { continue }
            guard let (anchors, range) = align(alignment, slot: slot, index: index, count: stems.count), !range.isEmpty else { continue }
            // A note straight after a ticket number is found by `noteStart`
            // (after a colon, or next to "update"); lined up here it would
            // take whatever follows "escalate it". Only a comma after the
            // ticket sets one off ("reopen #2, customer says still broken").
            if slot == "note", alignment.afterTicket {
                guard range.lowerBound > 0, units.between(tokens[range.lowerBound - 1], tokens[range.lowerBound]).contains(44) else { continue }
            }
            // What a stretch of words gives depends on the stretch alone, and
            // many phrasings line up on the same one: it is worked out once.
            let candidate: (value: String, length: Int)?
            if let known = evaluated[range] {
                candidate = known
            } else {
                candidate = freeTextValue(range, slot: slot, tokens: tokens, index: index, names: names, units: units)
                evaluated[range] = .some(candidate)
            }
            guard let (value, length) = candidate else { continue }
            if best == nil || anchors > best!.anchors || (anchors == best!.anchors && length > best!.length) {
                best = (anchors, value, length, range)
            }
        }
        return best.map { ($0.value, $0.range) }
    }

    /// The free text a stretch of words gives for `slot`, and its length in
    /// characters; `nil` when it is only little or own words, or, for a
    /// name, when a role, channel or number is in it.
    func freeTextValue(_ range: Range<Int>, slot: String, tokens: [Token], index: AlignmentIndex, names: NameStarts?,
                       units: [UInt16]) -> (value: String, length: Int)? {
        if index.isOnlyOwnAndLittleWords(range) { return nil }
        // A name never contains a role, a channel or a number.
        if slot != "note", index.hasEntityOtherThanName(in: range) { return nil }
        var kept = range
        if let names { kept = nameTokens(in: range, tokens: tokens, names: names) }
        guard !kept.isEmpty else { return nil }
        WorkMeter.add(tokens[kept.upperBound - 1].end - tokens[kept.lowerBound].start)
        let value = clean(String(decoding: units[tokens[kept.lowerBound].start..<tokens[kept.upperBound - 1].end], as: UTF16.self), slot: slot)
        return value.isEmpty ? nil : (value, value.count)
    }

    /// Walks the phrasing's parts along the utterance; returns how many parts
    /// found their place, and the tokens between the free slot's neighbours.
    func align(_ alignment: SlotAlignment, slot: String, index utterance: AlignmentIndex, count: Int) -> (Int, Range<Int>)? {
        typealias Item = AlignmentItem
        let items = alignment.items
        var position = 0
        var anchors = 0
        var start: Int?
        var end: Int?
        var previousFound = true
        var lastItemFound = true
        func locate(_ at: Int, from: Int) -> (Int, Int)? {
            switch items[at] {
            case .word(let stem):
                guard !alignment.little[at] else { return nil }
                return utterance.first(stem, from: from).map { ($0, $0 + 1) }
            case .typed(let type):
                return utterance.firstSpan(ofType: type, from: from).map { ($0.start, $0.end) }
            case .free:
                return nil
            }
        }
        for (index, item) in items.enumerated() {
            if case .free(let name) = item {
                if name == slot {
                    // The words just before the slot must be there, or this
                    // phrasing is not the one the user followed.
                    guard (previousFound && lastItemFound) || index == 0 else { return nil }
                    start = position
                    // The slot ends where the next part that can be found begins.
                    end = count
                    var bounded = false
                    for later in (index + 1)..<items.count {
                        if let (found, _) = locate(later, from: position) { end = found; bounded = true; break }
                        if case .free = items[later] { break }
                    }
                    // A slot that opens the phrasing needs something after it
                    // to end it, or it would swallow the whole line.
                    if index == 0 && !bounded && index + 1 < items.count { return nil }
                    position = end!
                }
                continue
            }
            if let (found, after) = locate(index, from: position) {
                if start != nil && end == nil { end = found }
                position = after
                anchors += 1
                previousFound = true
                lastItemFound = true
                continue
            }
            lastItemFound = false
            // A skipped little word ("a", "the") neither helps nor hurts.
            if !alignment.little[index] { previousFound = false }
        }
        guard let start, let end, start < end else { return nil }
        // Free text that is only a ticket, a time or a name is not free text.
        guard utterance.structuralTokens(in: start..<end) < end - start else { return nil }
        return (anchors, start..<end)
    }

    /// The name inside a stretch of words ("for globex please" → "globex"):
    /// little words and the intent files' own words are dropped from the
    /// front, and the name ends at the first such word after it.
    func nameTokens(in range: Range<Int>, tokens: [Token], names: NameStarts) -> Range<Int> {
        let start = names.start(from: range.lowerBound)
        // No name at all ("open a ticket please"): nothing, so that it is asked for.
        guard start < range.upperBound else { return range.lowerBound..<range.lowerBound }
        let isNameWord = names.isNameWord
        var end = start + 1
        while end < range.upperBound, end - start < 4, isNameWord[end] || ["&", "and"].contains(tokens[end].text) && end + 1 < range.upperBound && isNameWord[end + 1] { end += 1 }
        return start..<end
    }

    /// Words that come before a name but are never part of one.
    static let nameLeadWords: Set<String> = [
        "for", "the", "a", "an", "customer", "client", "new", "is", "to", "that", "our", "my", "called", "named", "from", "at",
        "i", "me", "we", "us", "you", "he", "she", "they", "them", "it", "him", "her",
    ]

    /// Where a name can start: at a word the intent files do not use, that
    /// is not everyday English or a stopword, has a letter, and is not a
    /// word that leads up to a name ("the customer Acme").
    func nameStarts(tokens: [Token], stems: [String]) -> NameStarts {
        let isNameWord = tokens.indices.map { index in
            let word = tokens[index].text
            return !inScope.contains(word) && !inScope.contains(stems[index]) && !CommonWords.all.contains(word)
                && !FeatureExtractor.stopwordSet.contains(word) && word.hasLetter
        }
        return NameStarts(isNameWord: isNameWord, isLeadWord: tokens.map { Self.nameLeadWords.contains($0.text) })
    }

    /// Punctuation and spaces that never start or end free text.
    static let edge: Set<Character> = [" ", "\t", "\n", ":", ";", ",", ".", "-", "–", "—", "\"", "'", "“", "”", "‘", "’", "!", "?", "…"]

    static func trimmed(_ text: Substring) -> Substring {
        var result = text
        while let first = result.first, edge.contains(first) { result.removeFirst() }
        while let last = result.last, edge.contains(last) { result.removeLast() }
        return result
    }

    /// What separates a note from the words before it ("update #1: …").
    static let noteLead: Set<Character> = [" ", "\t", "\n", ":", ";", ",", "-", "–", "—"]

    func clean(_ raw: String, slot: String) -> String {
        // A note is kept as typed: its closing punctuation and quotes are its own.
        if slot == "note" {
            var text = Substring(raw)
            while let first = text.first, Self.noteLead.contains(first) { text.removeFirst() }
            while let last = text.last, last.isWhitespace { text.removeLast() }
            return String(text)
        }
        var text = Self.trimmed(Substring(raw))
        if slot == "customer" || slot == "name" {
            for prefix in ["the ", "The ", "customer ", "Customer "] where text.hasPrefix(prefix) { text.removeFirst(prefix.count) }
            if slot == "name", let comma = text.firstIndex(of: ",") { text = text[..<comma] }
        }
        return String(Self.trimmed(text))
    }
}
