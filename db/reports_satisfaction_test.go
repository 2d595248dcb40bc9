package db

import (
	"context"
	"reflect"
	"testing"
	"time"

	"github.com/rapportcrm/rapport/model"
)

// TestSatisfactionByHand: five November scores — 10, 9, 5, 3, 7 — are two
// promoters, one passive and two detractors: NPS (2 − 2) / 5 = 0, CSAT 3 of
// 5; B fell from 9 to 5; the one tier A customer was asked in the last 90
// days; two customers churned in November, for Price and for Service.
func TestSatisfactionByHand(t *testing.T) {
	ctx := context.Background()
	d, _ := openTest(t) // 2026-11-23
	add := func(c model.Customer) int64 {
		id, err := d.CreateCustomer(ctx, &c, nil)
		if err != nil {
			t.Fatal(err)
		}
		return id
	}
	a := add(model.Customer{Name: "A", Tier: model.TierA, TierPinned: true})
	b := add(model.Customer{Name: "B"})
	c := add(model.Customer{Name: "C"})
	at := func(s string) int64 {
		tm, err := time.ParseInLocation("2006-01-02", s, time.Local)
		if err != nil {
			t.Fatal(err)
		}
		return tm.Add(10 * time.Hour).Unix()
	}
	if err := d.Write(ctx, "feedback", func(tx *Tx) error {
		for _, f := range []struct {
			id    int64
			score int
			day   string
		}{{a, 8, "2026-10-15"}, {a, 10, "2026-11-05"}, {b, 9, "2026-11-02"}, {b, 5, "2026-11-20"}, {c, 3, "2026-11-10"}, {c, 7, "2026-11-21"}} {
			if _, err := tx.LogInteraction(&model.Interaction{CustomerID: f.id, Kind: model.KindFeedback, Direction: model.Inbound,
				Score: f.score, Summary: "survey", OccurredAt: at(f.day)}); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	for _, ch := range []struct{ name, reason string }{{"D", "Price"}, {"E", "Service"}} {
		id := add(model.Customer{Name: ch.name})
		cu, err := d.Customer(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		cu.Lifecycle, cu.ChurnReason = model.Churned, ch.reason
		if err := d.UpdateCustomer(ctx, &cu); err != nil {
			t.Fatal(err)
		}
	}
	p, err := ParsePeriod("2026-11", d.Today())
	if err != nil {
		t.Fatal(err)
	}
	r, err := d.Report(ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	s := r.Satisfaction
	if s.Answers != 5 || s.Promoters != 2 || s.Passives != 1 || s.Detractors != 2 || s.NPS == nil || *s.NPS != 0 || s.CSAT != (Ratio{3, 5}) {
		t.Errorf("figures %+v nps %v", s, s.NPS)
	}
	if len(s.ByMonth) != 1 || s.ByMonth[0].Month != "2026-11" || s.ByMonth[0].Answers != 5 {
		t.Errorf("by month %+v", s.ByMonth)
	}
	if want := []ScoreFall{{CustomerID: b, Customer: "B", From: 9, To: 5, On: "2026-11-20"}}; !reflect.DeepEqual(s.Fell, want) {
		t.Errorf("fell %+v", s.Fell)
	}
	if s.TierAAsked != (Ratio{1, 1}) {
		t.Errorf("tier A asked %+v", s.TierAAsked)
	}
	if want := []Count{{"Price", 1}, {"Service", 1}}; !reflect.DeepEqual(s.ChurnReasons, want) {
		t.Errorf("churn reasons %+v", s.ChurnReasons)
	}
	// October alone: one passive (8): NPS 0, CSAT 1 of 1; nobody churned.
	oct, _ := ParsePeriod("2026-10", d.Today())
	r, err = d.Report(ctx, oct)
	if err != nil {
		t.Fatal(err)
	}
	if s := r.Satisfaction; s.Answers != 1 || *s.NPS != 0 || s.CSAT != (Ratio{1, 1}) || len(s.ChurnReasons) != 0 || len(s.Fell) != 0 {
		t.Errorf("october %+v", s)
	}
}
