package phonecheck

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/unbindapp/unbind/accounts/catalog"
)

// CompanyCount is one line of a 一证通查 result SMS: a company and how many
// accounts it says the phone number holds.
type CompanyCount struct {
	Company catalog.Company `json:"company"`
	// InCatalog is false for a company Unbind's catalog does not know; its
	// ID is then the name as entered.
	InCatalog bool `json:"in_catalog"`
	Count     int  `json:"count"`
}

// MaxCompanyCount bounds a count, to catch typos such as 阿里巴巴=22222.
const MaxCompanyCount = 999

// legalSuffixes are dropped from company names to get the name people
// write: 阿里巴巴集团 → 阿里巴巴, 快手科技 → 快手.
var legalSuffixes = []string{"有限责任公司", "有限公司", "信息科技", "控股", "集团", "公司", "科技",
	"holdings", "group", "technology", "inc", "corporation"}

// ResolveCompany finds the catalog company meant by name: its ID
// (alibaba), its Chinese or English name with or without the legal suffix
// (阿里巴巴集团, 阿里巴巴, Alibaba Group), a legal name that contains it
// (深圳市腾讯计算机系统有限公司), or the name of one of its platforms (淘宝,
// 小红书). ok is false when none matches; an error means several do.
func ResolveCompany(cat *catalog.Catalog, name string) (catalog.Company, bool, error) {
	return newResolver(cat).resolve(name)
}

// resolver holds the catalog's companies, gathered once for many names.
type resolver struct {
	cat       *catalog.Catalog
	companies map[string]catalog.Company
	ids       []string
	// memo remembers each folded name's answer: a pasted SMS repeats them.
	memo map[string]resolved
}

type resolved struct {
	c   catalog.Company
	ok  bool
	err error
}

func newResolver(cat *catalog.Catalog) *resolver {
	r := &resolver{cat: cat, companies: map[string]catalog.Company{}, memo: map[string]resolved{}}
	if cat == nil {
		return r
	}
	for _, p := range cat.All() {
		if p.Company.ID != "" {
			if _, ok := r.companies[p.Company.ID]; !ok {
				r.ids = append(r.ids, p.Company.ID)
			}
			r.companies[p.Company.ID] = p.Company
		}
	}
	slices.Sort(r.ids)
	return r
}

func (r *resolver) resolve(name string) (catalog.Company, bool, error) {
	q := fold(name)
	if q == "" || r.cat == nil {
		return catalog.Company{}, false, nil
	}
	if m, ok := r.memo[q]; ok {
		return m.c, m.ok, m.err
	}
	c, ok, err := r.match(name, q)
	if len(r.memo) < 4*MaxSMSEntries {
		r.memo[q] = resolved{c, ok, err}
	}
	return c, ok, err
}

func (r *resolver) match(name, q string) (catalog.Company, bool, error) {
	cat, companies, ids := r.cat, r.companies, r.ids
	// Each pass is weaker than the one before; the first that matches
	// decides, and must match one company only.
	passes := []func(c catalog.Company) bool{
		func(c catalog.Company) bool {
			return q == fold(c.ID) || q == fold(c.Name.Zh) || q == fold(c.Name.En)
		},
		func(c catalog.Company) bool {
			for _, p := range cat.ByCompany(c.ID) {
				if q == fold(p.Names.Zh) || q == fold(p.Names.En) || q == fold(p.ID) || slices.ContainsFunc(p.Aliases, func(a string) bool { return fold(a) == q }) {
					return true
				}
			}
			return false
		},
		func(c catalog.Company) bool {
			for _, n := range []string{c.Name.Zh, c.Name.En} {
				core := coreName(n)
				if core == "" {
					continue
				}
				if q == core || (utf8.RuneCountInString(q) >= 2 && strings.HasPrefix(core, q)) || strings.Contains(q, core) {
					return true
				}
			}
			return false
		},
	}
	for _, match := range passes {
		var found []string
		for _, id := range ids {
			if match(companies[id]) {
				found = append(found, id)
			}
		}
		switch len(found) {
		case 0:
			continue
		case 1:
			return companies[found[0]], true, nil
		}
		names := make([]string, len(found))
		for i, id := range found {
			names[i] = fmt.Sprintf("%s (%s)", companies[id].Name.Zh, id)
		}
		return catalog.Company{}, false, &CountError{Problem: CountAmbiguous, Arg: name,
			msg: fmt.Sprintf("phone check: %q could be %s; write the company ID", name, strings.Join(names, " or "))}
	}
	return catalog.Company{}, false, nil
}

