package phonecheck

import (
	"slices"
	"strings"
	"time"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/accounts/catalog"
)

// Result compares a 一证通查 result with the inventory: per company,
// how many accounts the SMS reports for the number and how many the
// inventory knows.
type Result struct {
	// Phone is the number, masked (138****5678).
	Phone string `json:"phone"`
	// Companies are the companies entered, in the order entered.
	Companies []CompanyResult `json:"companies"`
	// NotEntered are companies with inventory accounts bound to the number
	// that were not entered (the SMS may not list them any more).
	NotEntered []CompanyResult `json:"not_entered"`
	// Missing is the total of accounts to look for.
	Missing int `json:"missing"`
	// StillCounted is how many of Missing may be deleted accounts the
	// companies still count.
	StillCounted int `json:"still_counted"`
	// PreviousAt is when the previous check of this number was saved; nil
	// when this is the first. Each company's Previous is its count then.
	PreviousAt *time.Time `json:"previous_at,omitempty"`
	// NoLongerListed are companies the previous check listed that this
	// one does not, with their count then.
	NoLongerListed []CompanyCount `json:"no_longer_listed"`
}

// CompanyResult is one company's comparison.
type CompanyResult struct {
	Company   catalog.Company `json:"company"`
	InCatalog bool            `json:"in_catalog"`
	// Reported is the SMS count; -1 for a company not entered.
	Reported int `json:"reported"`
	// Known counts the inventory's accounts bound to the number at this
	// company, one per identity group (Taobao, Tmall and Xianyu share one
	// account), deactivated ones left out.
	Known int `json:"in_inventory"`
	// Missing is how many more the SMS reports than the inventory knows:
	// accounts the person does not know about.
	Missing int `json:"missing"`
	// Surplus is how many more the inventory knows than the SMS reports.
	Surplus int `json:"surplus"`
	// Accounts are the inventory accounts counted.
	Accounts []Account `json:"accounts"`
	// Deleted are the accounts bound to the number that the person marked
	// deleted (not in Known). StillCounted is how many of them the SMS
	// count may still include: as many as it reports beyond Known. Such a
	// deletion has not taken effect (yet).
	Deleted      []Account `json:"deleted"`
	StillCounted int       `json:"still_counted"`
	// CoolingOff counts the Accounts in a cooling-off: still there, and
	// still counted, until it ends.
	CoolingOff int `json:"cooling_off"`
	// Previous is the count of the previous check, -1 when none.
	Previous int `json:"previous"`
	// Platforms are the company's platforms in the catalog: where to look.
	Platforms []PlatformRef `json:"platforms"`
	// Steps say how to find the missing accounts (only when Missing > 0).
	Steps []catalog.Text `json:"steps,omitempty"`
}

// Account is an inventory account in a comparison, login masked.
type Account struct {
	ID       string          `json:"id"`
	Platform string          `json:"platform"`
	Name     string          `json:"name"`
	Login    string          `json:"login,omitempty"`
	Status   accounts.Status `json:"status"`
	// DeletedOn is the day the account was marked deleted; CoolingUntil
	// the last day of its cooling-off. Set only for those statuses.
	DeletedOn    *time.Time `json:"deleted_on,omitempty"`
	CoolingUntil *time.Time `json:"cooling_until,omitempty"`
}

// Options add what makes a comparison explain itself.
type Options struct {
	// Tracks are the accounts' tracks by account ID, for the day each was
	// deleted and the end of each cooling-off.
	Tracks map[string][]accounts.Track
	// Previous is the previous check of the same number (company ID →
	// count), at PreviousAt; nil when there is none.
	Previous   map[string]int
	PreviousAt time.Time
}

// PlatformRef names a catalog platform and its web domains.
type PlatformRef struct {
	ID      string       `json:"id"`
	Name    catalog.Text `json:"name"`
	Domains []string     `json:"domains,omitempty"`
}

