package cli

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/mattn/go-runewidth"

	"github.com/rapportcrm/rapport/ui/internal/tmuxtest"
)

// TestHostileBookInTheApp runs the app in tmux over a book full of escape
// sequences, bidi overrides and 100 KB strings: the pane title and the
// clipboard stay untouched, the screen carries none of the injected
// sequences, and no line is wider than the terminal.
func TestHostileBookInTheApp(t *testing.T) {
	bin := safetyBinary(t)
	dbPath := makeHostileBook(t, bin)
	en := []string{"Today", "Customers", "Pipeline", "Reports", "overdue", "help", "window too small"}
	zh := []string{"今日", "客户", "商机", "报表", "逾期", "帮助", "窗口太小"} // the app speaks Chinese under zh_CN
	for _, term := range []struct {
		name, env string
		words     []string
	}{{"xterm", "TERM=xterm-256color", en}, {"dumb+NO_COLOR", "TERM=dumb NO_COLOR=1", en}, {"zh_CN", "TERM=xterm-256color LANG=zh_CN.UTF-8", zh}} {
		w := term.words
		t.Run(term.name, func(t *testing.T) {
			s := tmuxtest.Start(t, 100, 30, []string{term.env, "RAPPORT_TODAY=" + safetyToday, "TZ=" + safetyZone}, bin, "--db", dbPath)
			s.Must("set-option", "-t", "app", "set-clipboard", "on")
			titleBefore := s.Title()
			s.WaitFor(w[4])
			screens := []struct{ key, shows string }{{"1", "›1 " + w[0]}, {"2", "›2 " + w[1]}, {"3", "›3 " + w[2]}, {"4", "›4 " + w[3]}, {"2", "›2 " + w[1]}}
			for _, sc := range screens {
				s.Keys(sc.key)
				s.WaitFor(sc.shows)
				checkPane(t, s, 100)
			}
			// Open the customers one after another.
			for i := 0; i < 5; i++ {
				s.Keys("Enter")
				s.WaitFor("4 " + w[3] + "  ›") // the customer's own tab
				checkPane(t, s, 100)
				s.Keys("Escape")
				s.WaitFor("›2 " + w[1])
				s.Keys("j")
			}
			// Resize down and up: the layout holds.
			for _, size := range [][2]int{{40, 12}, {300, 100}, {20, 5}, {100, 30}} {
				s.Resize(size[0], size[1])
				if size[0] < 40 {
					s.WaitFor(w[6])
				} else {
					// Redrawn at the new size: the status line is on the last row.
					s.WaitUntil(fmt.Sprintf("a frame of %d rows", size[1]), func(screen string) bool {
						lines := strings.Split(strings.TrimRight(screen, "\n"), "\n")
						return len(lines) == size[1] && strings.Contains(screen, "›2 "+w[1]) && strings.Contains(lines[len(lines)-1], w[5])
					})
				}
				checkPane(t, s, size[0])
			}
			if after := s.Title(); after != titleBefore {
				t.Errorf("pane title changed from %q to %q", titleBefore, after)
			}
			if buf, _ := s.Run("show-buffer"); strings.Contains(buf, "rm -rf") || strings.Contains(buf, "cm0g") {
				t.Errorf("the clipboard was set: %q", buf)
			}
			s.Keys("q")
			s.WaitGone()
		})
	}
}

func checkPane(t *testing.T, s *tmuxtest.Session, width int) {
	t.Helper()
	esc := s.ScreenEscapes()
	for _, bad := range []string{"\x1b]", "\x1bP", "\x1b[2J", "\x1b[H", "pwned", "evil.example", "\u202e", "\u2066", "\u009b", "\u009d", "\a"} {
		if strings.Contains(esc, bad) {
			t.Fatalf("the screen carries %q:\n%s", bad, s.Screen())
		}
	}
	for _, line := range strings.Split(strings.TrimRight(s.Screen(), "\n"), "\n") {
		if !utf8.ValidString(line) {
			t.Fatalf("invalid UTF-8 on screen: %q", line)
		}
		if w := runewidth.StringWidth(line); w > width {
			t.Fatalf("line wider (%d) than the terminal (%d): %q", w, width, line)
		}
	}
}
