"""Inputs for Scripts/bench: the sample edition, a ~10 MB edition built from it,
and the same texts as HTML for w3m.  Python stdlib only."""

import html
import os
import re

HEADLINE = re.compile(r"^(#{1,2}) (.*)$")


def split_masthead(text):
    """Splits an edition into (masthead lines, body lines).

    The masthead is the first `# ` line and the lines after it up to the first
    blank line that follows a run of masthead lines (the sample's 报头 is lines
    3-8); the body starts at the first paragraph after that blank line.
    """
    lines = text.split("\n")
    i = 0
    while i < len(lines) and not lines[i].startswith("# "):
        i += 1
    if i == len(lines):
        return [], lines
    j = i + 1
    while j < len(lines) and lines[j].strip() == "":
        j += 1
    while j < len(lines) and lines[j].strip() != "":
        j += 1
    return lines[: j + 1], lines[j + 1 :]


def renamed_body(body, page, first_article):
    """The body lines with every headline renamed `第N篇 …`; returns (lines, next N)."""
    out = []
    n = first_article
    for line in body:
        m = HEADLINE.match(line)
        if m:
            out.append(f"{m.group(1)} 第{n}篇 {m.group(2)}")
            n += 1
        else:
            out.append(line)
    return out, n


def large_edition(sample_text, target_bytes):
    """An edition of about target_bytes: the masthead once, then pages
    `## 第N版 要闻`, each holding one copy of the sample's articles under new
    numbered headlines (`## 第N篇 原标题`)."""
    masthead, body = split_masthead(sample_text)
    while body and body[-1].strip() == "":
        body.pop()
    parts = ["\n".join(masthead).rstrip("\n") + "\n"]
    size = len(parts[0].encode())
    page, article = 1, 1
    while size < target_bytes:
        lines, article = renamed_body(body, page, article)
        chunk = f"\n## 第{page}版 要闻\n\n" + "\n".join(lines) + "\n"
        parts.append(chunk)
        size += len(chunk.encode())
        page += 1
    return "".join(parts), page - 1, article - 1


def long_article(sample_text, target_bytes):
    """An edition of one long article (for page turns): the masthead, one
    headline, and the sample's paragraphs and subheads repeated to about
    target_bytes, so that every reader has many screens to turn through."""
    masthead, body = split_masthead(sample_text)
    paras = [l for l in body if not HEADLINE.match(l)]
    parts = ["\n".join(masthead).rstrip("\n") + "\n",
             "\n## 长文 株洲日报一年\n\n"]
    size = sum(len(p.encode()) for p in parts)
    n = 1
    while size < target_bytes:
        # Each copy's paragraphs start with `n、` so that the parser's
        # duplicate-paragraph repair (per article) keeps every copy.
        lines, fresh = [], True
        for l in paras:
            if l.strip() == "" or l.startswith("#"):
                fresh = True
                lines.append(l)
            else:
                lines.append(f"{n}、{l}" if fresh else l)
                fresh = False
        chunk = f"\n### 第{n}部分\n\n" + "\n".join(lines).strip("\n") + "\n"
        parts.append(chunk)
        size += len(chunk.encode())
        n += 1
    return "".join(parts)


def to_html(md_text, title):
    """The edition as simple HTML: `#` lines as <h1>/<h2>, `###` as <h3>,
    blank-line separated blocks as <p>, Markdown hard breaks as <br>."""
    out = [
        "<!DOCTYPE html>",
        '<html><head><meta charset="utf-8">',
        f"<title>{html.escape(title)}</title></head><body>",
    ]
    seen_h1 = False
    para = []

    def flush():
        if para:
            inner = "<br>\n".join(html.escape(l.rstrip()) for l in para)
            out.append(f"<p>{inner}</p>")
            para.clear()

    for line in md_text.split("\n"):
        if line.strip() == "":
            flush()
            continue
        m = re.match(r"^(#{1,6}) (.*)$", line)
        if m:
            flush()
            level = len(m.group(1))
            if level == 1 and not seen_h1:
                tag, seen_h1 = "h1", True
            elif level <= 2:
                tag = "h2"
            else:
                tag = "h3"
            out.append(f"<{tag}>{html.escape(m.group(2).strip())}</{tag}>")
            continue
        para.append(line)
    flush()
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def make_inputs(sample_path, workdir, target_bytes=10 * 1024 * 1024):
    """Writes sample, large and long (.md and .html) into workdir; returns a dict of
    name -> {md, html, bytes, pages, articles}."""
    with open(sample_path, encoding="utf-8") as f:
        sample = f.read()
    large, pages, articles = large_edition(sample, target_bytes)
    long = long_article(sample, 600_000)
    result = {}
    for name, text, pg, arts in (
        ("sample", sample, 1, None),
        ("large", large, pages, articles),
        ("long", long, 1, 1),
    ):
        md = os.path.join(workdir, f"{name}.md")
        ht = os.path.join(workdir, f"{name}.html")
        with open(md, "w", encoding="utf-8") as f:
            f.write(text)
        with open(ht, "w", encoding="utf-8") as f:
            f.write(to_html(text, "株洲日报"))
        result[name] = {
            "md": md,
            "html": ht,
            "bytes": os.path.getsize(md),
            "html_bytes": os.path.getsize(ht),
            "pages": pg,
            "articles": arts if arts is not None
            else sum(1 for l in text.split("\n") if HEADLINE.match(l)) - 1,
        }
    return result
