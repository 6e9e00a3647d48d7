import Testing
@testable import EscalateUnderstanding

@Suite struct TokenizerTests {
    private func words(_ text: String) -> [String] {
        Tokenizer.tokens(text).map(\.text)
    }

    @Test func lowercasesAndSplitsOnPunctuationAndSpaces() {
        #expect(words("Hello, World!  Close   it.") == ["hello", "world", "close", "it"])
        #expect(words("").isEmpty)
        #expect(words("  ,, ?! ").isEmpty)
    }

    @Test func keepsUTF16OffsetsIntoTheOriginalText() {
        let tokens = Tokenizer.tokens("Hello, world!")
        #expect(tokens == [Token(text: "hello", start: 0, end: 5), Token(text: "world", start: 7, end: 12)])
        // A non-ASCII letter is part of the word and one UTF-16 unit long.
        let accented = Tokenizer.tokens("Caf\u{E9} ok")
        #expect(accented.map(\.text) == ["caf\u{E9}", "ok"])
        #expect(accented.map(\.start) == [0, 5])
        #expect(accented.map(\.end) == [4, 7])
    }

    @Test func expandsContractionsIntoTokensSharingTheOriginalRange() throws {
        let tokens = Tokenizer.tokens("What's up")
        try #require(tokens.count == 3)
        #expect(tokens.map(\.text) == ["what", "is", "up"])
        #expect(tokens[0].start == 0 && tokens[0].end == 6)
        #expect(tokens[1].start == 0 && tokens[1].end == 6)
        #expect(words("I can't, they're late") == ["i", "can", "not", "they", "are", "late"])
        #expect(words("don't won't I'm") == ["do", "not", "will", "not", "i", "am"])
    }

    @Test func curlyApostropheCountsAsAnApostrophe() {
        #expect(words("It\u{2019}s broken") == ["it", "is", "broken"])
        #expect(words("Dana\u{2019}s phone") == ["dana", "phone"])
    }

    @Test func unlistedNegationsAndPossessivesAreSplitOrStripped() {
        // Not in the table: the generic "n't" and "'s" rules apply.
        #expect(words("mustn't") == ["must", "not"])
        #expect(words("weren't") == ["were", "not"])
        #expect(words("Dana's number") == ["dana", "number"])
    }

    @Test func leadingAndTrailingApostrophesAreDropped() {
        #expect(words("'urgent' please") == ["urgent", "please"])
        #expect(words("' '").isEmpty)
    }

    @Test func expandsChatAbbreviations() {
        #expect(words("pls close #12 asap") == ["please", "close", "#12", "as", "soon", "as", "possible"])
        #expect(words("thx u r great") == ["thanks", "you", "are", "great"])
        #expect(words("call them tmrw rn") == ["call", "them", "tomorrow", "right", "now"])
        #expect(words("msg my mgr bc vm") == ["message", "my", "manager", "because", "voicemail"])
        #expect(words("gonna escalate") == ["going", "to", "escalate"])
    }

    @Test func ticketLikeTokensKeepTheirHash() {
        #expect(words("update #12: done") == ["update", "#12", "done"])
        #expect(words("close #1, #2 and #3.") == ["close", "#1", "#2", "and", "#3"])
    }

    @Test func hyphensStayInsideWords() {
        #expect(words("de-escalate N-12") == ["de-escalate", "n-12"])
        // A hyphen not followed by a word character separates.
        #expect(words("late - again") == ["late", "again"])
        #expect(words("late- again") == ["late", "again"])
    }

    @Test func eMailSpellingsBecomeEmail() {
        #expect(words("I e-mailed the e-mail") == ["i", "emailed", "the", "email"])
    }

    @Test func dotsColonsAndSlashesStayBetweenDigits() {
        #expect(words("at 9:30 on 11/24") == ["at", "9:30", "on", "11/24"])
        #expect(words("call 877.877.8748") == ["call", "877.877.8748"])
        // Between letters or after the last digit they separate.
        #expect(words("done.Next") == ["done", "next"])
        #expect(words("at 9: ok") == ["at", "9", "ok"])
        #expect(words("v1.2") == ["v1.2"])
    }

    @Test func dashesSeparateWords() {
        #expect(words("late\u{2014}again") == ["late", "again"])
        #expect(words("9\u{2013}5") == ["9", "5"])
    }
}
