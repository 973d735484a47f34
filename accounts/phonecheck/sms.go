package phonecheck

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/unbindapp/unbind/accounts/catalog"
)

// Bounds on a pasted result SMS. A real one is a few hundred characters
// split into two or three parts; anything far larger is not an SMS.
const (
	MaxSMSBytes   = 16 << 10
	MaxSMSEntries = 100
	// maxNameRunes is the longest text read as a company or app name;
	// longer runs are sentences of the SMS around the counts.
	maxNameRunes = 24
)

// SMS is a 一证通查 result SMS as parsed by ParseSMS.
type SMS struct {
	// Phone is the number's digits when the SMS spells it out in full.
	Phone string `json:"phone,omitempty"`
	// MaskedPhone is the number as the SMS shows it masked (138****5678).
	MaskedPhone string `json:"masked_phone,omitempty"`
	// Counts are per catalog company, summed over the names the SMS lists
	// for it (阿里巴巴 and 支付宝 are both Alibaba Group), in the order met.
	Counts []CompanyCount `json:"counts"`
	// Entries are the lines as the SMS gives them, before summing.
	Entries []SMSEntry `json:"entries"`
	// Total is the total the SMS states (共…个账号), -1 when it states none.
	Total int `json:"total"`
	// Repeated counts entries met twice with the same count (the same part
	// pasted twice) and counted once.
	Repeated int `json:"repeated,omitempty"`
}

// SMSEntry is one "NAME N个" of the SMS.
type SMSEntry struct {
	Name      string `json:"name"`
	CompanyID string `json:"company"`
	Count     int    `json:"count"`
	// Detail marks an entry in brackets after its company's own count
	// (腾讯3个（微信1个、QQ2个）): a breakdown, not added again.
	Detail bool `json:"detail,omitempty"`
}

// Sum is the total of the per-company counts.
func (s SMS) Sum() int {
	n := 0
	for _, c := range s.Counts {
		n += c.Count
	}
	return n
}

// TotalMismatch reports whether the SMS states a total that the companies
// do not add up to: a part of it is probably missing from the paste.
func (s SMS) TotalMismatch() bool { return s.Total >= 0 && s.Total != s.Sum() }

// SMSProblem says why a text is not a result SMS; the UI words each one.
type SMSProblem string

// The problems ParseSMS reports.
const (
	SMSEmpty       SMSProblem = "empty"
	SMSTooLong     SMSProblem = "too_long"
	SMSNoCounts    SMSProblem = "no_counts"
	SMSOnlyTotal   SMSProblem = "only_total"
	SMSCountTooBig SMSProblem = "count_too_big"
	SMSConflict    SMSProblem = "conflict"
	SMSTooMany     SMSProblem = "too_many"
	SMSAmbiguous   SMSProblem = "ambiguous"
)

// SMSError is why ParseSMS refused a text, on one line.
type SMSError struct {
	Problem SMSProblem
	// Name is the company or app concerned, if any.
	Name string
	// Count and Other are the numbers concerned: the count too big, or
	// the two counts given for Name; Count is the total for SMSOnlyTotal.
	Count, Other int
	// Err is the cause, for SMSAmbiguous.
	Err error
}

func (e *SMSError) Error() string {
	switch e.Problem {
	case SMSEmpty:
		return "phone check: the SMS text is empty"
	case SMSTooLong:
		return fmt.Sprintf("phone check: the text is over %d KiB, which is no SMS; paste only the result SMS", MaxSMSBytes>>10)
	case SMSOnlyTotal:
		return fmt.Sprintf("phone check: the SMS gives only a total (%d) and no company; enter the companies by hand", e.Count)
	case SMSCountTooBig:
		return fmt.Sprintf("phone check: %s: %d is more than %d accounts; check the text", e.Name, e.Count, MaxCompanyCount)
	case SMSConflict:
		return fmt.Sprintf("phone check: %s is given twice, with %d and %d; paste each part of the SMS once", e.Name, e.Count, e.Other)
	case SMSTooMany:
		return fmt.Sprintf("phone check: more than %d counts; paste only the result SMS", MaxSMSEntries)
	case SMSAmbiguous:
		return e.Err.Error()
	}
	return "phone check: no company with a count found; paste the whole result SMS, or enter the counts by hand"
}

func (e *SMSError) Unwrap() error { return e.Err }

