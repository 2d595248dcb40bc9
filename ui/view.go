package ui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/model/i18n"
	"github.com/rapportcrm/rapport/ui/common"
	"github.com/rapportcrm/rapport/ui/screens/detail"
)

// The root's frame: the tab bar and the summary on top, the status line
// with the focused screen's short help at the bottom, the screen between.
const (
	headerLines = 2
	footerLines = 1
)

// Minimum frame the app draws into (SPEC §4); below it shows "window too small".
const (
	minWidth  = 40
	minHeight = 12
)

// bodySize is the area the focused screen gets.
func (a *App) bodySize() (int, int) {
	return a.width, max(0, a.height-headerLines-footerLines)
}

// View draws the whole frame: exactly the terminal's height, no line wider
// than its width; "window too small" below 40×12.
func (a *App) View() string {
	w, h := a.width, a.height
	if w < minWidth || h < minHeight {
		msg := a.c.T("window too small: needs %d×%d, is %d×%d", minWidth, minHeight, w, h)
		return common.Frame([]string{a.c.Styles.App.TooSmall.Render(msg)}, w, h)
	}
	_, bh := a.bodySize()
	lines := make([]string, 0, h)
	lines = append(lines, a.tabsView(), a.summaryView())
	var body string
	switch {
	case a.editor.Active():
		body = a.editor.View(a.Focused().View())
	case a.showHelp:
		body = a.helpView(bh)
	default:
		body = a.Focused().View()
	}
	bl := common.SplitLines(body)
	for i := 0; i < bh; i++ {
		if i < len(bl) {
			lines = append(lines, bl[i])
		} else {
			lines = append(lines, "")
		}
	}
	lines = append(lines, a.footerView())
	return common.Frame(lines, w, h)
}

func (a *App) tabsView() string {
	s := a.c.Styles
	parts := make([]string, 0, len(a.specs))
	for _, sp := range a.specs {
		label := sp.Key + " " + a.c.T(sp.Title)
		if sp.ID == a.active && len(a.stack) == 0 {
			parts = append(parts, s.App.TabActive.Render(common.MarkSelected+label))
		} else {
			parts = append(parts, s.App.TabInactive.Render(" "+label))
		}
	}
	line := strings.Join(parts, "  ")
	if n := len(a.stack); n > 0 {
		if d, ok := a.stack[n-1].(*detail.Model); ok {
			if name, loaded := d.Name(); loaded {
				line += "  " + s.App.TabActive.Render(common.MarkSelected+common.Truncate(common.Clean(name), 30))
			}
		}
	}
	return line
}

// summaryView colours the launch summary's parts: red for overdue and
// rotting, amber for due today and at risk, when non-zero. The words say
// what each number is, so no marker is needed under NO_COLOR.
func (a *App) summaryView() string {
	s := a.c.Styles
	if a.countsErr != nil {
		return s.App.StatusError.Render(a.c.ErrorText(a.countsErr))
	}
	c := a.counts
	parts := summaryParts(a.c.P, c)
	hot := []int{c.Overdue, c.DueToday, c.AtRisk, c.Rotting}
	for i := range parts {
		switch {
		case i >= len(hot) || hot[i] == 0:
			parts[i] = s.App.Summary.Render(parts[i])
		case i == 0:
			parts[i] = s.App.SummaryHot.Render(parts[i])
		case i == 3:
			parts[i] = s.App.SummaryHot.Render(parts[i])
		default:
			parts[i] = s.App.SummaryWarm.Render(parts[i])
		}
	}
	left := strings.Join(parts, s.Item.Dim.Render(" · "))
	return a.withGoal(left)
}

// withGoal puts this month's goal at the right of the summary line —
// "Dec $84,000 of $120,000 · 70% · 11 days left · pace $130,200 ✓" — in
// green when the pace reaches the target and amber with "! behind" when
// not (the marker says it without colour). A short form replaces it where
// the whole does not fit; it is left out when neither does.
func (a *App) withGoal(left string) string {
	g := a.goal
	if g == nil {
		return left
	}
	s := a.c.Styles
	today := a.c.Today()
	mark, st := " ✓", s.App.Status
	if !g.OnPace && g.DaysLeft > 0 {
		mark, st = " "+a.c.T("! behind"), s.App.SummaryWarm
	}
	fig := func(n int64) string {
		if g.Measure.IsMoney() {
			m := model.Money{Minor: n, Currency: g.Currency}
			if a.c.P.Zh() {
				return m.FormatShortZh()
			}
			return m.FormatShort()
		}
		return g.Figure(n)
	}
	room := a.width - common.Width(left) - 3
	for _, text := range goalLines(a.c.P, *g, today, fig) {
		text += mark
		if w := common.Width(text); w <= room {
			return left + strings.Repeat(" ", a.width-common.Width(left)-w) + st.Render(text)
		}
	}
	return left
}

