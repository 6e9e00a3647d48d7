import EscalateDomain
import Foundation

/// Reads organisations, their escalation processes and the role glossary
/// from YAML. The format is documented in the README; every complaint names
/// `file:line`.
struct MatrixFile {
    var organisations: [Organisation] = []
    var roles: [RoleDescription] = []

    static let organisationKeys: Set<String> = [
        "id", "name", "summary", "processes", "routes", "contact-lists", "notes", "aliases", "segments", "reference-kinds",
    ]
    static let processKeys: Set<String> = [
        "id", "title", "short", "summary", "topics", "ladder", "when-to-raise", "start", "beyond-top", "routes", "templates",
        "checklists", "closure-codes", "timeline", "communication-plan", "numbering", "notes", "on-open", "on-escalation",
        "closure-notes", "general-closure-codes", "closure-heading",
    ]
    static let levelKeys: Set<String> = [
        "level", "title", "role", "person", "contacts", "calendar", "calendar-by-segment", "wait", "wait-after-acknowledgement", "promises", "skip-when", "notes", "any-time", "assigned",
    ]

    /// Decodes the `organisations` and `roles` of `top`, checking calendar
    /// names against `calendars`.
    static func decode(_ top: YAMLMapping, calendars: Set<String>) throws -> MatrixFile {
        var result = MatrixFile()
        let reader = MatrixReader(calendars: calendars)
        if let list = top["roles"] {
            result.roles = try list.list("'roles'").map(reader.role)
        }
        if let list = top["organisations"] {
            var seen: Set<String> = []
            for item in try list.list("'organisations'") {
                let organisation = try reader.organisation(item)
                guard seen.insert(organisation.id).inserted else { throw item.error("organisation '\(organisation.id)' is given twice") }
                result.organisations.append(organisation)
            }
        }
        return result
    }
}

/// The pieces of a matrix file.
struct MatrixReader {
    let calendars: Set<String>

    func organisation(_ value: YAMLValue) throws -> Organisation {
        let map = try value.mapping("an organisation", allowed: MatrixFile.organisationKeys)
        let id = try identifier(map, "id")
        var processes: [EscalationProcess] = []
        if let list = map["processes"] {
            var seen: Set<String> = []
            for item in try list.list("'processes'") {
                let process = try self.process(item, organisation: id)
                guard seen.insert(process.id).inserted else { throw item.error("process '\(process.id)' is given twice") }
                processes.append(process)
            }
        }
        var organisation = Organisation(
            id: id, name: try map.string("name"), summary: try map.optionalString("summary") ?? "",
            processes: processes,
            routes: try map["routes"].map { try $0.list("'routes'").map(route) } ?? [],
            contactLists: try map["contact-lists"].map { try $0.list("'contact-lists'").map(contactList) } ?? [],
            notes: try map.optionalStrings("notes"))
        organisation.aliases = try map.optionalStrings("aliases")
        organisation.segments = try map["segments"].map { try $0.list("'segments'").map(segment) } ?? []
        organisation.referenceKinds = try map["reference-kinds"].map { try $0.list("'reference-kinds'").map(referenceKind) } ?? []
        return organisation
    }

