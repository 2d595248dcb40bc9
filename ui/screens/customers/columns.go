package customers

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/model/i18n"
	"github.com/rapportcrm/rapport/ui/common"
)

// column is one column of the customer table.
type column struct {
	title string
	width int // minimum, then the width given by fitColumns
	max   int // flexible columns grow up to max, then up to max2; 0 = fixed
	max2  int
	drop  int  // order of dropping when narrow: higher drops first; 0 = never
	right bool // right-aligned
	// render returns the cell's plain text and an optional style.
	render func(r *db.CustomerRow, today model.Day, s *common.Styles, p *i18n.Printer) (string, *lipgloss.Style)
}

// customerColumns lists the table's columns in display order (SPEC §4).
func customerColumns() []column {
	return []column{
		{title: "Name", width: 12, max: 22, max2: 34, render: func(r *db.CustomerRow, _ model.Day, s *common.Styles, p *i18n.Printer) (string, *lipgloss.Style) {
			return common.Clean(r.Name), &s.Item.Name
		}},
		{title: "Company", width: 10, max: 18, max2: 30, drop: 7, render: func(r *db.CustomerRow, _ model.Day, _ *common.Styles, p *i18n.Printer) (string, *lipgloss.Style) {
			return common.Clean(r.Company), nil
		}},
		{title: "Tier", width: 4, drop: 4, render: func(r *db.CustomerRow, _ model.Day, _ *common.Styles, p *i18n.Printer) (string, *lipgloss.Style) {
			return string(r.Tier), nil
		}},
		{title: "Status", width: 8, drop: 8, render: func(r *db.CustomerRow, _ model.Day, s *common.Styles, p *i18n.Printer) (string, *lipgloss.Style) {
			if r.Archived {
				return p.T("archived"), &s.Item.Dim
			}
			if r.Status == model.ActivityAtRisk {
				return p.T("at risk"), &s.Item.AtRisk
			}
			return statusText(p, r.Status), &s.Item.Dim
		}},
		{title: "Contacted", width: 9, drop: 3, render: func(r *db.CustomerRow, today model.Day, _ *common.Styles, p *i18n.Printer) (string, *lipgloss.Style) {
			return common.AgoIn(p, r.LastContact, today), nil
		}},
		{title: "Next", width: 12, drop: 2, render: func(r *db.CustomerRow, today model.Day, s *common.Styles, p *i18n.Printer) (string, *lipgloss.Style) {
			if r.NextOverdue && r.Archived {
				// Nothing is overdue on an archived customer: the date only.
				return p.T("due %s", common.AgoIn(p, r.NextDue, today)), &s.Item.Dim
			}
			if r.NextOverdue {
				n := int(today - r.NextDue)
				if n >= 100 {
					return common.MarkOverdue + p.T("%dmo overdue", n/30), &s.Item.Overdue
				}
				if n == 0 {
					return common.MarkOverdue + p.T("overdue %s", r.NextTime), &s.Item.Overdue
				}
				return common.MarkOverdue + p.T("%dd overdue", n), &s.Item.Overdue
			}
			return common.DueIn(p, r.NextDue, today), nil
		}},
		{title: "Pipeline", width: 8, drop: 5, right: true, render: func(r *db.CustomerRow, _ model.Day, _ *common.Styles, p *i18n.Printer) (string, *lipgloss.Style) {
			return common.MoneyShortIn(p, r.OpenPipeline, r.Currency), nil
		}},
		{title: "Risk", width: 5, drop: 1, right: true, render: func(r *db.CustomerRow, _ model.Day, s *common.Styles, p *i18n.Printer) (string, *lipgloss.Style) {
			st := s.RiskStyle(r.RiskLevel)
			if r.RiskLevel == model.LevelAtRisk {
				return fmt.Sprintf("%s %d", common.MarkAtRisk, r.RiskScore), &st
			}
			return fmt.Sprint(r.RiskScore), &st
		}},
	}
}

