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

// drillLoadedMsg is the answer to a drill-down: the deals or customers
// behind one line of the report.
type drillLoadedMsg struct {
	Seq  int
	Rows []db.DrillRow
	Err  error
}

// drillList is the list `enter` opens on a drillable line: the deals or
// customers behind its number, with a cursor; enter opens a customer's
// 360 and esc goes back to the report.
type drillList struct {
	title   string
	rows    []db.DrillRow
	loading bool
	err     error
	cur     int
	top     int
}

// drillKeys are the keys of the report's drillable lines and of the list.
type drillKeys struct {
	Next, Prev, Open key.Binding // on the report
	List             common.MoveKeys
	Customer, Back   key.Binding // in the list
}

func newDrillKeys() drillKeys {
	return drillKeys{
		Next:     key.NewBinding(key.WithKeys("n"), key.WithHelp("n/N", i18n.N("pick a line to list"))),
		Prev:     key.NewBinding(key.WithKeys("N"), key.WithHelp("N", i18n.N("previous line to list"))),
		Open:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", i18n.N("list what it counts"))),
		List:     common.NewMoveKeys(),
		Customer: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", i18n.N("open the customer"))),
		Back:     key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", i18n.N("back to the report"))),
	}
}

// drillable lists the indices of the report's drillable lines.
func (s *Model) drillable() []int {
	var out []int
	for i, l := range s.lines {
		if l.Drill.Kind != reportview.DrillNone {
			out = append(out, i)
		}
	}
	return out
}

// stepDrill moves the selection to the next (dir 1) or previous (-1)
// drillable line, wrapping, and scrolls it into view.
func (s *Model) stepDrill(dir int) {
	idx := s.drillable()
	if len(idx) == 0 {
		s.sel = -1
		return
	}
	pos := -1
	for i, l := range idx {
		if l == s.sel {
			pos = i
		}
	}
	switch {
	case pos < 0 && dir > 0:
		pos = 0
	case pos < 0:
		pos = len(idx) - 1
	default:
		pos = (pos + dir + len(idx)) % len(idx)
	}
	s.sel = idx[pos]
	if s.sel < s.top {
		s.top = s.sel
	} else if b := s.bodyHeight(); b > 0 && s.sel >= s.top+b {
		s.top = s.sel - b + 1
	}
	s.top = common.Clamp(s.top, 0, s.maxTop())
}

// keepDrill finds the selected line again after the report was rendered
// anew (a reload, a new width): the line that stands for the same figure.
func (s *Model) keepDrill(was reportview.Drill) {
	s.sel = -1
	if was.Kind == reportview.DrillNone {
		return
	}
	for i, l := range s.lines {
		if l.Drill == was {
			s.sel = i
		}
	}
}

// selectedDrill is the figure behind the selected line.
func (s *Model) selectedDrill() reportview.Drill {
	if s.sel < 0 || s.sel >= len(s.lines) {
		return reportview.Drill{}
	}
	return s.lines[s.sel].Drill
}

// openDrill opens the list behind the selected line and loads it.
func (s *Model) openDrill() tea.Cmd {
	d := s.selectedDrill()
	if d.Kind == reportview.DrillNone {
		return common.StatusCmd(s.c.P.T("n selects a line to list (a funnel stage, lost reasons, risk reasons)"))
	}
	p := s.report.Period
	var title string
	switch d.Kind {
	case reportview.DrillFunnel:
		title = s.c.P.T("Deals that reached %s, %s … %s", common.Clean(d.Key), p.From, p.To)
	case reportview.DrillLost:
		title = s.c.P.T("Deals lost %s … %s", p.From, p.To)
	case reportview.DrillRisk:
		title = s.c.P.T("Customers at risk and to watch")
	}
	s.drill = &drillList{title: title, loading: true}
	s.dseq++
	seq, c := s.dseq, s.c
	return func() tea.Msg {
		ctx, cancel := c.LongDBCtx()
		defer cancel()
		var rows []db.DrillRow
		var err error
		switch d.Kind {
		case reportview.DrillFunnel:
			rows, err = c.DB.FunnelDeals(ctx, p, d.Key)
		case reportview.DrillLost:
			rows, err = c.DB.LostDeals(ctx, p)
		default:
			rows, err = c.DB.RiskCustomers(ctx)
		}
		return drillLoadedMsg{Seq: seq, Rows: rows, Err: err}
	}
}

