package db

import (
	"context"
	"fmt"
	"sort"
	"time"

	"github.com/rapportcrm/rapport/model"
)

// DryRunDays is how far back `playbook add --dry-run` looks.
const DryRunDays = 30

// DryRunItem is one follow-up a rule would have scheduled.
type DryRunItem struct {
	At         int64 // when the event happened (unix)
	CustomerID int64
	Customer   string
	DealID     int64
	Title      string
	Due        model.Day
	DueTime    string
}

// PlaybookDryRun returns what rule p would have scheduled over the last
// DryRunDays days had it existed, from the book's history: at most one
// follow-up per customer (per deal for a deal rule), as if none was done in
// the window, for customers who are live and match its tier and tag today.
// The book keeps no history of risk levels, so an at_risk rule lists the
// customers at risk today. It writes nothing.
func (d *DB) PlaybookDryRun(ctx context.Context, p model.Playbook) ([]DryRunItem, error) {
	if err := p.Validate(); err != nil {
		return nil, err
	}
	now := d.now()
	loc := now.Location()
	today := model.DayOf(now)
	from := today.AddDays(-(DryRunDays - 1)).In(loc).Unix()
	n := int64(p.EventDays) * 86400
	contact := `direction <> 'internal' AND kind <> 'note' AND archived_at IS NULL`
	var query string
	args := []any{from}
	switch p.Event {
	case model.EventCustomerAdded:
		query = `SELECT created_at, id, 0 FROM customers WHERE created_at >= ?`
	case model.EventFirstContact:
		query = `SELECT min(occurred_at) AS m, customer_id, 0 FROM interactions WHERE ` + contact + ` GROUP BY customer_id HAVING m >= ?`
	case model.EventDealStage:
		query = `SELECT h.changed_at, dl.customer_id, h.deal_id FROM deal_stage_history h JOIN deals dl ON dl.id = h.deal_id
			WHERE h.changed_at >= ? AND h.to_stage_id = ? AND dl.archived_at IS NULL`
		args = append(args, p.StageID)
	case model.EventDealWon, model.EventDealLost:
		kind := "won"
		if p.Event == model.EventDealLost {
			kind = "lost"
		}
		query = `SELECT h.changed_at, dl.customer_id, h.deal_id FROM deal_stage_history h JOIN deals dl ON dl.id = h.deal_id
			JOIN stages s ON s.id = h.to_stage_id WHERE h.changed_at >= ? AND s.kind = ? AND dl.archived_at IS NULL`
		args = append(args, kind)
	case model.EventOrder:
		query = `SELECT ordered_at, customer_id, coalesce(deal_id, 0) FROM orders WHERE ordered_at >= ? AND archived_at IS NULL`
	case model.EventComplaint:
		query = `SELECT occurred_at, customer_id, coalesce(deal_id, 0) FROM interactions WHERE occurred_at >= ? AND kind = 'complaint' AND archived_at IS NULL`
	case model.EventLowFeedback:
		query = fmt.Sprintf(`SELECT occurred_at, customer_id, coalesce(deal_id, 0) FROM interactions WHERE occurred_at >= ? AND kind = 'feedback'
			AND score BETWEEN 0 AND %d AND archived_at IS NULL`, model.LowFeedbackScore)
	case model.EventUnanswered:
		// An outreach with no reply and no contact for N days fires N days on.
		query = `SELECT i.occurred_at + ?2, i.customer_id, 0 FROM interactions i
			WHERE i.occurred_at >= ?1 - ?2 AND i.occurred_at <= ?3 - ?2 AND i.direction = 'outbound' AND i.outcome = 'no_reply' AND i.archived_at IS NULL
			AND NOT EXISTS (SELECT 1 FROM interactions j WHERE j.customer_id = i.customer_id AND j.occurred_at > i.occurred_at
				AND j.occurred_at <= i.occurred_at + ?2 AND j.` + contact + `)`
		args = []any{from, n, now.Unix()}
	case model.EventAtRisk:
		query = `SELECT ?, customer_id, 0 FROM customer_stats INDEXED BY customer_stats_at_risk WHERE risk_level = 'at_risk' AND active = 1`
		args = []any{now.Unix()}
	case model.EventEvery:
		// As if made DryRunDays ago: the first round's days inside the window.
		query = `SELECT 0, customer_id, 0 FROM customer_stats WHERE active = 1 AND (?1 = '' OR tier = ?1)`
		args = []any{string(p.Tier)}
	case model.EventHoliday:
		// The greeting day (N days before) of each holiday it greets for
		// that fell in the window; every live customer of the tier then.
		hs, err := d.Holidays(ctx)
		if err != nil {
			return nil, err
		}
		start := today.AddDays(-(DryRunDays - 1))
		greet := int64(0)
		for _, h := range hs {
			on := h.Next(start.AddDays(p.EventDays))
			if g := on.AddDays(-p.EventDays); p.GreetsFor(h.Name) && g <= today && greet == 0 {
				greet = g.In(loc).Add(9 * time.Hour).Unix()
			}
		}
		if greet == 0 {
			return nil, nil
		}
		query = `SELECT ?2, customer_id, 0 FROM customer_stats WHERE active = 1 AND (?1 = '' OR tier = ?1)`
		args = []any{string(p.Tier), greet}
	}
	rows, err := d.r.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	type hit struct{ at, customer, deal int64 }
	var hits []hit
	for rows.Next() {
		var h hit
		if err := rows.Scan(&h.at, &h.customer, &h.deal); err != nil {
			rows.Close()
			return nil, err
		}
		if p.Event == model.EventEvery {
			start := today.AddDays(-(DryRunDays - 1))
			day := start.AddDays(int(h.customer % int64(p.EventDays)))
			if day > today {
				continue
			}
			h.at = day.In(loc).Add(9 * time.Hour).Unix()
		}
		if h.at > now.Unix() {
			continue
		}
		hits = append(hits, h)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	sort.SliceStable(hits, func(i, j int) bool { return hits[i].at < hits[j].at })
	seen := map[[2]int64]bool{}
	var out []DryRunItem
	for _, h := range hits {
		key := [2]int64{h.customer, 0}
		if p.Event.AboutDeal() {
			key[1] = h.deal
		}
		if seen[key] {
			continue
		}
		ok, name, err := d.ruleApplies(ctx, &p, h.customer)
		if err != nil {
			return nil, err
		}
		if !ok {
			continue
		}
		seen[key] = true
		due, at := p.Due(time.Unix(h.at, 0).In(loc))
		out = append(out, DryRunItem{At: h.at, CustomerID: h.customer, Customer: name, DealID: h.deal, Title: p.Title, Due: due, DueTime: at})
	}
	return out, nil
}

// ruleApplies reports whether rule p applies to a customer as the book is
// now (live, not churned, the rule's tier and tag), with its name.
func (d *DB) ruleApplies(ctx context.Context, p *model.Playbook, customer int64) (bool, string, error) {
	var name, tier, lifecycle string
	var archived bool
	if err := d.r.QueryRowContext(ctx, `SELECT name, tier, lifecycle, archived_at IS NOT NULL FROM customers WHERE id = ?`, customer).
		Scan(&name, &tier, &lifecycle, &archived); err != nil {
		return false, "", err
	}
	if archived || model.Lifecycle(lifecycle) == model.Churned {
		return false, "", nil
	}
	var tags []string
	if p.Tag != "" {
		var err error
		if tags, err = d.CustomerTags(ctx, customer); err != nil {
			return false, "", err
		}
	}
	return p.Matches(model.Tier(tier), tags), model.Sanitize(name), nil
}
