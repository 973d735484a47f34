package catalog

import (
	"bytes"
	"strconv"
	"strings"
	"testing"
)

// TestHostileCatalogIsBounded: a 3 MB file of a million empty entries is
// refused as a whole with one line, and a file of many broken entries
// reports at most MaxProblems problems plus a count.
func TestHostileCatalogIsBounded(t *testing.T) {
	million := "[" + strings.Repeat("{},", 1_000_000) + "{}]"
	ps, errs := Parse("huge.json", []byte(million))
	if len(ps) != 0 || len(errs) != 1 || !strings.Contains(errs[0].Error(), "more than") {
		t.Fatalf("million entries: %d platforms, %d errors: %v", len(ps), len(errs), errs[:min(len(errs), 3)])
	}
	many := "[" + strings.Repeat(`{"id": "Bad ID"},`, MaxEntries-1) + `{"id": "Bad ID"}]`
	_, errs = Parse("many.json", []byte(many))
	if len(errs) != MaxProblems+1 || !strings.Contains(errs[len(errs)-1].Error(), "more problems") {
		t.Errorf("many broken entries: %d errors, last %v", len(errs), errs[len(errs)-1])
	}
	for _, bad := range []string{`[{}`, `[{}, {}] trailing`, `[{}, ]`} {
		if _, errs := Parse("bad.json", []byte(bad)); len(errs) != 1 || !strings.Contains(errs[0].Error(), "line") && !strings.Contains(errs[0].Error(), "after") {
			t.Errorf("%q: %v", bad, errs)
		}
	}
}

// BenchmarkParseCatalogLinear parses files of growing size: ns per entry
// must stay flat (make bench prints it).
func BenchmarkParseCatalogLinear(b *testing.B) {
	entry := `{"id":"p%d","names":{"zh":"平台","en":"Platform"},"difficulty":"easy","tracks":[{"kind":"account_delete","channel":"self_service","steps":[{"zh":"做","en":"Do"}],"difficulty":"easy","source":"user","verified":"2026-01-01"}]}`
	for _, n := range []int{500, 4000} {
		var buf bytes.Buffer
		buf.WriteString("[")
		for i := range n {
			if i > 0 {
				buf.WriteString(",")
			}
			buf.WriteString(strings.Replace(entry, "%d", strconv.Itoa(i), 1))
		}
		buf.WriteString("]")
		data := buf.Bytes()
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if ps, errs := Parse("big.json", data); len(ps) != n || len(errs) > 0 {
					b.Fatal(len(ps), errs)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/entry")
		})
	}
}
