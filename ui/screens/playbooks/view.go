package playbooks

import (
	"fmt"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/ui/common"
)

// The columns after the rule's name, in cells: state, fired in the window,
// done on time of done.
const (
	stateW  = 4
	firedW  = 6
	onTimeW = 8
)

// bodyHeight is the rows under the title and the column header.
func (m *Model) bodyHeight() int { return max(0, m.h-2) }

// scroll keeps the cursor's row in the window.
func (m *Model) scroll() {
	m.top = common.ScrollTo(m.top, m.cur, m.bodyHeight(), len(m.rules))
}

// onTime is "3/4" (done on time of those done), "–" when none was done.
func onTime(st db.PlaybookStat) string {
	if st.Done == 0 {
		return "–"
	}
	return fmt.Sprintf("%d/%d", st.OnTime, st.Done)
}

// View draws the title, the column header and the visible rules: exactly
// the screen's height, no line wider than its width.
func (m *Model) View() string {
	if m.h <= 0 {
		return ""
	}
	st := m.c.Styles
	lines := make([]string, 0, m.h)
	p := m.c.P
	title := st.Section.Title.Render(p.T("Playbooks")) + st.Item.Dim.Render(" · "+p.T("rules that schedule follow-ups · last %d days", Window))
	if m.loading && m.loaded {
		title += st.Table.Loading.Render(" · " + p.T("loading…"))
	}
	lines = append(lines, common.Truncate(title, m.w))
	switch {
	case !m.loaded && m.err != nil:
		lines = append(lines, st.App.StatusError.Render(common.Truncate(p.Err(m.err), m.w)))
	case !m.loaded:
		lines = append(lines, st.Table.Loading.Render(common.Truncate(p.T("Loading the rules…"), m.w)))
	case len(m.rules) == 0:
		lines = append(lines, st.Section.Empty.Render(common.Truncate(p.T("No rules: add one with rapport playbook add"), m.w)))
	default:
		lines = append(lines, st.Table.Header.Render(common.Truncate("  "+m.row("", p.T("RULE"), p.T("WHEN → THEN"), p.T("MADE"), p.T("ON TIME")), m.w)))
		end := min(len(m.rules), m.top+m.bodyHeight())
		for i := m.top; i < end; i++ {
			lines = append(lines, m.ruleLine(i))
		}
	}
	return common.Frame(lines, m.w, m.h)
}

// row lays out one line: marker and state, the name (a third of what is
// left), what triggers the rule and what it schedules, and the counts.
func (m *Model) row(state, name, what, fired, ontime string) string {
	// The marker (2) and four one-cell gaps come off the width too.
	rest := max(0, m.w-2-stateW-firedW-onTimeW-4)
	nameW := common.Clamp(rest/3, 6, 32)
	whatW := max(0, rest-nameW)
	return common.Cell(state, stateW) + " " + common.Cell(name, nameW) + " " + common.Cell(what, whatW) + " " +
		common.CellRight(fired, firedW) + " " + common.CellRight(ontime, onTimeW)
}

// ruleLine renders rule i; an off rule is dim, the cursor's row selected.
func (m *Model) ruleLine(i int) string {
	st := m.c.Styles
	r := m.rules[i]
	state := m.c.P.T("on")
	if !r.Enabled {
		state = m.c.P.T("off")
	}
	what := r.WhenIn(m.c.P, m.stages[r.StageID])
	if o := r.OnlyIn(m.c.P); o != "" {
		what += " (" + o + ")"
	}
	what += " → " + r.Title + " " + r.DelayIn(m.c.P)
	s := m.stats[r.ID]
	line := m.row(state, common.Clean(r.Name), common.Clean(what), common.Thousands(s.Made), onTime(s))
	switch {
	case i == m.cur:
		return st.Table.Selected.Render(common.Truncate(common.MarkSelected+" "+line, m.w))
	case !r.Enabled:
		return st.Item.Dim.Render(common.Truncate("  "+line, m.w))
	}
	return common.Truncate("  "+line, m.w)
}
