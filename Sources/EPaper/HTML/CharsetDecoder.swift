import ReaderCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns a saved page's bytes into UTF-8: pages that declare another charset (GB2312,
/// GBK, GB18030, Big5…) are converted with the C library's `iconv`; UTF-8 pages are
/// checked. Invalid sequences become U+FFFD and are counted, never refused.
public enum CharsetDecoder {
    /// A page's bytes as UTF-8, the charset they were read as, and how many invalid
    /// sequences were replaced.
    public struct Result: Sendable, Equatable {
        public var utf8: [UInt8]
        public var charset: String
        public var invalid: Int
    }

    /// Decodes `bytes` by the charset the page declares (UTF-8 when it declares none).
    public static func decode(_ bytes: [UInt8]) -> Result {
        let declared = declaredCharset(bytes) ?? "utf-8"
        if declared == "utf-8" || declared == "utf8" || declared == "us-ascii" {
            return repairedUTF8(bytes, charset: "utf-8")
        }
        if let converted = convert(bytes, from: iconvName(declared)) {
            return Result(utf8: converted.bytes, charset: declared, invalid: converted.invalid)
        }
        // A charset iconv does not know: read as UTF-8, which shows what can be shown.
        return repairedUTF8(bytes, charset: "utf-8")
    }

    /// The charset a page declares in its first 2 KiB: `<meta charset="gbk">` or
    /// `<meta http-equiv="Content-Type" content="text/html; charset=gb2312">`, lower-cased.
    /// A byte scan for the word `charset` followed by `=`: the declaration must be found
    /// before the page can be decoded, so before any parser can read it.
    public static func declaredCharset(_ bytes: [UInt8]) -> String? {
        let head = bytes.prefix(2048)
        let word = Array("charset".utf8)
        var i = head.startIndex
        while i + word.count < head.endIndex {
            var same = true
            for k in 0..<word.count where head[i + k] | 0x20 != word[k] {
                same = false
                break
            }
            if !same { i += 1; continue }
            var j = i + word.count
            while j < head.endIndex, head[j] == 0x20 { j += 1 }
            guard j < head.endIndex, head[j] == UInt8(ascii: "=") else { i = j; continue }
            j += 1
            while j < head.endIndex, head[j] == 0x20 || head[j] == 0x22 || head[j] == 0x27 { j += 1 }
            var name: [UInt8] = []
            while j < head.endIndex, name.count < 40 {
                let b = head[j] | 0x20
                guard
                    (b >= 0x61 && b <= 0x7A) || (head[j] >= 0x30 && head[j] <= 0x39) || head[j] == 0x2D
                        || head[j] == 0x5F
                else { break }
                name.append(b >= 0x61 && b <= 0x7A ? b : head[j])
                j += 1
            }
            if !name.isEmpty { return String(decoding: name, as: UTF8.self) }
            i = j
        }
        return nil
    }

    /// The iconv name to read a declared charset with. GB2312 and GBK pages are read
    /// as GB18030, their superset: pages labelled GB2312 routinely hold GBK characters.
    static func iconvName(_ declared: String) -> String {
        switch declared {
        case "gb2312", "gbk", "x-gbk", "cp936", "gb_2312-80", "euc-cn", "gb18030": return "GB18030"
        case "big5": return "BIG5-HKSCS"
        default: return declared.uppercased()
        }
    }

    /// `bytes` converted from `charset` to UTF-8 by iconv, or nil when iconv does not
    /// know the charset. Each byte iconv cannot convert becomes one U+FFFD.
    static func convert(_ bytes: [UInt8], from charset: String) -> (bytes: [UInt8], invalid: Int)? {
        let cd = iconv_open("UTF-8", charset)
        guard let cd, cd != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(cd) }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count * 3 / 2 + 16)
        var invalid = 0
        var chunk = [CChar](repeating: 0, count: 1 << 16)
        var input = bytes.map { CChar(bitPattern: $0) }
        input.withUnsafeMutableBufferPointer { source in
            var inPointer: UnsafeMutablePointer<CChar>? = source.baseAddress
            var inLeft = source.count
            while inLeft > 0 {
                let (result, code, produced) = chunk.withUnsafeMutableBufferPointer { target -> (Int, Int32, Int) in
                    var outPointer: UnsafeMutablePointer<CChar>? = target.baseAddress
                    var outLeft = target.count
                    let result = iconv(cd, &inPointer, &inLeft, &outPointer, &outLeft)
                    return (result, errno, target.count - outLeft)
                }
                output.append(contentsOf: chunk[..<produced].lazy.map { UInt8(bitPattern: $0) })
                guard result == -1 else { continue }
                if code == E2BIG { continue }
                // EILSEQ (an invalid sequence) or EINVAL (cut off at the end): skip one byte.
                output.append(contentsOf: [0xEF, 0xBF, 0xBD])
                invalid += 1
                inPointer = inPointer.map { $0 + 1 }
                inLeft -= 1
            }
        }
        return (output, invalid)
    }

    /// `bytes` as UTF-8 with each maximal invalid subpart replaced by U+FFFD, counted.
    static func repairedUTF8(_ bytes: [UInt8], charset: String) -> Result {
        if bytes.withUnsafeBufferPointer({ String(validating: $0, as: UTF8.self) }) != nil {
            return Result(utf8: bytes, charset: charset, invalid: 0)
        }
        let (text, invalid) = EditionLoader.repairUTF8(bytes)
        return Result(utf8: Array(text.utf8), charset: charset, invalid: invalid)
    }
}
