package db

import (
	"context"
	"fmt"
	"strings"

	"github.com/rapportcrm/rapport/model"
)

// FollowupItem is an open follow-up on the Today screen.
type FollowupItem struct {
	FollowupID  int64
	CustomerID  int64
	DealID      int64
	Customer    string
	Title       string
	Due         model.Day
	DueTime     string
	DaysOverdue int
	RuleID      int64  // the playbook rule that made it, 0 = the user's own
	Rule        string // that rule's name
}

// RiskItem is an at-risk customer on the Today screen.
type RiskItem struct {
	CustomerID       int64
	Customer         string
	Score            int
	Level            model.Level
	Reasons          []model.Reason
	DaysSinceContact int
}

// RottingItem is a rotting deal on the Today screen.
type RottingItem struct {
	DealID      int64
	CustomerID  int64
	Customer    string
	Title       string
	Stage       string
	DaysInStage int
	ValueMinor  int64
	Currency    string
}

// TouchItem is a customer due for a touch.
type TouchItem struct {
	CustomerID       int64
	Customer         string
	Tier             model.Tier
	DaysSinceContact int
	CadenceDays      int
	// OwnCadence is set when the cadence is the customer's own, not the
	// tier's.
	OwnCadence bool
}

// TriageCounts are the numbers of the launch summary.
type TriageCounts struct {
	Overdue  int
	DueToday int
	AtRisk   int
	Rotting  int
	TouchDue int
}

// Summary renders the one-line launch summary ("3 overdue · 2 due today · 5 at risk · 1 rotting deal").
func (c TriageCounts) Summary() string {
	parts := []string{
		group(c.Overdue) + " overdue",
		group(c.DueToday) + " due today",
		group(c.AtRisk) + " at risk",
		plural(c.Rotting, "rotting deal", "rotting deals"),
	}
	if c.TouchDue > 0 {
		parts = append(parts, group(c.TouchDue)+" to touch")
	}
	return strings.Join(parts, " · ")
}

// Any reports whether any count that makes the app open on Today is non-zero.
func (c TriageCounts) Any() bool {
	return c.Overdue+c.DueToday+c.AtRisk+c.Rotting > 0
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return group(n) + " " + many
}

// group renders a count with thousands separators ("4,729").
func group(n int) string { return model.GroupThousands(int64(n)) }

// Triage is the answer to the first question of a sales day.
type Triage struct {
	Today    model.Day
	Counts   TriageCounts
	Overdue  []FollowupItem
	DueToday []FollowupItem
	AtRisk   []RiskItem
	Rotting  []RottingItem
	TouchDue []TouchItem
}

// TriageCountsOnly is the limit that makes Triage read the counts alone
// (the first frame of the app needs nothing else).
const TriageCountsOnly = -1

