package db

import (
	"context"
	"testing"
)

// BenchmarkReportDrill measures the Reports screen's lists behind a line on
// the synthetic 100k-customer book: the deals that reached the first stage
// in 90 days (the longest funnel list), the lost deals, the risk customers.
func BenchmarkReportDrill(b *testing.B) {
	path := benchBook(b)
	ctx := context.Background()
	d, err := Open(ctx, path, Options{Now: benchNow, MustExist: true})
	if err != nil {
		b.Fatal(err)
	}
	defer d.Close()
	p, err := ParsePeriod("90d", d.Today())
	if err != nil {
		b.Fatal(err)
	}
	stages, err := d.Stages(ctx)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("funnel", func(b *testing.B) {
		for b.Loop() {
			if _, err := d.FunnelDeals(ctx, p, stages[0].Name); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("lost", func(b *testing.B) {
		for b.Loop() {
			if _, err := d.LostDeals(ctx, p); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("risk", func(b *testing.B) {
		for b.Loop() {
			if _, err := d.RiskCustomers(ctx); err != nil {
				b.Fatal(err)
			}
		}
	})
}
