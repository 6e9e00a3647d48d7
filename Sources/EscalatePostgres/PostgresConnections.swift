import EscalateDomain
import Foundation
import PostgresNIO

/// A few open connections to one server, made when needed and dropped when
/// they fail. A connection the server lost is never handed out again: the
/// next lease connects afresh, which is how a session goes on after the
/// server restarts or a connection is killed.
///
/// Kept this simple on purpose (no waiting queue, no background task): a
/// command-line session uses one connection at a time, and a failure must
/// come back at once as `.unavailable` rather than wait on a pool's retries.
actor PostgresConnections {
    let location: PostgresLocation
    let configuration: PostgresConnection.Configuration
    private var idle: [PostgresConnection] = []
    private var nextID = 0
    /// Connections kept open between uses; more may be open while busy.
    static let keptIdle = 8

    init(location: PostgresLocation, schema: String?, statementTimeout: Duration) throws {
        self.location = location
        self.configuration = try Self.configuration(location, schema: schema, statementTimeout: statementTimeout)
    }

    deinit {
        // The driver insists a connection is closed before it goes: each is kept until it is.
        for connection in idle { Self.discard(connection) }
    }

    /// An open connection, for the caller alone until it is given back.
    func lease() async throws -> PostgresConnection {
        while let connection = idle.popLast() {
            if !connection.isClosed { return connection }
        }
        return try await connect()
    }

    /// A connection of its own, never pooled (for LISTEN).
    func connect() async throws -> PostgresConnection {
        nextID += 1
        do {
            return try await PostgresConnection.connect(configuration: configuration, id: nextID, logger: PostgresErrors.logger)
        } catch {
            throw PostgresErrors.describe(error, location: location)
        }
    }

    /// Gives a connection back; one that failed or is surplus is closed.
    func release(_ connection: PostgresConnection, healthy: Bool = true) async {
        if healthy && !connection.isClosed && idle.count < Self.keptIdle {
            idle.append(connection)
        } else {
            Self.discard(connection)
        }
    }

    func closeAll() {
        for connection in idle { Self.discard(connection) }
        idle = []
    }

    /// Closes a connection without waiting on it: a connection the server
    /// already dropped may never confirm its close. It is kept until the
    /// close completes, as the driver requires.
    nonisolated static func discard(_ connection: PostgresConnection) {
        guard !connection.isClosed else { return }
        connection.close().whenComplete { _ in _ = connection }
    }

    /// The driver's settings: TLS as the URL asks, and, on every connection
    /// from its very start, the statement timeout (a slow or stuck server
    /// cannot hang a prompt for ever) and the schema to work in.
    static func configuration(_ location: PostgresLocation, schema: String?, statementTimeout: Duration) throws -> PostgresConnection.Configuration {
        var configuration: PostgresConnection.Configuration
        if let folder = location.socketFolder {
            configuration = .init(unixSocketPath: folder + "/.s.PGSQL.\(location.port)", username: location.user,
                                  password: location.password, database: location.database)
        } else {
            configuration = .init(host: location.host, port: location.port, username: location.user, password: location.password,
                                  database: location.database, tls: try tls(location.tls))
        }
        let milliseconds = statementTimeout.components.seconds * 1000 + statementTimeout.components.attoseconds / 1_000_000_000_000_000
        var parameters = [("application_name", "escalate"), ("statement_timeout", "\(milliseconds)"),
                          ("idle_in_transaction_session_timeout", "\(milliseconds * 4)")]
        if let schema { parameters.append(("search_path", schema)) }
        configuration.options.additionalStartupParameters = parameters
        configuration.options.connectTimeout = .seconds(10)
        return configuration
    }

    static func tls(_ mode: PostgresLocation.TLSMode) throws -> PostgresConnection.Configuration.TLS {
        var settings = TLSConfiguration.makeClientConfiguration()
        if mode != .verifyFull { settings.certificateVerification = .none }
        do {
            switch mode {
            case .disable: return .disable
            case .prefer: return .prefer(try NIOSSLContext(configuration: settings))
            case .require, .verifyFull: return .require(try NIOSSLContext(configuration: settings))
            }
        } catch {
            throw StoreError(.unavailable, "cannot set up TLS for PostgreSQL: \(error)")
        }
    }
}

