package importer

import (
	"bytes"
	"fmt"
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