// ParseSMS reads a 一证通查 result SMS as a person pastes it: one or several
// parts, with or without their headers and part markers ((1/2)), with
// full-width digits and punctuation, counts written "腾讯2个", "微信：1个账号",
// "QQ 2" or "淘宝两个", separated by commas, 、, semicolons or line breaks.
// Each name is matched to a catalog company with ResolveCompany; a name
// the catalog does not know is kept as written. It runs in time linear in
// the text, which it refuses beyond MaxSMSBytes; every refusal is an
// *SMSError.
func ParseSMS(cat *catalog.Catalog, text string) (SMS, error) {
	s, _, err := parseSMS(cat, text)
	return s, err
}

// parseSMS is ParseSMS, also returning the runes the scan looked at.
func parseSMS(cat *catalog.Catalog, text string) (SMS, int, error) {
	out := SMS{Counts: []CompanyCount{}, Entries: []SMSEntry{}, Total: -1}
	if len(text) > MaxSMSBytes {
		return out, 0, &SMSError{Problem: SMSTooLong}
	}
	rs := normaliseSMS(text)
	if strings.TrimSpace(string(rs)) == "" {
		return out, 0, &SMSError{Problem: SMSEmpty}
	}
	out.Phone, out.MaskedPhone = findPhone(rs)
	p := smsParser{res: newResolver(cat), out: &out, index: map[string]int{}, seen: map[string]int{}}
	if err := p.scan(rs); err != nil {
		return SMS{Counts: []CompanyCount{}, Entries: []SMSEntry{}, Total: -1}, p.work, err
	}
	if len(out.Counts) == 0 {
		if out.Total >= 0 {
			return out, p.work, &SMSError{Problem: SMSOnlyTotal, Count: out.Total}
		}
		return out, p.work, &SMSError{Problem: SMSNoCounts}
	}
	return out, p.work, nil
}

// normaliseSMS folds full-width forms to ASCII, drops the 【signature】
// headers and the part markers, and turns every separator into '\n'.
func normaliseSMS(text string) []rune {
	text = strings.ToValidUTF8(text, "")
	rs := make([]rune, 0, utf8.RuneCountInString(text))
	inSig := false
	for _, r := range text {
		switch {
		case r >= 0xFF01 && r <= 0xFF5E:
			r -= 0xFEE0
		case r == 0x3000 || r == '\t' || r == 0xA0:
			r = ' '
		}
		switch r {
		case '【':
			inSig = true
			continue
		case '】':
			inSig = false
			rs = append(rs, '\n')
			continue
		case '\r', ',', ';', '、', '。', '!', '?', '|', '\u2028', '\u2029':
			r = '\n'
		}
		if inSig {
			continue
		}
		if unicode.IsControl(r) && r != '\n' {
			continue
		}
		rs = append(rs, r)
	}
	return dropPartMarkers(rs)
}

// dropPartMarkers blanks "(1/2)", "[2/3]" and a bare "1/2": how phones
// and carriers number the parts of a long SMS.
func dropPartMarkers(rs []rune) []rune {
	for i := 0; i < len(rs); i++ {
		if !isDigit(rs[i]) || (i > 0 && isDigit(rs[i-1])) {
			continue
		}
		j := i
		for j < len(rs) && j-i < 2 && isDigit(rs[j]) {
			j++
		}
		if j >= len(rs) || rs[j] != '/' || j+1 >= len(rs) || !isDigit(rs[j+1]) {
			continue
		}
		k := j + 1
		for k < len(rs) && k-j <= 2 && isDigit(rs[k]) {
			k++
		}
		if k < len(rs) && isDigit(rs[k]) {
			continue
		}
		start, end := i, k
		if start > 0 && (rs[start-1] == '(' || rs[start-1] == '[') {
			start--
		}
		if end < len(rs) && (rs[end] == ')' || rs[end] == ']') {
			end++
		}
		for x := start; x < end; x++ {
			rs[x] = '\n'
		}
		i = end - 1
	}
	return rs
}

// findPhone finds the number the SMS is about: 11 digits starting with 1,
// or the masked form 138****5678.
func findPhone(rs []rune) (digits, masked string) {
	for i := 0; i < len(rs); i++ {
		if !isDigit(rs[i]) || (i > 0 && (isDigit(rs[i-1]) || rs[i-1] == '*')) {
			continue
		}
		j := i
		for j < len(rs) && (isDigit(rs[j]) || rs[j] == '*') {
			j++
		}
		run := string(rs[i:j])
		i = j
		if len(run) != 11 || run[0] != '1' {
			continue
		}
		if !strings.Contains(run, "*") {
			if digits == "" {
				digits = run
			}
		} else if masked == "" && strings.Trim(run[3:7], "*") == "" && !strings.Contains(run[:3]+run[7:], "*") {
			masked = run
		}
	}
	return digits, masked
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }
