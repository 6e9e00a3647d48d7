import EscalateDomain

/// Something one of the source documents says that is not already a
/// ladder, a route or a timeline: who handles what, what a number means,
/// what a template says. Each fact keeps where it came from, so that
/// "source?" can cite the document and its section.
public struct Fact: Sendable, Equatable {
    public var id: String
    public var organisation: String
    /// The process it belongs to, when it belongs to one.
    public var process: String?
    /// The level of that process it is about, so that "and after that?" walks on.
    public var level: Int?
    /// The questions it answers, as people ask them; the matcher's only guide.
    public var asks: [String]
    /// The answer, one line each.
    public var answer: [String]
    public var source: FactSource
    /// Dates a hypothetical can be answered with ("if I e-mail today, when …?").
    public var counts: [FactCount] = []
    /// A short name for lists ("the 24-hour rule").
    public var about: String
}

/// A document and one of its section headings.
public struct FactSource: Sendable, Equatable {
    /// The document's file name.
    public var document: String
    /// The document's title, as its first lines give it.
    public var title: String
    /// A heading that appears in the document, word for word.
    public var section: String
}

/// A date counted from the moment a hypothetical starts: `span` of
/// `calendar`'s business time, or not before it when `earliest`.
public struct FactCount: Sendable, Equatable {
    public var label: String
    public var span: BusinessSpan
    public var calendar: String
    public var earliest: Bool
}

/// A day people name after a holiday: "Christmas Eve" is the day before
/// Christmas Day, "Black Friday" the day after Thanksgiving Day.
public struct NamedDay: Sendable, Equatable {
    public var name: String
    public var holiday: String
    public var offset: Int
}

/// Reads `document` and `facts` from a facts file, and `named-days` from a
/// holiday file.
struct FactFile {
    static let factKeys: Set<String> = ["id", "process", "level", "asks", "answer", "section", "counts", "about", "organisation"]

    static func decode(_ top: YAMLMapping, calendars: Set<String>) throws -> (facts: [Fact], namedDays: [NamedDay]) {
        var facts: [Fact] = []
        if let list = top["facts"] {
            guard let documentValue = top["document"] else { throw list.error("a facts file needs a 'document' (file, title, organisation)") }
            let document = try documentValue.mapping("a document", allowed: ["file", "title", "organisation"])
            let file = try document.string("file")
            let title = try document.string("title")
            let organisation = try document.string("organisation")
            let reader = MatrixReader(calendars: calendars)
            var seen: Set<String> = []
            for item in try list.list("'facts'") {
                let map = try item.mapping("a fact", allowed: factKeys)
                let id = try reader.identifier(map, "id")
                guard seen.insert(id).inserted else { throw item.error("fact '\(id)' is given twice") }
                let asks = try map.optionalStrings("asks")
                guard !asks.isEmpty else { throw item.error("fact '\(id)' needs at least one question in 'asks'") }
                let answer = try map["answer"].map { try $0.listOrSingle("'answer'").map { try $0.string("an answer line") } } ?? []
                guard !answer.isEmpty else { throw item.error("fact '\(id)' needs an 'answer'") }
                let counts = try map["counts"].map { try $0.list("'counts'").map { try count($0, reader: reader) } } ?? []
                facts.append(Fact(
                    id: id, organisation: try map.optionalString("organisation") ?? organisation, process: try map.optionalString("process"),
                    level: try map["level"].map { try $0.int("'level'") },
                    asks: asks, answer: answer,
                    source: FactSource(document: file, title: title, section: try map.string("section")),
                    counts: counts, about: try map.string("about")))
            }
        }
        var named: [NamedDay] = []
        if let list = top["named-days"] {
            for item in try list.list("'named-days'") {
                let map = try item.mapping("a named day", allowed: ["name", "before", "after", "same-as"])
                let name = try map.string("name")
                if let holiday = try map.optionalString("before") { named.append(NamedDay(name: name, holiday: holiday, offset: -1)) }
                else if let holiday = try map.optionalString("after") { named.append(NamedDay(name: name, holiday: holiday, offset: 1)) }
                else if let holiday = try map.optionalString("same-as") { named.append(NamedDay(name: name, holiday: holiday, offset: 0)) }
                else { throw item.error("a named day needs one of: before, after, same-as") }
            }
        }
        return (facts, named)
    }

    static func count(_ value: YAMLValue, reader: MatrixReader) throws -> FactCount {
        let map = try value.mapping("a count", allowed: ["label", "after", "not-before", "calendar"])
        let earliest = map["not-before"] != nil
        guard let spanValue = map["after"] ?? map["not-before"] else { throw value.error("a count needs 'after' or 'not-before'") }
        return FactCount(label: try map.string("label"), span: try reader.span(spanValue), calendar: try reader.calendarName(try map.required("calendar")),
                         earliest: earliest)
    }
}
