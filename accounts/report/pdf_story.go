package report

// pdfStory is page 1: the title, when it was made, the campaign in one
// plain sentence, the status chart, the figures, the top findings with
// their actions, and how to check the digest.
func pdfStory(d *pdfDoc, r *Report) error {
	t := func(key string, args ...any) string { return tr(r.Header.Lang, key, args...) }
	if err := d.heading(t("title"), 18); err != nil {
		return err
	}
	steps := []func() error{
		func() error { return d.para(made(r), 9) },
		func() error { return d.para(r.Summary.Sentence, 11) },
		func() error { return pdfWarnings(d, r) },
		func() error { return d.heading(t("sec.status"), 11) },
		func() error { return pdfChart(d, chartOf(r)) },
		func() error { return d.heading(t("sec.figures"), 11) },
		func() error {
			rows := [][]string{}
			for _, f := range figureRows(r) {
				rows = append(rows, f[:])
			}
			return d.table(nil, []float64{3, 1, 3, 1}, rows, 9)
		},
		func() error { return d.heading(t("sec.top"), 11) },
		func() error { return pdfTopFindings(d, r) },
		func() error { return d.para(t("verify.pdf"), 8) },
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}

func pdfTopFindings(d *pdfDoc, r *Report) error {
	t := func(key string, args ...any) string { return tr(r.Header.Lang, key, args...) }
	if len(r.Findings) == 0 {
		return d.para(t("empty.findings"), 10)
	}
	top := r.Findings[:min(len(r.Findings), TopFindings)]
	if err := findingsTable(d, r, top, 8.5); err != nil {
		return err
	}
	if more := len(r.Findings) - len(top); more > 0 {
		return d.para(t("top.more", more), 9)
	}
	return nil
}
