package db

import (
	"context"
	"reflect"
	"testing"

	"github.com/rapportcrm/rapport/model"
)

// TestDetailRevenueAndDoneFollowups: the 360 carries revenue in the last
// 365 days and lifetime per currency (book currency first), and the
// follow-ups already done (issue 21, 6 and "expected").
func TestDetailRevenueAndDoneFollowups(t *testing.T) {
	ctx := context.Background()
	d, clk := openTest(t) // book currency USD
	id := mustCustomer(t, d, "Acme")
	var fu int64
	if err := d.Write(ctx, "orders", func(tx *Tx) error {
		for _, o := range []model.Order{
			{CustomerID: id, AmountMinor: 1000, Currency: "USD", OrderedAt: daysAgo(clk, 10)},
			{CustomerID: id, AmountMinor: 500, Currency: "USD", OrderedAt: daysAgo(clk, 364)},
			{CustomerID: id, AmountMinor: 7000, Currency: "USD", OrderedAt: daysAgo(clk, 365)},
			{CustomerID: id, AmountMinor: 300, Currency: "EUR", OrderedAt: daysAgo(clk, 400)},
		} {
			if _, err := tx.CreateOrder(&o); err != nil {
				return err
			}
		}
		for _, sc := range []int{9, 4} {
			if _, err := tx.LogInteraction(&model.Interaction{CustomerID: id, Kind: model.KindFeedback, Direction: model.Inbound, Score: sc, Summary: "survey", OccurredAt: daysAgo(clk, 20-sc)}); err != nil {
				return err
			}
		}
		var err error
		fu, err = tx.CreateFollowup(&model.Followup{CustomerID: id, Title: "call", Due: model.DayOf(clk.t)})
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := d.CompleteFollowup(ctx, fu); err != nil {
		t.Fatal(err)
	}
	det, err := d.CustomerDetail(ctx, id, 10)
	if err != nil {
		t.Fatal(err)
	}
	if want := []Amount{{"USD", 1500}}; !reflect.DeepEqual(det.Revenue.Last365, want) {
		t.Errorf("last 365 days %+v, want %+v", det.Revenue.Last365, want)
	}
	if want := []Amount{{"USD", 8500}, {"EUR", 300}}; !reflect.DeepEqual(det.Revenue.Lifetime, want) {
		t.Errorf("lifetime %+v, want %+v", det.Revenue.Lifetime, want)
	}
	if len(det.Scores) != 2 || det.Scores[0].Score != 9 || det.Scores[1].Score != 4 {
		t.Errorf("scores %+v", det.Scores)
	}
	// The only open follow-up is the first revisit the default rule made.
	if len(det.Done) != 1 || det.Done[0].Title != "call" || len(det.Followups) != 1 || det.Followups[0].PlaybookID == 0 {
		t.Errorf("done %+v open %+v", det.Done, det.Followups)
	}
}
