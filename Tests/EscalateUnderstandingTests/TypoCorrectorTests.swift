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
}
