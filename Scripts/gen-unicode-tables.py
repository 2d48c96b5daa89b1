#!/usr/bin/env python3
"""Generate Sources/ReaderCore/Text/Generated/WidthTable.swift from the
Unicode Character Database (Debian package unicode-data, /usr/share/unicode).

Usage:
    python3 Scripts/gen-unicode-tables.py [--ucd DIR] [--output FILE]
    python3 Scripts/gen-unicode-tables.py --dump-widths FILE
        also writes one character per code point (width kind 0-4, u unassigned),
        for comparing with other wcwidth implementations

Reads ReadMe.txt (the UCD version), UnicodeData.txt, EastAsianWidth.txt,
PropList.txt, auxiliary/GraphemeBreakProperty.txt and emoji/emoji-data.txt.
Standard library only.

Width rules (UAX #11 plus emoji presentation, aligned with glibc's wcwidth,
which ncursesw uses to place characters; see docs/decisions/0012-display-width-generated-run-length-table.md):
    Cc, U+2028, U+2029                  control: 0, never printed
    Mn, Me, Cf                          0 (Cf except Prepended_Concatenation_Mark: 1)
    U+1160..11FF, U+D7B0..D7FF          0 (Hangul medial vowels, final consonants)
    East_Asian_Width W or F             2
    Emoji_Presentation                  2 (except Regional_Indicator: 1, a pair is 2)
    U+3248..324F, U+4DC0..4DFF          2 (as glibc; Unicode 16 makes 4DC0..4DFF W)
    East_Asian_Width A                  ambiguous: 1, or 2 when asked
    everything else                     1

Every code point gets one byte:
    bits 0-2  width kind: 0 zero-width, 1 narrow, 2 wide, 3 ambiguous,
              4 control (zero width, must never be printed)
    bit 3     joins a neighbour in a grapheme cluster (Extend, ZWJ, SpacingMark,
              Prepend, Regional_Indicator, Hangul L/V/T); text without such
              scalars can be measured scalar by scalar
    bit 4     Emoji (takes VS15/VS16 presentation selectors)
    bit 5     Extended_Pictographic (joins emoji ZWJ sequences)
The table is written as a two-stage lookup of integer literals: `blocks` gives
for each block of 128 code points the number of its block in `bytes`, which
holds each distinct block once. Swift -O lays such literal arrays out in the
binary, so nothing is decoded or built at start-up (docs/decisions/0055-unicode-tables-literal-arrays-laid-out.md).
"""

import argparse
import os
import re
import sys

ZERO, NARROW, WIDE, AMBIGUOUS, CONTROL = 0, 1, 2, 3, 4
JOINS, EMOJI, PICTOGRAPHIC = 0x08, 0x10, 0x20
MAX = 0x10FFFF

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_OUTPUT = os.path.join(ROOT, "Sources", "ReaderCore", "Text", "Generated", "WidthTable.swift")


def find(ucd, name):
    """Path of a UCD file, looked up in the usual Debian subfolders."""
    for sub in ("", "auxiliary", "emoji"):
        path = os.path.join(ucd, sub, name)
        if os.path.exists(path):
            return path
    sys.exit(f"gen-unicode-tables: {name} not found under {ucd} (install unicode-data)")


def version_of(path):
    """The Unicode version named in a data file's header, or None."""
    with open(path, encoding="utf-8") as f:
        head = "".join(f.readline() for _ in range(30))
    for pattern in (r"-(\d+\.\d+\.\d+)\.txt", r"for Version (\d+\.\d+\.\d+)",
                    r"Emoji Version (\d+\.\d+)"):
        m = re.search(pattern, head)
        if m:
            return m.group(1)
    return None


def property_ranges(path):
    """(first, last, value) triples of a semicolon-separated UCD property file."""
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            cps, value = [field.strip() for field in line.split(";")[:2]]
            first, _, last = cps.partition("..")
            yield int(first, 16), int(last or first, 16), value


