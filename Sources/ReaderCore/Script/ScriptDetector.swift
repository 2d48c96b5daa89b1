/// Tells whether an edition is printed in Simplified or Traditional characters (and,
/// where its forms say so, Taiwan's or Hong Kong's), from a sample of its text.
/// Only small dictionaries are loaded (t2s, and t2tw and t2hk for a Traditional paper).
public enum ScriptDetector {
    /// Ideographs sampled: enough for a verdict, small enough to convert in a few ms.
    static let sampleSize = 2_000
    /// The share (percent) of a sample's ideographs in Traditional-only forms from which
    /// it is Traditional.
    static let traditionalShare = 5

    /// The script of `edition`, asking `open` for the OpenCC converters it compares with.
    public static func detect(
        _ edition: Edition, open: (String) throws(ScriptConversionError) -> OpenCCConverter
    ) throws(ScriptConversionError) -> SourceScript {
        let sample = self.sample(of: edition)
        let count = sample.unicodeScalars.count
        guard count > 0 else { return .simplified }
        // Characters t2s changes are Traditional-only forms: about a quarter of the
        // ideographs of a Traditional text, next to none of a Simplified one (乾, 著 …).
        // t2s's dictionaries are small (40 KB), where s2t's phrase table takes about
        // 70 M instructions to load: a Simplified paper shown in 繁台 needs s2twp and
        // s2tw anyway, and should not pay for s2t too.
        let traditionalForms = changed(sample, by: try open("t2s"))
        guard traditionalForms * 100 >= count * traditionalShare else { return .simplified }
        // A text already in Taiwan's (Hong Kong's) forms is left alone by t2tw (t2hk).
        let taiwanChanges = changed(sample, by: try open("t2tw"))
        let hongKongChanges = changed(sample, by: try open("t2hk"))
        if taiwanChanges == 0, hongKongChanges > 0 { return .taiwan }
        if hongKongChanges == 0, taiwanChanges > 0 { return .hongKong }
        return .traditional
    }

    /// Up to `sampleSize` ideographs from the masthead, headlines and bodies, in order.
    static func sample(of edition: Edition) -> String {
        var scalars = String.UnicodeScalarView()
        var count = 0
        func take(_ text: String) {
            for scalar in text.unicodeScalars where EditionScalars.isIdeograph(scalar) {
                guard count < sampleSize else { return }
                scalars.append(scalar)
                count += 1
            }
        }
        take(edition.masthead.title)
        for article in edition.articles {
            take(article.headline)
            for block in article.blocks.prefix(3) { take(block.text) }
            if count >= sampleSize { break }
        }
        return String(scalars)
    }

    /// How many scalars `converter` changes in `sample` (its configurations keep lengths).
    static func changed(_ sample: String, by converter: OpenCCConverter) -> Int {
        zip(sample.unicodeScalars, converter.convert(sample).unicodeScalars).reduce(0) { $0 + ($1.0 == $1.1 ? 0 : 1) }
    }
}
