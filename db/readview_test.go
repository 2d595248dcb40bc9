package db

import (
	"context"
	"errors"
	"fmt"
	"testing"
)

// Reads keep working when the refresh cannot be written (issue 27 item 9):
// on a full disk the refresh is computed on a private copy, the view shows
// today's state, NotSaved says it was not saved, and the book is unchanged.
func TestRefreshForReadingOnAFullDisk(t *testing.T) {
	ctx := context.Background()
	d, clk := openTest(t)
	mustCustomer(t, d, "Seed")
	// Customers written past the store (an import by another tool): the
	// refresh must give each a stats row, which needs new pages.
	tx, err := d.w.Begin()
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 2000; i++ {
		if _, err := tx.ExecContext(ctx, `INSERT INTO customers (name, company, notes, created_at, updated_at) VALUES (?, 'Co', ?, ?, ?)`,
			fmt.Sprintf("Raw %d", i), fmt.Sprintf("%0200d", i), clk.t.Unix(), clk.t.Unix()); err != nil {
			t.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	var pages int
	d.w.QueryRow("PRAGMA page_count").Scan(&pages)
	if _, err := d.w.Exec(fmt.Sprintf("PRAGMA max_page_count = %d", pages)); err != nil {
		t.Fatal(err)
	}
	clk.t = clk.t.AddDate(0, 0, 1) // a new day
	if _, err := d.Refresh(ctx); !errors.Is(err, ErrFull) {
		t.Fatalf("the refresh itself should hit the full disk: %v", err)
	}
	v, res, err := d.RefreshForReading(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer v.Close()
	if ns := v.NotSaved(); !errors.Is(ns, ErrNotSaved) || !errors.Is(ns, ErrFull) {
		t.Fatalf("NotSaved = %v", ns)
	}
	if !res.NewDay || v == d {
		t.Fatalf("the view did not refresh: %+v (same handle %v)", res, v == d)
	}
	rows, err := v.ListCustomers(ctx, CustomerQuery{Limit: 5000})
	if err != nil || len(rows) != 2001 {
		t.Fatalf("the view lists %d customers (%v), want 2001", len(rows), err)
	}
	if v.Path() != d.Path() {
		t.Errorf("the view names %s, not the book %s", v.Path(), d.Path())
	}
	// The book itself is unchanged: still no stats for the raw customers.
	var n int
	d.r.QueryRow("SELECT count(*) FROM customer_stats").Scan(&n)
	if n != 1 {
		t.Errorf("the book gained %d stats rows", n-1)
	}
}
