package report_test

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/accounts/report"
	"github.com/unbindapp/unbind/accounts/store"
)

var evidencePNG = []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89" +
	"\x00\x00\x00\rIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa7\x35\x81\x84\x00\x00\x00\x00IEND\xaeB`\x82")

// Every format lists each evidence file with its SHA-256 — including one
// kept from a deleted account — and never its content; the file name is
// the person's text: escaped in HTML, left out when masked.
func TestReportListsEvidenceByHash(t *testing.T) {
	ctx := context.Background()
	st, err := store.OpenDir(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	svc := accounts.NewService(st, nil)
	svc.Now = func() time.Time { return time.Date(2026, 3, 2, 1, 0, 0, 0, time.UTC) }
	a, _ := svc.Add(ctx, accounts.Account{PlatformID: "taobao", Name: "淘宝主号"})
	gone, _ := svc.Add(ctx, accounts.Account{PlatformID: "jd", Name: "京东旧号"})
	chat := "客服：注销申请已受理 SECRET-CONTENT-MARK"
	shot, err := svc.AttachEvidenceFrom(ctx, a.ID, accounts.TrackAccountDelete, bytes.NewReader(evidencePNG), `<script>x</script>.png`, "")
	if err != nil {
		t.Fatal(err)
	}
	kept, err := svc.AttachEvidenceFrom(ctx, gone.ID, accounts.TrackAccountDelete, strings.NewReader(chat), "chat.txt", "")
	if err != nil {
		t.Fatal(err)
	}
	if err := svc.DeleteKeepingEvidence(ctx, gone.ID, true); err != nil {
		t.Fatal(err)
	}
	for _, unmasked := range []bool{false, true} {
		opts := report.Options{Now: time.Date(2026, 3, 3, 0, 0, 0, 0, time.UTC), Lang: "en", Unmasked: unmasked, Location: time.UTC}
		in, err := report.FromStore(ctx, st, opts)
		if err != nil {
			t.Fatal(err)
		}
		r, err := report.Build(ctx, in, opts)
		if err != nil {
			t.Fatal(err)
		}
		if len(r.EvidenceFiles) != 2 {
			t.Fatalf("%d evidence entries, want 2", len(r.EvidenceFiles))
		}
		for _, e := range r.EvidenceFiles {
			if e.AccountID == gone.ID && !e.AccountDeleted {
				t.Error("the kept file of the deleted account is not marked so")
			}
			if (e.Name != nil) != unmasked {
				t.Errorf("unmasked=%v: file name %v", unmasked, e.Name)
			}
		}
		for _, f := range []report.Format{report.JSON, report.HTML, report.CSV, report.PDF} {
			var out bytes.Buffer
			if err := report.Write(&out, r, f); err != nil {
				t.Fatal(err)
			}
			text := out.String()
			if f == report.PDF {
				if !havePDFToText() {
					continue
				}
				text = pdfText(t, out.Bytes())
			}
			for _, sum := range []string{shot.SHA256, kept.SHA256} {
				if f == report.CSV && sum == kept.SHA256 {
					continue // the CSV has a row per account here; the deleted one has none
				}
				if f == report.PDF {
					sum = sum[:20] // a narrow PDF cell may wrap the hash
				}
				if !strings.Contains(text, sum) {
					t.Errorf("%s (unmasked=%v) lacks SHA-256 %s", f, unmasked, sum)
				}
			}
			if strings.Contains(text, "SECRET-CONTENT-MARK") || strings.Contains(text, "IHDR") {
				t.Errorf("%s holds evidence content", f)
			}
			if f == report.HTML && strings.Contains(text, "<script>x") {
				t.Error("the HTML report does not escape a file name")
			}
			if f == report.HTML && !unmasked && strings.Contains(text, "script&gt;x") {
				t.Error("the masked HTML report shows a file name")
			}
		}
		data, _ := json.Marshal(r.EvidenceFiles)
		if !bytes.Contains(data, []byte(`"sha256":"`+shot.SHA256)) {
			t.Errorf("JSON entry: %s", data)
		}
	}
}
