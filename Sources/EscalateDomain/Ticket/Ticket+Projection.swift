/// Why a log cannot make a ticket.
public struct TicketLogError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

extension Ticket {
    /// Folds a ticket's log, in the order recorded, into the ticket.
    /// The first event must be `opened`.
    public init(events: [TicketEvent]) throws {
        guard let first = events.first, case .opened(let details) = first.kind else {
            throw TicketLogError(message: "a ticket's log must begin with 'opened'")
        }
        id = first.ticketID
        self.details = details
        status = .open
        openedAt = first.occurredAt
        openedBy = first.author
        level = nil
        engagedAt = nil
        entryLevel = nil
        acknowledgements = [:]
        pauses = []
        pausedSince = nil
        plan = nil
        lastUpdateAt = nil
        conditions = []
        closure = nil
        deescalationAnswers = []
        reminders = []
        lastCustomerContactAt = nil
        self.events = events
        undone = Set(events.compactMap { if case .undone(let target) = $0.kind { return target } else { return nil } })
        for event in effectiveEvents.dropFirst() { apply(event) }
    }

    private mutating func engage(_ number: Int, at time: Instant) {
        if entryLevel == nil { entryLevel = number }
        if level == nil || number > level! {
            level = number
            engagedAt = time
            if let entryLevel, number > entryLevel, status != .closed, status != .waitingOnCustomer { status = .escalated }
        }
    }

    private mutating func apply(_ event: TicketEvent) {
        let at = event.occurredAt
        switch event.kind {
        case .opened:
            break
        case .contactAttempted(let record):
            engage(record.level, at: at)
        case .contactMade(let record):
            engage(record.level, at: at)
            // The level reaching the customer counts as an update under a plan.
            lastUpdateAt = max(lastUpdateAt ?? at, at)
        case .acknowledged(let record):
            engage(record.level, at: at)
            // The earliest acknowledgement counts, whatever order they were logged in.
            acknowledgements[record.level] = min(acknowledgements[record.level] ?? at, at)
            lastUpdateAt = max(lastUpdateAt ?? at, at)
        case .updateLogged:
            // An internal note is not an update to the customer.
            break
        case .escalated(let toLevel, _, _):
            if entryLevel == nil { entryLevel = level ?? toLevel }
            if level == nil || toLevel > level! {
                level = toLevel
                engagedAt = at
            }
            if status != .closed && status != .waitingOnCustomer { status = .escalated }
        case .deescalated(let answers):
            deescalationAnswers = answers
            if status != .closed { status = .deescalated }
        case .paused:
            if pausedSince == nil { pausedSince = at }
            if status != .closed { status = .waitingOnCustomer }
        case .resumed:
            if let since = pausedSince {
                pauses.append(InstantRange(start: since, end: max(since, at)))
                pausedSince = nil
            }
            if status == .waitingOnCustomer { status = restingStatus }
        case .planSet(let newPlan):
            plan = newPlan
            lastUpdateAt = max(lastUpdateAt ?? at, at)
        case .closed(let code, let note, let agreedBy):
            if let since = pausedSince {
                pauses.append(InstantRange(start: since, end: max(since, at)))
                pausedSince = nil
            }
            closure = (code, note, agreedBy, at)
            status = .closed
        case .reopened:
            closure = nil
            status = .reopened
            if level != nil { engagedAt = at }
        case .referenceAdded(let reference):
            if !details.references.contains(reference) { details.references.append(reference) }
        case .conditionRaised(let condition, _):
            if !conditions.contains(condition) { conditions.append(condition) }
        case .segmentSet(let segment):
            details.segment = segment
        case .fieldSet(let field, let value):
            switch field {
            case .account: details.account = value
            case .location: details.location = value
            case .senderEmail: details.senderEmail = value
            case .senderPhone: details.senderPhone = value
            case .order:
                let reference = TicketReference(kind: .order, value: value)
                if !details.references.contains(reference) { details.references.append(reference) }
            default: break
            }
        case .customerContact(let contact):
            // What reaches the customer is the update a plan asks for.
            if !contact.inbound && !contact.attemptOnly || contact.isUpdate { lastUpdateAt = max(lastUpdateAt ?? at, at) }
            lastCustomerContactAt = max(lastCustomerContactAt ?? at, at)
        case .reminderSet(let due, let what):
            reminders.append(Reminder(due: due, what: what, setAt: at))
        case .undone:
            break
        }
    }

    /// The status a ticket returns to when a pause ends.
    private var restingStatus: TicketStatus {
        if !deescalationAnswers.isEmpty { return .deescalated }
        if let level, let entryLevel, level > entryLevel { return .escalated }
        return .open
    }
}
