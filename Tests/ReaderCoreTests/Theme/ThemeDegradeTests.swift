import Testing

@testable import ReaderCore

@Suite("Fitting themes to the terminal")
struct ThemeDegradeTests {
    static let shipped = ["newsprint", "night", "high-contrast", "mono"]

    func theme(_ name: String) throws -> Theme {
        try ThemeLibrary(environment: [:]).load(name)
    }

    /// Every colour in `theme`.
    func colours(_ theme: Theme) -> [ThemeColor] {
        theme.styles.values.flatMap { [$0.foreground, $0.background] }
    }

    static let depths: [(Int, [String: String], ColorCapability)] = [
        (256, [:], .palette256), (16_777_216, [:], .trueColor), (256, ["COLORTERM": "truecolor"], .trueColor),
        (88, [:], .ansi16), (16, [:], .ansi16), (8, [:], .ansi8), (2, [:], .mono), (0, [:], .mono),
        (256, ["NO_COLOR": "1"], .mono), (256, ["NO_COLOR": ""], .palette256),
    ]

    @Test("the colour depth comes from the terminal's colour count, and NO_COLOR means mono", arguments: depths)
    func detects(colors: Int, environment: [String: String], expected: ColorCapability) {
        #expect(ColorCapability.detect(colors: colors, environment: environment) == expected)
    }

    @Test("degraded themes use only colours the terminal has", arguments: shipped)
    func onlyAvailableColours(name: String) throws {
        let t = try theme(name)
        for c in colours(t.degraded(to: .palette256)) {
            if case .rgb = c { Issue.record("24-bit colour left at 256: \(c)") }
        }
        for (depth, limit) in [(ColorCapability.ansi16, 16), (.ansi8, 8)] {
            for c in colours(t.degraded(to: depth)) {
                switch c {
                case .terminalDefault: break
                case .ansi(let n): #expect(n < limit, "\(name) at \(depth): \(c)")
                default: Issue.record("\(name) at \(depth): \(c)")
                }
            }
        }
        #expect(colours(t.degraded(to: .mono)).allSatisfy { $0 == .terminalDefault })
        #expect(t.degraded(to: .trueColor) == t)
    }

    @Test("degraded themes keep attributes and stay readable", arguments: shipped)
    func keepsAttributes(name: String) throws {
        let t = try theme(name)
        for depth in ColorCapability.allCases {
            let d = t.degraded(to: depth)
            #expect(d.style(for: .headline).bold)
            #expect(d.style(for: .match).reverse && d.style(for: .status).reverse)
            for role in Role.allCases {
                let s = d.style(for: role)
                #expect(s.foreground != s.background || s.foreground == .terminalDefault, "\(name) \(depth) \(role)")
            }
        }
    }

    @Test(
        "newsprint becomes dark ink on a light page at 16 and 8 colours", arguments: [ColorCapability.ansi16, .ansi8])
    func newsprintOnSmallPalettes(depth: ColorCapability) throws {
        let body = try theme("newsprint").degraded(to: depth).style(for: .body)
        #expect(body.foreground == .ansi(0))
        #expect(body.background == .ansi(7))
        #expect(try theme("newsprint").degraded(to: depth).style(for: .kicker).foreground == .ansi(1))
    }

    static let nearest: [(ThemeColor, ColorCapability, ThemeColor)] = [
        (.rgb(red: 255, green: 0, blue: 0), .palette256, .palette(196)),
        (.rgb(red: 128, green: 128, blue: 128), .palette256, .palette(244)),
        (.rgb(red: 0x1c, green: 0x1c, blue: 0x1c), .palette256, .palette(234)),
        (.palette(196), .ansi16, .ansi(9)),
        (.palette(4), .ansi16, .ansi(4)),
        (.ansi(12), .ansi8, .ansi(4)),
        (.rgb(red: 200, green: 10, blue: 10), .ansi8, .ansi(1)),
        (.terminalDefault, .ansi8, .terminalDefault),
    ]

    @Test("a colour maps to its nearest neighbour in a smaller palette", arguments: nearest)
    func nearestColour(colour: ThemeColor, depth: ColorCapability, expected: ThemeColor) {
        #expect(colour.degraded(to: depth) == expected)
    }

    @Test("in mono a role set apart by a strong background is reversed, a faint tint is not")
    func monoReverse() {
        let paper = ThemeColor.rgb(red: 244, green: 238, blue: 223)
        let t = Theme(
            name: "t",
            styles: [
                .body: RoleStyle(foreground: .ansi(0), background: paper),
                .match: RoleStyle(foreground: .ansi(0), background: .ansi(11)),
                .status: RoleStyle(foreground: .ansi(15), background: .ansi(0)),
                .overlay: RoleStyle(foreground: .ansi(0), background: .rgb(red: 230, green: 220, blue: 198)),
            ]
        ).degraded(to: .mono)
        #expect(!t.style(for: .body).reverse)
        #expect(!t.style(for: .match).reverse) // yellow on paper: both light
        #expect(t.style(for: .status).reverse)
        #expect(!t.style(for: .overlay).reverse)
    }

    @Test("curses gets -1 for the default colour and 0–255 otherwise")
    func paletteIndex() {
        #expect(ThemeColor.terminalDefault.paletteIndex == -1)
        #expect(ThemeColor.ansi(9).paletteIndex == 9)
        #expect(ThemeColor.rgb(red: 255, green: 255, blue: 255).paletteIndex == 231)
    }
}
