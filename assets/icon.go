package assets

import _ "embed"

// Icon is the 512×512 PNG app icon (a broken chain link), for the window,
// the system tray, notifications and FyneApp.toml.
//
//go:embed icon.png
var Icon []byte

// IconName is the icon's file name, as Fyne resources want one.
const IconName = "icon.png"
