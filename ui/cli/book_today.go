package cli

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/model/i18n"
)

// todayJSON is the exact shape of `rapport today --json` (SPEC §5).
type todayJSON struct {
	Today    string          `json:"today"`
	Counts   todayCountsJSON `json:"counts"`
	Overdue  []followupJSON  `json:"overdue"`
	DueToday []followupJSON  `json:"due_today"`
	AtRisk   []riskJSON      `json:"at_risk"`
	Rotting  []rottingJSON   `json:"rotting"`
	TouchDue []touchJSON     `json:"touch_due"`
}

type todayCountsJSON struct {
	Overdue  int `json:"overdue"`
	DueToday int `json:"due_today"`
	AtRisk   int `json:"at_risk"`
	Rotting  int `json:"rotting"`
	TouchDue int `json:"touch_due"`
}

type followupJSON struct {
	FollowupID  int64   `json:"followup_id"`
	CustomerID  int64   `json:"customer_id"`
	Customer    string  `json:"customer"`
	Title       string  `json:"title"`
	Due         string  `json:"due"`
	DueTime     *string `json:"due_time"`
	DaysOverdue int     `json:"days_overdue"`
}

type reasonJSON struct {
	Code   string `json:"code"`
	Points int    `json:"points"`
	Text   string `json:"text"`
}

type riskJSON struct {
	CustomerID int64        `json:"customer_id"`
	Customer   string       `json:"customer"`
	Score      int          `json:"score"`
	Level      string       `json:"level"`
	Reasons    []reasonJSON `json:"reasons"`
}

type rottingJSON struct {
	DealID      int64  `json:"deal_id"`
	CustomerID  int64  `json:"customer_id"`
	Customer    string `json:"customer"`
	Title       string `json:"title"`
	Stage       string `json:"stage"`
	DaysInStage int    `json:"days_in_stage"`
}

type touchJSON struct {
	CustomerID       int64  `json:"customer_id"`
	Customer         string `json:"customer"`
	Tier             string `json:"tier"`
	DaysSinceContact int    `json:"days_since_contact"`
	CadenceDays      int    `json:"cadence_days"`
}

func reasonsJSON(rs []model.Reason) []reasonJSON {
	out := make([]reasonJSON, 0, len(rs))
	for _, r := range rs {
		out = append(out, reasonJSON{Code: r.Code, Points: r.Points, Text: clean(r.Text)})
	}
	return out
}

func followupsJSON(items []db.FollowupItem) []followupJSON {
	out := make([]followupJSON, 0, len(items))
	for _, f := range items {
		out = append(out, followupJSON{FollowupID: f.FollowupID, CustomerID: f.CustomerID, Customer: clean(f.Customer),
			Title: clean(f.Title), Due: f.Due.String(), DueTime: strOrNull(f.DueTime), DaysOverdue: f.DaysOverdue})
	}
	return out
}

// triageJSON converts a triage to the SPEC §5 shape; every array is [] when empty.
func triageJSON(tr db.Triage) todayJSON {
	out := todayJSON{
		Today: tr.Today.String(),
		Counts: todayCountsJSON{Overdue: tr.Counts.Overdue, DueToday: tr.Counts.DueToday, AtRisk: tr.Counts.AtRisk,
			Rotting: tr.Counts.Rotting, TouchDue: tr.Counts.TouchDue},
		Overdue:  followupsJSON(tr.Overdue),
		DueToday: followupsJSON(tr.DueToday),
		AtRisk:   make([]riskJSON, 0, len(tr.AtRisk)),
		Rotting:  make([]rottingJSON, 0, len(tr.Rotting)),
		TouchDue: make([]touchJSON, 0, len(tr.TouchDue)),
	}
	for _, r := range tr.AtRisk {
		out.AtRisk = append(out.AtRisk, riskJSON{CustomerID: r.CustomerID, Customer: clean(r.Customer), Score: r.Score,
			Level: string(r.Level), Reasons: reasonsJSON(r.Reasons)})
	}
	for _, r := range tr.Rotting {
		out.Rotting = append(out.Rotting, rottingJSON{DealID: r.DealID, CustomerID: r.CustomerID, Customer: clean(r.Customer),
			Title: clean(r.Title), Stage: clean(r.Stage), DaysInStage: r.DaysInStage})
	}
	for _, r := range tr.TouchDue {
		out.TouchDue = append(out.TouchDue, touchJSON{CustomerID: r.CustomerID, Customer: clean(r.Customer), Tier: string(r.Tier),
			DaysSinceContact: r.DaysSinceContact, CadenceDays: r.CadenceDays})
	}
	return out
}