// globalHelp is the root's part of the help for the current state: q
// quits on a tab and goes back from a pushed screen (a copy says which).
func (a *App) globalHelp() []key.Binding {
	quit := a.keys.Quit
	if !a.topLevel() {
		quit.SetHelp("q", i18n.N("back"))
	}
	return []key.Binding{a.keys.Help, quit}
}

// footerKeys are the keys the footer shows for the focused screen (or the
// open editor), without the root's ? and q.
func (a *App) footerKeys() []key.Binding {
	if a.editor.Active() {
		return a.editor.ShortHelp()
	}
	return a.Focused().ShortHelp()
}

func (a *App) footerView() string {
	s := a.c.Styles
	var status string
	if a.status != "" {
		st := s.App.Status
		if a.statusErr {
			st = s.App.StatusError
		}
		status = st.Render(common.Truncate(a.status, a.width)) + "  "
	}
	// Copies of the help model, sized here: drawing changes nothing.
	room, whole := a.help, a.help
	room.Width, whole.Width = max(0, a.width-common.Width(status)), 0
	bindings := common.SayKeys(a.c.P, a.footerKeys())
	if a.editor.Active() || a.Focused().InputFocused() {
		return status + room.ShortHelpView(bindings)
	}
	// The screen's keys, then ? and q; when they do not all fit, ? and q
	// come first so the way to the full help is never cut off.
	global := common.SayKeys(a.c.P, a.globalHelp())
	all := append(append([]key.Binding{}, bindings...), global...)
	if common.Width(whole.ShortHelpView(all)) > room.Width {
		all = append(global, bindings...)
	}
	return status + room.ShortHelpView(all)
}

// helpBody is the `?` help below its title: the focused screen's groups
// then the root's, side by side when they fit the width, else one under
// the other so no key is cut off.
func (a *App) helpBody() []string {
	groups := a.Focused().FullHelp()
	global := append([]key.Binding{}, a.keys.Tabs...)
	global = append(global, a.keys.Next, a.keys.Prev, a.keys.Undo, a.keys.Redo)
	global = append(global, a.globalHelp()...)
	global = append(global, a.keys.Back, a.keys.ForceQuit)
	groups = common.SayGroups(a.c.P, append(groups, global))
	whole := a.help
	whole.Width = 0
	side := common.SplitLines(whole.FullHelpView(groups))
	widest := 0
	for _, l := range side {
		widest = max(widest, common.Width(l))
	}
	if widest <= a.width {
		return append([]string{""}, side...)
	}
	var out []string
	for _, g := range groups {
		if len(g) == 0 {
			continue
		}
		out = append(out, "")
		out = append(out, common.SplitLines(whole.FullHelpView([][]key.Binding{g}))...)
	}
	return out
}

// helpRows is how many body lines the help shows under its title in h
// lines, and the furthest it scrolls.
func (a *App) helpRows(h int) (rows, maxTop int) {
	rows = max(1, h-1)
	return rows, max(0, len(a.helpBody())-rows)
}

// scrollHelp moves the help by a key (j/k, arrows, g/G); it reports
// whether the key was one of them.
func (a *App) scrollHelp(msg tea.KeyMsg) bool {
	_, bh := a.bodySize()
	rows, maxTop := a.helpRows(bh)
	switch {
	case key.Matches(msg, a.keys.HelpDown):
		a.helpTop++
	case key.Matches(msg, a.keys.HelpUp):
		a.helpTop--
	case key.Matches(msg, a.keys.HelpPageDown):
		a.helpTop += rows
	case key.Matches(msg, a.keys.HelpPageUp):
		a.helpTop -= rows
	case key.Matches(msg, a.keys.HelpTop):
		a.helpTop = 0
	case key.Matches(msg, a.keys.HelpBottom):
		a.helpTop = maxTop
	default:
		return false
	}
	a.helpTop = common.Clamp(a.helpTop, 0, maxTop)
	return true
}

// helpView draws the help in h lines. When it does not fit, the title
// says that j/k scroll, and a last line counts what is below.
func (a *App) helpView(h int) string {
	s := a.c.Styles
	body := a.helpBody()
	rows, maxTop := a.helpRows(h)
	if maxTop == 0 {
		lines := append([]string{s.App.HelpTitle.Render(a.c.T("Keys — ? or esc closes"))}, body...)
		return common.Frame(lines, a.width, h)
	}
	top := common.Clamp(a.helpTop, 0, maxTop)
	lines := []string{s.App.HelpTitle.Render(common.Truncate(a.c.T("Keys — j/k scroll · ? or esc closes"), a.width))}
	shown := body[top:min(len(body), top+rows)]
	if below := len(body) - top - rows; below > 0 {
		shown = append(shown[:rows-1:rows-1], s.Item.Dim.Render(common.Truncate(a.c.T("↓ %s more lines · j", common.Thousands(below+1)), a.width)))
	}
	lines = append(lines, shown...)
	return common.Frame(lines, a.width, h)
}
