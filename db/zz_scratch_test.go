package db

import (
	"context"
	"syscall"
	"testing"
	"time"
)

func cpuNow() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

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
		c0 := cpuNow()
		rc.cust, _ = scanCustomers(ctx, d.r)
		t.Logf("%s customers cpu %v", s, cpuNow()-c0)
		ij := rc.interactionJobs()
		for i, j := range []reportJob{reportDeals, reportPipeline, reportRisk, scanOrders, ij[0], ij[1]} {
			t0 := time.Now()
			c0 := cpuNow()
			if err := j(ctx, rc); err != nil {
				t.Fatal(err)
			}
			t.Logf("%s job %d %v cpu %v", s, i, time.Since(t0), cpuNow()-c0)
		}
		t0 := time.Now()
		rc.finish()
		t.Logf("finish %v", time.Since(t0))
	}
	for range 3 {
		p, _ := ParsePeriod("90d", d.Today())
		t0 := time.Now()
		c0 := cpuNow()
		d.Report(ctx, p)
		t.Logf("full report 90d wall %v cpu %v", time.Since(t0), cpuNow()-c0)
	}
}
