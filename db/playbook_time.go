package db

import (
	"strings"

	"github.com/rapportcrm/rapport/model"
)

// PlaybookRun counts what the time-based rules did in one refresh.
type PlaybookRun struct {
	AtRisk     int // win-back follow-ups made for customers who became at risk
	Unanswered int // follow-ups made for outreaches unanswered N days
	Every      int // recurring revisits made
	Holiday    int // greetings scheduled ahead of a holiday
}

// fireTimeRules runs the time-based rules from Refresh: at-risk always (a
// row the refresh re-scored may have crossed into at_risk), unanswered and
// every N days once a day. Each is one pass over a partial index of
// customer_stats (the at-risk rows, the unanswered rows, one tier's live
// rows) joined to the rule's marks by key.
func (t *Tx) fireTimeRules(newDay bool) (PlaybookRun, error) {
	var run PlaybookRun
	var err error
	if run.AtRisk, err = t.fireAtRisk(nil); err != nil || !newDay {
		return run, err
	}
	if run.Unanswered, err = t.fireUnanswered(); err != nil {
		return run, err
	}
	if run.Every, err = t.fireEvery(); err != nil {
		return run, err
	}
	run.Holiday, err = t.fireHoliday()
	return run, err
}

// fireHoliday fires the holiday rules: from N days before each holiday of
// the book's list that a rule greets for, up to the day before it, every
// live customer of the rule's tier or tag gets the greeting follow-up once
// for that year's holiday (the episode is the holiday's name and date, so
// a refresh missed on the first of those days still greets).
func (t *Tx) fireHoliday() (int, error) {
	rules, err := enabledPlaybooks(t.ctx, t.tx, model.EventHoliday)
	if err != nil || len(rules) == 0 {
		return 0, err
	}
	hs, err := holidays(t.ctx, t.tx)
	if err != nil {
		return 0, err
	}
	today := t.Today()
	made := 0
	for i := range rules {
		r := &rules[i]
		for _, h := range hs {
			on := h.Next(today)
			if !r.GreetsFor(h.Name) || int(on-today) > r.EventDays || on == today {
				continue
			}
			episode := "holiday:" + h.Name + ":" + on.String()
			ids, err := t.holidayCustomers(r, episode)
			if err != nil {
				return made, err
			}
			for _, id := range ids {
				ok, err := t.fireRule(r, id, 0)
				if err != nil {
					return made, err
				}
				if ok {
					made++
				}
				if err := t.setMark(r.ID, id, episode); err != nil {
					return made, err
				}
			}
		}
	}
	return made, nil
}

