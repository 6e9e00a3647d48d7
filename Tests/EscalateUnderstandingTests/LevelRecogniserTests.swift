import Testing
@testable import EscalateUnderstanding

@Suite struct LevelRecogniserTests {
    private func spans(_ text: String) -> [EntitySpan] {
        LevelRecogniser.recognise(Tokenizer.tokens(text))
    }

    private func level(_ ref: LevelRef, _ start: Int, _ end: Int) -> EntitySpan {
        EntitySpan(type: "level", value: .level(ref), start: start, end: end)
    }

    @Test func levelOrTierAndANumber() {
        #expect(spans("level 2") == [level(.number(2), 0, 2)])
        #expect(spans("who is at level 3") == [level(.number(3), 3, 5)])
        #expect(spans("tier three") == [level(.number(3), 0, 2)])
        #expect(spans("lvl 1") == [level(.number(1), 0, 2)])
        #expect(spans("level 0") == [level(.number(0), 0, 2)])
    }

    @Test func shortForms() {
        #expect(spans("L2") == [level(.number(2), 0, 1)])
        #expect(spans("escalate to l4") == [level(.number(4), 2, 3)])
    }

    @Test func ordinals() {
        #expect(spans("2nd level") == [level(.number(2), 0, 2)])
        #expect(spans("third tier") == [level(.number(3), 0, 2)])
        #expect(spans("first line") == [level(.number(1), 0, 2)])
        #expect(spans("second-level support") == [level(.number(2), 0, 1)])
        #expect(spans("2nd-level") == [level(.number(2), 0, 1)])
    }

    @Test func theNextLevel() {
        #expect(spans("the next level") == [level(.next, 1, 3)])
        #expect(spans("next tier") == [level(.next, 0, 2)])
        #expect(spans("up a level") == [level(.next, 0, 3)])
        #expect(spans("one level up") == [level(.next, 0, 3)])
        #expect(spans("a level higher") == [level(.next, 0, 3)])
    }

    @Test func theTop() {
        #expect(spans("the top") == [level(.top, 1, 2)])
        #expect(spans("the top of the ladder") == [level(.top, 1, 2)])
        #expect(spans("top tier") == [level(.top, 0, 2)])
        #expect(spans("highest level") == [level(.top, 0, 2)])
    }

    @Test func notLevels() {
        // Only 0 to 9, and never "a" or "an".
        #expect(spans("level 10").isEmpty)
        #expect(spans("level a").isEmpty)
        #expect(spans("level").isEmpty)
        // "top" needs "the" before it and nothing (or "of") after.
        #expect(spans("top priority").isEmpty)
        #expect(spans("the top priority").isEmpty)
        #expect(spans("next week").isEmpty)
        #expect(spans("second call").isEmpty)
        #expect(spans("la").isEmpty)
    }

    @Test func descriptions() {
        #expect(LevelRef.number(2).description == "2")
        #expect(LevelRef.next.description == "next")
        #expect(LevelRef.top.description == "top")
        #expect(SlotValue.level(.number(3)).description == "3")
    }
}
