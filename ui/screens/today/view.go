package today

import (
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/ui/common"
)

// View draws the visible part of the sections.
func (t *Model) View() string {
	s := t.c.Styles
	switch {
	case t.err != nil:
		return common.Frame([]string{s.App.StatusError.Render(t.c.ErrorText(t.err))}, t.w, t.h)
	case !t.loaded:
		return common.Frame([]string{s.Table.Loading.Render(t.c.P.T("Loading today's triage…"))}, t.w, t.h)
	}
	h := t.h
	var promptLines []string
	if t.prompt != nil {
		promptLines = t.prompt.View(t.w)
		h -= len(promptLines)
	}
	out := make([]string, 0, t.h)
	for i := t.top; i < len(t.lines) && len(out) < h; i++ {
		l := t.lines[i]
		switch {
		case l.title != "":
			out = append(out, s.Section.Title.Render(common.Truncate(l.title, t.w)))
		case l.more != "":
			out = append(out, s.Section.Empty.Render(common.Truncate("  "+l.more, t.w)))
		default:
			out = append(out, t.rowView(l.row))
		}
	}
	for len(out) < h {
		out = append(out, "")
	}
	out = append(out, promptLines...)
	return common.Frame(out, t.w, t.h)
}

// rowView renders row i: marker, flag, a fixed label column, the customer
// and the rest (title, reason, deal).
func (t *Model) rowView(i int) string {
	s, p := t.c.Styles, t.c.P
	r := t.rows[i]
	var flag, label, who, rest string
	var st lipgloss.Style
	switch r.kind {
	case rowOverdue:
		f := t.tr.Overdue[r.idx]
		flag, label, who, rest, st = common.MarkOverdue, p.T("%dd overdue", f.DaysOverdue), f.Customer, common.RuleMade(p, f.Title, f.Rule), s.Item.Overdue
		if f.DaysOverdue == 0 {
			label = p.T("overdue %s", f.DueTime)
		}
	case rowDueToday:
		f := t.tr.DueToday[r.idx]
		flag, label, who, rest, st = "·", strings.TrimSpace(p.T("today %s", f.DueTime)), f.Customer, common.RuleMade(p, f.Title, f.Rule), s.Item.Today
	case rowAtRisk:
		a := t.tr.AtRisk[r.idx]
		flag, label, who, st = common.MarkAtRisk, p.T("risk %d", a.Score), a.Customer, s.RiskStyle(a.Level)
		if len(a.Reasons) > 0 {
			rest = topReason(a.Reasons).TextIn(p, t.c.Today())
		}
	case rowRotting:
		d := t.tr.Rotting[r.idx]
		flag, label, who, st = common.MarkRotting, p.T("%dd stuck", d.DaysInStage), d.Customer, s.Item.Rotting
		rest = p.T("%q in %s · %s", common.Clean(d.Title), common.Clean(d.Stage), common.MoneyShortIn(p, d.ValueMinor, d.Currency))
	case rowTouch:
		c := t.tr.TouchDue[r.idx]
		flag, label, who, st = string(c.Tier), p.T("%dd/%dd", c.DaysSinceContact, c.CadenceDays), c.Customer, s.Item.Dim
		rest = p.T("no contact for %s d (every %s d for tier %s)", common.Thousands(c.DaysSinceContact), common.Thousands(c.CadenceDays), c.Tier)
		if c.OwnCadence {
			rest = p.T("no contact for %s d (own cadence %s d)", common.Thousands(c.DaysSinceContact), common.Thousands(c.CadenceDays))
		}
	case rowCare:
		it := t.care.Items[r.idx]
		flag, label, who, rest, st = common.MarkCare, t.careLabel(it), it.Customer, it.What(t.c.P)+" · "+it.Day(t.c.P), s.Item.Today
	}
	// Column widths: the label fits "120d overdue"; the customer gets a
	// quarter of the line, and the rest what remains.
	const labelW = 12
	whoW := common.Clamp(t.w/4, 8, 28)
	mark := "  "
	if i == t.cursor {
		mark = common.MarkSelected + " "
	}
	restW := t.w - 2 - 2 - labelW - 1 - whoW - 1
	if i == t.cursor {
		line := mark + flag + " " + common.Cell(label, labelW) + " " + common.Cell(common.Clean(who), whoW) + " " + common.Cell(common.Clean(rest), max(0, restW))
		return s.Table.Selected.Render(common.Truncate(line, t.w))
	}
	line := mark + st.Render(flag+" "+common.Cell(label, labelW)) + " " + s.Item.Name.Render(common.Cell(common.Clean(who), whoW)) + " " + common.Truncate(common.Clean(rest), max(0, restW))
	return line
}

// topReason is the reason with the most points (the first on a tie).
func topReason(rs []model.Reason) model.Reason {
	best := rs[0]
	for _, r := range rs[1:] {
		if r.Points > best.Points {
			best = r
		}
	}
	return best
}

// careLabel is a Care row's label column: "today", "tomorrow", "in 3 d".
func (t *Model) careLabel(it db.CareItem) string {
	switch it.InDays {
	case 0:
		return t.c.P.T("today")
	case 1:
		return t.c.P.T("tomorrow")
	}
	return t.c.P.T("in %d d", it.InDays)
}