// BoundToPhone reports whether a is bound to the phone number digits: its
// phone field, or a login that is a phone number, has those digits.
func BoundToPhone(a accounts.Account, digits string) bool {
	if digits == "" {
		return false
	}
	if a.Phone != "" && accounts.PhoneDigits(a.Phone) == digits {
		return true
	}
	return !strings.Contains(a.Login, "@") && accounts.IsPhoneLike(a.Login) && accounts.PhoneDigits(a.Login) == digits
}

// Compare compares counts (from ParseCounts) for phone with the
// inventory accounts all, grouped by the catalog company of each account's
// platform.
func Compare(cat *catalog.Catalog, phone string, counts []CompanyCount, all []accounts.Account) Result {
	return CompareWith(cat, phone, counts, all, Options{})
}

// CompareWith is Compare with the deletion days, cooling-off ends and the
// previous check of opt.
func CompareWith(cat *catalog.Catalog, phone string, counts []CompanyCount, all []accounts.Account, opt Options) Result {
	digits := accounts.PhoneDigits(phone)
	res := Result{Phone: accounts.MaskPhone(digits), Companies: []CompanyResult{}, NotEntered: []CompanyResult{}, NoLongerListed: []CompanyCount{}}
	byCompany := map[string][]accounts.Account{}
	companyOf := map[string]catalog.Company{}
	for _, a := range all {
		if !BoundToPhone(a, digits) || cat == nil {
			continue
		}
		p, ok := cat.Platform(a.PlatformID)
		if !ok || p.Company.ID == "" {
			continue
		}
		byCompany[p.Company.ID] = append(byCompany[p.Company.ID], a)
		companyOf[p.Company.ID] = p.Company
	}
	entered := map[string]bool{}
	for _, c := range counts {
		entered[c.Company.ID] = true
		r := compareCompany(cat, c.Company, c.InCatalog, c.Count, byCompany[c.Company.ID], opt)
		if r.Missing > 0 {
			r.Steps = FindSteps(c.Company, c.InCatalog, res.Phone, r.Platforms)
		}
		res.Missing += r.Missing
		res.StillCounted += r.StillCounted
		res.Companies = append(res.Companies, r)
	}
	var rest []string
	for id := range byCompany {
		if !entered[id] {
			rest = append(rest, id)
		}
	}
	slices.Sort(rest)
	for _, id := range rest {
		res.NotEntered = append(res.NotEntered, compareCompany(cat, companyOf[id], true, -1, byCompany[id], opt))
	}
	if opt.Previous != nil {
		at := opt.PreviousAt
		res.PreviousAt = &at
		var gone []string
		for id := range opt.Previous {
			if !entered[id] {
				gone = append(gone, id)
			}
		}
		slices.Sort(gone)
		for _, id := range gone {
			res.NoLongerListed = append(res.NoLongerListed, CompanyCount{Company: companyByID(cat, id), InCatalog: len(cat.ByCompany(id)) > 0, Count: opt.Previous[id]})
		}
	}
	return res
}

// companyByID is the catalog company id, or one named id when unknown.
func companyByID(cat *catalog.Catalog, id string) catalog.Company {
	if cat != nil {
		if ps := cat.ByCompany(id); len(ps) > 0 {
			return ps[0].Company
		}
	}
	return catalog.Company{ID: id, Name: catalog.Text{Zh: id, En: id}}
}

