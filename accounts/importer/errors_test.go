package importer

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

const chromeHeader = "name,url,username,password,note\n"

func chromeRows(n int) string {
	var b strings.Builder
	b.WriteString(chromeHeader)
	for i := range n {
		fmt.Fprintf(&b, "jd.com,https://passport.jd.com/,user%d,Pw-%d,\n", i, i)
	}
	return b.String()
}

func TestBadInput(t *testing.T) {
	gbk, _ := simplifiedchinese.GBK.NewEncoder().String("淘宝网")
	tests := []struct {
		name   string
		input  string
		format Format
		opts   Options
		kind   error
		line   int
		has    []string // substrings of the message
		hasnt  []string
	}{
		{name: "not a format", input: "foo,bar,baz\n1,2,3\n", kind: ErrUnknownFormat, line: 1,
			has: []string{`not a recognised export: the first line has columns "foo", "bar", "baz"`, "pass --format"}},
		{name: "headerless file keeps the password out of the message",
			input: "jd.com,https://passport.jd.com/,alice,S3cret-pw!,\n", kind: ErrUnknownFormat, line: 1,
			has: []string{"looks like data"}, hasnt: []string{"S3cret-pw!", "alice"}},
		{name: "LastPass is not passed off as Chrome",
			input: "url,username,password,totp,extra,name,grouping,fav\n", kind: ErrUnknownFormat, line: 1},
		{name: "missing column", input: "name,url,username,note\njd.com,https://jd.com,alice,\n",
			kind: ErrMissingColumn, line: 1, has: []string{"import: chrome-csv line 1: missing column \"password\""}},
		{name: "missing KeePassXC URL", input: `"Group","Title","Username","Password","Notes"` + "\n",
			kind: ErrMissingColumn, line: 1, has: []string{`missing column "URL"`}},
		{name: "named format, other file", input: `"Group","Title","Username","Password","URL","Notes"` + "\n",
			format: FormatChromeCSV, kind: ErrMissingColumn, line: 1, has: []string{`missing column "name"`}},
		{name: "unterminated quote", input: chromeRows(15) + "jd.com,https://jd.com,bob,\"Pw-x,\nmore\n",
			kind: ErrSyntax, line: 17, has: []string{"chrome-csv line 17: unterminated quoted field 4"}},
		{name: "quote in unquoted field", input: chromeRows(3) + "jd.com,https://jd.com,bo\"b,pw,\n",
			kind: ErrSyntax, line: 5, has: []string{"line 5: a quote inside unquoted field 3"}},
		{name: "text after closing quote", input: chromeRows(1) + "\"jd.com\"x,https://jd.com,bob,pw,\n",
			kind: ErrSyntax, line: 3, has: []string{"line 3: unexpected 'x' after the closing quote of field 1"}},
		{name: "wrong field count after a multi-line record",
			input: chromeHeader + "jd.com,https://jd.com,a,pw,\"line1\nline2\"\njd.com,https://jd.com,b,pw\n",
			kind:  ErrSyntax, line: 4, has: []string{"line 4: 4 fields, but the header row has 5 columns"}},
		{name: "garbage bytes", input: "name,url\n\xff\xfe\xfd\x80\x81\x01garbage\n", kind: ErrEncoding, line: 2,
			has: []string{"neither UTF-8 nor GBK/GB18030", "CSV UTF-8"}},
		{name: "GBK title with control bytes is not taken for GB18030", input: chromeHeader + gbk + "\x01\x02\xff,\n",
			kind: ErrEncoding, line: 2},
		{name: "binary", input: "name,url\x00\x01\x02", kind: ErrEncoding, line: 1, has: []string{"binary file"}},
		{name: "zip", input: "PK\x03\x04rest", kind: ErrUnknownFormat, has: []string{"ZIP archive", "unzip"}},
		{name: "kdbx", input: "\x03\xd9\xa2\x9a\x67\xfb\x4b\xb5", kind: ErrUnknownFormat, has: []string{"KeePass database"}},
		{name: "empty", input: "\ufeff \r\n", kind: ErrUnknownFormat, has: []string{"empty"}},
		{name: "too large", input: chromeRows(100), opts: Options{MaxBytes: 1000}, kind: ErrTooLarge,
			has: []string{"larger than 1000 bytes"}},
		{name: "too many entries", input: chromeRows(100), opts: Options{MaxEntries: 10}, kind: ErrTooLarge, line: 12,
			has: []string{"chrome-csv line 12: more than 10 entries"}},
		{name: "encrypted Bitwarden JSON", input: `{"encrypted": true, "encKeyValidation_DO_NOT_EDIT": "2.x", "items": []}`,
			kind: ErrEncrypted, has: []string{"encrypted", `".json (Encrypted)"`}},
		{name: "password-protected Bitwarden JSON",
			input: `{"encrypted": true, "passwordProtected": true, "salt": "x", "kdfType": 0, "data": "2.x"}`, kind: ErrEncrypted},
		{name: "JSON that is not Bitwarden", input: "{\n  \"accounts\": []\n}\n", kind: ErrUnknownFormat, line: 1,
			has: []string{"not a recognised export: a JSON file, but not an unencrypted Bitwarden export"}},
		{name: "broken JSON", input: "{\n  \"items\": [\n    {\"type\": 1,\n     \"name\": \"x\",,\n", kind: ErrSyntax, line: 4,
			has: []string{"bitwarden-json line 4: not valid JSON"}},
		{name: "cut-off JSON", input: "{\n  \"items\": [\n    {\"type\": 1, \"name\": \"x\"}", kind: ErrSyntax,
			line: 3, has: []string{"cut off"}},
		{name: "JSON type mismatch", input: "{\"items\": [\n{\"type\": 1, \"name\": 42}]}", kind: ErrSyntax, line: 2,
			has: []string{`field "name" holds a JSON number where Bitwarden writes a string`}},
		{name: "unknown format name", input: chromeRows(1), format: "lastpass", kind: ErrUnknownFormat,
			has: []string{`unknown format "lastpass"`, "chrome-csv"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opts := tt.opts
			opts.Format = tt.format
			res, err := Read(strings.NewReader(tt.input), opts)
			if err == nil {
				t.Fatalf("no error; read %d entries as %s", len(res.Entries), res.Format)
			}
			if !errors.Is(err, tt.kind) {
				t.Errorf("error %q is not %v", err, tt.kind)
			}
			msg := err.Error()
			if !strings.HasPrefix(msg, "import: ") || strings.ContainsAny(msg, "\r\n") {
				t.Errorf("not one line starting with import: %q", msg)
			}
			var ie *Error
			if errors.As(err, &ie) && ie.Line != tt.line {
				t.Errorf("line %d, want %d: %s", ie.Line, tt.line, msg)
			}
			for _, s := range tt.has {
				if !strings.Contains(msg, s) {
					t.Errorf("message %q lacks %q", msg, s)
				}
			}
			for _, s := range tt.hasnt {
				if strings.Contains(msg, s) {
					t.Errorf("message %q reveals %q", msg, s)
				}
			}
			if len(res.Entries) != 0 {
				t.Errorf("%d entries returned with the error", len(res.Entries))
			}
		})
	}
}

