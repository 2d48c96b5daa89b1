/// An edition format read outside ReaderCore (saved e-paper pages need libxml2, which
/// ReaderCore does not link): `EditionLoader` asks it first whether a path is one of
/// its editions, so every way to an edition (start, `[` `]`, bookmarks, the kiosk's
/// resolver) reads it alike.
public protocol ExternalEditionReader: Sendable {
    /// The edition folder `path` names (the folder, or one page saved in it), or nil.
    func folder(named path: String) -> String?
    /// Reads the edition saved in `folder`.
    func edition(folder: String, parser: EditionParser) throws(EditionLoadError) -> Edition
}
