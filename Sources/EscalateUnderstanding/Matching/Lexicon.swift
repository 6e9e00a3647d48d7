/// What the matcher asks of a word while reading an utterance.
struct WordFacts: Sendable {
    var stem: String
    /// The stem's term in the feature index, or -1 when no feature uses it.
    var stemTerm: Int32
    /// A word the files use, which typo correction leaves alone.
    var isKnown: Bool
    /// Everyday English (`CommonWords`): neither familiar nor strange.
    var isCommon: Bool
    /// A question or helper word (`IntentMatcher.functionWords`).
    var isFunctionWord: Bool
    /// The stem is one of `FeatureExtractor.stopwords`.
    var stemIsStopword: Bool
    /// The word or its stem is one the in-scope intents use.
    var isInScope: Bool
    var hasLetter: Bool
    /// What the word can start for the recognisers, `.entity` included.
    var kinds: WordKinds
}

/// The facts of every word the matcher knows, worked out when it is built,
/// so that reading an utterance costs one lookup per token instead of one
/// per question asked of it. Other words have their facts worked out as
/// they come, with the same answers.
struct Lexicon: Sendable {
    var table: [String: WordFacts] = [:]
    /// `table`, for reading: see `WordTable`.
    /// `table` again, hashed by bytes; set wherever `table` is.
    var lookup = WordTable<WordFacts>()
    let known: Set<String>
    let inScope: Set<String>
    let entities: EnumeratedRecogniser
    let index: FeatureIndex

    init(known: Set<String>, inScope: Set<String>, index: FeatureIndex, entities: EnumeratedRecogniser) {
        self.known = known
        self.inScope = inScope
        self.index = index
        self.entities = entities
        var words = known.union(inScope).union(CommonWords.all).union(IntentMatcher.functionWords)
        words.formUnion(FeatureExtractor.stopwords)
        for word in words { table[word] = facts(working: word) }
        lookup = WordTable(table)
    }

    /// The facts of `word`, a token as the tokenizer gives it.
    func facts(_ word: String) -> WordFacts { lookup[word] ?? facts(working: word) }

    private func facts(working word: String) -> WordFacts {
        let stem = Stemmer.stem(word)
        var kinds = WordKinds.of(word)
        if entities.startsPhrase(stem) { kinds.insert(.entity) }
        return WordFacts(
            stem: stem, stemTerm: index.term(stem), isKnown: known.contains(word), isCommon: CommonWords.all.contains(word),
            isFunctionWord: IntentMatcher.functionWords.contains(word), stemIsStopword: FeatureExtractor.stopwords.contains(stem),
            isInScope: inScope.contains(word) || inScope.contains(stem), hasLetter: word.hasLetter, kinds: kinds)
    }
}