// Triage reads the launch triage from materialised stats (call Refresh
// first). limit caps each section's rows (0 = all, TriageCountsOnly = no
// rows); counts are always whole.
// It never aggregates over interactions.
func (d *DB) Triage(ctx context.Context, limit int) (Triage, error) {
	now := d.now()
	today := model.DayOf(now)
	tr := Triage{Today: today}
	set, err := loadSettings(ctx, d.r)
	if err != nil {
		return tr, err
	}
	hhmm := now.Format("15:04")
	lim := ""
	if limit > 0 {
		lim = fmt.Sprintf(" LIMIT %d", limit)
	}
	ts := today.String()
	atRisk := set.Points.AtRiskThreshold
	if atRisk <= 0 {
		atRisk = 50
	}
	// Counts come from indexed customer_stats columns kept exact by every
	// write and by Refresh (call it first); only today's timed follow-ups
	// are looked at one by one.
	counts := `SELECT
		(SELECT coalesce(sum(overdue_followups), 0) FROM customer_stats WHERE live = 1 AND overdue_followups > 0),
		(SELECT coalesce(sum(due_today_followups), 0) FROM customer_stats WHERE live = 1 AND due_today_followups > 0),
		(SELECT count(*) FROM followups f INDEXED BY followups_open_timed JOIN customers c ON c.id = f.customer_id
			WHERE f.done_at IS NULL AND f.archived_at IS NULL AND f.due_time IS NOT NULL AND c.archived_at IS NULL
			AND f.due_date = ?1 AND f.due_time < ?2),
		(SELECT count(*) FROM customer_stats WHERE active = 1 AND risk_score >= ?3),
		(SELECT coalesce(sum(rotting_deals), 0) FROM customer_stats WHERE live = 1 AND rotting_deals > 0),
		(SELECT count(*) FROM customer_stats WHERE active = 1 AND touch_due_on IS NOT NULL AND touch_due_on <= ?1)`
	var timedPassed int
	c := &tr.Counts
	if err := d.r.QueryRowContext(ctx, counts, ts, hhmm, atRisk).Scan(&c.Overdue, &c.DueToday, &timedPassed, &c.AtRisk, &c.Rotting, &c.TouchDue); err != nil {
		return tr, err
	}
	// A follow-up due today at a time that has passed is overdue.
	c.Overdue += timedPassed
	c.DueToday -= timedPassed
	if limit == TriageCountsOnly {
		return tr, nil
	}
	fq := `SELECT f.id, f.customer_id, coalesce(f.deal_id, 0), c.name, f.title, f.due_date, coalesce(f.due_time, ''),
		coalesce(f.playbook_id, 0), coalesce(p.name, '')
		FROM followups f JOIN customers c ON c.id = f.customer_id LEFT JOIN playbooks p ON p.id = f.playbook_id
		WHERE f.done_at IS NULL AND f.archived_at IS NULL AND c.archived_at IS NULL AND `
	if tr.Overdue, err = d.followupItems(ctx, today, fq+`(f.due_date < ?1 OR (f.due_date = ?1 AND f.due_time IS NOT NULL AND f.due_time < ?2))
		ORDER BY f.due_date, f.due_time, f.id`+lim, ts, hhmm); err != nil {
		return tr, err
	}
	// Due today: timed ones by time, then the rest — two index-ordered
	// reads, so a page never sorts the whole day.
	timed, err := d.followupItems(ctx, today, fq+`f.due_date = ?1 AND f.due_time IS NOT NULL AND f.due_time >= ?2
		ORDER BY f.due_date, f.due_time, f.id`+lim, ts, hhmm)
	if err != nil {
		return tr, err
	}
	untimed, err := d.followupItems(ctx, today, fq+`f.due_date = ?1 AND f.due_time IS NULL ORDER BY f.due_date, f.due_time, f.id`+lim, ts)
	if err != nil {
		return tr, err
	}
	tr.DueToday = append(timed, untimed...)
	if limit > 0 && len(tr.DueToday) > limit {
		tr.DueToday = tr.DueToday[:limit]
	}
	if tr.AtRisk, err = d.riskItems(ctx, today, `WHERE s.active = 1 AND s.risk_score >= ?1
		ORDER BY s.risk_score DESC, s.last_contact_day ASC, s.customer_id`+lim, atRisk); err != nil {
		return tr, err
	}
	rows, err := d.r.QueryContext(ctx, `SELECT d.id, d.customer_id, c.name, d.title, s.name, ds.stage_since, d.value_minor, d.currency
		FROM deal_stats ds INDEXED BY deal_stats_rot_since CROSS JOIN deals d ON d.id = ds.deal_id JOIN customers c ON c.id = d.customer_id JOIN stages s ON s.id = d.stage_id
		WHERE ds.rot_on IS NOT NULL AND ds.rot_on <= ?1 AND d.status = 'open' AND d.archived_at IS NULL AND c.archived_at IS NULL
		ORDER BY ds.stage_since, d.id`+lim, ts)
	if err != nil {
		return tr, err
	}
	for rows.Next() {
		var r RottingItem
		var since model.Day
		if err := scanRow(rows, "deal_stats", &r.DealID, &r.CustomerID, &r.Customer, &r.Title, &r.Stage, &since, &r.ValueMinor, &r.Currency); err != nil {
			rows.Close()
			return tr, err
		}
		if !since.IsZero() {
			r.DaysInStage = int(today - since)
		}
		tr.Rotting = append(tr.Rotting, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return tr, err
	}
	rows, err = d.r.QueryContext(ctx, `SELECT s.customer_id, c.name, s.tier, s.last_contact_day, s.touch_due_on, coalesce(c.cadence_days, 0) > 0
		FROM customer_stats s INDEXED BY customer_stats_touch_tier JOIN customers c ON c.id = s.customer_id
		WHERE s.active = 1 AND s.touch_due_on IS NOT NULL AND s.touch_due_on <= ?1
		ORDER BY s.active, s.tier, s.touch_due_on, s.customer_id`+lim, ts)
	if err != nil {
		return tr, err
	}
	defer rows.Close()
	for rows.Next() {
		var r TouchItem
		var last, due model.Day
		if err := scanRow(rows, "customer_stats", &r.CustomerID, &r.Customer, &r.Tier, &last, &due, &r.OwnCadence); err != nil {
			return tr, err
		}
		r.DaysSinceContact = int(today - last)
		r.CadenceDays = int(due - last)
		tr.TouchDue = append(tr.TouchDue, r)
	}
	return tr, rows.Err()
}

func (d *DB) followupItems(ctx context.Context, today model.Day, q string, args ...any) ([]FollowupItem, error) {
	rows, err := d.r.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []FollowupItem
	for rows.Next() {
		var f FollowupItem
		if err := scanRow(rows, "followups", &f.FollowupID, &f.CustomerID, &f.DealID, &f.Customer, &f.Title, &f.Due, &f.DueTime, &f.RuleID, &f.Rule); err != nil {
			return nil, err
		}
		if f.Due < today {
			f.DaysOverdue = int(today - f.Due)
		}
		out = append(out, f)
	}
	return out, rows.Err()
}

func (d *DB) riskItems(ctx context.Context, today model.Day, tail string, args ...any) ([]RiskItem, error) {
	rows, err := d.r.QueryContext(ctx, `SELECT s.customer_id, c.name, s.risk_score, s.risk_level, s.risk_reasons, s.last_contact_day
		FROM customer_stats s JOIN customers c ON c.id = s.customer_id `+tail, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []RiskItem
	for rows.Next() {
		var r RiskItem
		var reasons string
		var last model.Day
		if err := scanRow(rows, "customer_stats", &r.CustomerID, &r.Customer, &r.Score, &r.Level, &reasons, &last); err != nil {
			return nil, err
		}
		r.Reasons = decodeReasons(reasons, today)
		if !last.IsZero() {
			r.DaysSinceContact = int(today - last)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}
