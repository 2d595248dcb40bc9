package cli

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rapportcrm/rapport/db"
)

// unprivilegedDir skips unless the test can run the binary as uid 65534
// (root and setpriv: root itself ignores file modes) and returns a temp
// folder that user can enter.
func unprivilegedDir(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("setpriv"); err != nil || os.Geteuid() != 0 {
		t.Skip("needs root and setpriv to run as an unprivileged user (root ignores file modes)")
	}
	dir := t.TempDir()
	os.Chmod(dir, 0o755)
	os.Chmod(filepath.Dir(dir), 0o755)
	return dir
}

// runAsNobody runs the binary as uid 65534 with the clock at day.
func runAsNobody(t *testing.T, bin, day string, args ...string) procResult {
	t.Helper()
	cmd := exec.Command("setpriv", append([]string{"--reuid=65534", "--regid=65534", "--clear-groups", bin}, args...)...)
	cmd.Env = append(os.Environ(), "RAPPORT_TODAY="+day, "RAPPORT_DB=", "RAPPORT_NOW=", "HOME=/nonexistent", "TZ=Asia/Shanghai")
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return procResult{code, out.String(), errb.String()}
}

// TestReadsWorkWhenTheRefreshCannotBeSaved (issue 27 items 9 and 8): a user
// without write permission, on a new day, while the owner has the book open
// (-wal and -shm exist): today, list, show, report and check all work on
// today's view, say the refresh was not saved, and check compares the stats
// (on a copy) instead of claiming a match it never made.
func TestReadsWorkWhenTheRefreshCannotBeSaved(t *testing.T) {
	bin := safetyBinary(t)
	dir := unprivilegedDir(t)
	book := filepath.Join(dir, "book.db")
	for _, v := range [][]string{{"add", "customer", "Acme"}, {"log", "Acme", "first call", "--next", "2026-11-25"}} {
		if r := runBin(t, bin, nil, append([]string{"--db", book}, v...)...); r.code != 0 {
			t.Fatalf("%v: %+v", v, r)
		}
	}
	os.Chmod(book, 0o644)
	// The owner keeps the book open: its -wal and -shm stay.
	owner, err := db.Open(context.Background(), book, db.Options{Now: safetyNow, MustExist: true})
	if err != nil {
		t.Fatal(err)
	}
	defer owner.Close()
	if _, err := owner.Stages(context.Background()); err != nil {
		t.Fatal(err)
	}
	for _, sfx := range []string{"-wal", "-shm"} {
		if _, err := os.Stat(book + sfx); err != nil {
			t.Fatalf("the owner's %s is missing: %v", sfx, err)
		}
	}
	// Two days later the follow-up is overdue: only a refresh shows that.
	for _, v := range [][]string{{"today"}, {"list"}, {"show", "Acme"}, {"report"}, {"check"}} {
		r := runAsNobody(t, bin, "2026-11-28", append([]string{"--db", book}, v...)...)
		if r.code != 0 {
			t.Errorf("%v as another user: %+v", v, r)
			continue
		}
		if !strings.Contains(r.stderr, "could not be saved") {
			t.Errorf("%v does not say the refresh was not saved: %q", v, r.stderr)
		}
		if v[0] == "today" && !strings.Contains(r.stdout, "Acme") {
			t.Errorf("today does not show the overdue follow-up: %q", r.stdout)
		}
		if v[0] == "check" && (!strings.Contains(r.stdout, "match a recompute") || strings.Contains(r.stdout, "read-only for this user")) {
			t.Errorf("check did not compare: %q", r.stdout)
		}
	}
	// Nothing was written: the book was never refreshed for the later day.
	var on string
	owner.Reader().QueryRow(`SELECT coalesce((SELECT value FROM settings WHERE key = 'refreshed_on'), '')`).Scan(&on)
	if on == "2026-11-28" {
		t.Errorf("refreshed_on = %q: someone wrote the book", on)
	}
}
