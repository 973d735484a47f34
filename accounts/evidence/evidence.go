package evidence

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"strings"
)

// MaxFileBytes caps one evidence file: a phone screenshot or a PDF of a
// confirmation page is a few MiB; 20 MiB leaves room without letting a
// video fill the data folder.
const MaxFileBytes = 20 << 20

// FolderName is the folder inside the data folder.
const FolderName = "evidence"

// Sentinel errors, for errors.Is.
var (
	// ErrTooLarge: the file is over MaxFileBytes.
	ErrTooLarge = errors.New("evidence file too large")
	// ErrNotRegular: a folder, symlink, device or pipe.
	ErrNotRegular = errors.New("not a regular file")
	// ErrType: the content is not one of the accepted types.
	ErrType = errors.New("unsupported evidence type")
	// ErrEmpty: the file has no content.
	ErrEmpty = errors.New("empty evidence file")
	// ErrMissing: no stored file has that hash.
	ErrMissing = errors.New("evidence file missing")
	// ErrBadHash: a name that is not a hex SHA-256, or content that does
	// not match its hash.
	ErrBadHash = errors.New("evidence hash mismatch")
)

// Media types Unbind accepts, sniffed from content, with the extension
// the stored file gets so the system viewer opens it.
var mediaTypes = map[string]string{
	"image/png":       ".png",
	"image/jpeg":      ".jpg",
	"image/gif":       ".gif",
	"image/webp":      ".webp",
	"application/pdf": ".pdf",
	"text/plain":      ".txt",
}

// Accepted says which types are accepted, for messages.
const Accepted = "PNG, JPEG, GIF, WebP, PDF, plain text"

// IsImage reports whether mediaType can be shown as a thumbnail.
func IsImage(mediaType string) bool {
	return mediaType == "image/png" || mediaType == "image/jpeg" || mediaType == "image/gif"
}

// Blob is one stored file.
type Blob struct {
	SHA256    string // lower-case hex
	Size      int64
	MediaType string
	// New is true when this Add created the file (false: the same content
	// was stored already).
	New bool
}

// Dir is an evidence folder.
type Dir struct {
	Path string
}

// New returns the evidence folder inside dataDir; Add creates it (0700)
// the first time a file is attached.
func New(dataDir string) *Dir { return &Dir{Path: filepath.Join(dataDir, FolderName)} }

// ensure creates the folder, refusing a symlink or file in its place.
func (d *Dir) ensure() error {
	if err := os.MkdirAll(d.Path, 0o700); err != nil {
		return fmt.Errorf("evidence: create %s: %w", d.Path, err)
	}
	if fi, err := os.Lstat(d.Path); err != nil || !fi.IsDir() {
		return fmt.Errorf("evidence: %s is not a folder: %w", d.Path, ErrNotRegular)
	}
	if runtime.GOOS != "windows" {
		_ = os.Chmod(d.Path, 0o700)
	}
	return nil
}

// Sniff returns the accepted media type of content's first bytes, or "".
func Sniff(head []byte) string {
	t := http.DetectContentType(head)
	if i := strings.IndexByte(t, ';'); i >= 0 {
		// "text/plain; charset=utf-8": only UTF-8 text (or UTF-16 with
		// a BOM, as Windows tools save chats) is accepted.
		if t[:i] == "text/plain" && (strings.Contains(t, "utf-8") || strings.Contains(t, "utf-16")) {
			return "text/plain"
		}
		t = t[:i]
	}
	if t == "text/plain" {
		return ""
	}
	if _, ok := mediaTypes[t]; ok {
		return t
	}
	return ""
}

