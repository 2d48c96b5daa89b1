/// Sets the masthead (报头) of the first 版 and the folio line of the others.
struct MastheadSetter {
    var masthead: Masthead
    var ambiguous: AmbiguousWidth

    /// The date as printed: 2023年3月29日.
    private var printedDate: String? {
        masthead.date.map { "\($0.year)年\($0.month)月\($0.day)日" }
    }

    /// The masthead across `span` cells: title (spaced out, centred) with the
    /// date and issue beside it when wide enough, the other lines below, a double rule.
    func rows(span: Int) -> [LaidRow] {
        let measure = DisplayWidth(ambiguous: ambiguous)
        let setter = LineSetter(ambiguous: ambiguous)
        let title = spacedTitle(fitting: span, measure: measure)
        let titleWidth = measure.of(title)
        var rows: [LaidRow] = []

        var left: [String] = []
        var right: [String] = []
        if let date = printedDate { left.append(date) }
        if let weekday = masthead.weekday { left.append(weekday) }
        if let lunar = masthead.lunarDate { right.append(lunar) }
        if let issue = masthead.issue { right.append("第\(issue)期") }
        if let pages = masthead.pageCount { right.append("今日\(pages)版") }
        let leftEar = left.joined(separator: " ")
        let rightEar = right.joined(separator: " ")
        let understood = !(left.isEmpty && right.isEmpty)
        let rest = understood ? masthead.lines.filter { !isUnderstood($0) } : masthead.lines

        let titleLeft = ((span - titleWidth) / 2) & ~1
        let earRoom = titleLeft - 2
        if understood, measure.of(leftEar) <= earRoom, measure.of(rightEar) <= earRoom {
            // Ears: date on the left of the title, lunar date and issue on the right, as printed.
            var runs = [PlacedRun(row: 0, column: titleLeft, text: title, role: .masthead)]
            if !leftEar.isEmpty { runs.append(PlacedRun(row: 0, column: 0, text: leftEar, role: .mastheadInfo)) }
            if !rightEar.isEmpty {
                runs.append(PlacedRun(row: 0, column: span - measure.of(rightEar), text: rightEar, role: .mastheadInfo))
            }
            rows.append(LaidRow(runs: runs, source: nil))
        } else {
            rows.append(LaidRow(runs: [PlacedRun(row: 0, column: titleLeft, text: title, role: .masthead)], source: nil))
            let info = (left + right).joined(separator: " ")
            if understood {
                rows += setter.set(info, role: .mastheadInfo, width: span, align: .center)
            }
        }
        let publisher = rest.joined(separator: "  ")
        if !publisher.isEmpty {
            rows += setter.set(publisher, role: .mastheadInfo, width: span, align: .center)
        }
        rows.append(LaidRow(runs: [PlacedRun(row: 0, column: 0, text: TextFit.rule("═", cells: span, measure: measure),
                                             role: .rule)], source: nil))
        return rows
    }

    /// The one-line head of later 版 and of continued screens, with a double rule.
    func folio(span: Int, page: Int, pageName: String?, continued: Bool) -> [LaidRow] {
        let measure = DisplayWidth(ambiguous: ambiguous)
        var leftText = masthead.title + "  第\(page)版"
        if let name = pageName, !name.isEmpty { leftText += " " + name }
        if continued { leftText += "（续）" }
        let rightText = printedDate ?? ""
        var runs: [PlacedRun] = []
        let leftFit = TextFit.clip(leftText, to: span, measure: measure)
        runs.append(PlacedRun(row: 0, column: 0, text: leftFit, role: .mastheadInfo))
        let rightWidth = measure.of(rightText)
        if !rightText.isEmpty, measure.of(leftFit) + 2 + rightWidth <= span {
            runs.append(PlacedRun(row: 0, column: span - rightWidth, text: rightText, role: .mastheadInfo))
        }
        return [LaidRow(runs: runs, source: nil),
                LaidRow(runs: [PlacedRun(row: 0, column: 0, text: TextFit.rule("═", cells: span, measure: measure),
                                         role: .rule)], source: nil)]
    }

    /// The title with an ideographic space between its characters when that fits.
    private func spacedTitle(fitting span: Int, measure: DisplayWidth) -> String {
        let title = masthead.title.isEmpty ? "报" : masthead.title
        let spaced = title.map(String.init).joined(separator: "\u{3000}")
        if measure.of(spaced) <= span - 4 { return spaced }
        return TextFit.clip(title, to: span, measure: measure)
    }

    /// Whether a masthead line only repeats the date, lunar date, issue or page count.
    private func isUnderstood(_ line: String) -> Bool {
        if let date = printedDate, line.contains(date) { return true }
        if let lunar = masthead.lunarDate, line.contains(lunar) { return true }
        if let issue = masthead.issue, line.contains("第\(issue)期") { return true }
        return false
    }
}
