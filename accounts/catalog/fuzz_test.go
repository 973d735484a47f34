package catalog

import (
	"bytes"
	"errors"
	"os"
	"testing"
)

// FuzzParseCatalogFile feeds arbitrary bytes to the catalog file parser.
// Whatever comes in: no panic, every error is a *LoadError naming the
// file, every platform returned is valid, and writing the platforms out
// and parsing them again gives the same platforms without errors.
func FuzzParseCatalogFile(f *testing.F) {
	// Small seeds: the fuzzer minimises every new input, which is slow for
	// the larger built-in files.
	for _, name := range []string{"tmall-global.json", "xianyu.json"} {
		if data, err := os.ReadFile(builtinDir + "/" + name); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte(`[` + minimal("a", "甲", "A", "a.example.com") + `,{"id":"b","tracks":[{"kind":7}]}]`))
	f.Add([]byte(`{"id":"x","names":{"zh":"x","en":"x"},"difficulty":"easy","tracks":[{"kind":"account_delete","channel":"email","steps":[{"zh":" ","en":"b"}],"review_workdays":{"min":3,"max":1},"difficulty":"easy","source":"user","verified":"2026-02-30"}]}`))
	f.Add([]byte("\ufeff[]"))
	f.Add([]byte(`[null, 1, "x", {}]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		ps, errs := Parse("fuzz.json", data)
		for _, err := range errs {
			var le *LoadError
			if !errors.As(err, &le) || le.File != "fuzz.json" {
				t.Fatalf("error %v (%T) does not name the file", err, err)
			}
			_ = le.Error()
		}
		seen := map[string]bool{}
		for _, p := range ps {
			if err := p.Validate(); err != nil {
				t.Fatalf("Parse returned an invalid platform %q: %v", p.ID, err)
			}
			if seen[p.ID] {
				t.Fatalf("Parse returned %q twice", p.ID)
			}
			seen[p.ID] = true
		}
		out, err := encode(ps)
		if err != nil {
			t.Fatalf("encode: %v", err)
		}
		again, errs := Parse("again.json", out)
		if len(errs) != 0 || len(again) != len(ps) {
			t.Fatalf("re-parse: %d of %d platforms, errors %v\n%s", len(again), len(ps), errs, out)
		}
		if out2, _ := encode(again); !bytes.Equal(out, out2) {
			t.Fatalf("round trip changed the data:\n%s\n---\n%s", out, out2)
		}
	})
}
