package reminders_test

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"
)

// A small, strict iCalendar reader for the tests: it checks the physical
// format (CRLF, ≤ 75 octets, valid UTF-8 on every physical line), unfolds,
// splits properties and parameters, unescapes TEXT and builds the component
// tree.

type icsProp struct {
	Name   string
	Params map[string]string
	Value  string // raw, still escaped
}

type icsComp struct {
	Name  string
	Props []icsProp
	Subs  []*icsComp
}

// get returns the only property called name.
func (c *icsComp) get(name string) (icsProp, error) {
	var found []icsProp
	for _, p := range c.Props {
		if p.Name == name {
			found = append(found, p)
		}
	}
	if len(found) != 1 {
		return icsProp{}, fmt.Errorf("%s has %d %s properties, want 1", c.Name, len(found), name)
	}
	return found[0], nil
}

// text returns the unescaped TEXT value of the only property called name.
func (c *icsComp) text(name string) (string, error) {
	p, err := c.get(name)
	if err != nil {
		return "", err
	}
	return unescapeICSText(p.Value)
}

func (c *icsComp) has(name string) bool {
	for _, p := range c.Props {
		if p.Name == name {
			return true
		}
	}
	return false
}

func (c *icsComp) subs(name string) []*icsComp {
	var out []*icsComp
	for _, s := range c.Subs {
		if s.Name == name {
			out = append(out, s)
		}
	}
	return out
}

// parseICS parses a whole iCalendar stream holding one VCALENDAR.
func parseICS(data []byte) (*icsComp, error) {
	if !bytes.HasSuffix(data, []byte("\r\n")) {
		return nil, fmt.Errorf("the file does not end in CRLF")
	}
	physical := strings.Split(strings.TrimSuffix(string(data), "\r\n"), "\r\n")
	var logical []string
	for i, l := range physical {
		switch {
		case strings.ContainsAny(l, "\r\n"):
			return nil, fmt.Errorf("line %d has a bare CR or LF: %q", i+1, l)
		case len(l) > 75:
			return nil, fmt.Errorf("line %d is %d octets long: %q", i+1, len(l), l)
		case !utf8.ValidString(l):
			return nil, fmt.Errorf("line %d is not valid UTF-8 (a split character?): %q", i+1, l)
		case l == "":
			return nil, fmt.Errorf("line %d is empty", i+1)
		}
		if l[0] == ' ' || l[0] == '\t' {
			if len(logical) == 0 {
				return nil, fmt.Errorf("line %d continues nothing", i+1)
			}
			logical[len(logical)-1] += l[1:]
			continue
		}
		logical = append(logical, l)
	}
	var stack []*icsComp
	var root *icsComp
	for _, l := range logical {
		p, err := parseICSLine(l)
		if err != nil {
			return nil, err
		}
		switch p.Name {
		case "BEGIN":
			c := &icsComp{Name: p.Value}
			if len(stack) > 0 {
				top := stack[len(stack)-1]
				top.Subs = append(top.Subs, c)
			} else if root != nil {
				return nil, fmt.Errorf("a second top-level component %s", p.Value)
			} else {
				root = c
			}
			stack = append(stack, c)
		case "END":
			if len(stack) == 0 || stack[len(stack)-1].Name != p.Value {
				return nil, fmt.Errorf("END:%s does not close the open component", p.Value)
			}
			stack = stack[:len(stack)-1]
		default:
			if len(stack) == 0 {
				return nil, fmt.Errorf("property %s outside any component", p.Name)
			}
			top := stack[len(stack)-1]
			top.Props = append(top.Props, p)
		}
	}
	if root == nil || len(stack) != 0 {
		return nil, fmt.Errorf("no complete top-level component")
	}
	return root, nil
}

// parseICSLine splits name *(";" param) ":" value; parameter values may be
// quoted.
func parseICSLine(l string) (icsProp, error) {
	p := icsProp{Params: map[string]string{}}
	i := strings.IndexAny(l, ";:")
	if i <= 0 {
		return p, fmt.Errorf("no property name in %q", l)
	}
	p.Name = l[:i]
	for _, r := range p.Name {
		if !(r == '-' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return p, fmt.Errorf("bad property name %q", p.Name)
		}
	}
	rest := l[i:]
	for rest[0] == ';' {
		rest = rest[1:]
		eq := strings.IndexByte(rest, '=')
		if eq <= 0 {
			return p, fmt.Errorf("bad parameter in %q", l)
		}
		name := rest[:eq]
		rest = rest[eq+1:]
		var val string
		if strings.HasPrefix(rest, `"`) {
			end := strings.IndexByte(rest[1:], '"')
			if end < 0 {
				return p, fmt.Errorf("unterminated quote in %q", l)
			}
			val, rest = rest[1:end+1], rest[end+2:]
		} else {
			end := strings.IndexAny(rest, ";:")
			if end < 0 {
				return p, fmt.Errorf("no value in %q", l)
			}
			val, rest = rest[:end], rest[end:]
		}
		p.Params[name] = val
		if rest == "" {
			return p, fmt.Errorf("no value in %q", l)
		}
	}
	if rest[0] != ':' {
		return p, fmt.Errorf("no ':' in %q", l)
	}
	p.Value = rest[1:]
	return p, nil
}

// unescapeICSText reverses TEXT escaping and rejects what a writer must
// have escaped.
func unescapeICSText(s string) (string, error) {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '\\':
			if i+1 == len(s) {
				return "", fmt.Errorf("trailing backslash in %q", s)
			}
			i++
			switch s[i] {
			case '\\', ';', ',':
				b.WriteByte(s[i])
			case 'n', 'N':
				b.WriteByte('\n')
			default:
				return "", fmt.Errorf("bad escape \\%c in %q", s[i], s)
			}
		case ';', ',':
			return "", fmt.Errorf("unescaped %q in TEXT %q", c, s)
		default:
			if c < 0x20 && c != '\t' || c == 0x7f {
				return "", fmt.Errorf("control character %#x in TEXT", c)
			}
			b.WriteByte(c)
		}
	}
	return b.String(), nil
}
