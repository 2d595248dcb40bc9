package reports

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/ui/common"
	"github.com/rapportcrm/rapport/ui/internal/screentest"
	"github.com/rapportcrm/rapport/ui/internal/testbook"
	"github.com/rapportcrm/rapport/ui/reportview"
)

// reportsApp builds the Reports screen over d, loaded, in the screen
// harness (keys go to it, View renders after each), with the body the app
// gives it in a w×h terminal (three lines go to the tabs, summary and footer).
func reportsApp(t testing.TB, d *db.DB, w, h int) (*screentest.Harness, *Model) {
	t.Helper()
	a, s := screentest.Open(t, d, w, h, New)
	if !s.loaded || s.err != nil {
		t.Fatalf("the report did not load: %v", s.err)
	}
	return a, s
}

func reportsBook(t testing.TB) (*db.DB, testbook.ReportsFixture) { return testbook.Reports(t) }

var fixtureNow = testbook.Now()

// bodyLines returns the screen's lines under its header, ANSI stripped.
func bodyLines(s *Model) []string {
	lines := strings.Split(ansi.Strip(s.View()), "\n")
	return lines[1:]
}

func TestReportsShowsTheFigures(t *testing.T) {
	d, _ := reportsBook(t)
	a, s := reportsApp(t, d, 80, 24)
	a.Press("r") // and again after a reload
	out := a.Plain()
	screentest.MustContain(t, out, "Period  30d ›90d  365d · 2026-08-26 … 2026-11-23")
	screentest.MustContain(t, out, "FUNNEL")
	screentest.MustContain(t, out, "5 → 60%")   // Lead: 3 of 5 reached Qualified
	screentest.MustContain(t, out, "3 → 66.7%") // Qualified: 2 of 3 reached Proposal (Renewal skipped Qualified)
	// The rest is further down: the whole body at once in a tall frame.
	s.SetSize(80, 200)
	all := strings.Join(bodyLines(s), "\n")
	for _, want := range []string{
		"won 1 · lost 1 · win rate 50%",
		"average 44 d · median 44 d (created → won, 1 deal)",
		"Lost reasons    Price 1",
		"PIPELINE  3 open deals",
		"REPURCHASE  1 of 3 buyers ordered again in the period (33.3%)",
		"INTERACTIONS PER WEEK  26 weeks from",
		"RETENTION", "RISK", "SEGMENTS", "Changed tier",
	} {
		screentest.MustContain(t, all, want)
	}
}

// TestReportsMatchesTheCommandLine: the screen's body is reportview's text
// at the screen's width, line for line — what `rapport report` prints
// after its title line.
func TestReportsMatchesTheCommandLine(t *testing.T) {
	d, _ := reportsBook(t)
	_, s := reportsApp(t, d, 120, 40)
	s.SetSize(80, 300)
	p, err := db.ParsePeriod("90d", model.DayOf(fixtureNow))
	if err != nil {
		t.Fatal(err)
	}
	r, err := d.Report(context.Background(), p)
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Split(strings.TrimSuffix(reportview.Render(r, 80), "\n"), "\n")[2:] // title, blank
	got := bodyLines(s)[:len(want)]
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("line %d: screen %q, report %q", i, got[i], want[i])
		}
	}
	for _, l := range bodyLines(s)[len(want):] {
		if l != "" {
			t.Fatalf("the screen has more than the report: %q", l)
		}
	}
}

func TestReportsPeriodCycles(t *testing.T) {
	d, _ := reportsBook(t)
	a, s := reportsApp(t, d, 120, 40)
	for _, c := range []struct {
		mark, from string
		days       int
		repurchase string
	}{
		{"›365d", "2025-11-24", 365, "1 of 4 buyers"},
		{"›30d", "2026-10-25", 30, "0 of 2 buyers"},
		{"›90d", "2026-08-26", 90, "1 of 3 buyers"},
	} {
		a.Press("p")
		if s.loading || s.report.Period.Days() != c.days {
			t.Fatalf("after p: loading %v, %d days, want %d", s.loading, s.report.Period.Days(), c.days)
		}
		head := strings.Split(a.Plain(), "\n")[0]
		screentest.MustContain(t, head, c.mark)
		screentest.MustContain(t, head, c.from+" … 2026-11-23")
		s.SetSize(120, 300)
		screentest.MustContain(t, strings.Join(bodyLines(s), "\n"), c.repurchase)
		s.SetSize(120, 37)
	}
}

