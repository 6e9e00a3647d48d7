import EscalateDomain
import Foundation
@testable import EscalateStore

/// A backend the contract suite runs against. PostgreSQL joins when a
/// server is named by `ESCALATE_TEST_DATABASE_URL`.
struct StoreBackend: Sendable, CustomTestStringConvertible {
    var name: String
    /// A fresh, empty store; a second call with the same `shared` key opens
    /// another connection to the same data (for concurrent-writer tests).
    var make: @Sendable (_ shared: String?) async throws -> any TicketStore

    var testDescription: String { name }

    static func temporaryPath(_ name: String) -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("escalate-store-\(getpid())-\(UUID().uuidString)")
        return folder.appendingPathComponent(name).path
    }

    static let inMemory = StoreBackend(name: "in-memory") { shared in
        guard let shared else { return InMemoryTicketStore() }
        return SharedStores.store(for: shared)
    }

    static let sqlite = StoreBackend(name: "sqlite") { shared in
        try SQLiteTicketStore(path: shared ?? temporaryPath("contract.sqlite"))
    }

    static var all: [StoreBackend] { [inMemory, sqlite] + PostgresBackend.backends }
}

/// In-memory stores by name, so that "another connection" to one reaches the same data.
final class SharedStores: @unchecked Sendable {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var stores: [String: InMemoryTicketStore] = [:]

    static func store(for key: String) -> InMemoryTicketStore {
        lock.lock()
        defer { lock.unlock() }
        if let store = stores[key] { return store }
        let store = InMemoryTicketStore()
        stores[key] = store
        return store
    }
}

/// PostgreSQL joins the backends once the team store exists.
enum PostgresBackend {
    static var backends: [StoreBackend] { [] }
}

import Testing
