package ui

import (
	"context"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/ui/common"
	"github.com/rapportcrm/rapport/ui/screens/detail"
)

// TestAnswersGoToTheScreenThatAsked: the answer to a command comes back
// addressed to the screen that started it and reaches that screen only; an
// answer for a screen closed since is dropped; Bubble Tea's own messages
// pass through unaddressed.
func TestAnswersGoToTheScreenThatAsked(t *testing.T) {
	d, f := fixtureBook(t)
	a := newTestApp(t, d, 120, 40)
	det := openDetailOf(t, a, f.Wang)
	load := a.toFocused(common.ReloadMsg{}) // Detail's reload, not run yet
	press(t, a, "esc")
	if _, ok := a.Focused().(*detail.Model); ok {
		t.Fatal("esc did not close the detail")
	}
	msg := load()
	am, ok := msg.(addressedMsg)
	if !ok || am.to != Screen(det) {
		t.Fatalf("the reload's answer is %T, not addressed to the detail", msg)
	}
	before := plain(a)
	if _, cmd := a.Update(msg); cmd != nil {
		t.Fatal("an answer for a closed screen started something")
	}
	if plain(a) != before {
		t.Fatal("an answer for a closed screen changed what shows")
	}

	// Today's action answers while Customers is on screen: Today takes it
	// (and asks the root to show its status), Customers never sees it.
	press(t, a, "2")
	_, cmd := a.Update(addressedMsg{to: Screen(todayOf(a)), msg: common.ActedMsg{Status: "Done: Send quote (u undoes)"}})
	drain(t, a, cmd)
	mustContain(t, a.Status(), "Done: Send quote")
	if a.Active() != ScreenCustomers {
		t.Fatalf("the answer moved the app to %s", a.Active())
	}

	if got := addressed(det, tea.Quit)(); got != (tea.QuitMsg{}) {
		t.Fatalf("tea.Quit came back as %T", got)
	}
}

// TestSummaryLineShowsTheMonthsGoal: the launch summary carries this
// month's goal with its pace, marked "! behind" without colour, shortened
// or left out where the line has no room (issue 25).
func TestSummaryLineShowsTheMonthsGoal(t *testing.T) {
	d, _ := fixtureBook(t)
	ctx := context.Background()
	if _, err := d.SetGoal(ctx, model.Goal{Measure: model.GoalRevenue, Period: model.MonthOf(d.Today()), Target: 120_000_00}); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		w    int
		want string
	}{
		{160, "Nov $0 of $120,000 · 0% · 7 days left · pace $0 ! behind"},
		{120, "Nov 0% of $120k · pace $0 ! behind"},
		{100, "Nov 0% of $120k ! behind"},
		{60, ""},
	} {
		a := newTestApp(t, d, c.w, 30)
		line := strings.Split(plain(a), "\n")[1]
		if c.want == "" {
			mustNotContain(t, line, "Nov")
		} else {
			mustContain(t, line, c.want)
		}
		if w := ansi.StringWidth(line); w > c.w {
			t.Fatalf("at %d columns the summary is %d wide", c.w, w)
		}
	}
}
