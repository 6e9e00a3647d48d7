/// The answer to "who do I escalate to now?" for one ticket at one instant.
public struct EscalationAdvice: Sendable {
    public enum Situation: Sendable {
        /// Nobody engaged yet: start at the first level.
        case start(EscalationLevel)
        /// The current level's wait is still running.
        case waiting(current: EscalationLevel, next: EscalationLevel, remaining: Int64, opensAt: Instant)
        /// The next level may be engaged now.
        case nextOpen(current: EscalationLevel, next: EscalationLevel, reason: OpenReason)
        /// Waiting on the customer: the clock is stopped.
        case paused(current: EscalationLevel?, since: Instant, remaining: Int64?)
        /// The current level is the top of the ladder.
        case top(EscalationLevel)
        /// The ticket was de-escalated; escalate again if progress stalls.
        case deescalated(current: EscalationLevel?, next: EscalationLevel?)
        case closed(code: String, agreedBy: String, at: Instant)
    }

    /// Why the next level is open.
    public enum OpenReason: Sendable {
        /// The wait passed at `openedAt`.
        case waitPassed(wait: BusinessSpan, openedAt: Instant)
        /// A condition that skips the wait (production is down).
        case condition(Condition)
        /// The source sets no wait: go up when the conditions to raise are met.
        case noWait
        /// The next level may be asked for at any time.
        case anyTime
    }

    public var ticket: Ticket
    public var process: EscalationProcess
    public var situation: Situation
    /// The calendar the wait is measured in.
    public var calendar: BusinessCalendar
    /// When the current level was engaged.
    public var engagedAt: Instant?
    public var wait: BusinessSpan?
    /// The business-time arithmetic behind the answer, for "why?".
    public var breakdown: BusinessTimeBreakdown?
}

/// A promise or plan deadline on a ticket, and how it stands.
public struct SLAClock: Sendable {
    public enum Subject: Sendable {
        case promise(level: EscalationLevel, Promise)
        case update(CommunicationPlan)
        /// A reminder the user set ("waiting on the customer until Monday").
        case reminder(Reminder)
    }

    public enum State: Sendable, Equatable {
        case met(at: Instant)
        /// Not due yet.
        case running(remaining: Int64)
        /// Past due and not met.
        case breached(since: Instant)
        /// Waiting on the customer: the clock is stopped.
        case paused
    }

    public var subject: Subject
    public var startedAt: Instant
    public var due: Instant?
    public var state: State
    public var calendar: BusinessCalendar

    /// Whether this is the communication plan's next update, not a promise.
    public var isUpdate: Bool {
        if case .update = subject { return true }
        return false
    }

    /// `acknowledgement from Level 2 (CCM manager / director / VP)`.
    public var what: String {
        switch subject {
        case .promise(let level, let promise):
            return "\(promise.kind.noun) from Level \(level.number) (\(level.title))"
        case .update(let plan):
            return "next update (\(plan.description))"
        case .reminder(let reminder):
            return reminder.what
        }
    }
}
