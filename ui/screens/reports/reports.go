// Package reports is the Reports screen (SPEC §4): the figures of `rapport
// report`, drawn by ui/reportview, in a body that scrolls.
package reports

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model/i18n"
	"github.com/rapportcrm/rapport/ui/common"
	"github.com/rapportcrm/rapport/ui/reportview"
)

// reportLoadedMsg is db.Report's answer. Seq drops an answer older than the
// last one asked for (a period switch, a reload).
type reportLoadedMsg struct {
	Seq    int
	Report db.Report
	Err    error
}

// reportPeriods are the periods `p` cycles through, in order.
func reportPeriods() []string { return []string{"30d", "90d", "365d"} }

type reportKeys struct {
	common.MoveKeys
	Period key.Binding
	Custom key.Binding
	Reload key.Binding
	Goal   key.Binding
	Rules  key.Binding
}

func newReportKeys() reportKeys {
	k := reportKeys{
		MoveKeys: common.NewMoveKeys(),
		Period:   key.NewBinding(key.WithKeys("p"), key.WithHelp("p", i18n.N("period 30d/90d/365d"))),
		Custom:   key.NewBinding(key.WithKeys("P"), key.WithHelp("P", i18n.N("custom period (2026-01..2026-06)"))),
		Reload:   key.NewBinding(key.WithKeys("r"), key.WithHelp("r", i18n.N("reload"))),
		Goal:     key.NewBinding(key.WithKeys("t"), key.WithHelp("t", i18n.N("set a goal"))),
		Rules:    key.NewBinding(key.WithKeys("b"), key.WithHelp("b", i18n.N("playbooks"))),
	}
	// The body scrolls: there is no cursor to move.
	k.Move.SetHelp("j/k", i18n.N("scroll"))
	k.Up.SetHelp("↑/k", i18n.N("scroll up"))
	k.Down.SetHelp("↓/j", i18n.N("scroll down"))
	return k
}

// Model is the Reports screen of SPEC §4: the same figures as `rapport
// report`, drawn by ui/reportview at the screen's width, in a body that
// scrolls. A header line names the period (p cycles 30d, 90d, 365d). The
// report loads in a command; it is rendered to lines once per load or
// width, and View only cuts out the visible window.
type Model struct {
	c     *common.Common
	keys  reportKeys
	pkeys periodKeys
	dkeys drillKeys
	w, h  int

	period  int    // index into reportPeriods
	custom  string // a period typed at P, shown instead of period when set
	prompt  *periodPrompt
	drill   *drillList // the deals or customers behind a line, when open
	sel     int        // the selected drillable line in lines, or -1
	dseq    int        // drops a drill answer older than the last asked for
	want    db.Period  // the period of the last load asked for
	seq     int
	loading bool
	loaded  bool
	report  db.Report
	err     error

	lines  []reportview.Line // the report rendered at linesW
	linesW int
	top    int // the first visible body line
}

// New builds the Reports screen on the default period; Init loads it.
func New(c *common.Common) *Model {
	s := &Model{c: c, keys: newReportKeys(), pkeys: newPeriodKeys(), dkeys: newDrillKeys(), sel: -1}
	for i, p := range reportPeriods() {
		if p == db.DefaultPeriod {
			s.period = i
		}
	}
	s.enableKeys()
	return s
}

// Init loads the report.
func (s *Model) Init() tea.Cmd { return s.load() }

// SetSize gives the screen its area; the report is rendered again when the
// width changed, and the scroll position kept within the new bounds.
func (s *Model) SetSize(w, h int) {
	s.w, s.h = w, h
	s.render()
	s.enableKeys()
}

// InputFocused reports whether the period prompt has the keyboard.
func (s *Model) InputFocused() bool { return s.prompt != nil }

// periodLabel is the period shown: the one typed at P, or the preset.
func (s *Model) periodLabel() string {
	if s.custom != "" {
		return s.custom
	}
	return reportPeriods()[s.period]
}

