package workdays

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/unbindapp/unbind/accounts/atomicfile"
	"github.com/unbindapp/unbind/assets"
)

// holidaySource is a parsed holiday file and where it came from.
type holidaySource struct {
	file   *HolidayFile
	name   string // for messages: a path, or "2026.json (embedded)"
	source string // YearSource.Source
	user   bool
}

func joinPath(elem ...string) string { return filepath.Join(elem...) }

// readHolidayFS parses every YYYY.json at the root of fsys except the one
// for skipYear (0: none). A missing folder holds no files.
func readHolidayFS(fsys fs.FS, label func(string) string, source func(string) string, user bool, skipYear int) (map[int]holidaySource, error) {
	out := make(map[int]holidaySource)
	entries, err := fs.ReadDir(fsys, ".")
	if errors.Is(err, fs.ErrNotExist) {
		return out, nil
	}
	if err != nil {
		return nil, fmt.Errorf("holidays: load %s: %w", label("."), err)
	}
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || strings.HasPrefix(name, ".") || !strings.HasSuffix(name, ".json") {
			continue
		}
		if skipYear != 0 && name == fmt.Sprintf("%d.json", skipYear) {
			continue
		}
		data, err := readLimited(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("holidays: load %s: %w", label(name), err)
		}
		hf, err := parseNamedHolidayFile(label(name), name, data)
		if err != nil {
			return nil, withOp(err, "load")
		}
		out[hf.Year] = holidaySource{file: hf, name: label(name), source: source(name), user: user}
	}
	return out, nil
}

// readHolidayDir parses the YYYY.json files in a user folder.
func readHolidayDir(dir string, skipYear int) (map[int]holidaySource, error) {
	path := func(name string) string { return filepath.Join(dir, name) }
	return readHolidayFS(os.DirFS(dir), path, path, true, skipYear)
}

func readEmbedded(embedded fs.FS) (map[int]holidaySource, error) {
	label := func(name string) string { return name + " (embedded)" }
	source := func(string) string { return "embedded" }
	return readHolidayFS(embedded, label, source, false, 0)
}

// readLimited reads a file of at most MaxHolidayFileSize bytes (one more is
// read so that ParseHolidayFile reports the size).
func readLimited(fsys fs.FS, name string) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, MaxHolidayFileSize+1))
}

// parseNamedHolidayFile parses a file whose base name must be YYYY.json for
// the year it holds.
func parseNamedHolidayFile(label, base string, data []byte) (*HolidayFile, error) {
	hf, err := ParseHolidayFile(label, data)
	if err != nil {
		return nil, err
	}
	if want := fmt.Sprintf("%d.json", hf.Year); base != want {
		return nil, &FileError{Op: "parse", File: label, Entry: -1,
			Err: fmt.Errorf("the file holds year %d, so it must be named %s", hf.Year, want)}
	}
	return hf, nil
}

// withOp sets the operation of a *FileError.
func withOp(err error, op string) error {
	var fe *FileError
	if errors.As(err, &fe) {
		c := *fe
		c.Op = op
		return &c
	}
	return err
}

// ImportHolidayFile validates the holiday-cn file at path (any name) and
// copies it, unchanged, to HolidaysDir(dataDir)/YYYY.json for the year it
// holds, replacing a file of that year. It checks the file alone (see
// ParseHolidayFile) and together with the embedded data and the other user
// files, so a calendar loaded afterwards cannot fail because of it. The copy
// is atomic: a temporary file in the same folder renamed over the target.
// It returns the imported year.
func ImportHolidayFile(path, dataDir string) (int, error) {
	if dataDir == "" {
		return 0, errors.New("holidays: import: no data folder")
	}
	f, err := os.Open(path)
	if err != nil {
		return 0, fmt.Errorf("holidays: import %s: %w", path, err)
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxHolidayFileSize+1))
	f.Close()
	if err != nil {
		return 0, fmt.Errorf("holidays: import %s: %w", path, err)
	}
	hf, err := ParseHolidayFile(path, data)
	if err != nil {
		return 0, withOp(err, "import")
	}
	dir := HolidaysDir(dataDir)
	target := filepath.Join(dir, fmt.Sprintf("%d.json", hf.Year))

	// Dry run: the calendar as it will be after the import.
	files, err := readEmbedded(assets.Holidays())
	if err != nil {
		return 0, err
	}
	user, err := readHolidayDir(dir, hf.Year)
	if err != nil {
		return 0, err
	}
	for y, s := range user {
		files[y] = s
	}
	files[hf.Year] = holidaySource{file: hf, name: path, source: target, user: true}
	if _, err := buildCalendar(files, dir); err != nil {
		return 0, withOp(err, "import")
	}

	if err := os.MkdirAll(dir, 0o700); err != nil {
		return 0, fmt.Errorf("holidays: import %s: %w", path, err)
	}
	if err := atomicfile.WriteBytes(target, data); err != nil {
		return 0, fmt.Errorf("holidays: import %s: %w", path, err)
	}
	return hf.Year, nil
}