func TestReportsScrollBounds(t *testing.T) {
	d, _ := reportsBook(t)
	a, s := reportsApp(t, d, 80, 24)
	body := s.bodyHeight()
	if body != 24-3-1 {
		t.Fatalf("body of %d lines", body)
	}
	maxTop := len(s.lines) - body
	if maxTop < 10 {
		t.Fatalf("only %d lines: the report should not fit in 80×24", len(s.lines))
	}
	first := func() string { return bodyLines(s)[0] }
	steps := []struct {
		key string
		top int
	}{
		{"k", 0}, {"g", 0}, {"j", 1}, {"down", 2}, {"up", 1}, {"k", 0}, {"k", 0},
		{"ctrl+d", body / 2}, {"ctrl+u", 0}, {"pgdown", body}, {"pgup", 0},
		{"G", maxTop}, {"j", maxTop}, {"pgdown", maxTop}, {"ctrl+d", maxTop}, {"g", 0},
	}
	for i, st := range steps {
		a.Press(st.key)
		if s.top != st.top {
			t.Fatalf("step %d (%s): top %d, want %d", i, st.key, s.top, st.top)
		}
		if got, want := first(), s.lines[s.top].Text; got != want {
			t.Fatalf("step %d (%s): first body line %q, want %q", i, st.key, got, want)
		}
	}
	a.Press("G")
	v := bodyLines(s)
	if last := v[len(v)-1]; last != s.lines[len(s.lines)-1].Text {
		t.Fatalf("G does not show the last line: %q", last)
	}
	screentest.MustContain(t, a.Plain(), fmt.Sprintf("lines %d–%d of %d", maxTop+1, len(s.lines), len(s.lines)))
	// A taller window keeps the scroll within bounds.
	s.SetSize(80, 200)
	if s.top != 0 {
		t.Fatalf("top %d when everything fits", s.top)
	}
	if len(s.ShortHelp()) == 0 || s.keys.Down.Enabled() {
		t.Fatal("scrolling is offered when everything fits")
	}
	s.SetSize(80, 21)
	if s.ShortHelp(); !s.keys.Down.Enabled() {
		t.Fatal("scrolling is not offered when the report is longer than the body")
	}
}

func TestReportsStaleResultDropped(t *testing.T) {
	d, _ := reportsBook(t)
	s := New(screentest.Common(t, d))
	s.SetSize(80, 20)
	first := s.Init() // 90 days
	screentest.MustContain(t, s.View(), "Loading the report…")
	screentest.MustContain(t, s.View(), "loading…")
	second := s.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'p'}}) // 365 days
	s.Update(second())
	if !s.loaded || s.report.Period.Days() != 365 {
		t.Fatalf("the newest answer was not taken: %d days", s.report.Period.Days())
	}
	s.Update(first())
	if s.report.Period.Days() != 365 {
		t.Fatalf("a stale answer replaced the newest: %d days", s.report.Period.Days())
	}
	// A stale error is dropped too; the newest one shows beside the period
	// and keeps the report on screen.
	s.Update(reportLoadedMsg{Seq: s.seq - 1, Err: errors.New("stale failure")})
	screentest.MustNotContain(t, s.View(), "stale failure")
	s.load()
	s.Update(reportLoadedMsg{Seq: s.seq, Err: errors.New("database is locked")})
	screentest.MustContain(t, s.View(), "database is locked")
	screentest.MustContain(t, s.View(), "FUNNEL")
}

func TestReportsReloadKeepsScroll(t *testing.T) {
	d, f := reportsBook(t)
	a, s := reportsApp(t, d, 80, 24)
	a.Press("j", "j", "j")
	// Another process writes: Acme orders again.
	if err := d.Write(context.Background(), "order", func(tx *db.Tx) error {
		_, err := tx.CreateOrder(&model.Order{CustomerID: f.Acme, AmountMinor: 100_00, Currency: "USD", OrderedAt: fixtureNow.Add(-time.Hour).Unix()})
		return err
	}); err != nil {
		t.Fatal(err)
	}
	cmd := s.Update(common.ReloadMsg{})
	if !s.loading {
		t.Fatal("ReloadMsg did not start a load")
	}
	a.Drain(cmd)
	if s.top != 3 {
		t.Fatalf("reload moved the scroll to %d", s.top)
	}
	if s.report.Repurchase.Repeat != 2 || s.report.Repurchase.Buyers != 3 {
		t.Fatalf("reload did not pick up the order: %+v", s.report.Repurchase)
	}
	// `r` reloads too, keeping the place.
	if err := d.Write(context.Background(), "order", func(tx *db.Tx) error {
		_, err := tx.CreateOrder(&model.Order{CustomerID: f.Lee, AmountMinor: 100_00, Currency: "USD", OrderedAt: fixtureNow.Add(-time.Hour).Unix()})
		return err
	}); err != nil {
		t.Fatal(err)
	}
	a.Press("r")
	if s.top != 3 || s.report.Repurchase.Buyers != 4 {
		t.Fatalf("r: top %d, %+v", s.top, s.report.Repurchase)
	}
}

// TestReportsSanitisesTheReport feeds the screen a report with hostile
// names: nothing of them reaches the frame but their text.
func TestReportsSanitisesTheReport(t *testing.T) {
	d, _ := reportsBook(t)
	_, s := reportsApp(t, d, 80, 24)
	r := s.report
	r.Funnel = append([]db.FunnelStep{{Stage: "Evil\x1b[2J\u202eStage\x07", Reached: 9}}, r.Funnel...)
	r.Deals.LostReasons = []db.Count{{Name: "price\x1b]0;owned\x07 \u009b31m", Count: 2}}
	s.load()
	s.Update(reportLoadedMsg{Seq: s.seq, Report: r})
	s.SetSize(80, 200)
	out := s.View()
	for _, bad := range []string{"\x1b", "\u202e", "\x07", "\x9b", "\u009b"} {
		screentest.MustNotContain(t, out, bad)
	}
	screentest.MustContain(t, out, "EvilStage ")
	screentest.MustContain(t, out, "Lost reasons    price  2")
}

