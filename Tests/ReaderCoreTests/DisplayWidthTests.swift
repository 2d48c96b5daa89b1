import TestSupport
import Testing

@testable import ReaderCore

@Suite("Display width")
struct DisplayWidthTests {
    /// One measuring case: text, cells when ambiguous is narrow, cells when wide.
    struct Case: CustomTestStringConvertible, Sendable {
        let text: String
        let narrow: Int
        let wide: Int
        let note: String
        init(_ text: String, _ narrow: Int, _ wide: Int, _ note: String) {
            self.text = text
            self.narrow = narrow
            self.wide = wide
            self.note = note
        }
        init(_ text: String, _ cells: Int, _ note: String) {
            self.init(text, cells, cells, note)
        }
        var testDescription: String {
            "\(note): "
                + text.unicodeScalars.map { "U+" + String($0.value, radix: 16, uppercase: true) }
                .joined(separator: " ")
        }
    }

    static let strings: [Case] = [
        Case("株", 2, "an ideograph"),
        Case("株洲", 4, "two ideographs"),
        Case("a", 1, "a Latin letter"),
        Case("G4", 2, "a code"),
        Case("CN 43-0005", 10, "a serial number"),
        Case("，", 2, "a full-width comma"),
        Case("。", 2, "an ideographic full stop"),
        Case("，。", 4, "full-width punctuation"),
        Case("　　", 4, "the two ideographic spaces of an indent"),
        Case("（）《》【】", 12, "full-width brackets"),
        Case("ＡＢ１２", 8, "full-width Latin and digits"),
        Case("ｶﾀｶﾅ", 4, "halfwidth katakana"),
        Case("“", 1, 2, "a left double quotation mark"),
        Case("”", 1, 2, "a right double quotation mark"),
        Case("‘’", 2, 4, "single quotation marks"),
        Case("—", 1, 2, "an em dash"),
        Case("——", 2, 4, "a Chinese dash"),
        Case("…", 1, 2, "an ellipsis"),
        Case("……", 2, 4, "a Chinese ellipsis"),
        Case("·", 1, 2, "a middle dot"),
        Case("①", 1, 2, "a circled digit"),
        Case("㉈", 2, "a circled number on a black square, wide as in glibc"),
        Case("䷀", 2, "a Yijing hexagram, wide as in glibc"),
        Case("株洲日报“新闻”——2023年", 22, 26, "a headline with quotes and a dash"),
        Case("e\u{301}", 1, "e with a combining acute accent"),
        Case("é", 1, 2, "precomposed e acute, ambiguous in East Asian legacy sets"),
        Case("\u{301}", 0, "a lone combining accent"),
        Case("株\u{20DD}", 2, "an ideograph in an enclosing circle"),
        Case("\u{1100}\u{1161}", 2, "Hangul jamo L+V"),
        Case("\u{1100}\u{1161}\u{11A8}", 2, "Hangul jamo L+V+T"),
        Case("\u{1100}\u{1100}\u{1161}", 2, "Hangul jamo L+L+V, one syllable"),
        Case("\u{1100}가", 2, "a leading jamo before a syllable"),
        Case("가\u{11A8}", 2, "a syllable with a final jamo"),
        Case("\u{A960}\u{D7B0}\u{D7CB}", 2, "extended Hangul jamo L+V+T"),
        Case("한국어", 6, "precomposed Hangul syllables"),
        Case("\u{1160}", 0, "a lone medial vowel jamo"),
        Case("👍", 2, "an emoji"),
        Case("👍🏽", 2, "an emoji with a skin tone"),
        Case("🏽", 2, "a lone skin tone modifier"),
        Case("👨‍👩‍👧", 2, "a family ZWJ sequence"),
        Case("👁️‍🗨️", 2, "a ZWJ sequence of text-default emoji"),
        Case("🇨🇳", 2, "a flag"),
        Case("🇨🇳🇺🇸", 4, "two flags"),
        Case("🇨", 1, "a lone regional indicator"),
        Case("🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}", 2, "a tag sequence flag"),
        Case("☺", 1, "a text-default emoji"),
        Case("☺\u{FE0F}", 2, "a text-default emoji with VS16"),
        Case("❤\u{FE0F}", 2, "a red heart with VS16"),
        Case("⌚", 2, "an emoji-default watch"),
        Case("⌚\u{FE0E}", 1, "an emoji-default watch with VS15"),
        Case("♠", 1, 2, "an ambiguous emoji"),
        Case("♠\u{FE0E}", 1, 2, "an ambiguous emoji with VS15"),
        Case("♠\u{FE0F}", 2, "an ambiguous emoji with VS16"),
        Case("1\u{FE0F}\u{20E3}", 2, "a keycap emoji"),
        Case("1\u{20E3}", 1, "a keycap without VS16"),
        Case("a\u{FE0F}", 1, "VS16 after a non-emoji letter"),
        Case("\u{200D}", 0, "a lone zero width joiner"),
        Case("a\u{200D}b", 2, "a zero width joiner between letters"),
        Case("\u{200B}", 0, "a zero width space"),
        Case("\u{FEFF}", 0, "a byte order mark"),
        Case("\u{AD}", 0, "a soft hyphen"),
        Case("co\u{AD}op", 4, "a word with a soft hyphen"),
        Case("\u{600}", 1, "a visible Arabic number sign"),
        Case("\u{0}\u{7}\u{1B}\u{7F}\u{85}\u{9B}", 0, "C0, DEL and C1 controls"),
        Case("\r\n", 0, "CR LF"),
        Case("\u{2028}\u{2029}", 0, "line and paragraph separators"),
        Case("कि", 2, "a Devanagari spacing vowel sign takes its own cell"),
        Case("क्षि", 3, "a Devanagari conjunct cluster exceeds two cells"),
        Case("ｶﾞ", 2, "a halfwidth kana with its halfwidth sound mark"),
        Case("\u{E000}", 1, 2, "a private use character"),
        Case("𠀀", 2, "a plane 2 ideograph"),
        Case("\u{2FFFD}", 2, "an unassigned plane 2 code point"),
        Case("", 0, "the empty string"),
    ]

