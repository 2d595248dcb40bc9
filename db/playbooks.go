package db

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/model/i18n"
)

// playbooksVersion is the migration that brings playbooks; its Go step
// writes the default rules.
const playbooksVersion = 7

// playbookRow reads playbook rules.
var playbookRow = rowShape[model.Playbook]{
	table: "playbooks",
	cols: `id, name, practice, event, event_days, coalesce(stage_id, 0), tier, tag, title, after_days, after_hours,
	coalesce(at_time, ''), enabled, holidays, created_at, updated_at, coalesce(archived_at, 0), version`,
	dest: func(p *model.Playbook) []any {
		return []any{&p.ID, &p.Name, &p.Practice, &p.Event, &p.EventDays, &p.StageID, &p.Tier, &p.Tag, &p.Title, &p.AfterDays, &p.AfterHours,
			&p.AtTime, &p.Enabled, &p.Holidays, &p.CreatedAt, &p.UpdatedAt, &p.ArchivedAt, &p.Version}
	},
}

func playbookValues(p *model.Playbook) ([]string, []any) {
	return []string{"name", "practice", "event", "event_days", "stage_id", "tier", "tag", "title", "after_days", "after_hours", "at_time", "enabled", "holidays"},
		[]any{p.Name, p.Practice, string(p.Event), p.EventDays, nullInt(p.StageID), string(p.Tier), p.Tag, p.Title, p.AfterDays, p.AfterHours,
			nullStr(p.AtTime), boolInt(p.Enabled), p.Holidays}
}

// seedPlaybooks writes the default rules (migration 0007, so new books and
// upgraded ones both get them). In a book that already has customers the
// time-based rules start from today: customers at risk or unanswered now
// are marked as seen, so the upgrade does not schedule them all at once.
func seedPlaybooks(ctx context.Context, q Querier, now time.Time, locale string) error {
	ts := now.Unix()
	today := model.DayOf(now)
	for _, p := range model.DefaultPlaybooks(locale) {
		cols, vals := playbookValues(&p)
		cols = append(cols, "created_at", "updated_at")
		vals = append(vals, ts, ts)
		res, err := q.ExecContext(ctx, "INSERT INTO playbooks ("+strings.Join(cols, ", ")+") VALUES ("+placeholders(len(cols))+")", vals...)
		if err != nil {
			return err
		}
		id, err := res.LastInsertId()
		if err != nil {
			return err
		}
		if err := markPresent(ctx, q, id, p.Event, today); err != nil {
			return err
		}
	}
	return nil
}

// markPresent marks the customers a new at_risk or unanswered rule would
// fire for today as already seen: a rule acts on what happens from its
// creation on, like an event rule.
func markPresent(ctx context.Context, q Querier, id int64, ev model.PlaybookEvent, today model.Day) error {
	switch ev {
	case model.EventAtRisk:
		_, err := q.ExecContext(ctx, `INSERT OR IGNORE INTO playbook_marks (playbook_id, customer_id, episode, fired_on)
			SELECT ?, customer_id, 'at_risk', ? FROM customer_stats WHERE risk_level = 'at_risk' AND active = 1`, id, today.String())
		return err
	case model.EventUnanswered:
		_, err := q.ExecContext(ctx, `INSERT OR IGNORE INTO playbook_marks (playbook_id, customer_id, episode, fired_on)
			SELECT ?, customer_id, coalesce(last_contact_day, ''), ? FROM customer_stats WHERE unanswered_streak > 0 AND active = 1`, id, today.String())
		return err
	}
	return nil
}

// Playbooks returns the book's live rules in the order they were made.
func (d *DB) Playbooks(ctx context.Context) ([]model.Playbook, error) {
	return playbookRow.all(ctx, d.r, `WHERE archived_at IS NULL ORDER BY id`)
}

func enabledPlaybooks(ctx context.Context, q Querier, ev model.PlaybookEvent) ([]model.Playbook, error) {
	return playbookRow.all(ctx, q, `WHERE archived_at IS NULL AND enabled = 1 AND event = ? ORDER BY id`, string(ev))
}

// FindPlaybook finds a live rule by id ("3", "#3") or name (exact, then
// case-insensitive, then a unique prefix).
func (d *DB) FindPlaybook(ctx context.Context, ref string) (model.Playbook, error) {
	return findPlaybook(ctx, d.r, ref)
}

