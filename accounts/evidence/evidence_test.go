package evidence

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// pngBytes starts like a PNG (signature and header): what the content
// sniffer looks at. It does not decode; thumbnail_test.go makes real ones.
var pngBytes = []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89" +
	"\x00\x00\x00\rIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa7\x35\x81\x84\x00\x00\x00\x00IEND\xaeB`\x82")

func sum(b []byte) string { s := sha256.Sum256(b); return hex.EncodeToString(s[:]) }

func TestAddCopiesHashesAndNamesByContent(t *testing.T) {
	data := t.TempDir()
	d := New(data)
	src := filepath.Join(t.TempDir(), "确认页 screenshot.PDF.png") // the extension lies about nothing here
	if err := os.WriteFile(src, pngBytes, 0o644); err != nil {
		t.Fatal(err)
	}
	b, err := d.AddPath(src)
	if err != nil {
		t.Fatal(err)
	}
	if b.SHA256 != sum(pngBytes) || b.Size != int64(len(pngBytes)) || b.MediaType != "image/png" || !b.New {
		t.Fatalf("blob = %+v", b)
	}
	stored := filepath.Join(data, FolderName, b.SHA256+".png")
	got, err := os.ReadFile(stored)
	if err != nil || !bytes.Equal(got, pngBytes) {
		t.Fatalf("stored copy: %v", err)
	}
	if runtime.GOOS != "windows" {
		fi, _ := os.Stat(stored)
		di, _ := os.Stat(filepath.Join(data, FolderName))
		if fi.Mode().Perm() != 0o600 || di.Mode().Perm() != 0o700 {
			t.Fatalf("modes: file %v, folder %v; want 0600 and 0700", fi.Mode().Perm(), di.Mode().Perm())
		}
	}
	// The same content again is deduplicated; no temporary file is left.
	again, err := d.Add(bytes.NewReader(pngBytes))
	if err != nil || again.New || again.SHA256 != b.SHA256 {
		t.Fatalf("second add = %+v, %v", again, err)
	}
	entries, _ := os.ReadDir(filepath.Join(data, FolderName))
	if len(entries) != 1 {
		t.Fatalf("folder holds %d entries, want 1", len(entries))
	}
	if err := d.Verify(b.SHA256, b.MediaType); err != nil {
		t.Fatal(err)
	}
	// Changed on disk: Verify says so.
	if err := os.WriteFile(stored, append(pngBytes, 0), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := d.Verify(b.SHA256, b.MediaType); !errors.Is(err, ErrBadHash) {
		t.Fatalf("verify of a changed file = %v, want ErrBadHash", err)
	}
	// Adding the original again repairs the changed copy.
	if again, err := d.Add(bytes.NewReader(pngBytes)); err != nil || !again.New || d.Verify(b.SHA256, b.MediaType) != nil {
		t.Fatalf("re-adding over a changed copy: %+v, %v", again, err)
	}
	if err := d.Remove(b.SHA256, b.MediaType); err != nil {
		t.Fatal(err)
	}
	if err := d.Verify(b.SHA256, b.MediaType); !errors.Is(err, ErrMissing) {
		t.Fatalf("verify after remove = %v, want ErrMissing", err)
	}
}

func TestAddRefusesWhatIsNotEvidence(t *testing.T) {
	d := New(t.TempDir())
	tmp := t.TempDir()
	big := filepath.Join(tmp, "big.pdf")
	f, _ := os.Create(big)
	f.WriteString("%PDF-1.4\n")
	f.Truncate(MaxFileBytes + 1)
	f.Close()
	exe := filepath.Join(tmp, "photo.png") // the name says PNG, the content is an ELF
	os.WriteFile(exe, []byte("\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x02\x00"), 0o600)
	html := filepath.Join(tmp, "chat.txt")
	os.WriteFile(html, []byte("<html><script>alert(1)</script></html>"), 0o600)
	empty := filepath.Join(tmp, "empty.txt")
	os.WriteFile(empty, nil, 0o600)
	cases := map[string]struct {
		path string
		want error
	}{
		"over the cap":    {big, ErrTooLarge},
		"a program":       {exe, ErrType},
		"HTML named .txt": {html, ErrType},
		"empty":           {empty, ErrEmpty},
		"a folder":        {tmp, ErrNotRegular},
		"missing":         {filepath.Join(tmp, "nope"), os.ErrNotExist},
	}
	if runtime.GOOS != "windows" {
		link := filepath.Join(tmp, "link.png")
		good := filepath.Join(tmp, "good.png")
		os.WriteFile(good, pngBytes, 0o600)
		if err := os.Symlink(good, link); err != nil {
			t.Fatal(err)
		}
		cases["a symlink"] = struct {
			path string
			want error
		}{link, ErrNotRegular}
		cases["a device"] = struct {
			path string
			want error
		}{"/dev/zero", ErrNotRegular}
	}
	for name, c := range cases {
		if _, err := d.AddPath(c.path); !errors.Is(err, c.want) {
			t.Errorf("%s: err = %v, want %v", name, err, c.want)
		}
	}
	// A stream over the cap is cut at the cap, not read to its end.
	r := &countingReader{}
	if _, err := d.Add(r); !errors.Is(err, ErrTooLarge) || r.n > MaxFileBytes+64<<10 {
		t.Fatalf("endless stream: err %v after %d bytes", err, r.n)
	}
	if entries, _ := os.ReadDir(d.Path); len(entries) != 0 {
		t.Fatalf("refused files left %d entries behind", len(entries))
	}
}

type countingReader struct{ n int }

func (r *countingReader) Read(p []byte) (int, error) {
	copy(p, "%PDF-1.7\n")
	r.n += len(p)
	return len(p), nil
}

func TestSniffByContent(t *testing.T) {
	cases := map[string]string{
		string(pngBytes):                   "image/png",
		"\xff\xd8\xff\xe0\x00\x10JFIF\x00": "image/jpeg",
		"%PDF-1.7\n%âãÏÓ":                  "application/pdf",
		"客服：您的注销申请已受理。":                    "text/plain",
		"\xff\xfeh\x00i\x00":               "text/plain", // UTF-16 LE with BOM
		"GIF89a\x01\x00":                   "image/gif",
		"PK\x03\x04 a zip":                 "",
		"<!DOCTYPE html><p>x":              "",
		"\x00\x01\x02binary":               "",
	}
	for in, want := range cases {
		if got := Sniff([]byte(in)); got != want {
			t.Errorf("Sniff(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPathOfRefusesNamesThatAreNotHashes(t *testing.T) {
	d := New(t.TempDir())
	for _, bad := range []string{"", "../../etc/passwd", strings.Repeat("A", 64), strings.Repeat("a", 63) + "/"} {
		if _, err := d.PathOf(bad, "image/png"); !errors.Is(err, ErrBadHash) {
			t.Errorf("PathOf(%q) = %v, want ErrBadHash", bad, err)
		}
		if err := d.Remove(bad, "image/png"); !errors.Is(err, ErrBadHash) {
			t.Errorf("Remove(%q) = %v, want ErrBadHash", bad, err)
		}
	}
}
