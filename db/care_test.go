package db

import (
	"context"
	"strings"
	"testing"

	"github.com/rapportcrm/rapport/model"
)

// TestCareDatesStore sets, replaces, clears and undoes care dates on a
// real file, and refuses bad ones with a message.
func TestCareDatesStore(t *testing.T) {
	ctx := context.Background()
	d, _ := openTest(t)
	cid := mustCustomer(t, d, "Acme")
	var contact int64
	if err := d.Write(ctx, "add contact", func(tx *Tx) error {
		var err error
		contact, err = tx.CreateContact(&model.Contact{CustomerID: cid, Name: "Jane"})
		return err
	}); err != nil {
		t.Fatal(err)
	}
	set := func(desc string, fn func(tx *Tx) error) {
		t.Helper()
		if err := d.Write(ctx, desc, fn); err != nil {
			t.Fatal(err)
		}
	}
	set("birthday", func(tx *Tx) error { return tx.SetCareDay(cid, contact, model.CareBirthday, "1988-11-25") })
	set("anniversary", func(tx *Tx) error { return tx.SetCareDay(cid, 0, model.CareAnniversary, "--12-01") })
	set("renewal", func(tx *Tx) error {
		_, err := tx.AddCareDate(&model.CareDate{CustomerID: cid, Kind: model.CareLabelled, Label: "contract renewal", Day: "2026-11-27"})
		return err
	})
	set("birthday again", func(tx *Tx) error { return tx.SetCareDay(cid, contact, model.CareBirthday, "1988-11-26") })
	ds, err := d.CareDates(ctx, cid)
	if err != nil {
		t.Fatal(err)
	}
	if len(ds) != 3 || ds[0].Day != "1988-11-26" || ds[0].ContactID != contact || ds[1].Kind != model.CareAnniversary || ds[2].Label != "contract renewal" || ds[2].Yearly {
		t.Fatalf("care dates = %+v", ds)
	}
	if _, err := d.Undo(ctx); err != nil {
		t.Fatal(err)
	}
	if day, _ := d.CareDay(ctx, cid, contact, model.CareBirthday); day != "1988-11-25" {
		t.Errorf("after undo the birthday is %q, want 1988-11-25", day)
	}
	err = d.Write(ctx, "bad", func(tx *Tx) error { return tx.SetCareDay(cid, contact, model.CareBirthday, "1988-02-30") })
	if err == nil || !strings.Contains(err.Error(), "calendar date") {
		t.Errorf("a bad birthday: %v", err)
	}
	set("clear", func(tx *Tx) error { return tx.SetCareDay(cid, 0, model.CareAnniversary, "") })
	if day, _ := d.CareDay(ctx, cid, 0, model.CareAnniversary); day != "" {
		t.Errorf("cleared anniversary still %q", day)
	}
}

