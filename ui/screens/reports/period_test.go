package reports

import (
	"strings"
	"testing"

	"github.com/rapportcrm/rapport/ui/internal/screentest"
)

// TestReportsCustomPeriod: P opens a prompt that takes the command line's
// periods; a refused one shows why and keeps the prompt, esc leaves it,
// and an accepted one is loaded and named in the header.
func TestReportsCustomPeriod(t *testing.T) {
	d, _ := reportsBook(t)
	a, s := reportsApp(t, d, 100, 24)
	a.Press("P")
	if !s.InputFocused() {
		t.Fatal("P did not open the period prompt")
	}
	out := a.Plain()
	screentest.MustContain(t, out, "Period (YYYY-MM..YYYY-MM")
	if got := screentest.Fits(out, 100, 24-screentest.AppChrome); got != "" {
		t.Fatal(got)
	}

	// A bad period: the message, and the prompt stays with the text.
	a.Press("ctrl+u", "2026-13..2026-14", "enter")
	out = a.Plain()
	screentest.MustContain(t, out, "names a month that does not exist")
	screentest.MustContain(t, out, "2026-13..2026-14")
	if !s.InputFocused() || s.report.Period.Days() != 90 {
		t.Fatalf("a refused period closed the prompt (%v) or loaded (%d days)", s.InputFocused(), s.report.Period.Days())
	}
	a.Press("ctrl+u", "2026-11..2026-09", "enter")
	screentest.MustContain(t, a.Plain(), "ends before it starts")

	// esc leaves the prompt and keeps the report.
	a.Press("esc")
	if s.InputFocused() || s.report.Period.Days() != 90 {
		t.Fatalf("esc: prompt open %v, %d days", s.InputFocused(), s.report.Period.Days())
	}
	screentest.MustNotContain(t, a.Plain(), "Period (YYYY-MM")

	// A month range.
	a.Press("P", "ctrl+u", "2026-09..2026-10", "enter")
	if s.InputFocused() {
		t.Fatal("an accepted period left the prompt open")
	}
	if got := s.report.Period; got.From.String() != "2026-09-01" || got.To.String() != "2026-10-31" {
		t.Fatalf("period %s … %s, want 2026-09-01 … 2026-10-31", got.From, got.To)
	}
	head := strings.Split(a.Plain(), "\n")[0]
	screentest.MustContain(t, head, "›2026-09..2026-10 · 2026-09-01 … 2026-10-31")
	screentest.MustNotContain(t, head, "›90d")

	// One month.
	a.Press("P", "ctrl+u", "2026-10", "enter")
	if got := s.report.Period; got.From.String() != "2026-10-01" || got.To.String() != "2026-10-31" {
		t.Fatalf("period %s … %s, want October", got.From, got.To)
	}
	s.SetSize(100, 300)
	all := strings.Join(bodyLines(s), "\n")
	// Only the Pilot was lost in October; nothing was won.
	screentest.MustContain(t, all, "won 1 · lost 1")

	// p goes back to the presets.
	s.SetSize(100, 24)
	a.Press("p")
	screentest.MustContain(t, strings.Split(a.Plain(), "\n")[0], "›30d")
}
