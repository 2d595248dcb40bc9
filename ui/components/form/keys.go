package form

import (
	"github.com/charmbracelet/bubbles/key"

	"github.com/rapportcrm/rapport/model/i18n"
)

// KeyMap is the form's keys. The screen shows them in its footer and `?`
// help through the form's ShortHelp and FullHelp.
type KeyMap struct {
	Next    key.Binding
	Prev    key.Binding
	Down    key.Binding // next field, outside multi-line fields
	Up      key.Binding // previous field, outside multi-line fields
	Enter   key.Binding // next field; saves on the last one
	Submit  key.Binding
	Cancel  key.Binding
	Change  key.Binding // choices and yes/no
	NewLine key.Binding // in a multi-line field
	// External writes a multi-line field in $EDITOR.
	External key.Binding
	Yes      key.Binding // "Discard changes? y/n"
	No       key.Binding
	Reload   key.Binding // the conflict question
	Keep     key.Binding // the conflict question: back to the form
	// The list under a customer field.
	PickDown  key.Binding
	PickUp    key.Binding
	Pick      key.Binding
	PickClose key.Binding
}

// DefaultKeyMap returns the form's keys.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Next:     key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", i18n.N("next field"))),
		Prev:     key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", i18n.N("previous field"))),
		Down:     key.NewBinding(key.WithKeys("down"), key.WithHelp("↓", i18n.N("next field"))),
		Up:       key.NewBinding(key.WithKeys("up"), key.WithHelp("↑", i18n.N("previous field"))),
		Enter:    key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", i18n.N("next / save"))),
		Submit:   key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", i18n.N("save"))),
		Cancel:   key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", i18n.N("cancel"))),
		Change:   key.NewBinding(key.WithKeys("left", "right", " "), key.WithHelp("←/→/space", i18n.N("change"))),
		NewLine:  key.NewBinding(key.WithKeys("alt+enter", "ctrl+j"), key.WithHelp("alt+enter", i18n.N("new line"))),
		External: key.NewBinding(key.WithKeys("ctrl+e"), key.WithHelp("ctrl+e", i18n.N("write in $EDITOR"))),
		Yes:      key.NewBinding(key.WithKeys("y", "Y"), key.WithHelp("y", i18n.N("discard"))),
		No:       key.NewBinding(key.WithKeys("n", "N", "esc"), key.WithHelp("n", i18n.N("keep editing"))),
		Reload:   key.NewBinding(key.WithKeys("r", "R"), key.WithHelp("r", i18n.N("reload"))),
		Keep:     key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", i18n.N("keep editing"))),

		PickDown:  key.NewBinding(key.WithKeys("down", "ctrl+n"), key.WithHelp("↓/↑", i18n.N("choose"))),
		PickUp:    key.NewBinding(key.WithKeys("up", "ctrl+p"), key.WithHelp("↑", i18n.N("choose"))),
		Pick:      key.NewBinding(key.WithKeys("enter", "tab"), key.WithHelp("enter", i18n.N("pick"))),
		PickClose: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", i18n.N("close list"))),
	}
}

// ShortHelp is the footer's help for the form's current state.
func (m Model) ShortHelp() []key.Binding {
	switch m.state {
	case stateDiscard:
		return []key.Binding{m.keys.Yes, m.keys.No}
	case stateConflict:
		return []key.Binding{m.keys.Reload, m.keys.Keep}
	case stateSaving:
		return nil
	}
	if m.picking() {
		return []key.Binding{m.keys.PickDown, m.keys.Pick, m.keys.PickClose, m.keys.Submit}
	}
	out := []key.Binding{m.keys.Next, m.keys.Submit, m.keys.Cancel}
	switch m.focusedKind() {
	case Choice, Bool:
		out = append(out, m.keys.Change)
	case Multiline:
		out = append(out, m.keys.NewLine)
		if m.opts.External != nil {
			out = append(out, m.keys.External)
		}
	}
	return out
}

// FullHelp is the `?` help: every key the form knows.
func (m Model) FullHelp() [][]key.Binding {
	out := [][]key.Binding{
		{m.keys.Next, m.keys.Prev, m.keys.Down, m.keys.Up, m.keys.Enter},
		{m.keys.Submit, m.keys.Cancel, m.keys.Change, m.keys.NewLine, m.keys.External},
	}
	if m.find(KeyCustomer) != nil {
		out = append(out, []key.Binding{m.keys.PickDown, m.keys.Pick, m.keys.PickClose})
	}
	return out
}

// picking reports whether the focused field's customer list is open with
// customers to choose from (↑/↓, enter and esc then act on it).
func (m Model) picking() bool {
	if len(m.inputs) == 0 || m.state != stateEditing {
		return false
	}
	in := &m.inputs[m.focus]
	return in.Kind == Customer && in.pick.choosing(in.raw())
}
