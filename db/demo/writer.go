package demo

import (
	"context"
	"database/sql"
	"errors"

	"github.com/rapportcrm/rapport/db"
)

// statements are the prepared inserts of a bulk load, on its transaction.
type statements struct {
	customer, contact, tag, deal, hist, interaction, followup, order, tier, setting *sql.Stmt
}

// preparer is what *sql.Tx offers beyond db.Querier.
type preparer interface {
	PrepareContext(ctx context.Context, query string) (*sql.Stmt, error)
}

func prepareStatements(ctx context.Context, q db.Querier) (*statements, error) {
	p, ok := q.(preparer)
	if !ok {
		return nil, errors.New("the demo needs a transaction that can prepare statements")
	}
	st := &statements{}
	for _, s := range []struct {
		dst **sql.Stmt
		sql string
	}{
		{&st.customer, `INSERT INTO customers (id, name, company, email, phone, im, industry, source, tier, tier_pinned, lifecycle,
			churn_reason, cadence_days, notes, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`},
		{&st.contact, `INSERT INTO contacts (id, customer_id, name, role, email, phone, is_primary, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?)`},
		{&st.tag, `INSERT INTO customer_tags (customer_id, tag_id) VALUES (?,?)`},
		{&st.deal, `INSERT INTO deals (id, customer_id, title, value_minor, currency, stage_id, probability, expected_close, stage_changed_at,
			status, closed_at, lost_reason, snoozed_until, snooze_reason, created_at, updated_at, version) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`},
		{&st.hist, `INSERT INTO deal_stage_history (id, deal_id, from_stage_id, to_stage_id, changed_at) VALUES (?,?,?,?,?)`},
		{&st.interaction, `INSERT INTO interactions (id, customer_id, deal_id, kind, direction, outcome, score, summary, body, occurred_at,
			resolved_at, created_at, updated_at, version) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)`},
		{&st.followup, `INSERT INTO followups (id, customer_id, deal_id, title, due_date, due_time, done_at, snooze_count, created_at, updated_at, version)
			VALUES (?,?,?,?,?,?,?,?,?,?,?)`},
		{&st.order, `INSERT INTO orders (id, customer_id, deal_id, amount_minor, currency, ordered_at, note, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?)`},
		{&st.tier, `UPDATE customers SET tier = ? WHERE id = ?`},
		{&st.setting, `INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`},
	} {
		var err error
		if *s.dst, err = p.PrepareContext(ctx, s.sql); err != nil {
			st.close()
			return nil, err
		}
	}
	return st, nil
}

func (st *statements) close() {
	for _, s := range []*sql.Stmt{st.customer, st.contact, st.tag, st.deal, st.hist, st.interaction, st.followup, st.order, st.tier, st.setting} {
		if s != nil {
			s.Close()
		}
	}
}

// nullable turns zero values into SQL NULL.
func nullInt(v int64) any {
	if v == 0 {
		return nil
	}
	return v
}

func nullStr(v string) any {
	if v == "" {
		return nil
	}
	return v
}

// write inserts the simulated customer and everything that belongs to it.
func (g *gen) write() error {
	c := &g.cur
	ctx := g.ctx
	s := g.st
	var cadence any
	if c.cadence > 0 {
		cadence = c.cadence
	}
	if _, err := s.customer.ExecContext(ctx, c.id, c.name, c.company, c.email, c.phone, c.im, c.industry, c.source, string(c.tier),
		boolInt(c.pinned), c.lifecycle, c.churnReason, cadence, c.notes, c.created, c.updated); err != nil {
		return err
	}
	g.stats.Customers++
	for _, k := range c.contacts {
		if _, err := s.contact.ExecContext(ctx, k.id, c.id, k.name, k.role, k.email, k.phone, boolInt(k.primary), c.created, c.created); err != nil {
			return err
		}
		g.stats.Contacts++
	}
	for _, tag := range c.tags {
		if _, err := s.tag.ExecContext(ctx, c.id, g.tagIDs[tag]); err != nil {
			return err
		}
	}
	for i := range c.deals {
		dl := &c.deals[i]
		var prob any
		if dl.probability > 0 {
			prob = dl.probability
		}
		version := len(dl.moves) // created, then one update per move
		if dl.snoozeReason != "" {
			version++
		}
		if _, err := s.deal.ExecContext(ctx, dl.id, c.id, dl.title, dl.value, dl.currency, dl.stageID, prob, nullStr(dl.expectedClose.String()),
			dl.stageChanged, dl.status, nullInt(dl.closed), dl.lostReason, nullStr(dl.snoozedUntil.String()), dl.snoozeReason,
			dl.created, dl.updated, version); err != nil {
			return err
		}
		g.stats.Deals++
		for _, m := range dl.moves {
			if _, err := s.hist.ExecContext(ctx, g.next.hist, dl.id, nullInt(m.from), m.to, m.at); err != nil {
				return err
			}
			g.next.hist++
			g.stats.StageMoves++
		}
	}
	for i := range c.ix {
		x := &c.ix[i]
		var score any
		if x.score >= 0 {
			score = x.score
		}
		updated := x.at
		version := 1
		if x.resolved > 0 {
			updated, version = x.resolved, 2
		}
		if _, err := s.interaction.ExecContext(ctx, g.next.interaction, c.id, nullInt(x.deal), x.kind, x.dir, x.outcome, score, x.summary, x.body,
			x.at, nullInt(x.resolved), x.at, updated, version); err != nil {
			return err
		}
		g.next.interaction++
		g.stats.Interactions++
	}
	for i := range c.orders {
		o := &c.orders[i]
		if _, err := s.order.ExecContext(ctx, g.next.order, c.id, nullInt(o.deal), o.amount, o.currency, o.at, o.note, o.at, o.at); err != nil {
			return err
		}
		g.next.order++
		g.stats.Orders++
	}
	for i := range c.followups {
		f := &c.followups[i]
		updated, version := f.created, 1
		if f.done > 0 {
			updated, version = f.done, 2
		}
		if f.snoozes > 0 {
			version += f.snoozes
		}
		if _, err := s.followup.ExecContext(ctx, g.next.followup, c.id, nullInt(f.deal), f.title, f.due.String(), nullStr(f.time), nullInt(f.done),
			f.snoozes, f.created, updated, version); err != nil {
			return err
		}
		g.next.followup++
		g.stats.Followups++
	}
	return nil
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