    @Test("a string measures the cells a terminal gives it, ambiguous narrow", arguments: strings)
    func measuresNarrow(_ c: Case) {
        #expect(DisplayWidth().of(c.text) == c.narrow)
        #expect(DisplayWidth(ambiguous: .narrow).of(c.text) == c.narrow)
    }

    @Test("a string measures the cells a terminal gives it, ambiguous wide", arguments: strings)
    func measuresWide(_ c: Case) {
        #expect(DisplayWidth(ambiguous: .wide).of(c.text) == c.wide)
    }

    @Test("a string measures the sum of its grapheme clusters", arguments: strings)
    func stringIsSumOfClusters(_ c: Case) {
        for mode in AmbiguousWidth.allCases {
            let width = DisplayWidth(ambiguous: mode)
            #expect(width.of(c.text) == c.text.reduce(0) { $0 + width.of($1) })
            #expect(width.of(c.text[...]) == width.of(c.text))
            #expect(width.scalarCells(c.text) == width.of(c.text))
        }
    }

    static let scalars: [(UInt32, Int, Int)] = [
        (0x0041, 1, 1), (0x682A, 2, 2), (0xFF0C, 2, 2), (0x3000, 2, 2), (0xFF61, 1, 1),
        (0x201C, 1, 2), (0x2026, 1, 2), (0x00B7, 1, 2), (0x2460, 1, 2), (0x3248, 2, 2),
        (0x0000, 0, 0), (0x001F, 0, 0), (0x007F, 0, 0), (0x0085, 0, 0), (0x009F, 0, 0),
        (0x00AD, 0, 0), (0x0300, 0, 0), (0x200D, 0, 0), (0xFE0F, 0, 0), (0xFE0E, 0, 0),
        (0xE0100, 0, 0), (0x1160, 0, 0), (0x11FF, 0, 0), (0xD7B0, 0, 0), (0xD7FF, 0, 0),
        (0x1100, 2, 2), (0xAC00, 2, 2), (0x1F1E8, 1, 1), (0x1F44D, 2, 2), (0x263A, 1, 1),
        (0x20000, 2, 2), (0x10FFFF, 1, 1),
    ]

    @Test("a scalar on its own takes 0, 1 or 2 cells", arguments: scalars)
    func measuresScalar(value: UInt32, narrow: Int, wide: Int) {
        let scalar = Unicode.Scalar(value)!
        #expect(DisplayWidth().of(scalar) == narrow)
        #expect(DisplayWidth(ambiguous: .wide).of(scalar) == wide)
        #expect(DisplayWidth().of(Character(scalar)) == narrow)
    }

    @Test("a scalar never measures outside 0…2 cells")
    func scalarWidthsStayInRange() {
        var outside: [String] = []
        for mode in AmbiguousWidth.allCases {
            let width = DisplayWidth(ambiguous: mode)
            for v in UInt32(0)...0x10FFFF {
                guard let scalar = Unicode.Scalar(v) else { continue }
                let cells = width.of(scalar)
                if !(0...2).contains(cells) && outside.count < 10 {
                    outside.append("U+\(String(v, radix: 16)) \(mode): \(cells)")
                }
            }
        }
        #expect(outside.isEmpty, "\(outside)")
    }

