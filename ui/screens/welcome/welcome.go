// Package welcome is the screen of an empty book: how to add a first
// customer or import a CSV, and loading sample data after asking.
package welcome

import (
	"context"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/rapportcrm/rapport/db/demo"
	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/model/i18n"
	"github.com/rapportcrm/rapport/ui/common"
	"github.com/rapportcrm/rapport/ui/components/importer"
)

// demoTimeout bounds loading the sample book (2,000 customers take a few seconds).
const demoTimeout = 5 * time.Minute

// demoLoadedMsg is the end of loading sample data.
type demoLoadedMsg struct{ Err error }

// customerAddedMsg is the end of adding the first customer.
type customerAddedMsg struct {
	ID  int64
	Err error
}

type welcomeKeys struct {
	Add     key.Binding
	Import  key.Binding
	Demo    key.Binding
	Yes     key.Binding
	No      key.Binding
	Next    key.Binding
	Save    key.Binding
	Cancel  key.Binding
	confirm bool
}

// welcomeState is where the welcome screen is.
type welcomeState int

const (
	welcomeMenu welcomeState = iota
	welcomeAsk               // "load sample data into this file? y/n"
	welcomeLoading
	welcomeForm // name and company of a first customer
)

// Model is the welcome screen, shown on an empty book: how to add a customer, how to import
// a CSV, and loading sample data into this file after asking.
type Model struct {
	c      *common.Common
	keys   welcomeKeys
	w, h   int
	state  welcomeState
	err    string
	fields [2]textinput.Model // name, company
	focus  int
	imp    *importer.Model // i: import a file
}

// New builds the welcome screen.
func New(c *common.Common) *Model {
	v := &Model{c: c, keys: welcomeKeys{
		Add:    key.NewBinding(key.WithKeys("a"), key.WithHelp("a", i18n.N("add a customer"))),
		Import: key.NewBinding(key.WithKeys("i"), key.WithHelp("i", i18n.N("import a file"))),
		Demo:   key.NewBinding(key.WithKeys("d"), key.WithHelp("d", i18n.N("load sample data"))),
		Yes:    key.NewBinding(key.WithKeys("y", "Y"), key.WithHelp("y", i18n.N("yes, load it"))),
		No:     key.NewBinding(key.WithKeys("n", "N", "esc", "q"), key.WithHelp("n", i18n.N("no"))),
		Next:   key.NewBinding(key.WithKeys("tab", "shift+tab"), key.WithHelp("tab", i18n.N("next field"))),
		Save:   key.NewBinding(key.WithKeys("enter", "ctrl+s"), key.WithHelp("enter", i18n.N("save"))),
		Cancel: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", i18n.N("cancel"))),
	}}
	labels := []string{c.T("Name:"), c.T("Company:")}
	lw := max(common.Width(labels[0]), common.Width(labels[1])) + 1
	for i, label := range labels {
		in := textinput.New()
		in.Prompt = label + strings.Repeat(" ", lw-common.Width(label))
		in.CharLimit = model.MaxNameLen
		in.Cursor.SetMode(cursor.CursorStatic)
		v.fields[i] = in
	}
	v.imp = importer.New(c)
	return v
}

// Init does nothing: the screen has all it needs.
func (v *Model) Init() tea.Cmd { return nil }

// SetSize gives the screen its area.
func (v *Model) SetSize(w, h int) {
	v.w, v.h = w, h
	v.imp.SetWidth(w)
	for i := range v.fields {
		v.fields[i].Width = max(1, w-common.Width(v.fields[i].Prompt)-2-common.Width(common.MarkSelected+" "))
	}
}

// InputFocused is true while asking or typing.
func (v *Model) InputFocused() bool { return v.state != welcomeMenu || v.imp.Active() }

// Mode reports a modal question or the form.
func (v *Model) Mode() common.Mode {
	switch {
	case v.imp.Typing():
		return common.ModeForm
	case v.imp.Active():
		return common.ModeModal
	}
	switch v.state {
	case welcomeAsk, welcomeLoading:
		return common.ModeModal
	case welcomeForm:
		return common.ModeForm
	}
	return common.ModeNormal
}

// ShortHelp is the footer's help.
func (v *Model) ShortHelp() []key.Binding {
	if v.imp.Active() {
		return v.imp.ShortHelp()
	}
	switch v.state {
	case welcomeAsk:
		return []key.Binding{v.keys.Yes, v.keys.No}
	case welcomeForm:
		return []key.Binding{v.keys.Next, v.keys.Save, v.keys.Cancel}
	case welcomeLoading:
		return nil
	}
	return []key.Binding{v.keys.Add, v.keys.Import, v.keys.Demo}
}

// FullHelp is the `?` help.
func (v *Model) FullHelp() [][]key.Binding {
	return [][]key.Binding{{v.keys.Add, v.keys.Import, v.keys.Demo}, {v.keys.Next, v.keys.Save, v.keys.Cancel}}
}

// Update handles the menu, the question and the form.
func (v *Model) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case demoLoadedMsg:
		if msg.Err != nil {
			v.state, v.err = welcomeMenu, v.c.T("Could not load sample data: %s", v.c.ErrorText(msg.Err))
			return nil
		}
		v.state = welcomeMenu
		return tea.Batch(
			func() tea.Msg {
				return common.ChangedMsg{Status: v.c.T("Sample data loaded: 2,000 customers (u undoes nothing here: it is one bulk load)")}
			},
			func() tea.Msg { return common.SwitchScreenMsg{ID: common.ScreenToday} })
	case customerAddedMsg:
		if msg.Err != nil {
			v.err = v.c.ErrorText(msg.Err)
			return nil
		}
		v.state = welcomeMenu
		return tea.Batch(
			func() tea.Msg { return common.ChangedMsg{Status: v.c.T("Customer added (u undoes)")} },
			func() tea.Msg { return common.SwitchScreenMsg{ID: common.ScreenCustomers} })
	case importer.DoneMsg:
		st := msg.Status
		return tea.Batch(
			func() tea.Msg { return common.ChangedMsg{Status: st} },
			func() tea.Msg { return common.SwitchScreenMsg{ID: common.ScreenCustomers} })
	case tea.KeyMsg:
		if v.imp.Active() {
			return v.imp.Update(msg)
		}
		return v.handleKey(msg)
	}
	return v.imp.Update(msg)
}

