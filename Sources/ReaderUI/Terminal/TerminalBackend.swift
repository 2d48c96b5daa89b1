import ReaderCore

/// What the reader's main loop needs from a terminal, and nothing more: keys in,
/// frames out. `CursesTerminal` is the real one; the tests drive the loop through a
/// backend that feeds scripted keys and records every frame as text, as ratatui's
/// `TestBackend` stands in for its terminals.
///
/// A backend draws whole `CellBuffer`s: working out what changed since the last frame,
/// and how to say it to the terminal, is its business.
public protocol TerminalBackend: AnyObject {
    /// The screen's size in cells.
    var size: (width: Int, height: Int) { get }
    /// A notice for the status line when the terminal claims more than the screen used
    /// (nil: it does not); while set, a resize reports it again.
    var sizeNotice: String? { get }
    /// Whether a key is already waiting to be read (the loop draws ahead only while idle).
    var inputPending: Bool { get }
    /// The terminal accepted no output for the stall limit: the loop must end.
    var stalled: Bool { get }
    /// Writing failed for good (the terminal hung up): the loop must end.
    var gone: Bool { get }

    /// Waits up to `milliseconds` for a key, a click or a resize.
    func read(timeout milliseconds: Int32) -> TerminalInput
    /// Draws `buffer`, sending only what changed since the last frame.
    func present(_ buffer: CellBuffer)
    /// Works out, while idle, how to draw `buffer` next; a `present` of the same buffer
    /// before anything else is drawn then only sends it.
    func prepare(_ buffer: CellBuffer)
    /// Forgets what is on screen: the next `present` redraws everything (Ctrl-L).
    func invalidate()
    /// Switches the colours and attributes roles are drawn with; the next `present`
    /// redraws everything.
    func apply(theme: Theme)
    /// Gives the terminal back as it was found. Safe to call more than once.
    func end()
}
