/// A key or mouse event, already decoded from the terminal.
public enum KeyEvent: Sendable, Hashable {
    case character(Character)
    /// Ctrl plus a letter, given as the lowercase letter.
    case control(Character)
    case enter, escape, backspace, tab, backTab
    case up, down, left, right, pageUp, pageDown, home, end, insert, delete
    /// F1…F12.
    case function(Int)
    case resize(width: Int, height: Int)
    case wheelUp, wheelDown
    case click(row: Int, column: Int)
}
