package report

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"hash"
	"io"
)

// writeJSONBody writes jsonBody(r) to w without holding the indented
// text: the compact encoding is indented as it is written. For 10,000
// accounts the indented body is tens of megabytes that the digest of
// every PDF and JSON report would otherwise build and throw away.
func writeJSONBody(w io.Writer, r *Report) error {
	var compact bytes.Buffer
	enc := json.NewEncoder(&compact)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(r); err != nil {
		return err
	}
	src := compact.Bytes()
	// The body ends where the report object's closing "\n}" would start:
	// indenting src without its last "}\n" stops exactly there.
	n := len(src)
	if n < 3 || src[n-2] != '}' || src[n-1] != '\n' || src[n-3] == '{' {
		body, err := jsonBody(r) // not an object with members: the plain way
		if err != nil {
			return err
		}
		_, err = w.Write(body)
		return err
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	indentJSON(bw, src[:n-2])
	bw.WriteString(",\n  ")
	return bw.Flush()
}

// indentJSON writes compact JSON (encoding/json's output: no space outside
// strings) indented by two spaces, byte for byte as json.Indent(dst, src,
// "", "  ") would, including leaving empty objects and arrays as {} and [].
func indentJSON(w *bufio.Writer, src []byte) {
	depth := 0
	inString, escaped, needIndent := false, false, false
	newline := func() {
		w.WriteByte('\n')
		for range depth {
			w.WriteString("  ")
		}
	}
	for _, c := range src {
		if inString {
			w.WriteByte(c)
			switch {
			case escaped:
				escaped = false
			case c == '\\':
				escaped = true
			case c == '"':
				inString = false
			}
			continue
		}
		if needIndent && c != '}' && c != ']' {
			needIndent = false
			depth++
			newline()
		}
		switch c {
		case '"':
			inString = true
			w.WriteByte(c)
		case '{', '[':
			needIndent = true // delayed, so that empty ones stay {} and []
			w.WriteByte(c)
		case ',':
			w.WriteByte(c)
			newline()
		case ':':
			w.WriteString(": ")
		case '}', ']':
			if needIndent {
				needIndent = false
			} else {
				depth--
				newline()
			}
			w.WriteByte(c)
		default:
			w.WriteByte(c)
		}
	}
}

// bodyHash is the SHA-256 of r's JSON body, streamed (see writeJSONBody).
func bodyHash(r *Report) (hash.Hash, error) {
	h := sha256.New()
	if err := writeJSONBody(h, r); err != nil {
		return nil, err
	}
	return h, nil
}
