package db

import (
	"context"
	"testing"
	"time"
)

func TestScratchReport(t *testing.T) {
	path := benchBook(t)
	ctx := context.Background()
	d, err := Open(ctx, path, Options{Now: benchNow, MustExist: true})
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	for _, s := range []string{"90d", "365d"} {
		p, _ := ParsePeriod(s, d.Today())
		set, _ := loadSettings(ctx, d.r)
		now := d.now()
		r := &Report{}
		rc := &reportCtx{d: d, now: now, loc: now.Location(), today: d.Today(), p: p, set: set, r: r}
		rc.planActivity()
		ij := rc.interactionJobs()
		for i, j := range []reportJob{reportDeals, reportPipeline, reportRisk, scanCustomersAndOrders, ij[0], ij[1]} {
			t0 := time.Now()
			if err := j(ctx, rc); err != nil {
				t.Fatal(err)
			}
			t.Logf("%s job %d %v", s, i, time.Since(t0))
		}
		t0 := time.Now()
		rc.finish()
		t.Logf("finish %v", time.Since(t0))
	}
}
