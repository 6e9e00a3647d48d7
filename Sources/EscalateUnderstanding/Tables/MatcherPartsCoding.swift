/// How each part of a matcher is written to and read from its compiled
/// tables. Each `write` and the matching `init(reading:)` must list the
/// same fields in the same order; the matcher tests compare a matcher read
/// back with one built from the files, utterance by utterance.

extension FeatureIndex {
    func write(to writer: inout TableWriter) {
        writer.dictionary(terms) { $0.int(Int($1)) }
        writer.array(isStopword) { $0.bool($1) }
        writer.array(isPairFiller) { $0.bool($1) }
        writer.array(concepts) { writer, list in
            writer.array(list) { writer, phrase in
                writer.ints(phrase.terms)
                writer.int(Int(phrase.concept))
            }
        }
        writer.ints(unigram)
        writer.ints(first)
        writer.int(pairs.count)
        for key in pairs.keys.sorted() {
            writer.int(Int(key))
            writer.int(Int(pairs[key]!))
        }
    }

    init(reading reader: inout TableReader, featureCount: Int) throws {
        terms = try reader.dictionary { Int32(truncatingIfNeeded: try $0.int()) }
        slotTerms = Self.slotTerms(of: terms)
        let termCount = terms.count
        func term(_ reader: inout TableReader) throws -> Int32 { Int32(try reader.index(below: termCount)) }
        isStopword = try reader.array { try $0.bool() }
        isPairFiller = try reader.array { try $0.bool() }
        concepts = try reader.array { reader in
            try reader.array { reader in (terms: try reader.array(term), concept: try term(&reader)) }
        }
        unigram = try reader.ints()
        first = try reader.ints()
        let pairCount = try reader.count()
        var pairs: [Int64: Int32] = [:]
        pairs.reserveCapacity(pairCount)
        for _ in 0..<pairCount {
            let key = Int64(try reader.int())
            pairs[key] = Int32(try reader.index(below: featureCount))
        }
        self.pairs = pairs
        // -1 stands for "no such feature".
        let lengths = [isStopword.count, isPairFiller.count, concepts.count, unigram.count, first.count]
        guard lengths.allSatisfy({ $0 == termCount }), terms.values.allSatisfy({ $0 >= 0 && $0 < termCount }),
              (unigram + first).allSatisfy({ $0 >= -1 && $0 < featureCount }) else {
            throw TableReader.corrupt("the feature index does not fit its terms")
        }
    }
}

extension FeatureExtractor {
    func write(to writer: inout TableWriter) {
        writer.dictionary(concepts) { writer, phrases in
            writer.array(phrases) { writer, phrase in
                writer.strings(phrase.stems)
                writer.string(phrase.concept)
            }
        }
    }

    init(reading reader: inout TableReader) throws {
        self.init(concepts: [:])
        concepts = try reader.dictionary { reader in
            try reader.array { reader in (stems: try reader.strings(), concept: try reader.string()) }
        }
    }
}

extension EnumeratedRecogniser {
    func write(to writer: inout TableWriter) {
        writer.dictionary(entries) { writer, list in
            writer.array(list) { writer, entry in
                writer.string(entry.type)
                writer.string(entry.id)
                writer.strings(entry.stems)
            }
        }
        writer.stringSet(words)
    }

    init(reading reader: inout TableReader) throws {
        self.init(entities: [:])
        entries = try reader.dictionary { reader in
            try reader.array { reader in Entry(type: try reader.string(), id: try reader.string(), stems: try reader.strings()) }
        }
        byFirstStem = WordTable(entries)
        words = try reader.stringSet()
        // A phrase is found by its first word, so it has one.
        guard entries.allSatisfy({ first, list in list.allSatisfy { $0.stems.first == first } }) else {
            throw TableReader.corrupt("an entity phrase is not under its first word")
        }
    }
}

extension Lexicon {
    /// The facts table; the sets and the index are the matcher's own, written once there.
    func write(to writer: inout TableWriter) {
        writer.dictionary(table) { writer, facts in
            writer.string(facts.stem)
            writer.int(Int(facts.stemTerm))
            let flags = [facts.isKnown, facts.isCommon, facts.isFunctionWord, facts.stemIsStopword, facts.isInScope, facts.hasLetter]
            writer.int(flags.enumerated().reduce(0) { $0 | ($1.element ? 1 << $1.offset : 0) })
            writer.int(Int(facts.kinds.rawValue))
        }
    }

    init(reading reader: inout TableReader, known: Set<String>, inScope: Set<String>, index: FeatureIndex, entities: EnumeratedRecogniser) throws {
        self.known = known
        self.inScope = inScope
        self.index = index
        self.entities = entities
        let termCount = index.terms.count
        table = try reader.dictionary { reader in
            let stem = try reader.string()
            let term = try reader.int()
            guard term >= -1, term < termCount else { throw TableReader.corrupt("a word's term is out of range") }
            let flags = try reader.index(below: 1 << 6)
            let kinds = try reader.index(below: 1 << 8)
            func flag(_ bit: Int) -> Bool { flags & (1 << bit) != 0 }
            return WordFacts(
                stem: stem, stemTerm: Int32(term), isKnown: flag(0), isCommon: flag(1), isFunctionWord: flag(2), stemIsStopword: flag(3),
                isInScope: flag(4), hasLetter: flag(5), kinds: WordKinds(rawValue: UInt8(kinds)))
        }
        lookup = WordTable(table)
    }
}

extension SlotAlignment {
    func write(to writer: inout TableWriter) {
        writer.array(items) { writer, item in
            switch item {
            case .word(let text): writer.int(0); writer.string(text)
            case .typed(let text): writer.int(1); writer.string(text)
            case .free(let text): writer.int(2); writer.string(text)
            }
        }
        writer.optionalString(anchor)
        writer.bool(afterTicket)
        writer.array(little) { $0.bool($1) }
    }

    init(reading reader: inout TableReader) throws {
        let items = try reader.array { reader -> AlignmentItem in
            switch try reader.index(below: 3) {
            case 0: return .word(try reader.string())
            case 1: return .typed(try reader.string())
            default: return .free(try reader.string())
            }
        }
        self.items = items
        anchor = try reader.optionalString()
        afterTicket = try reader.bool()
        little = try reader.array { try $0.bool() }
        guard little.count == items.count else { throw TableReader.corrupt("a slot alignment does not fit its phrasing") }
    }
}

extension Phrasing {
    func write(to writer: inout TableWriter) {
        writer.array(parts) { writer, part in
            switch part {
            case .text(let text): writer.bool(false); writer.string(text)
            case .slot(let name): writer.bool(true); writer.string(name)
            }
        }
        writer.string(file)
        writer.int(line)
    }

    init(reading reader: inout TableReader) throws {
        let parts = try reader.array { reader -> Part in try reader.bool() ? .slot(try reader.string()) : .text(try reader.string()) }
        self.init(parts: parts, file: try reader.string(), line: try reader.int())
    }
}
