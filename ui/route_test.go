package ui

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"

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
