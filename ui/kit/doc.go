// Package kit holds the GUI's building blocks that know nothing of the
// app: the theme with the bundled CJK font, the status badge and colours,
// the flow and fixed-width layouts, small text helpers, the labels of the
// domain's codes in the person's language, the clipboard guard that
// clears a copied secret, and the dialog helpers.
//
// The shell (package ui) and the feature packages (ui/tools, ui/account)
// import it; it imports neither.
package kit