// holidayCustomers are the live customers of rule r's tier (or tag; every
// live customer when it names neither) it has not greeted for episode.
func (t *Tx) holidayCustomers(r *model.Playbook, episode string) ([]int64, error) {
	// ?1 is the rule, ?2 the episode; ?3 the tier or tag.
	query := `SELECT s.customer_id FROM customer_stats s WHERE s.active = 1`
	args := []any{r.ID, episode}
	switch {
	case r.Tier != "":
		query = `SELECT s.customer_id FROM customer_stats s INDEXED BY customer_stats_tier_live
			WHERE s.active = 1 AND s.tier = ?3`
		args = append(args, string(r.Tier))
	case strings.TrimSpace(r.Tag) != "":
		query = `SELECT s.customer_id FROM tags g JOIN customer_tags ct ON ct.tag_id = g.id
			JOIN customer_stats s ON s.customer_id = ct.customer_id
			WHERE g.name = ?3 COLLATE NOCASE AND s.active = 1`
		args = append(args, r.Tag)
	}
	query += ` AND NOT EXISTS (SELECT 1 FROM playbook_marks m WHERE m.playbook_id = ?1 AND m.customer_id = s.customer_id AND m.episode = ?2)`
	rows, err := t.tx.QueryContext(t.ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// fireUnanswered fires the unanswered rules: a customer whose latest
// outreach went unanswered (streak > 0) with no contact of any kind for the
// rule's N days, once per outreach (the episode is the last contact's day).
func (t *Tx) fireUnanswered() (int, error) {
	rules, err := enabledPlaybooks(t.ctx, t.tx, model.EventUnanswered)
	if err != nil || len(rules) == 0 {
		return 0, err
	}
	made := 0
	for i := range rules {
		r := &rules[i]
		rows, err := t.tx.QueryContext(t.ctx, `SELECT s.customer_id, s.last_contact_day FROM customer_stats s INDEXED BY customer_stats_unanswered
			WHERE s.unanswered_streak > 0 AND s.active = 1 AND s.last_contact_day <= ?
			AND NOT EXISTS (SELECT 1 FROM playbook_marks m WHERE m.playbook_id = ? AND m.customer_id = s.customer_id AND m.episode = s.last_contact_day)`,
			t.Today().AddDays(-r.EventDays).String(), r.ID)
		if err != nil {
			return made, err
		}
		type due struct {
			id      int64
			episode string
		}
		var ds []due
		for rows.Next() {
			var d due
			if err := rows.Scan(&d.id, &d.episode); err != nil {
				rows.Close()
				return made, err
			}
			ds = append(ds, d)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return made, err
		}
		for _, d := range ds {
			ok, err := t.fireRule(r, d.id, 0)
			if err != nil {
				return made, err
			}
			if ok {
				made++
			}
			if err := t.setMark(r.ID, d.id, d.episode); err != nil {
				return made, err
			}
		}
	}
	return made, nil
}

// fireEvery fires the every-N-days rules: a live customer of the rule's
// tier (or tag) is due N days after the rule last fired for it; one it
// never fired for is due in a first round spread over the rule's first N
// days (model.Playbook.FirstRoundDue).
func (t *Tx) fireEvery() (int, error) {
	rules, err := enabledPlaybooks(t.ctx, t.tx, model.EventEvery)
	if err != nil || len(rules) == 0 {
		return 0, err
	}
	today := t.Today()
	made := 0
	for i := range rules {
		r := &rules[i]
		query := `SELECT s.customer_id, coalesce(m.fired_on, '') FROM customer_stats s INDEXED BY customer_stats_tier_live
			LEFT JOIN playbook_marks m ON m.playbook_id = ?1 AND m.customer_id = s.customer_id
			WHERE s.active = 1 AND s.tier = ?2`
		args := []any{r.ID, string(r.Tier)}
		if r.Tier == "" {
			query = `SELECT s.customer_id, coalesce(m.fired_on, '') FROM tags g JOIN customer_tags ct ON ct.tag_id = g.id
				JOIN customer_stats s ON s.customer_id = ct.customer_id
				LEFT JOIN playbook_marks m ON m.playbook_id = ?1 AND m.customer_id = s.customer_id
				WHERE g.name = ?2 COLLATE NOCASE AND s.active = 1`
			args = []any{r.ID, r.Tag}
		}
		rows, err := t.tx.QueryContext(t.ctx, query, args...)
		if err != nil {
			return made, err
		}
		ruleDay := model.DayOfUnix(r.CreatedAt, t.now.Location())
		last := today.AddDays(-r.EventDays)
		var ds []int64
		for rows.Next() {
			var id int64
			var fired string
			if err := rows.Scan(&id, &fired); err != nil {
				rows.Close()
				return made, err
			}
			if fired == "" {
				if r.FirstRoundDue(id, ruleDay, today) {
					ds = append(ds, id)
				}
				continue
			}
			if fired <= last.String() {
				ds = append(ds, id)
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return made, err
		}
		for _, id := range ds {
			ok, err := t.fireRule(r, id, 0)
			if err != nil {
				return made, err
			}
			if ok {
				made++
			}
			if err := t.setMark(r.ID, id, ""); err != nil {
				return made, err
			}
		}
	}
	return made, nil
}
