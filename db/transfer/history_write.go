package transfer

import (
	"context"
	"database/sql"
	"errors"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/model/i18n"
)

// runHistory resolves each row's customer through q and, when t is not nil,
// writes the rows inside t. Rows whose customer cannot be found are
// rejected, unless opt.CreateCustomers creates them (deduplicated like a
// customer import). It fills rep's counts.
func runHistory(ctx context.Context, q db.Querier, t *db.Tx, rows []histRow, opt Options, rep *Report) (int, error) {
	ix, es, err := loadBook(ctx, q)
	if err != nil {
		return 0, err
	}
	l := newLookup(ix, es)
	if opt.CreateCustomers {
		var cands []*candidate
		for _, r := range rows {
			if _, err := l.resolve(r.ref); err != nil && errors.As(err, new(errNoCustomer)) {
				name := r.ref.name
				if name == "" {
					name = r.ref.company
				}
				if name == "" {
					continue
				}
				cd := candidate{line: r.line, c: model.Customer{Name: name, Company: r.ref.company, Email: r.ref.email, Phone: r.ref.phone}}
				if cd.c.Company == name {
					cd.c.Company = ""
				}
				if err := cd.clean(); err != nil {
					continue // reported below as an unknown customer
				}
				cands = append(cands, &cd)
			}
		}
		if len(cands) > 0 {
			var sub Report
			fresh, err := runCustomers(ctx, q, t, sliceStream(cands), map[string]bool{}, DupMerge, &sub, nil)
			if err != nil && !errors.Is(err, errNothingToWrite) {
				return 0, err
			}
			for _, e := range fresh {
				l.add(e)
				rep.item(e.line, "create", e.c.Name, "new customer")
			}
			rep.CustomersCreated += len(fresh)
		}
	}
	var w *histWriter
	if t != nil {
		if w, err = newHistWriter(ctx, t, opt.Kind); err != nil {
			return 0, err
		}
		defer w.close()
	}
	n := 0
	for i := range rows {
		r := &rows[i]
		e, err := l.resolve(r.ref)
		if err != nil {
			rep.reject(r.line, err)
			continue
		}
		n++
		rep.Created++
		rep.item(r.line, "create", e.c.Name, r.title(opt.Kind))
		if w != nil {
			if err := w.write(r, e.c.ID); err != nil {
				return n, i18n.Errorf("line %d: %w", r.line, err)
			}
		}
	}
	if w != nil {
		return n, w.finish()
	}
	return n, nil
}

func (r *histRow) title(kind string) string {
	switch kind {
	case KindInteractions:
		return r.ix.Summary
	case KindFollowups:
		return r.fu.Title
	case KindOrders:
		return model.FormatMinor(r.ord.AmountMinor, r.ord.Currency)
	}
	return r.deal.d.Title
}

// histWriter inserts history rows with prepared statements and journals
// each table's new ids as compact ranges.
type histWriter struct {
	ctx             context.Context
	t               *db.Tx
	kind            string
	now             int64
	main, order     *sql.Stmt
	mainRuns, ordRs idRuns
	deals           []pendingDeal
	table           string
}

func newHistWriter(ctx context.Context, t *db.Tx, kind string) (*histWriter, error) {
	w := &histWriter{ctx: ctx, t: t, kind: kind, now: t.Now().Unix()}
	var err error
	switch kind {
	case KindInteractions:
		w.table = "interactions"
		w.main, err = prepare(ctx, t, `INSERT INTO interactions (customer_id, kind, direction, outcome, score, summary, body, occurred_at,
			created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)`)
	case KindFollowups:
		w.table = "followups"
		w.main, err = prepare(ctx, t, `INSERT INTO followups (customer_id, title, due_date, due_time, created_at, updated_at) VALUES (?,?,?,?,?,?)`)
	case KindOrders:
		w.table = "orders"
		w.main, err = prepare(ctx, t, `INSERT INTO orders (customer_id, amount_minor, currency, ordered_at, note, created_at, updated_at) VALUES (?,?,?,?,?,?,?)`)
	case KindDeals:
		w.table = "deals"
		w.main, err = prepare(ctx, t, `INSERT INTO deals (customer_id, title, value_minor, currency, stage_id, expected_close, stage_changed_at,
			status, closed_at, lost_reason, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)`)
		if err == nil {
			w.order, err = prepare(ctx, t, `INSERT INTO orders (customer_id, deal_id, amount_minor, currency, ordered_at, note, created_at, updated_at)
				VALUES (?,?,?,?,?,?,?,?)`)
		}
	}
	if err != nil {
		w.close()
		return nil, err
	}
	return w, nil
}

func (w *histWriter) close() {
	for _, s := range []*sql.Stmt{w.main, w.order} {
		if s != nil {
			s.Close()
		}
	}
}