def categories(path):
    """General_Category of every assigned code point (None where unassigned)."""
    cat = [None] * (MAX + 1)
    start = None
    with open(path, encoding="utf-8") as f:
        for line in f:
            fields = line.split(";")
            cp, name, gc = int(fields[0], 16), fields[1], fields[2]
            if name.endswith(", First>"):
                start = cp
                continue
            if name.endswith(", Last>"):
                for c in range(start, cp + 1):
                    cat[c] = gc
                continue
            cat[cp] = gc
    return cat


def build(ucd):
    """The per-code-point bytes and the sources used."""
    paths = {name: find(ucd, name) for name in (
        "ReadMe.txt", "UnicodeData.txt", "EastAsianWidth.txt", "PropList.txt",
        "GraphemeBreakProperty.txt", "emoji-data.txt")}
    cat = categories(paths["UnicodeData.txt"])

    eaw = ["N"] * (MAX + 1)
    # Defaults for unlisted code points, from the header of EastAsianWidth.txt.
    for first, last in ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF),
                        (0x20000, 0x2FFFD), (0x30000, 0x3FFFD)):
        for c in range(first, last + 1):
            eaw[c] = "W"
    for first, last, value in property_ranges(paths["EastAsianWidth.txt"]):
        for c in range(first, last + 1):
            eaw[c] = value

    gcb = [None] * (MAX + 1)
    for first, last, value in property_ranges(paths["GraphemeBreakProperty.txt"]):
        for c in range(first, last + 1):
            gcb[c] = value

    emoji, presentation, pictographic = set(), set(), set()
    for first, last, value in property_ranges(paths["emoji-data.txt"]):
        target = {"Emoji": emoji, "Emoji_Presentation": presentation,
                  "Extended_Pictographic": pictographic}.get(value)
        if target is not None:
            target.update(range(first, last + 1))

    concatenation_marks = set()
    for first, last, value in property_ranges(paths["PropList.txt"]):
        if value == "Prepended_Concatenation_Mark":
            concatenation_marks.update(range(first, last + 1))

    table = bytearray(MAX + 1)
    for c in range(MAX + 1):
        gc = cat[c]
        if gc in ("Cc", "Zl", "Zp"):
            kind = CONTROL
        elif c in concatenation_marks:
            # Visible signs that span the digits after them (U+0600 ARABIC NUMBER SIGN).
            kind = NARROW
        elif gc in ("Mn", "Me", "Cf"):
            # Non-spacing and enclosing marks draw on the previous cell; format
            # characters (ZWJ, soft hyphen, bidi marks) are invisible.
            kind = ZERO
        elif 0x1160 <= c <= 0x11FF or 0xD7B0 <= c <= 0xD7FF:
            # Hangul medial vowels and final consonants join the initial jamo's two cells.
            kind = ZERO
        elif eaw[c] in ("W", "F"):
            kind = WIDE
        elif c in presentation and not 0x1F1E6 <= c <= 0x1F1FF:
            # A lone regional indicator is a letter (1 cell); a flag pair makes 2.
            kind = WIDE
        elif 0x3248 <= c <= 0x324F or 0x4DC0 <= c <= 0x4DFF:
            # Circled numbers on black squares and Yijing hexagrams come from CJK
            # fonts at ideograph size; glibc's wcwidth (and ncurses) gives 2.
            kind = WIDE
        elif eaw[c] == "A":
            kind = AMBIGUOUS
        else:
            kind = NARROW
        if 0xD800 <= c <= 0xDFFF:
            kind = NARROW  # surrogates are never scalars; any value will do
        byte = kind
        if gcb[c] in ("Extend", "ZWJ", "SpacingMark", "Prepend", "Regional_Indicator", "L", "V", "T"):
            byte |= JOINS
        if c in emoji:
            byte |= EMOJI
        if c in pictographic:
            byte |= PICTOGRAPHIC
        table[c] = byte
    return table, paths, cat


BLOCK_SHIFT = 7


