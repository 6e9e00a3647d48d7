/// Recognises the values of the `.entity` files (roles, categories,
/// channels, closure codes …) by their phrases, comparing stems so that
/// "escalations" finds "escalation", longest phrase first.
struct EnumeratedRecogniser: Sendable {
    struct Entry: Sendable {
        var type: String
        var id: String
        var stems: [String]
    }

    /// Entries by the stem of their first word.
    var entries: [String: [Entry]] = [:]
    /// `entries` as a word table, which a line's every stem is looked up in.
    var byFirstStem = WordTable<[Entry]>()
    /// The words of the phrases as written, so that typo correction leaves
    /// them alone ("professional" is no typo of anything).
    var words: Set<String> = []

    init(entities: [String: [EntityValue]]) {
        for (type, values) in entities.sorted(by: { $0.key < $1.key }) {
            for value in values {
                for phrase in value.phrases {
                    let tokens = Tokenizer.tokens(phrase).map(\.text)
                    words.formUnion(tokens)
                    let stems = tokens.map(Stemmer.stem)
                    guard let first = stems.first else { continue }
                    entries[first, default: []].append(Entry(type: type, id: value.id, stems: stems))
                }
            }
        }
        for key in entries.keys {
            entries[key]!.sort { ($0.stems.count, $1.type, $1.id) > ($1.stems.count, $0.type, $0.id) }
        }
        byFirstStem = WordTable(entries)
    }

    /// Whether a phrase starts with `stem`.
    func startsPhrase(_ stem: String) -> Bool { byFirstStem[stem] != nil }

    /// Every match, overlaps included; the caller keeps the best. With
    /// `kinds`, only the stems marked `.entity` are looked up.
    func recognise(_ stems: [String], kinds: [WordKinds]? = nil) -> [EntitySpan] {
        var spans: [EntitySpan] = []
        for start in stems.indices {
            if let kinds, !kinds[start].contains(.entity) { continue }
            guard let candidates = byFirstStem[stems[start]] else { continue }
            // Every match, short ones too: a longer one may be blocked by a
            // ticket or a time ("due" when "due today" meets "today").
            for entry in candidates {
                let end = start + entry.stems.count
                guard end <= stems.count, entry.stems.indices.allSatisfy({ stems[start + $0] == entry.stems[$0] }) else { continue }
                // Room for a few at once: a line with one has others more often than not.
                if spans.isEmpty { spans.reserveCapacity(4) }
                spans.append(EntitySpan(type: entry.type, value: .entity(entry.id), start: start, end: end))
            }
        }
        return spans
    }

    /// Every word the entities use, for typo correction.
    var vocabulary: Set<String> {
        Set(entries.values.flatMap { $0.flatMap(\.stems) }).union(words)
    }
}
