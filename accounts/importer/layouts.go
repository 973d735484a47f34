package importer

import "strings"

// field is what a CSV column holds.
type field int

const (
	fNone     field = iota // needed to recognise the format only
	fTitle                 // the entry's name
	fURL                   // one URL, or several separated by newlines
	fLogin                 // user name, e-mail or phone
	fPassword              // the password
	fNotes                 // free text
	fTOTP                  // an otpauth:// URI or TOTP secret
	fModified              // when the entry last changed
	fType                  // the item type (Bitwarden: login, note …)
	numFields
)

// column is one column a format may have. Header names are compared
// case-insensitively after trimming; names[0] is the name shown in errors.
type column struct {
	f     field
	names []string
	req   bool
}

// layouts are the CSV columns of each format, matched by header name so
// that column order and extra columns do not matter. Where they come from:
var layouts = map[Format][]column{
	// Bitwarden: folder,favorite,type,name,notes,fields,reprompt,login_uri,
	// login_username,login_password,login_totp — organisation exports have
	// collections instead of folder; several URIs are joined by commas.
	// Source: bitwarden/clients libs/tools/export/vault-export
	// (BitwardenCsvExportType, individual-vault-export.service.ts
	// buildCsvExport/buildCommonCipher).
	FormatBitwardenCSV: {
		{fTitle, []string{"name"}, true},
		{fURL, []string{"login_uri"}, true},
		{fLogin, []string{"login_username"}, true},
		{fPassword, []string{"login_password"}, true},
		{fNotes, []string{"notes"}, false},
		{fTOTP, []string{"login_totp"}, false},
		{fType, []string{"type"}, false},
	},
	// KeePassXC: "Group","Title","Username","Password","URL","Notes" and,
	// since 2.7, "TOTP","Icon","Last Modified","Created" (ISO 8601), every
	// field quoted. Source: keepassxreboot/keepassxc src/format/CsvExporter.cpp
	// (exportHeader/exportGroup).
	FormatKeePassXCCSV: {
		{fNone, []string{"Group"}, true},
		{fTitle, []string{"Title"}, true},
		{fLogin, []string{"Username"}, true},
		{fPassword, []string{"Password"}, true},
		{fURL, []string{"URL"}, true},
		{fNotes, []string{"Notes"}, false},
		{fTOTP, []string{"TOTP"}, false},
		{fModified, []string{"Last Modified"}, false},
	},
	// Chrome and Edge: name,url,username,password,note ("note" since Chrome
	// 1xx; older exports and Edge stop at password). Android logins have
	// url android://<hash>@<package>/. Source: chromium
	// components/password_manager/core/browser/export/password_csv_writer.cc.
	FormatChromeCSV: {
		{fTitle, []string{"name"}, true},
		{fURL, []string{"url"}, true},
		{fLogin, []string{"username"}, true},
		{fPassword, []string{"password"}, true},
		{fNotes, []string{"note", "notes"}, false},
	},
	// Firefox about:logins > Export: "url","username","password","httpRealm",
	// "formActionOrigin","guid","timeCreated","timeLastUsed",
	// "timePasswordChanged" (times in ms since 1970). Sources:
	// roddhjav/pass-import managers/firefox.py (header()) and Bitwarden's
	// firefox-csv importer tests, which also skip chrome://FirefoxAccounts.
	FormatFirefoxCSV: {
		{fURL, []string{"url"}, true},
		{fLogin, []string{"username"}, true},
		{fPassword, []string{"password"}, true},
		{fModified, []string{"timePasswordChanged"}, false},
	},
	// 1Password 8: Title,Url,Username,Password,OTPAuth,Favorite,Archived,
	// Tags,Notes. 1Password 7 exports dozens of columns in alphabetical
	// order (…,Notes,…,Password,…,Type,Title,…,URL,Username,…) and
	// 1Password 4 title,notes,username,password,url; Bitwarden also reads
	// notesPlain and newline-separated urls, and 1Password's own CSV import
	// template names the URL column website. Sources: roddhjav/pass-import
	// managers/onepassword.py and tests/assets/db/1password{,4,8}.csv,
	// bitwarden/clients onepassword/onepassword-csv-importer.ts.
	FormatOnePassword: {
		{fTitle, []string{"Title"}, true},
		{fURL, []string{"Url", "urls", "website"}, true},
		{fLogin, []string{"Username"}, true},
		{fPassword, []string{"Password"}, true},
		{fNotes, []string{"Notes", "notesPlain"}, false},
		{fTOTP, []string{"OTPAuth", "One-time password"}, false},
	},
	// Apple Passwords / Safari: Title,URL,Username,Password,Notes,OTPAuth
	// (Safari 15 wrote Url and no Notes). Sources: Apple developer
	// documentation "Importing data exported from Safari" (SafariServices)
	// and bitwarden/clients safari-csv-importer.ts (value.Url ?? value.URL).
	FormatAppleCSV: {
		{fTitle, []string{"Title"}, true},
		{fURL, []string{"URL"}, true},
		{fLogin, []string{"Username"}, true},
		{fPassword, []string{"Password"}, true},
		{fNotes, []string{"Notes"}, false},
		{fTOTP, []string{"OTPAuth"}, false},
	},
}