// columnTitle says a column's title (its English, column.title) in p's
// language: one message for every title, so each keeps its meaning here
// (Pipeline is the open deals' value, 商机金额, not the tab).
func columnTitle(p *i18n.Printer, title string) string {
	return i18n.Pick(p.T("Name|Company|Tier|Status|Contacted|Next|Pipeline|Risk|Deals|Email|Phone|Tags"),
		[]string{"Name", "Company", "Tier", "Status", "Contacted", "Next", "Pipeline", "Risk", "Deals", "Email", "Phone", "Tags"}, title)
}

// statusText says an activity status (model.ActivityActive, …) in p's
// language; a status it does not know is shown as stored.
func statusText(p *i18n.Printer, status string) string {
	w := i18n.Pick(p.T("active|dormant|at_risk|churned"), []string{model.ActivityActive, model.ActivityDormant, model.ActivityAtRisk, model.ActivityChurned}, status)
	return common.Clean(strings.ReplaceAll(w, "_", " "))
}

// wideColumns are shown only on wide terminals, once the name and company
// have all the room they use: more columns, not wider ones.
func wideColumns() []column {
	return []column{
		{title: "Deals", width: 5, right: true, render: func(r *db.CustomerRow, _ model.Day, s *common.Styles, p *i18n.Printer) (string, *lipgloss.Style) {
			if r.OpenDeals == 0 {
				return "—", &s.Item.Dim
			}
			return common.Thousands(r.OpenDeals), nil
		}},
		{title: "Tags", width: 12, max: 30, render: func(r *db.CustomerRow, _ model.Day, s *common.Styles, p *i18n.Printer) (string, *lipgloss.Style) {
			return tagsText(r.Tags), &s.Item.Dim
		}},
		{title: "Email", width: 24, max: 34, render: func(r *db.CustomerRow, _ model.Day, _ *common.Styles, p *i18n.Printer) (string, *lipgloss.Style) {
			return common.Clean(r.Email), nil
		}},
		{title: "Phone", width: 15, max: 20, render: func(r *db.CustomerRow, _ model.Day, _ *common.Styles, p *i18n.Printer) (string, *lipgloss.Style) {
			return common.Clean(r.Phone), nil
		}},
	}
}

// tagsText is the Tags cell: each tag as the filter names it (#vip).
func tagsText(tags []string) string {
	out := ""
	for i, t := range tags {
		if i > 0 {
			out += " "
		}
		out += "#" + common.Clean(t)
	}
	return out
}

// fitColumns picks the columns that fit in w cells (a 2-cell marker and one
// space between columns), dropping the least important first, then spreads
// the spare width over the flexible ones (name before company).
func fitColumns(w int) []column {
	cols := customerColumns()
	need := func() int {
		n := 2
		for _, c := range cols {
			n += c.width + 1
		}
		return n - 1
	}
	for need() > w {
		worst := -1
		for i, c := range cols {
			if c.drop > 0 && (worst < 0 || c.drop > cols[worst].drop) {
				worst = i
			}
		}
		if worst < 0 {
			break
		}
		cols = append(cols[:worst], cols[worst+1:]...)
	}
	spare := w - need()
	// Two rounds, so a wide terminal shows more of the company too before
	// the name takes everything.
	for round := 0; round < 2; round++ {
		for i := range cols {
			limit := cols[i].max
			if round == 1 {
				limit = cols[i].max2
			}
			if limit == 0 || spare <= 0 || cols[i].width >= limit {
				continue
			}
			grow := min(spare, limit-cols[i].width)
			cols[i].width += grow
			spare -= grow
		}
	}
	// Room left over: the wide columns, each while it fits, then they grow.
	if len(cols) == len(customerColumns()) {
		for _, c := range wideColumns() {
			if spare >= c.width+1 {
				cols = append(cols, c)
				spare -= c.width + 1
			}
		}
		for i := range cols {
			if i < len(customerColumns()) || cols[i].max == 0 || spare <= 0 {
				continue
			}
			grow := min(spare, cols[i].max-cols[i].width)
			cols[i].width += grow
			spare -= grow
		}
	}
	if spare < 0 && len(cols) > 0 {
		// Even the name alone does not fit: shrink it to what is left.
		cols[0].width = max(1, cols[0].width+spare)
	}
	return cols
}
