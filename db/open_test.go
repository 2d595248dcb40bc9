package db

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/rapportcrm/rapport/model"
)

func TestOpenCreatesPrivateFileAndDir(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "new", "nested")
	path := filepath.Join(dir, "book.db")
	d, err := Open(context.Background(), path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	st, _ := os.Stat(dir)
	if st.Mode().Perm() != 0o700 {
		t.Errorf("dir mode %v, want 0700", st.Mode().Perm())
	}
	st, _ = os.Stat(path)
	if st.Mode().Perm() != 0o600 {
		t.Errorf("file mode %v, want 0600", st.Mode().Perm())
	}
	var mode string
	d.w.QueryRow("PRAGMA journal_mode").Scan(&mode)
	var fk, sync int
	d.w.QueryRow("PRAGMA foreign_keys").Scan(&fk)
	d.w.QueryRow("PRAGMA synchronous").Scan(&sync)
	if mode != "wal" || fk != 1 || sync != 2 {
		t.Errorf("pragmas: journal_mode=%s foreign_keys=%d synchronous=%d", mode, fk, sync)
	}
	if v, _ := d.UserVersion(context.Background()); v != SchemaVersion() {
		t.Errorf("user_version %d, want %d", v, SchemaVersion())
	}
	// The read handle cannot write.
	if _, err := d.r.Exec(`INSERT INTO settings (key, value) VALUES ('x', 'y')`); err == nil {
		t.Error("read handle wrote")
	}
}

func TestMustExistDoesNotCreate(t *testing.T) {
	path := filepath.Join(t.TempDir(), "missing.db")
	_, err := Open(context.Background(), path, Options{MustExist: true})
	if !errors.Is(err, ErrNoDatabase) {
		t.Fatalf("want ErrNoDatabase, got %v", err)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Fatal("file was created")
	}
}

func TestPathCannotInjectPragmas(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "odd?_pragma=query_only(1)&x=#1%20.db")
	d, err := Open(context.Background(), path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	if _, err := d.CreateCustomer(context.Background(), &model.Customer{Name: "x"}, nil); err != nil {
		t.Fatalf("write failed, pragma injected? %v", err)
	}
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("file not at the literal path: %v", err)
	}
}

func TestRefusesNewerSchemaUntouched(t *testing.T) {
	path := filepath.Join(t.TempDir(), "future.db")
	raw, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	raw.Exec(`CREATE TABLE x (a)`)
	raw.Exec(fmt.Sprintf("PRAGMA user_version = %d", SchemaVersion()+5))
	raw.Close()
	before, _ := os.ReadFile(path)
	_, err = Open(context.Background(), path, Options{})
	if err == nil || !strings.Contains(err.Error(), fmt.Sprint(SchemaVersion()+5)) || !strings.Contains(err.Error(), fmt.Sprint(SchemaVersion())) {
		t.Fatalf("want refusal naming both versions, got %v", err)
	}
	after, _ := os.ReadFile(path)
	if !bytes.Equal(before, after) {
		t.Fatal("file changed")
	}
}

func TestRefusesForeignFiles(t *testing.T) {
	dir := t.TempDir()
	junk := filepath.Join(dir, "junk.db")
	os.WriteFile(junk, bytes.Repeat([]byte("not a database "), 300), 0o600)
	if _, err := Open(context.Background(), junk, Options{}); err == nil {
		t.Fatal("opened random bytes")
	}
	other := filepath.Join(dir, "other.db")
	raw, _ := sql.Open("sqlite", "file:"+other)
	raw.Exec(`CREATE TABLE notes (a)`)
	raw.Close()
	if _, err := Open(context.Background(), other, Options{}); err == nil || !strings.Contains(err.Error(), "not a rapport database") {
		t.Fatalf("opened a foreign SQLite file: %v", err)
	}
	if _, err := Open(context.Background(), dir, Options{}); err == nil || !strings.Contains(err.Error(), "directory") {
		t.Fatalf("opened a directory: %v", err)
	}
}

