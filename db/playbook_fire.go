package db

import (
	"context"
	"database/sql"
	"errors"
	"sort"

	"github.com/rapportcrm/rapport/model"
)

// ruleEvent is something a command did that a playbook rule may answer.
type ruleEvent struct {
	event    model.PlaybookEvent
	customer int64
	deal     int64
	stage    int64 // the stage a deal entered (deal_stage)
}

// notice queues an event for the rules; they fire when the command's
// function has run, before the transaction commits, so they see the
// command's final state (a new customer's tags) and one undo removes the
// command and what its rules scheduled.
func (t *Tx) notice(ev model.PlaybookEvent, customer, deal, stage int64) {
	t.events = append(t.events, ruleEvent{event: ev, customer: customer, deal: deal, stage: stage})
}

// settle fires the queued events' rules, recomputes the stats of every
// customer the command touched, then fires the at-risk rules for those of
// them the command made at risk (and recomputes the few that got a
// follow-up).
func (t *Tx) settle() error {
	if err := t.fireEvents(); err != nil {
		return err
	}
	ids, all := t.touchedIDs()
	if !all && len(ids) == 0 {
		return nil
	}
	var rules []model.Playbook
	var before map[int64]bool
	if !t.quiet {
		var err error
		if rules, err = enabledPlaybooks(t.ctx, t.tx, model.EventAtRisk); err != nil {
			return err
		}
		if len(rules) > 0 && !all {
			if before, err = t.riskBefore(ids); err != nil {
				return err
			}
		}
	}
	if err := t.d.recomputeStats(t.ctx, t.tx, idsOrAll(ids, all), t.now); err != nil {
		return err
	}
	if len(rules) == 0 {
		return nil
	}
	t.touched, t.all = map[int64]struct{}{}, false
	var err error
	if all {
		_, err = t.fireAtRisk(nil)
	} else {
		err = t.fireBecameAtRisk(rules, ids, before)
	}
	if err != nil {
		return err
	}
	if ids, all = t.touchedIDs(); all || len(ids) > 0 {
		return t.d.recomputeStats(t.ctx, t.tx, idsOrAll(ids, all), t.now)
	}
	return nil
}

func idsOrAll(ids []int64, all bool) []int64 {
	if all {
		return nil
	}
	return ids
}