func runToday(e *Env, args []string) int {
	c := newCommand(e, "today [--json] [--exit-code]", `The launch triage, as the app's Today screen shows it: overdue follow-ups,
follow-ups due today, customers at risk (with their top reason), rotting deals
and customers due for a touch, then Care (birthdays, anniversaries and
holidays coming; rapport care --json has its rows). The text lists the first 25 rows of each
section (--all for every row); --json always lists every row.

--exit-code exits 3 when any follow-up is overdue (for cron and notifiers).`)
	asJSON := c.boolean("json", "print the SPEC §5 JSON shape")
	exitCode := c.boolean("exit-code", "exit 3 when anything is overdue")
	all := c.boolean("all", "list every row in the text output")
	if _, code, done := c.parse(args, 0, 0); done {
		return code
	}
	b, err := openRisk(e)
	if err != nil {
		return fail(e, "today", err)
	}
	defer b.Close()
	limit := todayTextRows
	if *asJSON || *all {
		limit = 0
	}
	tr, err := b.Triage(e.Ctx, limit)
	if err != nil {
		return fail(e, "today", err)
	}
	if *asJSON {
		// The SPEC §5 shape, exactly: the Care rows are in rapport care --json.
		if err := printJSON(e.Stdout, triageJSON(tr)); err != nil {
			return fail(e, "today", err)
		}
	} else {
		printTriage(e.Stdout, e.P(), tr)
		cl, err := b.Care(e.Ctx, limit)
		if err != nil {
			return fail(e, "today", err)
		}
		printCare(e.Stdout, e.P(), cl)
	}
	if *exitCode && tr.Counts.Overdue > 0 {
		return ExitOverdue
	}
	return ExitOK
}

