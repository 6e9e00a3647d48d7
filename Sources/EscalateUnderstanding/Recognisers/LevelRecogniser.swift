/// Recognises levels of a ladder: `level 2`, `2nd level`, `second-level`,
/// `L2`, `tier 3`, `the next level`, `the top`.
enum LevelRecogniser {
    static func recognise(_ tokens: [Token], kinds: [WordKinds]? = nil) -> [EntitySpan] {
        let kinds = kinds ?? WordKinds.of(tokens)
        var spans: [EntitySpan] = []
        var index = 0
        while index < tokens.count {
            if kinds[index].contains(.level), let (level, end) = match(tokens, at: index) {
                spans.append(EntitySpan(type: "level", value: .level(level), start: index, end: end))
                index = end
            } else {
                index += 1
            }
        }
        return spans
    }

    static func match(_ tokens: [Token], at start: Int) -> (LevelRef, Int)? {
        func at(_ i: Int) -> String? { i < tokens.count ? tokens[i].text : nil }
        let word = tokens[start].text
        if word == "level" || word == "lvl" || word == "tier" || word == "lv" {
            if let next = at(start + 1), let n = Numbers.value(next) ?? Numbers.ordinals[next], (0...9).contains(n), next != "a", next != "an" {
                return (.number(n), start + 2)
            }
            return nil
        }
        if word.utf8.count == 2, word.utf8.first == 108, let n = Int(word.dropFirst()), (0...9).contains(n) { return (.number(n), start + 1) }
        // second-level, 2nd-level
        if word.hasSuffix("-level") {
            let pieces = word.split(separator: "-")
            if pieces.count == 2, let n = Numbers.ordinals[String(pieces[0])] { return (.number(n), start + 1) }
        }
        if let n = Numbers.ordinals[word], let next = at(start + 1), next == "level" || next == "tier" || next == "line" {
            return (.number(n), start + 2)
        }
        if word == "next", let next = at(start + 1), next == "level" || next == "tier" || next == "rung" || next == "step" {
            return (.next, start + 2)
        }
        // up a level, up one level, a level up, one level up
        if word == "up", let a = at(start + 1), a == "a" || a == "one", at(start + 2) == "level" { return (.next, start + 3) }
        if word == "a" || word == "one", at(start + 1) == "level", at(start + 2) == "up" || at(start + 2) == "higher" { return (.next, start + 3) }
        if word == "top" || word == "highest" {
            if let next = at(start + 1), next == "level" || next == "tier" || next == "rung" { return (.top, start + 2) }
            if start > 0, tokens[start - 1].text == "the", at(start + 1) == nil || at(start + 1) == "of" { return (.top, start + 1) }
        }
        return nil
    }
}
