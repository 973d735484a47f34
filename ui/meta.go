package ui

import (
	"fyne.io/fyne/v2"

	"github.com/unbindapp/unbind/assets"
)

// AppID is the application ID of FyneApp.toml; app.NewWithID uses it, and
// so do the autostart entry and the preferences folder.
const AppID = "io.github.unbindapp.unbind"

// Version and Build mirror FyneApp.toml (a test keeps them equal) for
// binaries built with plain "go build" away from the repository, where
// Fyne cannot find the file.
const (
	Version = "0.1.0"
	Build   = 1
)

// FallbackMetadata is FyneApp.toml's content as fyne.AppMetadata.
func FallbackMetadata() fyne.AppMetadata {
	return fyne.AppMetadata{
		ID: AppID, Name: "Unbind", Version: Version, Build: Build,
		Icon:       Icon(),
		Migrations: map[string]bool{"fyneDo": true},
	}
}

// Icon is the app icon as a Fyne resource.
func Icon() fyne.Resource { return fyne.NewStaticResource(assets.IconName, assets.Icon) }
