package db

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/rapportcrm/rapport/model"
)

// After a run dated years ahead, a run on the real date recomputes every
// row: the date moved backwards, so nothing stored is valid (issue 27 item 5b).
func TestRefreshWhenTheDateMovesBackwards(t *testing.T) {
	ctx := context.Background()
	d, clk := openTest(t)
	for i := 0; i < 30; i++ {
		id := mustCustomer(t, d, fmt.Sprintf("Customer %d", i))
		at := clk.t.AddDate(0, 0, -(i % 20)).Unix()
		err := d.Write(ctx, "log", func(tx *Tx) error {
			_, err := tx.LogInteraction(&model.Interaction{CustomerID: id, Summary: "call", OccurredAt: at})
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	atRisk := func() int {
		var n int
		d.r.QueryRow(`SELECT count(*) FROM customer_stats WHERE risk_level = 'at_risk'`).Scan(&n)
		return n
	}
	real := clk.t
	if _, err := d.Refresh(ctx); err != nil {
		t.Fatal(err)
	}
	want := atRisk()
	clk.t = time.Date(2035, 6, 1, 9, 0, 0, 0, time.Local)
	if _, err := d.Refresh(ctx); err != nil {
		t.Fatal(err)
	}
	if atRisk() == want {
		t.Fatalf("nine years of silence changed nothing (%d at risk): the test shows nothing", want)
	}
	clk.t = real
	res, err := d.Refresh(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !res.NewDay {
		t.Error("a date before the last refresh is not treated as a new day")
	}
	if got := atRisk(); got != want {
		t.Errorf("back on the real date %d are at risk, want %d (2035's rows kept)", got, want)
	}
	rep, err := d.Check(ctx)
	if err != nil || !rep.OK() {
		t.Errorf("check after the date moved back: %+v %v", rep, err)
	}
}