    func process(_ value: YAMLValue, organisation: String) throws -> EscalationProcess {
        let map = try value.mapping("a process", allowed: MatrixFile.processKeys)
        let id = try identifier(map, "id")
        let ladderValue = try map.required("ladder")
        let items = try ladderValue.list("'ladder'")
        let ladder = try items.map(level)
        guard !ladder.isEmpty else { throw ladderValue.error("process '\(id)' needs at least one level") }
        for index in ladder.indices.dropFirst() where ladder[index].number <= ladder[index - 1].number {
            throw items[index].error("levels must go up: level \(ladder[index].number) comes after level \(ladder[index - 1].number)")
        }
        let conditions = try map["when-to-raise"].map { try $0.list("'when-to-raise'").map(condition) } ?? []
        let known = Set(conditions.map(\.id))
        for (item, level) in zip(try ladderValue.list("'ladder'"), ladder) {
            for id in level.skipWhen where !known.contains(id) {
                throw item.error("skip-when '\(id)' is not one of this process's when-to-raise conditions (\(known.sorted().joined(separator: ", ")))")
            }
        }
        var process = EscalationProcess(
            id: id, organisation: organisation, title: try map.string("title"), shortTitle: try map.optionalString("short"),
            summary: try map.optionalString("summary") ?? "", topics: try map.optionalStrings("topics"),
            ladder: ladder, whenToRaise: conditions, start: try map.optionalString("start"),
            beyondTop: try map.optionalString("beyond-top"),
            routes: try map["routes"].map { try $0.list("'routes'").map(route) } ?? [],
            templates: try map["templates"].map { try $0.list("'templates'").map(template) } ?? [],
            checklists: try map["checklists"].map { try $0.list("'checklists'").map(checklist) } ?? [],
            closureCodes: try map["closure-codes"].map { try $0.list("'closure-codes'").map(closureCode) } ?? [],
            timeline: try map["timeline"].map { try $0.list("'timeline'").map(timelineStep) } ?? [],
            communicationPlan: try map["communication-plan"].map(communicationPlan),
            numbering: try map.optionalStrings("numbering"), notes: try map.optionalStrings("notes"))
        process.closureNotes = try map.optionalStrings("closure-notes")
        process.generalClosureCodes = try map["general-closure-codes"].map { try $0.list("'general-closure-codes'").map(closureCode) } ?? []
        process.closureHeading = try map.optionalString("closure-heading")
        process.onOpen = try map.optionalStrings("on-open")
        process.onEscalation = try map.optionalStrings("on-escalation")
        return process
    }

    func level(_ value: YAMLValue) throws -> EscalationLevel {
        let map = try value.mapping("a level", allowed: MatrixFile.levelKeys)
        let calendarValue = try map.required("calendar")
        var bySegment: [String: String] = [:]
        if let segments = map["calendar-by-segment"] {
            for entry in try segments.mapping("'calendar-by-segment'").entries { bySegment[entry.key] = try calendarName(entry.value) }
        }
        var segments: [ContactRoute: String] = [:]
        let contacts = try map["contacts"].map { list in
            try list.list("'contacts'").map { value -> ContactRoute in
                let route = try contact(value)
                if let segment = try value.mapping("a contact").optionalString("segment") { segments[route] = segment }
                return route
            }
        } ?? []
        var level = EscalationLevel(
            number: try map.required("level").int("'level'"), title: try map.string("title"),
            role: try map.optionalString("role"), person: try map["person"].map(person),
            contacts: contacts,
            calendar: try calendarName(calendarValue),
            wait: try map["wait"].map(span), waitAfterAcknowledgement: try map["wait-after-acknowledgement"].map(span),
            promises: try map["promises"].map { try $0.list("'promises'").map(promise) } ?? [],
            skipWhen: try map.optionalStrings("skip-when"), notes: try map.optionalStrings("notes"))
        level.calendarBySegment = bySegment
        level.contactSegments = segments
        level.anyTime = try map.optionalBool("any-time")
        level.assigned = try map.optionalBool("assigned")
        return level
    }

    func calendarName(_ value: YAMLValue) throws -> String {
        let name = try value.string("a calendar")
        guard calendars.contains(name) else {
            throw value.error("unknown calendar '\(name)' (known: \(calendars.sorted().joined(separator: ", ")))")
        }
        return name
    }

    func span(_ value: YAMLValue) throws -> BusinessSpan {
        let text = try value.string("a duration")
        do { return try BusinessSpan(parsing: text) } catch { throw value.error("\(error)") }
    }

    func identifier(_ map: YAMLMapping, _ key: String) throws -> String {
        let value = try map.required(key)
        let id = try value.string("'\(key)'")
        guard id.range(of: #"^[a-z0-9][a-z0-9_-]*$"#, options: .regularExpression) != nil else {
            throw value.error("'\(id)' should be lowercase letters, digits, '-' and '_'")
        }
        return id
    }

