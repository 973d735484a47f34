package workdays

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"time"
	"unicode/utf8"
)

// MaxHolidayFileSize bounds a holiday file; real ones are about 5 KB.
const MaxHolidayFileSize = 1 << 20

// HolidayFile is one validated holiday-cn file: the State Council schedule
// of one year (https://github.com/NateScarlet/holiday-cn).
type HolidayFile struct {
	Year   int          // the year of the notice, also the file's name (YYYY.json)
	Papers []string     // URLs of the notice(s)
	Days   []HolidayDay // in file order, duplicates with the same flag removed
}

// HolidayDay is one listed date.
type HolidayDay struct {
	Name string    // the holiday, e.g. "春节"
	Date time.Time // a date (midnight UTC)
	// IsOffDay is true for an official holiday (off even on a weekday) and
	// false for a make-up working day (调休, working even on a weekend).
	IsOffDay bool
}

// FileError is a problem in the content of a holiday file: which file,
// which entry of its "days" list (Entry is -1 when the problem is not in one
// entry) and what. It matches ErrInvalidHolidayFile with errors.Is.
type FileError struct {
	Op    string // "parse", "load" or "import"
	File  string
	Entry int    // index in "days", or -1
	Date  string // the entry's date as written, if any
	Err   error
}

func (e *FileError) Error() string {
	switch {
	case e.Entry < 0:
		return fmt.Sprintf("holidays: %s %s: %v", e.Op, e.File, e.Err)
	case e.Date != "":
		return fmt.Sprintf("holidays: %s %s: days[%d] (%s): %v", e.Op, e.File, e.Entry, e.Date, e.Err)
	}
	return fmt.Sprintf("holidays: %s %s: days[%d]: %v", e.Op, e.File, e.Entry, e.Err)
}

func (e *FileError) Unwrap() error { return e.Err }

// Is makes every FileError match ErrInvalidHolidayFile.
func (e *FileError) Is(target error) bool { return target == ErrInvalidHolidayFile }

// ErrInvalidHolidayFile matches every validation error of a holiday file
// (errors.Is(err, ErrInvalidHolidayFile)), as opposed to an I/O error.
var ErrInvalidHolidayFile = errors.New("invalid holiday file")

type rawHolidayFile struct {
	Year   *int           `json:"year"`
	Papers *[]string      `json:"papers"`
	Days   *[]*rawHoliday `json:"days"`
}

type rawHoliday struct {
	Name     *string `json:"name"`
	Date     *string `json:"date"`
	IsOffDay *bool   `json:"isOffDay"`
}

// ParseHolidayFile parses and validates a holiday-cn file; name is used in
// error messages only. It checks strictly:
//   - the JSON is one object with "year", "papers" and "days", each entry
//     with "name", "date" (YYYY-MM-DD, a real day) and "isOffDay";
//   - every date is in the file's year, except that December of the year
//     before and January of the year after are allowed: a notice may move
//     days just across New Year (2023.json lists 2022-12-31);
//   - a date listed twice has the same isOffDay both times;
//   - the file is UTF-8 (a leading byte-order mark is allowed), has days,
//     and is not larger than MaxHolidayFileSize.
//
// Errors are *FileError.
func ParseHolidayFile(name string, data []byte) (*HolidayFile, error) {
	fail := func(entry int, date string, format string, args ...any) error {
		return &FileError{Op: "parse", File: name, Entry: entry, Date: date, Err: fmt.Errorf(format, args...)}
	}
	if len(data) > MaxHolidayFileSize {
		return nil, fail(-1, "", "larger than %d bytes", MaxHolidayFileSize)
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")) // a BOM, as Windows editors save
	if !utf8.Valid(data) {
		return nil, fail(-1, "", "not valid UTF-8")
	}
	var raw rawHolidayFile
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, fail(-1, "", "%s", describeJSONError(data, err))
	}
	switch {
	case raw.Year == nil:
		return nil, fail(-1, "", `missing "year"`)
	case raw.Papers == nil:
		return nil, fail(-1, "", `missing "papers"`)
	case raw.Days == nil:
		return nil, fail(-1, "", `missing "days"`)
	case len(*raw.Days) == 0:
		return nil, fail(-1, "", `"days" is empty`)
	}
	year := *raw.Year
	if year < 1900 || year > 9998 {
		return nil, fail(-1, "", "year %d out of range", year)
	}
	hf := &HolidayFile{Year: year, Papers: *raw.Papers}
	seen := make(map[dayKey]int) // date → index in hf.Days
	seenAt := make(map[dayKey]int)
	for i, rd := range *raw.Days {
		switch {
		case rd == nil:
			return nil, fail(i, "", "entry is null")
		case rd.Date == nil:
			return nil, fail(i, "", `missing "date"`)
		case rd.Name == nil:
			return nil, fail(i, *rd.Date, `missing "name"`)
		case rd.IsOffDay == nil:
			return nil, fail(i, *rd.Date, `missing "isOffDay"`)
		}
		date, err := ParseDate(*rd.Date)
		if err != nil {
			return nil, fail(i, *rd.Date, "%v", err)
		}
		if !dateInFileYear(date, year) {
			return nil, fail(i, *rd.Date, "date is outside %d (only December %d and January %d may appear besides %d)",
				year, year-1, year+1, year)
		}
		k := keyOf(date)
		if j, dup := seen[k]; dup {
			if hf.Days[j].IsOffDay != *rd.IsOffDay {
				return nil, fail(i, *rd.Date, "conflicts with days[%d]: isOffDay %t there, %t here",
					seenAt[k], hf.Days[j].IsOffDay, *rd.IsOffDay)
			}
			continue
		}
		seen[k] = len(hf.Days)
		seenAt[k] = i
		hf.Days = append(hf.Days, HolidayDay{Name: *rd.Name, Date: date, IsOffDay: *rd.IsOffDay})
	}
	return hf, nil
}

// dateInFileYear reports whether date may appear in the file of year.
func dateInFileYear(date time.Time, year int) bool {
	switch date.Year() {
	case year:
		return true
	case year - 1:
		return date.Month() == time.December
	case year + 1:
		return date.Month() == time.January
	}
	return false
}

// describeJSONError turns a decoding error into a message with a line and
// column where the JSON says where.
func describeJSONError(data []byte, err error) string {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	var off int64 = -1
	msg := "not valid JSON: " + err.Error()
	switch {
	case errors.As(err, &syn):
		off = syn.Offset
	case errors.As(err, &typ):
		off = typ.Offset
		want := "a string"
		switch typ.Type.Kind() {
		case reflect.Int:
			want = "an integer"
		case reflect.Bool:
			want = "true or false"
		case reflect.Slice:
			want = "an array"
		case reflect.Struct, reflect.Pointer:
			want = "an object"
		}
		what := fmt.Sprintf("%q", typ.Field)
		if typ.Field == "" {
			what = "the file"
		}
		msg = fmt.Sprintf("%s is a JSON %s, want %s", what, typ.Value, want)
	}
	if off < 0 || off > int64(len(data)) {
		return msg
	}
	before := data[:off]
	line := bytes.Count(before, []byte("\n")) + 1
	col := int(off) - bytes.LastIndexByte(before, '\n')
	return fmt.Sprintf("%s (line %d, column %d)", msg, line, col)
}