    @Test("the sample edition measures the sum of its grapheme clusters")
    func editionIsSumOfClusters() throws {
        let text = try WidthFixtures.read("Editions/2023-03-29-zhuzhou-daily.md")
        let width = DisplayWidth()
        var sum = 0
        for character in text { sum += width.of(character) }
        #expect(width.of(text) == sum)
        #expect(sum > 10_000)
        for line in text.split(separator: "\n") {
            #expect(width.of(line) == line.reduce(0) { $0 + width.of($1) }, "\(line)")
        }
    }

    @Test("random mixes of marks, joiners, jamo and emoji measure the sum of their clusters, on both paths")
    func randomMixesAreSumOfClusters() {
        let pool: [Unicode.Scalar] = [
            "a", "e", "1", "株", "，", "“", "—", "\u{301}", "\u{20E3}", "\u{200D}", "\u{FE0F}",
            "\u{FE0E}", "👨", "👍", "🏽", "☺", "♠", "🇨", "🇳", "\u{1100}", "\u{1161}", "\u{11A8}",
            "가", "\r", "\n", "\u{7}", "\u{AD}", "\u{600}", "क", "\u{94D}", "ष", "\u{93F}", "ｶ",
            "\u{FF9E}", "\u{E0067}", "🏴", "\u{2028}",
        ]
        var random = SeededRandom(seed: 20230329)
        var failures: [String] = []
        for _ in 0..<20_000 {
            var text = String.UnicodeScalarView()
            for _ in 0..<Int(random.next() % 12) {
                text.append(pool[Int(random.next() % UInt64(pool.count))])
            }
            let string = String(text)
            for mode in AmbiguousWidth.allCases {
                let width = DisplayWidth(ambiguous: mode)
                let sum = string.reduce(0) { $0 + width.of($1) }
                if (width.of(string) != sum || width.scalarCells(string) != sum) && failures.count < 10 {
                    failures.append(
                        string.unicodeScalars.map { String($0.value, radix: 16) }
                            .joined(separator: " ") + " (\(mode)): \(width.of(string)) ≠ \(sum)")
                }
            }
        }
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }

    @Test("two measures are equal when they treat ambiguous characters alike")
    func equality() {
        #expect(DisplayWidth() == DisplayWidth(ambiguous: .narrow))
        #expect(DisplayWidth() != DisplayWidth(ambiguous: .wide))
        var width = DisplayWidth()
        width.ambiguous = .wide
        #expect(width.of("“株”") == 6)
    }

    @Test("every BMP scalar the drawing shortcut admits is 1 or 2 wide and joins no other admitted one (UAX #29 Other)")
    func standsAloneIsSound() throws {
        let alone = (0x20...0xFFFF).compactMap(Unicode.Scalar.init).filter(DisplayWidth.standsAlone)
        #expect(alone.count > 20_000)
        // Two scalars whose Grapheme_Cluster_Break is Other never join (UAX #29 rules GB3-GB13
        // all need another value), so checking the property covers every pair. The file lists
        // every scalar whose value is not Other. Swift's own breaking is the spot check.
        var joining = Set<UInt32>()
        for line in try WidthFixtures.readUCD("auxiliary/GraphemeBreakProperty.txt").split(separator: "\n") {
            let data = line.prefix { $0 != "#" }
            guard let field = data.split(separator: ";").first?.filter({ $0 != " " }), !field.isEmpty else { continue }
            let bounds = field.split(separator: ".", omittingEmptySubsequences: true)
                .compactMap { UInt32($0, radix: 16) }
            for v in bounds[0]...bounds[bounds.count - 1] { joining.insert(v) }
        }
        #expect(joining.count > 10_000)
        let neighbours: [Unicode.Scalar] = ["株", "a", "“", "、", "ア", "─", "！"]
        for scalar in alone {
            let name = "U+\(String(scalar.value, radix: 16, uppercase: true))"
            #expect((1...2).contains(DisplayWidth().of(scalar)), "width of \(name)")
            if joining.contains(scalar.value) {
                Issue.record("\(name) has a Grapheme_Cluster_Break value: it may join")
            }
            for other in neighbours {
                for pair in [[scalar, other], [other, scalar]] {
                    var text = String.UnicodeScalarView()
                    text.append(contentsOf: pair)
                    if String(text).count != 2 { Issue.record("\(name) joins \(other)") }
                }
            }
        }
    }

    @Test(
        "marks, joiners and controls never take the drawing shortcut",
        arguments: [0x0301, 0x200D, 0x3099, 0x302A, 0xFE0F, 0x0007, 0x1F44D, 0x00AD])
    func standsAloneRefuses(value: UInt32) {
        #expect(!DisplayWidth.standsAlone(Unicode.Scalar(value)!))
    }
}