func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func (w *histWriter) write(r *histRow, customerID int64) error {
	var res sql.Result
	var err error
	switch w.kind {
	case KindInteractions:
		i := r.ix
		var score any
		if i.Score >= 0 {
			score = i.Score
		}
		res, err = w.main.ExecContext(w.ctx, customerID, string(i.Kind), string(i.Direction), string(i.Outcome), score, i.Summary, i.Body,
			i.OccurredAt, w.now, w.now)
	case KindFollowups:
		f := r.fu
		res, err = w.main.ExecContext(w.ctx, customerID, f.Title, f.Due.String(), nullable(f.DueTime), w.now, w.now)
	case KindOrders:
		o := r.ord
		res, err = w.main.ExecContext(w.ctx, customerID, o.AmountMinor, o.Currency, o.OrderedAt, o.Note, w.now, w.now)
	case KindDeals:
		return w.writeDeal(r, customerID)
	}
	if err != nil {
		return err
	}
	id, err := res.LastInsertId()
	if err != nil {
		return err
	}
	w.mainRuns.add(id)
	w.t.Touch(customerID)
	return nil
}

// writeDeal inserts a deal with the path the file tells: into the pipeline
// (at its created date, else its engage date), to its engaged stage, and to
// its final stage at its close date. A won deal with a value records an
// order on its close date, as winning a deal in the app does.
func (w *histWriter) writeDeal(r *histRow, customerID int64) error {
	dr := r.deal
	d := dr.d
	type step struct {
		stage int64
		at    int64
	}
	var path []step
	if d.Status == model.DealOpen {
		switch {
		case dr.engaged != 0 && dr.created != 0 && dr.created < dr.engaged:
			path = []step{{dr.firstStage, dr.created}, {d.StageID, dr.engaged}}
		case dr.engaged != 0:
			path = []step{{d.StageID, dr.engaged}}
		case dr.created != 0:
			path = []step{{d.StageID, dr.created}}
		default:
			path = []step{{d.StageID, w.now}}
		}
	} else {
		closed := dr.closed
		if closed == 0 {
			closed = w.now
		}
		if dr.created != 0 && dr.created <= closed {
			path = append(path, step{dr.firstStage, dr.created})
		}
		if dr.engaged != 0 && dr.engaged <= closed {
			path = append(path, step{dr.engagedStage, dr.engaged})
		}
		path = append(path, step{d.StageID, closed})
	}
	// Drop repeated stages (entered Lead, "moved" to Lead).
	clean := path[:1]
	for _, s := range path[1:] {
		if s.stage != clean[len(clean)-1].stage {
			clean = append(clean, s)
		}
	}
	last := clean[len(clean)-1]
	var closedAt any
	if d.Status != model.DealOpen {
		closedAt = last.at
	}
	res, err := w.main.ExecContext(w.ctx, customerID, d.Title, d.ValueMinor, d.Currency, d.StageID, dayOrNil(d.ExpectedClose), last.at,
		string(d.Status), closedAt, d.LostReason, clean[0].at, w.now)
	if err != nil {
		return err
	}
	id, err := res.LastInsertId()
	if err != nil {
		return err
	}
	w.mainRuns.add(id)
	pd := pendingDeal{id: id, customerID: customerID, d: d, closedAt: last.at}
	for _, s := range clean {
		pd.steps = append(pd.steps, [2]int64{s.stage, s.at})
	}
	w.deals = append(w.deals, pd)
	w.t.Touch(customerID)
	return nil
}

// pendingDeal is a written deal whose history and order are written after
// every deal, so the journal lists the deals' range first and undo (which
// runs backwards) removes history and orders before the deals.
type pendingDeal struct {
	id, customerID int64
	d              model.Deal
	closedAt       int64
	steps          [][2]int64 // stage, at
}

func (w *histWriter) finishDeals() error {
	for _, pd := range w.deals {
		var from any
		for _, s := range pd.steps {
			// Journaled row by row: undoing a compact range of
			// deal_stage_history fails in db (it looks for customer_id).
			if _, err := w.t.Insert("deal_stage_history", []string{"deal_id", "from_stage_id", "to_stage_id", "changed_at"}, []any{pd.id, from, s[0], s[1]}); err != nil {
				return err
			}
			from = s[0]
		}
	}
	for _, pd := range w.deals {
		if pd.d.Status != model.DealWon || pd.d.ValueMinor <= 0 {
			continue
		}
		res, err := w.order.ExecContext(w.ctx, pd.customerID, pd.id, pd.d.ValueMinor, pd.d.Currency, pd.closedAt, "Won: "+pd.d.Title, w.now, w.now)
		if err != nil {
			return err
		}
		oid, err := res.LastInsertId()
		if err != nil {
			return err
		}
		w.ordRs.add(oid)
	}
	return w.ordRs.journal(w.t, "orders")
}

func dayOrNil(d model.Day) any {
	if d.IsZero() {
		return nil
	}
	return d.String()
}

// finish journals the inserted range, then (deals) writes the history
// and orders of the deals.
func (w *histWriter) finish() error {
	if err := w.mainRuns.journal(w.t, w.table); err != nil {
		return err
	}
	if w.kind == KindDeals {
		return w.finishDeals()
	}
	return nil
}
