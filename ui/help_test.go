package ui

import "testing"

// At 40×12 the help does not fit: it says j/k scroll, counts what is
// below, and j/G bring the last keys into view.
func TestHelpScrollsInASmallWindow(t *testing.T) {
	d, _ := fixtureBook(t)
	a := newTestApp(t, d, 40, 12)
	press(t, a, "?")
	v := plain(a)
	mustContain(t, v, "j/k scroll")
	mustContain(t, v, "more lines · j")
	mustNotContain(t, v, "ctrl+c")
	press(t, a, "j")
	if a.helpTop != 1 {
		t.Fatalf("j scrolled the help to %d, want 1", a.helpTop)
	}
	press(t, a, "G")
	v = plain(a)
	mustContain(t, v, "ctrl+c")
	mustNotContain(t, v, "more lines")
	press(t, a, "k", "g")
	mustContain(t, plain(a), "more lines · j")
	press(t, a, "?")
	mustNotContain(t, plain(a), "j/k scroll")
}

// Today's help does not offer R (restore): Today never lists an archived
// customer.
func TestTodayHelpHasNoRestore(t *testing.T) {
	d, _ := fixtureBook(t)
	a := newTestApp(t, d, 120, 40)
	press(t, a, "1", "?")
	v := plain(a)
	mustContain(t, v, "archive")
	mustNotContain(t, v, "restore")
}

// Below 40×12 the app names the size it needs.
func TestWindowTooSmallNamesTheMinimum(t *testing.T) {
	d, _ := fixtureBook(t)
	a := newTestApp(t, d, 39, 12)
	mustContain(t, plain(a), "window too small: needs 40×12, is 39×12")
}
