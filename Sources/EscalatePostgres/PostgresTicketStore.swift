import EscalateDomain
import EscalateStore
import Foundation
import PostgresNIO

/// A team's tickets on a PostgreSQL server, through postgres-nio: the same
/// port, rules and encoding as the SQLite file, so that a log moves between
/// the two by export and import unchanged.
///
/// Every commit is one transaction, refused whole on a stale version. Event
/// ids are given out one commit at a time (see `commit`), so that reading
/// "events after N" never skips an event that committed late; each commit
/// NOTIFYs the schema's channel, which `ChangeListener` turns into a flag.
public final class PostgresTicketStore: TicketStore, ChangeSignalling, Sendable {
    public let location: PostgresLocation
    /// The schema the tables live in (`public` unless told otherwise).
    public let schema: String
    let connections: PostgresConnections
    let listener: ChangeListener

    /// How long one statement may run before the server cancels it.
    public static let defaultStatementTimeout: Duration = .seconds(15)

    /// Connects, creates or upgrades the schema under an advisory lock, and
    /// returns the store. A server that cannot be reached is `.unavailable`,
    /// at once, naming the server.
    public static func open(_ location: PostgresLocation, schema: String? = nil,
                            statementTimeout: Duration = defaultStatementTimeout) async throws -> PostgresTicketStore {
        let connections = try PostgresConnections(location: location, schema: schema.map(quoteIdentifier), statementTimeout: statementTimeout)
        let connection = try await connections.lease()
        do {
            let current = try await PostgresSchema.migrate(connection, creating: schema, location: location)
            await connections.release(connection)
            return PostgresTicketStore(location: location, schema: current, connections: connections)
        } catch {
            await connections.release(connection, healthy: false)
            throw PostgresErrors.describe(error, location: location)
        }
    }

    init(location: PostgresLocation, schema: String, connections: PostgresConnections) {
        self.location = location
        self.schema = schema
        self.connections = connections
        self.listener = ChangeListener(connections: connections, channel: Self.channel(schema))
    }

    /// Closes every connection; the store cannot be used afterwards.
    public func close() async {
        await listener.stop()
        await connections.closeAll()
    }

    /// The NOTIFY channel of a schema.
    static func channel(_ schema: String) -> String { "escalate_changes_" + schema }

