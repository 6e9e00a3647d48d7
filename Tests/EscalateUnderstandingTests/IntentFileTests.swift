import EscalateDomain
import Testing
@testable import EscalateUnderstanding

@Suite struct IntentFileTests {
    /// The error `parse` throws, if it is an `DataFileError`.
    private func failure(_ parse: () throws -> Void) -> DataFileError? {
        do {
            try parse()
            return nil
        } catch {
            return error as? DataFileError
        }
    }

    private func intentError(_ text: String) -> DataFileError? {
        failure { _ = try IntentFile.parse(text, file: "bad.intent") }
    }

    private func entityError(_ text: String) -> DataFileError? {
        failure { _ = try EntityFile.parse(text, file: "role.entity") }
    }

    private func vocabularyError(_ text: String) -> DataFileError? {
        failure { _ = try VocabularyFile.parse(text, file: "contact.voc") }
    }

    // MARK: .intent files

    @Test func slotsAndTextAreSplitIntoParts() throws {
        let phrasings = try IntentFile.parse("update {ticket}: {note}\n", file: "log_update.intent")
        try #require(phrasings.count == 1)
        let phrasing = phrasings[0]
        #expect(phrasing.parts == [Phrasing.Part.text("update "), .slot("ticket"), .text(": "), .slot("note")])
        #expect(phrasing.slots == ["ticket", "note"])
        #expect(phrasing.text == "update {ticket}: {note}")
        #expect(phrasing.file == "log_update.intent")
        #expect(phrasing.line == 1)
    }

    @Test func slotNamesAreTrimmedAndLowercased() throws {
        let phrasings = try IntentFile.parse("close { Ticket }", file: "close.intent")
        #expect(phrasings.map(\.slots) == [["ticket"]])
    }

    @Test func alternativesExpandInOrder() throws {
        let phrasings = try IntentFile.parse("(close|shut) {ticket}", file: "close.intent")
        #expect(phrasings.map(\.text) == ["close {ticket}", "shut {ticket}"])
    }

    @Test func anEmptyAlternativeMakesAGroupOptional() throws {
        let phrasings = try IntentFile.parse("(please|) close {ticket} (now|)", file: "close.intent")
        #expect(phrasings.map(\.text) == [
            "please close {ticket} now", "please close {ticket}", "close {ticket} now", "close {ticket}",
        ])
    }

    @Test func nestedAlternatives() throws {
        let phrasings = try IntentFile.parse("(escalate (it|{ticket})|bump it)", file: "escalate.intent")
        #expect(phrasings.map(\.text) == ["escalate it", "escalate {ticket}", "bump it"])
    }

    @Test func commentsAndBlankLinesAreSkippedButCounted() throws {
        let text = "# how people close tickets\n\n   \nclose {ticket}\n  # indented comment\nshut {ticket}\n"
        let phrasings = try IntentFile.parse(text, file: "close.intent")
        #expect(phrasings.map(\.text) == ["close {ticket}", "shut {ticket}"])
        #expect(phrasings.map(\.line) == [4, 6])
    }

    @Test func aLineWithManySentencesIsCappedButUsesEveryAlternative() throws {
        // 4 × 4 × 4 = 64 sentences, more than the cap.
        let phrasings = try IntentFile.parse("(a|b|c|d) (e|f|g|h) (i|j|k|l) {x}", file: "many.intent")
        #expect(phrasings.count == IntentFile.expansionCap)
        #expect(Set(phrasings.map(\.text)).count == phrasings.count)
        let words = Set(phrasings.flatMap { $0.text.split(separator: " ").map(String.init) })
        for letter in ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"] {
            #expect(words.contains(letter), "'\(letter)' never used")
        }
    }

    // MARK: malformed .intent files

    @Test func unbalancedParenthesesNameTheFileAndLine() throws {
        let unclosed = try #require(intentError("close {ticket}\n(close|shut {ticket}"))
        #expect(unclosed == DataFileError(file: "bad.intent", line: 2, message: "'(' without a matching ')'"))
        #expect("\(unclosed)" == "bad.intent:2: '(' without a matching ')'")
        let unopened = try #require(intentError("# comment\nclose) {ticket}"))
        #expect(unopened.description == "bad.intent:2: ')' without a matching '('")
    }

    @Test func aBarOutsideParenthesesIsAnError() throws {
        let error = try #require(intentError("close {ticket}|shut {ticket}"))
        #expect(error.description == "bad.intent:1: '|' outside parentheses: write alternatives as (a|b)")
    }

    @Test func unbalancedBracesAreErrors() throws {
        let unclosed = try #require(intentError("\n\nclose {ticket"))
        #expect(unclosed.description == "bad.intent:3: '{' without a matching '}'")
        let unopened = try #require(intentError("close ticket}"))
        #expect(unopened.description == "bad.intent:1: '}' without a matching '{'")
        let reversed = try #require(intentError("close }ticket{"))
        #expect(reversed.message == "'}' without a matching '{'")
    }

    @Test func slotNamesAreLettersAndUnderscores() throws {
        let error = try #require(intentError("close {ticket-id}"))
        #expect(error.description == "bad.intent:1: slot names are letters and '_': '{ticket-id}'")
        let empty = try #require(intentError("close {}"))
        #expect(empty.message == "slot names are letters and '_': '{}'")
        #expect(intentError("close {ticket_ref}") == nil)
    }

    // MARK: .entity files

    @Test func entityValuesHaveTheirIdAndSynonymsAsPhrases() throws {
        let text = "# roles\nccm | customer care manager | my (ccm|cm)\nplanned_maintenance | PM window\n"
        let values = try EntityFile.parse(text, file: "role.entity")
        #expect(values == [
            EntityValue(id: "ccm", phrases: ["ccm", "customer care manager", "my ccm", "my cm"]),
            EntityValue(id: "planned_maintenance", phrases: ["planned maintenance", "pm window"]),
        ])
    }

    @Test func aBangKeepsTheIdOutOfThePhrases() throws {
        let values = try EntityFile.parse("support! | support organisation | (the|our) support team", file: "org.entity")
        #expect(values == [EntityValue(id: "support", phrases: ["support organisation", "the support team", "our support team"])])
    }

    @Test func repeatedPhrasesAreKeptOnce() throws {
        let values = try EntityFile.parse("ccm | CCM |  ccm ", file: "role.entity")
        #expect(values.map(\.phrases) == [["ccm"]])
    }

    @Test func entityErrorsNameTheFileAndLine() throws {
        let twice = try #require(entityError("ccm\n# again\nccm | my ccm"))
        #expect(twice.description == "role.entity:3: 'ccm' is listed twice")
        let badID = try #require(entityError("my role | x"))
        #expect(badID.description == "role.entity:1: a value's id is letters, digits, '_' and '-': 'my role'")
        let bare = try #require(entityError("\n!"))
        #expect(bare.description == "role.entity:2: a value's id is letters, digits, '_' and '-': ''")
        let group = try #require(entityError("ccm | my (ccm"))
        #expect(group.description == "role.entity:1: '(' without a matching ')'")
    }

    // MARK: .voc files

    @Test func vocabularyFilesListPhrasesWithAlternatives() throws {
        let phrases = try VocabularyFile.parse("# calling\n(ring|call)\nPhone   up\n\n", file: "contact.voc")
        #expect(phrases == ["ring", "call", "phone up"])
    }

    @Test func vocabularyErrorsNameTheFileAndLine() throws {
        let error = try #require(vocabularyError("ring\nring|call"))
        #expect(error.description == "contact.voc:2: '|' outside parentheses: write alternatives as (a|b)")
    }
}
