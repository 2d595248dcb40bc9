package demo

import (
	"context"
	"database/sql"
	"errors"
	"strings"

	"github.com/rapportcrm/rapport/db"
)

// statements are the prepared inserts of a bulk load, on its transaction.
// Customers and deals go in one row at a time (their children refer to
// them); the many rows that refer to them go in batches of batchRows.
type statements struct {
	customer, deal, tier, setting                    *sql.Stmt
	contact, tag, hist, interaction, followup, order *batch
	all                                              []*sql.Stmt
}

// batchRows is how many rows one batched INSERT carries: fewer statement
// executions is most of what makes a bulk load fast in SQLite.
const batchRows = 64

// preparer is what *sql.Tx offers beyond db.Querier.
type preparer interface {
	PrepareContext(ctx context.Context, query string) (*sql.Stmt, error)
}

// batch collects rows for one table and inserts them batchRows at a time.
type batch struct {
	many, one *sql.Stmt
	cols      int
	args      []any
	rows      int
}

func (b *batch) add(ctx context.Context, vals ...any) error {
	b.args = append(b.args, vals...)
	b.rows++
	if b.rows < batchRows {
		return nil
	}
	_, err := b.many.ExecContext(ctx, b.args...)
	b.args, b.rows = b.args[:0], 0
	return err
}

// flush inserts the rows still waiting.
func (b *batch) flush(ctx context.Context) error {
	for i := 0; i < b.rows; i++ {
		if _, err := b.one.ExecContext(ctx, b.args[i*b.cols:(i+1)*b.cols]...); err != nil {
			return err
		}
	}
	b.args, b.rows = b.args[:0], 0
	return nil
}

func prepareStatements(ctx context.Context, q db.Querier) (*statements, error) {
	p, ok := q.(preparer)
	if !ok {
		return nil, errors.New("the demo needs a transaction that can prepare statements")
	}
	st := &statements{}
	prep := func(query string) (*sql.Stmt, error) {
		s, err := p.PrepareContext(ctx, query)
		if err == nil {
			st.all = append(st.all, s)
		}
		return s, err
	}
	mkBatch := func(head string, cols int) (*batch, error) {
		row := "(" + strings.Repeat("?,", cols-1) + "?)"
		b := &batch{cols: cols, args: make([]any, 0, cols*batchRows)}
		var err error
		if b.one, err = prep(head + row); err != nil {
			return nil, err
		}
		b.many, err = prep(head + strings.Repeat(row+",", batchRows-1) + row)
		return b, err
	}
	var err error
	for _, s := range []struct {
		dst **sql.Stmt
		sql string
	}{
		{&st.customer, `INSERT INTO customers (id, name, company, email, phone, im, industry, source, tier, tier_pinned, lifecycle,
			churn_reason, cadence_days, notes, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`},
		{&st.deal, `INSERT INTO deals (id, customer_id, title, value_minor, currency, stage_id, probability, expected_close, stage_changed_at,
			status, closed_at, lost_reason, snoozed_until, snooze_reason, created_at, updated_at, version) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`},
		{&st.tier, `UPDATE customers SET tier = ? WHERE id = ?`},
		{&st.setting, `INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`},
	} {
		if *s.dst, err = prep(s.sql); err != nil {
			st.close()
			return nil, err
		}
	}
	for _, b := range []struct {
		dst  **batch
		head string
		cols int
	}{
		{&st.contact, `INSERT INTO contacts (id, customer_id, name, role, email, phone, is_primary, created_at, updated_at) VALUES `, 9},
		{&st.tag, `INSERT INTO customer_tags (customer_id, tag_id) VALUES `, 2},
		{&st.hist, `INSERT INTO deal_stage_history (id, deal_id, from_stage_id, to_stage_id, changed_at) VALUES `, 5},
		{&st.interaction, `INSERT INTO interactions (id, customer_id, deal_id, kind, direction, outcome, score, summary, body, occurred_at,
			resolved_at, created_at, updated_at, version) VALUES `, 14},
		{&st.followup, `INSERT INTO followups (id, customer_id, deal_id, title, due_date, due_time, done_at, snooze_count, created_at, updated_at, version, playbook_id) VALUES `, 12},
		{&st.order, `INSERT INTO orders (id, customer_id, deal_id, amount_minor, currency, ordered_at, note, created_at, updated_at) VALUES `, 9},
	} {
		if *b.dst, err = mkBatch(b.head, b.cols); err != nil {
			st.close()
			return nil, err
		}
	}
	return st, nil
}

// flush writes every batched row still waiting.
func (st *statements) flush(ctx context.Context) error {
	for _, b := range []*batch{st.contact, st.tag, st.hist, st.interaction, st.followup, st.order} {
		if err := b.flush(ctx); err != nil {
			return err
		}
	}
	return nil
}

func (st *statements) close() {
	for _, s := range st.all {
		s.Close()
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
		if err := s.contact.add(ctx, k.id, c.id, k.name, k.role, k.email, k.phone, boolInt(k.primary), c.created, c.created); err != nil {
			return err
		}
		g.stats.Contacts++
	}
	for _, tag := range c.tags {
		if err := s.tag.add(ctx, c.id, g.tagIDs[tag]); err != nil {
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
			if err := s.hist.add(ctx, g.next.hist, dl.id, nullInt(m.from), m.to, m.at); err != nil {
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
		if err := s.interaction.add(ctx, g.next.interaction, c.id, nullInt(x.deal), x.kind, x.dir, x.outcome, score, x.summary, x.body,
			x.at, nullInt(x.resolved), x.at, updated, version); err != nil {
			return err
		}
		g.next.interaction++
		g.stats.Interactions++
	}
	for i := range c.orders {
		o := &c.orders[i]
		if err := s.order.add(ctx, g.next.order, c.id, nullInt(o.deal), o.amount, o.currency, o.at, o.note, o.at, o.at); err != nil {
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
		if err := s.followup.add(ctx, g.next.followup, c.id, nullInt(f.deal), f.title, f.due.String(), nullStr(f.time), nullInt(f.done),
			f.snoozes, f.created, updated, version, nullInt(f.rule)); err != nil {
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
