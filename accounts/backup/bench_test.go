package backup

import (
	"bytes"
	"fmt"
	"testing"
)

// BenchmarkReadLinear reads backups with growing history: ns per
// history entry must stay flat.
func BenchmarkReadLinear(b *testing.B) {
	for _, n := range []int{2000, 16000} {
		var buf bytes.Buffer
		id := "e998fda7-6368-402a-bf8a-1ef661ab943d"
		fmt.Fprintf(&buf, `{"schema": "unbind.inventory/v1", "exported_at": "2026-11-03T08:00:00Z", "accounts": [{"id": %q, "platform": "taobao", "name": "淘宝", "real_name_verified": false, "seller": false, "status": "active", "created_at": "2026-11-02T09:30:00Z", "updated_at": "2026-11-02T09:30:00Z", "version": 1}], "events": [`, id)
		for i := range n {
			if i > 0 {
				buf.WriteString(",\n")
			}
			fmt.Fprintf(&buf, `{"id": %d, "account_id": %q, "label": "淘宝", "at": "2026-11-02T09:30:00Z", "kind": "edited", "note": "备注 %d"}`, i+1, id, i)
		}
		buf.WriteString(`], "reminders": [], "phone_checks": [], "settings": {}}`)
		data := buf.Bytes()
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if inv, err := Read(bytes.NewReader(data)); err != nil || len(inv.Events) != n {
					b.Fatal(err, len(inv.Events))
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/entry")
		})
	}
}
