extension Array {
    /// `count` copies of `value`, like `init(repeating:count:)` but allocated through
    /// code specialised for `Element`: `init(repeating:count:)` allocates in an
    /// unspecialised stdlib function that looks the storage type's metadata up at run
    /// time, about 500 instructions per array, which the typesetter paid three times a
    /// paragraph. Meant for the short per-paragraph arrays of the hot paths.
    @inline(__always)
    init(filled value: Element, count: Int) {
        self.init(repeatElement(value, count: count))
    }
}
