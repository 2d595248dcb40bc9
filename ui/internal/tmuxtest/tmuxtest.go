// Package tmuxtest drives the built rapport binary in a real terminal
// (tmux) for tests: one tmux server per session on a private socket, keys
// sent as a user types them, and waits that poll the pane for text with a
// timeout — never a fixed sleep.
package tmuxtest

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Timeout is how long a wait polls before the test fails.
const Timeout = 20 * time.Second

// poll is the interval between two looks at the pane.
const poll = 40 * time.Millisecond

// Session is one tmux server (private socket) running one window "app".
type Session struct {
	t    testing.TB
	sock string
}

// Available skips the test when tmux is missing or under -short.
func Available(t testing.TB) {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed")
	}
	if testing.Short() {
		t.Skip("drives the built binary in tmux")
	}
}

// Build compiles the rapport binary (the module at the root above the
// working directory) into a temp folder and returns its path. A binary
// built elsewhere can be given with RAPPORT_TEST_BIN.
func Build(t testing.TB) string {
	t.Helper()
	if prebuilt := os.Getenv("RAPPORT_TEST_BIN"); prebuilt != "" {
		return prebuilt
	}
	bin := filepath.Join(t.TempDir(), "rapport")
	cmd := exec.Command("go", "build", "-o", bin, "github.com/rapportcrm/rapport")
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// Start runs argv under env (NAME=value pairs) in a new w×h tmux window on
// its own server; the server is killed when the test ends.
func Start(t testing.TB, w, h int, env []string, argv ...string) *Session {
	t.Helper()
	s := &Session{t: t, sock: filepath.Join(t.TempDir(), "tmux.sock")}
	s.Restart(w, h, env, argv...)
	t.Cleanup(func() { s.Run("kill-server") })
	return s
}

// Restart starts argv again in a new window "app" on the same server
// (after the previous one quit).
func (s *Session) Restart(w, h int, env []string, argv ...string) {
	s.t.Helper()
	cmdline := "env " + strings.Join(append(append([]string{}, env...), argv...), " ")
	s.Must("new-session", "-d", "-s", "app", "-x", fmt.Sprint(w), "-y", fmt.Sprint(h), cmdline)
}

// Run runs one tmux command against this session's server.
func (s *Session) Run(args ...string) (string, error) {
	cmd := exec.Command("tmux", append([]string{"-u", "-S", s.sock}, args...)...)
	cmd.Env = append(os.Environ(), "LANG=C.UTF-8")
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// Must is Run that fails the test on an error.
func (s *Session) Must(args ...string) string {
	s.t.Helper()
	out, err := s.Run(args...)
	if err != nil {
		s.t.Fatalf("tmux %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return out
}

// Keys sends key names (tmux's: "Enter", "Escape", "C-s", "j").
func (s *Session) Keys(keys ...string) {
	s.t.Helper()
	s.Must(append([]string{"send-keys", "-t", "app"}, keys...)...)
}

// Text types text literally.
func (s *Session) Text(text string) {
	s.t.Helper()
	s.Must("send-keys", "-t", "app", "-l", text)
}

// Screen returns the pane as text.
func (s *Session) Screen() string {
	out, err := s.Run("capture-pane", "-p", "-t", "app")
	if err != nil {
		return fmt.Sprintf("(no pane: %v: %s)", err, out)
	}
	return out
}

// ScreenEscapes returns the pane with tmux's own colour escapes.
func (s *Session) ScreenEscapes() string {
	out, _ := s.Run("capture-pane", "-p", "-e", "-t", "app")
	return out
}

// Resize resizes the window.
func (s *Session) Resize(w, h int) {
	s.t.Helper()
	s.Must("resize-window", "-t", "app", "-x", fmt.Sprint(w), "-y", fmt.Sprint(h))
}

// WaitFor polls the pane until it holds every one of want and returns it.
func (s *Session) WaitFor(want ...string) string {
	s.t.Helper()
	return s.WaitUntil(fmt.Sprintf("%q", want), func(screen string) bool {
		for _, w := range want {
			if !strings.Contains(screen, w) {
				return false
			}
		}
		return true
	})
}

// WaitUntil polls the pane until ok holds and returns it; what names the
// wait in the failure message.
func (s *Session) WaitUntil(what string, ok func(screen string) bool) string {
	s.t.Helper()
	deadline := time.Now().Add(Timeout)
	for {
		screen := s.Screen()
		if ok(screen) {
			return screen
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("timed out waiting for %s; the pane shows:\n%s", what, screen)
		}
		time.Sleep(poll)
	}
}

// WaitGone waits until the program has quit and taken its window with it.
func (s *Session) WaitGone() {
	s.t.Helper()
	deadline := time.Now().Add(Timeout)
	for {
		if _, err := s.Run("has-session", "-t", "app"); err != nil {
			return
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("the program did not quit; the pane shows:\n%s", s.Screen())
		}
		time.Sleep(poll)
	}
}

// Title returns the pane's title (a program may try to set it with OSC 0).
func (s *Session) Title() string {
	return strings.TrimSpace(s.Must("display-message", "-p", "-t", "app", "#{pane_title}"))
}
