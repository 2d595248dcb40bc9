package db

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/rapportcrm/rapport/model"
)

// A date edited by hand into a row that is not a calendar date (it passes
// the schema's GLOB check) must surface as an error naming the table, the
// row id and the column, on every read path, never as a zero date.
func TestHandEditedBadDateNamesTableAndRow(t *testing.T) {
	ctx := context.Background()
	d, _ := openTest(t)
	cid := mustCustomer(t, d, "Acme")
	var fid, did int64
	err := d.Write(ctx, "setup", func(tx *Tx) error {
		var err error
		if fid, err = tx.CreateFollowup(&model.Followup{CustomerID: cid, Title: "call back", Due: d.Today()}); err != nil {
			return err
		}
		did, err = tx.CreateDeal(&model.Deal{CustomerID: cid, Title: "Pumps", ValueMinor: 100, ExpectedClose: d.Today().AddDays(30)})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	// The hand edit, as sqlite3 would do it.
	for _, q := range []string{
		`UPDATE followups SET due_date = '2026-02-30' WHERE id = ?`,
		`UPDATE deals SET expected_close = '2026-13-01' WHERE id = ?`,
	} {
		id := fid
		if strings.Contains(q, "deals") {
			id = did
		}
		if _, err := d.w.ExecContext(ctx, q, id); err != nil {
			t.Fatal(err)
		}
	}
	want := func(t *testing.T, what string, err error, table string, id int64, col, value string) {
		t.Helper()
		var re *RowError
		if !errors.As(err, &re) {
			t.Fatalf("%s: want a *RowError, got %v", what, err)
		}
		if re.Table != table || re.ID != id || re.Column != col || !model.IsBadDay(err) {
			t.Fatalf("%s: got table %q id %d column %q (%v), want %s %d %s", what, re.Table, re.ID, re.Column, err, table, id, col)
		}
		if msg := err.Error(); !strings.Contains(msg, value) || !strings.Contains(msg, table) || !strings.Contains(msg, "restore a backup") {
			t.Fatalf("%s: message %q does not say what and where", what, msg)
		}
	}
	_, err = d.Followup(ctx, fid)
	want(t, "Followup", err, "followups", fid, "due_date", "2026-02-30")
	_, err = d.OpenFollowups(ctx, cid)
	want(t, "OpenFollowups", err, "followups", fid, "due_date", "2026-02-30")
	_, err = d.Deal(ctx, did)
	want(t, "Deal", err, "deals", did, "expected_close", "2026-13-01")
	_, err = d.CustomerDeals(ctx, cid)
	want(t, "CustomerDeals", err, "deals", did, "expected_close", "2026-13-01")
	_, err = d.ListDeals(ctx, DealFilter{})
	want(t, "ListDeals", err, "deals", did, "expected_close", "2026-13-01")
	_, err = d.Board(ctx, model.Filter{})
	want(t, "Board", err, "deals", did, "expected_close", "2026-13-01")

	// A derived date edited by hand is named too.
	if _, err := d.w.ExecContext(ctx, `UPDATE customer_stats SET last_contact_day = '2026-04-31' WHERE customer_id = ?`, cid); err != nil {
		t.Fatal(err)
	}
	_, err = d.ListCustomers(ctx, CustomerQuery{})
	want(t, "ListCustomers", err, "customer_stats", cid, "last_contact_day", "2026-04-31")

	// Good rows still read, and an empty date is "no date", not an error.
	if _, err := d.w.ExecContext(ctx, `UPDATE deals SET expected_close = NULL WHERE id = ?`, did); err != nil {
		t.Fatal(err)
	}
	dl, err := d.Deal(ctx, did)
	if err != nil || !dl.ExpectedClose.IsZero() || dl.Title != "Pumps" {
		t.Fatalf("deal with no close date: %+v %v", dl, err)
	}
}
