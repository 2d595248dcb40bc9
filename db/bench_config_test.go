package db_test

import (
	"context"
	"strconv"
	"testing"
	"time"

	"github.com/rapportcrm/rapport/db"
)

// BenchmarkConfigRhythm is `rapport config rhythm N` on a copy of the
// reference book: every customer's stats change (issue 27, 10). lock-ms is
// the longest time an iteration held the write lock (budget: under 1 s;
// before the snapshot path it held it for the whole recompute).
// inlock-ms is the same change recomputed inside the lock, once, for
// comparison.
func BenchmarkConfigRhythm(b *testing.B) {
	d, _ := openReference(b, true)
	ctx := context.Background()
	var longest time.Duration
	snapshots, writes := 0, 0
	db.SetAfterSnapshot(d, func() { snapshots++ })
	db.SetLockHook(d, func(held time.Duration) { longest = max(longest, held); writes++ })
	for i := 0; b.Loop(); i++ {
		if err := d.SetConfig(ctx, "rhythm", strconv.Itoa(20+i%2)); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	start := time.Now()
	if err := db.SetConfigInLock(ctx, d, "rhythm", "25"); err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(time.Since(start).Milliseconds()), "inlock-ms")
	b.ReportMetric(float64(longest.Milliseconds()), "lock-ms")
	b.ReportMetric(float64(snapshots)/float64(writes), "snapshots/write")
}