func TestCSVDetails(t *testing.T) {
	in := "\ufeffname,url,username,password,note\r\n" +
		"\r\n" + // empty lines are skipped but counted
		"\"淘宝, 网\",https://login.taobao.com,\"a\"\"b\",\"p,w\r\nx\",\"n1\r\nn2\"\r\n" +
		"jd.com,https://jd.com,c,pw,last line without newline\r"
	res, err := Read(strings.NewReader(in), Options{})
	if err != nil {
		t.Fatal(err)
	}
	e := res.Entries
	if len(e) != 2 || e[0].Line != 3 || e[1].Line != 6 {
		t.Fatalf("entries %v", e)
	}
	if e[0].Title != "淘宝, 网" || e[0].Login != `a"b` || e[0].Password.Reveal() != "p,w\nx" || e[0].Notes != "n1\nn2" {
		t.Errorf("fields %#v", e[0])
	}
	if e[1].Notes != "last line without newline" {
		t.Errorf("notes %q", e[1].Notes)
	}
}

func TestOtherDelimitersAndUTF16(t *testing.T) {
	semi := "Title;URL;Username;Password;Notes;OTPAuth\n京东;https://jd.com;alice;pw;;\n"
	res, err := Read(strings.NewReader(semi), Options{})
	if err != nil || res.Format != FormatAppleCSV || len(res.Entries) != 1 {
		t.Fatalf("semicolons: %v %s %v", err, res.Format, res.Entries)
	}
	var u16 bytes.Buffer
	u16.Write([]byte{0xFF, 0xFE})
	for _, r := range "name,url,username,password\n京东,https://jd.com,alice,pw\n" {
		u16.Write([]byte{byte(r), byte(r >> 8)})
	}
	res, err = Read(&u16, Options{})
	if err != nil || res.Format != FormatChromeCSV || len(res.Entries) != 1 || res.Entries[0].Title != "京东" {
		t.Fatalf("utf-16: %v %s %v", err, res.Format, res.Entries)
	}
	if len(res.Notices) != 1 || !strings.Contains(res.Notices[0], "UTF-16") {
		t.Errorf("notices %q", res.Notices)
	}
}

