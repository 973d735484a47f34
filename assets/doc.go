// Package assets embeds the data Unbind ships: the platform catalog, the
// Chinese holiday calendars, translations, the bundled CJK font and the
// icon. Each kind of asset has its own file here with its go:embed line.
package assets
