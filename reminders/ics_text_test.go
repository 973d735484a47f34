package reminders

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func TestICSFold(t *testing.T) {
	for _, line := range []string{
		"",
		strings.Repeat("a", 75),
		strings.Repeat("a", 76),
		strings.Repeat("a", 75+74+1),
		"SUMMARY:" + strings.Repeat("注销", 40),
		"DESCRIPTION:x" + strings.Repeat("😀", 50), // 4-octet characters
		"DESCRIPTION:xx" + strings.Repeat("é", 100),
		"DESCRIPTION:" + strings.Repeat(`\,`, 100),
		"DESCRIPTION:x" + strings.Repeat(`\\`, 100),
		"DESCRIPTION:" + strings.Repeat(`a\;`, 100),
	} {
		folded := icsFold(line)
		if !strings.HasSuffix(folded, "\r\n") {
			t.Fatalf("no CRLF at the end of %q", folded)
		}
		phys := strings.Split(strings.TrimSuffix(folded, "\r\n"), "\r\n")
		var unfolded strings.Builder
		for i, p := range phys {
			if len(p) > icsMaxLine {
				t.Errorf("physical line %d of %q is %d octets", i, line[:min(len(line), 20)], len(p))
			}
			if !utf8.ValidString(p) {
				t.Errorf("physical line %d splits a character: %q", i, p)
			}
			if i < len(phys)-1 && endsInOpenEscape(p) {
				t.Errorf("physical line %d splits an escape: %q", i, p)
			}
			if i > 0 {
				if !strings.HasPrefix(p, " ") {
					t.Fatalf("continuation line %d does not start with a space", i)
				}
				p = p[1:]
			}
			unfolded.WriteString(p)
		}
		if unfolded.String() != line {
			t.Errorf("unfold(fold(%q)) = %q", line, unfolded.String())
		}
		if len(line) <= icsMaxLine && len(phys) != 1 {
			t.Errorf("a %d-octet line was folded", len(line))
		}
		if len(line) > icsMaxLine && len(phys[0]) < icsMaxLine-3 {
			t.Errorf("first line of a long line is only %d octets", len(phys[0]))
		}
	}
}

func TestICSText(t *testing.T) {
	for in, want := range map[string]string{
		`a\b;c,d`:          `a\\b\;c\,d`,
		"一\n二\r\n三\r四":     `一\n二\n三\n四`,
		"tab\there":        "tab\there",
		"bell\x07 nul\x00": "bell nul",
		"bad \xff utf8":    "bad \uFFFD utf8",
		"冒号:不用转义":          "冒号:不用转义",
	} {
		if got := icsText(in); got != want {
			t.Errorf("icsText(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestICSDuration(t *testing.T) {
	for d, want := range map[time.Duration]string{
		0:                                "PT0S",
		-15 * time.Minute:                "-PT15M",
		-time.Hour:                       "-PT1H",
		-(time.Hour + 5*time.Second):     "-PT1H0M5S",
		-(26*time.Hour + 30*time.Minute): "-P1DT2H30M",
		-48 * time.Hour:                  "-P2D",
		90 * time.Second:                 "PT1M30S",
		1500 * time.Millisecond:          "PT1S",
	} {
		if got := icsDuration(d); got != want {
			t.Errorf("icsDuration(%v) = %q, want %q", d, got, want)
		}
	}
}
