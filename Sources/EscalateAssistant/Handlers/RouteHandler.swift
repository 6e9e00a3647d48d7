import EscalateDomain
import EscalateUnderstanding

/// "Who do I call for a billing dispute with Lumen?": where a topic goes
/// when there is no ticket, from the organisations' routes.
struct RouteHandler: IntentHandler {
    let intents: [IntentName] = [.route]
    let kind = HandlerKind.question
    let summaries: [IntentName: String] = [.route: "ask where a topic goes"]
    let examples: [IntentName: String] = [.route: "who do I call for a billing dispute with Lumen?"]

    /// The topic whose routes are the portals.
    static let portalTopic = "portal"

    func handle(_ turn: TurnContext) async throws -> Outcome {
        let slots = turn.slots
        let now = turn.now
        guard let topic = slots.category else {
            let topics = Set(turn.catalog.organisations.flatMap { $0.routes.map(\.topic) }).sorted()
            return turn.problem("Which topic? I can route \(Words.list(topics.map { $0.replacingOccurrences(of: "_", with: " ") }, conjunction: "or")).")
        }
        // A segment belongs to one organisation.
        let segmentOwner = slots.segment.flatMap { turn.catalog.segment($0)?.organisation }
        let org = slots.org ?? segmentOwner?.id
        var organisations = turn.catalog.organisations.filter { org == nil || $0.id == org }
        if slots.org == nil, let ticketID = turn.state.focus?.ticketID, let ticket = try await turn.load(ticketID),
           organisations.contains(where: { $0.id == ticket.details.organisation && $0.routes.contains { $0.topic == topic } }) {
            organisations = organisations.filter { $0.id == ticket.details.organisation }
        }
        var state = turn.state
        state.topic.category = topic
        if let org { state.topic.organisation = org }
        if let segment = slots.segment { state.topic.segment = segment }
        if topic == Self.portalTopic, let answer = portalAnswer(turn, organisations: organisations) { return answer }
        // "We're wholesale, who escalates our trouble ticket?": the account
        // team role the segment's data names does.
        if let segment = slots.segment, let owner = segmentOwner, org == nil || org == owner.id, turn.cues.has(.escalationWord),
           let roleID = owner.segments.first(where: { $0.id == segment })?.accountTeamRole, let role = turn.catalog.role(roleID) {
            let name = "\(Words.lowerFirst(role.title))\(role.abbreviation.map { " (\($0))" } ?? "")"
            state.subject = .role(role.id)
            return turn.answer(["\(owner.name) \(turn.catalog.segmentName(segment)) customers go to their \(name):"] + role.duties.map { "- \($0)" }, state: state)
        }
        var lines: [String] = []
        for organisation in organisations {
            var routes = organisation.routes.filter { $0.topic == topic && (slots.segment == nil || $0.segment == nil || $0.segment == slots.segment) }
            // Portals: registering is its own question; otherwise what the portal is.
            if topic == Self.portalTopic {
                let registering = turn.cues.has(.registering)
                let registration = routes.filter { $0.title.hasPrefix("Register") }
                if registering && !registration.isEmpty { routes = registration }
                if !registering { routes.removeAll { $0.title.hasPrefix("Register") } }
            }
            for route in routes {
                // "Lumen billing requests, Enterprise", "Register for Lumen Connect, …".
                let title = route.title.contains(organisation.name) ? route.title
                    : route.title.hasPrefix("The ") ? "\(organisation.name): \(route.title)" : "\(organisation.name) \(Words.lowerFirst(route.title))"
                lines.append("\(title):")
                for contact in route.contacts { lines.append("  \(ContactText.line(contact))") }
                if let name = route.calendar, let calendar = turn.catalog.calendar(named: name) {
                    lines.append("  Hours: \(turn.hours(calendar, now: now)); \(turn.openNow(calendar, now: now))")
                }
                if let promise = route.promise { lines.append("  \(promise.text)") }
                for note in route.notes { lines.append("  \(note)") }
            }
        }
        // A topic with no desk of its own at that organisation: its ladder says where to start.
        if lines.isEmpty, turn.processes(org: org, category: topic, segment: slots.segment).count == 1 {
            return try await GeneralAdvice(turn: turn).outcome()
        }
        // "And their e-mail?" means the desk just given, when there was one organisation.
        if organisations.count == 1, !lines.isEmpty {
            state.subject = .route(organisation: organisations[0].id, topic: topic, segment: slots.segment)
        }
        guard !lines.isEmpty else {
            return turn.problem("I have no route for \(topic.replacingOccurrences(of: "_", with: " "))\(slots.org.map { " at \(turn.organisationName($0))" } ?? ""). Try “show the escalation ladder”.")
        }
        return turn.answer(lines, state: state)
    }

    /// "Can I view my invoices online?", "I don't have portal access": the
    /// portal question answered in a sentence, from the portal's own
    /// description and notes, rather than every portal described in full.
    func portalAnswer(_ turn: TurnContext, organisations: [Organisation]) -> Outcome? {
        let portals = Self.portals(of: organisations)
        func describes(_ route: Route, _ word: String) -> Bool {
            (route.contacts.map(ContactText.line) + route.notes).contains { $0.lowercased().contains(word) }
        }
        if turn.cues.has(.portalAccessProblem) {
            let lines = portals.compactMap { portal -> String? in
                let note = portal.route.notes.first { $0.lowercased().contains("portal access") }
                    ?? portal.route.notes.first { $0.lowercased().contains("register") }
                // "If you don't have portal access, contact …" is the answer itself.
                let answer = note.map { $0.replacingOccurrences(of: #"^If you don't have portal access, "#, with: "", options: .regularExpression) }
                return answer.map { "\(portal.name): \(Words.upperFirst($0))" }
            }
            return lines.isEmpty ? nil : turn.answer(["Without portal access:"] + lines.map { "  \($0)" })
        }
        // The word asked about, the word the portal's description uses, and what to call it.
        let subjects = [("invoice", "invoice", "view your invoices"), ("invoices", "invoice", "view your invoices"), ("bill", "invoice", "view your invoices"),
                        ("bills", "invoice", "view your invoices"), ("billing", "invoice", "view your invoices"), ("repair", "repair", "create and track repair tickets"),
                        ("order", "order", "check your order status"), ("maintenance", "maintenance", "view scheduled maintenance")]
        for (asked, key, doing) in subjects where turn.interpretation.mentions(asked) {
            guard let first = portals.first(where: { describes($0.route, key) }) else { return nil }
            var lines = ["Yes: you can \(doing) online in \(first.name)."]
            for contact in first.route.contacts { lines.append("  \(ContactText.line(contact))") }
            lines += first.route.notes.filter { $0.lowercased().contains(key) || $0.lowercased().contains("portal access") }.map { "  \($0)" }
            return turn.answer(lines)
        }
        return nil
    }

    /// Each organisation's portal (not its registration routes), by name.
    static func portals(of organisations: [Organisation]) -> [(name: String, route: Route)] {
        organisations.compactMap { organisation -> (name: String, route: Route)? in
            guard let route = organisation.routes.first(where: { $0.topic == portalTopic && !$0.title.hasPrefix("Register") }),
                  case .portal(let name, _)? = route.contacts.first(where: { if case .portal = $0 { return true } else { return false } })
            else { return nil }
            return (name, route)
        }
    }
}
