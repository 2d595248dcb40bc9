package ui

import (
	"github.com/charmbracelet/bubbles/key"

	"github.com/rapportcrm/rapport/model/i18n"
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
	// The help's scrolling keys, read only while the help is open.
	HelpDown, HelpUp, HelpPageDown, HelpPageUp, HelpTop, HelpBottom key.Binding
}

func newGlobalKeys(specs []ScreenSpec) globalKeys {
	k := globalKeys{
		Quit:      key.NewBinding(key.WithKeys("q"), key.WithHelp("q", i18n.N("quit"))),
		ForceQuit: key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", i18n.N("quit"))),
		Help:      key.NewBinding(key.WithKeys("?"), key.WithHelp("?", i18n.N("help"))),
		Back:      key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", i18n.N("back/clear"))),
		Next:      key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", i18n.N("next screen"))),
		Prev:      key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", i18n.N("previous screen"))),
		Undo:      key.NewBinding(key.WithKeys("u"), key.WithHelp("u", i18n.N("undo"))),
		Redo:      key.NewBinding(key.WithKeys("ctrl+r"), key.WithHelp("ctrl+r", i18n.N("redo"))),

		HelpDown:     key.NewBinding(key.WithKeys("j", "down")),
		HelpUp:       key.NewBinding(key.WithKeys("k", "up")),
		HelpPageDown: key.NewBinding(key.WithKeys("ctrl+d", "pgdown", " ")),
		HelpPageUp:   key.NewBinding(key.WithKeys("ctrl+u", "pgup")),
		HelpTop:      key.NewBinding(key.WithKeys("g", "home")),
		HelpBottom:   key.NewBinding(key.WithKeys("G", "end")),
	}
	for _, s := range specs {
		k.Tabs = append(k.Tabs, key.NewBinding(key.WithKeys(s.Key), key.WithHelp(s.Key, s.Title)))
	}
	return k
}
