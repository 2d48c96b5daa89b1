import ReaderCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whether a test's system parts (root, sshd, …) are present, for `.enabled(if:)`.
///
/// On a developer's machine a test whose parts are missing is skipped, and the run prints
/// the reason. CI sets `BROADSHEET_REQUIRE_ALL=1` (see `.ci/run`): then every condition is
/// true, so such a test runs and fails loudly instead of being skipped.
public enum SystemRequirement {
    /// The environment variable that turns every skip into a run.
    public static let requireAllVariable = "BROADSHEET_REQUIRE_ALL"

    /// True when `BROADSHEET_REQUIRE_ALL` is set to anything but "" or "0".
    public static var requireAll: Bool {
        guard let value = getenv(requireAllVariable) else { return false }
        let text = String(cString: value)
        return !text.isEmpty && text != "0"
    }

    /// True when the tests run as root (needed to add a user and start sshd).
    public static var isRoot: Bool { geteuid() == 0 }

    /// True when `path` is an executable file.
    public static func isExecutable(_ path: String) -> Bool { access(path, X_OK) == 0 }

    /// True when `name` is an executable in one of `PATH`'s folders.
    public static func onPath(_ name: String) -> Bool {
        let path = getenv("PATH").map { String(cString: $0) } ?? "/usr/bin:/bin"
        return path.split(separator: ":").contains { isExecutable("\($0)/\(name)") }
    }

    /// The kiosk-through-sshd test can run: root, Debian's sshd, the ssh client tools,
    /// useradd and tmux (or `BROADSHEET_REQUIRE_ALL` is set).
    public static var kioskSSH: Bool {
        requireAll
            || (isRoot && isExecutable("/usr/sbin/sshd")
                && ["ssh", "ssh-keygen", "useradd", "tmux"].allSatisfy(onPath))
    }

    /// Why the kiosk-through-sshd test is skipped when `kioskSSH` is false.
    public static let kioskSSHReason =
        "needs root, openssh-server (/usr/sbin/sshd), openssh-client, useradd and tmux; "
        + ".ci/run installs them and sets BROADSHEET_REQUIRE_ALL=1 so the test always runs there"

    /// OpenCC can be loaded and opens its configurations: libopencc1.1 and libopencc-data
    /// (libopencc-dev for the build), or `BROADSHEET_REQUIRE_ALL` is set.
    public static var openCC: Bool {
        requireAll || (try? OpenCCConverter(config: "s2t")) != nil
    }

    /// Why the 繁简 conversion tests are skipped when `openCC` is false.
    public static let openCCReason =
        "needs OpenCC (Debian's libopencc-dev, with libopencc1.1 and libopencc-data); "
        + ".ci/run installs it and sets BROADSHEET_REQUIRE_ALL=1 so the tests always run there"
}
