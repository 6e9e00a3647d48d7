/// Which recognisers a word can start a match for.
///
/// Worked out once per token for all of them, with one lookup in a table of
/// the words each recogniser starts with (and one in the context's names),
/// so that each recogniser passes over the words it has no use for with a
/// bit test instead of lookups of its own. A recogniser still decides for
/// itself whether a flagged word starts a match.
struct WordKinds: OptionSet, Sendable {
    let rawValue: UInt8

    static let ticket = WordKinds(rawValue: 1 << 0)
    static let time = WordKinds(rawValue: 1 << 1)
    static let duration = WordKinds(rawValue: 1 << 2)
    static let level = WordKinds(rawValue: 1 << 3)
    static let person = WordKinds(rawValue: 1 << 4)
    /// The stem starts a phrase of an `.entity` file. Only the matcher
    /// knows its files, so only it sets this (see `Lexicon`).
    static let entity = WordKinds(rawValue: 1 << 5)

    /// The words that can start a match, by recogniser (each recogniser's
    /// `match` says why).
    static let byWord: [String: WordKinds] = {
        var table: [String: WordKinds] = [:]
        func add<Words: Sequence<String>>(_ words: Words, _ kind: WordKinds) {
            for word in words { table[word, default: []].insert(kind) }
        }
        add(["order", "repair", "incident", "account", "acct", "acc", "tix", "it", "this", "that", "the"], .ticket)
        add(TicketRecogniser.ticketNouns, .ticket)
        add(TimeRecogniser.startWords, .time)
        add(["hourly", "daily", "every", "each", "once", "twice", "half"], .duration)
        add(Numbers.words.keys, .duration)
        add(["level", "lvl", "tier", "lv", "next", "up", "a", "one", "top", "highest"], .level)
        add(Numbers.ordinals.keys, .level)
        return table
    }()

    /// The kinds of each token: from the table, from its shape (a number,
    /// `#12`, `L2`, `second-level`), and from `named`, the kinds the names
    /// the context knows give their first words.
    static func of(_ tokens: [Token], named: WordTable<WordKinds> = WordTable()) -> [WordKinds] {
        adding(named, to: tokens.map { of($0.text) }, of: tokens)
    }

    /// The kinds of one word from the table and its shape alone.
    static func of(_ word: String) -> WordKinds {
        var kinds = byWord[word] ?? []
        if let first = word.utf8.first {
            if first >= 48 && first <= 57 { kinds.formUnion([.ticket, .time, .duration]) }
            if first == 35 { kinds.insert(.ticket) }
            if first == 108 && word.utf8.count == 2 { kinds.insert(.level) }
        }
        if word.utf8.contains(45) { kinds.insert(.level) }
        return kinds
    }

    /// `kinds`, one per token, with what the context's names add.
    static func adding(_ named: WordTable<WordKinds>, to kinds: [WordKinds], of tokens: [Token]) -> [WordKinds] {
        guard named.count > 0 else { return kinds }
        var kinds = kinds
        for index in tokens.indices {
            if let extra = named[tokens[index].text] { kinds[index].formUnion(extra) }
        }
        return kinds
    }

    /// The kinds the context's names give their first words: a customer's
    /// starts a ticket ("the Acme order"), a person's starts a name (also
    /// with an "s" typed for the apostrophe: "danas number"), a holiday's
    /// starts a time.
    static func named(customers: [[String]], people: [[String]], days: [String]) -> [String: WordKinds] {
        var table: [String: WordKinds] = [:]
        for name in customers { if let first = name.first { table[first, default: []].insert(.ticket) } }
        for name in people {
            guard let first = name.first else { continue }
            table[first, default: []].insert(.person)
            let possessive = first + "s"
            if possessive.count > 3 { table[possessive, default: []].insert(.person) }
        }
        for first in days { table[first, default: []].insert(.time) }
        return table
    }
}