// touchedIDs returns the touched customers in id order, or all.
func (t *Tx) touchedIDs() ([]int64, bool) {
	if t.all {
		return nil, true
	}
	ids := make([]int64, 0, len(t.touched))
	for id := range t.touched {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	return ids, false
}

// fireEvents runs the enabled rules of each queued event in order. The
// follow-ups they make raise no events of their own.
func (t *Tx) fireEvents() error {
	evs := t.events
	t.events = nil
	rules := map[model.PlaybookEvent][]model.Playbook{}
	for _, e := range evs {
		rs, ok := rules[e.event]
		if !ok {
			var err error
			if rs, err = enabledPlaybooks(t.ctx, t.tx, e.event); err != nil {
				return err
			}
			rules[e.event] = rs
		}
		for i := range rs {
			if rs[i].Event == model.EventDealStage && rs[i].StageID != e.stage {
				continue
			}
			if _, err := t.fireRule(&rs[i], e.customer, e.deal); err != nil {
				return err
			}
		}
	}
	return nil
}

// fireRule schedules rule r's follow-up for a customer (and the deal
// involved) and reports whether it made one. It makes none for an archived
// or churned customer, one outside the rule's tier or tag, or one that
// already has an open follow-up of this rule (of this deal, for a deal rule).
func (t *Tx) fireRule(r *model.Playbook, customer, deal int64) (bool, error) {
	var tier, lifecycle string
	var archived bool
	err := t.queryRow(`SELECT tier, lifecycle, archived_at IS NOT NULL FROM customers WHERE id = ?`, []any{customer}, &tier, &lifecycle, &archived)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	if archived || model.Lifecycle(lifecycle) == model.Churned {
		return false, nil
	}
	var tags []string
	if r.Tag != "" {
		var n int
		if err := t.queryRow(`SELECT count(*) FROM customer_tags ct JOIN tags g ON g.id = ct.tag_id
			WHERE ct.customer_id = ? AND g.name = ? COLLATE NOCASE`, []any{customer, r.Tag}, &n); err != nil {
			return false, err
		}
		if n > 0 {
			tags = []string{r.Tag}
		}
	}
	if !r.Matches(model.Tier(tier), tags) {
		return false, nil
	}
	if deal != 0 {
		var live bool
		if err := t.queryRow(`SELECT count(*) > 0 FROM deals WHERE id = ? AND customer_id = ? AND archived_at IS NULL`, []any{deal, customer}, &live); err != nil {
			return false, err
		}
		if !live {
			deal = 0
		}
	}
	open := `SELECT EXISTS (SELECT 1 FROM followups INDEXED BY followups_playbook
		WHERE playbook_id = ? AND customer_id = ? AND done_at IS NULL AND archived_at IS NULL`
	args := []any{r.ID, customer}
	if r.Event.AboutDeal() && deal != 0 {
		open += ` AND deal_id = ?`
		args = append(args, deal)
	}
	var stacked bool
	if err := t.queryRow(open+`)`, args, &stacked); err != nil {
		return false, err
	}
	if stacked {
		return false, nil
	}
	due, at := r.Due(t.now)
	f := model.Followup{CustomerID: customer, DealID: deal, Title: r.Title, Due: due, DueTime: at, PlaybookID: r.ID}
	if err := f.Validate(); err != nil {
		return false, err
	}
	// The customer and the deal were checked above (CreateFollowup would
	// read them again).
	id, err := t.Insert("followups", []string{"customer_id", "deal_id", "title", "due_date", "due_time", "playbook_id"},
		[]any{f.CustomerID, nullInt(f.DealID), f.Title, f.Due.String(), nullStr(f.DueTime), f.PlaybookID})
	if err != nil {
		return false, err
	}
	t.noteScheduled(r, id, &f)
	t.Touch(customer)
	return true, nil
}

// setMark records that a time-based rule fired (or was seen to be due) for
// a customer today, for an episode; journaled in a user command.
func (t *Tx) setMark(rule, customer int64, episode string) error {
	var before *string
	var err error
	if t.desc != "" {
		if before, err = t.image("playbook_marks", rule, customer); err != nil {
			return err
		}
	}
	if _, err := t.exec(`INSERT INTO playbook_marks (playbook_id, customer_id, episode, fired_on) VALUES (?, ?, ?, ?)
		ON CONFLICT (playbook_id, customer_id) DO UPDATE SET episode = excluded.episode, fired_on = excluded.fired_on`,
		rule, customer, episode, t.Today().String()); err != nil {
		return err
	}
	if t.desc == "" {
		return nil
	}
	after, err := t.image("playbook_marks", rule, customer)
	if err != nil {
		return err
	}
	return t.journal("playbook_marks", rule, before, after)
}

// scopeClause limits a customer_stats query to ids (nil: every customer).
func scopeClause(ids []int64, col string) (string, []any) {
	if ids == nil {
		return "", nil
	}
	return ` AND ` + col + ` IN (SELECT value FROM json_each(?))`, []any{idsJSON(ids)}
}

// fireAtRisk fires the at-risk rules for the customers (of ids; nil: all)
// who are at risk and have not been since the rule last fired for them, and
// forgets the customers who are no longer at risk, so the next time they
// become at risk counts again. It returns the follow-ups it made.
func (t *Tx) fireAtRisk(ids []int64) (int, error) {
	if ids != nil && len(ids) == 0 {
		return 0, nil
	}
	rules, err := enabledPlaybooks(t.ctx, t.tx, model.EventAtRisk)
	if err != nil || len(rules) == 0 {
		return 0, err
	}
	made := 0
	for i := range rules {
		r := &rules[i]
		scope, args := scopeClause(ids, "m.customer_id")
		left, err := queryIDs(t.ctx, t.tx, `SELECT m.customer_id FROM playbook_marks m WHERE m.playbook_id = ?`+scope+`
			AND NOT EXISTS (SELECT 1 FROM customer_stats s WHERE s.customer_id = m.customer_id AND s.risk_level = 'at_risk' AND s.active = 1)`,
			append([]any{r.ID}, args...)...)
		if err != nil {
			return made, err
		}
		for _, id := range left {
			if err := t.Delete("playbook_marks", r.ID, id); err != nil {
				return made, err
			}
		}
		scope, args = scopeClause(ids, "s.customer_id")
		due, err := queryIDs(t.ctx, t.tx, `SELECT s.customer_id FROM customer_stats s INDEXED BY customer_stats_at_risk
			WHERE s.risk_level = 'at_risk' AND s.active = 1`+scope+`
			AND NOT EXISTS (SELECT 1 FROM playbook_marks m WHERE m.playbook_id = ? AND m.customer_id = s.customer_id)`,
			append(args, r.ID)...)
		if err != nil {
			return made, err
		}
		for _, id := range due {
			ok, err := t.fireRule(r, id, 0)
			if err != nil {
				return made, err
			}
			if ok {
				made++
			}
			if err := t.setMark(r.ID, id, "at_risk"); err != nil {
				return made, err
			}
		}
	}
	return made, nil
}

// riskBefore reads, for the customers of ids that have a stats row,
// whether they are at risk before the command's recompute.
func (t *Tx) riskBefore(ids []int64) (map[int64]bool, error) {
	rows, err := t.tx.QueryContext(t.ctx, `SELECT customer_id, risk_level = 'at_risk' AND active = 1 FROM customer_stats
		WHERE customer_id IN (SELECT value FROM json_each(?))`, idsJSON(ids))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := make(map[int64]bool, len(ids))
	for rows.Next() {
		var id int64
		var at bool
		if err := rows.Scan(&id, &at); err != nil {
			return nil, err
		}
		out[id] = at
	}
	return out, rows.Err()
}

// fireBecameAtRisk fires the at-risk rules for the customers of ids the
// command moved into at_risk; one that arrived at risk (added or imported
// by the command) is marked as seen without a follow-up, and one no longer
// at risk ends its episode.
func (t *Tx) fireBecameAtRisk(rules []model.Playbook, ids []int64, before map[int64]bool) error {
	now, err := queryIDs(t.ctx, t.tx, `SELECT customer_id FROM customer_stats INDEXED BY customer_stats_at_risk
		WHERE risk_level = 'at_risk' AND active = 1 AND customer_id IN (SELECT value FROM json_each(?))`, idsJSON(ids))
	if err != nil {
		return err
	}
	atRisk := make(map[int64]bool, len(now))
	for _, id := range now {
		atRisk[id] = true
	}
	for i := range rules {
		r := &rules[i]
		marked, err := queryIDs(t.ctx, t.tx, `SELECT customer_id FROM playbook_marks WHERE playbook_id = ? AND customer_id IN (SELECT value FROM json_each(?))`,
			r.ID, idsJSON(ids))
		if err != nil {
			return err
		}
		seen := make(map[int64]bool, len(marked))
		for _, id := range marked {
			seen[id] = true
			if !atRisk[id] {
				if err := t.Delete("playbook_marks", r.ID, id); err != nil {
					return err
				}
			}
		}
		for _, id := range now {
			was, existed := before[id]
			switch {
			case seen[id] || (existed && was):
				// Its episode is known, or it was at risk before this command (Refresh's part).
				continue
			case existed:
				if _, err := t.fireRule(r, id, 0); err != nil {
					return err
				}
			}
			if err := t.setMark(r.ID, id, "at_risk"); err != nil {
				return err
			}
		}
	}
	return nil
}

// startRulesFromNow marks what the time-based rules would fire for in a
// book just loaded in bulk (the demo, a restore) as seen: its history did
// not happen while the rules watched.
func startRulesFromNow(ctx context.Context, q Querier, today model.Day) error {
	for _, ev := range []model.PlaybookEvent{model.EventAtRisk, model.EventUnanswered} {
		rules, err := enabledPlaybooks(ctx, q, ev)
		if err != nil {
			return err
		}
		for _, r := range rules {
			if err := markPresent(ctx, q, r.ID, ev, today); err != nil {
				return err
			}
		}
	}
	return nil
}

// noticeInteraction queues the events an interaction raises: the
// customer's first contact, a complaint, low feedback.
func (t *Tx) noticeInteraction(i *model.Interaction) error {
	if i.Direction != model.Internal && i.Kind != model.KindNote {
		var earlier bool
		if err := t.tx.QueryRowContext(t.ctx, `SELECT EXISTS (SELECT 1 FROM interactions WHERE customer_id = ? AND id <> ?
			AND direction <> 'internal' AND kind <> 'note' AND archived_at IS NULL)`, i.CustomerID, i.ID).Scan(&earlier); err != nil {
			return err
		}
		if !earlier {
			t.notice(model.EventFirstContact, i.CustomerID, i.DealID, 0)
		}
	}
	switch {
	case i.Kind == model.KindComplaint:
		t.notice(model.EventComplaint, i.CustomerID, i.DealID, 0)
	case i.Kind == model.KindFeedback && i.Score >= 0 && i.Score <= model.LowFeedbackScore:
		t.notice(model.EventLowFeedback, i.CustomerID, i.DealID, 0)
	}
	return nil
}

// noticeDeal queues the events of a deal entering a stage: the stage
// itself, and won or lost by the stage's kind.
func (t *Tx) noticeDeal(customer, deal, stage int64, kind model.StageKind) {
	t.notice(model.EventDealStage, customer, deal, stage)
	switch kind {
	case model.StageWon:
		t.notice(model.EventDealWon, customer, deal, stage)
	case model.StageLost:
		t.notice(model.EventDealLost, customer, deal, stage)
	}
}
