package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"strings"
	"testing"
	"time"
)

// TestIndentJSONMatchesIndent: the streaming indenter writes exactly what
// json.Indent does, for nesting, empty objects and arrays, and strings
// holding quotes, backslashes, brackets and commas.
func TestIndentJSONMatchesIndent(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var value func(depth int) any
	value = func(depth int) any {
		switch k := rng.IntN(7); {
		case depth > 4 || k == 0:
			return []string{`a"b`, `c\d`, "{[,:]}", "中文 \u2028", ""}[rng.IntN(5)]
		case k == 1:
			return rng.Float64() * 1e6
		case k == 2:
			return nil
		case k == 3:
			return []any{}
		case k == 4:
			return map[string]any{}
		case k == 5:
			a := make([]any, rng.IntN(4))
			for i := range a {
				a[i] = value(depth + 1)
			}
			return a
		default:
			m := map[string]any{}
			for i := range rng.IntN(4) {
				m[strings.Repeat(`k"\`, i)+string(rune('a'+i))] = value(depth + 1)
			}
			return m
		}
	}
	for i := range 500 {
		var compact bytes.Buffer
		enc := json.NewEncoder(&compact)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(value(0)); err != nil {
			t.Fatal(err)
		}
		src := bytes.TrimSuffix(compact.Bytes(), []byte("\n"))
		var want, got bytes.Buffer
		if err := json.Indent(&want, src, "", "  "); err != nil {
			t.Fatal(err)
		}
		bw := bufio.NewWriter(&got)
		indentJSON(bw, src)
		bw.Flush()
		if got.String() != want.String() {
			t.Fatalf("case %d, %s:\ngot  %q\nwant %q", i, src, got.String(), want.String())
		}
	}
}

// TestWriteJSONBodyMatchesJSONBody: the streamed body (what the digest of
// every format covers) is the buffered one, byte for byte.
func TestWriteJSONBodyMatchesJSONBody(t *testing.T) {
	r := &Report{Warnings: []string{`quote " and backslash \`, "<&> 中文"}}
	r.Header.GeneratedAt = time.Date(2026, 5, 20, 10, 0, 0, 0, time.UTC)
	r.Header.Lang = "zh"
	want, err := jsonBody(r)
	if err != nil {
		t.Fatal(err)
	}
	var got bytes.Buffer
	if err := writeJSONBody(&got, r); err != nil {
		t.Fatal(err)
	}
	if got.String() != string(want) {
		t.Fatalf("streamed body differs:\ngot  %q\nwant %q", got.String(), want)
	}
}
