import Foundation
import TestSupport
import Testing

/// Kiosk settings from outside the command line: the idle reset, the
/// system config that turns the kiosk on, and themes by name only.
@Suite("Kiosk idle reset, system config and themes")
struct KioskSettingsTests {
    /// A system config file holding `json`.
    static func systemConfig(_ json: String) throws -> String {
        let path = KioskHarness.scratchPath("bs-system") + ".json"
        try json.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Runs `body` on a kiosk reader with a three-second idle reset (0.05 minutes),
    /// showing article 2 of a library holding the sample.
    private func onArticle2WithIdleReset(_ body: (TmuxPane) throws -> Void) throws {
        let library = try KioskTerminalTests.library(extra: nil)
        defer { try? FileManager.default.removeItem(atPath: library) }
        let pane = try TmuxPane(
            command: ["exec '\(KioskHarness.binary)' --kiosk --no-state --idle-reset 0.05"],
            width: 100, height: 30,
            environment: ["BROADSHEET_LIBRARY": library, "LANG": "C.UTF-8"], remainOnExit: true)
        defer { pane.close() }
        #expect(pane.waitForMasthead(), "the front page; pane:\n\(pane.screen)")
        try pane.type("2")
        #expect(pane.waitFor(text: "文 2/", timeout: 10), "article 2 opened; pane:\n\(pane.screen)")
        try body(pane)
    }

    @Test("after the idle timeout the reader leaves an open article and a search for the front page")
    func idleResetInTmux() throws {
        try onArticle2WithIdleReset { pane in
            try pane.type("/")
            try pane.type("株洲")
            #expect(
                KioskHarness.wait(15) { KioskHarness.showsMasthead(pane.screen) && pane.screen.contains("版 1/") },
                "back on the front page after the idle timeout; pane:\n\(pane.screen)")
            #expect(!pane.screen.contains("文 2/"))
            // A clean reader: the search prompt is gone, so keys work again.
            try pane.type("2")
            #expect(pane.waitFor(text: "文 2/", timeout: 10), "keys still open articles; pane:\n\(pane.screen)")
        }
    }

    @Test("a key restarts the idle countdown: a reader who keeps pressing keys is not reset")
    func keysRestartIdleCountdown() throws {
        try onArticle2WithIdleReset { pane in
            // Six seconds in all, a key every second: twice the idle limit, never idle for it.
            for _ in 0..<6 {
                Thread.sleep(forTimeInterval: 1)
                try pane.type("k")
                #expect(pane.screen.contains("文 2/"), "still reading while keys come; pane:\n\(pane.screen)")
            }
            #expect(
                KioskHarness.wait(15) { pane.screen.contains("版 1/") && !pane.screen.contains("文 2/") },
                "reset once the keys stop; pane:\n\(pane.screen)")
        }
    }

    @Test(
        "kiosk on in the system config confines the reader, and a user config cannot turn it off",
        arguments: [nil, #"{"kiosk": {"enabled": false}}"#])
    func systemConfigTurnsKioskOn(userConfig: String?) throws {
        let library = try KioskTerminalTests.library(extra: nil)
        defer { try? FileManager.default.removeItem(atPath: library) }
        let system = try Self.systemConfig(#"{"kiosk": {"enabled": true}}"#)
        defer { try? FileManager.default.removeItem(atPath: system) }
        var argv = [KioskHarness.binary, "/etc/passwd", "--dump"]
        if let userConfig {
            let user = try Self.systemConfig(userConfig)
            argv += ["--config", user]
        }
        var environment = ProcessInfo.processInfo.environment
        environment["BROADSHEET_SYSTEM_CONFIG"] = system
        environment["BROADSHEET_LIBRARY"] = library
        let result = try KioskHarness.run(argv, environment: environment)
        #expect(result.status == 1, "refused; out: \(result.out.prefix(200)) err: \(result.err)")
        #expect(!result.out.contains("root:"), "/etc/passwd was not shown")
        #expect(!result.err.isEmpty)

        // Without the system config the same command is not refused by a kiosk.
        environment["BROADSHEET_SYSTEM_CONFIG"] = system + ".missing"
        let open = try KioskHarness.run(
            [KioskHarness.binary, "--dump", library + "/2023-03-29-zhuzhou-daily.md"],
            environment: environment)
        #expect(open.status == 0, "err: \(open.err)")
    }

    @Test("in kiosk mode a theme path is refused with a notice, and a theme name is taken")
    func kioskThemesByNameOnly() throws {
        let library = try KioskTerminalTests.library(extra: nil)
        defer { try? FileManager.default.removeItem(atPath: library) }
        let themePath = KioskHarness.packageRoot + "/Themes/night.json"
        let pane = try TmuxPane(
            command: ["exec '\(KioskHarness.binary)' --kiosk --no-state --theme '\(themePath)'"],
            width: 160, height: 30,
            environment: ["BROADSHEET_LIBRARY": library, "LANG": "C.UTF-8"], remainOnExit: true)
        defer { pane.close() }
        #expect(pane.waitFor(text: "not paths", timeout: 20), "the refusal notice; pane:\n\(pane.screen)")
        #expect(KioskHarness.showsMasthead(pane.screen), "the reader still opened")

        let named = try TmuxPane(
            command: ["exec '\(KioskHarness.binary)' --kiosk --no-state --theme night"],
            width: 160, height: 30,
            environment: ["BROADSHEET_LIBRARY": library, "LANG": "C.UTF-8"], remainOnExit: true)
        defer { named.close() }
        #expect(named.waitForMasthead(), "pane:\n\(named.screen)")
        #expect(!named.screen.contains("not paths"))
    }
}
