package db

import (
	"context"
	"errors"
	"testing"

	"github.com/rapportcrm/rapport/model"
)

func TestCustomerLifecycleAndTriage(t *testing.T) {
	ctx := context.Background()
	d, clk := openTest(t)
	id := mustCustomer(t, d, "王芳")
	err := d.Write(ctx, "log", func(tx *Tx) error {
		for i := 0; i < 3; i++ {
			if _, err := tx.LogInteraction(&model.Interaction{CustomerID: id, Summary: "called", Outcome: model.OutcomeNoReply, OccurredAt: daysAgo(clk, 100+i)}); err != nil {
				return err
			}
		}
		_, err := tx.CreateFollowup(&model.Followup{CustomerID: id, Title: "Send quote", Due: d.Today().AddDays(-3)})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := d.Refresh(ctx); err != nil {
		t.Fatal(err)
	}
	tr, err := d.Triage(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	if tr.Counts.Overdue != 1 || len(tr.Overdue) != 1 || tr.Overdue[0].DaysOverdue != 3 {
		t.Fatalf("overdue: %+v", tr)
	}
	if tr.Counts.AtRisk != 1 || tr.AtRisk[0].Customer != "王芳" {
		t.Fatalf("at risk: %+v", tr.Counts)
	}
	codes := map[string]int{}
	for _, r := range tr.AtRisk[0].Reasons {
		codes[r.Code] = r.Points
	}
	if codes[model.ReasonSilence] != 50 || codes[model.ReasonUnanswered] != 30 || codes[model.ReasonOverdue] != 10 {
		t.Fatalf("reasons: %+v", tr.AtRisk[0].Reasons)
	}
	// Short search finds 王芳 by instr.
	rows, err := d.ListCustomers(ctx, CustomerQuery{Filter: model.ParseFilter("王芳")})
	if err != nil || len(rows) != 1 {
		t.Fatalf("search 王芳: %v %v", rows, err)
	}
	rows, err = d.ListCustomers(ctx, CustomerQuery{Filter: model.ParseFilter("called")})
	if err != nil || len(rows) != 1 {
		t.Fatalf("search interactions: %v %v", rows, err)
	}
	// Complete the follow-up, then undo and redo.
	if _, err := d.CompleteFollowup(ctx, tr.Overdue[0].FollowupID); err != nil {
		t.Fatal(err)
	}
	tr, _ = d.Triage(ctx, 0)
	if tr.Counts.Overdue != 0 {
		t.Fatalf("after done: %+v", tr.Counts)
	}
	if desc, err := d.Undo(ctx); err != nil || desc == "" {
		t.Fatalf("undo: %q %v", desc, err)
	}
	tr, _ = d.Triage(ctx, 0)
	if tr.Counts.Overdue != 1 {
		t.Fatalf("after undo: %+v", tr.Counts)
	}
	if _, err := d.Redo(ctx); err != nil {
		t.Fatal(err)
	}
	tr, _ = d.Triage(ctx, 0)
	if tr.Counts.Overdue != 0 {
		t.Fatalf("after redo: %+v", tr.Counts)
	}
	rep, err := d.Check(ctx)
	if err != nil || !rep.OK() {
		t.Fatalf("check: %+v %v", rep, err)
	}
}

func TestStaleVersionConflicts(t *testing.T) {
	ctx := context.Background()
	d, _ := openTest(t)
	id := mustCustomer(t, d, "Acme")
	a, _ := d.Customer(ctx, id)
	b, _ := d.Customer(ctx, id)
	a.Company = "Acme Ltd"
	if err := d.UpdateCustomer(ctx, &a); err != nil {
		t.Fatal(err)
	}
	b.Company = "Other"
	if err := d.UpdateCustomer(ctx, &b); !errors.Is(err, model.ErrConflict) {
		t.Fatalf("want conflict, got %v", err)
	}
	got, _ := d.Customer(ctx, id)
	if got.Company != "Acme Ltd" {
		t.Fatalf("overwritten: %q", got.Company)
	}
}

// Short terms: a caseless one (王芳, digits) is a plain substring test, an
// ASCII one folds case; both look at every customer field.
func TestShortFilterTerms(t *testing.T) {
	ctx := context.Background()
	d, _ := openTest(t)
	mustCustomer(t, d, "王芳")
	id, _ := d.CreateCustomer(ctx, &model.Customer{Name: "Bob", Company: "Acme", Phone: "+86 138 0013 8000", Notes: "met at 展会"}, nil)
	for _, c := range []struct {
		term string
		want int
	}{{"王", 1}, {"王芳", 1}, {"ac", 1}, {"AC", 1}, {"13", 1}, {"展会", 1}, {"zz", 0}} {
		rows, err := d.ListCustomers(ctx, CustomerQuery{Filter: model.ParseFilter(c.term)})
		if err != nil || len(rows) != c.want {
			t.Errorf("%q: %d rows (%v), want %d", c.term, len(rows), err, c.want)
		}
		if c.term == "ac" && len(rows) == 1 && rows[0].ID != id {
			t.Errorf("ac found %d", rows[0].ID)
		}
	}
}

// TestBadFilterWordsMatchNothing: tier:Z, risk:foo and archived:maybe are
// not understood, so the list (and board) show nothing rather than every
// customer (issue 21, 12).
func TestBadFilterWordsMatchNothing(t *testing.T) {
	ctx := context.Background()
	d, _ := openTest(t)
	mustCustomer(t, d, "Acme")
	mustCustomer(t, d, "Zeta")
	for _, q := range []string{"tier:Z", "risk:foo", "archived:maybe", "acme tier:Q"} {
		rows, err := d.ListCustomers(ctx, CustomerQuery{Filter: model.ParseFilter(q)})
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != 0 {
			t.Errorf("%q matched %d customers, want none", q, len(rows))
		}
		n, err := d.CountCustomers(ctx, CustomerQuery{Filter: model.ParseFilter(q)})
		if err != nil {
			t.Fatal(err)
		}
		if n != 0 {
			t.Errorf("%q counted %d customers, want none", q, n)
		}
	}
	rows, _ := d.ListCustomers(ctx, CustomerQuery{Filter: model.ParseFilter("archived:no")})
	if len(rows) != 2 {
		t.Errorf("archived:no matched %d, want 2", len(rows))
	}
}

// TestCustomerIndexMatchesTheList: for every sort and a filter, the index
// of each customer is its position in the listed order; a customer the
// filter leaves out is not found.
func TestCustomerIndexMatchesTheList(t *testing.T) {
	ctx := context.Background()
	d, _ := openTest(t)
	for _, n := range []string{"Zeta", "acme", "Beta Acme", "王芳", "Alpha"} {
		mustCustomer(t, d, n)
	}
	for _, sort := range Sorts() {
		for _, f := range []string{"", "acme"} {
			q := CustomerQuery{Filter: model.ParseFilter(f), Sort: sort, Limit: 100}
			rows, err := d.ListCustomers(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			for i, r := range rows {
				idx, ok, err := d.CustomerIndex(ctx, q, r.ID)
				if err != nil || !ok || idx != i {
					t.Errorf("sort %s filter %q: %s at %d, index says %d %v %v", sort, f, r.Name, i, idx, ok, err)
				}
			}
			if f != "" {
				if _, ok, _ := d.CustomerIndex(ctx, q, 1); ok {
					t.Errorf("filter %q: Zeta found", f)
				}
			}
		}
	}
}
