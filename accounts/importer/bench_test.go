package importer

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

// BenchmarkImport10k parses and proposes a 10,000-entry Chrome export with
// the mix of a real one: shopping sites, app logins, duplicates, notes with
// commas and line breaks.
func BenchmarkImport10k(b *testing.B) {
	var buf bytes.Buffer
	buf.WriteString("\ufeffname,url,username,password,note\r\n")
	hosts := []string{"https://login.taobao.com/", "https://passport.jd.com/new/login.aspx", "https://mobile.yangkeduo.com/",
		"android://aGFzaA==@com.taobao.taobao/", "https://github.com/login", "https://www.example.com/"}
	for i := range 10_000 {
		fmt.Fprintf(&buf, "site%d,%s,user%d@example.com,Pw-%d-secret,\"备注 %d, 第一行\r\n第二行\"\r\n",
			i, hosts[i%len(hosts)], i%7000, i, i)
	}
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		res, err := Read(bytes.NewReader(data), Options{})
		if err != nil || len(res.Entries) != 10_000 {
			b.Fatal(err, len(res.Entries))
		}
		if props := Propose(res.Entries, fakeCatalog); len(props) == 0 {
			b.Fatal("no proposals")
		}
	}
}

// BenchmarkBitwardenJSONLinear reads Bitwarden exports of growing size:
// ns per item must stay flat. Line numbers were counted from the file's
// start for every item before, which made this quadratic.
func BenchmarkBitwardenJSONLinear(b *testing.B) {
	for _, n := range []int{1000, 8000} {
		var buf bytes.Buffer
		buf.WriteString(`{"encrypted": false, "items": [`)
		for i := range n {
			if i > 0 {
				buf.WriteString(",\n")
			}
			fmt.Fprintf(&buf, `{"type": 1, "name": "site%d", "notes": "第一行\n第二行",
  "login": {"username": "user%d@example.com", "password": "Pw-%d",
  "uris": [{"uri": "https://login.taobao.com/"}]}}`, i, i, i)
		}
		buf.WriteString("]}")
		data := buf.Bytes()
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				res, err := Read(bytes.NewReader(data), Options{})
				if err != nil || len(res.Entries) != n {
					b.Fatal(err, len(res.Entries))
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/item")
		})
	}
}

// BenchmarkChromeCSVAdversarialLinear: quoted notes of many short lines
// and doubled quotes, the shape that costs a naive CSV reader most; ns per
// row must stay flat with size.
func BenchmarkChromeCSVAdversarialLinear(b *testing.B) {
	for _, n := range []int{1000, 8000} {
		var buf bytes.Buffer
		buf.WriteString("\ufeffname,url,username,password,note\r\n")
		note := `"` + strings.Repeat("a\"\"\n", 40) + `"`
		for i := range n {
			fmt.Fprintf(&buf, "s%d,https://login.taobao.com/,u%d,p%d,%s\r\n", i, i, i, note)
		}
		data := buf.Bytes()
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if res, err := Read(bytes.NewReader(data), Options{}); err != nil || len(res.Entries) != n {
					b.Fatal(err, len(res.Entries))
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/row")
		})
	}
}