    func person(_ value: YAMLValue) throws -> Person {
        let map = try value.mapping("a person", allowed: ["name", "title", "phone", "email"])
        return Person(name: try map.string("name"), title: try map.optionalString("title"),
                      phone: try map.optionalString("phone"), email: try map.optionalString("email"))
    }

    func contact(_ value: YAMLValue) throws -> ContactRoute {
        let map = try value.mapping("a contact", allowed: ["phone", "email", "portal", "ask", "note", "detail", "calendar", "text", "segment"])
        if let phone = try map.optionalString("phone") {
            return .phone(number: phone, detail: try map.optionalString("detail"), calendar: try map["calendar"].map(calendarName))
        }
        if let email = try map.optionalString("email") { return .email(address: email, detail: try map.optionalString("detail")) }
        if let portal = try map.optionalString("portal") { return .portal(name: portal, detail: try map.optionalString("detail")) }
        if let role = try map.optionalString("ask") { return .ask(role: role, text: try map.string("text")) }
        if let note = try map.optionalString("note") { return .note(note) }
        throw value.error("a contact needs one of: phone, email, portal, ask, note")
    }

    func promise(_ value: YAMLValue) throws -> Promise {
        let map = try value.mapping("a promise", allowed: Set(Promise.Kind.allCases.map(\.rawValue) + ["calendar", "text"]))
        for kind in Promise.Kind.allCases {
            if let spanValue = map[kind.rawValue] {
                return Promise(kind: kind, within: try span(spanValue), calendar: try map["calendar"].map(calendarName), text: try map.string("text"))
            }
        }
        throw value.error("a promise needs one of: \(Promise.Kind.allCases.map(\.rawValue).joined(separator: ", "))")
    }

    func condition(_ value: YAMLValue) throws -> Condition {
        let map = try value.mapping("a condition", allowed: ["id", "text"])
        return Condition(id: try identifier(map, "id"), text: try map.string("text"))
    }

    func route(_ value: YAMLValue) throws -> Route {
        let map = try value.mapping("a route", allowed: ["topic", "segment", "title", "contacts", "calendar", "promise", "notes"])
        return Route(
            topic: try map.string("topic"), segment: try map.optionalString("segment"), title: try map.string("title"),
            contacts: try map.required("contacts").list("'contacts'").map(contact),
            calendar: try map["calendar"].map(calendarName), promise: try map["promise"].map(promise),
            notes: try map.optionalStrings("notes"))
    }

    func template(_ value: YAMLValue) throws -> MessageTemplate {
        let map = try value.mapping("a template", allowed: ["id", "title", "to", "cc", "subject", "opening", "notes"])
        let known = ["customer", "account", "description", "location", "ticket", "sender_email", "references", "impact", "escalation_reason"]
        for key in ["subject", "opening"] {
            guard let field = map[key] else { continue }
            for line in try field.strings("'\(key)'") {
                for placeholder in Self.placeholders(in: line) where !known.contains(placeholder) {
                    throw field.error("unknown placeholder {\(placeholder)} (known: \(known.map { "{\($0)}" }.joined(separator: ", ")))")
                }
            }
        }
        return MessageTemplate(
            id: try identifier(map, "id"), title: try map.string("title"), to: try map.optionalStrings("to"),
            cc: try map.optionalStrings("cc"), subject: try map.string("subject"),
            opening: try map.optionalStrings("opening"), notes: try map.optionalStrings("notes"))
    }

    static func placeholders(in text: String) -> [String] {
        var result: [String] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            result.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return result
    }

    func checklist(_ value: YAMLValue) throws -> Checklist {
        let map = try value.mapping("a checklist", allowed: ["id", "title", "items"])
        let items = try map.required("items").list("'items'").map { item -> Checklist.Item in
            let entry = try item.mapping("a checklist item", allowed: ["id", "question"])
            return Checklist.Item(id: try identifier(entry, "id"), question: try entry.string("question"))
        }
        return Checklist(id: try identifier(map, "id"), title: try map.string("title"), items: items)
    }

