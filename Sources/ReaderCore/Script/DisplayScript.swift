/// The script the reader shows an edition in: its own, or converted by OpenCC.
/// Raw values are the `--script` and config.json spellings.
public enum DisplayScript: String, Sendable, Equatable, CaseIterable {
    case original
    case simplified
    case traditional
    /// Traditional with Taiwan's character forms and phrases (软件 → 軟體, U盘 → 隨身碟).
    case taiwan = "tw"
    /// Traditional with Hong Kong's character forms.
    case hongKong = "hk"

    /// The status bar's short name.
    public var label: String {
        switch self {
        case .original: return "原文"
        case .simplified: return "简"
        case .traditional: return "繁"
        case .taiwan: return "繁台"
        case .hongKong: return "繁港"
        }
    }

    /// The OpenCC configuration that turns text in `source` into this script, or nil
    /// when the text is shown as it is (original, or already in this script).
    public func configuration(from source: SourceScript) -> String? {
        switch (self, source) {
        case (.original, _), (.simplified, .simplified), (.traditional, .traditional),
            (.traditional, .taiwan), (.traditional, .hongKong), (.taiwan, .taiwan), (.hongKong, .hongKong):
            return nil
        case (.simplified, .traditional): return "t2s"
        case (.simplified, .taiwan): return "tw2sp"
        case (.simplified, .hongKong): return "hk2s"
        case (.traditional, .simplified): return "s2t"
        case (.taiwan, .simplified): return "s2twp"
        case (.taiwan, _): return "t2tw"
        case (.hongKong, .simplified): return "s2hk"
        case (.hongKong, _): return "t2hk"
        }
    }

    /// What `z` shows after this: original → 简 → 繁 → original, leaving out a script
    /// that would show the edition as it is (简 for a Simplified paper, 繁 for a
    /// Traditional one). A regional default (tw, hk) stands in for 繁.
    public func next(source: SourceScript, preferred: DisplayScript) -> DisplayScript {
        let traditional: DisplayScript = preferred == .taiwan || preferred == .hongKong ? preferred : .traditional
        var cycle: [DisplayScript] = [.original]
        for script in [DisplayScript.simplified, traditional] where script.configuration(from: source) != nil {
            cycle.append(script)
        }
        let here = cycle.firstIndex(of: self) ?? 0
        return cycle[(here + 1) % cycle.count]
    }
}

/// The script an edition is printed in, as `ScriptDetector` finds it.
public enum SourceScript: Sendable, Equatable {
    case simplified
    /// Traditional in OpenCC's standard forms, or not told apart.
    case traditional
    case taiwan
    case hongKong

    /// The status bar's short name of the original.
    public var label: String {
        switch self {
        case .simplified: return "简"
        case .traditional: return "繁"
        case .taiwan: return "繁台"
        case .hongKong: return "繁港"
        }
    }
}
