package main

import (
	"io"
	"unicode/utf8"
)

// termSafe neutralises control characters on their way to a terminal:
// names, notes and catalog text are free text, and an escape sequence in
// one (ESC ] 0;… retitles the window, ESC [2J clears the screen) must not
// act on the person's terminal. Newlines and tabs pass; every other C0
// control, DEL and the C1 controls (U+0080–U+009F, which some terminals
// obey in UTF-8) become U+FFFD. JSON, secrets and calendar files go to the
// raw writer instead, byte for byte.
type termSafe struct {
	w       io.Writer
	pending []byte // the start of a UTF-8 sequence cut by a Write
}

var _ io.Writer = (*termSafe)(nil)

const replacement = "\uFFFD"

func (t *termSafe) Write(p []byte) (int, error) {
	data := p
	if len(t.pending) > 0 {
		data = append(t.pending, p...)
		t.pending = nil
	}
	out := make([]byte, 0, len(data))
	for i := 0; i < len(data); {
		b := data[i]
		if b < utf8.RuneSelf {
			if (b < 0x20 && b != '\n' && b != '\t') || b == 0x7f {
				out = append(out, replacement...)
			} else {
				out = append(out, b)
			}
			i++
			continue
		}
		if !utf8.FullRune(data[i:]) {
			t.pending = append([]byte(nil), data[i:]...)
			break
		}
		r, size := utf8.DecodeRune(data[i:])
		if (r >= 0x80 && r <= 0x9f) || (r == utf8.RuneError && size == 1) {
			out = append(out, replacement...)
		} else {
			out = append(out, data[i:i+size]...)
		}
		i += size
	}
	if _, err := t.w.Write(out); err != nil {
		return 0, err
	}
	return len(p), nil
}

// Flush writes a cut sequence left at the end as U+FFFD.
func (t *termSafe) Flush() error {
	if len(t.pending) == 0 {
		return nil
	}
	t.pending = nil
	_, err := io.WriteString(t.w, replacement)
	return err
}