func (v *Model) handleKey(msg tea.KeyMsg) tea.Cmd {
	switch v.state {
	case welcomeLoading:
		return nil
	case welcomeAsk:
		switch {
		case key.Matches(msg, v.keys.Yes):
			v.state, v.err = welcomeLoading, ""
			return v.loadDemo()
		case key.Matches(msg, v.keys.No):
			v.state = welcomeMenu
		}
		return nil
	case welcomeForm:
		return v.formKey(msg)
	}
	switch {
	case key.Matches(msg, v.keys.Add):
		v.state, v.err, v.focus = welcomeForm, "", 0
		v.fields[0].SetValue("")
		v.fields[1].SetValue("")
		v.fields[1].Blur()
		return v.fields[0].Focus()
	case key.Matches(msg, v.keys.Import):
		v.err = ""
		return v.imp.Open()
	case key.Matches(msg, v.keys.Demo):
		v.state, v.err = welcomeAsk, ""
	}
	return nil
}

func (v *Model) formKey(msg tea.KeyMsg) tea.Cmd {
	switch {
	case key.Matches(msg, v.keys.Cancel):
		v.state, v.err = welcomeMenu, ""
		return nil
	case key.Matches(msg, v.keys.Next) || (msg.String() == "enter" && v.focus == 0):
		v.fields[v.focus].Blur()
		v.focus = 1 - v.focus
		return v.fields[v.focus].Focus()
	case key.Matches(msg, v.keys.Save):
		return v.save()
	}
	var cmd tea.Cmd
	v.fields[v.focus], cmd = v.fields[v.focus].Update(msg)
	v.err = ""
	return cmd
}

func (v *Model) save() tea.Cmd {
	name, err := model.CleanInput(v.fields[0].Value(), model.MaxNameLen, false)
	if err == nil && name == "" {
		err = i18n.Errorf("a customer needs a name")
	}
	if err != nil {
		v.err = v.c.ErrorText(err)
		return nil
	}
	company, err := model.CleanInput(v.fields[1].Value(), model.MaxShortLen, false)
	if err != nil {
		v.err = v.c.ErrorText(err)
		return nil
	}
	c := v.c
	return func() tea.Msg {
		ctx, cancel := c.DBCtx()
		defer cancel()
		id, err := c.DB.CreateCustomer(ctx, &model.Customer{Name: name, Company: company}, nil)
		return customerAddedMsg{ID: id, Err: err}
	}
}

// fieldView is field i with the focus marker (› before the field being
// typed into: tab moves it, and it shows without colour too).
func (v *Model) fieldView(i int) string {
	if i == v.focus {
		return common.MarkSelected + " " + v.fields[i].View()
	}
	return "  " + v.fields[i].View()
}

func (v *Model) loadDemo() tea.Cmd {
	c := v.c
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(c.Ctx, demoTimeout)
		defer cancel()
		_, err := demo.Generate(ctx, c.DB, demo.Options{Customers: demo.DefaultCustomers, Seed: demo.DefaultSeed})
		return demoLoadedMsg{Err: err}
	}
}

// View draws the welcome text, the question or the form.
func (v *Model) View() string {
	s := v.c.Styles
	out := []string{
		s.Section.Title.Render(v.c.T("Welcome to rapport")),
		"",
		v.c.T("This book is empty: %s", common.Clean(v.c.DB.Path())),
		"",
	}
	switch {
	case v.imp.Active():
		out = append(out, v.imp.Lines(v.w)...)
	case v.state == welcomeAsk:
		out = append(out,
			s.App.SummaryWarm.Render(v.c.T("Load %s sample customers into this file?", common.Thousands(demo.DefaultCustomers))),
			v.c.T("It writes made-up customers, deals and history into %s.", common.Clean(v.c.DB.Path())),
			"",
			s.Help.ShortKey.Render("y")+" "+v.c.T("yes, load it")+"    "+s.Help.ShortKey.Render("n")+" "+v.c.T("no"))
	case v.state == welcomeLoading:
		out = append(out, s.Table.Loading.Render(v.c.T("Loading sample data… (a few seconds)")))
	case v.state == welcomeForm:
		out = append(out, s.Section.Title.Render(v.c.T("Add your first customer")), v.fieldView(0), v.fieldView(1), "",
			s.Item.Dim.Render(v.c.T("tab next field · enter saves · esc cancels")))
	default:
		out = append(out,
			s.Help.ShortKey.Render("a")+"  "+v.c.T("add a customer"),
			s.Help.ShortKey.Render("i")+"  "+v.c.T("import customers from a CSV or Excel file (checked first, then asks)"),
			s.Help.ShortKey.Render("d")+"  "+v.c.T("load sample data (2,000 customers) into this file, after asking"),
			"",
			v.c.T("From the command line: %s", s.Help.ShortKey.Render("rapport import csv FILE")),
			"",
			s.Item.Dim.Render(v.c.T("q quits · ? shows every key")))
	}
	if v.err != "" {
		out = append(out, "", s.App.StatusError.Render(v.err))
	}
	for i := range out {
		out[i] = strings.TrimRight(out[i], " ")
	}
	return common.Frame(out, v.w, v.h)
}
