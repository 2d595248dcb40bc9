package db_test

import (
	"context"
	"testing"
	"time"

	"github.com/rapportcrm/rapport/db"
)

// BenchmarkPlaybookRefreshNewDay is BenchmarkRefreshNewDay with the
// default playbook rules on (as every book has them) and
// BenchmarkPlaybookRefreshNewDayOff the same with every rule off: the
// difference is what the time-based rules (at risk, unanswered, every N
// days) cost the daily refresh on the reference book. It reports the
// follow-ups they made per day.
func BenchmarkPlaybookRefreshNewDay(b *testing.B)    { benchPlaybookDays(b, true) }
func BenchmarkPlaybookRefreshNewDayOff(b *testing.B) { benchPlaybookDays(b, false) }

func benchPlaybookDays(b *testing.B, on bool) {
	d, now := openReference(b, true)
	ctx := context.Background()
	b.StopTimer()
	if !on {
		ps, err := d.Playbooks(ctx)
		if err != nil {
			b.Fatal(err)
		}
		for _, p := range ps {
			if _, err := d.SetPlaybookEnabled(ctx, p.ID, false); err != nil {
				b.Fatal(err)
			}
		}
	}
	if _, err := d.Refresh(ctx); err != nil {
		b.Fatal(err)
	}
	var run db.PlaybookRun
	refreshNewDays(b, d, now, func(_ time.Time, res db.RefreshResult) {
		run.AtRisk += res.Playbooks.AtRisk
		run.Unanswered += res.Playbooks.Unanswered
		run.Every += res.Playbooks.Every
		run.Holiday += res.Playbooks.Holiday
	})
	n := float64(b.N)
	b.ReportMetric(float64(run.AtRisk)/n, "winbacks/op")
	b.ReportMetric(float64(run.Unanswered)/n, "otherchannel/op")
	b.ReportMetric(float64(run.Every)/n, "quarterly/op")
}
