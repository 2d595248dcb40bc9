package testbook

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/db/demo"
)

// BenchCustomers is the size of the benchmark book: the 100k reference
// book of SPEC §7 unless RAPPORT_BENCH_CUSTOMERS says otherwise.
func BenchCustomers() int {
	if n, err := strconv.Atoi(os.Getenv("RAPPORT_BENCH_CUSTOMERS")); err == nil && n > 0 {
		return n
	}
	return 100000
}

// BenchBook opens the demo book of the benchmarks, generating it once into
// os.TempDir() (it is kept between runs: delete the file to rebuild it).
func BenchBook(b *testing.B) *db.DB {
	b.Helper()
	n := BenchCustomers()
	path := filepath.Join(os.TempDir(), fmt.Sprintf("rapport-bench-%d-seed1-%s.db", n, Now().Format("20060102")))
	now := func() time.Time { return Now() }
	ctx := context.Background()
	if _, err := os.Stat(path); err != nil {
		tmp := path + ".building"
		os.Remove(tmp)
		d, err := db.Open(ctx, tmp, db.Options{Now: now})
		if err != nil {
			b.Fatal(err)
		}
		start := time.Now()
		if _, err := demo.Generate(ctx, d, demo.Options{Customers: n, Seed: 1}); err != nil {
			b.Fatal(err)
		}
		if err := d.Close(); err != nil {
			b.Fatal(err)
		}
		b.Logf("generated %d customers in %v", n, time.Since(start))
		if err := os.Rename(tmp, path); err != nil {
			b.Fatal(err)
		}
		os.Remove(tmp + "-wal")
		os.Remove(tmp + "-shm")
	}
	d, err := db.Open(ctx, path, db.Options{Now: now})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { d.Close() })
	if _, err := d.Refresh(ctx); err != nil {
		b.Fatal(err)
	}
	return d
}
