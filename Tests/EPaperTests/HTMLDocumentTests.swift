import EPaper
import Testing

/// The libxml2 adapter and the charset decoder, on small pages.
@Suite("HTML document and charset")
struct HTMLDocumentTests {
    @Test("entities are resolved, unknown Founder tags kept, scripts and comments left out of the text")
    func tree() throws {
        let html =
            "<html><body><founder-content><p>&ldquo;中国&rdquo;&nbsp;A&amp;B</p><!--x--><script>var a=1</script>"
            + "<p>第二<br>行</p></founder-content></body></html>"
        let root = HTMLDocument(utf8: Array(html.utf8)).root
        let content = try #require(root.first { $0.isElement("founder-content") })
        #expect(content.textContent == "“中国”\u{A0}A&B第二\n行")
        #expect(content.all { $0.isElement("p") }.count == 2)
    }

    @Test(
        "no control character reaches the text, written as an entity or as a raw byte",
        arguments: [
            "<p>a&#27;[2Jb&#x9b;c</p>", "<p>a\u{1B}[2Jb\u{9B}c</p>",
        ])
    func controls(html: String) throws {
        let document = HTMLDocument(utf8: Array(html.utf8))
        let text = try #require(document.root.first { $0.isElement("p") }).textContent
        #expect(text.hasPrefix("a") && text.hasSuffix("c") && text.contains("[2Jb"))
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }, "\(text)")
    }

    @Test(
        "the declared charset is found in either meta form",
        arguments: [
            ("<meta charset=\"gbk\">", "gbk"),
            ("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=GB2312\" />", "gb2312"),
            ("<meta charset='utf-8'>", "utf-8"),
            ("<html><head><title>无</title></head>", nil),
        ] as [(String, String?)])
    func declared(head: String, charset: String?) {
        #expect(CharsetDecoder.declaredCharset(Array(head.utf8)) == charset)
    }

    @Test("GBK bytes are converted; bytes iconv cannot convert become U+FFFD, counted")
    func gbk() {
        let head = Array("<meta charset=\"gbk\">".utf8)
        let good = CharsetDecoder.decode(head + [0xD6, 0xD0, 0xB9, 0xFA]) // 中国
        #expect(String(decoding: good.utf8, as: UTF8.self).hasSuffix("中国"))
        #expect(good.invalid == 0)
        let bad = CharsetDecoder.decode(head + [0xD6, 0xD0, 0xFF, 0xB9, 0xFA])
        #expect(String(decoding: bad.utf8, as: UTF8.self).hasSuffix("中\u{FFFD}国"))
        #expect(bad.invalid == 1)
    }
}
