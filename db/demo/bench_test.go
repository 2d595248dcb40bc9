package demo

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/rapportcrm/rapport/db"
)

// benchGenerate times Generate of n customers into a fresh file and reports
// rows per second and the phases.
func benchGenerate(b *testing.B, n int) {
	ctx := context.Background()
	for i := 0; i < b.N; i++ {
		d, err := db.Open(ctx, filepath.Join(b.TempDir(), fmt.Sprintf("demo%d.db", i)), db.Options{Now: testNow})
		if err != nil {
			b.Fatal(err)
		}
		st, err := Generate(ctx, d, Options{Customers: n, Seed: 1})
		if err != nil {
			b.Fatal(err)
		}
		d.Close()
		b.ReportMetric(st.Insert.Seconds(), "insert-s")
		b.ReportMetric(st.Finish.Seconds(), "index+stats-s")
		b.ReportMetric(st.Refresh.Seconds(), "refresh-s")
		b.ReportMetric(float64(st.Interactions), "interactions")
		b.ReportMetric(float64(st.Followups), "followups")
	}
}

// BenchmarkGenerate2k builds the default demo book.
func BenchmarkGenerate2k(b *testing.B) { benchGenerate(b, DefaultCustomers) }

// BenchmarkGenerate100k builds the SPEC §7 reference book (budget: < 60 s).
func BenchmarkGenerate100k(b *testing.B) { benchGenerate(b, ReferenceCustomers) }
