/// The program's version, as `escalate --version` prints it. The one place
/// it is written.
enum EscalateVersion {
    static let current = "0.1.0"
}
