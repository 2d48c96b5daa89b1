#!/usr/bin/env python3
"""Generate Sources/ReaderCore/Text/Generated/LineBreakTable.swift.

Reads Debian's unicode-data files (/usr/share/unicode):
  LineBreak.txt            Line_Break property (UAX #14)
  EastAsianWidth.txt       East_Asian_Width, for LB30 and the quote tailoring
  emoji/emoji-data.txt     Extended_Pictographic, for LB30b
  UnicodeData.txt          General_Category, for LB1 (SA) and unassigned (Cn)

Each code point gets one byte: bits 0-5 the resolved Line_Break class (LB1
applied: AI, SG, XX -> AL; SA -> CM if Mn/Mc else AL; CJ -> NS), bit 6 set when
East_Asian_Width is F, W or H, bit 7 set when the code point is
Extended_Pictographic and unassigned (LB30b). The table is written as a
two-stage lookup of integer literals (a page number for every 256 code points,
then each distinct page once), which Swift -O lays out at compile time: nothing
is decoded at start-up (docs/decisions/0055-unicode-tables-literal-arrays-laid-out.md).

Usage: python3 Scripts/gen-linebreak-table.py [UNICODE_DIR] > Sources/ReaderCore/Text/Generated/LineBreakTable.swift
"""
import re
import sys

# Order must match `LineBreakClass` in LineBreakClass.swift.
CLASSES = ["BK", "CR", "LF", "NL", "SP", "ZW", "ZWJ", "CM", "WJ", "GL", "BA", "BB",
           "B2", "HY", "CB", "CL", "CP", "EX", "IN", "NS", "OP", "QU", "IS", "NU",
           "PO", "PR", "SY", "AL", "HL", "ID", "EB", "EM", "H2", "H3", "JL", "JV",
           "JT", "RI"]
MAX = 0x110000


def records(path):
    """Yield (first, last, value) from a UCD semicolon file."""
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            fields = [x.strip() for x in line.split(";")]
            cps = fields[0].split("..")
            first = int(cps[0], 16)
            last = int(cps[-1], 16)
            yield first, last, fields[1]


def version(path):
    """The file's first-line name, plus the emoji version line if any."""
    with open(path, encoding="utf-8") as f:
        head = [next(f, "") for _ in range(10)]
    m = re.match(r"#\s*(\S+)", head[0])
    name = m.group(1) if m else "?"
    for line in head:
        e = re.search(r"Emoji Version (\S+)", line)
        if e:
            name += " (Emoji %s)" % e.group(1)
    return name


def main():
    base = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/unicode"
    lb_path = base + "/LineBreak.txt"
    eaw_path = base + "/EastAsianWidth.txt"
    emoji_path = base + "/emoji/emoji-data.txt"
    ud_path = base + "/UnicodeData.txt"

    # General category; unassigned code points stay "Cn".
    gc = ["Cn"] * MAX
    with open(ud_path, encoding="utf-8") as f:
        pending = None
        for line in f:
            fields = line.split(";")
            cp = int(fields[0], 16)
            name, cat = fields[1], fields[2]
            if name.endswith(", First>"):
                pending = cp
                continue
            if name.endswith(", Last>") and pending is not None:
                for c in range(pending, cp + 1):
                    gc[c] = cat
                pending = None
                continue
            gc[cp] = cat

    # Line_Break with the documented defaults for unlisted code points.
    lb = ["XX"] * MAX
    for first, last, value in [(0x3400, 0x4DBF, "ID"), (0x4E00, 0x9FFF, "ID"),
                               (0xF900, 0xFAFF, "ID"), (0x20000, 0x2FFFD, "ID"),
                               (0x30000, 0x3FFFD, "ID"), (0x1F000, 0x1FAFF, "ID"),
                               (0x1FC00, 0x1FFFD, "ID"), (0x20A0, 0x20CF, "PR")]:
        for c in range(first, last + 1):
            lb[c] = value
    for first, last, value in records(lb_path):
        for c in range(first, last + 1):
            lb[c] = value

    wide = [False] * MAX
    for first, last, value in [(0x3400, 0x4DBF, "W"), (0x4E00, 0x9FFF, "W"),
                               (0xF900, 0xFAFF, "W"), (0x20000, 0x2FFFD, "W"),
                               (0x30000, 0x3FFFD, "W")]:
        for c in range(first, last + 1):
            wide[c] = True
    for first, last, value in records(eaw_path):
        for c in range(first, last + 1):
            wide[c] = value in ("F", "W", "H")

    pictographic = [False] * MAX
    for first, last, value in records(emoji_path):
        if value == "Extended_Pictographic":
            for c in range(first, last + 1):
                pictographic[c] = True

    def resolve(c):
        v = lb[c]
        if v in ("AI", "SG", "XX"):
            return "AL"
        if v == "SA":
            return "CM" if gc[c] in ("Mn", "Mc") else "AL"
        if v == "CJ":
            return "NS"
        return v

    table = bytearray(MAX)
    for c in range(MAX):
        value = CLASSES.index(resolve(c))
        if wide[c]:
            value |= 0x40
        if pictographic[c] and gc[c] == "Cn":
            value |= 0x80
        table[c] = value

    # Two stages: pages of 256 code points, each distinct page stored once.
    pages, distinct, blocks = [], {}, bytearray()
    for start in range(0, MAX, 256):
        page = bytes(table[start:start + 256])
        if page not in distinct:
            distinct[page] = len(distinct)
            blocks += page
        pages.append(distinct[page])
    assert max(pages) < 1 << 16

    def literals(values, per_line):
        return "".join("        " + ", ".join(str(v) for v in values[k:k + per_line]) + ",\n"
                       for k in range(0, len(values), per_line))

    out = sys.stdout
    out.write("// swift-format-ignore-file\n")
    out.write("// (generated: the soundness step diffs it against its generator's output, so the formatter leaves it alone)\n")
    out.write("// GENERATED FILE - DO NOT EDIT.\n")
    out.write("// Sources: %s, %s, %s, %s (Debian unicode-data).\n" % (
        version(lb_path), version(eaw_path), version(emoji_path), "UnicodeData.txt"))
    out.write("// Unicode version: %s\n" % version(lb_path).replace("LineBreak-", "").replace(".txt", ""))
    out.write("// Regenerate: python3 Scripts/gen-linebreak-table.py /usr/share/unicode"
              " > Sources/ReaderCore/Text/Generated/LineBreakTable.swift\n")
    out.write("//\n// One byte per code point: bits 0-5 the Line_Break class after LB1\n")
    out.write("// (index into LineBreakClass), bit 6 East_Asian_Width F/W/H, bit 7\n")
    out.write("// Extended_Pictographic and unassigned. Two stages: the byte of code point c\n")
    out.write("// is blocks[Int(pages[c >> 8]) << 8 | c & 0xFF]. Integer literals, so that\n")
    out.write("// Swift -O lays the arrays out at compile time.\n\n")
    out.write("enum LineBreakTable {\n")
    out.write("    /// Number in `blocks` of each page of 256 code points (%d pages).\n" % len(pages))
    out.write("    static let pages: [UInt16] = [\n")
    out.write(literals(pages, 24))
    out.write("    ]\n\n")
    out.write("    /// The %d distinct pages, one byte per code point.\n" % (len(blocks) // 256))
    out.write("    static let blocks: [UInt8] = [\n")
    out.write(literals(list(blocks), 32))
    out.write("    ]\n}\n")


if __name__ == "__main__":
    main()