/// How PostgreSQL's and the driver's failures become a `StoreError`: one line
/// that names the server, with a code callers switch on.
enum PostgresErrors {
    static let logger: Logger = {
        var logger = Logger(label: "escalate.postgres")
        logger.logLevel = .critical
        return logger
    }()

    /// Whether the connection is gone, so that it must not be used again.
    static func isConnectionLoss(_ error: Error) -> Bool {
        if error is PostgresTicketStore.ConnectionAbandoned { return true }
        guard let error = error as? PSQLError else { return !(error is StoreError) }
        switch error.code {
        case .server:
            // The server ends the session: shut down, terminated, or starting up.
            let state = error.serverInfo?[.sqlState] ?? ""
            return state.hasPrefix("57P") || state.hasPrefix("08")
        case .serverClosedConnection, .clientClosedConnection, .connectionError, .uncleanShutdown, .poolClosed,
             .messageDecodingFailure, .unexpectedBackendMessage:
            return true
        default:
            return false
        }
    }

    static func describe(_ error: Error, location: PostgresLocation) -> StoreError {
        if let error = error as? StoreError { return error }
        if let error = error as? PostgresTicketStore.ConnectionAbandoned { return error.storeError }
        guard let error = error as? PSQLError else {
            // A socket error before PostgreSQL's protocol began.
            return StoreError(.unavailable, "cannot reach \(location.server): \(plain(error))")
        }
        switch error.code {
        case .server:
            return server(error, location: location)
        case .serverClosedConnection, .clientClosedConnection, .uncleanShutdown, .poolClosed:
            return StoreError(.unavailable, "the connection to \(location.server) was lost")
        case .connectionError:
            return StoreError(.unavailable, "cannot reach \(location.server): \(error.underlying.map(plain) ?? "connection failed")")
        case .sslUnsupported:
            return StoreError(.unavailable, "\(location.server) does not offer TLS, which sslmode=\(location.tls.rawValue) requires")
        case .authMechanismRequiresPassword:
            return StoreError(.permission, "\(location.server) asks for a password for \(location.user): put it in PGPASSWORD or ~/.pgpass")
        case .saslError, .unsupportedAuthMechanism:
            return StoreError(.permission, "\(location.server) refused to log in \(location.user)")
        default:
            return StoreError(.unavailable, "\(location.server) failed: \(error.code)")
        }
    }

    /// A server's complaint, by its SQLSTATE class.
    static func server(_ error: PSQLError, location: PostgresLocation) -> StoreError {
        let state = error.serverInfo?[.sqlState] ?? ""
        let message = error.serverInfo?[.message] ?? "an error"
        switch state {
        case "57014":
            return StoreError(.unavailable, "\(location.server) took too long to answer, so the statement was cancelled")
        case "28P01", "28000":
            return StoreError(.permission, "\(location.server) refused to log in \(location.user): \(message)")
        case "3D000":
            return StoreError(.notFound, "there is no database \(location.database) on \(location.server)")
        case "23505":
            return StoreError(.conflict, "someone else saved the same thing first: \(message)")
        case "40001", "40P01", "55P03":
            return StoreError(.unavailable, "\(location.server) was busy with another change (\(message)); nothing was saved")
        default:
            break
        }
        if state.hasPrefix("42501") || state.hasPrefix("28") { return StoreError(.permission, "\(location.server) refused: \(message)") }
        if state.hasPrefix("57") || state.hasPrefix("08") || state.hasPrefix("53") {
            return StoreError(.unavailable, "the connection to \(location.server) was lost (\(message))")
        }
        if state.hasPrefix("22") || state.hasPrefix("23") { return StoreError(.invalid, "\(location.server) refused the change: \(message)") }
        if state.hasPrefix("XX") { return StoreError(.corrupt, "\(location.server) reports damaged data: \(message)") }
        return StoreError(.unavailable, "\(location.server) failed: \(message)")
    }

    /// An error's own words, without the driver's type names.
    static func plain(_ error: Error) -> String {
        if let error = error as? IOError { return String(cString: strerror(error.errnoCode)).lowercased() }
        let text = "\(error)"
        if text.contains("connectionRefused") || text.contains("Connection refused") { return "connection refused" }
        if text.contains("connectTimeout") { return "no answer within 10 seconds" }
        return text
    }
}
