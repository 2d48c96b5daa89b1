/// The W3C clreq "basic" line-start and line-end prohibitions (禁则) for Chinese.
public enum Kinsoku {
    /// Whether a line must not start with this scalar: 。．，、：；！？”’」』）〕］｝】〗》〉～·・ and
    /// their ASCII counterparts . , : ; ! ? ) ] } ~ (ASCII quotes are handled by `LineBreaker`);
    /// and the marks Hong Kong and Taiwan set: ‧ 〞〟 ︰ ﹂﹄.
    @inline(__always)
    public static func forbidsLineStart(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x21, 0x29, 0x2C, 0x2E, 0x3A, 0x3B, 0x3F, 0x5D, 0x7D, 0x7E: return true
        case 0x00B7, 0x2019, 0x201D, 0x2026, 0x3001, 0x3002, 0x3009, 0x300B, 0x300D, 0x300F,
            0x3011, 0x3015, 0x3017, 0x30FB, 0xFF01, 0xFF09, 0xFF0C, 0xFF0E, 0xFF1A, 0xFF1B,
            0xFF1F, 0xFF3D, 0xFF5D, 0xFF5E, 0xFF61, 0xFF64:
            return true
        // Hong Kong and Taiwan marks: ‧ (in names), 〞〟, ︰ (the colon they set), ﹂﹄.
        case 0x2027, 0x301E, 0x301F, 0xFE30, 0xFE42, 0xFE44:
            return true
        default: return false
        }
    }

    /// Whether a line must not end with this scalar: “‘「『（〔［｛【〖《〈 and ASCII ( [ {;
    /// and Hong Kong and Taiwan's 〝 ﹁ ﹃.
    @inline(__always)
    public static func forbidsLineEnd(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x28, 0x5B, 0x7B: return true
        case 0x2018, 0x201C, 0x3008, 0x300A, 0x300C, 0x300E, 0x3010, 0x3014, 0x3016,
            0xFF08, 0xFF3B, 0xFF5B, 0xFF62:
            return true
        // Hong Kong and Taiwan opening marks: 〝 and the corner brackets ﹁﹃.
        case 0x301D, 0xFE41, 0xFE43:
            return true
        default: return false
        }
    }

    /// Whether this scalar is a dash or tilde that joins a numeric range (2022—2023, 3~5).
    @inline(__always)
    static func isRangeDash(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2D, 0x7E, 0x2010...0x2015, 0x2212, 0x301C, 0xFE58, 0xFE63, 0xFF0D, 0xFF5E: return true
        default: return false
        }
    }

    /// Whether this ideograph multiplies the number before it (1000万, 12亿).
    @inline(__always)
    static func isNumeralMultiplier(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x5341, 0x767E, 0x5343, 0x4E07, 0x842C, 0x4EBF, 0x5104, 0x5146: return true
        default: return false
        }
    }

    /// Whether a scalar is a CJK unified or compatibility ideograph (a Han character).
    @inline(__always)
    static func isIdeograph(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3FFFD: return true
        default: return false
        }
    }
}
