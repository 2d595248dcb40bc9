package cli

import (
	"fmt"
	"os/exec"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/mattn/go-runewidth"
)

// tmuxSession drives the built binary in a real terminal (tmux).
type tmuxSession struct {
	t    *testing.T
	name string
}

func newTmux(t *testing.T, w, h int, env []string, args ...string) *tmuxSession {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed")
	}
	s := &tmuxSession{t: t, name: fmt.Sprintf("rapport-safety-%d", time.Now().UnixNano())}
	cmdline := strings.Join(append(env, args...), " ")
	out, err := exec.Command("tmux", "new-session", "-d", "-s", s.name, "-x", fmt.Sprint(w), "-y", fmt.Sprint(h), "env "+cmdline).CombinedOutput()
	if err != nil {
		t.Fatalf("tmux: %v %s", err, out)
	}
	t.Cleanup(func() { exec.Command("tmux", "kill-session", "-t", s.name).Run() })
	return s
}

func (s *tmuxSession) tmux(args ...string) string {
	out, _ := exec.Command("tmux", args...).CombinedOutput()
	return string(out)
}

func (s *tmuxSession) send(keys ...string) {
	s.tmux(append([]string{"send-keys", "-t", s.name}, keys...)...)
}

// capture returns the pane; with escapes it keeps tmux's own colour codes.
func (s *tmuxSession) capture(escapes bool) string {
	args := []string{"capture-pane", "-p", "-t", s.name}
	if escapes {
		args = append(args, "-e")
	}
	return s.tmux(args...)
}

// waitFor polls the pane until it shows text.
func (s *tmuxSession) waitFor(text string) string {
	s.t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for time.Now().Before(deadline) {
		if p := s.capture(false); strings.Contains(p, text) {
			return p
		}
		time.Sleep(50 * time.Millisecond)
	}
	s.t.Fatalf("pane never showed %q:\n%s", text, s.capture(false))
	return ""
}

// TestHostileBookInTheApp runs the app in tmux over a book full of escape
// sequences, bidi overrides and 100 KB strings: the pane title and the
// clipboard stay untouched, the screen carries none of the injected
// sequences, and no line is wider than the terminal.
func TestHostileBookInTheApp(t *testing.T) {
	bin := safetyBinary(t)
	dbPath := makeHostileBook(t, bin)
	for _, term := range []struct{ name, env string }{{"xterm", "TERM=xterm-256color"}, {"dumb+NO_COLOR", "TERM=dumb NO_COLOR=1"}, {"zh_CN", "TERM=xterm-256color LANG=zh_CN.UTF-8"}} {
		t.Run(term.name, func(t *testing.T) {
			s := newTmux(t, 100, 30, []string{term.env, "RAPPORT_TODAY=2026-11-23"}, bin, "--db", dbPath)
			s.tmux("set-option", "-t", s.name, "set-clipboard", "on")
			titleBefore := strings.TrimSpace(s.tmux("display-message", "-p", "-t", s.name, "#{pane_title}"))
			s.waitFor("overdue")
			screens := []string{"1", "2", "3", "4", "2"}
			for _, k := range screens {
				s.send(k)
				time.Sleep(300 * time.Millisecond)
				checkPane(t, s, 100)
			}
			// Open the customers one after another.
			for i := 0; i < 5; i++ {
				s.send("enter")
				time.Sleep(300 * time.Millisecond)
				checkPane(t, s, 100)
				s.send("Escape")
				time.Sleep(150 * time.Millisecond)
				s.send("j")
			}
			// Resize down and up: the layout holds.
			for _, size := range [][2]int{{40, 12}, {300, 100}, {20, 5}, {100, 30}} {
				s.tmux("resize-window", "-t", s.name, "-x", fmt.Sprint(size[0]), "-y", fmt.Sprint(size[1]))
				time.Sleep(300 * time.Millisecond)
				checkPane(t, s, size[0])
			}
			if after := strings.TrimSpace(s.tmux("display-message", "-p", "-t", s.name, "#{pane_title}")); after != titleBefore {
				t.Errorf("pane title changed from %q to %q", titleBefore, after)
			}
			if buf := s.tmux("show-buffer"); strings.Contains(buf, "rm -rf") || strings.Contains(buf, "cm0g") {
				t.Errorf("the clipboard was set: %q", buf)
			}
			s.send("q")
		})
	}
}

func checkPane(t *testing.T, s *tmuxSession, width int) {
	t.Helper()
	esc := s.capture(true)
	for _, bad := range []string{"\x1b]", "\x1bP", "\x1b[2J", "\x1b[H", "pwned", "evil.example", "\u202e", "\u2066", "\u009b", "\u009d", "\a"} {
		if strings.Contains(esc, bad) {
			t.Fatalf("the screen carries %q:\n%s", bad, s.capture(false))
		}
	}
	for _, line := range strings.Split(strings.TrimRight(s.capture(false), "\n"), "\n") {
		if !utf8.ValidString(line) {
			t.Fatalf("invalid UTF-8 on screen: %q", line)
		}
		if w := runewidth.StringWidth(line); w > width {
			t.Fatalf("line wider (%d) than the terminal (%d): %q", w, width, line)
		}
	}
}
