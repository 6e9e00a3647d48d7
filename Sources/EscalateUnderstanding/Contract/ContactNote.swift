/// What a report of a contact says after who, which ticket and when: "I
/// e-mailed billing on #7 at 9:35 about the disputed late fee", "I called
/// the CCM on #1 at 3pm for the daily call", "… at 9:30, he said he'd look
/// Monday", "… and gave them the new install date". Kept as typed, so that
/// nothing said with a contact is lost.
public enum ContactNote {
    /// Words that start what the contact was about.
    static let connectives: Set<String> = ["about", "regarding", "re", "concerning", "for", "and", "saying", "said", "who", "they", "he", "she"]
    /// Words after which a clause is said to go on ("and", "saying"), and are not part of the note.
    static let dropped: Set<String> = ["and", "saying"]
    /// How a contact went, said after it: the event's kind says these.
    static let outcomes: Set<String> = ["no answer", "no reply", "no response", "nobody answered", "no one answered", "did not answer",
                                        "they did not answer", "he did not answer", "she did not answer", "went to voicemail",
                                        "left a voicemail", "left a message", "no answer left a voicemail", "no answer left a message"]
    /// The recognised parts of a report: who, which ticket, when, how.
    static let core: Set<String> = ["ticket", "time", "role", "person", "level", "email", "phone", "channel", "org"]

    /// The note: from the first connective (or a comma, colon or dash) that
    /// follows every recognised part it comes after, and is not itself
    /// followed at once by one ("about #1", "for the CCM"), when at least two
    /// words follow. Nil when the line says nothing more.
    public static func find(tokens: [Token], spans: [EntitySpan], text: String) -> String? {
        let units = text.utf16Units
        let core = spans.filter { Self.core.contains($0.type) }
        guard let firstCore = core.map(\.start).min() else { return nil }
        for index in tokens.indices where index > firstCore && index + 2 <= tokens.count {
            // Inside a recognised part, or before the first one: not yet.
            if core.contains(where: { $0.start < index && index < $0.end }) { continue }
            let separated = units.between(tokens[index - 1], tokens[index]).contains { $0 == 44 || $0 == 58 || $0 == 59 || $0 == 45 || $0 == 0x2014 }
            let word = tokens[index].text
            guard separated || connectives.contains(word) else { continue }
            var start = index
            if !separated, dropped.contains(word) { start += 1 }
            guard tokens.count - start >= 2 || (separated && tokens.count - start >= 1) else { continue }
            // "about #1", "for the CCM": a recognised part, not a note.
            let next = separated ? start : (dropped.contains(word) ? start : start + 1)
            if core.contains(where: { $0.start == next || ($0.start == next + 1 && ["the", "my", "our"].contains(tokens[next].text)) }) { continue }
            // "… for the RM on #2": a ticket named after it is still the report's.
            if spans.contains(where: { $0.type == "ticket" && $0.start >= start }) { continue }
            let note = String(decoding: units[tokens[start].start...], as: UTF16.self)
                .trimmingCharacters(in: .whitespacesAndNewlines)
            guard !note.isEmpty else { continue }
            // "…, no answer": the attempt itself, which its event says.
            let bare = note.lowercased().filter { $0.isLetter || $0 == " " }.replacingOccurrences(of: "didnt", with: "did not")
            if outcomes.contains(bare.trimmingCharacters(in: .whitespaces)) { return nil }
            return note
        }
        return nil
    }

    /// "Sent the customer an update on #1 yesterday at 4pm": the ticket and
    /// the time said at the front of what was taken for a note are the
    /// report's, not its words. Returns the spans peeled off and where the
    /// note really starts (nil when nothing is left of it).
    public static func peel(from noteStart: Int, tokens: [Token], spans: [EntitySpan]) -> (taken: [EntitySpan], rest: Int?) {
        var index = noteStart
        var taken: [EntitySpan] = []
        while index < tokens.count {
            if let span = spans.first(where: { ["ticket", "time"].contains($0.type) && $0.start == index }) {
                taken.append(span)
                index = span.end
            } else if ["on", "at", "for", "about", "re"].contains(tokens[index].text),
                      spans.contains(where: { ["ticket", "time"].contains($0.type) && $0.start == index + 1 }) {
                index += 1
            } else {
                break
            }
        }
        return (taken, index < tokens.count ? index : nil)
    }
}
