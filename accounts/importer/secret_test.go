package importer

import (
	"bytes"
	"encoding/json"
	"fmt"
	"log/slog"
	"os"
	"strings"
	"testing"
)

var samples = []string{"chrome.csv", "firefox.csv", "bitwarden.csv", "bitwarden.json", "keepassxc.csv",
	"1password.csv", "1password7.csv", "apple.csv", "chrome-gb18030.csv"}

// No printed, logged or marshalled form of an entry or a proposal reveals a
// password; Reveal does.
func TestPasswordsNeverPrinted(t *testing.T) {
	for _, name := range samples {
		res := readSample(t, name, FormatAuto)
		props := Propose(res.Entries, fakeCatalog)
		var out bytes.Buffer
		for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%X", "%d"} {
			fmt.Fprintf(&out, verb+"\n", res.Entries)
			fmt.Fprintf(&out, verb+"\n", props)
			for _, e := range res.Entries {
				fmt.Fprintf(&out, verb+" "+verb+"\n", e, e.Password)
			}
			for _, p := range props {
				fmt.Fprintf(&out, verb+" "+verb+"\n", p, &p)
			}
		}
		fmt.Fprintln(&out, res.Entries, props)
		for _, v := range []any{res, res.Entries, props} {
			b, err := json.Marshal(v)
			if err != nil {
				t.Fatal(err)
			}
			out.Write(b)
		}
		log := slog.New(slog.NewTextHandler(&out, nil))
		log.Info("import", "entries", res.Entries, "first", res.Entries[0].Password)
		slog.New(slog.NewJSONHandler(&out, nil)).Info("import", "props", props, "pw", props[0].Password)

		for _, e := range res.Entries {
			pw := e.Password.Reveal()
			if pw == "" {
				continue
			}
			if strings.Contains(out.String(), pw) {
				t.Errorf("%s: password of line %d printed", name, e.Line)
			}
		}
	}
}

func TestSecretForms(t *testing.T) {
	s := Secret("hunter2")
	for _, got := range []string{s.String(), fmt.Sprint(s), fmt.Sprintf("%#v", s), fmt.Sprintf("%x", s), fmt.Sprintf("%q", s)} {
		if strings.Contains(got, "hunter2") || !strings.Contains(got, "[redacted]") {
			t.Errorf("form %q", got)
		}
	}
	if b, _ := json.Marshal(s); string(b) != `"[redacted]"` {
		t.Errorf("json %s", b)
	}
	if Secret("").String() != "" || s.Reveal() != "hunter2" || !s.IsSet() {
		t.Error("empty or Reveal wrong")
	}
	if got := fmt.Sprintf("%#v", Entry{Password: s}); strings.Contains(got, "hunter2") {
		t.Errorf("%%#v of Entry: %s", got)
	}
}

func TestEntryString(t *testing.T) {
	e := Entry{Line: 3, Title: "淘宝网", Host: "taobao.com", Login: "alice@example.com", Password: "x"}
	if got, want := e.String(), `line 3: "淘宝网" taobao.com a***@example.com, password: yes`; got != want {
		t.Errorf("got %s\nwant %s", got, want)
	}
}

// Error messages never quote a field value, so never a password either.
func TestErrorsNeverQuoteFields(t *testing.T) {
	data, err := os.ReadFile("testdata/chrome.csv")
	if err != nil {
		t.Fatal(err)
	}
	broken := string(data) + "jd.com,https://jd.com,x,\"Pw-unterminated,\n"
	_, err = Read(strings.NewReader(broken), Options{})
	if err == nil || strings.Contains(err.Error(), "Pw-") {
		t.Errorf("error %v", err)
	}
}
