package db_test

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/db/demo"
	"github.com/rapportcrm/rapport/model"
)

// configNow is the clock of the config tests' books.
func configNow() time.Time { return time.Date(2026, 11, 23, 9, 0, 0, 0, time.Local) }

// configBook generates a 300-customer demo book and returns its path
// (closed).
func configBook(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "book.db")
	d, err := db.Open(context.Background(), path, db.Options{Now: configNow})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := demo.Generate(context.Background(), d, demo.Options{Customers: 300, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	if err := d.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

func openConfigBook(t *testing.T, path string) *db.DB {
	t.Helper()
	d, err := db.Open(context.Background(), path, db.Options{Now: configNow, MustExist: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	return d
}

// assertChecked fails unless db.Check finds the stored stats equal to a
// full recompute.
func assertChecked(t *testing.T, d *db.DB, when string) {
	t.Helper()
	rep, err := d.Check(context.Background())
	if err != nil {
		t.Fatalf("%s: check: %v", when, err)
	}
	if !rep.OK() {
		t.Fatalf("%s: check found differences: %v", when, rep.StatsDiffs)
	}
}

// logFrom logs an interaction through another handle on the book (another
// process's connection). The deadline only matters when the write lock is
// wrongly held by the caller: the write would wait for it for ever.
func logFrom(other *db.DB, customer int64, summary string) error {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	return other.Write(ctx, "log", func(tx *db.Tx) error {
		_, err := tx.LogInteraction(&model.Interaction{CustomerID: customer, Kind: model.KindCall, Direction: model.Outbound,
			Summary: summary, OccurredAt: configNow().Add(-time.Hour).Unix(), Score: -1})
		return err
	})
}

// TestConfigDoesNotHoldTheWriteLockWhileItComputes (issue 27, 10): while
// `config rhythm` computes every customer's stats, another connection logs
// an interaction, which could not happen if config held the write lock
// then. Config sees that the book changed, computes again and writes; the
// result equals a full recompute (Check), the interaction is there, and the
// change is one undoable command.
func TestConfigDoesNotHoldTheWriteLockWhileItComputes(t *testing.T) {
	ctx := context.Background()
	path := configBook(t)
	d, other := openConfigBook(t, path), openConfigBook(t, path)
	calls, held := 0, 0
	var logErr error
	db.SetAfterSnapshot(d, func() {
		calls++
		if calls == 1 {
			logErr = logFrom(other, 7, "called while config computed")
		}
	})
	db.SetLockHook(d, func(time.Duration) { held++ })
	if err := d.SetConfig(ctx, "rhythm", "21"); err != nil {
		t.Fatal(err)
	}
	if logErr != nil {
		t.Fatalf("a writer on another connection was blocked while config computed: %v", logErr)
	}
	if calls != 2 || held != 1 {
		t.Fatalf("snapshots computed %d, written %d: want 2 (the first one moved) and 1", calls, held)
	}
	if v, _ := d.Setting(ctx, "rhythm"); v != "21" {
		t.Fatalf("rhythm = %q", v)
	}
	assertChecked(t, d, "after config")
	tl, err := d.Timeline(ctx, 7, 0, 1000)
	if err != nil {
		t.Fatal(err)
	}
	if len(tl) == 0 || !strings.Contains(fmt.Sprint(tl), "called while config computed") {
		t.Fatalf("the other connection's interaction is missing: %v", tl)
	}
	desc, err := d.Undo(ctx)
	if err != nil || !strings.Contains(desc, "config rhythm = 21") {
		t.Fatalf("undo: %q, %v", desc, err)
	}
	if v, _ := d.Setting(ctx, "rhythm"); v != "" {
		t.Fatalf("rhythm after undo = %q", v)
	}
	assertChecked(t, d, "after undo")
}

// TestConfigThatKeepsMovingRecomputesInTheLock: when the book changes
// during every attempt, config recomputes inside the write lock (as it
// did before) and the result is still exact.
func TestConfigThatKeepsMovingRecomputesInTheLock(t *testing.T) {
	ctx := context.Background()
	path := configBook(t)
	d, other := openConfigBook(t, path), openConfigBook(t, path)
	calls, held := 0, 0
	db.SetAfterSnapshot(d, func() {
		calls++
		if err := logFrom(other, int64(calls), fmt.Sprintf("log %d", calls)); err != nil {
			t.Errorf("log %d: %v", calls, err)
		}
	})
	db.SetLockHook(d, func(time.Duration) { held++ })
	if err := d.SetConfig(ctx, "cadence.A", "9"); err != nil {
		t.Fatal(err)
	}
	if calls != db.ConfigAttempts || held != 0 {
		t.Fatalf("attempts %d, snapshot writes %d: want %d and 0", calls, held, db.ConfigAttempts)
	}
	if v, _ := d.Setting(ctx, "cadence.A"); v != "9" {
		t.Fatalf("cadence.A = %q", v)
	}
	assertChecked(t, d, "after config")
}

// TestConfigFromASnapshotEqualsTheInLockRecompute: for every kind of
// setting that changes everyone's stats, the snapshot path leaves the book
// exactly as recomputing inside the write lock does: every stats row and
// deal clock, the settings, and the undo journal.
func TestConfigFromASnapshotEqualsTheInLockRecompute(t *testing.T) {
	ctx := context.Background()
	base := configBook(t)
	for _, kv := range [][2]string{{"rhythm", "9"}, {"cadence.B", "12"}, {"risk.watch", "15"}, {"risk.silence", "5,10,60,80"},
		{"risk.horizon", "45"}, {"currency", "CNY"}, {"timezone", "Pacific/Kiritimati"}} {
		t.Run(kv[0], func(t *testing.T) {
			dir := t.TempDir()
			snapPath, lockPath := filepath.Join(dir, "snap.db"), filepath.Join(dir, "lock.db")
			for _, p := range []string{snapPath, lockPath} {
				if err := demo.CopyBook(base, p); err != nil {
					t.Fatal(err)
				}
			}
			snap, lock := openConfigBook(t, snapPath), openConfigBook(t, lockPath)
			held := 0
			db.SetLockHook(snap, func(time.Duration) { held++ })
			if err := snap.SetConfig(ctx, kv[0], kv[1]); err != nil {
				t.Fatal(err)
			}
			if held != 1 {
				t.Fatalf("the snapshot path wrote %d times", held)
			}
			if err := db.SetConfigInLock(ctx, lock, kv[0], kv[1]); err != nil {
				t.Fatal(err)
			}
			for _, q := range []string{
				"SELECT * FROM customer_stats ORDER BY customer_id",
				"SELECT * FROM deal_stats ORDER BY deal_id",
				"SELECT * FROM settings ORDER BY key",
				"SELECT * FROM change_batches ORDER BY id",
				"SELECT * FROM changes ORDER BY id",
			} {
				a, b := dumpRows(t, snapPath, q), dumpRows(t, lockPath, q)
				if len(a) == 0 && strings.Contains(q, "stats") {
					t.Fatalf("%s: no rows", q)
				}
				if !reflect.DeepEqual(a, b) {
					t.Fatalf("%s: the snapshot path differs from the in-lock recompute:\n%s", q, firstDiff(a, b))
				}
			}
			assertChecked(t, snap, "snapshot path")
		})
	}
}

// dumpRows reads every row of a query as text, through a connection of its
// own.
func dumpRows(t *testing.T, path, query string) []string {
	t.Helper()
	raw, err := sql.Open("sqlite", db.DSN(path, true))
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	rows, err := raw.Query(query)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	var out []string
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		out = append(out, fmt.Sprintf("%v", vals))
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func firstDiff(a, b []string) string {
	for i := 0; i < len(a) || i < len(b); i++ {
		var x, y string
		if i < len(a) {
			x = a[i]
		}
		if i < len(b) {
			y = b[i]
		}
		if x != y {
			return fmt.Sprintf("row %d:\n  snapshot: %s\n  in lock:  %s", i, x, y)
		}
	}
	return "(equal)"
}
