#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The reader's 繁简 conversions of one edition at a time: OpenCC converters opened on
/// first use, the edition's detected script, and what has been converted, cached per
/// configuration so that turning pages and cycling scripts never convert a text twice.
/// Shared across threads behind a mutex (like `LayoutCache`); nothing here is loaded
/// until a script other than the original is asked for or a search folds scripts.
public final class ScriptShelf: @unchecked Sendable {
    private var mutex = pthread_mutex_t()
    private var converters: [String: OpenCCConverter] = [:]
    private var editionKey = ""
    private var source: SourceScript?
    private var heads: [String: Edition] = [:]
    private var articles: [String: [Int: ConvertedArticle]] = [:]
    /// Per configuration, the headings edition with every body converted so far written
    /// in: kept and changed in place, so showing an article never copies the edition's
    /// article array (4,256 articles in the bench edition: about 0.5 ms a copy). `written`
    /// is not derivable from the edition: a body written once is never written again, so
    /// the array a caller still holds is not copied on the next call.
    private var displays: [String: (edition: Edition, written: Set<Int>)] = [:]
    private var fold: ScriptFold?
    private var foldFailed = false

    /// An empty shelf.
    public init() {
        pthread_mutex_init(&mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(&mutex)
    }

    /// Runs `body` with the mutex held.
    private func locked<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return try body()
    }

    /// The converter for `config`, opened once (the mutex is held).
    private func converter(_ config: String) throws(ScriptConversionError) -> OpenCCConverter {
        if let open = converters[config] { return open }
        let opened = try OpenCCConverter(config: config)
        converters[config] = opened
        return opened
    }

    /// Forgets another edition's conversions (the mutex is held).
    private func select(_ edition: Edition) {
        let key = "\(edition.source.name)\u{0}\(edition.source.contentHash)\u{0}\(edition.articles.count)"
        guard key != editionKey else { return }
        editionKey = key
        source = nil
        heads = [:]
        articles = [:]
        displays = [:]
    }

    /// The script `edition` is printed in (detected once per edition).
    public func sourceScript(of edition: Edition) throws(ScriptConversionError) -> SourceScript {
        try locked { () throws(ScriptConversionError) -> SourceScript in
            select(edition)
            if let source { return source }
            let found = try ScriptDetector.detect(edition) { (config) throws(ScriptConversionError) in
                try converter(config)
            }
            source = found
            return found
        }
    }

    /// The OpenCC configuration that shows `edition` in `script`, or nil for its own text.
    public func configuration(
        for script: DisplayScript, of edition: Edition
    ) throws(ScriptConversionError) -> String? {
        guard script != .original else { return nil }
        return script.configuration(from: try sourceScript(of: edition))
    }

    /// `edition` with every drawn heading field in `config`, bodies untouched (cached).
    public func heads(of edition: Edition, config: String) throws(ScriptConversionError) -> Edition {
        if let hit = locked({ () -> Edition? in
            select(edition)
            return heads[config]
        }) {
            return hit
        }
        let conversion = try self.conversion(config, for: edition)
        let converted = EditionConversion(conversion: conversion).heads(of: edition)
        locked {
            select(edition)
            heads[config] = converted
        }
        return converted
    }

    /// Article `index` (one of `edition`'s) wholly in `config`, with its body's offset map (cached).
    public func article(
        _ index: Int, of edition: Edition, config: String
    ) throws(ScriptConversionError) -> ConvertedArticle {
        let headed = try heads(of: edition, config: config)
        if let hit = locked({ articles[config]?[index] }) { return hit }
        let conversion = try self.conversion(config, for: edition)
        let converted = EditionConversion(conversion: conversion).body(of: headed.articles[index])
        locked {
            select(edition)
            articles[config, default: [:]][index] = converted
        }
        return converted
    }

    /// `edition` in `config` with the bodies of `indices` converted too: what a layout
    /// of those articles (a 版, or one article) is given. Bodies converted for earlier
    /// calls are there too.
    public func edition(
        _ edition: Edition, config: String, converting indices: [Int]
    ) throws(ScriptConversionError) -> Edition {
        let headed = try heads(of: edition, config: config)
        var converted: [(Int, Article)] = []
        for index in indices where edition.articles.indices.contains(index) {
            converted.append((index, try article(index, of: edition, config: config).article))
        }
        return locked {
            select(edition)
            if displays[config] == nil { displays[config] = (headed, []) }
            for (index, article) in converted where !displays[config]!.written.contains(index) {
                displays[config]!.edition.articles[index] = article
                displays[config]!.written.insert(index)
            }
            return displays[config]!.edition
        }
    }

    /// One short text (a bookmark's quote, a headline from another edition) in `config`.
    public func convert(_ text: String, config: String) throws(ScriptConversionError) -> String {
        try locked { () throws(ScriptConversionError) in try converter(config) }.convert(text)
    }

    /// `text` in `config`, or as it is should OpenCC fail: for the reader's and layout's own
    /// words, which are never worth an error once the configuration has opened.
    public func convertOrKeep(_ text: String, config: String) -> String {
        (try? convert(text, config: config)) ?? text
    }

    /// The fold that lets search match Simplified and Traditional forms alike, or nil
    /// when OpenCC is missing (search then matches the text as it is).
    public func searchFold() -> ScriptFold? {
        locked {
            if let fold { return fold }
            if foldFailed { return nil }
            guard let t2s = try? converter("t2s") else {
                foldFailed = true
                return nil
            }
            let made = ScriptFold(t2s: t2s)
            fold = made
            return made
        }
    }

    /// The converter of `config` and, for a configuration that changes phrase lengths,
    /// its length-keeping sibling, as one `MappedConversion`.
    private func conversion(_ config: String, for edition: Edition) throws(ScriptConversionError) -> MappedConversion {
        try locked { () throws(ScriptConversionError) -> MappedConversion in
            select(edition)
            let sibling = Self.lengthKeepingSibling[config].map { try? converter($0) } ?? nil
            return MappedConversion(converter: try converter(config), sibling: sibling)
        }
    }

    /// Configurations whose phrase tables change lengths, and the same without them.
    static let lengthKeepingSibling = ["s2twp": "s2tw", "tw2sp": "tw2s"]
}