func findPlaybook(ctx context.Context, q Querier, ref string) (model.Playbook, error) {
	ref = strings.TrimSpace(ref)
	all, err := playbookRow.all(ctx, q, `WHERE archived_at IS NULL ORDER BY id`)
	if err != nil {
		return model.Playbook{}, err
	}
	if id, err := strconv.ParseInt(strings.TrimPrefix(ref, "#"), 10, 64); err == nil {
		for _, p := range all {
			if p.ID == id {
				return p, nil
			}
		}
	}
	for _, p := range all {
		if p.Name == ref {
			return p, nil
		}
	}
	var fold, prefix []model.Playbook
	for _, p := range all {
		if strings.EqualFold(p.Name, ref) {
			fold = append(fold, p)
		}
		if ref != "" && strings.HasPrefix(strings.ToLower(p.Name), strings.ToLower(ref)) {
			prefix = append(prefix, p)
		}
	}
	if len(fold) == 1 {
		return fold[0], nil
	}
	if len(prefix) == 1 {
		return prefix[0], nil
	}
	if len(prefix) > 1 {
		names := make([]string, len(prefix))
		for i, p := range prefix {
			names[i] = fmt.Sprintf("#%d %s", p.ID, p.Name)
		}
		return model.Playbook{}, model.Invalid("playbook", "%q names several rules (%s): give the id", ref, strings.Join(names, ", "))
	}
	return model.Playbook{}, i18n.Errorf("playbook %q (see rapport playbook list): %w", ref, model.ErrNotFound)
}

// checkPlaybook validates a rule against the book: its stage exists and is
// open, and no other live rule has its name.
func (t *Tx) checkPlaybook(p *model.Playbook) error {
	p.Name, p.Title, p.Tag = strings.TrimSpace(p.Name), strings.TrimSpace(p.Title), strings.TrimSpace(p.Tag)
	if err := p.Validate(); err != nil {
		return err
	}
	if p.StageID != 0 {
		stages, err := listStages(t.ctx, t.tx)
		if err != nil {
			return err
		}
		if _, ok := stageByID(stages, p.StageID); !ok {
			return model.Invalid("stage", "stage %d does not exist (see rapport stages)", p.StageID)
		}
	}
	var clash int64
	err := t.tx.QueryRowContext(t.ctx, `SELECT id FROM playbooks WHERE name = ? COLLATE NOCASE AND archived_at IS NULL AND id <> ?`, p.Name, p.ID).Scan(&clash)
	if err == nil {
		return model.Invalid("name", "a rule named %q exists already (#%d): choose another name or edit that one", p.Name, clash)
	}
	return nil
}

// CreatePlaybook adds a rule as one command and returns its id.
func (d *DB) CreatePlaybook(ctx context.Context, p *model.Playbook) (int64, error) {
	err := d.Write(ctx, "add playbook "+model.Sanitize(p.Name), func(t *Tx) error {
		if err := t.checkPlaybook(p); err != nil {
			return err
		}
		cols, vals := playbookValues(p)
		id, err := t.Insert("playbooks", cols, vals)
		if err != nil {
			return err
		}
		p.ID = id
		if p.Enabled {
			return t.markPresent(p)
		}
		return nil
	})
	return p.ID, err
}

