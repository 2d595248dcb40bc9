package ui

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
	"github.com/mattn/go-runewidth"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/ui/reportview"
)

// reportsFixture names what the Reports tests look for.
type reportsFixture struct {
	Wang, Acme, Muller, Olivia, Lee int64
}

// reportsBook builds a small deterministic book for the Reports screen,
// with the clock at fixtureNow (Monday 2026-11-23, UTC). Over the default
// 90 days (2026-08-26 … 2026-11-23):
//
//   - Deals: Volume 2027 (王芳) Lead 09-01 → Qualified 09-10 → Proposal
//     09-25 → Won 10-15 (44 days); Renewal (Acme) Lead 10-01 → Proposal
//     10-20, skipping Qualified, open; Pilot (Müller) Lead 09-05 → Lost
//     "Price" 10-01; Fleet (이민준) Lead 11-01 → Qualified 11-10, open,
//     closing 2026-12-15; Starter (Olivia) Lead 11-15, open. Funnel: Lead 5,
//     Qualified 3, Proposal 2, Negotiation 1 (the win skipped it), Won 1;
//     win rate 1 of 2.
//   - Orders: 王芳 09-15 and 11-02 (and 06-10, before), Acme 10-20, Olivia
//     11-10 in euros, Müller 03-01 (before): 1 of 3 buyers ordered again.
func reportsBook(t testing.TB) (*db.DB, reportsFixture) {
	t.Helper()
	d, clk := openBook(t)
	ctx := context.Background()
	on := func(m time.Month, day int) time.Time {
		clk.t = time.Date(2026, m, day, 10, 0, 0, 0, time.UTC)
		return clk.t
	}
	write := func(fn func(tx *db.Tx) error) {
		t.Helper()
		if err := d.Write(ctx, "test", fn); err != nil {
			t.Fatal(err)
		}
	}
	on(time.January, 5)
	if err := d.SetConfig(ctx, "currency", "USD"); err != nil {
		t.Fatal(err)
	}
	var f reportsFixture
	for _, c := range []struct {
		id   *int64
		name string
		co   string
	}{{&f.Wang, "王芳", "北京远景科技"}, {&f.Acme, "Acme Ltd", "Acme"}, {&f.Muller, "Jürgen Müller", "Müller GmbH"}, {&f.Olivia, "Olivia Brown", "Brown & Daughters"}, {&f.Lee, "이민준", "Hanbit Co"}} {
		id, err := d.CreateCustomer(ctx, &model.Customer{Name: c.name, Company: c.co}, nil)
		if err != nil {
			t.Fatal(err)
		}
		*c.id = id
	}
	order := func(cid, minor int64, currency string, m time.Month, day int) {
		at := time.Date(2026, m, day, 12, 0, 0, 0, time.UTC).Unix()
		write(func(tx *db.Tx) error {
			_, err := tx.CreateOrder(&model.Order{CustomerID: cid, AmountMinor: minor, Currency: currency, OrderedAt: at})
			return err
		})
	}
	order(f.Muller, 800_00, "USD", time.March, 1)
	order(f.Wang, 9_000_00, "USD", time.June, 10)
	order(f.Wang, 4_000_00, "USD", time.September, 15)
	order(f.Acme, 1_200_00, "USD", time.October, 20)
	order(f.Wang, 2_500_00, "USD", time.November, 2)
	order(f.Olivia, 300_00, "EUR", time.November, 10)

	touch := func(cid int64, kind model.InteractionKind, at time.Time) {
		write(func(tx *db.Tx) error {
			_, err := tx.LogInteraction(&model.Interaction{CustomerID: cid, Kind: kind, Direction: model.Outbound, Outcome: model.OutcomeReplied, Score: -1, Summary: "touch", OccurredAt: at.Unix()})
			return err
		})
	}
	start := time.Date(2026, time.May, 4, 11, 0, 0, 0, time.UTC)
	for w := 0; w < 29; w++ {
		at := start.AddDate(0, 0, 7*w)
		if w%2 == 0 {
			touch(f.Wang, model.KindCall, at)
		}
		if w%3 == 0 {
			touch(f.Acme, model.KindEmail, at.Add(time.Hour))
		}
		if w < 18 && w%4 == 1 {
			touch(f.Muller, model.KindEmail, at)
		}
		if w > 20 {
			touch(f.Lee, model.KindMeeting, at)
		}
		if w%5 == 4 {
			touch(f.Olivia, model.KindCall, at)
		}
	}

	stages, err := d.Stages(ctx)
	if err != nil {
		t.Fatal(err)
	}
	stage := func(name string) int64 {
		s, err := db.FindStage(stages, name)
		if err != nil {
			t.Fatal(err)
		}
		return s.ID
	}
	// deal creates a deal in Lead on a date, then moves it: stage name (with
	// ":reason" for Lost), month, day, …
	deal := func(cid int64, title string, value int64, close model.Day, m time.Month, day int, moves ...any) {
		on(m, day)
		var id int64
		write(func(tx *db.Tx) (err error) {
			id, err = tx.CreateDeal(&model.Deal{CustomerID: cid, Title: title, ValueMinor: value, Currency: "USD", StageID: stage("Lead"), ExpectedClose: close})
			return
		})
		for i := 0; i < len(moves); i += 3 {
			to, reason, _ := strings.Cut(moves[i].(string), ":")
			on(moves[i+1].(time.Month), moves[i+2].(int))
			write(func(tx *db.Tx) error {
				_, err := tx.MoveDeal(id, stage(to), reason, false)
				return err
			})
		}
	}
	deal(f.Wang, "Volume 2027", 30_000_00, 0, time.September, 1, "Qualified", time.September, 10, "Proposal", time.September, 25, "Won", time.October, 15)
	deal(f.Acme, "Renewal", 12_000_00, 0, time.October, 1, "Proposal", time.October, 20)
	deal(f.Muller, "Pilot", 5_000_00, 0, time.September, 5, "Lost:Price", time.October, 1)
	deal(f.Lee, "Fleet", 20_000_00, model.DayFromYMD(2026, 12, 15), time.November, 1, "Qualified", time.November, 10)
	deal(f.Olivia, "Starter", 2_000_00, 0, time.November, 15)

	clk.t = fixtureNow
	if _, err := d.Refresh(ctx); err != nil {
		t.Fatal(err)
	}
	return d, f
}

