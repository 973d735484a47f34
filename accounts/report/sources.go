package report

import (
	"slices"
	"strings"

	"github.com/unbindapp/unbind/accounts"
)

// sourcesOf lists the sources of every track in r once, in the order they
// first appear (accounts in report order, tracks in track order).
func sourcesOf(r *Report) []SourceEntry {
	seen := map[string]bool{}
	var out []SourceEntry
	for _, a := range r.Accounts {
		for _, t := range a.Tracks {
			for _, s := range t.Sources {
				key := s.URL + "|" + s.Title
				if !seen[key] {
					seen[key] = true
					out = append(out, s)
				}
			}
		}
	}
	return out
}

// unverifiedTracks names "platform: track" for each catalog track in r that
// no source backs, once each.
func unverifiedTracks(r *Report) []string {
	var out []string
	for _, a := range r.Accounts {
		if a.Platform == accounts.CustomPlatform {
			continue
		}
		for _, t := range a.Tracks {
			if t.Total == 0 || t.Verified {
				continue
			}
			name := a.PlatformName + " · " + t.Label
			if !slices.Contains(out, name) {
				out = append(out, name)
			}
		}
	}
	return out
}

// pdfSources lists the sources the report's procedures rest on.
func pdfSources(d *pdfDoc, r *Report) error {
	t := func(key string, args ...any) string { return tr(r.Header.Lang, key, args...) }
	srcs := sourcesOf(r)
	un := unverifiedTracks(r)
	if len(srcs) == 0 && len(un) == 0 {
		return nil
	}
	d.newPage()
	if err := d.heading(t("sec.sources"), 13); err != nil {
		return err
	}
	if err := d.para(t("sources.intro"), 9); err != nil {
		return err
	}
	rows := make([][]string, len(srcs))
	for i, s := range srcs {
		rows[i] = []string{s.Title, s.URL, s.Retrieved}
	}
	if len(rows) > 0 {
		if err := d.table([]string{t("c.source_title"), t("c.source_url"), t("c.source_read")}, []float64{8, 10, 3}, rows, 7); err != nil {
			return err
		}
	}
	if len(un) > 0 {
		return d.para(t("sources.unverified", strings.Join(un, htmlView{Report: r}.sep())), 9)
	}
	return nil
}
