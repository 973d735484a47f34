package phonecheck

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/unbindapp/unbind/accounts/catalog"
)

// smsParser walks the normalised text once, reading each count together
// with the name in front of it.
type smsParser struct {
	res *resolver
	out *SMS
	// index is company ID → position in out.Counts; seen is folded name →
	// position in out.Entries.
	index map[string]int
	seen  map[string]int
	// lastTop is the company of the last entry outside brackets.
	lastTop string
	// work counts the runes looked at, so a test can hold the parse to
	// linear time without timing it.
	work int
}

// Words around the names: dropped from a name's start and end.
var (
	leadFillers  = []string{"其中", "分别为", "分别是", "分别", "包括", "以及", "另有", "及", "和", "与", "另", "在", "有", "为", "是", "含"}
	trailFillers = []string{"注册了", "注册", "关联了", "关联", "绑定了", "绑定", "账号数", "账号", "账户", "帐号", "帐户", "平台",
		"上", "有", "为", "是", "了", "的", "约"}
	// totalWords mark the SMS's own total (共注册了14个账号).
	totalWords = []string{"共", "合计", "总计", "总数", "累计"}
	// sentenceWords mark text of the SMS that is no company name.
	sentenceWords = []string{"手机", "号码", "身份证", "查询", "短信", "验证码", "工信部", "反诈", "服务", "结果", "您", "小时",
		"互联网", "应用", "企业", "以下", "如下", "名下", "截至", "截止"}
	// notAccounts follow "N个" when the number counts something else
	// (在可供查询的11个互联网应用平台中).
	notAccounts  = []string{"互联网", "平台", "应用", "企业", "公司", "网站", "app", "小时", "工作日", "月", "字"}
	accountWords = []string{"账号", "账户", "帐号", "帐户"}
)

const cnNumerals = "零〇一二两三四五六七八九十"

func isCnNumeral(r rune) bool { return strings.ContainsRune(cnNumerals, r) }

// scan finds every count: a number followed by 个 (个账号…), or a number
// after "NAME:" / "NAME " at the end of its line.
func (p *smsParser) scan(rs []rune) error {
	segStart, depth := 0, 0
	// beforeParen is the text in front of the last bracket closed at the
	// top level: the name of 阿里巴巴(含淘宝、支付宝)2个.
	var beforeParen []rune
	openStart, openAt := 0, 0
	for i := 0; i < len(rs); i++ {
		p.work++
		r := rs[i]
		switch {
		case r == '\n':
			segStart, beforeParen = i+1, nil
			continue
		case r == '(' || r == '[':
			if depth == 0 {
				openStart, openAt = segStart, i
			}
			depth++
			segStart = i + 1
			continue
		case r == ')' || r == ']':
			if depth > 0 {
				depth--
				if depth == 0 {
					beforeParen = rs[openStart:openAt]
				}
			}
			segStart = i + 1
			continue
		case !isDigit(r) && !isCnNumeral(r):
			continue
		}
		digits := isDigit(r)
		j := i
		for j < len(rs) && ((digits && isDigit(rs[j])) || (!digits && isCnNumeral(rs[j]))) {
			j++
		}
		if digits && i > 0 && rs[i-1] == '*' {
			i = j - 1
			continue
		}
		end, ok := countEnd(rs, i, j, digits)
		if !ok {
			i = j - 1
			continue
		}
		value, ok := countValue(rs[i:j], digits)
		if !ok {
			i = j - 1
			continue
		}
		nameRunes := rs[segStart:i]
		if strings.TrimSpace(string(nameRunes)) == "" && beforeParen != nil {
			nameRunes = beforeParen
		}
		if err := p.entry(nameRunes, value, depth > 0); err != nil {
			return err
		}
		segStart, beforeParen = end, nil
		i = end - 1
	}
	return nil
}

// countEnd says whether the number rs[i:j] is an account count and where
// the count's text ends.
func countEnd(rs []rune, i, j int, digits bool) (int, bool) {
	k := j
	for k < len(rs) && rs[k] == ' ' {
		k++
	}
	if k < len(rs) && rs[k] == '个' {
		k++
		rest := string(rs[k:min(len(rs), k+8)])
		for _, w := range accountWords {
			if strings.HasPrefix(rest, w) {
				return k + utf8.RuneCountInString(w), true
			}
		}
		rest = strings.ToLower(strings.TrimLeft(rest, " "))
		for _, w := range notAccounts {
			if strings.HasPrefix(rest, w) {
				return 0, false
			}
		}
		return k, true
	}
	if !digits || (k == j && k < len(rs) && rs[k] != '\n' && rs[k] != '(' && rs[k] != ')') {
		return 0, false
	}
	// A bare number counts after "NAME:", "NAME=" or "NAME " only.
	b := i - 1
	spaced := false
	for b >= 0 && rs[b] == ' ' {
		b, spaced = b-1, true
	}
	if b < 0 || rs[b] == '\n' {
		return 0, false
	}
	if rs[b] == ':' || rs[b] == '=' || (spaced && !isDigit(rs[b])) {
		return k, true
	}
	return 0, false
}

