package catalog

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"

	"github.com/unbindapp/unbind/accounts"
)

// MaxFileSize bounds one catalog file; a JustDeleteMe import of every site
// is about 2 MB, so this leaves room without reading anything huge.
const MaxFileSize = 16 << 20

// MaxEntries bounds the platforms of one file, and MaxProblems the problems
// reported for it (the rest are counted in one last line): a hostile file
// of a million empty entries must cost neither gigabytes nor a million
// warning lines on every command.
const (
	MaxEntries  = 20000
	MaxProblems = 20
)

// LoadError is one problem found while loading the catalog. File and Entry
// say where; Field is the JSON path inside the entry (tracks[0].steps[2].zh)
// when one field is to blame.
type LoadError struct {
	File  string // as given to Parse; for Load, the path of the file
	Entry string // the platform ID, or #N (from 1) when it has none; empty for the whole file
	Field string
	Err   error // a *accounts.ValidationError for content problems
}

func (e *LoadError) Error() string {
	var b strings.Builder
	b.WriteString("catalog")
	if e.File != "" {
		b.WriteString(": " + e.File)
	}
	if e.Entry != "" {
		b.WriteString(": entry " + e.Entry)
	}
	if e.Field != "" {
		b.WriteString(": field " + e.Field)
	}
	b.WriteString(": ")
	var v *accounts.ValidationError
	if errors.As(e.Err, &v) && v.Field == e.Field {
		b.WriteString(v.Problem) // the field is already named
	} else {
		b.WriteString(e.Err.Error())
	}
	return b.String()
}

func (e *LoadError) Unwrap() error { return e.Err }

// Parse reads one catalog file: a JSON object (one platform) or an array
// of them. It returns the entries that are valid on their own and a
// *LoadError for each problem; a broken entry is left out, the others are
// kept. References between platforms are checked later, by New or Load.
func Parse(file string, data []byte) ([]Platform, []error) {
	if len(data) > MaxFileSize {
		return nil, []error{&LoadError{File: file, Err: fmt.Errorf("file is larger than %d bytes", MaxFileSize)}}
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")) // editors on Windows add a BOM
	trimmed := bytes.TrimLeft(data, " \t\r\n")
	var raws []json.RawMessage
	switch {
	case len(trimmed) == 0:
		return nil, []error{&LoadError{File: file, Err: errors.New("file is empty; want a JSON object or array of platforms")}}
	case trimmed[0] == '[':
		var err error
		if raws, err = entries(data); err != nil {
			return nil, []error{&LoadError{File: file, Err: err}}
		}
	case trimmed[0] == '{':
		var raw json.RawMessage
		if err := json.Unmarshal(data, &raw); err != nil {
			return nil, []error{&LoadError{File: file, Err: syntaxError(data, err)}}
		}
		raws = []json.RawMessage{raw}
	default:
		return nil, []error{&LoadError{File: file, Err: errors.New("want a JSON object (one platform) or an array of platforms")}}
	}

	var (
		out  []Platform
		errs problemList
		seen = map[string]bool{}
	)
	report := errs.add
	for i, raw := range raws {
		entry := entryName(raw, i)
		p, err := decodeEntry(raw)
		if err != nil {
			err.File, err.Entry = file, entry
			report(err)
			continue
		}
		p.normalise()
		if probs := p.problems(); len(probs) > 0 {
			for _, v := range probs {
				report(&LoadError{File: file, Entry: entry, Field: v.Field, Err: v})
			}
			continue
		}
		if seen[p.ID] {
			report(&LoadError{File: file, Entry: entry, Field: "id",
				Err: &accounts.ValidationError{Field: "id", Problem: "appears twice in this file; the first is kept"}})
			continue
		}
		seen[p.ID] = true
		out = append(out, p)
	}
	return out, errs.done(file, "problems")
}

// problemList keeps the first MaxProblems problems of one file and counts
// the rest, for one last line: the one rule for catalog files and
// JustDeleteMe imports.
type problemList struct {
	errs    []error
	dropped int
}

func (l *problemList) add(e *LoadError) {
	if len(l.errs) < MaxProblems {
		l.errs = append(l.errs, e)
	} else {
		l.dropped++
	}
}

// done returns the problems, with "and N more <what>" when some were only
// counted.
func (l *problemList) done(file, what string) []error {
	if l.dropped > 0 {
		return append(l.errs, &LoadError{File: file, Err: fmt.Errorf("and %d more %s (only the first %d are listed)", l.dropped, what, MaxProblems)})
	}
	return l.errs
}

// entries reads a JSON array of platforms one element at a time, so a
// file of a million entries is refused after MaxEntries instead of held.
func entries(data []byte) ([]json.RawMessage, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	fail := func(err error) error {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			return syntaxError(data, err)
		}
		line := 1 + bytes.Count(data[:min(int(dec.InputOffset()), len(data))], []byte("\n"))
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			return fmt.Errorf("line %d: the file ends in the middle of the list (cut off?)", line)
		}
		return fmt.Errorf("line %d: %w", line, err)
	}
	if _, err := dec.Token(); err != nil { // the '['
		return nil, fail(err)
	}
	var raws []json.RawMessage
	for dec.More() {
		if len(raws) == MaxEntries {
			return nil, fmt.Errorf("holds more than %d platforms; split it (a JustDeleteMe import of every site has about 1,000)", MaxEntries)
		}
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return nil, fail(err)
		}
		raws = append(raws, raw)
	}
	if _, err := dec.Token(); err != nil { // the ']'
		return nil, fail(err)
	}
	if dec.More() || dec.InputOffset() < int64(len(bytes.TrimRight(data, " \t\r\n"))) {
		return nil, errors.New("unexpected data after the list of platforms")
	}
	return raws, nil
}