// detectCSV recognises a format from its header row. It also recognises
// a format with a required column missing, so that the error can name
// the column instead of saying the file is unknown.
func detectCSV(header []string) (Format, bool) {
	h := make(map[string]bool, len(header))
	for _, name := range header {
		h[normColumn(name)] = true
	}
	has := func(names ...string) bool {
		for _, n := range names {
			if h[n] {
				return true
			}
		}
		return false
	}
	switch {
	case has("login_uri", "login_username", "login_password", "login_totp"):
		return FormatBitwardenCSV, true
	case h["group"] && h["title"]:
		return FormatKeePassXCCSV, true
	case has("httprealm", "formactionorigin", "guid", "timecreated", "timelastused", "timepasswordchanged"):
		return FormatFirefoxCSV, true
	case h["title"] && has("favorite", "archived", "tags", "type", "notesplain", "urls", "website", "ainfo", "uuid", "scope"):
		return FormatOnePassword, true
	case h["title"] && h["otpauth"]:
		return FormatAppleCSV, true
	case h["title"] && h["notes"] && h["url"]: // 1Password 4
		return FormatOnePassword, true
	case h["title"] && has("url", "username", "password"):
		return FormatAppleCSV, true
	case h["name"] && has("url", "username", "password") && !has("grouping", "extra", "fav"):
		// LastPass (url,username,password,totp,extra,name,grouping,fav) is
		// not a supported export; do not pass it off as Chrome.
		return FormatChromeCSV, true
	case h["url"] && h["username"] && h["password"] && len(h) <= 4:
		// url,username,password: the minimal Firefox layout (also written by
		// ffpass and similar tools).
		return FormatFirefoxCSV, true
	}
	return "", false
}

// bind finds each column of the layout in header. It returns the index of
// every field (-1 when absent) and the first required column missing.
func bind(cols []column, header []string) (idx [numFields]int, missing string) {
	for i := range idx {
		idx[i] = -1
	}
	pos := make(map[string]int, len(header))
	for i, name := range header {
		if _, dup := pos[normColumn(name)]; !dup {
			pos[normColumn(name)] = i
		}
	}
	for _, c := range cols {
		found := -1
		for _, n := range c.names {
			if i, ok := pos[normColumn(n)]; ok {
				found = i
				break
			}
		}
		switch {
		case found < 0 && c.req && missing == "":
			missing = c.names[0]
		case found >= 0 && c.f != fNone && idx[c.f] < 0:
			idx[c.f] = found
		}
	}
	return idx, missing
}

func normColumn(name string) string { return strings.ToLower(strings.TrimSpace(name)) }
