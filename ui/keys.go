package ui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// globalKeys are the root's keys. None fires while a screen's input has focus.
type globalKeys struct {
	Quit      key.Binding // q: quit on a top-level screen, back elsewhere
	ForceQuit key.Binding
	Help      key.Binding
	Back      key.Binding
	Next      key.Binding
	Prev      key.Binding
	Undo      key.Binding
	Redo      key.Binding
	Tabs      []key.Binding // one per registered screen: 1, 2, …
}

func newGlobalKeys(specs []ScreenSpec) globalKeys {
	k := globalKeys{
		Quit:      key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit")),
		ForceQuit: key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit")),
		Help:      key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "help")),
		Back:      key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back/clear")),
		Next:      key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next screen")),
		Prev:      key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "previous screen")),
		Undo:      key.NewBinding(key.WithKeys("u"), key.WithHelp("u", "undo")),
		Redo:      key.NewBinding(key.WithKeys("ctrl+r"), key.WithHelp("ctrl+r", "redo")),
	}
	for _, s := range specs {
		k.Tabs = append(k.Tabs, key.NewBinding(key.WithKeys(s.Key), key.WithHelp(s.Key, s.Title)))
	}
	return k
}

// moveKeys move a cursor through a list; every list screen embeds them.
type moveKeys struct {
	Move     key.Binding // the footer's one-entry summary of the others
	Up       key.Binding
	Down     key.Binding
	Top      key.Binding
	Bottom   key.Binding
	HalfDown key.Binding
	HalfUp   key.Binding
	PageDown key.Binding
	PageUp   key.Binding
}

func newMoveKeys() moveKeys {
	return moveKeys{
		Move:     key.NewBinding(key.WithKeys("j", "k", "up", "down"), key.WithHelp("j/k", "move")),
		Up:       key.NewBinding(key.WithKeys("k", "up"), key.WithHelp("↑/k", "up")),
		Down:     key.NewBinding(key.WithKeys("j", "down"), key.WithHelp("↓/j", "down")),
		Top:      key.NewBinding(key.WithKeys("g", "home"), key.WithHelp("g", "top")),
		Bottom:   key.NewBinding(key.WithKeys("G", "end"), key.WithHelp("G", "bottom")),
		HalfDown: key.NewBinding(key.WithKeys("ctrl+d"), key.WithHelp("ctrl+d", "half page down")),
		HalfUp:   key.NewBinding(key.WithKeys("ctrl+u"), key.WithHelp("ctrl+u", "half page up")),
		PageDown: key.NewBinding(key.WithKeys("pgdown"), key.WithHelp("pgdn", "page down")),
		PageUp:   key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", "page up")),
	}
}

// enable keeps the help true: moving needs at least two rows.
func (k *moveKeys) enable(rows int) {
	for _, b := range []*key.Binding{&k.Move, &k.Up, &k.Down, &k.Top, &k.Bottom, &k.HalfDown, &k.HalfUp, &k.PageDown, &k.PageUp} {
		b.SetEnabled(rows > 1)
	}
}

// bindings lists the move keys for the full help.
func (k moveKeys) bindings() []key.Binding {
	return []key.Binding{k.Up, k.Down, k.Top, k.Bottom, k.HalfDown, k.HalfUp, k.PageDown, k.PageUp}
}

// move applies a move key to cursor cur in a list of n rows with a page of
// page rows. It reports whether msg was a move key.
func (k moveKeys) move(msg tea.KeyMsg, cur, n, page int) (int, bool) {
	if page < 1 {
		page = 1
	}
	half := max(1, page/2)
	switch {
	case key.Matches(msg, k.Up):
		cur--
	case key.Matches(msg, k.Down):
		cur++
	case key.Matches(msg, k.Top):
		cur = 0
	case key.Matches(msg, k.Bottom):
		cur = n - 1
	case key.Matches(msg, k.HalfDown):
		cur += half
	case key.Matches(msg, k.HalfUp):
		cur -= half
	case key.Matches(msg, k.PageDown):
		cur += page
	case key.Matches(msg, k.PageUp):
		cur -= page
	default:
		return cur, false
	}
	return clamp(cur, 0, n-1), true
}

// disabledKey reports whether msg is one of b's keys while b is disabled:
// the key does not apply right now. Screens ask it only after no enabled
// binding took the key, to say why in the footer instead of staying
// silent (lazygit's GetDisabledReason); it never makes the key work.
func disabledKey(msg tea.KeyMsg, b key.Binding) bool {
	if b.Enabled() {
		return false
	}
	b.SetEnabled(true) // b is a copy: the screen's binding stays disabled
	return key.Matches(msg, b)
}
