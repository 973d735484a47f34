package importer

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
)

// bwItem is the part of a Bitwarden JSON item we read. Layout of the
// unencrypted export ({"encrypted": false, "folders"|"collections": […],
// "items": [{"type": 1, "name", "notes", "revisionDate", "login":
// {"uris": [{"uri"}], "username", "password", "totp"}}]}); type 1 is a
// login, 2 a secure note, 3 a card, 4 an identity, 5 an SSH key. Source:
// bitwarden/clients individual-vault-export.service.ts buildJsonExport and
// libs/common/src/models/export (CipherExport, LoginExport). JSON nulls
// leave the strings empty.
type bwItem struct {
	Type         int    `json:"type"`
	Name         string `json:"name"`
	Notes        string `json:"notes"`
	RevisionDate string `json:"revisionDate"`
	Login        *struct {
		URIs []struct {
			URI string `json:"uri"`
		} `json:"uris"`
		Username string `json:"username"`
		Password string `json:"password"`
		TOTP     string `json:"totp"`
	} `json:"login"`
}

const bwLogin = 1

// bitwardenJSON reads an unencrypted Bitwarden JSON export, streaming the
// items so that each entry knows the line it starts on.
func (p *parser) bitwardenJSON(text string) error {
	dec := json.NewDecoder(strings.NewReader(text))
	if tok, err := dec.Token(); err != nil {
		return p.jsonError(text, dec, err)
	} else if d, ok := tok.(json.Delim); !ok || d != '{' {
		return p.notBitwarden()
	}
	sawItems := false
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return p.jsonError(text, dec, err)
		}
		key, _ := tok.(string)
		switch key {
		case "encrypted", "passwordProtected":
			var on bool
			if err := dec.Decode(&on); err != nil {
				return p.jsonError(text, dec, err)
			}
			if on {
				return newError(ErrEncrypted, p.format, 0, "this Bitwarden export is encrypted; export again "+
					`choosing the file format ".json" (not ".json (Encrypted)"), import it, then delete it`)
			}
		case "items":
			sawItems = true
			if err := p.bitwardenItems(text, dec); err != nil {
				return err
			}
		default:
			var skip json.RawMessage
			if err := dec.Decode(&skip); err != nil {
				return p.jsonError(text, dec, err)
			}
		}
	}
	if _, err := dec.Token(); err != nil {
		return p.jsonError(text, dec, err)
	}
	if !sawItems {
		return p.notBitwarden()
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return newError(ErrSyntax, p.format, lineAt(text, int(dec.InputOffset())), "unexpected data after the end of the JSON document")
	}
	return nil
}

func (p *parser) bitwardenItems(text string, dec *json.Decoder) error {
	if tok, err := dec.Token(); err != nil {
		return p.jsonError(text, dec, err)
	} else if d, ok := tok.(json.Delim); !ok || d != '[' {
		return newError(ErrSyntax, p.format, lineAt(text, int(dec.InputOffset())), `"items" is not a list`)
	}
	lines := newLineCounter(text)
	for dec.More() {
		line := lines.at(skipJSONSpace(text, int(dec.InputOffset())))
		var it bwItem
		if err := dec.Decode(&it); err != nil {
			return p.jsonError(text, dec, err)
		}
		if it.Type != bwLogin || it.Login == nil {
			p.res.Skipped++
			continue
		}
		e := Entry{
			Line:     line,
			Title:    it.Name,
			Login:    it.Login.Username,
			Password: Secret(it.Login.Password),
			Notes:    it.Notes,
			TOTP:     strings.TrimSpace(it.Login.TOTP) != "",
			Modified: parseTime(it.RevisionDate),
		}
		for _, u := range it.Login.URIs {
			switch u := strings.TrimSpace(u.URI); {
			case u == "":
			case e.URL == "":
				e.URL = u
			default:
				e.OtherURLs = append(e.OtherURLs, u)
			}
		}
		if err := p.add(e); err != nil {
			return err
		}
	}
	_, err := dec.Token() // ]
	if err != nil {
		return p.jsonError(text, dec, err)
	}
	return nil
}

// skipJSONSpace moves off past the whitespace and comma before a value.
func skipJSONSpace(s string, off int) int {
	for off < len(s) && strings.IndexByte(" \t\r\n,", s[off]) >= 0 {
		off++
	}
	return off
}

func (p *parser) notBitwarden() error {
	if !p.detected {
		return newError(ErrUnknownFormat, p.format, 1, `a JSON file, but not an unencrypted Bitwarden export (no "items" list)`)
	}
	return newError(ErrUnknownFormat, "", 1, `not a recognised export: a JSON file, but not an unencrypted `+
		`Bitwarden export (no "items" list); the other supported exports are CSV files`)
}

// jsonError turns a decoding error into one line naming the line.
func (p *parser) jsonError(text string, dec *json.Decoder, err error) error {
	off := int(dec.InputOffset())
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return newError(ErrSyntax, p.format, lineAt(text, len(text)), "the JSON ends too early (the file is cut off)")
	case errors.As(err, &syn):
		return newError(ErrSyntax, p.format, lineAt(text, int(syn.Offset)), "not valid JSON: %s", syn.Error())
	case errors.As(err, &typ):
		return newError(ErrSyntax, p.format, lineAt(text, int(typ.Offset)),
			"field %q holds a JSON %s where Bitwarden writes a %s", typ.Field, typ.Value, jsonKind(typ.Type.Kind().String()))
	}
	return newError(ErrSyntax, p.format, lineAt(text, off), "%s", fmt.Sprint(err))
}

func jsonKind(k string) string {
	switch k {
	case "int":
		return "number"
	case "struct", "ptr":
		return "object"
	case "slice":
		return "list"
	}
	return k
}
