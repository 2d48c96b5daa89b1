/// Sets the masthead (报头) of the first 版 and the folio line of the others.
struct MastheadSetter {
    var masthead: Masthead
    var ambiguous: AmbiguousWidth
    /// The mark of a continued folio (LayoutWords.continued).
    var continued = "（续）"

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
            rows.append(
                LaidRow(runs: [PlacedRun(row: 0, column: titleLeft, text: title, role: .masthead)], source: nil))
            if understood {
                rows += packed(left + right, separator: " ", span: span, setter: setter, measure: measure)
            }
        }
        rows += packed(rest, separator: "  ", span: span, setter: setter, measure: measure)
        rows.append(
            LaidRow(
                runs: [
                    PlacedRun(
                        row: 0, column: 0, text: TextFit.rule("═", cells: span, measure: measure),
                        role: .rule)
                ], source: nil))
        return rows
    }

    /// The one-line head of later 版 and of continued screens, with a double rule.
    func folio(span: Int, page: Int, pageName: String?, continued: Bool) -> [LaidRow] {
        let measure = DisplayWidth(ambiguous: ambiguous)
        var leftText = masthead.title + "  第\(page)版"
        if let name = pageName, !name.isEmpty { leftText += " " + name }
        if continued { leftText += self.continued }
        let rightText = printedDate ?? ""
        var runs: [PlacedRun] = []
        let leftFit = TextFit.clip(leftText, to: span, measure: measure)
        runs.append(PlacedRun(row: 0, column: 0, text: leftFit, role: .mastheadInfo))
        let rightWidth = measure.of(rightText)
        if !rightText.isEmpty, measure.of(leftFit) + 2 + rightWidth <= span {
            runs.append(PlacedRun(row: 0, column: span - rightWidth, text: rightText, role: .mastheadInfo))
        }
        return [
            LaidRow(runs: runs, source: nil),
            LaidRow(
                runs: [
                    PlacedRun(
                        row: 0, column: 0, text: TextFit.rule("═", cells: span, measure: measure),
                        role: .rule)
                ], source: nil),
        ]
    }

    /// Centred lines holding as many whole `items` as fit in `span`, so that a
    /// narrow window breaks between 第23259期 and 今日8版, never inside one; only an
    /// item wider than the span is broken, by the line setter.
    private func packed(
        _ items: [String], separator: String, span: Int,
        setter: LineSetter, measure: DisplayWidth
    ) -> [LaidRow] {
        var lines: [String] = []
        for item in items where !item.isEmpty {
            // An item too wide for a line breaks at its own spaces first (主办 国内…).
            let words = measure.of(item) > span ? Self.words(of: item) : [item]
            for (n, word) in words.enumerated() {
                let gap = n == 0 ? separator : " "
                if let last = lines.last, measure.of(last) + measure.of(gap) + measure.of(word) <= span {
                    lines[lines.count - 1] = last + gap + word
                } else {
                    lines.append(word)
                }
            }
        }
        return lines.flatMap { setter.set($0, role: .mastheadInfo, width: span, align: .center) }
    }

    /// `text` split at spaces, keeping Latin words together with what follows
    /// them (CN 43-0005 stays one word).
    private static func words(of text: String) -> [String] {
        var words: [String] = []
        for piece in text.split(separator: " ") {
            if let last = words.last, let end = last.unicodeScalars.last, end.isASCII,
                let start = piece.unicodeScalars.first, start.isASCII
            {
                words[words.count - 1] = last + " " + piece
            } else {
                words.append(String(piece))
            }
        }
        return words
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
        if let date = printedDate, EditionScalars.occurs(date, in: line) { return true }
        if let lunar = masthead.lunarDate, EditionScalars.occurs(lunar, in: line) { return true }
        if let issue = masthead.issue, EditionScalars.occurs("第\(issue)期", in: line) { return true }
        return false
    }
}