    /// `"name"`, with inner quotes doubled.
    static func quoteIdentifier(_ name: String) -> String { "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

    // MARK: ChangeSignalling

    public func takeChangeSignal() async -> Bool { await listener.take() }

    // MARK: Running statements

    /// Runs reading statements on one connection. A connection found dead is
    /// replaced once: a read is safe to repeat.
    func read<T: Sendable>(_ body: @escaping @Sendable (PostgresConnection) async throws -> T) async throws -> T {
        let clientDeadline = Self.clientDeadline
        var attempt = 0
        while true {
            attempt += 1
            let connection = try await connections.lease()
            do {
                let result = try await guarded(connection, within: clientDeadline) { try await body(connection) }
                await connections.release(connection)
                return result
            } catch {
                let lost = PostgresErrors.isConnectionLoss(error)
                await connections.release(connection, healthy: !lost)
                if lost && attempt == 1 { continue }
                throw PostgresErrors.describe(error, location: location)
            }
        }
    }

    /// Runs `body` in one transaction. It is never repeated: a connection
    /// lost before COMMIT saved nothing and says so. When the connection is
    /// lost during COMMIT itself, the outcome is asked of the server on a new
    /// connection (by transaction id), so that a change that did land is not
    /// reported lost and one that did not is never reported saved.
    func transaction<T: Sendable>(deadline: Double? = PostgresTicketStore.clientDeadline, _ body: @escaping @Sendable (PostgresConnection) async throws -> T) async throws -> T {
        let connection = try await connections.lease()
        let logger = PostgresErrors.logger
        // Every statement, BEGIN to COMMIT or ROLLBACK, runs under a deadline:
        // a dropped connection must never leave the turn waiting.
        let short = deadline.map { _ in Self.clientDeadline }
        do {
            let (transactionID, result) = try await guarded(connection, within: deadline) { () async throws -> (Int64, T) in
                try await connection.query("BEGIN", logger: logger)
                let id = try await Self.value(Int64.self, "SELECT txid_current()", on: connection)
                return (id, try await body(connection))
            }
            do {
                try await guarded(connection, within: short) { try await connection.query("COMMIT", logger: logger) }
            } catch where PostgresErrors.isConnectionLoss(error) {
                await connections.release(connection, healthy: false)
                try await confirmCommitted(transactionID)
                return result
            }
            await connections.release(connection)
            return result
        } catch let error as CommitOutcome {
            throw error.storeError
        } catch {
            var healthy = !PostgresErrors.isConnectionLoss(error)
            if healthy {
                healthy = (try? await guarded(connection, within: short) { try await connection.query("ROLLBACK", logger: logger) }) != nil
            }
            await connections.release(connection, healthy: healthy)
            let described = PostgresErrors.describe(error, location: location)
            if described.code == .unavailable && !healthy && !(error is StoreError && described.message.hasSuffix("saved")) {
                throw StoreError(.unavailable, "\(described.message); the change was not saved")
            }
            throw described
        }
    }

    /// Seconds a read or a commit may take, all statements together, before
    /// its connection is closed from this side: the statement timeout covers
    /// a slow server, this a server or network that stops answering at all.
    static let clientDeadline: Double = 2 * Double(defaultStatementTimeout.components.seconds) + 5

    /// Runs `body`, giving up on it if it has not finished within `seconds`:
    /// the caller gets `.unavailable` and the connection is closed. The
    /// answer does not wait on the driver to notice, because a query in
    /// flight when the server drops the connection is not always failed by it.
    func guarded<T: Sendable>(_ connection: PostgresConnection, within seconds: Double?,
                              _ body: @escaping @Sendable () async throws -> T) async throws -> T {
        guard let seconds else { return try await body() }
        let location = self.location
        let outcome = Outcome<T>()
        let deadline = Task {
            do { try await Task.sleep(nanoseconds: UInt64(seconds * 1e9)) } catch { return }  // cancelled: the body finished
            PostgresConnections.discard(connection)
            await outcome.finish(.failure(ConnectionAbandoned(location: location)))
        }
        defer { deadline.cancel() }
        return try await withCheckedThrowingContinuation { continuation in
            Task { await outcome.set(continuation) }
            Task {
                do { await outcome.finish(.success(try await body())) } catch { await outcome.finish(.failure(error)) }
            }
        }
    }

    /// A connection given up on at its deadline.
    struct ConnectionAbandoned: Error {
        var location: PostgresLocation
        var storeError: StoreError { StoreError(.unavailable, "\(location.server) stopped answering; the connection was dropped") }
    }

    /// The first of a body's result and its deadline, handed over once.
    private actor Outcome<T: Sendable> {
        private var continuation: CheckedContinuation<T, Error>?
        private var result: Result<T, Error>?

        func set(_ continuation: CheckedContinuation<T, Error>) {
            if let result { continuation.resume(with: result) } else { self.continuation = continuation }
        }

        func finish(_ value: Result<T, Error>) {
            guard result == nil else { return }
            result = value
            continuation?.resume(with: value)
            continuation = nil
        }
    }

    /// Throws unless the transaction `id` committed.
    private func confirmCommitted(_ id: Int64?) async throws {
        let status: String?
        if let id {
            status = try? await read { connection in
                try await Self.value(String?.self, "SELECT txid_status(\(id))", on: connection)
            }
        } else {
            status = nil
        }
        switch status {
        case "committed": return
        case "aborted": throw CommitOutcome(storeError: StoreError(.unavailable, "the connection to \(location.server) was lost; the change was not saved"))
        default:
            throw CommitOutcome(storeError: StoreError(.unavailable,
                "the connection to \(location.server) was lost while the change was being saved, and the server cannot say yet whether it was; look at the ticket before saying it again"))
        }
    }

    /// The outcome of a commit whose connection was lost, already worded.
    private struct CommitOutcome: Error { var storeError: StoreError }

    /// The first column of the first row.
    static func value<T: PostgresDecodable>(_ type: T.Type, _ query: PostgresQuery, on connection: PostgresConnection) async throws -> T {
        let rows = try await connection.query(query, logger: PostgresErrors.logger).collect()
        guard let row = rows.first else { throw StoreError(.corrupt, "the server returned no row for a value") }
        return try row.makeRandomAccess()[0].decode(T.self)
    }

    static func rows(_ query: PostgresQuery, on connection: PostgresConnection) async throws -> [PostgresRandomAccessRow] {
        try await connection.query(query, logger: PostgresErrors.logger).collect().map { $0.makeRandomAccess() }
    }
}