func TestDetection(t *testing.T) {
	tests := []struct {
		header string
		want   Format
	}{
		{"folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,login_password,login_totp", FormatBitwardenCSV},
		{"collections,type,name,notes,fields,reprompt,login_uri,login_username,login_password,login_totp", FormatBitwardenCSV},
		{`"Group","Title","Username","Password","URL","Notes"`, FormatKeePassXCCSV},
		{"name,url,username,password", FormatChromeCSV},
		{"url,username,password", FormatFirefoxCSV},
		{"title,notes,username,password,url", FormatOnePassword},
		{"Title,Url,Username,Password,OTPAuth", FormatAppleCSV},
		{"Title,Url,Username,Password,OTPAuth,Favorite,Archived,Tags,Notes", FormatOnePassword},
		{"title,website,username,password,notes", FormatOnePassword},
	}
	for _, tt := range tests {
		res, err := Read(strings.NewReader(tt.header+"\n"), Options{})
		if err != nil || res.Format != tt.want {
			t.Errorf("%s: %s, %v; want %s", tt.header, res.Format, err, tt.want)
		}
	}
}

func TestParseFormat(t *testing.T) {
	for in, want := range map[string]Format{"": FormatAuto, "AUTO": FormatAuto, " Chrome-CSV ": FormatChromeCSV,
		"edge-csv": FormatChromeCSV, "safari-csv": FormatAppleCSV, "1password-csv": FormatOnePassword} {
		if got, err := ParseFormat(in); err != nil || got != want {
			t.Errorf("ParseFormat(%q) = %s, %v", in, got, err)
		}
	}
	for _, f := range Formats {
		if f.Label() == string(f) {
			t.Errorf("%s has no label", f)
		}
	}
}

// A UTF-8 file with one broken byte is reported, not "converted" from
// GB18030 into mojibake.
func TestBrokenUTF8NotTakenForGB18030(t *testing.T) {
	in := chromeHeader + "淘宝网,https://login.taobao.com,张三,pw,备注\n京东,https://jd.com,李四,pw,坏\xff字节\n"
	_, err := Read(strings.NewReader(in), Options{})
	var ie *Error
	if !errors.Is(err, ErrEncoding) || !errors.As(err, &ie) || ie.Line != 3 {
		t.Fatalf("got %v", err)
	}
}

func TestGB18030WithBOM(t *testing.T) {
	enc, _ := simplifiedchinese.GB18030.NewEncoder().String("\ufeff" + chromeHeader + "京东,https://jd.com,张三,pw,备注\n")
	res, err := Read(strings.NewReader(enc), Options{})
	if err != nil || len(res.Entries) != 1 || res.Entries[0].Login != "张三" {
		t.Fatalf("%v %v", err, res.Entries)
	}
}
