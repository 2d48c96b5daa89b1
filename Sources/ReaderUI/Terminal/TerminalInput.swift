/// What one read from the keyboard gave.
public enum TerminalInput: Equatable, Sendable {
    case key(KeyEvent)
    /// Nothing arrived before the timeout.
    case timeout
    /// The terminal is gone (ssh dropped, stdin closed): the loop must end.
    case closed
}