// ValidHash reports whether s is a lower-case hex SHA-256.
func ValidHash(s string) bool {
	if len(s) != 64 {
		return false
	}
	for _, c := range s {
		if (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}

// name is the stored file's name.
func name(sum, mediaType string) string { return sum + mediaTypes[mediaType] }

// AddPath copies the file at path (which must be a regular file, not a
// symlink) into the folder.
func (d *Dir) AddPath(path string) (Blob, error) {
	fi, err := os.Lstat(path)
	if err != nil {
		return Blob{}, fmt.Errorf("evidence: %w", err)
	}
	if !fi.Mode().IsRegular() {
		return Blob{}, fmt.Errorf("evidence: %s: %w", filepath.Base(path), ErrNotRegular)
	}
	if fi.Size() > MaxFileBytes {
		return Blob{}, fmt.Errorf("evidence: %s: %w", filepath.Base(path), ErrTooLarge)
	}
	f, err := os.Open(path)
	if err != nil {
		return Blob{}, fmt.Errorf("evidence: %w", err)
	}
	defer f.Close()
	// The file may have been swapped between Lstat and Open.
	if fi2, err := f.Stat(); err != nil || !fi2.Mode().IsRegular() || !os.SameFile(fi, fi2) {
		return Blob{}, fmt.Errorf("evidence: %s: %w", filepath.Base(path), ErrNotRegular)
	}
	return d.Add(f)
}

// Add copies what r yields into the folder: at most MaxFileBytes, of an
// accepted type. Content already stored is not written again.
func (d *Dir) Add(r io.Reader) (b Blob, err error) {
	if err := d.ensure(); err != nil {
		return Blob{}, err
	}
	tmp, err := os.CreateTemp(d.Path, ".add-*.tmp")
	if err != nil {
		return Blob{}, fmt.Errorf("evidence: %w", err)
	}
	defer func() {
		if tmp != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	h := sha256.New()
	head := &headWriter{max: 512}
	n, err := io.Copy(io.MultiWriter(tmp, h, head), io.LimitReader(r, MaxFileBytes+1))
	if err != nil {
		return Blob{}, fmt.Errorf("evidence: copy: %w", err)
	}
	switch {
	case n > MaxFileBytes:
		return Blob{}, fmt.Errorf("evidence: %w", ErrTooLarge)
	case n == 0:
		return Blob{}, fmt.Errorf("evidence: %w", ErrEmpty)
	}
	mt := Sniff(head.buf)
	if mt == "" {
		return Blob{}, fmt.Errorf("evidence: %w", ErrType)
	}
	b = Blob{SHA256: hex.EncodeToString(h.Sum(nil)), Size: n, MediaType: mt}
	final := filepath.Join(d.Path, name(b.SHA256, mt))
	if d.Verify(b.SHA256, mt) == nil {
		return b, nil // the same content, stored before
	}
	// Missing, or changed on disk since: the new copy replaces it.
	if err := tmp.Sync(); err != nil {
		return Blob{}, fmt.Errorf("evidence: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return Blob{}, fmt.Errorf("evidence: %w", err)
	}
	if err := os.Rename(tmp.Name(), final); err != nil {
		return Blob{}, fmt.Errorf("evidence: %w", err)
	}
	tmp = nil
	syncDir(d.Path)
	b.New = true
	return b, nil
}

// PathOf is where the file with sum and mediaType is stored; it fails for a
// name that is not a hash, so no caller can reach outside the folder.
func (d *Dir) PathOf(sum, mediaType string) (string, error) {
	if !ValidHash(sum) {
		return "", fmt.Errorf("evidence: %q: %w", sum, ErrBadHash)
	}
	return filepath.Join(d.Path, name(sum, mediaType)), nil
}

// Read returns the stored content, checked against its hash.
func (d *Dir) Read(sum, mediaType string) ([]byte, error) {
	p, err := d.PathOf(sum, mediaType)
	if err != nil {
		return nil, err
	}
	f, err := os.Open(p)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("evidence: %s: %w", sum[:12], ErrMissing)
		}
		return nil, fmt.Errorf("evidence: %w", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxFileBytes+1))
	if err != nil {
		return nil, fmt.Errorf("evidence: read %s: %w", sum[:12], err)
	}
	if got := sha256.Sum256(data); hex.EncodeToString(got[:]) != sum {
		return nil, fmt.Errorf("evidence: %s changed on disk: %w", sum[:12], ErrBadHash)
	}
	return data, nil
}

// Verify checks that the stored file is there and matches its hash.
func (d *Dir) Verify(sum, mediaType string) error {
	_, err := d.Read(sum, mediaType)
	return err
}

// Remove deletes the stored file; a missing one is no error.
func (d *Dir) Remove(sum, mediaType string) error {
	p, err := d.PathOf(sum, mediaType)
	if err != nil {
		return err
	}
	if err := os.Remove(p); err != nil && !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("evidence: remove %s: %w", sum[:12], err)
	}
	return nil
}

// headWriter keeps the first max bytes written, for sniffing.
type headWriter struct {
	buf []byte
	max int
}

func (w *headWriter) Write(p []byte) (int, error) {
	if room := w.max - len(w.buf); room > 0 {
		w.buf = append(w.buf, p[:min(room, len(p))]...)
	}
	return len(p), nil
}

func syncDir(dir string) {
	if runtime.GOOS == "windows" {
		return
	}
	if f, err := os.Open(dir); err == nil {
		_ = f.Sync()
		f.Close()
	}
}