// countValue reads "12" or "十二"; false for what is no plausible count
// of Chinese numerals (一证通查 has 一 but no 个 after it).
func countValue(rs []rune, digits bool) (int, bool) {
	if digits {
		n := 0
		for _, r := range rs {
			if n > MaxCompanyCount {
				return MaxCompanyCount + 1, true
			}
			n = n*10 + int(r-'0')
		}
		return n, true
	}
	if len(rs) > 3 {
		return 0, false
	}
	val := func(r rune) int {
		if r == '两' {
			return 2
		}
		if r == '〇' {
			return 0
		}
		return strings.IndexRune("零一二三四五六七八九", r) / 3
	}
	s := string(rs)
	if ten := strings.IndexRune(s, '十'); ten >= 0 {
		hi, lo := 1, 0
		if ten > 0 {
			hi = val(rs[0])
		}
		if after := []rune(s[ten+len("十"):]); len(after) == 1 {
			lo = val(after[0])
		} else if len(after) > 1 || strings.Count(s, "十") > 1 {
			return 0, false
		}
		return hi*10 + lo, true
	}
	if len(rs) != 1 {
		return 0, false
	}
	return val(rs[0]), true
}

// entry adds one count: the SMS's total, or a company's or app's count.
func (p *smsParser) entry(nameRunes []rune, value int, inBrackets bool) error {
	p.work += len(nameRunes)
	name := cleanName(string(nameRunes))
	if name == "" {
		return nil
	}
	c, known, err := p.resolve(name)
	if err != nil {
		return &SMSError{Problem: SMSAmbiguous, Name: name, Err: err}
	}
	if !known {
		switch {
		case containsAny(name, totalWords):
			p.out.Total = max(p.out.Total, value)
			return nil
		case utf8.RuneCountInString(name) > maxNameRunes/2 || containsAny(name, sentenceWords) || strings.Trim(name, "0123456789") == "":
			return nil
		}
		c = catalog.Company{ID: name, Name: catalog.Text{Zh: name, En: name}}
	}
	if value > MaxCompanyCount {
		return &SMSError{Problem: SMSCountTooBig, Name: name, Count: value}
	}
	key := fold(name)
	if at, dup := p.seen[key]; dup {
		if prev := p.out.Entries[at].Count; prev != value {
			return &SMSError{Problem: SMSConflict, Name: name, Count: prev, Other: value}
		}
		p.out.Repeated++
		return nil
	}
	if len(p.out.Entries) >= MaxSMSEntries {
		return &SMSError{Problem: SMSTooMany}
	}
	detail := inBrackets && c.ID == p.lastTop
	p.seen[key] = len(p.out.Entries)
	p.out.Entries = append(p.out.Entries, SMSEntry{Name: name, CompanyID: c.ID, Count: value, Detail: detail})
	if detail {
		return nil
	}
	if !inBrackets {
		p.lastTop = c.ID
	}
	if at, ok := p.index[c.ID]; ok {
		p.out.Counts[at].Count = min(p.out.Counts[at].Count+value, MaxCompanyCount)
		return nil
	}
	p.index[c.ID] = len(p.out.Counts)
	p.out.Counts = append(p.out.Counts, CompanyCount{Company: c, InCatalog: known, Count: value})
	return nil
}

// resolve matches a name to a company; a long run of text is tried by its
// endings, since the name is what comes last before the count.
func (p *smsParser) resolve(name string) (catalog.Company, bool, error) {
	rs := []rune(name)
	if len(rs) <= maxNameRunes/2 {
		return p.res.resolve(name)
	}
	for n := min(len(rs), maxNameRunes/2); n >= 2; n-- {
		p.work += n
		if c, ok, err := p.res.resolve(string(rs[len(rs)-n:])); ok || err != nil {
			return c, ok, err
		}
	}
	return catalog.Company{}, false, nil
}

// cleanName is the name in front of a count: after the last ':' or '=',
// without the words around it.
func cleanName(s string) string {
	if i := strings.LastIndexAny(s, ":="); i >= 0 {
		if after := strings.TrimSpace(s[i+1:]); after != "" {
			s = after
		} else {
			s = s[:i]
			if j := strings.LastIndexAny(s, ":="); j >= 0 {
				s = s[j+1:]
			}
		}
	}
	const cut = " -*.\"'“”《》「」<>~_#"
	s = strings.Trim(s, cut)
	for changed := true; changed && s != ""; {
		changed = false
		for _, f := range leadFillers {
			if strings.HasPrefix(s, f) && len(s) > len(f) {
				s, changed = strings.Trim(s[len(f):], cut), true
			}
		}
		for _, f := range trailFillers {
			if strings.HasSuffix(s, f) && len(s) > len(f) {
				s, changed = strings.Trim(s[:len(s)-len(f)], cut), true
			}
		}
	}
	if utf8.RuneCountInString(s) > 4*maxNameRunes {
		rs := []rune(s)
		s = string(rs[len(rs)-4*maxNameRunes:])
	}
	return s
}

func containsAny(s string, words []string) bool {
	return slices.ContainsFunc(words, func(w string) bool { return strings.Contains(s, w) })
}