// printTriage renders the triage as text in p's language: the summary
// line, then the five sections in the app's order.
func printTriage(w io.Writer, p *i18n.Printer, tr db.Triage) {
	fmt.Fprintf(w, "%s — %s\n", dayHeader(p, tr.Today), countsSummary(p, tr.Counts))
	shown := 0
	section := func(title string, n int) {
		fmt.Fprintf(w, "\n%s\n", p.T("%s (%d)", p.T(title), n))
		if n == 0 {
			fmt.Fprintln(w, "  "+p.T("none"))
		}
	}
	more := func(n int) {
		if n > shown {
			fmt.Fprintln(w, "  "+p.T("… and %d more (rapport today --all)", n-shown))
		}
	}
	followups := func(items []db.FollowupItem, overdue bool) {
		t := newTable(w)
		for _, f := range items {
			when := f.Due.String()
			if f.DueTime != "" {
				when += " " + f.DueTime
			}
			if overdue {
				when = p.T("! %dd overdue (due %s)", f.DaysOverdue, when)
				if f.DaysOverdue == 0 {
					when = p.T("! overdue (due %s)", f.DueTime)
				}
			} else if f.DueTime != "" {
				when = p.T("at %s", f.DueTime)
			} else {
				when = p.T("today")
			}
			t.row("  #"+strconv.FormatInt(f.FollowupID, 10), truncate(clean(f.Customer), 30), truncate(clean(f.Title), 50), when)
		}
		t.flush()
	}
	section(i18n.N("Overdue follow-ups"), tr.Counts.Overdue)
	followups(tr.Overdue, true)
	shown = len(tr.Overdue)
	more(tr.Counts.Overdue)
	section(i18n.N("Due today"), tr.Counts.DueToday)
	followups(tr.DueToday, false)
	shown = len(tr.DueToday)
	more(tr.Counts.DueToday)

	section(i18n.N("At risk customers"), tr.Counts.AtRisk)
	t := newTable(w)
	for _, r := range tr.AtRisk {
		top := ""
		if best, ok := topReason(r.Reasons); ok {
			top = p.T("%s (+%d)", clean(reasonText(p, best, tr.Today)), best.Points)
		}
		t.row("  ⚠ #"+strconv.FormatInt(r.CustomerID, 10), truncate(clean(r.Customer), 30), strconv.Itoa(r.Score), top)
	}
	t.flush()
	shown = len(tr.AtRisk)
	more(tr.Counts.AtRisk)

	section(i18n.N("Rotting deals"), tr.Counts.Rotting)
	t = newTable(w)
	for _, r := range tr.Rotting {
		t.row("  "+p.T("deal #%d", r.DealID), truncate(clean(r.Title), 40), truncate(clean(r.Customer), 30),
			p.T("%s %dd", clean(r.Stage), r.DaysInStage), money(r.ValueMinor, r.Currency))
	}
	t.flush()
	shown = len(tr.Rotting)
	more(tr.Counts.Rotting)

	section(i18n.N("Due for a touch"), tr.Counts.TouchDue)
	t = newTable(w)
	for _, r := range tr.TouchDue {
		t.row("  #"+strconv.FormatInt(r.CustomerID, 10), truncate(clean(r.Customer), 30), p.T("tier %s", string(r.Tier)),
			p.T("%dd since contact (every %dd)", r.DaysSinceContact, r.CadenceDays))
	}
	t.flush()
	shown = len(tr.TouchDue)
	more(tr.Counts.TouchDue)
}

// dayHeader is the day of the triage: "Fri 2026-11-20", "2026-11-20 周五".
func dayHeader(p *i18n.Printer, d model.Day) string {
	if p.Zh() {
		return d.String() + " " + model.WeekdayIn(p, d.Weekday())
	}
	return model.WeekdayIn(p, d.Weekday()) + " " + d.String()
}

// countsSummary is the launch summary line in p's language ("3 overdue ·
// 2 due today · …", in English exactly as db.TriageCounts.Summary says it;
// the keys are the app's launch summary's).
func countsSummary(p *i18n.Printer, c db.TriageCounts) string {
	g := func(n int) string { return model.GroupThousands(int64(n)) }
	parts := []string{p.T("%s overdue", g(c.Overdue)), p.T("%s due today", g(c.DueToday)), p.T("%s at risk", g(c.AtRisk)),
		p.T("%[2]s rotting deals", c.Rotting, g(c.Rotting))}
	if c.TouchDue > 0 {
		parts = append(parts, p.T("%s to touch", g(c.TouchDue)))
	}
	return strings.Join(parts, " · ")
}

// reasonText is a risk reason in p's language: the stored text in English
// (as JSON says it; the refresh before reading keeps it current), rendered
// from its code and parameters in Chinese.
func reasonText(p *i18n.Printer, r model.Reason, today model.Day) string {
	if !p.Zh() {
		return r.Text
	}
	return r.TextIn(p, today)
}

// todayTextRows is how many rows of each section the text of `today` shows.
const todayTextRows = 25

// topReason is the reason with the most points (the first of equals).
func topReason(rs []model.Reason) (model.Reason, bool) {
	if len(rs) == 0 {
		return model.Reason{}, false
	}
	best := rs[0]
	for _, r := range rs[1:] {
		if r.Points > best.Points {
			best = r
		}
	}
	return best, true
}
