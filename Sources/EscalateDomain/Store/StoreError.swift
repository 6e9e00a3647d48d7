/// Why the store refused or failed, as an open set of codes in the style of
/// GRDB's `ResultCode`: callers switch on the code, never on the words.
public struct StoreErrorCode: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    /// The ticket, contact or file asked for does not exist.
    public static let notFound = StoreErrorCode(rawValue: "not_found")
    /// The change was made from a stale view: someone else changed the ticket first.
    public static let conflict = StoreErrorCode(rawValue: "conflict")
    /// The server or file cannot be reached or stayed busy; nothing was saved.
    public static let unavailable = StoreErrorCode(rawValue: "unavailable")
    /// What is stored cannot be read: a damaged file or a foreign database.
    public static let corrupt = StoreErrorCode(rawValue: "corrupt")
    /// The user may not read or write it.
    public static let permission = StoreErrorCode(rawValue: "permission")
    /// The change itself breaks a rule (a bad ticket number, an empty author).
    public static let invalid = StoreErrorCode(rawValue: "invalid")

    public var description: String { rawValue }
}

/// A store failure, in words a user can act on, with its code. A conflict
/// carries what changed under the caller's feet.
public struct StoreError: Error, Hashable, Sendable, CustomStringConvertible {
    public var code: StoreErrorCode
    public var message: String
    /// For `.conflict`: the tickets that moved on, with the events the caller had not seen.
    public var conflicts: [TicketConflict]

    public init(_ code: StoreErrorCode, _ message: String, conflicts: [TicketConflict] = []) {
        self.code = code
        self.message = message
        self.conflicts = conflicts
    }

    public var description: String { message }
}

/// A ticket changed by someone else since the version a change was based on.
public struct TicketConflict: Hashable, Sendable {
    public var ticketID: Int
    public var expectedVersion: Int
    public var actualVersion: Int
    /// The events recorded after `expectedVersion`, oldest first.
    public var newEvents: [TicketEvent]

    public init(ticketID: Int, expectedVersion: Int, actualVersion: Int, newEvents: [TicketEvent]) {
        self.ticketID = ticketID
        self.expectedVersion = expectedVersion
        self.actualVersion = actualVersion
        self.newEvents = newEvents
    }
}
