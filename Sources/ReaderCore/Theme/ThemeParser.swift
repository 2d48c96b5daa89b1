/// Reads the JSON theme format:
///
/// ```json
/// { "name": "night",
///   "base": { "fg": "#d0d0c8", "bg": "#1c1c1c" },
///   "roles": { "headline": { "fg": "brightwhite", "bold": true }, … } }
/// ```
///
/// Every role in `roles` starts from `base` (optional) and overrides its
/// fields: `fg`, `bg` (a colour name, 0–255 or "#rrggbb", or "default") and
/// `bold`, `dim`, `italic`, `underline`, `reverse` (true/false). Roles left out
/// are drawn like `body`. Anything unknown is an error naming the field.
public enum ThemeParser {
    /// The keys of a style object.
    static let styleKeys = ["fg", "bg", "bold", "dim", "italic", "underline", "reverse"]

    /// Parses `bytes`; `file` names the source in errors.
    public static func parse(_ bytes: [UInt8], file: String) throws(ThemeError) -> Theme {
        let root: JSONValue
        do {
            root = try JSONValue.parse(bytes)
        } catch {
            throw ThemeError(
                file: file, field: "",
                message: "not valid JSON at line \(error.line), column \(error.column): \(error.message)")
        }
        guard case .object(let top) = root else {
            throw ThemeError(file: file, field: "", message: "expected an object, found \(root.kindName)")
        }
        for key in top.keys.sorted() where !["name", "description", "base", "roles"].contains(key) {
            throw ThemeError(
                file: file, field: key,
                message: "unknown field (expected name, description, base, roles)")
        }
        guard case .string(let name)? = top["name"], !name.isEmpty else {
            throw ThemeError(file: file, field: "name", message: "missing: a theme needs a name")
        }
        if let d = top["description"] {
            guard case .string = d else {
                throw ThemeError(file: file, field: "description", message: "expected a string, found \(d.kindName)")
            }
        }
        var base = RoleStyle()
        if let value = top["base"] {
            base = try style(value, over: RoleStyle(), file: file, field: "base")
        }
        guard let rolesValue = top["roles"] else {
            throw ThemeError(file: file, field: "roles", message: "missing: map each role to a style")
        }
        guard case .object(let roles) = rolesValue else {
            throw ThemeError(file: file, field: "roles", message: "expected an object, found \(rolesValue.kindName)")
        }
        var styles: [Role: RoleStyle] = [:]
        for key in roles.keys.sorted() {
            guard let role = Role(rawValue: key) else {
                throw ThemeError(
                    file: file, field: "roles.\(key)",
                    message: "unknown role (roles: \(Role.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            styles[role] = try style(roles[key]!, over: base, file: file, field: "roles.\(key)")
        }
        if styles[.body] == nil, top["base"] != nil { styles[.body] = base }
        return Theme(name: name, styles: styles)
    }

    /// One style object laid over `start`.
    static func style(
        _ value: JSONValue, over start: RoleStyle, file: String, field: String
    ) throws(ThemeError) -> RoleStyle {
        guard case .object(let fields) = value else {
            throw ThemeError(file: file, field: field, message: "expected an object, found \(value.kindName)")
        }
        var style = start
        for key in fields.keys.sorted() {
            let here = "\(field).\(key)"
            let item = fields[key]!
            switch key {
            case "fg": style.foreground = try color(item, file: file, field: here)
            case "bg": style.background = try color(item, file: file, field: here)
            case "bold", "dim", "italic", "underline", "reverse":
                guard case .bool(let on) = item else {
                    throw ThemeError(file: file, field: here, message: "expected true or false, found \(item.kindName)")
                }
                switch key {
                case "bold": style.bold = on
                case "dim": style.dim = on
                case "italic": style.italic = on
                case "underline": style.underline = on
                default: style.reverse = on
                }
            default:
                throw ThemeError(
                    file: file, field: here,
                    message: "unknown field (expected \(styleKeys.joined(separator: ", ")))")
            }
        }
        return style
    }

    /// A colour value: a name or "#rrggbb" string, or a palette index.
    static func color(_ value: JSONValue, file: String, field: String) throws(ThemeError) -> ThemeColor {
        let expected = "expected a colour name such as \"blue\" or \"brightblue\", 0–255, \"#rrggbb\" or \"default\""
        switch value {
        case .string(let text):
            guard let color = ThemeColor(name: text) else {
                throw ThemeError(file: file, field: field, message: "unknown colour \"\(text)\" (\(expected))")
            }
            return color
        case .number(let n):
            guard n == n.rounded(), n >= 0, n <= 255 else {
                throw ThemeError(file: file, field: field, message: "palette index \(n) out of range (\(expected))")
            }
            return .palette(Int(n))
        default:
            throw ThemeError(file: file, field: field, message: "\(expected), found \(value.kindName)")
        }
    }
}
