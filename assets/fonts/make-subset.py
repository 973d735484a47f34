#!/usr/bin/python3
"""Rebuild wqy-microhei-subset.ttf: font 0 of Debian's fonts-wqy-microhei TTC
cut to ASCII, Latin-1, common punctuation and symbols, all of GB2312 (the
6,763 common simplified characters) and every character used by the shipped
catalog and translations, so Chinese renders on a machine without CJK fonts
and the PDF report can embed it. Run `make font` after adding text that may
use rarer characters; the assets tests fail when a character is missing.

Needs Debian packages fonts-wqy-microhei and python3-fonttools (system python3).
"""
import glob, os, sys
from fontTools import subset
from fontTools.ttLib import TTFont

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)
src = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"

chars = set()
ranges = [(0x20, 0x7E), (0xA0, 0xFF), (0x2000, 0x206F), (0x2190, 0x21FF), (0x2200, 0x22FF),
          (0x2460, 0x24FF), (0x2500, 0x25FF), (0x2600, 0x26FF), (0x3000, 0x303F), (0xFF00, 0xFFEF)]
for lo, hi in ranges:
    chars.update(chr(c) for c in range(lo, hi + 1))
for hi in range(0xB0, 0xF8):          # GB2312 hanzi rows 16–87
    for lo in range(0xA1, 0xFF):
        try:
            chars.add(bytes([hi, lo]).decode("gb2312"))
        except UnicodeDecodeError:
            pass
for pattern in ("catalog/*.json", "i18n/*.json", "../FyneApp.toml"):
    for path in glob.glob(os.path.join(root, pattern)):
        with open(path, encoding="utf-8") as f:
            chars.update(f.read())

chars = {c for c in chars if c.isprintable() or c == " "}
opts = subset.Options()
opts.font_number = 0
opts.layout_features = ["*"]
opts.name_IDs = ["*"]
opts.notdef_outline = True
opts.glyph_names = False
font = TTFont(src, fontNumber=0, lazy=False)
sub = subset.Subsetter(opts)
sub.populate(text="".join(sorted(chars)))
sub.subset(font)
out = os.path.join(here, "wqy-microhei-subset.ttf")
font.save(out)
print(f"{out}: {len(chars)} characters requested, {os.path.getsize(out)} bytes", file=sys.stderr)