func compareCompany(cat *catalog.Catalog, c catalog.Company, inCatalog bool, reported int, accs []accounts.Account, opt Options) CompanyResult {
	r := CompanyResult{Company: c, InCatalog: inCatalog, Reported: reported, Accounts: []Account{}, Deleted: []Account{},
		Platforms: []PlatformRef{}, Previous: -1}
	if n, ok := opt.Previous[c.ID]; ok {
		r.Previous = n
	}
	groups, deletedGroups := map[string]bool{}, map[string]bool{}
	for _, a := range accs {
		g := a.PlatformID
		if p, ok := cat.Platform(a.PlatformID); ok {
			g = p.IdentityGroup()
		}
		acc := Account{ID: a.ID, Platform: a.PlatformID, Name: a.Name, Login: accounts.MaskLogin(a.Login), Status: a.Status}
		switch a.Status {
		case accounts.StatusDeactivated:
			acc.DeletedOn = accounts.DeletedOn(a, opt.Tracks[a.ID])
			deletedGroups[g] = true
			r.Deleted = append(r.Deleted, acc)
			continue
		case accounts.StatusCoolingOff:
			acc.CoolingUntil = coolingUntil(opt.Tracks[a.ID])
			r.CoolingOff++
		}
		groups[g] = true
		r.Accounts = append(r.Accounts, acc)
	}
	r.Known = len(groups)
	if reported >= 0 {
		r.Missing = max(reported-r.Known, 0)
		r.Surplus = max(r.Known-reported, 0)
		gone := 0
		for g := range deletedGroups {
			if !groups[g] {
				gone++
			}
		}
		r.StillCounted = min(r.Missing, gone)
	}
	if inCatalog && cat != nil {
		for _, p := range cat.ByCompany(c.ID) {
			r.Platforms = append(r.Platforms, PlatformRef{ID: p.ID, Name: p.Names, Domains: p.Domains})
		}
	}
	return r
}

// FindSteps are the steps to find accounts at company c that the person
// does not know about, in both languages; masked is the masked number.
func FindSteps(c catalog.Company, inCatalog bool, masked string, platforms []PlatformRef) []catalog.Text {
	zhName, enName := c.Name.Zh, c.Name.En
	var steps []catalog.Text
	if !inCatalog || len(platforms) == 0 {
		steps = append(steps, catalog.Text{
			Zh: "解绑助手的平台目录里没有“" + zhName + "”：先查出它有哪些应用和网站（在应用商店或搜索引擎里搜公司名）。",
			En: "Unbind's catalog does not list \"" + enName + "\": first find its apps and websites (search the company name in an app store or search engine).",
		})
	}
	steps = append(steps,
		catalog.Text{
			Zh: "在" + zhName + "旗下每个平台的登录页点“忘记密码/找回密码”，输入 " + masked + "：页面会告诉你这个号码是否注册过账号，而不会新建账号。也别忘了目录之外的该公司应用。",
			En: "On the login page of each of " + enName + "'s platforms, use \"forgot password\" with " + masked + ": it tells whether the number has an account there without creating one. The company may have apps beyond those listed; check them too.",
		},
		catalog.Text{
			Zh: "不要直接用“短信验证码登录”试探：很多平台会给未注册的号码自动注册新账号（留意“未注册手机号验证后自动注册”的小字）。",
			En: "Do not probe with \"log in with SMS code\" unless the page says it will not sign you up: many platforms register unknown numbers automatically (the small print 未注册手机号验证后自动注册).",
		},
		catalog.Text{
			Zh: "想想只用过一次的小程序、旧应用，以及用微信、QQ、支付宝等第三方登录后绑定了这个号码的账号。",
			En: "Think of mini-programs and old apps you used once, and of accounts opened through WeChat, QQ or Alipay login that later had this number bound.",
		},
		catalog.Text{
			Zh: "仍找不到时，联系" + zhName + "的客服，说明一证通查显示该号码在其名下有账号，请对方告知是哪些平台的账号。",
			En: "If you still cannot find them, ask " + enName + "'s customer service which accounts the number holds, mentioning the 一证通查 result.",
		},
		catalog.Text{
			Zh: "找到后把账号添加到解绑助手（或导入密码管理器的导出），再核对一次。",
			En: "Add each account you find to Unbind (or import your password manager's export), then compare again.",
		},
	)
	return steps
}

// coolingUntil is the latest cooling-off end of the tracks, nil if none.
func coolingUntil(tracks []accounts.Track) *time.Time {
	var until *time.Time
	for _, t := range tracks {
		if t.CoolingUntil != nil && (until == nil || t.CoolingUntil.After(*until)) {
			at := *t.CoolingUntil
			until = &at
		}
	}
	return until
}
