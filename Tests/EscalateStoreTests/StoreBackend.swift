import EscalateDomain
import Foundation
import Testing
@testable import EscalateStore
@testable import EscalatePostgres

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

/// PostgreSQL joins the backends when `ESCALATE_TEST_DATABASE_URL` names a
/// server; each store it makes lives in a fresh schema of its own. Without
/// it the suite says, once, that PostgreSQL was skipped, unless
/// `ESCALATE_REQUIRE_POSTGRES=1` (CI), where `PostgresRequirementTests` fails.
enum PostgresBackend {
    static let environment = ProcessInfo.processInfo.environment
    static let url: String? = environment["ESCALATE_TEST_DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
    static let isRequired = environment["ESCALATE_REQUIRE_POSTGRES"] == "1"

    static var backends: [StoreBackend] {
        guard url != nil else {
            skippedNotice
            return []
        }
        return [postgres]
    }

    static let postgres = StoreBackend(name: "postgresql") { shared in
        try await open(schema: shared.map(schemaName(for:)) ?? freshSchemaName())
    }

    /// A store in `schema` of the test database (made when missing).
    static func open(schema: String) async throws -> PostgresTicketStore {
        guard let url else { throw StoreError(.unavailable, "ESCALATE_TEST_DATABASE_URL is not set") }
        return try await PostgresTicketStore.open(try PostgresLocation(url: url), schema: schema)
    }

    static func freshSchemaName() -> String {
        "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(24)
    }

    /// The same schema for the same key (a test's shared path).
    static func schemaName(for key: String) -> String {
        "s_" + String(key.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "_" }.suffix(40))
    }

    static let skippedNotice: Void = {
        print("◇ PostgreSQL store tests skipped: set ESCALATE_TEST_DATABASE_URL=postgres://USER@HOST:PORT/DB to run the contract suite on a server.")
    }()
}