// reportsApp builds the app at a size and shows the Reports screen, loaded.
func reportsApp(t testing.TB, d *db.DB, w, h int) (*App, *Reports) {
	t.Helper()
	a := newTestApp(t, d, w, h)
	press(t, a, "4")
	s, ok := a.Focused().(*Reports)
	if !ok {
		t.Fatalf("4 shows %T, not the reports", a.Focused())
	}
	if !s.loaded || s.err != nil {
		t.Fatalf("the report did not load: %v", s.err)
	}
	return a, s
}

// bodyLines returns the screen's lines under its header, ANSI stripped.
func bodyLines(s *Reports) []string {
	lines := strings.Split(ansi.Strip(s.View()), "\n")
	return lines[1:]
}

func TestReportsShowsTheFigures(t *testing.T) {
	d, _ := reportsBook(t)
	a, s := reportsApp(t, d, 80, 24)
	press(t, a, "r") // and again after a reload
	out := plain(a)
	mustContain(t, out, "4 Reports")
	mustContain(t, out, "Period  30d ›90d  365d · 2026-08-26 … 2026-11-23")
	mustContain(t, out, "FUNNEL")
	mustContain(t, out, "5 → 60%")   // Lead: 3 of 5 reached Qualified
	mustContain(t, out, "3 → 66.7%") // Qualified: 2 of 3 reached Proposal (Renewal skipped Qualified)
	mustContain(t, out, "p period")
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
		mustContain(t, all, want)
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
		press(t, a, "p")
		if s.loading || s.report.Period.Days() != c.days {
			t.Fatalf("after p: loading %v, %d days, want %d", s.loading, s.report.Period.Days(), c.days)
		}
		head := strings.Split(plain(a), "\n")[2]
		mustContain(t, head, c.mark)
		mustContain(t, head, c.from+" … 2026-11-23")
		s.SetSize(120, 300)
		mustContain(t, strings.Join(bodyLines(s), "\n"), c.repurchase)
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
		press(t, a, st.key)
		if s.top != st.top {
			t.Fatalf("step %d (%s): top %d, want %d", i, st.key, s.top, st.top)
		}
		if got, want := first(), s.lines[s.top].Text; got != want {
			t.Fatalf("step %d (%s): first body line %q, want %q", i, st.key, got, want)
		}
	}
	press(t, a, "G")
	v := bodyLines(s)
	if last := v[len(v)-1]; last != s.lines[len(s.lines)-1].Text {
		t.Fatalf("G does not show the last line: %q", last)
	}
	mustContain(t, plain(a), fmt.Sprintf("lines %d–%d of %d", maxTop+1, len(s.lines), len(s.lines)))
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
	a := newTestApp(t, d, 80, 24)
	s := NewReports(a.c)
	s.SetSize(80, 20)
	first := s.Init() // 90 days
	mustContain(t, s.View(), "Loading the report…")
	mustContain(t, s.View(), "loading…")
	_, second := s.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'p'}}) // 365 days
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
	mustNotContain(t, s.View(), "stale failure")
	s.load()
	s.Update(reportLoadedMsg{Seq: s.seq, Err: errors.New("database is locked")})
	mustContain(t, s.View(), "database is locked")
	mustContain(t, s.View(), "FUNNEL")
}

func TestReportsReloadKeepsScroll(t *testing.T) {
	d, f := reportsBook(t)
	a, s := reportsApp(t, d, 80, 24)
	press(t, a, "j", "j", "j")
	// Another process writes: Acme orders again.
	if err := d.Write(context.Background(), "order", func(tx *db.Tx) error {
		_, err := tx.CreateOrder(&model.Order{CustomerID: f.Acme, AmountMinor: 100_00, Currency: "USD", OrderedAt: fixtureNow.Add(-time.Hour).Unix()})
		return err
	}); err != nil {
		t.Fatal(err)
	}
	_, cmd := a.Update(reloadMsg{})
	if !s.loading {
		t.Fatal("reloadMsg did not start a load")
	}
	drain(t, a, cmd)
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
	press(t, a, "r")
	if s.top != 3 || s.report.Repurchase.Buyers != 4 {
		t.Fatalf("r: top %d, %+v", s.top, s.report.Repurchase)
	}
}

