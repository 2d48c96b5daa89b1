#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Counts monotonic time since the last key; fires once per idle stretch.
struct IdleTimer {
    /// Seconds of no input before `isDue` turns true.
    let limit: Double
    private var last: Double
    private var fired = false

    /// A timer for `minutes`, started now.
    init(minutes: Int) {
        limit = Double(minutes) * 60
        last = Self.now()
    }

    /// A timer for `seconds` (tests), started now.
    init(seconds: Double) {
        limit = seconds
        last = Self.now()
    }

    /// Input arrived: the idle stretch starts again.
    mutating func touch() {
        last = Self.now()
        fired = false
    }

    /// True once when `limit` seconds have passed since the last input.
    mutating func isDue() -> Bool {
        guard !fired, Self.now() - last >= limit else { return false }
        fired = true
        return true
    }

    /// Monotonic seconds (not wall time: a clock change must not reset or stall it).
    static func now() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }
}