// load asks for the report of the current period, ending today.
func (s *Model) load() tea.Cmd {
	s.seq++
	s.loading = true
	p, err := db.ParsePeriod(s.periodLabel(), s.c.Today())
	s.want = p
	seq, c := s.seq, s.c
	if err != nil {
		return func() tea.Msg { return reportLoadedMsg{Seq: seq, Err: err} }
	}
	return func() tea.Msg {
		ctx, cancel := c.LongDBCtx()
		defer cancel()
		r, err := c.DB.Report(ctx, p)
		return reportLoadedMsg{Seq: seq, Report: r, Err: err}
	}
}

// Update handles keys, the report's answer and reloads, then decides
// which keys apply in the state it left.
func (s *Model) Update(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case reportLoadedMsg:
		if msg.Seq == s.seq {
			s.applyLoad(msg)
		}
	case drillLoadedMsg:
		if s.drill != nil && msg.Seq == s.dseq {
			s.drill.loading, s.drill.rows, s.drill.err = false, msg.Rows, msg.Err
		}
	case common.ReloadMsg:
		cmd = s.load()
	case tea.KeyMsg:
		cmd = s.handleKey(msg)
	}
	s.enableKeys()
	return cmd
}

func (s *Model) handleKey(msg tea.KeyMsg) tea.Cmd {
	if s.prompt != nil {
		return s.periodKey(msg)
	}
	if s.drill != nil {
		return s.drillKey(msg)
	}
	switch {
	case key.Matches(msg, s.dkeys.Next):
		s.stepDrill(1)
		return nil
	case key.Matches(msg, s.dkeys.Prev):
		s.stepDrill(-1)
		return nil
	case key.Matches(msg, s.dkeys.Open):
		return s.openDrill()
	case key.Matches(msg, s.keys.Period):
		// From a typed period, p goes back to the first preset.
		if s.custom != "" {
			s.custom, s.period = "", 0
		} else {
			s.period = (s.period + 1) % len(reportPeriods())
		}
		return s.load()
	case key.Matches(msg, s.keys.Custom):
		return s.openPeriod()
	case key.Matches(msg, s.keys.Reload):
		return s.load()
	case key.Matches(msg, s.keys.Goal):
		return func() tea.Msg { return common.EditRequestMsg{Action: common.ActGoal} }
	case key.Matches(msg, s.keys.Rules):
		return func() tea.Msg { return common.OpenPlaybooksMsg{} }
	}
	// The scroll position moves like a cursor over the first lines a
	// window can start at.
	if top, ok := s.keys.Step(msg, s.top, s.maxTop()+1, s.bodyHeight()); ok {
		s.top = top
	}
	return nil
}

// applyLoad takes an answer: a report replaces the shown one, keeping the
// scroll position; an error keeps the last report on screen.
func (s *Model) applyLoad(msg reportLoadedMsg) {
	s.loading, s.err = false, msg.Err
	if msg.Err != nil {
		return
	}
	s.report, s.loaded = msg.Report, true
	s.linesW = 0
	s.render()
}

// render draws the report into lines at the current width when that
// changed (the only place reportview runs) and keeps the scroll in bounds.
func (s *Model) render() {
	if s.loaded && s.linesW != s.w {
		was := s.selectedDrill()
		s.lines, s.linesW = reportview.LinesWith(s.report, s.w, reportview.Options{NoCharts: s.c.NoCharts, P: s.c.P}), s.w
		// Lines opens with the blank line before the first section; the
		// header line already separates it.
		if len(s.lines) > 0 && s.lines[0].Text == "" {
			s.lines = s.lines[1:]
		}
		s.keepDrill(was)
	}
	s.top = common.Clamp(s.top, 0, s.maxTop())
}

// bodyHeight is the height under the header line (and above the period
// prompt when it is open).
func (s *Model) bodyHeight() int { return max(0, s.h-1-s.promptLines()) }

// maxTop is the last first-visible line that still fills the body.
func (s *Model) maxTop() int { return max(0, len(s.lines)-s.bodyHeight()) }

// enableKeys keeps the help true: scrolling applies only when the report
// is longer than the body.
// Update, SetSize and the constructor end with it.
func (s *Model) enableKeys() { s.keys.Enable(s.maxTop() + 1) }

// ShortHelp is the footer's help.
func (s *Model) ShortHelp() []key.Binding {
	if s.prompt != nil {
		return []key.Binding{s.pkeys.Apply, s.pkeys.Cancel}
	}
	if s.drill != nil {
		return []key.Binding{s.dkeys.List.Move, s.dkeys.Customer, s.dkeys.Back}
	}
	return []key.Binding{s.keys.Move, s.keys.Period, s.dkeys.Next, s.dkeys.Open, s.keys.Custom, s.keys.Reload, s.keys.Goal, s.keys.Rules}
}

