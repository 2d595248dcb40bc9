package common

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/rapportcrm/rapport/model/i18n"
)

// MoveKeys move a cursor through a list; every list screen embeds them.
type MoveKeys struct {
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

func NewMoveKeys() MoveKeys {
	return MoveKeys{
		Move:     key.NewBinding(key.WithKeys("j", "k", "up", "down"), key.WithHelp("j/k", i18n.N("move"))),
		Up:       key.NewBinding(key.WithKeys("k", "up"), key.WithHelp("↑/k", i18n.N("up"))),
		Down:     key.NewBinding(key.WithKeys("j", "down"), key.WithHelp("↓/j", i18n.N("down"))),
		Top:      key.NewBinding(key.WithKeys("g", "home"), key.WithHelp("g", i18n.N("top"))),
		Bottom:   key.NewBinding(key.WithKeys("G", "end"), key.WithHelp("G", i18n.N("bottom"))),
		HalfDown: key.NewBinding(key.WithKeys("ctrl+d"), key.WithHelp("ctrl+d", i18n.N("half page down"))),
		HalfUp:   key.NewBinding(key.WithKeys("ctrl+u"), key.WithHelp("ctrl+u", i18n.N("half page up"))),
		PageDown: key.NewBinding(key.WithKeys("pgdown"), key.WithHelp("pgdn", i18n.N("page down"))),
		PageUp:   key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", i18n.N("page up"))),
	}
}

// Enable keeps the help true: moving needs at least two rows.
func (k *MoveKeys) Enable(rows int) {
	for _, b := range []*key.Binding{&k.Move, &k.Up, &k.Down, &k.Top, &k.Bottom, &k.HalfDown, &k.HalfUp, &k.PageDown, &k.PageUp} {
		b.SetEnabled(rows > 1)
	}
}

// Bindings lists the move keys for the full help.
func (k MoveKeys) Bindings() []key.Binding {
	return []key.Binding{k.Up, k.Down, k.Top, k.Bottom, k.HalfDown, k.HalfUp, k.PageDown, k.PageUp}
}

// Step applies a move key to cursor cur in a list of n rows with a page of
// page rows. It reports whether msg was a move key.
func (k MoveKeys) Step(msg tea.KeyMsg, cur, n, page int) (int, bool) {
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
	return Clamp(cur, 0, n-1), true
}

// DisabledKey reports whether msg is one of b's keys while b is disabled:
// the key does not apply right now. Screens ask it only after no enabled
// binding took the key, to say why in the footer instead of staying
// silent (lazygit's GetDisabledReason); it never makes the key work.
func DisabledKey(msg tea.KeyMsg, b key.Binding) bool {
	if b.Enabled() {
		return false
	}
	b.SetEnabled(true) // b is a copy: the screen's binding stays disabled
	return key.Matches(msg, b)
}
