package ui

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/db/demo"
	"github.com/rapportcrm/rapport/model"
)

// tmuxSession drives one tmux server on a private socket.
type tmuxSession struct {
	t    testing.TB
	sock string
}

func (s *tmuxSession) run(args ...string) (string, error) {
	cmd := exec.Command("tmux", append([]string{"-u", "-S", s.sock}, args...)...)
	cmd.Env = append(os.Environ(), "LANG=C.UTF-8")
	out, err := cmd.CombinedOutput()
	return string(out), err
}

func (s *tmuxSession) must(args ...string) string {
	s.t.Helper()
	out, err := s.run(args...)
	if err != nil {
		s.t.Fatalf("tmux %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return out
}

func (s *tmuxSession) screen() string {
	out, _ := s.run("capture-pane", "-p", "-t", "app")
	return out
}

// waitFor polls the pane until it holds every want (or times out).
func (s *tmuxSession) waitFor(want ...string) string {
	s.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		out := s.screen()
		ok := true
		for _, w := range want {
			if !strings.Contains(out, w) {
				ok = false
			}
		}
		if ok {
			return out
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("timed out waiting for %q; the pane shows:\n%s", want, out)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func (s *tmuxSession) keys(keys ...string) {
	s.must(append([]string{"send-keys", "-t", "app"}, keys...)...)
}

func (s *tmuxSession) text(text string) { s.must("send-keys", "-t", "app", "-l", text) }

// buildBinary builds rapport into dir.
func buildBinary(t testing.TB, dir string) string {
	t.Helper()
	bin := filepath.Join(dir, "rapport")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	cmd.Dir = ".." // the module root, where main.go is
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

func TestTmuxBinary(t *testing.T) {
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed")
	}
	if testing.Short() {
		t.Skip("builds the binary and drives it in tmux")
	}
	dir := t.TempDir()
	bin := buildBinary(t, dir)
	path := filepath.Join(dir, "book.db")
	d, err := db.Open(context.Background(), path, db.Options{Now: func() time.Time { return fixtureNow }})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := demo.Generate(context.Background(), d, demo.Options{Customers: 300, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	tr, err := d.Triage(context.Background(), 1)
	if err != nil {
		t.Fatal(err)
	}
	list, err := d.ListCustomers(context.Background(), db.CustomerQuery{Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	d.Close()
	name := clean(list[0].Name)
	summary := tr.Counts.Summary()
	for _, lang := range []string{"C.UTF-8", "zh_CN.UTF-8"} {
		t.Run(lang, func(t *testing.T) {
			s := &tmuxSession{t: t, sock: filepath.Join(dir, "tmux-"+strings.ReplaceAll(lang, ".", "_"))}
			app := "env LANG=" + lang + " TERM=xterm-256color RAPPORT_NOW=" + fixtureNow.Format(time.RFC3339) + " " + bin + " --db " + path
			s.must("new-session", "-d", "-s", "app", "-x", "100", "-y", "30", app)
			t.Cleanup(func() { s.run("kill-server") })
			s.waitFor(summary, "Overdue follow-ups")
			s.keys("2")
			s.waitFor("sort: risk", "Contacted")
			s.keys("/")
			s.text(name)
			s.waitFor("/ "+name, "1/")
			s.keys("Enter")
			s.keys("?")
			s.waitFor("Keys — ? or esc closes")
			s.keys("Escape")
			s.waitFor("sort: risk")
			s.must("resize-window", "-t", "app", "-x", "40", "-y", "12")
			small := s.waitFor("Name")
			if strings.Contains(small, "window too small") {
				t.Fatalf("40×12 should still draw the app:\n%s", small)
			}
			s.must("resize-window", "-t", "app", "-x", "30", "-y", "10")
			s.waitFor("window too small")
			s.must("resize-window", "-t", "app", "-x", "100", "-y", "30")
			s.waitFor(summary, "sort: risk")
			s.keys("1")
			s.waitFor("Overdue follow-ups")
			s.keys("q")
			deadline := time.Now().Add(10 * time.Second)
			for {
				if _, err := s.run("has-session", "-t", "app"); err != nil {
					break // the app quit and took its session with it
				}
				if time.Now().After(deadline) {
					t.Fatalf("q did not quit; the pane shows:\n%s", s.screen())
				}
				time.Sleep(50 * time.Millisecond)
			}
		})
	}
}

// quitAndWait presses q and waits until the app's session is gone.
func (s *tmuxSession) quitAndWait() {
	s.t.Helper()
	s.keys("q")
	deadline := time.Now().Add(10 * time.Second)
	for {
		if _, err := s.run("has-session", "-t", "app"); err != nil {
			return
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("q did not quit; the pane shows:\n%s", s.screen())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestTmuxLogUndoArchive drives the built binary: log a call with the next
// follow-up 明天, quit, start again the next day and find it due today; undo
// it; archive a customer and restore it.
func TestTmuxLogUndoArchive(t *testing.T) {
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed")
	}
	if testing.Short() {
		t.Skip("builds the binary and drives it in tmux")
	}
	dir := t.TempDir()
	bin := buildBinary(t, dir)
	path := filepath.Join(dir, "book.db")
	ctx := context.Background()
	d, err := db.Open(ctx, path, db.Options{Now: func() time.Time { return fixtureNow }})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []model.Customer{{Name: "Acme Ltd", Tier: model.TierB}, {Name: "Zeta Corp"}} {
		if _, err := d.CreateCustomer(ctx, &c, nil); err != nil {
			t.Fatal(err)
		}
	}
	d.Close()
	start := func(s *tmuxSession, clock string) {
		app := "env LANG=C.UTF-8 TZ=UTC TERM=xterm-256color " + clock + " " + bin + " --db " + path
		s.must("new-session", "-d", "-s", "app", "-x", "100", "-y", "30", app)
	}
	s := &tmuxSession{t: t, sock: filepath.Join(dir, "tmux")}
	t.Cleanup(func() { s.run("kill-server") })

	// Day one: log a call on Acme, next follow-up 明天.
	start(s, "RAPPORT_NOW="+fixtureNow.Format(time.RFC3339))
	s.waitFor("sort: risk", "Acme Ltd")
	s.keys("/")
	s.text("Acme")
	s.keys("Enter")
	s.waitFor("/ Acme", "1/1")
	s.keys("i")
	s.waitFor("Log an interaction", "Summary")
	s.text("Called about the renewal")
	s.keys("C-s")
	s.waitFor("Schedule the next follow-up?", "Logged call with Acme Ltd")
	s.keys("C-a", "C-k")
	s.text("明天")
	s.waitFor("(tomorrow)")
	s.keys("Enter")
	s.waitFor("Follow-up \"Follow up: Called about the renewal\" due")
	s.quitAndWait()

	// Day two: it is due today (the app opens on Today); u takes it back.
	start(s, "RAPPORT_TODAY=2026-11-24")
	day2 := s.waitFor("1 due today", "Due today (1)", "· today", "Follow up: Called about the renewal")
	if strings.Index(day2, "Follow up:") < strings.Index(day2, "Due today") || strings.Index(day2, "Follow up:") > strings.Index(day2, "At risk") {
		t.Fatalf("the follow-up is not in the Due today section:\n%s", day2)
	}
	s.keys("u")
	undone := s.waitFor("Undone: schedule next follow-up with Acme Ltd", "Due today · none", "0 due today")
	if strings.Contains(undone, "Follow up: Called") {
		t.Fatalf("u left the follow-up on Today:\n%s", undone)
	}

	// Archive Zeta Corp (D asks), then list archived customers and restore it.
	s.keys("2")
	s.waitFor("sort: risk")
	s.keys("/")
	s.text("Zeta")
	s.keys("Enter")
	s.waitFor("/ Zeta", "1/1")
	s.keys("D")
	s.waitFor(`Archive customer "Zeta Corp"?`)
	s.keys("y")
	s.waitFor(`Archived customer "Zeta Corp"`, "0 customers")
	s.keys("/", "C-a", "C-k")
	s.text("archived:yes")
	s.keys("Enter")
	s.waitFor("/ archived:yes", "Zeta Corp", "archived")
	s.keys("R")
	s.waitFor(`Restored customer "Zeta Corp"`, "0 customers")
	s.quitAndWait()

	d, err = db.Open(ctx, path, db.Options{Now: func() time.Time { return fixtureNow }})
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	var archived, followups, logged int
	r := d.Reader()
	r.QueryRowContext(ctx, `SELECT count(*) FROM customers WHERE archived_at IS NOT NULL`).Scan(&archived)
	r.QueryRowContext(ctx, `SELECT count(*) FROM followups`).Scan(&followups)
	r.QueryRowContext(ctx, `SELECT count(*) FROM interactions WHERE summary = 'Called about the renewal'`).Scan(&logged)
	if archived != 0 || followups != 0 || logged != 1 {
		t.Fatalf("file: %d archived, %d follow-ups, %d logged", archived, followups, logged)
	}
}
