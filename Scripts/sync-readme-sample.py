#!/usr/bin/env python3
"""Pastes `broadsheet --dump --width 80 --height 24` of the bundled edition into the
README's "What it looks like" block (ReadmeSampleTests fails until the two agree).

Usage: Scripts/sync-readme-sample.py [path/to/broadsheet]   (default .build/debug/broadsheet)
"""
import pathlib
import subprocess
import sys

root = pathlib.Path(__file__).resolve().parent.parent
binary = sys.argv[1] if len(sys.argv) > 1 else str(root / ".build" / "debug" / "broadsheet")
screen = subprocess.run([binary, "--dump", "--width", "80", "--height", "24",
                         str(root / "Editions" / "2023-03-29-zhuzhou-daily.md")],
                        check=True, capture_output=True, text=True).stdout.rstrip("\n")
readme = root / "README.md"
text = readme.read_text(encoding="utf-8")
section = text.index("## What it looks like")
start = text.index("```text\n", section) + len("```text\n")
end = text.index("\n```", start)
readme.write_text(text[:start] + screen + text[end:], encoding="utf-8")
