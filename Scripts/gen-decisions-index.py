#!/usr/bin/env python3
"""Rebuilds the table in docs/decisions/README.md from the records' own title and
Status lines, so the index cannot drift from the files.

Usage: Scripts/gen-decisions-index.py [--check]   (--check: exit 1 if the index is stale)
"""
import pathlib
import re
import sys

folder = pathlib.Path(__file__).resolve().parent.parent / "docs" / "decisions"
index = folder / "README.md"

rows = ["| # | Decision | Status |", "|---|---|---|"]
for record in sorted(folder.glob("[0-9][0-9][0-9][0-9]-*.md")):
    lines = record.read_text(encoding="utf-8").splitlines()
    title = re.sub(r"^# \d{4}\.\s*", "", lines[0]).strip()
    status = next((l[len("Status:"):].strip() for l in lines if l.startswith("Status:")), "accepted")
    status = re.sub(r"\[(\d{4})\]\([^)]*\)", r"\1", status)
    rows.append(f"| [{record.name[:4]}]({record.name}) | {title} | {status} |")

text = index.read_text(encoding="utf-8")
head = text[: text.index("| # | Decision | Status |")]
new = head + "\n".join(rows) + "\n"
if "--check" in sys.argv:
    sys.exit(0 if new == text else 1)
index.write_text(new, encoding="utf-8")
