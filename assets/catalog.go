package assets

import "embed"

// Catalog holds the built-in platform catalog, one JSON file per platform
// under catalog/. Load it with catalog.Load(assets.Catalog, userDir).
//
//go:embed catalog/*.json
var Catalog embed.FS