// fold lower-cases s and drops spaces and punctuation people vary.
func fold(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case ' ', '\t', '-', '_', '.', ',', '·', '　', '(', ')', '（', '）':
			return -1
		}
		return r
	}, strings.ToLower(strings.TrimSpace(s)))
}

// coreName is the folded name without its legal suffixes.
func coreName(name string) string {
	n := fold(name)
	for changed := true; changed; {
		changed = false
		for _, s := range legalSuffixes {
			if len(n) > len(s) && strings.HasSuffix(n, s) {
				n, changed = strings.TrimSuffix(n, s), true
			}
		}
	}
	return n
}

// ParseCounts reads "COMPANY=N" arguments (also with ：, ＝ or a space,
// as copied from the SMS: "阿里巴巴 2"), resolving each company with
// ResolveCompany. A company the catalog does not know is kept under the
// name as written. The same company twice, a missing or negative count,
// or a count above MaxCompanyCount is an error naming the argument.
func ParseCounts(cat *catalog.Catalog, args []string) ([]CompanyCount, error) {
	var out []CompanyCount
	seen := map[string]string{}
	for _, arg := range args {
		name, num, ok := splitCount(arg)
		if !ok {
			return nil, &CountError{Problem: CountNotPair, Arg: arg, msg: fmt.Sprintf("phone check: %q is not COMPANY=COUNT, e.g. 阿里巴巴=2", arg)}
		}
		n, err := strconv.Atoi(num)
		if err != nil || n < 0 || n > MaxCompanyCount {
			return nil, &CountError{Problem: CountNotNumber, Arg: arg,
				msg: fmt.Sprintf("phone check: %q: the count must be a whole number from 0 to %d", arg, MaxCompanyCount)}
		}
		c, known, err := ResolveCompany(cat, name)
		if err != nil {
			return nil, err
		}
		if !known {
			if utf8.RuneCountInString(name) > 60 {
				return nil, &CountError{Problem: CountNameTooLong, Arg: arg, msg: fmt.Sprintf("phone check: %q: the company name is too long", arg)}
			}
			c = catalog.Company{ID: name, Name: catalog.Text{Zh: name, En: name}}
		}
		if prev, dup := seen[c.ID]; dup {
			return nil, &CountError{Problem: CountTwice, Arg: arg, Other: prev,
				msg: fmt.Sprintf("phone check: %q and %q are the same company (%s); give it once", prev, arg, c.ID)}
		}
		seen[c.ID] = arg
		out = append(out, CompanyCount{Company: c, InCatalog: known, Count: n})
	}
	return out, nil
}

// splitCount splits "阿里巴巴=2", "阿里巴巴：2" or "阿里巴巴 2个" into name and
// digits.
func splitCount(arg string) (name, num string, ok bool) {
	s := strings.TrimSpace(arg)
	s = strings.TrimSuffix(s, "个")
	i := strings.LastIndexAny(s, "=:＝： \t")
	if i < 0 {
		return "", "", false
	}
	_, w := utf8.DecodeRuneInString(s[i:])
	name, num = strings.TrimSpace(s[:i]), strings.TrimSpace(s[i+w:])
	return name, num, name != "" && num != ""
}

// CountProblem says why ParseCounts refused an argument; the UI words it.
type CountProblem string

// The problems of typed counts.
const (
	CountNotPair     CountProblem = "not_pair"
	CountNotNumber   CountProblem = "not_number"
	CountNameTooLong CountProblem = "name_too_long"
	CountTwice       CountProblem = "twice"
	CountAmbiguous   CountProblem = "ambiguous"
)

// CountError is why a typed count (or a company name) was refused, on one
// line; Arg is the argument, Other the earlier one for CountTwice.
type CountError struct {
	Problem    CountProblem
	Arg, Other string
	msg        string
}

func (e *CountError) Error() string { return e.msg }
