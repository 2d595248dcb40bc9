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
