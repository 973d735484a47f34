package catalog

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/unbindapp/unbind/accounts"
)

// JDMPrefix starts the ID of every platform imported from JustDeleteMe, so
// imports never collide with built-in IDs.
const JDMPrefix = "jdm-"

// jdmNow is the import clock; tests fix it.
var jdmNow = time.Now

// jdmSite is one entry of JustDeleteMe's _data/sites.json. Translated
// notes come as notes_<lang> keys, read separately.
type jdmSite struct {
	Name         string   `json:"name"`
	URL          string   `json:"url"`
	Difficulty   string   `json:"difficulty"`
	Notes        string   `json:"notes"`
	Email        string   `json:"email"`
	EmailSubject string   `json:"email_subject"`
	EmailBody    string   `json:"email_body"`
	Domains      []string `json:"domains"`
}

// ImportJDM converts a JustDeleteMe sites.json (an array of sites with
// name, url, difficulty, notes, notes_<lang>, email, email_subject,
// email_body, domains) into platforms with one account_delete track each:
// ID "jdm-<name>", source the site's URL, verified the import date
// (JustDeleteMe does not date its entries). Sites that cannot be converted
// are skipped, each with a *LoadError naming the site and the field.
func ImportJDM(r io.Reader) ([]Platform, []error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		return nil, []error{&LoadError{Err: fmt.Errorf("read JustDeleteMe data: %w", err)}}
	}
	if len(data) > MaxFileSize {
		return nil, []error{&LoadError{Err: fmt.Errorf("JustDeleteMe data is larger than %d bytes", MaxFileSize)}}
	}
	trimmed := bytes.TrimLeft(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")), " \t\r\n")
	if len(trimmed) == 0 || trimmed[0] != '[' {
		return nil, []error{&LoadError{Err: errors.New("want a JSON array of sites (JustDeleteMe's sites.json)")}}
	}
	raws, err := entries(trimmed)
	if err != nil {
		return nil, []error{&LoadError{Err: fmt.Errorf("want a JSON array of sites: %w", err)}}
	}
	today := jdmNow().Format(DateLayout)
	var (
		out  []Platform
		errs problemList
		seen = map[string]string{} // ID → site name
	)
	report := errs.add
	for i, raw := range raws {
		p, le := jdmPlatform(raw, today)
		if le != nil {
			if le.Entry == "" {
				le.Entry = jdmEntryName(raw, i)
			}
			report(le)
			continue
		}
		if first, dup := seen[p.ID]; dup {
			report(&LoadError{Entry: p.Names.En, Field: "name", Err: &accounts.ValidationError{
				Field: "name", Problem: fmt.Sprintf("gives ID %s, like %q before it; skipped", p.ID, first)}})
			continue
		}
		seen[p.ID] = p.Names.En
		out = append(out, p)
	}
	return out, errs.done("", "sites skipped")
}

