package ui

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/ui/common"
	"github.com/rapportcrm/rapport/ui/internal/testbook"
)

// keyState is one state a screen can be in, reached by pressing setup on a
// fresh copy of a book.
type keyState struct {
	screen, state string
	book          string   // "testbook.Fixture", "pipeline" or "empty"
	setup         []string // keys that reach the state
	// want is the mode the setup must reach (the test fails loudly when a
	// changed testbook.Fixture no longer gets there).
	want common.Mode
	// input is set for states that own the keyboard: esc must leave them.
	input bool
}

// keyStates lists every screen in every state it can be in.
func keyStates() []keyState {
	detail := []string{"2", "/", "王芳", "enter", "enter"} // Wang: an overdue follow-up
	return []keyState{
		{screen: "today", state: "list", book: "testbook.Fixture", want: common.ModeNormal},
		{screen: "today", state: "prompt", book: "testbook.Fixture", setup: []string{"Z"}, want: common.ModeForm, input: true},
		{screen: "today", state: "form", book: "testbook.Fixture", setup: []string{"i"}, want: common.ModeForm, input: true},
		{screen: "customers", state: "list", book: "testbook.Fixture", setup: []string{"2"}, want: common.ModeNormal},
		{screen: "customers", state: "filter typing", book: "testbook.Fixture", setup: []string{"2", "/", "acme"}, want: common.ModeFilter, input: true},
		{screen: "customers", state: "filter kept", book: "testbook.Fixture", setup: []string{"2", "/", "acme", "enter"}, want: common.ModeNormal},
		{screen: "customers", state: "form", book: "testbook.Fixture", setup: []string{"2", "a"}, want: common.ModeForm, input: true},
		{screen: "detail", state: "list", book: "testbook.Fixture", setup: detail, want: common.ModeNormal},
		{screen: "detail", state: "on a follow-up", book: "testbook.Fixture", setup: append(append([]string{}, detail...), "j"), want: common.ModeNormal},
		{screen: "detail", state: "prompt", book: "testbook.Fixture", setup: append(append([]string{}, detail...), "j", "Z"), want: common.ModeForm, input: true},
		{screen: "detail", state: "form", book: "testbook.Fixture", setup: append(append([]string{}, detail...), "e"), want: common.ModeForm, input: true},
		{screen: "detail", state: "question", book: "testbook.Fixture", setup: append(append([]string{}, detail...), "D"), want: common.ModeModal, input: true},
		{screen: "pipeline", state: "list", book: "pipeline", setup: []string{"3"}, want: common.ModeNormal},
		{screen: "pipeline", state: "filter typing", book: "pipeline", setup: []string{"3", "/", "acme"}, want: common.ModeFilter, input: true},
		{screen: "pipeline", state: "filter kept", book: "pipeline", setup: []string{"3", "/", "acme", "enter"}, want: common.ModeNormal},
		{screen: "pipeline", state: "prompt", book: "pipeline", setup: []string{"3", "j", "z"}, want: common.ModeForm, input: true},
		{screen: "pipeline", state: "lost prompt", book: "pipeline", setup: []string{"3", "X"}, want: common.ModeForm, input: true},
		{screen: "pipeline", state: "won question", book: "pipeline", setup: []string{"3", "w"}, want: common.ModeModal, input: true},
		{screen: "pipeline", state: "form", book: "pipeline", setup: []string{"3", "n"}, want: common.ModeForm, input: true},
		{screen: "reports", state: "list", book: "testbook.Fixture", setup: []string{"4"}, want: common.ModeNormal},
		{screen: "welcome", state: "menu", book: "empty", want: common.ModeNormal},
		{screen: "welcome", state: "question", book: "empty", setup: []string{"d"}, want: common.ModeModal, input: true},
		{screen: "welcome", state: "form", book: "empty", setup: []string{"a"}, want: common.ModeForm, input: true},
	}
}

// keyBooks builds each template book once; every case works on a copy.
type keyBooks struct {
	top   *testing.T // the books live as long as the whole test
	mu    sync.Mutex
	books map[string]*db.DB
}

func (k *keyBooks) copyOf(t *testing.T, name string) *db.DB {
	t.Helper()
	k.mu.Lock()
	defer k.mu.Unlock()
	tpl, ok := k.books[name]
	if !ok {
		switch name {
		case "testbook.Fixture":
			tpl, _ = fixtureBook(k.top)
		case "pipeline":
			tpl, _ = pipelineBook(k.top)
		default:
			tpl, _ = openBook(k.top)
		}
		k.books[name] = tpl
	}
	path, err := tpl.Backup(context.Background(), filepath.Join(t.TempDir(), "copy.db"))
	if err != nil {
		t.Fatal(err)
	}
	clk := &testbook.Clock{T: fixtureNow}
	d, err := db.Open(context.Background(), path, db.Options{Now: clk.Now})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	return d
}

// reach opens the app over a copy of the state's book and presses its setup.
func (k *keyBooks) reach(t *testing.T, st keyState) *App {
	t.Helper()
	a := newTestApp(t, k.copyOf(t, st.book), 120, 40)
	press(t, a, st.setup...)
	if got := a.Mode(); got != st.want {
		t.Fatalf("%s %s: setup %v reached mode %d, want %d:\n%s", st.screen, st.state, st.setup, got, st.want, plain(a))
	}
	return a
}