func TestReportsGolden(t *testing.T) {
	d, _ := reportsBook(t)
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			_, s := reportsApp(t, d, size[0], size[1])
			golden.RequireEqual(t, []byte(screentest.TrimRight(ansi.Strip(s.View()))))
		})
	}
}

// BenchmarkReportsKeyJ: Update+View of a `j` on a loaded report.
func BenchmarkReportsKeyJ(b *testing.B) {
	d, _ := reportsBook(b)
	_, s := reportsApp(b, d, 120, 40)
	j, k := tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'j'}}, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'k'}}
	for i := 0; b.Loop(); i++ {
		if i%2 == 0 {
			s.Update(j)
		} else {
			s.Update(k)
		}
		_ = s.View()
	}
}

// BenchmarkReportsLoad: the Reports screen's load on the benchmark book
// (100k customers): db.Report for 90 days, then rendering it at 120 wide.
func BenchmarkReportsLoad(b *testing.B) {
	s := New(screentest.Common(b, testbook.BenchBook(b)))
	s.SetSize(120, 37)
	for b.Loop() {
		s.Update(s.load()())
		if !s.loaded || s.err != nil {
			b.Fatalf("not loaded: %v", s.err)
		}
	}
}

// TestReportsLoadingAndErrorFitEverySize: the screen before its report
// arrives and after a failed load is exactly its size at every size (the
// app-level layout test covers the loaded report).
func TestReportsLoadingAndErrorFitEverySize(t *testing.T) {
	d, _ := reportsBook(t)
	c := screentest.Common(t, d)
	loading := New(c)
	loading.Init()
	failed := New(c)
	failed.Init()
	failed.Update(reportLoadedMsg{Seq: failed.seq, Err: errors.New("a very long database failure message that runs on and on past any width")})
	for name, s := range map[string]*Model{"loading": loading, "error": failed} {
		for _, sz := range [][2]int{{1, 1}, {2, 2}, {19, 3}, {40, 12}, {80, 24}, {250, 80}} {
			w, h := sz[0], sz[1]
			s.SetSize(w, h)
			lines := strings.Split(s.View(), "\n")
			if len(lines) != h {
				t.Fatalf("%s at %dx%d: %d lines", name, w, h, len(lines))
			}
			for i, l := range lines {
				if n := ansi.StringWidth(l); n > w {
					t.Fatalf("%s at %dx%d: line %d is %d wide: %q", name, w, h, i, n, ansi.Strip(l))
				}
			}
		}
	}
}

// TestReportsNeverShowsARawGoError: a report that ran out of time says so
// in words, with what to do, never "context deadline exceeded"; r loads
// it again (issue 21, 5).
func TestReportsNeverShowsARawGoError(t *testing.T) {
	d, _ := reportsBook(t)
	s := New(screentest.Common(t, d))
	s.Init() // the first load's answer is the one below
	s.SetSize(100, 27)
	s.Update(reportLoadedMsg{Seq: s.seq, Err: fmt.Errorf("report: %w", context.DeadlineExceeded)})
	out := ansi.Strip(s.View())
	screentest.MustNotContain(t, out, "deadline")
	screentest.MustContain(t, out, "took too long to answer")
	a := screentest.New(t, s, 100, 27)
	a.Press("r")
	if !s.loaded || s.err != nil {
		t.Fatalf("r did not load the report: %v", s.err)
	}
}

// TestReportsChartsAndDumbTerminal: the screen draws line charts where
// there is room, and bars on a dumb terminal (Common.NoCharts).
func TestReportsChartsAndDumbTerminal(t *testing.T) {
	d, _ := reportsBook(t)
	braille := func(ls []string) bool {
		return strings.ContainsAny(strings.Join(ls, ""), "⠁⠂⠄⡀⠈⠐⠠⢀⣀⠤⠒⠉")
	}
	a, s := screentest.Open(t, d, 100, 30, New)
	a.Press("p") // 365d: months enough for the charts
	if !braille(s.allLines()) {
		t.Error("no line chart at 100 columns")
	}
	c := screentest.Common(t, d)
	c.NoCharts = true
	plain := New(c)
	screentest.New(t, plain, 100, 30).Drain(plain.Init())
	if braille(plain.allLines()) {
		t.Error("a line chart on a dumb terminal")
	}
}

// allLines is every rendered line of the report, also those scrolled off.
func (s *Model) allLines() []string {
	out := make([]string, 0, len(s.lines))
	for _, l := range s.lines {
		out = append(out, l.Text)
	}
	return out
}
