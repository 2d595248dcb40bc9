package ui

import (
	"strings"
	"testing"
	"time"

	"github.com/rapportcrm/rapport/ui/common"
	"github.com/rapportcrm/rapport/ui/internal/tmuxtest"
)

// TestFilterEscTmux drives the built binary in a real terminal, where the
// program renders between keys: in Customers and in Pipeline, `/ acme esc
// esc` closes the filter, and the `j` after it moves the cursor instead of
// being typed into the filter (issue 20: the help disabled esc while
// drawing, so esc was swallowed and later keys went into the filter).
func TestFilterEscTmux(t *testing.T) {
	tmuxtest.Available(t)
	bin := tmuxtest.Build(t)
	env := []string{"TZ=UTC", "NO_COLOR=1", "LANG=C.UTF-8", "RAPPORT_NOW=" + fixtureNow.Format(time.RFC3339)}

	t.Run("customers", func(t *testing.T) {
		d, _ := fixtureBook(t)
		s := tmuxtest.Start(t, 120, 30, env, bin, "--db", d.Path())
		s.WaitFor("2 Customers")
		s.Keys("2")
		s.WaitFor("1/47 · sort: risk")
		s.Keys("/")
		s.Text("acme")
		s.WaitFor("/ acme", "1/1 ")
		s.Keys("Escape")
		s.WaitFor("/ filter · s sort", "1/47 ")
		// A key right after esc reaches the program as alt+key when both
		// are read at once, so the second esc is sent once a hint is on
		// screen (R on a customer who is not archived), and j once the esc
		// has cleared it: the second esc was read on its own.
		s.Keys("R")
		s.WaitFor("R restores an archived customer")
		s.Keys("Escape")
		s.WaitUntil("the second esc", func(screen string) bool { return !strings.Contains(screen, "R restores") })
		s.Keys("j")
		moved := s.WaitFor("2/47 · sort: risk")
		if !containsLine(moved, "/ filter · s sort") {
			t.Fatalf("j went into the filter:\n%s", moved)
		}
		s.Keys("q")
		s.WaitGone()
	})

	t.Run("pipeline", func(t *testing.T) {
		d, _ := pipelineBook(t)
		s := tmuxtest.Start(t, 160, 40, env, bin, "--db", d.Path())
		s.WaitFor("3 Pipeline")
		s.Keys("3")
		s.WaitFor("Pilot for", "Renewal 2027", "▸ Won")
		s.Keys("/")
		s.Text("acme")
		s.WaitFor("/ acme", "Fleet upgrade")
		s.Keys("Escape")
		s.WaitFor("/ filter", "Pilot for")
		// As above: z on a deal that is not rotting puts a hint up, the
		// second esc clears it, then j.
		s.Keys("z")
		s.WaitFor("is not rotting")
		s.Keys("Escape")
		s.WaitUntil("the second esc", func(screen string) bool { return !strings.Contains(screen, "is not rotting") })
		s.Keys("j")
		moved := s.WaitFor("›  Renewal 2027")
		if containsLine(moved, "/ j") {
			t.Fatalf("j went into the filter:\n%s", moved)
		}
		s.Keys("q")
		s.WaitGone()
	})
}

// containsLine reports whether some line of screen starts with prefix.
func containsLine(screen, prefix string) bool {
	for _, l := range common.SplitLines(screen) {
		if len(l) >= len(prefix) && l[:len(prefix)] == prefix {
			return true
		}
	}
	return false
}
