package assets

import _ "embed"

// FontCJK is a TrueType subset of WenQuanYi Micro Hei with Latin and the
// common simplified Chinese characters (see fonts/README.md). The GUI theme
// serves it so a machine without CJK fonts shows no boxes, and the PDF
// report embeds it.
//
//go:embed fonts/wqy-microhei-subset.ttf
var FontCJK []byte

// FontCJKName is the bundled font's file name, as Fyne resources want one.
const FontCJKName = "wqy-microhei-subset.ttf"

// FontLicence is the licence of the bundled font (Apache-2.0).
//
//go:embed fonts/LICENSE-Apache-2.0
var FontLicence string

// FontNotice credits the font's authors, for the About dialog and reports.
//
//go:embed fonts/README.md
var FontNotice string
