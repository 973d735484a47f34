package assets

import _ "embed"

// FontCJK is a TrueType subset of WenQuanYi Micro Hei with Latin and the
// common simplified Chinese characters (see fonts/README.md), for the PDF
// report, which embeds it (its PDF library takes TrueType only).
//
//go:embed fonts/wqy-microhei-subset.ttf
var FontCJK []byte

// FontGUI holds the same glyphs as FontCJK with CFF outlines. The GUI theme
// serves it so a machine without CJK fonts shows no boxes. Fyne loads its
// font once per text style, and its text library parses every TrueType
// outline up front but reads CFF outlines when it draws them: the same
// glyphs cost half the memory this way (make-subset.py builds both).
//
//go:embed fonts/wqy-microhei-subset.otf
var FontGUI []byte

// FontGUIName is FontGUI's file name, as Fyne resources want one.
const FontGUIName = "wqy-microhei-subset.otf"

// FontLicence is the licence of the bundled font (Apache-2.0).
//
//go:embed fonts/LICENSE-Apache-2.0
var FontLicence string

// FontNotice credits the font's authors, for the About dialog and reports.
//
//go:embed fonts/README.md
var FontNotice string