// decodeEntry decodes one platform strictly: an unknown field is almost
// always a typo (stpes), and silently dropping it would lose the steps.
func decodeEntry(raw json.RawMessage) (Platform, *LoadError) {
	var p Platform
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	err := dec.Decode(&p)
	if err == nil {
		return p, nil
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		field := te.Field
		if field == "" {
			field = "(entry)"
		}
		return p, &LoadError{Field: field, Err: &accounts.ValidationError{Field: field,
			Problem: fmt.Sprintf("is a JSON %s, want %s", te.Value, jsonType(te.Type))}}
	}
	if name, ok := strings.CutPrefix(err.Error(), "json: unknown field "); ok {
		field := strings.Trim(name, `"`)
		return p, &LoadError{Field: field, Err: &accounts.ValidationError{Field: field, Problem: "is not a catalog field (a typo?)"}}
	}
	return p, &LoadError{Err: err}
}

// entryName names an entry for errors: its id when it has a usable one.
func entryName(raw json.RawMessage, i int) string {
	var head struct {
		ID any `json:"id"`
	}
	if json.Unmarshal(raw, &head) == nil {
		if s, ok := head.ID.(string); ok && s != "" && len(s) <= 64 && !strings.ContainsAny(s, "\n\r\t") {
			return s
		}
	}
	return fmt.Sprintf("#%d", i+1)
}

func jsonType(t reflect.Type) string {
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.Slice:
		return "an array"
	case reflect.String:
		return "a string"
	case reflect.Struct, reflect.Map:
		return "an object"
	case reflect.Bool:
		return "true or false"
	case reflect.Int:
		return "a whole number"
	}
	return t.String()
}

// syntaxError adds the line number to a JSON syntax error.
func syntaxError(data []byte, err error) error {
	var se *json.SyntaxError
	if errors.As(err, &se) && se.Offset <= int64(len(data)) {
		line := 1 + bytes.Count(data[:se.Offset], []byte("\n"))
		return fmt.Errorf("line %d: %w", line, err)
	}
	return err
}
