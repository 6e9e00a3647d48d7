import Testing
@testable import EscalateUnderstanding

@Suite struct TypoCorrectorTests {
    let corrector = TypoCorrector(vocabulary: ["escalate", "status", "close", "call", "ticket", "update", "vendor", "cab"])

    @Test func correctsOneDeletion() {
        #expect(corrector.correct("escalte") == "escalate")
        #expect(corrector.correct("clse") == "close")
    }

    @Test func correctsOneInsertion() {
        #expect(corrector.correct("tickett") == "ticket")
        #expect(corrector.correct("closee") == "close")
    }

    @Test func correctsOneSubstitution() {
        #expect(corrector.correct("upfate") == "update")
        #expect(corrector.correct("vendir") == "vendor")
    }

    @Test func correctsOneTransposition() {
        #expect(corrector.correct("stauts") == "status")
        #expect(corrector.correct("updaet") == "update")
    }

    @Test func knownWordsAreReturnedUnchanged() {
        for word in ["escalate", "status", "close", "call", "vendor"] {
            #expect(corrector.correct(word) == word)
        }
        // Even a known word shorter than four letters.
        #expect(corrector.correct("cab") == "cab")
    }

    @Test func wordsShorterThanFourLettersAreNotCorrected() {
        // "cll" is one edit from "call", but too short to trust.
        #expect(corrector.correct("cll") == nil)
        #expect(corrector.correct("clo") == nil)
    }

    @Test func twoEditsAreTooFar() {
        #expect(corrector.correct("updxxe") == nil)
        #expect(corrector.correct("esclaat") == nil)
    }

    @Test func theFirstLetterIsKept() {
        // "ball" is one substitution from "call", but of the first letter.
        #expect(corrector.correct("ball") == nil)
        #expect(corrector.correct("xlose") == nil)
    }

    @Test func wordsWithDigitsOrPunctuationAreNotCorrected() {
        #expect(corrector.correct("upd4te") == nil)
        #expect(corrector.correct("close#") == nil)
    }

    @Test func shortVocabularyWordsAreNeverSuggested() {
        // "cabs" is one edit from "cab", but "cab" has fewer than four letters.
        #expect(corrector.correct("cabs") == nil)
    }

    @Test func containsReportsVocabularyMembership() {
        #expect(corrector.contains("ticket"))
        #expect(corrector.contains("cab"))
        #expect(!corrector.contains("tickett"))
    }

    @Test func distanceIsOptimalStringAlignment() {
        #expect(TypoCorrector.distance("close", "close") == 0)
        #expect(TypoCorrector.distance("kitten", "sitting") == 3)
        #expect(TypoCorrector.distance("ab", "ba") == 1)
        #expect(TypoCorrector.distance("", "abc") == 3)
        #expect(TypoCorrector.distance("abc", "") == 3)
    }

    @Test func distanceStopsPastTheLimit() {
        // Past the limit, the answer is limit + 1, not the true distance.
        #expect(TypoCorrector.distance("abcdef", "a", limit: 1) == 2)
        #expect(TypoCorrector.distance("abcd", "wxyz", limit: 1) == 2)
        #expect(TypoCorrector.distance("abcd", "wxyz") == 4)
    }

    /// The correction is, by definition, the first (in order) of the
    /// vocabulary words of four letters or more, letters only, with the same
    /// first letter, one edit away. Checked against a scan of the whole
    /// vocabulary, for typos of every kind made at random in the intent
    /// files' own words.
    @Test func agreesWithAScanOfTheWholeVocabulary() {
        let vocabulary = PhrasingSet.matcher.known
        let corrector = TypoCorrector(vocabulary: vocabulary)
        let eligible = vocabulary.filter { $0.count >= 4 && $0.isAllLetters }.sorted()
        func scanned(_ word: String) -> String? {
            if vocabulary.contains(word) { return word }
            guard word.count >= 4, word.isAllLetters else { return nil }
            return eligible.first { $0.first == word.first && TypoCorrector.distance(word, $0, limit: 1) <= 1 }
        }
        var generator = SeededGenerator(seed: 99)
        let letters = Array("abcdefghijklmnopqrstuvwxyzé")
        let words = vocabulary.sorted()
        var corrected = 0
        for _ in 0..<3000 {
            var typo = Array(words[Int(generator.next() % UInt64(words.count))])
            for _ in 0...(generator.next() % 2) where typo.count > 1 {
                let at = Int(generator.next() % UInt64(typo.count))
                switch generator.next() % 4 {
                case 0: typo.remove(at: at)
                case 1: typo.insert(letters[Int(generator.next() % UInt64(letters.count))], at: at)
                case 2: typo[at] = letters[Int(generator.next() % UInt64(letters.count))]
                default: if at + 1 < typo.count { typo.swapAt(at, at + 1) }
                }
            }
            let word = String(typo)
            let expected = scanned(word)
            #expect(corrector.correct(word) == expected, "\(word)")
            if expected != nil && expected != word { corrected += 1 }
        }
        #expect(corrected > 500)
    }

    /// A word longer than any in the vocabulary by more than a letter is no
    /// typo, whatever its length: nothing is copied or compared for it.
    @Test func aHugeWordIsNoTypo() {
        #expect(corrector.correct(String(repeating: "e", count: 100_000)) == nil)
        #expect(corrector.correct("escalatee") == "escalate")
        #expect(corrector.correct("escalateee") == nil)
    }
}
