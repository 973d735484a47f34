#!/usr/bin/python3
"""Rebuild wqy-microhei-subset.ttf and .otf: font 0 of Debian's fonts-wqy-microhei TTC
cut to ASCII, Latin-1, common punctuation and symbols, all of GB2312 (the
6,763 common simplified characters) and every character used by the shipped
catalog and translations, so Chinese renders on a machine without CJK fonts
and the PDF report can embed it. The .otf holds the same glyphs with CFF
outlines, for the GUI: Fyne's text library parses every TrueType outline
when it loads a font, once per text style (≈ 3 MiB of structures each
time), but keeps CFF outlines as the bytes they are and reads a glyph when
it draws one. The PDF keeps the .ttf: its library embeds TrueType only. Run `make font` after adding text that may
use rarer characters; the assets tests fail when a character is missing.

Needs Debian packages fonts-wqy-microhei, fonts-dejavu-core and python3-fonttools (system python3).
"""
import glob, os, sys
from fontTools import subset
from fontTools.fontBuilder import FontBuilder
from fontTools.pens.recordingPen import DecomposingRecordingPen
from fontTools.pens.t2CharStringPen import T2CharStringPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)
src = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
fallback = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"

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
shipped = set()
for pattern in ("catalog/*.json", "i18n/*.json", "../FyneApp.toml"):
    for path in glob.glob(os.path.join(root, pattern)):
        with open(path, encoding="utf-8") as f:
            shipped.update(f.read())
chars |= shipped

chars = {c for c in chars if c.isprintable() or c == " "}
shipped &= chars
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

# A few symbols the catalog's steps name (☰ ⋮ ⋯, the apps' menu buttons)
# are not in WenQuanYi: take them from DejaVu Sans (same 2048 units per
# em), so the steps show them in the GUI and the PDF instead of a box.
dejavu = TTFont(fallback)
assert dejavu["head"].unitsPerEm == font["head"].unitsPerEm
have, spare = font.getBestCmap(), dejavu.getBestCmap()
notdef = font.getGlyphOrder()[0]
added = []
for c in sorted(ord(ch) for ch in shipped):
    if c in have or c not in spare:
        continue
    recording = DecomposingRecordingPen(dejavu.getGlyphSet())
    dejavu.getGlyphSet()[spare[c]].draw(recording)
    pen = TTGlyphPen(None)
    recording.replay(pen)
    name = f"uni{c:04X}"
    font["glyf"][name] = pen.glyph()
    font["hmtx"][name] = dejavu["hmtx"][spare[c]]
    if "vmtx" in font:
        font["vmtx"][name] = font["vmtx"][notdef]
    for table in font["cmap"].tables:
        if table.isUnicode() and (c <= 0xFFFF or table.format == 12):
            table.cmap[c] = name
    added.append(chr(c))
font.setGlyphOrder(font["glyf"].glyphOrder)
if added:
    print("from DejaVu Sans: " + " ".join(added), file=sys.stderr)
out = os.path.join(here, "wqy-microhei-subset.ttf")
font.save(out)
print(f"{out}: {len(chars)} characters requested, {os.path.getsize(out)} bytes", file=sys.stderr)

# The same font with CFF outlines: each quadratic TrueType curve is drawn
# as the cubic it equals (composites decomposed), advances kept, the
# TrueType-only tables dropped; cmap, metrics, names and layout tables stay.
font = TTFont(out)
order = font.getGlyphOrder()
glyphs = font.getGlyphSet()
charstrings = {}
for name in order:
    pen = T2CharStringPen(font["hmtx"][name][0], glyphs)
    glyphs[name].draw(pen)
    charstrings[name] = pen.getCharString()
for tag in ("glyf", "loca", "fpgm", "prep", "cvt ", "gasp", "hdmx", "LTSH", "VDMX"):
    if tag in font:
        del font[tag]
font.sfntVersion = "OTTO"
names = font["name"]
ps_name = names.getDebugName(6) or "WenQuanYiMicroHei"
builder = FontBuilder(font=font)
builder.isTTF = False
builder.setupCFF(ps_name, {"FullName": names.getDebugName(4) or ps_name, "FamilyName": names.getDebugName(1) or ps_name},
                 charstrings, {})
builder.setupMaxp()
font["post"].formatType = 3.0
# Decomposed, the glyphs that were only components are unused: cut them.
sub = subset.Subsetter(opts)
sub.populate(text="".join(sorted(chars)))
sub.subset(font)
otf = os.path.join(here, "wqy-microhei-subset.otf")
font.save(otf)
order = font.getGlyphOrder()
print(f"{otf}: {len(order)} glyphs, {os.path.getsize(otf)} bytes", file=sys.stderr)