func TestTwoHandlesWriteConcurrently(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "shared.db")
	a, err := Open(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := Open(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	id, err := a.CreateCustomer(ctx, &model.Customer{Name: "Shared"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	errs := make(chan error, 400)
	for _, h := range []*DB{a, b} {
		wg.Add(1)
		go func(h *DB) {
			defer wg.Done()
			for i := 0; i < 200; i++ {
				err := h.Write(ctx, "log", func(tx *Tx) error {
					_, err := tx.LogInteraction(&model.Interaction{CustomerID: id, Summary: fmt.Sprintf("call %d", i)})
					return err
				})
				if err != nil {
					errs <- err
				}
			}
		}(h)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Errorf("write failed: %v", err)
	}
	var n int
	a.r.QueryRow(`SELECT count(*) FROM interactions`).Scan(&n)
	if n != 400 {
		t.Fatalf("%d interactions landed, want 400", n)
	}
	assertStatsExact(t, a, "after concurrent writes")
}

// dumpTables renders every user table for exact comparison.
func dumpTables(t *testing.T, d *DB) string {
	t.Helper()
	var b strings.Builder
	for _, table := range []string{"customers", "contacts", "tags", "customer_tags", "stages", "deals", "deal_stage_history", "interactions", "followups", "orders", "settings", "customer_stats"} {
		m := d.tables[table]
		cols := m.cols
		if table == "customer_stats" {
			cols = []string{"*"}
		}
		rows, err := d.r.Query("SELECT " + strings.Join(cols, ", ") + " FROM " + table + " ORDER BY 1, 2")
		if err != nil {
			t.Fatal(err)
		}
		ct, _ := rows.ColumnTypes()
		for rows.Next() {
			// (system bookkeeping settings are not user rows: filtered below)
			vals := make([]any, len(ct))
			ptrs := make([]any, len(ct))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			rows.Scan(ptrs...)
			if table == "settings" {
				if k, _ := vals[0].(string); k == "revenue.from" || k == "rhythm.computed" || k == "refreshed_on" {
					continue
				}
			}
			fmt.Fprintf(&b, "%s %v\n", table, vals)
		}
		rows.Close()
	}
	return b.String()
}

func TestUndoRedoRestoreExactRows(t *testing.T) {
	ctx := context.Background()
	d, clk := openTest(t)
	id := mustCustomer(t, d, "Acme")
	stages, _ := d.Stages(ctx)
	var dealID, fuID, ixID int64
	steps := []func() error{
		func() error { return d.SetTags(ctx, id, []string{"vip", "华东"}, nil) },
		func() error {
			return d.Write(ctx, "log with next", func(tx *Tx) error {
				var err error
				ixID, err = tx.LogInteraction(&model.Interaction{CustomerID: id, Summary: "call", Kind: model.KindComplaint, Direction: model.Inbound})
				if err != nil {
					return err
				}
				fuID, err = tx.CreateFollowup(&model.Followup{CustomerID: id, Title: "call back", Due: d.Today().AddDays(2)})
				return err
			})
		},
		func() error { _, err := d.ResolveComplaint(ctx, ixID); return err },
		func() error { _, err := d.CompleteFollowup(ctx, fuID); return err },
		func() error {
			return d.Write(ctx, "deal", func(tx *Tx) error {
				var err error
				dealID, err = tx.CreateDeal(&model.Deal{CustomerID: id, Title: "Renewal", ValueMinor: 120000})
				return err
			})
		},
		func() error { _, err := d.MoveDeal(ctx, dealID, stages[2].ID, "", false); return err },
		func() error { _, err := d.MoveDeal(ctx, dealID, stages[4].ID, "", true); return err },
		func() error {
			c, _ := d.Customer(ctx, id)
			c.Notes = "likes tea"
			c.TierPinned, c.Tier = true, model.TierA
			return d.UpdateCustomer(ctx, &c)
		},
		func() error { return d.SetArchived(ctx, "customer", id, true) },
		func() error { return d.SetArchived(ctx, "customer", id, false) },
		func() error { return d.SetConfig(ctx, "cadence.A", "10") },
	}
	for i, step := range steps {
		clk.t = clk.t.Add(time.Minute)
		before := dumpTables(t, d)
		if err := step(); err != nil {
			t.Fatalf("step %d: %v", i, err)
		}
		after := dumpTables(t, d)
		if _, err := d.Undo(ctx); err != nil {
			t.Fatalf("step %d undo: %v", i, err)
		}
		if got := dumpTables(t, d); got != before {
			t.Fatalf("step %d: undo did not restore the rows:\n%s", i, diffLines(before, got))
		}
		if _, err := d.Redo(ctx); err != nil {
			t.Fatalf("step %d redo: %v", i, err)
		}
		if got := dumpTables(t, d); got != after {
			t.Fatalf("step %d: redo did not restore the rows:\n%s", i, diffLines(after, got))
		}
	}
}

func diffLines(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	seen := map[string]bool{}
	for _, l := range w {
		seen[l] = true
	}
	for _, l := range g {
		if !seen[l] {
			b.WriteString("+ " + l + "\n")
		}
	}
	seen = map[string]bool{}
	for _, l := range g {
		seen[l] = true
	}
	for _, l := range w {
		if !seen[l] {
			b.WriteString("- " + l + "\n")
		}
	}
	return b.String()
}

func TestLaunchQueriesUseIndexes(t *testing.T) {
	ctx := context.Background()
	d, _ := openTest(t)
	today := d.Today().String()
	for _, q := range []string{
		`SELECT coalesce(sum(overdue_followups), 0) FROM customer_stats WHERE live = 1 AND overdue_followups > 0`,
		`SELECT count(*) FROM followups f JOIN customers c ON c.id = f.customer_id WHERE f.done_at IS NULL AND f.archived_at IS NULL AND c.archived_at IS NULL AND f.due_date = '` + today + `' AND (f.due_time IS NULL OR f.due_time >= '09:00')`,
		`SELECT count(*) FROM customer_stats WHERE active = 1 AND risk_score >= 50`,
		`SELECT coalesce(sum(rotting_deals), 0) FROM customer_stats WHERE live = 1 AND rotting_deals > 0`,
		`SELECT count(*) FROM customer_stats WHERE active = 1 AND touch_due_on IS NOT NULL AND touch_due_on <= '` + today + `'`,
		`SELECT f.id FROM followups f JOIN customers c ON c.id = f.customer_id WHERE f.done_at IS NULL AND f.archived_at IS NULL AND c.archived_at IS NULL AND (f.due_date < '` + today + `' OR (f.due_date = '` + today + `' AND f.due_time IS NOT NULL AND f.due_time < '09:00')) ORDER BY f.due_date, f.due_time, f.id LIMIT 20`,
		`SELECT s.customer_id FROM customer_stats s JOIN customers c ON c.id = s.customer_id WHERE s.active = 1 AND s.risk_score >= 50 ORDER BY s.risk_score DESC, s.last_contact_day ASC, s.customer_id LIMIT 20`,
		`SELECT s.customer_id FROM customer_stats s JOIN customers c ON c.id = s.customer_id WHERE s.active = 1 AND s.touch_due_on IS NOT NULL AND s.touch_due_on <= '` + today + `' ORDER BY s.active, s.tier, s.touch_due_on, s.customer_id LIMIT 20`,
		`SELECT d.id FROM deal_stats ds JOIN deals d ON d.id = ds.deal_id JOIN customers c ON c.id = d.customer_id WHERE ds.rot_on IS NOT NULL AND ds.rot_on <= '` + today + `' AND d.status = 'open' ORDER BY ds.stage_since, d.id LIMIT 20`,
	} {
		rows, err := d.r.QueryContext(ctx, "EXPLAIN QUERY PLAN "+q)
		if err != nil {
			t.Fatal(err)
		}
		var plan []string
		for rows.Next() {
			var id, parent, notused int
			var detail string
			rows.Scan(&id, &parent, &notused, &detail)
			plan = append(plan, detail)
		}
		rows.Close()
		for _, p := range plan {
			// "SCAN x" without an index is a full scan; a covering or
			// partial index scan says "USING".
			if strings.HasPrefix(p, "SCAN ") && !strings.Contains(p, "USING") {
				t.Errorf("full scan on the launch path:\n  %s\n  plan: %v", q, plan)
			}
			// Rotting deals are few: sorting them is fine.
			if strings.Contains(p, "USE TEMP B-TREE") && !strings.Contains(q, "deal_stats") {
				t.Errorf("sort on the launch path:\n  %s\n  plan: %v", q, plan)
			}
		}
	}
}

// TestMigratesEveryEarlierVersion builds a book at each earlier schema
// version with data in it, then opens it with this binary: it migrates,
// keeps the data, and leaves a backup copy of the old file beside it.
func TestMigratesEveryEarlierVersion(t *testing.T) {
	ctx := context.Background()
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	// Versions may leave gaps (migrations land from several branches):
	// build a book at every earlier version there is.
	for i := 0; i+1 < len(ms); i++ {
		v := ms[i].version
		path := filepath.Join(t.TempDir(), fmt.Sprintf("v%d.db", v))
		raw, err := sql.Open("sqlite", DSN(path, false))
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range ms[:i+1] {
			if _, err := raw.Exec(m.sql); err != nil {
				t.Fatal(err)
			}
			if m.version == 1 {
				if err := seedBook(ctx, raw, time.Date(2026, 11, 23, 9, 0, 0, 0, time.Local), ""); err != nil {
					t.Fatal(err)
				}
			}
			if m.version == playbooksVersion {
				if err := seedPlaybooks(ctx, raw, time.Date(2026, 11, 23, 9, 0, 0, 0, time.Local), ""); err != nil {
					t.Fatal(err)
				}
			}
		}
		raw.Exec(fmt.Sprintf("PRAGMA user_version = %d", v))
		raw.Exec(`INSERT INTO customers (name, created_at, updated_at) VALUES ('Old customer', 1, 1)`)
		raw.Close()
		d, err := Open(ctx, path, Options{})
		if err != nil {
			t.Fatalf("from v%d: %v", v, err)
		}
		if got, _ := d.UserVersion(ctx); got != SchemaVersion() {
			t.Errorf("from v%d: now at %d", v, got)
		}
		if c, err := d.FindCustomer(ctx, "Old customer"); err != nil || c.Name != "Old customer" {
			t.Errorf("from v%d: data lost: %v", v, err)
		}
		if hs, err := d.Holidays(ctx); err != nil || len(hs) != 8 {
			t.Errorf("from v%d: the care migration seeded %d holidays (%v), want 8", v, len(hs), err)
		}
		baks, _ := filepath.Glob(path + ".v*.bak")
		if len(baks) != 1 {
			t.Errorf("from v%d: backups %v", v, baks)
		}
		d.Close()
	}
}