// TestCareSection reads Today's Care section (2026-11-23): a tier A
// customer's contact's birthday in 2 days, a first-order anniversary, a
// labelled date, 2026's 元旦 outside the window; a tier C customer's
// birthday does not show, and logging an outbound greeting removes the row.
func TestCareSection(t *testing.T) {
	ctx := context.Background()
	d, clk := openTest(t)
	a, err := d.CreateCustomer(ctx, &model.Customer{Name: "Acme", Tier: model.TierA, TierPinned: true}, nil)
	if err != nil {
		t.Fatal(err)
	}
	b, err := d.CreateCustomer(ctx, &model.Customer{Name: "Beta", Tier: model.TierB, TierPinned: true}, nil)
	if err != nil {
		t.Fatal(err)
	}
	c, err := d.CreateCustomer(ctx, &model.Customer{Name: "Cee", Tier: model.TierC, TierPinned: true}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Write(ctx, "dates", func(tx *Tx) error {
		jane, err := tx.CreateContact(&model.Contact{CustomerID: a, Name: "Jane"})
		if err != nil {
			return err
		}
		if err := tx.SetCareDay(a, jane, model.CareBirthday, "1980-11-25"); err != nil {
			return err
		}
		if err := tx.SetCareDay(c, 0, model.CareBirthday, "--11-24"); err != nil {
			return err
		}
		if _, err := tx.AddCareDate(&model.CareDate{CustomerID: b, Kind: model.CareLabelled, Label: "contract renewal", Day: "2026-11-30"}); err != nil {
			return err
		}
		// Beta's first order was 2024-11-28: two years on the 28th.
		_, err = tx.CreateOrder(&model.Order{CustomerID: b, AmountMinor: 1000, Currency: "USD", OrderedAt: daysAgo(clk, 725)})
		return err
	}); err != nil {
		t.Fatal(err)
	}
	cl, err := d.Care(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, it := range cl.Items {
		got = append(got, it.On.String()+" "+it.Kind+" "+it.Customer+" "+it.Contact+" "+it.Label)
	}
	want := []string{"2026-11-25 birthday Acme Jane ", "2026-11-28 anniversary Beta  ", "2026-11-30 date Beta  contract renewal"}
	if strings.Join(got, "|") != strings.Join(want, "|") || cl.Total != 3 {
		t.Fatalf("care = %q (total %d), want %q", got, cl.Total, want)
	}
	if cl.Items[0].Years != 46 || cl.Items[1].Years != 2 || !cl.Items[1].FirstOrder {
		t.Errorf("years: %+v", cl.Items[:2])
	}
	// A greeting logged removes Acme's row.
	if err := d.Write(ctx, "greet", func(tx *Tx) error {
		_, err := tx.LogInteraction(&model.Interaction{CustomerID: a, Kind: model.KindMessage, Direction: model.Outbound, Summary: "Happy birthday", OccurredAt: clk.t.Unix(), Score: -1})
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if cl, _ = d.Care(ctx, 0); len(cl.Items) != 2 || cl.Items[0].Customer != "Beta" {
		t.Errorf("after the greeting: %+v", cl.Items)
	}
	// The setting widens the tiers; 40 days ahead bring Christmas and 元旦 /
	// New Year (one row: same day) for every customer not greeted within
	// the 40 days before (Acme was, today).
	for k, v := range map[string]string{"care.tiers": "A,B,C", "care.days": "40"} {
		if err := d.SetConfig(ctx, k, v); err != nil {
			t.Fatal(err)
		}
	}
	cl, err = d.Care(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	var hol []string
	for _, it := range cl.Items {
		if it.Kind == CareHoliday {
			hol = append(hol, it.On.String()+" "+it.Label+" "+it.Customer)
		}
	}
	if !strings.Contains(strings.Join(hol, "|"), "2027-01-01 元旦 / New Year Beta") || len(hol) != 4 {
		t.Errorf("holiday rows = %q", hol)
	}
	if cl.Items[0].Customer != "Cee" || cl.Items[0].On.String() != "2026-11-24" {
		t.Errorf("first row %+v", cl.Items[0])
	}
	if err := d.SetConfig(ctx, "care.tiers", "D"); err == nil {
		t.Error("care.tiers D accepted")
	}
}

// TestFirstOrdersKeptByTriggers: first_orders follows every write to
// orders — a new earlier order, archiving it, undo, a purge — and always
// equals the first live order.
func TestFirstOrdersKeptByTriggers(t *testing.T) {
	ctx := context.Background()
	d, clk := openTest(t)
	cid := mustCustomer(t, d, "Acme")
	firstAt := func() int64 {
		t.Helper()
		var at int64
		if err := d.r.QueryRowContext(ctx, `SELECT coalesce((SELECT first_at FROM first_orders WHERE customer_id = ?), 0)`, cid).Scan(&at); err != nil {
			t.Fatal(err)
		}
		var want int64
		if err := d.r.QueryRowContext(ctx, `SELECT coalesce(min(ordered_at), 0) FROM orders WHERE customer_id = ? AND archived_at IS NULL`, cid).Scan(&want); err != nil {
			t.Fatal(err)
		}
		if at != want {
			t.Fatalf("first_orders says %d, the orders %d", at, want)
		}
		return at
	}
	order := func(ago int) int64 {
		var id int64
		if err := d.Write(ctx, "order", func(tx *Tx) error {
			var err error
			id, err = tx.CreateOrder(&model.Order{CustomerID: cid, AmountMinor: 100, Currency: "USD", OrderedAt: daysAgo(clk, ago)})
			return err
		}); err != nil {
			t.Fatal(err)
		}
		return id
	}
	order(30)
	if firstAt() != daysAgo(clk, 30) {
		t.Fatal("first order not recorded")
	}
	old := order(400)
	order(10)
	if firstAt() != daysAgo(clk, 400) {
		t.Fatal("an earlier order did not become the first")
	}
	if _, err := d.Undo(ctx); err != nil { // the order 10 days ago
		t.Fatal(err)
	}
	firstAt()
	if err := d.SetArchived(ctx, "order", old, true); err != nil {
		t.Fatal(err)
	}
	if firstAt() != daysAgo(clk, 30) {
		t.Fatal("archiving the first order kept it first")
	}
	if _, err := d.Undo(ctx); err != nil {
		t.Fatal(err)
	}
	if firstAt() != daysAgo(clk, 400) {
		t.Fatal("undoing the archive did not bring it back")
	}
}
