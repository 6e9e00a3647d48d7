import EscalateDomain
import EscalateUnderstanding

/// Where topics go, ladders, timelines, checklists
/// and closure codes.
extension Conversation {
    func route(_ slots: [String: SlotValue], line: String = "", now: Instant) throws -> Reply {
        guard let topic = slots.category else {
            let topics = Set(catalog.organisations.flatMap { $0.routes.map(\.topic) }).sorted()
            return .problem("Which topic? I can route \(Words.list(topics.map { $0.replacingOccurrences(of: "_", with: " ") }, conjunction: "or")).")
        }
        // A segment (Enterprise, National Wholesale) is Lumen's.
        let org = slots.org ?? (slots.entity("segment") != nil ? "lumen" : nil)
        var organisations = catalog.organisations.filter { org == nil || $0.id == org }
        if slots.org == nil, let ticketID = focus, let ticket = try load(ticketID),
           organisations.contains(where: { $0.id == ticket.details.organisation && $0.routes.contains { $0.topic == topic } }) {
            organisations = organisations.filter { $0.id == ticket.details.organisation }
        }
        if topic == "portal", let answer = portalAnswer(line: line, organisations: organisations) { return answer }
        // "We're wholesale, who escalates our trouble ticket?": Lumen's account
        // team for that segment does.
        if let segment = slots.entity("segment"), org == nil || org == "lumen", line.lowercased().contains("escalat"),
           let role = catalog.role(segment == "wholesale" ? "client_support_manager" : "cs_professional") {
            let name = "\(Words.lowerFirst(role.title))\(role.abbreviation.map { " (\($0))" } ?? "")"
            return Reply(["Lumen \(Words.segment(segment)) customers go to their \(name):"] + role.duties.map { "- \($0)" })
        }
        var lines: [String] = []
        for organisation in organisations {
            var routes = organisation.routes.filter { $0.topic == topic && (slots.entity("segment") == nil || $0.segment == nil || $0.segment == slots.entity("segment")) }
            // Portals: registering is its own question; otherwise what the portal is.
            if topic == "portal" {
                let registering = line.lowercased().range(of: #"regist|sign ?up|enrol"#, options: .regularExpression) != nil
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
                if let name = route.calendar, let calendar = catalog.calendar(named: name) {
                    lines.append("  Hours: \(hours(calendar, now: now)); \(openNow(calendar, now: now))")
                }
                if let promise = route.promise { lines.append("  \(promise.text)") }
                for note in route.notes { lines.append("  \(note)") }
            }
        }
        guard !lines.isEmpty else {
            return .problem("I have no route for \(topic.replacingOccurrences(of: "_", with: " "))\(slots.org.map { " at \(organisationName($0))" } ?? ""). Try “show the escalation ladder”.")
        }
        return Reply(lines)
    }

    /// "Can I view my invoices online?", "I don't have portal access": the
    /// portal question answered in a sentence, from the portal's own
    /// description and notes, rather than every portal described in full.
    func portalAnswer(line: String, organisations: [Organisation]) -> Reply? {
        let lower = line.lowercased()
        let portals = organisations.compactMap { organisation -> (name: String, route: Route)? in
            guard let route = organisation.routes.first(where: { $0.topic == "portal" && !$0.title.hasPrefix("Register") }),
                  case .portal(let name, _)? = route.contacts.first(where: { if case .portal = $0 { return true } else { return false } })
            else { return nil }
            return (name, route)
        }
        func describes(_ route: Route, _ word: String) -> Bool {
            (route.contacts.map(ContactText.line) + route.notes).contains { $0.lowercased().contains(word) }
        }
        if lower.range(of: #"\b(no|without|lost|can'?t|cannot|don'?t have)\b.*\baccess|\baccess\b.*\b(denied|revoked|problem)"#, options: .regularExpression) != nil {
            let lines = portals.compactMap { portal -> String? in
                let note = portal.route.notes.first { $0.lowercased().contains("portal access") }
                    ?? portal.route.notes.first { $0.lowercased().contains("register") }
                // "If you don't have portal access, contact …" is the answer itself.
                let answer = note.map { $0.replacingOccurrences(of: #"^If you don't have portal access, "#, with: "", options: .regularExpression) }
                return answer.map { "\(portal.name): \(Words.upperFirst($0))" }
            }
            return lines.isEmpty ? nil : Reply(["Without portal access:"] + lines.map { "  \($0)" })
        }
        // The word asked about, the word the portal's description uses, and what to call it.
        let subjects = [("invoice", "invoice", "view your invoices"), ("bill", "invoice", "view your invoices"),
                        ("repair", "repair", "create and track repair tickets"), ("order", "order", "check your order status"),
                        ("maintenance", "maintenance", "view scheduled maintenance")]
        for (asked, key, doing) in subjects where lower.contains(asked) {
            guard let first = portals.first(where: { describes($0.route, key) }) else { return nil }
            var lines = ["Yes: you can \(doing) online in \(first.name)."]
            for contact in first.route.contacts { lines.append("  \(ContactText.line(contact))") }
            lines += first.route.notes.filter { $0.lowercased().contains(key) || $0.lowercased().contains("portal access") }.map { "  \($0)" }
            return Reply(lines)
        }
        return nil
    }

    /// The process a question is about: the slot's, the ticket's, or asked.
    func processFor(_ slots: [String: SlotValue], intent: String) throws -> (process: EscalationProcess?, ticket: Ticket?, reply: Reply?) {
        if let id = slots.process, let process = catalog.process(id) { return (process, nil, nil) }
        if slots.ticketRef != nil || (slots.org == nil && slots.category == nil && focus != nil) {
            switch try resolveTicket(intent: intent, slots: slots, includeClosed: true) {
            case .reply(let reply): return (nil, nil, reply)
            case .found(let ticket): return (process(of: ticket), ticket, nil)
            }
        }
        var candidates = processes(org: slots.org, category: slots.category, segment: slots.entity("segment"))
        // "The CMS timeline": only the processes that have one.
        if intent == "timeline", candidates.contains(where: { !$0.timeline.isEmpty }) { candidates = candidates.filter { !$0.timeline.isEmpty } }
        if candidates.count == 1 { return (candidates[0], nil, nil) }
        return (nil, nil, askWhichProcess(intent: intent, slots: slots, candidates: candidates.isEmpty ? catalog.processes : candidates, question: "Which process?"))
    }

    func ladder(_ slots: [String: SlotValue], line: String = "", now: Instant) throws -> Reply {
        let (process, _, reply) = try processFor(slots, intent: "ladder")
        if let reply { return reply }
        guard let process else { return .problem("Which process?") }
        // "What happens once I request an escalation?": the short answer, when the source gives one.
        if !process.onEscalation.isEmpty, line.lowercased().hasPrefix("what happens") {
            return Reply(["Once you escalate (\(process.shortTitle)):"] + process.onEscalation.map { "  - \($0)" })
        }
        let saved = try storeCall { try store.contacts() }
        return Reply(LadderText.lines(process, organisation: catalog.organisation(process.organisation), calendars: catalog.calendars, saved: saved))
    }

    func timeline(_ slots: [String: SlotValue], now: Instant) throws -> Reply {
        let (found, ticket, reply) = try processFor(slots, intent: "timeline")
        if let reply { return reply }
        guard let process = found else { return .problem("Which process?") }
        guard !process.timeline.isEmpty else {
            var lines = ["\(process.title) has no published timeline, only the waits between levels."]
            if let ticket, let advice = engine.whoNow(ticket, at: now) {
                // What the ladder's waits mean for this ticket.
                lines += adviceLines(advice, now: now).prefix(3)
            } else {
                for level in process.ladder {
                    guard let wait = level.wait, let next = process.level(after: level.number) else { continue }
                    lines.append("  Level \(level.number) → Level \(next.number): allow \(wait).")
                }
            }
            return Reply(lines)
        }
        let calendar = engine.calendar(for: process.firstLevel)
        // The clock starts when the request goes in: the first contact with
        // the first level, or the opening of the ticket until then.
        let first = process.firstLevel.number
        let sent = ticket?.effectiveEvents.first { event in
            switch event.kind {
            case .contactAttempted(let record), .contactMade(let record): return record.level == first
            default: return false
            }
        }?.occurredAt
        var lines: [String] = []
        if let ticket {
            let anchor = sent.map { "from your request \(at($0, now: now))" } ?? "from the opening of #\(ticket.id) \(at(ticket.openedAt, now: now)), until you log the request"
            lines.append("\(process.title) timeline for #\(ticket.id), \(anchor):")
        } else {
            lines.append("\(process.title) timeline, counted in business days from your request:")
        }
        let start = sent ?? ticket?.openedAt
        for step in process.timeline {
            var text = "  \(step.label): \(step.text)"
            if let ticket, let start {
                let done: Bool
                switch step.doneWhen {
                case .engaged?: done = sent != nil
                case .acknowledged?: done = ticket.acknowledgements[first] != nil
                case nil: done = false
                }
                let due = step.due.flatMap { calendar.add($0, to: start) }
                if done {
                    text += " Done."
                } else if step.notBefore, let due {
                    text += " (not before \(stamp(due, now: now)))"
                } else if let from = step.from.flatMap({ calendar.add($0, to: start) }), let due {
                    text += " (from \(stamp(from, now: now)), by \(stamp(due, now: now)))"
                } else if let due {
                    text += due < now ? " (was due by \(stamp(due, now: now)))" : " (due by \(stamp(due, now: now)))"
                }
            }
            lines.append(text)
        }
        if let ticket {
            let references = ticket.details.references.map(\.description)
            if !references.isEmpty { lines.append("References so far: \(references.joined(separator: ", ")).") }
        }
        for rule in process.numbering { lines.append(rule) }
        return Reply(lines)
    }

    func escalationChecklist(_ slots: [String: SlotValue], line: String = "", now: Instant) throws -> Reply {
        // "What's the pre-escalation checklist?": the one process that has
        // one, unless a ticket or a process is named.
        let withChecklist = catalog.processes.filter { $0.checklist("pre-escalation") != nil }
        if withChecklist.count == 1, slots.ticketRef == nil, slots.process == nil, slots.org == nil, slots.category == nil,
           Tokenizer.tokens(line).contains(where: { $0.text.hasPrefix("checklist") }) {
            var named = slots
            named["process"] = .entity(withChecklist[0].id)
            return try escalationChecklist(named, now: now)
        }
        let (found, ticket, reply) = try processFor(slots, intent: "escalation_checklist")
        if let reply { return reply }
        guard let process = found else { return .problem("Which process?") }
        var lines: [String] = []
        if let checklist = process.checklist("pre-escalation") {
            lines.append("\(checklist.title):")
            lines += checklist.items.enumerated().map { "  \($0.offset + 1). \($0.element.question)" }
        } else if ticket?.level == nil, let start = process.start {
            lines.append("Before you escalate (\(process.title)): \(start)")
        }
        if !process.whenToRaise.isEmpty {
            lines.append("Reasons to escalate (\(process.shortTitle)):")
            lines += process.whenToRaise.map { "  - \(Words.upperFirst($0.text))" }
        }
        if let ticket, let advice = engine.whoNow(ticket, at: now) {
            switch advice.situation {
            case .waiting(_, let next, let remaining, let opensAt):
                lines.append("#\(ticket.id): not yet. Level \(next.number) opens \(at(opensAt, now: now)) (\(Words.businessTime(remaining)) to go).")
            case .nextOpen(_, let next, _):
                lines.append("#\(ticket.id): Level \(next.number) is open to you now.")
            case .start(let first) where process.level(after: first.number)?.anyTime == true:
                lines.append("#\(ticket.id): you may escalate at any time, or speak first with Level \(first.number), \(first.title).")
            case .start(let first):
                lines.append("#\(ticket.id): start with Level \(first.number), \(first.title).")
            case .top(let top):
                lines.append("#\(ticket.id) is already at the top, Level \(top.number).")
            default:
                break
            }
        }
        return Reply(lines)
    }

    static let defaultClosureCodes = [
        ClosureCode(id: "objectives_met", text: "The initially agreed upon objectives have been achieved.", agreement: "customer and the escalation owner"),
        ClosureCode(id: "downgraded", text: "Agreement reached to downgrade the severity; management engagement is no longer required.", agreement: "customer and the escalation owner"),
        ClosureCode(id: "resolved", text: "The customer agrees the issue is resolved.", agreement: "customer"),
        ClosureCode(id: "cannot_resolve", text: "Mutual agreement that the issue cannot or will not be resolved, communicated to all parties.", agreement: "all parties"),
    ]

    func closureCodes(for process: EscalationProcess?) -> [ClosureCode] {
        guard let process, !process.closureCodes.isEmpty else { return Self.defaultClosureCodes }
        return process.closureCodes
    }

    func closureInfo(_ slots: [String: SlotValue], now: Instant) throws -> Reply {
        var process: EscalationProcess?
        if let org = slots.org {
            process = catalog.processes.first { $0.organisation == org && !$0.closureCodes.isEmpty } ?? catalog.processes.first { $0.organisation == org }
        } else if let ticketID = focus, let ticket = try load(ticketID) {
            process = self.process(of: ticket)
        }
        let codes = closureCodes(for: process)
        var lines: [String] = []
        if let process, !process.closureCodes.isEmpty {
            lines.append("\(process.title): a ticket the Customer Escalations Desk is involved in is closed when one or more of these holds:")
        } else {
            lines.append("\(process.map { "The \($0.shortTitle) process" } ?? "The documents") set\(process == nil ? "" : "s") no closure codes of \(process == nil ? "their" : "its") own; I close tickets on these general ones, modelled on CenturyLink's:")
        }
        lines += codes.map { "  \(Words.code($0.id)): \($0.text) (agreed by \(Words.agreement($0.agreement)))" }
        let ladder = process?.ladder ?? []
        if ladder.contains(where: { $0.role == "ccm" }) {
            lines.append("Your CCM resolves the issue and closes the ticket.")
        }
        if process?.organisation == "centurylink" {
            lines.append("Every ticket opened on your behalf is reviewed by CenturyLink management afterwards.")
        }
        return Reply(lines)
    }

    /// "How often will I get updates?": what the process says about the
    /// communication plan, and the plan agreed on the ticket.
    func planGuide(_ slots: [String: SlotValue], now: Instant) throws -> Reply {
        let (found, ticket, reply) = try processFor(slots, intent: "set_plan")
        if let reply { return reply }
        guard let process = found else { return .problem("Which process?") }
        var lines: [String] = []
        if let guide = process.communicationPlan {
            lines.append("\(process.title): the communication plan")
            lines += guide.text.map { "  - \($0)" }
        } else {
            lines.append("\(process.title) says nothing about a communication plan; agree one with the level you are working with.")
        }
        if let ticket, let plan = ticket.plan {
            lines.append("Agreed on #\(ticket.id): updates \(plan.description).")
            if let clock = engine.clocks(ticket, at: now).first(where: \.isUpdate), let due = clock.due {
                lines.append(due < now ? "The next update is overdue since \(stamp(due, now: now))." : "Next update due by \(stamp(due, now: now)).")
            }
        } else {
            lines.append("To record one, say e.g. “updates every 4 business hours by e-mail\(ticket.map { " on #\($0.id)" } ?? "")”.")
        }
        return Reply(lines)
    }

    /// "How do I de-escalate?": the de-escalation checklist, when the process has one.
    func deescalationInfo(_ slots: [String: SlotValue], now: Instant) throws -> Reply {
        let (found, ticket, reply) = try processFor(slots, intent: "deescalate")
        if let reply { return reply }
        guard let process = found else { return .problem("Which process?") }
        var lines: [String] = []
        if let checklist = process.checklist("de-escalation") {
            lines.append("\(checklist.title):")
            lines += checklist.items.enumerated().map { "  \($0.offset + 1). \($0.element.question)" }
        } else {
            lines.append("\(process.title) gives no de-escalation checklist: agree with the level working the issue that it is back on track.")
        }
        lines += process.notes.filter { $0.lowercased().contains("de-escalat") }
        lines.append("Then say “de-escalate\(ticket.map { " #\($0.id)" } ?? "")” and I'll go through it with you.")
        return Reply(lines)
    }
}
