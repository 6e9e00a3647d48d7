import Testing
@testable import EscalateTerminal

@Suite struct SafeTextTests {
    @Test func escapeSequencesCannotDriveTheTerminal() {
        let hostile = "note \u{1B}[2J\u{1B}]0;pwned\u{07} done"
        let safe = SafeText.neutralised(hostile)
        #expect(!safe.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        #expect(safe == "note ^[[2J^[]0;pwned^G done")
    }

    @Test func c1ControlsAndBidiOverridesAreShown() {
        #expect(SafeText.neutralised("a\u{9B}31mb") == "a<U+009B>31mb")
        #expect(SafeText.neutralised("abc\u{202E}fed") == "abc<U+202E>fed")
        #expect(SafeText.neutralised("x\u{7F}y\rz") == "x^?y^Mz")
    }

    @Test func invisibleFormattingIsShownButEmojiStayWhole() {
        #expect(SafeText.neutralised("a\u{200B}b\u{00AD}c\u{2028}d\u{FEFF}") == "a<U+200B>b<U+00AD>c<U+2028>d<U+FEFF>")
        #expect(SafeText.neutralised("\u{2066}x\u{2069}") == "<U+2066>x<U+2069>")
        let family = "👩\u{200D}👩\u{200D}👧"
        #expect(SafeText.neutralised(family) == family)
    }

    @Test func longLinesWrapKeepingTheirColumns() {
        let row = "  Mon 23 Nov 09:00 CT  sam: update: vendor dispatched to the Dallas site, ETA Friday morning"
        let lines = SafeText.fitted(row, width: 60).split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        #expect(lines[0].hasPrefix("  Mon 23 Nov 09:00 CT  sam:"))
        #expect(lines.allSatisfy { $0.count <= 60 })
        #expect(lines[1].hasPrefix("    "))
        #expect(SafeText.fitted("To: a@example.com, b@example.com, c@example.com", width: 21) == "To: a@example.com, b@example.com, c@example.com")
    }

    @Test func ordinaryTextIsUntouched() {
        let text = "Mon 23 Nov 13:00 CT — Level 2: Regional manager, Service Delivery\nnext line\twith tab"
        #expect(SafeText.neutralised(text) == "Mon 23 Nov 13:00 CT — Level 2: Regional manager, Service Delivery\nnext line with tab")
        #expect(SafeText.singleLine("two\nlines") == "two^Jlines")
    }

    @Test func colourOnlyWhenAllowed() {
        #expect(TerminalStyle.detect(environment: ["NO_COLOR": "1", "TERM": "xterm"], fd: 0).colour == false)
        #expect(TerminalStyle.detect(environment: ["TERM": "dumb"], fd: 0).colour == false)
        #expect(TerminalStyle(colour: false).render("\u{1B}[31mx", as: .error) == "^[[31mx")
        #expect(TerminalStyle(colour: true).render("careful", as: .nudge) == "\u{1B}[33mcareful\u{1B}[0m")
    }

    @Test func completionHelpers() {
        #expect(EditLineReader.commonPrefix([":help", ":history"]) == ":h")
        #expect(EditLineReader.columns(["a", "b", "c"], width: 6) == "a  b\nc")
    }
}
