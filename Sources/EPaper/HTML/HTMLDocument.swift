internal import CLibXML2
import ReaderCore

/// The one adapter over libxml2's HTML parser: UTF-8 bytes in, a tree of `HTMLNode`
/// out. libxml2 does what a browser does with real pages (unclosed `<p>`, unknown
/// tags such as `<founder-content>`, entities); no C type leaves this file. The library
/// is loaded on first use, so a reader started on a Markdown edition never loads it.
///
/// Every text, comment and attribute value passes through `ContentSanitizer`, so a
/// control character written as an entity (`&#27;`) cannot reach the terminal either.
public struct HTMLDocument: Sendable {
    /// Whether libxml2 could be loaded (it is opened on first use, see CLibXML2/shim.h).
    public static var isAvailable: Bool { bs_xml_available() != 0 }

    /// The `#document` node holding the page's top-level nodes.
    public let root: HTMLNode
    /// Control and bidi characters replaced by the sanitiser.
    public let replacedControls: Int

    /// Parses `utf8` (already converted to UTF-8; see `CharsetDecoder`). Broken markup is
    /// recovered; the parser prints nothing and never opens a network connection.
    public init(utf8 bytes: [UInt8]) {
        var builder = Builder()
        let count = Int32(clamping: bytes.count)
        let doc: htmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    bs_html_read($0, count)
                }
            } ?? nil
        }
        var top: [HTMLNode] = []
        if let doc {
            var node = doc.pointee.children
            while let current = node {
                if let converted = builder.convert(current, depth: 0) { top.append(converted) }
                node = current.pointee.next
            }
            bs_xml_free_doc(doc)
        }
        root = HTMLNode(kind: .element, name: "#document", children: top)
        replacedControls = builder.replaced
    }

    /// Turns libxml2 nodes into `HTMLNode`s, counting sanitiser replacements.
    private struct Builder {
        var replaced = 0
        private let sanitizer = ContentSanitizer()

        /// `node` and its descendants, or nil for nodes that hold no content (DTD, entity declarations).
        mutating func convert(_ node: xmlNodePtr, depth: Int) -> HTMLNode? {
            switch node.pointee.type {
            case XML_ELEMENT_NODE:
                var element = HTMLNode(kind: .element, name: Self.string(node.pointee.name).lowercased())
                var attribute = node.pointee.properties
                while let current = attribute {
                    let name = Self.string(current.pointee.name).lowercased()
                    if let value = bs_xml_node_content(
                        UnsafeMutableRawPointer(current).assumingMemoryBound(to: xmlNode.self))
                    {
                        element.attributes[name] = clean(String(cString: value))
                        bs_xml_free(value)
                    } else {
                        element.attributes[name] = ""
                    }
                    attribute = current.pointee.next
                }
                // libxml2 stops nesting at 256 levels; the guard keeps the recursion bounded anyway.
                guard depth < 512 else { return element }
                var child = node.pointee.children
                while let current = child {
                    if let converted = convert(current, depth: depth + 1) { element.children.append(converted) }
                    child = current.pointee.next
                }
                return element
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                return HTMLNode(kind: .text, text: clean(Self.string(node.pointee.content)))
            case XML_COMMENT_NODE:
                return HTMLNode(kind: .comment, text: clean(Self.string(node.pointee.content)))
            default:
                return nil
            }
        }

        /// `text` sanitised, counting what was replaced.
        private mutating func clean(_ text: String) -> String {
            let result = sanitizer.sanitize(text)
            replaced += result.replaced
            return result.text
        }

        /// A libxml2 string (UTF-8, NUL-terminated) as a Swift string; "" for NULL.
        private static func string(_ pointer: UnsafePointer<xmlChar>?) -> String {
            guard let pointer else { return "" }
            return String(cString: pointer)
        }
    }
}