def two_stage(table):
    """(block numbers, distinct blocks' bytes): code point c has byte
    blocks_bytes[blocks[c >> BLOCK_SHIFT] << BLOCK_SHIFT | c & (size - 1)]."""
    size = 1 << BLOCK_SHIFT
    numbers, distinct, data = [], {}, bytearray()
    for start in range(0, MAX + 1, size):
        block = bytes(table[start:start + size])
        if block not in distinct:
            distinct[block] = len(distinct)
            data += block
        numbers.append(distinct[block])
    return numbers, data


def literal_lines(values, per_line, indent="        "):
    """Comma-separated integer literals, `per_line` to a line."""
    return "\n".join(indent + ", ".join(str(v) for v in values[k:k + per_line]) + ","
                     for k in range(0, len(values), per_line))


def swift_source(table, paths, ucd):
    """The text of WidthTable.swift."""
    ucd_version = version_of(paths["ReadMe.txt"])
    for name, path in paths.items():
        v = version_of(path)
        if v and not (ucd_version + ".").startswith(v + "."):
            sys.exit(f"gen-unicode-tables: {name} is Unicode {v}, ReadMe.txt says {ucd_version}")
    blocks, data = two_stage(table)
    assert max(blocks) < 1 << 16
    command = "python3 Scripts/gen-unicode-tables.py"
    if os.path.abspath(ucd) != "/usr/share/unicode":
        command += f" --ucd {ucd}"
    sources = "\n".join(f"//   {os.path.relpath(p, ucd)}" + (f" ({version_of(p)})" if version_of(p) else "")
                        for p in paths.values())
    return f"""// swift-format-ignore-file
// (generated: the soundness step diffs it against its generator's output, so the formatter leaves it alone)
// GENERATED FILE. DO NOT EDIT.
// Display width table, Unicode {ucd_version}.
// Source: Unicode Character Database {ucd_version} from Debian unicode-data, {ucd}:
{sources}
// Regenerate: {command}
//
// Two-stage lookup: the byte of code point c is
//   bytes[Int(blocks[c >> {BLOCK_SHIFT}]) << {BLOCK_SHIFT} | c & {(1 << BLOCK_SHIFT) - 1}]
// Byte: bits 0-2 width kind (0 zero, 1 narrow, 2 wide, 3 ambiguous, 4 control),
// 0x08 joins a neighbour in a grapheme cluster, 0x10 Emoji, 0x20 Extended_Pictographic.
// Integer literals, so that Swift -O lays the arrays out at compile time.

/// The generated Unicode data behind `DisplayWidth`.
enum WidthTable {{
    /// Unicode version the table was generated from.
    static let unicodeVersion = "{ucd_version}"

    /// Code points per block: 1 << blockShift.
    static let blockShift: UInt32 = {BLOCK_SHIFT}

    /// Number in `bytes` of each block of code points ({len(blocks)} blocks).
    static let blocks: [UInt16] = [
{literal_lines(blocks, 24)}
    ]

    /// The {len(data) >> BLOCK_SHIFT} distinct blocks, one byte per code point.
    static let bytes: [UInt8] = [
{literal_lines(list(data), 32)}
    ]
}}
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--ucd", default="/usr/share/unicode", help="UCD folder (default %(default)s)")
    parser.add_argument("--output", default=DEFAULT_OUTPUT)
    parser.add_argument("--dump-widths", dest="dump", metavar="FILE",
                        help="also write one width kind per code point to FILE")
    args = parser.parse_args()
    table, paths, cat = build(args.ucd)
    if args.dump:
        with open(args.dump, "w") as f:
            f.write("".join(str(b & 7) if cat[c] else "u" for c, b in enumerate(table)))
    source = swift_source(table, paths, args.ucd)
    os.makedirs(os.path.dirname(args.output), exist_ok=True)
    with open(args.output, "w", encoding="utf-8") as f:
        f.write(source)
    print(f"wrote {args.output}", file=sys.stderr)


if __name__ == "__main__":
    main()