    func closureCode(_ value: YAMLValue) throws -> ClosureCode {
        let map = try value.mapping("a closure code", allowed: ["id", "text", "agreement"])
        return ClosureCode(id: try identifier(map, "id"), text: try map.string("text"), agreement: try map.string("agreement"))
    }

    func timelineStep(_ value: YAMLValue) throws -> TimelineStep {
        let map = try value.mapping("a timeline step", allowed: ["label", "due", "from", "not-before", "done-when", "text"])
        var done: TimelineStep.Done?
        if let value = map["done-when"] {
            let text = try value.string("'done-when'")
            guard let parsed = TimelineStep.Done(rawValue: text) else { throw value.error("'done-when' should be engaged or acknowledged, not '\(text)'") }
            done = parsed
        }
        return TimelineStep(label: try map.string("label"), due: try map["due"].map(span), from: try map["from"].map(span),
                            notBefore: try map.optionalBool("not-before"), doneWhen: done, text: try map.string("text"))
    }

    func communicationPlan(_ value: YAMLValue) throws -> CommunicationPlanGuide {
        let map = try value.mapping("a communication plan", allowed: ["text", "default-frequency", "modes"])
        let modes = try map.optionalStrings("modes").map { name -> Channel in
            guard let channel = Channel(rawValue: name) else {
                throw value.error("unknown mode '\(name)' (use \(Channel.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            return channel
        }
        return CommunicationPlanGuide(text: try map.optionalStrings("text"), defaultFrequency: try map["default-frequency"].map(span), modes: modes)
    }

    func contactList(_ value: YAMLValue) throws -> ContactList {
        let map = try value.mapping("a contact list", allowed: ["id", "title", "people"])
        return ContactList(id: try identifier(map, "id"), title: try map.string("title"),
                           people: try map.required("people").list("'people'").map(person))
    }

    func role(_ value: YAMLValue) throws -> RoleDescription {
        let map = try value.mapping("a role", allowed: [
            "id", "title", "abbreviation", "organisations", "duties", "aliases", "covered-by", "reader-role", "contacted-by", "contacted-by-text",
        ])
        var role = RoleDescription(id: try identifier(map, "id"), title: try map.string("title"),
                                   abbreviation: try map.optionalString("abbreviation"),
                                   organisations: try map.optionalStrings("organisations"), duties: try map.optionalStrings("duties"))
        role.aliases = try map.optionalStrings("aliases")
        role.coveredBy = try map.optionalStrings("covered-by")
        role.isReaderRole = try map.optionalBool("reader-role")
        role.contactedBy = try map.optionalString("contacted-by")
        role.contactedByText = try map.optionalString("contacted-by-text")
        return role
    }

    func segment(_ value: YAMLValue) throws -> Segment {
        let map = try value.mapping("a segment", allowed: ["id", "name", "aliases", "account-team-role"])
        return Segment(id: try identifier(map, "id"), name: try map.string("name"), aliases: try map.optionalStrings("aliases"),
                       accountTeamRole: try map.optionalString("account-team-role"))
    }

    func referenceKind(_ value: YAMLValue) throws -> ReferenceKind {
        let map = try value.mapping("a reference kind", allowed: ["id", "label", "words", "digits-only", "length", "notes"])
        var length: ClosedRange<Int>?
        if let text = try map.optionalString("length") {
            let parts = text.split(separator: "-").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
            guard let low = parts.first, let high = parts.last, low >= 1, low <= high, parts.count <= 2 else {
                throw try map.required("length").error("a length is a number of characters or a range such as 4-12")
            }
            length = low...high
        }
        let words = try map.optionalStrings("words")
        guard !words.isEmpty else { throw value.error("a reference kind needs 'words' that introduce it, e.g. [ims]") }
        return ReferenceKind(id: try identifier(map, "id"), label: try map.string("label"), words: words.map { $0.lowercased() },
                             digitsOnly: try map.optionalBool("digits-only"), length: length, notes: try map.optionalStrings("notes"))
    }
}
