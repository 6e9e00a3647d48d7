import EscalateDomain

/// Who is talking to the assistant, which changes its wording and the
/// default lists: a customer asks whom to contact; a customer care manager
/// (CCM) works the tickets.
public enum UserRole: String, Sendable, CaseIterable {
    case customer
    case ccm
}

/// The fixed facts of one session.
public struct SessionSettings: Sendable {
    /// Recorded as the author of every event.
    public var user: String
    /// The reader's zone: every time is shown in it.
    public var zone: Zone
    public var role: UserRole
    /// Columns available for tables and wrapped text.
    public var width: Int

    public init(user: String, zone: Zone, role: UserRole = .customer, width: Int = 80) {
        self.user = user
        self.zone = zone
        self.role = role
        self.width = width
    }
}