// markPresent is markPresent journaled row by row, for a rule made by a
// user command (undo removes the marks with the rule).
func (t *Tx) markPresent(p *model.Playbook) error {
	var query string
	switch p.Event {
	case model.EventAtRisk:
		query = `SELECT customer_id, 'at_risk' FROM customer_stats INDEXED BY customer_stats_at_risk WHERE risk_level = 'at_risk' AND active = 1`
	case model.EventUnanswered:
		query = `SELECT customer_id, coalesce(last_contact_day, '') FROM customer_stats INDEXED BY customer_stats_unanswered WHERE unanswered_streak > 0 AND active = 1`
	default:
		return nil
	}
	rows, err := t.tx.QueryContext(t.ctx, query)
	if err != nil {
		return err
	}
	type mark struct {
		id      int64
		episode string
	}
	var ms []mark
	for rows.Next() {
		var m mark
		if err := rows.Scan(&m.id, &m.episode); err != nil {
			rows.Close()
			return err
		}
		ms = append(ms, m)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, m := range ms {
		if err := t.setMark(p.ID, m.id, m.episode); err != nil {
			return err
		}
	}
	return nil
}

// UpdatePlaybook saves an edited rule (checking its version) as one command.
func (d *DB) UpdatePlaybook(ctx context.Context, p *model.Playbook) error {
	return d.Write(ctx, "edit playbook "+model.Sanitize(p.Name), func(t *Tx) error {
		if err := t.checkPlaybook(p); err != nil {
			return err
		}
		cols, vals := playbookValues(p)
		return t.Update("playbooks", p.ID, p.Version, cols, vals)
	})
}

// SetPlaybookEnabled switches a rule on or off as one command.
func (d *DB) SetPlaybookEnabled(ctx context.Context, id int64, on bool) (model.Playbook, error) {
	var out model.Playbook
	desc := "switch off playbook"
	if on {
		desc = "switch on playbook"
	}
	err := d.Write(ctx, desc, func(t *Tx) error {
		p, err := playbookRow.one(t.ctx, t.tx, "playbook", id, " AND archived_at IS NULL")
		if err != nil {
			return err
		}
		t.Describe(fmt.Sprintf("%s %q", desc, model.Sanitize(p.Name)))
		if p.Enabled == on && on {
			return model.Invalid("playbook", "%q is already on", p.Name)
		}
		if p.Enabled == on {
			return model.Invalid("playbook", "%q is already off", p.Name)
		}
		p.Enabled = on
		if err := t.Update("playbooks", p.ID, 0, []string{"enabled"}, []any{boolInt(on)}); err != nil {
			return err
		}
		out, err = playbookRow.one(t.ctx, t.tx, "playbook", id, "")
		return err
	})
	return out, err
}

// RemovePlaybook archives a rule as one command (undo or `restore playbook`
// brings it back). The follow-ups it made stay, still naming it.
func (d *DB) RemovePlaybook(ctx context.Context, id int64) error {
	return d.Write(ctx, "remove playbook", func(t *Tx) error {
		p, err := playbookRow.one(t.ctx, t.tx, "playbook", id, " AND archived_at IS NULL")
		if err != nil {
			return err
		}
		t.Describe(fmt.Sprintf("remove playbook %q", model.Sanitize(p.Name)))
		return t.Update("playbooks", id, 0, []string{"archived_at"}, []any{t.now.Unix()})
	})
}

// PlaybookNames returns the names of rules by id, archived ones included
// (a follow-up keeps naming the rule that made it).
func (d *DB) PlaybookNames(ctx context.Context) (map[int64]string, error) {
	rows, err := d.r.QueryContext(ctx, `SELECT id, name FROM playbooks`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]string{}
	for rows.Next() {
		var id int64
		var name string
		if err := rows.Scan(&id, &name); err != nil {
			return nil, err
		}
		out[id] = model.Sanitize(name)
	}
	return out, rows.Err()
}

// PlaybookStat is what a rule did in a window: follow-ups made, and of
// them done, done on time (by the due day, and time when it has one), and
// still open.
type PlaybookStat struct {
	Made     int `json:"made"`
	Done     int `json:"done"`
	OnTime   int `json:"on_time"`
	StillDue int `json:"open"`
}

// PlaybookStats counts, per rule, the follow-ups it made in the days up to
// today (today included), from the rule index of follow-ups.
func (d *DB) PlaybookStats(ctx context.Context, days int) (map[int64]PlaybookStat, error) {
	now := d.now()
	loc := now.Location()
	from := model.DayOf(now).AddDays(-(days - 1)).In(loc).Unix()
	rows, err := d.r.QueryContext(ctx, `SELECT playbook_id, due_date, coalesce(due_time, ''), coalesce(done_at, 0)
		FROM followups INDEXED BY followups_playbook_made WHERE playbook_id IS NOT NULL AND created_at >= ? AND archived_at IS NULL`, from)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]PlaybookStat{}
	for rows.Next() {
		var id int64
		var due model.Day
		var dueTime string
		var doneAt int64
		if err := rows.Scan(&id, &due, &dueTime, &doneAt); err != nil {
			return nil, err
		}
		s := out[id]
		s.Made++
		switch {
		case doneAt == 0:
			s.StillDue++
		default:
			s.Done++
			if doneOnTime(doneAt, due, dueTime, loc) {
				s.OnTime++
			}
		}
		out[id] = s
	}
	return out, rows.Err()
}

// doneOnTime reports whether a follow-up done at doneAt was done by its due
// day (and by its time, when it has one), in the book's zone.
func doneOnTime(doneAt int64, due model.Day, dueTime string, loc *time.Location) bool {
	at := time.Unix(doneAt, 0).In(loc)
	day := model.DayOf(at)
	if day != due {
		return day < due
	}
	return dueTime == "" || at.Format("15:04") <= dueTime
}

// followupRules names the rules that made any of fs, by id (sanitised).
func (d *DB) followupRules(ctx context.Context, fs []model.Followup) (map[int64]string, error) {
	out := map[int64]string{}
	for _, f := range fs {
		if f.PlaybookID == 0 {
			continue
		}
		if _, ok := out[f.PlaybookID]; ok {
			continue
		}
		var name string
		if err := d.r.QueryRowContext(ctx, `SELECT name FROM playbooks WHERE id = ?`, f.PlaybookID).Scan(&name); err != nil {
			return nil, err
		}
		out[f.PlaybookID] = model.Sanitize(name)
	}
	return out, nil
}
