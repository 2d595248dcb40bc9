package db

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/rapportcrm/rapport/model"
)

// testClock is a settable clock for tests.
type testClock struct{ t time.Time }

func (c *testClock) now() time.Time { return c.t }

// openTest opens a fresh book in a temp dir with a fixed clock
// (2026-11-23 09:00 local).
func openTest(t testing.TB) (*DB, *testClock) {
	t.Helper()
	clk := &testClock{t: time.Date(2026, 11, 23, 9, 0, 0, 0, time.Local)}
	d, err := Open(context.Background(), filepath.Join(t.TempDir(), "book.db"), Options{Now: clk.now})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	return d, clk
}

func mustCustomer(t testing.TB, d *DB, name string) int64 {
	t.Helper()
	id, err := d.CreateCustomer(context.Background(), &model.Customer{Name: name}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func daysAgo(clk *testClock, n int) int64 { return clk.t.AddDate(0, 0, -n).Unix() }