// FullHelp is the `?` help: every binding of the screen.
func (s *Model) FullHelp() [][]key.Binding {
	if s.prompt != nil {
		return [][]key.Binding{{s.pkeys.Apply, s.pkeys.Cancel}}
	}
	if s.drill != nil {
		return [][]key.Binding{s.dkeys.List.Bindings(), {s.dkeys.Customer, s.dkeys.Back}}
	}
	return [][]key.Binding{s.keys.Bindings(), {s.dkeys.Next, s.dkeys.Open}, {s.keys.Period, s.keys.Custom, s.keys.Reload, s.keys.Goal, s.keys.Rules}}
}

// View draws the header line and the visible window of the report:
// exactly the screen's height, no line wider than its width.
func (s *Model) View() string {
	if s.h <= 0 {
		return ""
	}
	if s.drill != nil {
		return common.Frame(s.drillView(), s.w, s.h)
	}
	st := s.c.Styles
	lines := make([]string, 0, s.h)
	lines = append(lines, s.header())
	switch {
	case !s.loaded && s.err != nil:
		lines = append(lines, st.App.StatusError.Render(common.Truncate(s.c.ErrorText(s.err), s.w)))
	case !s.loaded:
		lines = append(lines, st.Table.Loading.Render(s.c.P.T("Loading the report…")))
	default:
		end := min(len(s.lines), s.top+s.bodyHeight())
		for i, l := range s.lines[s.top:end] {
			if s.top+i == s.sel {
				// The selected drillable line: its indent carries the marker.
				text := common.MarkSelected + strings.TrimPrefix(l.Text, " ")
				lines = append(lines, st.Table.Selected.Render(common.Truncate(text, s.w)))
				continue
			}
			if l.Head {
				lines = append(lines, st.Section.Title.Render(common.Truncate(l.Text, s.w)))
			} else {
				lines = append(lines, common.Truncate(l.Text, s.w))
			}
		}
	}
	if s.prompt != nil {
		lines = lines[:min(len(lines), 1+s.bodyHeight())]
		for len(lines) < 1+s.bodyHeight() {
			lines = append(lines, "")
		}
		lines = append(lines, s.promptView()...)
	}
	return common.Frame(lines, s.w, s.h)
}

// header names the period (the chosen one marked › for NO_COLOR), its
// dates, whether a load is under way or failed, and on the right which
// lines are shown when the report is longer than the body.
func (s *Model) header() string {
	st := s.c.Styles
	parts := make([]string, 0, len(reportPeriods()))
	for i, p := range reportPeriods() {
		if i == s.period && s.custom == "" {
			parts = append(parts, st.App.TabActive.Render(common.MarkSelected+p))
		} else {
			parts = append(parts, st.App.TabInactive.Render(" "+p))
		}
	}
	if s.custom != "" {
		parts = append(parts, st.App.TabActive.Render(common.MarkSelected+s.custom))
	}
	left := st.Item.Label.Render(s.c.P.T("Period")) + " " + strings.Join(parts, " ")
	if !s.want.From.IsZero() {
		left += st.Item.Dim.Render(fmt.Sprintf(" · %s … %s", s.want.From, s.want.To))
	}
	switch {
	case s.loading:
		left += st.Table.Loading.Render(s.c.P.T(" · loading…"))
	case s.err != nil && s.loaded:
		left += " " + st.App.StatusError.Render("· "+s.c.ErrorText(s.err))
	}
	if s.maxTop() == 0 || s.bodyHeight() == 0 {
		return common.Truncate(left, s.w)
	}
	right := s.c.P.T("lines %d–%d of %d", s.top+1, min(len(s.lines), s.top+s.bodyHeight()), len(s.lines))
	// One space at least between the two halves; the line numbers are
	// dropped when they do not both fit.
	if gap := s.w - common.Width(left) - common.Width(right); gap >= 1 {
		return left + strings.Repeat(" ", gap) + st.Item.Dim.Render(right)
	}
	return common.Truncate(left, s.w)
}
