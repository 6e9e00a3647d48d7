import Foundation

/// Where `escalate` keeps things, following the XDG base directories.
struct Paths {
    var environment: [String: String]

    init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    private var home: String { environment["HOME"] ?? NSHomeDirectory() }

    private func base(_ variable: String, _ fallback: String) -> String {
        if let value = environment[variable], value.hasPrefix("/") { return value }
        return (home as NSString).appendingPathComponent(fallback)
    }

    /// `$XDG_STATE_HOME/escalate/history`.
    var history: String { base("XDG_STATE_HOME", ".local/state") + "/escalate/history" }
    /// `$XDG_DATA_HOME/escalate/escalate.sqlite`.
    var database: String { base("XDG_DATA_HOME", ".local/share") + "/escalate/escalate.sqlite" }
    /// `$XDG_CONFIG_HOME/escalate/`: the user's own calendars and matrices.
    var configFolder: String { base("XDG_CONFIG_HOME", ".config") + "/escalate" }
}
