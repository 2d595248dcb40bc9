// Package playbooks is the Playbooks screen: the book's follow-up rules,
// each with what it did in the last 90 days (follow-ups made, done on
// time), with keys to switch a rule on or off. It is pushed over Reports
// (key b), as the 360 is pushed over a list: SPEC §4 fixes the four tabs,
// and the rules are read like a report of the follow-up practice.
package playbooks

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/model/i18n"
	"github.com/rapportcrm/rapport/ui/common"
)

// Window is how many days the screen counts a rule's follow-ups over.
const Window = 90

// loadedMsg is the rules with their counts. Seq drops an answer older than
// the last one asked for.
type loadedMsg struct {
	Seq    int
	Rules  []model.Playbook
	Stats  map[int64]db.PlaybookStat
	Stages map[int64]string
	Err    error
}

// switchedMsg is the end of switching a rule on or off.
type switchedMsg struct {
	Rule model.Playbook
	Err  error
}

type keys struct {
	common.MoveKeys
	Toggle key.Binding
	Edit   key.Binding
	Reload key.Binding
	Back   key.Binding // the root takes esc on a pushed screen; listed for the help
}

func newKeys(p *i18n.Printer) keys {
	return keys{
		MoveKeys: common.NewMoveKeys(),
		Toggle:   key.NewBinding(key.WithKeys(" ", "o"), key.WithHelp("space/o", p.T("switch on/off"))),
		Edit:     key.NewBinding(key.WithKeys("e", "enter"), key.WithHelp("e", p.T("edit the rule"))),
		Reload:   key.NewBinding(key.WithKeys("r"), key.WithHelp("r", p.T("reload"))),
		Back:     key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", p.T("back to Reports"))),
	}
}

// Model is the Playbooks screen.
type Model struct {
	c    *common.Common
	keys keys
	w, h int

	seq     int
	loading bool
	loaded  bool
	err     error
	rules   []model.Playbook
	stats   map[int64]db.PlaybookStat
	stages  map[int64]string
	cur     int
	top     int
	busy    bool // a switch is on its way: a second press waits for it
}

// New builds the screen; Init loads the rules.
func New(c *common.Common) *Model {
	m := &Model{c: c, keys: newKeys(c.P)}
	m.enableKeys()
	return m
}

// Init loads the rules and their counts.
func (m *Model) Init() tea.Cmd { return m.load() }

// SetSize gives the screen its area.
func (m *Model) SetSize(w, h int) {
	m.w, m.h = w, h
	m.scroll()
	m.enableKeys()
}

// InputFocused is false: the screen has no text input.
func (m *Model) InputFocused() bool { return false }

func (m *Model) load() tea.Cmd {
	m.seq++
	m.loading = true
	seq, c := m.seq, m.c
	return func() tea.Msg {
		ctx, cancel := c.DBCtx()
		defer cancel()
		out := loadedMsg{Seq: seq}
		if out.Rules, out.Err = c.DB.Playbooks(ctx); out.Err != nil {
			return out
		}
		if out.Stats, out.Err = c.DB.PlaybookStats(ctx, Window); out.Err != nil {
			return out
		}
		stages, err := c.DB.Stages(ctx)
		out.Err = err
		out.Stages = map[int64]string{}
		for _, s := range stages {
			out.Stages[s.ID] = s.Name
		}
		return out
	}
}

// Update handles keys and answers, then decides which keys apply.
func (m *Model) Update(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case loadedMsg:
		if msg.Seq == m.seq {
			m.apply(msg)
		}
	case switchedMsg:
		m.busy = false
		if msg.Err != nil {
			err := msg.Err
			cmd = func() tea.Msg { return common.StatusMsg{Text: m.c.P.Err(err), Err: true} }
			break
		}
		status := m.c.P.T("%s is off (u undoes)", common.Clean(msg.Rule.Name))
		if msg.Rule.Enabled {
			status = m.c.P.T("%s is on (u undoes)", common.Clean(msg.Rule.Name))
		}
		cmd = tea.Batch(func() tea.Msg { return common.ChangedMsg{Status: status} }, m.load())
	case common.ReloadMsg:
		cmd = m.load()
	case tea.KeyMsg:
		cmd = m.handleKey(msg)
	}
	m.enableKeys()
	return cmd
}

func (m *Model) apply(msg loadedMsg) {
	m.loading, m.err = false, msg.Err
	if msg.Err != nil {
		return
	}
	// Keep the cursor on the same rule across reloads.
	var was int64
	if m.cur < len(m.rules) {
		was = m.rules[m.cur].ID
	}
	m.rules, m.stats, m.stages, m.loaded = msg.Rules, msg.Stats, msg.Stages, true
	m.cur = common.Clamp(m.cur, 0, max(0, len(m.rules)-1))
	for i, r := range m.rules {
		if r.ID == was {
			m.cur = i
		}
	}
	m.scroll()
}

func (m *Model) handleKey(msg tea.KeyMsg) tea.Cmd {
	switch {
	case key.Matches(msg, m.keys.Toggle):
		return m.toggle()
	case key.Matches(msg, m.keys.Edit):
		sel := common.Selection{ItemID: m.rules[m.cur].ID, Label: m.rules[m.cur].Name}
		return func() tea.Msg { return common.EditRequestMsg{Action: common.ActPlaybook, Sel: sel} }
	case key.Matches(msg, m.keys.Reload):
		return m.load()
	case common.DisabledKey(msg, m.keys.Toggle):
		if m.busy {
			return common.StatusCmd(m.c.P.T("switching a rule…"))
		}
		return common.StatusCmd(m.c.P.T("no rule to switch"))
	}
	if cur, ok := m.keys.Step(msg, m.cur, len(m.rules), m.bodyHeight()); ok {
		m.cur = cur
		m.scroll()
	}
	return nil
}

// toggle switches the selected rule on or off as one command.
func (m *Model) toggle() tea.Cmd {
	r := m.rules[m.cur]
	m.busy = true
	c := m.c
	return func() tea.Msg {
		ctx, cancel := c.DBCtx()
		defer cancel()
		p, err := c.DB.SetPlaybookEnabled(ctx, r.ID, !r.Enabled)
		return switchedMsg{Rule: p, Err: err}
	}
}

// enableKeys keeps the help true. Update, SetSize and New end with it.
func (m *Model) enableKeys() {
	m.keys.Enable(len(m.rules))
	m.keys.Toggle.SetEnabled(len(m.rules) > 0 && !m.busy)
	m.keys.Edit.SetEnabled(len(m.rules) > 0)
}

// ShortHelp is the footer's help.
func (m *Model) ShortHelp() []key.Binding {
	return []key.Binding{m.keys.Move, m.keys.Toggle, m.keys.Edit, m.keys.Reload, m.keys.Back}
}

// FullHelp is the `?` help.
func (m *Model) FullHelp() [][]key.Binding {
	return [][]key.Binding{m.keys.Bindings(), {m.keys.Toggle, m.keys.Edit, m.keys.Reload, m.keys.Back}}
}
