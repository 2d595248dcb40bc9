package demo

import (
	"context"
	"path/filepath"
	"testing"
)

// TestDemoHasCare: the sample book's Care section has rows on its day —
// birthdays (the first tier A customer's contact's among them),
// first-order anniversaries — and the book holds renewal dates and set
// anniversaries too.
func TestDemoHasCare(t *testing.T) {
	d, _ := build(t, filepath.Join(t.TempDir(), "demo.db"), 2000, 1)
	ctx := context.Background()
	cl, err := d.Care(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]int{}
	for _, it := range cl.Items {
		kinds[it.Kind]++
		if it.Tier != "A" && it.Tier != "B" {
			t.Errorf("a tier %s customer in Care: %+v", it.Tier, it)
		}
	}
	if cl.Total < 3 || kinds["birthday"] == 0 || kinds["anniversary"] == 0 {
		t.Errorf("Care on the demo's day: %d rows, kinds %v", cl.Total, kinds)
	}
	for _, k := range []string{"birthday", "anniversary", "date"} {
		var n int
		if err := d.Reader().QueryRowContext(ctx, `SELECT count(*) FROM care_dates WHERE kind = ?`, k).Scan(&n); err != nil || n == 0 {
			t.Errorf("no %s in the demo (%v)", k, err)
		}
	}
	if rep, err := d.Check(ctx); err != nil || !rep.OK() {
		t.Errorf("check: %+v %v", rep, err)
	}
}
