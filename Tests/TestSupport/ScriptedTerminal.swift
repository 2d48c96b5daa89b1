import ReaderCore
import ReaderUI

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A terminal backend for unit tests of the main loop: it feeds a script of keys,
/// resizes and timeouts, and records every frame it is given, as ratatui's
/// `TestBackend` does. Once the script runs out it reports the terminal closed, so a
/// loop under test always ends.
public final class ScriptedTerminal: TerminalBackend {
    /// One step of the script: what a read returns.
    public enum Step: Equatable, Sendable {
        /// A read returns this at once.
        case input(TerminalInput)
        /// A read finds a key already waiting (`inputPending` is true before it), then returns it.
        case typedAhead(KeyEvent)
        /// A read waits this many milliseconds for nothing, then times out.
        case pause(Int)
    }

    /// What the loop did to the terminal, in order.
    public enum Call: Equatable {
        case present(text: String)
        case prepare(text: String)
        case read(timeout: Int32)
        case invalidate
        case apply(theme: String)
        case end
    }

    public private(set) var size: (width: Int, height: Int)
    public var sizeNotice: String?
    public var stalled = false
    public var gone = false
    /// Every call, in order.
    public private(set) var calls: [Call] = []
    /// The frames presented, in order (the buffers themselves, to compare storage too).
    public private(set) var frames: [CellBuffer] = []
    /// The frames worked out ahead, in order.
    public private(set) var prepared: [CellBuffer] = []
    private var script: [Step]

    /// A `width`×`height` terminal that reads `script`, step by step.
    public init(width: Int = 80, height: Int = 24, script: [Step]) {
        size = (width, height)
        self.script = script
    }

    /// The frames presented, as text lines joined by newlines.
    public var frameTexts: [String] { frames.map(\.text) }

    /// Whether the script has been read to its end.
    public var finished: Bool { script.isEmpty }

    public var inputPending: Bool {
        if case .typedAhead = script.first { return true }
        return false
    }

    public func read(timeout milliseconds: Int32) -> TerminalInput {
        calls.append(.read(timeout: milliseconds))
        guard !script.isEmpty else { return .closed }
        switch script.removeFirst() {
        case .input(let input):
            if case .key(.resize(let width, let height)) = input { size = (width, height) }
            return input
        case .typedAhead(let key):
            return .key(key)
        case .pause(let milliseconds):
            usleep(useconds_t(milliseconds * 1000))
            return .timeout
        }
    }

    public func present(_ buffer: CellBuffer) {
        calls.append(.present(text: buffer.text))
        frames.append(buffer)
    }

    public func prepare(_ buffer: CellBuffer) {
        calls.append(.prepare(text: buffer.text))
        prepared.append(buffer)
    }

    public func invalidate() { calls.append(.invalidate) }

    public func apply(theme: Theme) { calls.append(.apply(theme: theme.name)) }

    public func end() { calls.append(.end) }
}

extension ScriptedTerminal.Step {
    /// A key read at once.
    public static func key(_ key: KeyEvent) -> Self { .input(.key(key)) }
    /// A character key read at once.
    public static func press(_ character: Character) -> Self { .input(.key(.character(character))) }
    /// A read that times out at once (the keys paused).
    public static let timeout = Self.input(.timeout)
}
