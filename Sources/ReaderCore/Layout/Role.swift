/// What a run of text is, typographically. Themes map roles to colours;
/// layout never names a colour.
public enum Role: String, Sendable, Equatable, Hashable, CaseIterable, Codable {
    case body
    case masthead // the paper's title
    case mastheadInfo // date, lunar date, issue, page count, publisher lines
    case kicker // 引题
    case headline // 主题
    case deck // 副题
    case byline
    case dateline // 电头
    case subhead // 小标题
    case editorsNote // 编者按
    case caption
    case rubric
    case pullQuote
    case rule // separators and the masthead's double rule
    case jumpLabel // a front-page block's number or letter
    case truncation // the … that says a block continues
    case status // the status bar
    case statusKey // key hints inside the status bar
    case match // a search match
    case selection // the selected row of a list
    case overlay // help / table of contents / prompts
    case notice // one-line messages
}
