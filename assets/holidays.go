package assets

import (
	"embed"
	"io/fs"
)

// holidays holds the holiday-cn files (one YYYY.json per year) and the MIT
// licence they are published under; see holidays/README.md.
//
//go:embed holidays/*.json holidays/LICENSE
var holidays embed.FS

// Holidays returns the embedded Chinese holiday calendars: YYYY.json files in
// the holiday-cn format and their LICENSE, at the root of the returned FS.
func Holidays() fs.FS {
	sub, err := fs.Sub(holidays, "holidays")
	if err != nil {
		panic(err) // cannot happen: "holidays" is a valid, embedded path
	}
	return sub
}

// HolidaysLicense returns the licence notice of the embedded holiday data
// (holiday-cn, MIT), for an about box or a notices file.
func HolidaysLicense() string {
	b, err := holidays.ReadFile("holidays/LICENSE")
	if err != nil {
		panic(err) // cannot happen: the file is embedded
	}
	return string(b)
}
