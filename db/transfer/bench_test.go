package transfer

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"testing"
)

// customerCSV generates n customer rows: unique emails and phones, every
// tenth with tags, a mix of English and Chinese names.
func customerCSV(n int) []byte {
	var b bytes.Buffer
	b.WriteString("Name,Company,Email,Phone,Tags,Notes\r\n")
	for i := 0; i < n; i++ {
		name := fmt.Sprintf("Customer %d", i)
		if i%3 == 0 {
			name = fmt.Sprintf("王芳%d", i)
		}
		tags := ""
		if i%10 == 0 {
			tags = "vip;华东"
		}
		fmt.Fprintf(&b, "%s,Company %d,c%d@example.com,+86 138 %04d %04d,%s,\"note for %d, with a comma\"\r\n", name, i%5000, i, i/10000, i%10000, tags, i)
	}
	return b.Bytes()
}

func benchImport(b *testing.B, dry bool) {
	raw := customerCSV(100000)
	ctx := context.Background()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		d := openAt(b, filepath.Join(b.TempDir(), "bench.db"))
		b.StartTimer()
		rep, err := ImportCSV(ctx, d, raw, Options{Name: "bench.csv", DryRun: dry})
		if err != nil || rep.Created != 100000 {
			b.Fatalf("%v %+v", err, rep.Created)
		}
	}
	b.ReportMetric(float64(100000*b.N)/b.Elapsed().Seconds(), "rows/s")
}

// BenchmarkImportCustomers100k imports 100,000 customer rows into a fresh
// book (SPEC §7: at least 10,000 rows per second).
func BenchmarkImportCustomers100k(b *testing.B) { benchImport(b, false) }

// BenchmarkImportCustomers100kDryRun plans the same import without writing.
func BenchmarkImportCustomers100kDryRun(b *testing.B) { benchImport(b, true) }
