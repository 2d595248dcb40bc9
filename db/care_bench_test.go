package db_test

import (
	"context"
	"testing"
	"time"

	"github.com/rapportcrm/rapport/db"
)

// BenchmarkCare reads Today's Care section on the reference book (100k
// customers): birthdays and set dates by month and day, first-order
// anniversaries from the orders of the window's days in earlier years, and,
// with the clock moved into Christmas week, a holiday row for every tier A
// and B customer not greeted (counted whole, a page of 200 read).
func BenchmarkCare(b *testing.B) {
	path, now := referenceBook(b)
	ctx := context.Background()
	for _, c := range []struct {
		name string
		at   time.Time
	}{{"plain-week", now}, {"holiday-week", time.Date(now.Year(), 12, 20, 9, 0, 0, 0, now.Location())}} {
		b.Run(c.name, func(b *testing.B) {
			at := c.at
			d, err := db.Open(ctx, path, db.Options{Now: func() time.Time { return at }, MustExist: true})
			if err != nil {
				b.Fatal(err)
			}
			defer d.Close()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				cl, err := d.Care(ctx, 200)
				if err != nil {
					b.Fatal(err)
				}
				b.ReportMetric(float64(cl.Total), "rows")
			}
		})
	}
}
