package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBookBinary builds the real rapport binary and runs verbs as separate
// processes: global flags, RAPPORT_TODAY, RAPPORT_DB, exit codes.
func TestBookBinary(t *testing.T) {
	bin := safetyBinary(t)
	dir := t.TempDir()
	dbPath := filepath.Join(dir, "data", "book.db")
	// The shared runner, with this test's day.
	run := func(env []string, args ...string) (int, string, string) {
		t.Helper()
		r := runBin(t, bin, append([]string{"RAPPORT_TODAY=2026-11-20"}, env...), args...)
		return r.code, r.stdout, r.stderr
	}

	if code, out, _ := run(nil, "--db", dbPath, "add", "customer", "王芳", "--company", "Wang Trading"); code != 0 || out != "customer 1 created: 王芳\nrule First revisit scheduled follow-up 1: First revisit, due 2026-11-23\n" {
		t.Fatalf("add customer: %d %q", code, out)
	}
	if st, err := os.Stat(dbPath); err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("database file: %v %v", st, err)
	}
	if code, out, errs := run(nil, "--db="+dbPath, "follow", "王芳", "Send quote", "--due", "2026-11-17"); code != 0 {
		t.Fatalf("follow: %d %q %q", code, out, errs)
	}
	code, out, errs := run(nil, "--db", dbPath, "today", "--json")
	if code != 0 {
		t.Fatalf("today --json: %d %q", code, errs)
	}
	var doc todayJSON
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("today --json: %v\n%s", err, out)
	}
	if doc.Today != "2026-11-20" || doc.Counts.Overdue != 1 || len(doc.Overdue) != 1 || doc.Overdue[0].DaysOverdue != 3 || doc.Overdue[0].Customer != "王芳" {
		t.Fatalf("today --json: %+v", doc)
	}
	if code, _, _ := run(nil, "--db", dbPath, "today", "--exit-code"); code != ExitOverdue {
		t.Fatalf("today --exit-code: %d, want 3", code)
	}
	// RAPPORT_DB stands in for --db; RAPPORT_NOW for the clock.
	if code, out, _ := run([]string{"RAPPORT_DB=" + dbPath, "RAPPORT_NOW=2026-11-18T10:00:00+08:00"}, "today", "--json"); code != 0 || !strings.Contains(out, `"today": "2026-11-18"`) {
		t.Fatalf("RAPPORT_DB/RAPPORT_NOW: %d %q", code, out)
	}
	if code, _, errs := run([]string{"RAPPORT_TODAY=20/11/2026"}, "--db", dbPath, "today"); code != ExitUsage || !strings.Contains(errs, "RAPPORT_TODAY") {
		t.Fatalf("bad RAPPORT_TODAY: %d %q", code, errs)
	}
	if code, _, errs := run([]string{"RAPPORT_NOW=yesterday"}, "--db", dbPath, "today"); code != ExitUsage || !strings.Contains(errs, "RAPPORT_NOW") {
		t.Fatalf("bad RAPPORT_NOW: %d %q", code, errs)
	}
	missing := filepath.Join(dir, "none.db")
	if code, _, errs := run(nil, "--db", missing, "today"); code != ExitFailed || !strings.Contains(errs, "rapport demo") {
		t.Fatalf("missing database: %d %q", code, errs)
	}
	if _, err := os.Stat(missing); err == nil {
		t.Fatal("today created a database")
	}
	for _, args := range [][]string{{"--help"}, {"-h"}, {"help"}, {"--db", dbPath, "help"}} {
		if code, out, _ := run(nil, args...); code != 0 || !strings.Contains(out, "Commands:") {
			t.Fatalf("%q: %d %q", args, code, out)
		}
	}
	if code, out, _ := run(nil, "help", "log"); code != 0 || !strings.HasPrefix(out, "usage: rapport log") {
		t.Fatalf("help log: %d %q", code, out)
	}
	if code, out, _ := run(nil, "--version"); code != 0 || !strings.HasPrefix(out, "rapport ") {
		t.Fatalf("--version: %d %q", code, out)
	}
	for _, args := range [][]string{{"--db", dbPath, "frobnicate"}, {"--colour"}, {"--db"}, {"--db", dbPath, "list", "--bogus"}} {
		if code, _, _ := run(nil, args...); code != ExitUsage {
			t.Fatalf("%q: exit %d, want 2", args, code)
		}
	}
}
