import PostgresNIO

/// LISTENs on a schema's channel on a connection of its own and raises a
/// signal on every notification. The session reads the signal before each
/// prompt and, only when it is raised, reads the change feed: what changed
/// always comes from the log, never from a notification's payload, so a
/// notification missed while disconnected loses nothing.
actor ChangeListener {
    let connections: PostgresConnections
    let channel: String
    /// Raised by a notification, and whenever the listener is not sure.
    private var signalled = true
    private var listening = false
    private var task: Task<Void, Never>?
    private var connection: PostgresConnection?

    init(connections: PostgresConnections, channel: String) {
        self.connections = connections
        self.channel = channel
    }

    /// Whether anything may have changed since the last call. Starts
    /// listening on first use, and again after the connection was lost.
    func take() -> Bool {
        if task == nil { start() }
        guard listening else { return true }
        let value = signalled
        signalled = false
        return value
    }

    /// For tests: whether LISTEN is in effect, and whether the signal is up.
    var isListening: Bool { listening }
    var isSignalled: Bool { signalled }

    func stop() {
        task?.cancel()
        task = nil
        listening = false
        if let connection { PostgresConnections.discard(connection) }
        connection = nil
    }

    private func start() {
        task = Task { [connections, channel] in
            do {
                let connection = try await connections.connect()
                await self.adopt(connection)
                try await connection.listen(on: channel) { notifications in
                    await self.established()
                    for try await _ in notifications { await self.raise() }
                }
            } catch {}
            await self.lost()
        }
    }

    private func adopt(_ connection: PostgresConnection) { self.connection = connection }

    private func established() {
        listening = true
        // Anything written before LISTEN took effect is read once more.
        signalled = true
    }

    private func raise() { signalled = true }

    private func lost() {
        listening = false
        signalled = true
        task = nil
        if let connection { PostgresConnections.discard(connection) }
        connection = nil
    }
}