func jdmPlatform(raw json.RawMessage, today string) (Platform, *LoadError) {
	var s jdmSite
	if err := json.Unmarshal(raw, &s); err != nil {
		le := &LoadError{Err: err}
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			le.Field = te.Field
			le.Err = &accounts.ValidationError{Field: te.Field, Problem: fmt.Sprintf("is a JSON %s, want %s", te.Value, jsonType(te.Type))}
		}
		return Platform{}, le
	}
	var extra map[string]any
	_ = json.Unmarshal(raw, &extra) // cannot fail: raw just decoded as an object
	s.Name = strings.TrimSpace(s.Name)
	bad := func(field, problem string) (Platform, *LoadError) {
		return Platform{}, &LoadError{Entry: s.Name, Field: field, Err: &accounts.ValidationError{Field: field, Problem: problem}}
	}
	if s.Name == "" {
		return bad("name", "is empty")
	}
	diff := Difficulty(strings.ToLower(strings.TrimSpace(s.Difficulty)))
	if !diff.Valid() {
		return bad("difficulty", fmt.Sprintf("%q is not one of %v", s.Difficulty, Difficulties))
	}
	s.URL = strings.TrimSpace(s.URL)
	if !validURL(s.URL) {
		return bad("url", fmt.Sprintf("%q is not an http(s) URL", s.URL))
	}
	var domains []string
	for _, d := range s.Domains {
		if d = normaliseHost(d); validDomain(d) && !slices.Contains(domains, d) {
			domains = append(domains, d)
		}
	}
	slug := Slug(s.Name)
	if slug == "" && len(domains) > 0 {
		slug = Slug(domains[0]) // names in other scripts: use the domain
	}
	if slug == "" {
		return bad("name", "gives no usable ID (no Latin letters or digits, and no domain)")
	}

	steps := []Step{{Text: Text{Zh: "打开 " + s.URL, En: "Open " + s.URL}}}
	if notes := strings.TrimSpace(s.Notes); notes != "" {
		zh := jdmChineseNotes(extra)
		if zh == "" {
			zh = "（仅有英文说明）" + notes
		}
		steps = append(steps, Step{Text: Text{Zh: zh, En: notes}})
	}
	channel := SelfService
	if email := strings.TrimSpace(s.Email); email != "" {
		if diff != Easy && diff != Medium {
			channel = Email
		}
		zh, en := "发邮件到 "+email+" 要求删除账号", "E-mail "+email+" asking them to delete your account"
		if subj := strings.TrimSpace(s.EmailSubject); subj != "" {
			zh, en = zh+"，主题："+subj, en+", subject: "+subj
		}
		if body := strings.TrimSpace(s.EmailBody); body != "" {
			zh, en = zh+"。可参考的正文（英文）："+body, en+". Suggested text: "+body
		}
		steps = append(steps, Step{Text: Text{Zh: zh + "。", En: en + "."}})
	} else if diff != Easy && diff != Medium {
		channel = CustomerService // JustDeleteMe's "hard": only by contacting the site
	}
	if len(steps) == 1 {
		steps = append(steps, Step{Text: Text{Zh: "按页面上的说明删除账号。", En: "Follow the page's instructions to delete the account."}})
	}
	p := Platform{
		ID:         trimID(JDMPrefix + slug),
		Names:      Text{Zh: s.Name, En: s.Name},
		Domains:    domains,
		Difficulty: diff,
		Notes:      Text{Zh: "导入自 JustDeleteMe，未经解绑助手核实。", En: "Imported from JustDeleteMe; not checked by Unbind."},
		Tracks: []Track{{
			Kind:         accounts.TrackAccountDelete,
			Channel:      channel,
			Steps:        steps,
			Irreversible: diff != Impossible,
			Loses:        Text{Zh: "账号及其中的数据", En: "The account and the data in it"},
			Difficulty:   diff,
			Sources:      []Source{{URL: s.URL, Title: "JustDeleteMe: " + s.Name, Retrieved: today, Says: "JustDeleteMe's entry for the site"}},
			Verified:     today,
		}},
	}
	p.normalise()
	if probs := p.problems(); len(probs) > 0 {
		return Platform{}, &LoadError{Entry: s.Name, Field: probs[0].Field, Err: probs[0]}
	}
	return p, nil
}

// jdmChineseNotes picks simplified Chinese notes first, then any Chinese.
func jdmChineseNotes(extra map[string]any) string {
	for _, k := range []string{"notes_zh-cn", "notes_zh-CN", "notes_zh_cn", "notes_zh", "notes_zh-tw", "notes_zh-TW"} {
		if s, ok := extra[k].(string); ok && strings.TrimSpace(s) != "" {
			return strings.TrimSpace(s)
		}
	}
	return ""
}

func jdmEntryName(raw json.RawMessage, i int) string {
	var head struct {
		Name any `json:"name"`
	}
	if json.Unmarshal(raw, &head) == nil {
		if s, ok := head.Name.(string); ok && strings.TrimSpace(s) != "" && len(s) <= 100 {
			return strings.TrimSpace(s)
		}
	}
	return fmt.Sprintf("#%d", i+1)
}
