#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A moment in UTC, to the millisecond, written in JSON as ISO 8601
/// ("2026-11-29T05:51:17.123Z"). Kept apart from Foundation's `Date` so that
/// the state file's format never depends on a formatter's locale.
public struct Timestamp: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// Milliseconds since 1970-01-01T00:00:00Z.
    public var milliseconds: Int64

    /// Wraps a count of milliseconds since the epoch.
    public init(milliseconds: Int64) {
        self.milliseconds = milliseconds
    }

    /// The current wall-clock time.
    public static func now() -> Timestamp {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Timestamp(milliseconds: Int64(spec.tv_sec) * 1000 + Int64(spec.tv_nsec) / 1_000_000)
    }

    public static func < (a: Timestamp, b: Timestamp) -> Bool { a.milliseconds < b.milliseconds }

    /// ISO 8601 in UTC with milliseconds.
    public var description: String { iso8601(separators: true) }

    /// A compact form for file names: 20261129T055117Z.
    public var fileNameStamp: String {
        let c = civil
        return pad(c.year, 4) + pad(c.month, 2) + pad(c.day, 2) + "T"
            + pad(c.hour, 2) + pad(c.minute, 2) + pad(c.second, 2) + "Z"
    }

    /// Parses "yyyy-mm-ddThh:mm:ss[.fff]Z"; nil for anything else.
    public init?(iso8601 text: String) {
        let s = Array(text.utf8)
        func number(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= s.count else { return nil }
            var n = 0
            for b in s[from..<(from + count)] {
                guard b >= 48, b <= 57 else { return nil }
                n = n * 10 + Int(b - 48)
            }
            return n
        }
        guard s.count >= 20, s[4] == 45, s[7] == 45, s[10] == 84 || s[10] == 116,
            s[13] == 58, s[16] == 58,
            let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
            let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2),
            (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61
        else { return nil }
        var index = 19
        var millis = 0
        if s[index] == 46 { // '.'
            index += 1
            var digits = 0
            while index < s.count, s[index] >= 48, s[index] <= 57 {
                if digits < 3 { millis = millis * 10 + Int(s[index] - 48) }
                digits += 1
                index += 1
            }
            guard digits > 0 else { return nil }
            if digits < 3 { for _ in digits..<3 { millis *= 10 } }
        }
        guard index == s.count - 1, s[index] == 90 || s[index] == 122 else { return nil }
        let days = Timestamp.daysFromCivil(year: year, month: month, day: day)
        let seconds = Int64(days) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        self.milliseconds = seconds * 1000 + Int64(millis)
    }

    /// Decodes an ISO 8601 UTC string.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = Timestamp(iso8601: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "not an ISO 8601 UTC time: \(text)")
        }
        self = value
    }

    /// Encodes as an ISO 8601 UTC string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// This time moved by `seconds`.
    public func adding(seconds: Double) -> Timestamp {
        Timestamp(milliseconds: milliseconds + Int64(seconds * 1000))
    }

    /// A short age for lists: "just now", "5 min", "3 h", "2 d", "7 mo", "2 y".
    public func age(at now: Timestamp) -> String {
        let seconds = max(0, (now.milliseconds - milliseconds) / 1000)
        switch seconds {
        case ..<60: return "just now"
        case ..<3600: return "\(seconds / 60) min"
        case ..<86_400: return "\(seconds / 3600) h"
        case ..<(86_400 * 61): return "\(seconds / 86_400) d"
        case ..<(86_400 * 730): return "\(seconds / (86_400 * 30)) mo"
        default: return "\(seconds / (86_400 * 365)) y"
        }
    }

    // MARK: - Calendar arithmetic (proleptic Gregorian, Howard Hinnant's algorithms)

    private struct Civil { var year, month, day, hour, minute, second, millisecond: Int }

    private var civil: Civil {
        var ms = milliseconds
        var days = ms / 86_400_000
        ms -= days * 86_400_000
        if ms < 0 { ms += 86_400_000; days -= 1 }
        let z = Int(days) + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        let secondsOfDay = Int(ms / 1000)
        return Civil(
            year: year, month: month, day: day, hour: secondsOfDay / 3600,
            minute: secondsOfDay / 60 % 60, second: secondsOfDay % 60,
            millisecond: Int(ms % 1000))
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date.
    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// yyyy-mm-ddThh:mm:ss.fffZ.
    private func iso8601(separators: Bool) -> String {
        let c = civil
        return pad(c.year, 4) + "-" + pad(c.month, 2) + "-" + pad(c.day, 2) + "T"
            + pad(c.hour, 2) + ":" + pad(c.minute, 2) + ":" + pad(c.second, 2) + "."
            + pad(c.millisecond, 3) + "Z"
    }

    /// `n` with leading zeros to `width` digits.
    private func pad(_ n: Int, _ width: Int) -> String {
        let digits = String(n)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