// bodyOf is the frame without its footer line (which a key's status may
// change without the key having done anything).
func bodyOf(a *App) string {
	v := plain(a)
	if i := strings.LastIndex(v, "\n"); i >= 0 {
		return v[:i]
	}
	return v
}

// keyName turns a binding's key into what press understands.
func keyName(k string) string {
	if k == " " {
		return "space"
	}
	return k
}

// tryKey presses one key in a fresh copy of the state and reports whether
// it did something: returned a command, or changed the frame or the mode.
// A panic fails the test with the key and the state.
func tryKey(t *testing.T, books *keyBooks, st keyState, k string) (did bool) {
	t.Helper()
	a := books.reach(t, st)
	before, mode := bodyOf(a), a.Mode()
	defer func() {
		if r := recover(); r != nil {
			t.Fatalf("%s %s: %q panicked: %v", st.screen, st.state, k, r)
		}
	}()
	msgs := keyMsgs(k)
	if k == " " {
		msgs = []tea.KeyMsg{{Type: tea.KeySpace, Runes: []rune{' '}}}
	}
	for _, msg := range msgs {
		_, cmd := a.Update(msg)
		a.View()
		if cmd != nil {
			did = true
		}
		drain(t, a, cmd)
	}
	return did || bodyOf(a) != before || a.Mode() != mode
}

// TestEveryKeyTheHelpShowsWorks is generated from the key maps: for every
// screen in every state, each binding the footer shows as enabled does
// something when pressed (a command, a change on screen), nothing panics,
// and esc leaves every filter, prompt, question and form. It renders View
// after every key, as the real program does, so a View or help that
// changes which keys work is caught (the esc bug of issue 20).
func TestEveryKeyTheHelpShowsWorks(t *testing.T) {
	books := &keyBooks{top: t, books: map[string]*db.DB{}}
	for _, st := range keyStates() {
		t.Run(st.screen+"/"+st.state, func(t *testing.T) {
			a := books.reach(t, st)
			bindings := a.footerKeys()
			if len(bindings) == 0 {
				t.Fatalf("the footer shows no keys:\n%s", plain(a))
			}
			for _, b := range bindings {
				if !b.Enabled() {
					continue
				}
				h := b.Help()
				t.Run(h.Key+" "+h.Desc, func(t *testing.T) {
					if !anyKeyWorks(t, books, st, b) {
						t.Fatalf("%s %s: the footer shows %q (%s) but none of its keys %v does anything", st.screen, st.state, h.Key, h.Desc, b.Keys())
					}
				})
			}
			if st.input {
				t.Run("esc leaves", func(t *testing.T) {
					a := books.reach(t, st)
					press(t, a, "esc")
					if a.Mode() != common.ModeNormal || a.Focused().InputFocused() || a.Editing() {
						t.Fatalf("%s %s: esc left mode %d (input focused %v, editing %v):\n%s",
							st.screen, st.state, a.Mode(), a.Focused().InputFocused(), a.Editing(), plain(a))
					}
				})
			}
		})
	}
}

// anyKeyWorks reports whether one of a binding's keys does something.
func anyKeyWorks(t *testing.T, books *keyBooks, st keyState, b key.Binding) bool {
	for _, k := range b.Keys() {
		if tryKey(t, books, st, k) {
			return true
		}
	}
	return false
}

// TestEveryKeyOfTheFullHelpAnswers presses every key the `?` help lists.
// The help lists a screen's keys whether or not they apply to the row
// under the cursor, so each one must work in some state of its screen or
// explain itself with a hint. The lists start with the cursor one row down
// (so up, top and the like have somewhere to go), and ? and esc close the help.
func TestEveryKeyOfTheFullHelpAnswers(t *testing.T) {
	books := &keyBooks{top: t, books: map[string]*db.DB{}}
	byScreen := map[string][]keyState{}
	var screens []string
	for _, st := range keyStates() {
		if byScreen[st.screen] == nil {
			screens = append(screens, st.screen)
		}
		byScreen[st.screen] = append(byScreen[st.screen], st)
		if st.want == common.ModeNormal {
			st.state += " + j"
			if st.screen == "pipeline" {
				st.setup = append(append([]string{}, st.setup...), "l") // a column with one to its left
			}
			st.setup = append(append([]string{}, st.setup...), "j")
			byScreen[st.screen] = append(byScreen[st.screen], st)
		}
	}
	for _, screen := range screens {
		states := byScreen[screen]
		t.Run(screen, func(t *testing.T) {
			a := books.reach(t, states[0])
			for _, closeKey := range []string{"?", "esc"} {
				press(t, a, "?")
				if a.Mode() != common.ModeModal {
					t.Fatalf("? did not open the help:\n%s", plain(a))
				}
				press(t, a, closeKey)
				if a.Mode() != common.ModeNormal {
					t.Fatalf("%s did not close the help:\n%s", closeKey, plain(a))
				}
			}
			for _, g := range a.Focused().FullHelp() {
				for _, b := range g {
					if !b.Enabled() {
						continue
					}
					h := b.Help()
					t.Run(fmt.Sprintf("%s %s", h.Key, h.Desc), func(t *testing.T) {
						for _, st := range states {
							if anyKeyWorks(t, books, st, b) {
								return
							}
						}
						t.Fatalf("%s: the help lists %q (%s) but none of its keys %v does anything or says why in any state", screen, h.Key, h.Desc, b.Keys())
					})
				}
			}
		})
	}
}