func TestReportsKeysAndHelp(t *testing.T) {
	d, _ := reportsBook(t)
	a, s := reportsApp(t, d, 80, 24)
	if s.InputFocused() || a.Mode() != ModeNormal {
		t.Fatal("the Reports screen never owns the keyboard")
	}
	var keys []string
	for _, group := range s.FullHelp() {
		for _, b := range group {
			keys = append(keys, b.Help().Key)
		}
	}
	for _, want := range []string{"↓/j", "↑/k", "g", "G", "ctrl+d", "ctrl+u", "pgdn", "pgup", "p", "r"} {
		if !strings.Contains(" "+strings.Join(keys, " ")+" ", " "+want+" ") {
			t.Errorf("full help lacks %q: %v", want, keys)
		}
	}
	press(t, a, "?")
	mustContain(t, plain(a), "period 30d/90d/365d")
	press(t, a, "esc")
	// Global keys still work from here: tab moves on, 4 comes back.
	press(t, a, "3")
	if a.Active() != ScreenPipeline {
		t.Fatalf("3 from Reports shows %s", a.Active())
	}
	press(t, a, "tab")
	if a.Active() != ScreenReports {
		t.Fatalf("tab cycling lands on %s", a.Active())
	}
	if quit := press(t, a, "q"); !quit {
		t.Fatal("q does not quit from the Reports screen")
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
		mustNotContain(t, out, bad)
	}
	mustContain(t, out, "EvilStage ")
	mustContain(t, out, "Lost reasons    price  2")
}

func TestReportsGolden(t *testing.T) {
	d, _ := reportsBook(t)
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			_, s := reportsApp(t, d, size[0], size[1])
			golden.RequireEqual(t, []byte(trimRight(ansi.Strip(s.View()))))
		})
	}
}

func TestReportsLayoutFitsEverySize(t *testing.T) {
	d, _ := reportsBook(t)
	narrow := &runewidth.Condition{EastAsianWidth: false}
	sizes := [][2]int{{1, 1}}
	for w := 20; w <= 250; w += 23 {
		for h := 5; h <= 80; h += 15 {
			sizes = append(sizes, [2]int{w, h})
		}
	}
	sizes = append(sizes, [2]int{40, 12}, [2]int{80, 24}, [2]int{250, 80}, [2]int{19, 3}, [2]int{2, 2})
	states := map[string]func() (*App, *Reports){
		"report": func() (*App, *Reports) { return reportsApp(t, d, 120, 40) },
		"bottom": func() (*App, *Reports) {
			a, s := reportsApp(t, d, 80, 24)
			press(t, a, "G")
			return a, s
		},
		"help": func() (*App, *Reports) {
			a, s := reportsApp(t, d, 80, 24)
			press(t, a, "?")
			return a, s
		},
		"loading": func() (*App, *Reports) {
			a, _ := reportsApp(t, d, 80, 24)
			s := NewReports(a.c)
			s.Init()
			return a, s
		},
		"error": func() (*App, *Reports) {
			a, _ := reportsApp(t, d, 80, 24)
			s := NewReports(a.c)
			s.Init()
			s.Update(reportLoadedMsg{Seq: s.seq, Err: errors.New("a very long database failure message that runs on and on past any width")})
			return a, s
		},
	}
	for name, mk := range states {
		a, s := mk()
		for _, sz := range sizes {
			w, h := sz[0], sz[1]
			for who, out := range map[string]string{"app": frameOf(a, w, h), "screen": func() string { s.SetSize(w, h); return s.View() }()} {
				lines := strings.Split(out, "\n")
				if len(lines) != h {
					t.Fatalf("%s %s at %dx%d: %d lines", name, who, w, h, len(lines))
				}
				for i, l := range lines {
					if n := ansi.StringWidth(l); n > w {
						t.Fatalf("%s %s at %dx%d: line %d is %d wide: %q", name, who, w, h, i, n, ansi.Strip(l))
					}
					if n := narrow.StringWidth(ansi.Strip(l)); n > w {
						t.Fatalf("%s %s at %dx%d: line %d is %d wide for go-runewidth: %q", name, who, w, h, i, n, ansi.Strip(l))
					}
				}
			}
		}
	}
}

// BenchmarkReportsLoad: the Reports screen's load on the benchmark book
// (100k customers): db.Report for 90 days, then rendering it at 120 wide.
func BenchmarkReportsLoad(b *testing.B) {
	d := benchBook(b)
	a, err := NewApp(context.Background(), d, Options{Width: 120, Height: 40, NoWatch: true})
	if err != nil {
		b.Fatal(err)
	}
	s := NewReports(a.c)
	s.SetSize(120, 37)
	for b.Loop() {
		s.Update(s.load()())
		if !s.loaded || s.err != nil {
			b.Fatalf("not loaded: %v", s.err)
		}
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