// drillKey handles a key while the list is open.
func (s *Model) drillKey(msg tea.KeyMsg) tea.Cmd {
	dl := s.drill
	switch {
	case key.Matches(msg, s.dkeys.Back):
		s.drill = nil
		return nil
	case key.Matches(msg, s.dkeys.Customer):
		if dl.cur < len(dl.rows) {
			return common.OpenCustomerCmd(dl.rows[dl.cur].CustomerID)
		}
		return nil
	}
	if cur, ok := s.dkeys.List.Step(msg, dl.cur, len(dl.rows), s.listHeight()); ok {
		dl.cur = cur
		dl.top = common.Clamp(dl.top, max(0, dl.cur-s.listHeight()+1), dl.cur)
	}
	return nil
}

// listHeight is the rows the list shows under its title.
func (s *Model) listHeight() int { return max(0, s.h-1) }

// drillView draws the list: its title and count, then the rows.
func (s *Model) drillView() []string {
	st := s.c.Styles
	dl := s.drill
	head := dl.title
	switch {
	case dl.loading:
		head += s.c.P.T(" · loading…")
	case dl.err == nil:
		head += fmt.Sprintf(" · %d", len(dl.rows))
		if len(dl.rows) >= db.DrillLimit() {
			head += s.c.P.T(" (the first %d)", db.DrillLimit())
		}
	}
	lines := []string{st.Section.Title.Render(common.Truncate(head, s.w))}
	if dl.err != nil {
		return append(lines, st.App.StatusError.Render(common.Truncate(s.c.ErrorText(dl.err), s.w)))
	}
	if !dl.loading && len(dl.rows) == 0 {
		return append(lines, st.Item.Dim.Render("  "+s.c.P.T("nothing to list")))
	}
	// The window keeps the cursor in view at this height too (a resize).
	h := s.listHeight()
	top := common.Clamp(dl.top, max(0, dl.cur-h+1), dl.cur)
	for i := top; i < min(len(dl.rows), top+h); i++ {
		text := rowText(s.c.P, dl.rows[i])
		if i == dl.cur {
			lines = append(lines, st.Table.Selected.Render(common.Truncate(common.MarkSelected+" "+text, s.w)))
		} else {
			lines = append(lines, common.Truncate("  "+text, s.w))
		}
	}
	return lines
}

// noteText says a drill row's note (db.DrillRow.Note, written in English:
// "reached Proposal", "no reason given", "at risk", "watch") in p's
// language; a stage name or a lost reason stays as stored.
func noteText(p *i18n.Printer, note string) string {
	switch note {
	case "no reason given":
		return p.T("no reason given")
	case "at risk":
		return p.T("at risk")
	case "watch":
		return p.T("watch")
	}
	if stage, ok := strings.CutPrefix(note, "reached "); ok {
		return p.T("reached %s", stage)
	}
	return note
}

// rowText is one row of the list: customer, deal, why it counts.
func rowText(p *i18n.Printer, r db.DrillRow) string {
	parts := []string{common.Clean(r.Customer)}
	if r.DealID != 0 {
		parts = append(parts, common.Clean(r.Deal))
	}
	note := noteText(p, common.Clean(r.Note))
	if len(r.Reasons) > 0 {
		words := make([]string, len(r.Reasons))
		for i, c := range r.Reasons {
			words[i] = common.Clean(reportview.ReasonWordsIn(p, c))
		}
		note += p.T(": %s", strings.Join(words, p.T(", ")))
	}
	return strings.Join(append(parts, note), " · ")
}
