package db

import (
	"context"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/rapportcrm/rapport/model"
)

// deltaWriteMin is the number of customers from which the stats writer
// compares with the stored rows and writes only the columns that changed
// (the daily Refresh, and every whole-book recompute): rewriting whole rows
// would rewrite every index of customer_stats for each of them.
const deltaWriteMin = 200

// deltaChunk is how many customers writeStatsDelta compares at a time:
// the stored rows are read a chunk at a time, so memory does not grow
// with the number of customers recomputed (a whole-book recompute, or the
// first refresh after many tiers moved).
const deltaChunk = 2000

// writeStatsDelta writes the stats of ids (nil = every customer),
// touching only what changed: chunk by chunk of customers in id order, it
// reads the stored rows, writes each customer's changed columns and
// changed deal clocks, then drops the rows of customers and deals that are
// gone.
func writeStatsDelta(ctx context.Context, q Querier, set Settings, accs map[int64]*customerAcc, order []int64, ids []int64, now time.Time) error {
	return writeStatsDeltaBy(ctx, q, set, accs, order, ids, now, deltaChunk)
}

// writeStatsDeltaBy is writeStatsDelta comparing size customers at a time.
func writeStatsDeltaBy(ctx context.Context, q Querier, set Settings, accs map[int64]*customerAcc, order []int64, ids []int64, now time.Time, size int) error {
	loc := now.Location()
	today := model.DayOf(now)
	w, err := newDeltaWriter(ctx, q, today)
	if err != nil {
		return err
	}
	defer w.close()
	g := set.EffectiveRhythm()
	chunk := func(where string, args []any, customers []int64) error {
		old, err := readStoredStats(ctx, q, where, args)
		if err != nil {
			return err
		}
		oldDeals, err := readStoredDeals(ctx, q, where, args)
		if err != nil {
			return err
		}
		for _, id := range customers {
			a := accs[id]
			vals := statsValues(a, computeRow(a, set, g, loc, today), g)
			if err := w.writeCustomer(id, vals, old[id]); err != nil {
				return err
			}
			if err := w.writeDeals(a, loc, oldDeals); err != nil {
				return err
			}
		}
		return w.dropGone(old, accs, oldDeals)
	}
	if ids == nil {
		// Every customer: id ranges that together cover every stored row.
		sorted := slices.Sorted(slices.Values(order))
		for start := 0; ; start += size {
			lo, hi := int64(math.MinInt64), int64(math.MaxInt64)
			if start > 0 {
				lo = sorted[start]
			}
			end := min(start+size, len(sorted))
			if end < len(sorted) {
				hi = sorted[end] - 1
			}
			if err := chunk("customer_id BETWEEN ? AND ?", []any{lo, hi}, sorted[start:end]); err != nil {
				return err
			}
			if end == len(sorted) {
				return nil
			}
		}
	}
	sorted := slices.Sorted(slices.Values(ids))
	for start := 0; start < len(sorted); start += size {
		part := sorted[start:min(start+size, len(sorted))]
		where, args := idFilter("customer_id", part)
		var customers []int64
		for _, id := range part {
			if accs[id] != nil {
				customers = append(customers, id)
			}
		}
		if err := chunk(where, args, customers); err != nil {
			return err
		}
	}
	return nil
}

// storedDeal is a deal_stats row as stored.
type storedDeal struct {
	customer int64
	since    string
	rot      any
}

// readStoredStats reads the stored customer_stats rows matching where, by
// customer id, in statsCols() order.
func readStoredStats(ctx context.Context, q Querier, where string, args []any) (map[int64][]any, error) {
	rows, err := q.QueryContext(ctx, "SELECT "+strings.Join(statsCols(), ", ")+" FROM customer_stats WHERE "+where, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	old := map[int64][]any{}
	for rows.Next() {
		vals := make([]any, len(statsCols()))
		ptrs := make([]any, len(vals))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return nil, err
		}
		old[vals[0].(int64)] = vals
	}
	return old, rows.Err()
}

// readStoredDeals reads the stored deal_stats rows of the customers
// matching where.
func readStoredDeals(ctx context.Context, q Querier, where string, args []any) (map[int64]storedDeal, error) {
	rows, err := q.QueryContext(ctx, "SELECT deal_id, customer_id, stage_since, rot_on FROM deal_stats WHERE "+where, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]storedDeal{}
	for rows.Next() {
		var id int64
		var r storedDeal
		if err := rows.Scan(&id, &r.customer, &r.since, &r.rot); err != nil {
			return nil, err
		}
		out[id] = r
	}
	return out, rows.Err()
}

// deltaWriter holds the statements of one delta write: the insert, and one
// UPDATE per set of changed columns (a bit mask over statsCols()).
type deltaWriter struct {
	ctx     context.Context
	q       Querier
	today   string
	validAt int // index of risk_valid_until in statsCols()
	ins     stmt
	updates map[uint64]stmt
}

func newDeltaWriter(ctx context.Context, q Querier, today model.Day) (*deltaWriter, error) {
	ins, err := prepare(ctx, q, `INSERT INTO customer_stats (`+strings.Join(statsCols(), ", ")+`) VALUES (`+placeholders(len(statsCols()))+`)`)
	if err != nil {
		return nil, err
	}
	return &deltaWriter{ctx: ctx, q: q, today: today.String(), validAt: slices.Index(statsCols(), "risk_valid_until"), ins: ins, updates: map[uint64]stmt{}}, nil
}

func (w *deltaWriter) close() {
	w.ins.Close()
	for _, st := range w.updates {
		st.Close()
	}
}

// writeCustomer inserts a new row, or updates the columns of prev that
// differ from vals (nothing when none does).
func (w *deltaWriter) writeCustomer(id int64, vals, prev []any) error {
	if prev == nil {
		_, err := w.ins.ExecContext(w.ctx, vals...)
		return err
	}
	var mask uint64
	var changed []any
	for i := 1; i < len(vals); i++ {
		if !sameValue(prev[i], vals[i]) {
			mask |= 1 << i
			changed = append(changed, vals[i])
		}
	}
	if mask == 0 || (mask == 1<<w.validAt && w.laterValid(prev[w.validAt], vals[w.validAt])) {
		return nil
	}
	st, err := w.update(mask)
	if err != nil {
		return err
	}
	_, err = st.ExecContext(w.ctx, append(changed, id)...)
	return err
}

// laterValid reports whether a stored risk_valid_until may stay although
// the recomputed one is later, when nothing else in the row changed: the
// stored day has not come yet, so the row is only looked at again a little
// early (a row that was not due is then not rewritten just because its
// yearly recheck moved a day on).
func (w *deltaWriter) laterValid(stored, v any) bool {
	s, ok1 := stored.(string)
	n, ok2 := v.(string)
	return ok1 && ok2 && s > w.today && n > s
}

// update returns the UPDATE statement for the columns in mask.
func (w *deltaWriter) update(mask uint64) (stmt, error) {
	if st, ok := w.updates[mask]; ok {
		return st, nil
	}
	cols := statsCols()
	var set []string
	for i := 1; i < len(cols); i++ {
		if mask&(1<<i) != 0 {
			set = append(set, cols[i]+" = ?")
		}
	}
	st, err := prepare(w.ctx, w.q, "UPDATE customer_stats SET "+strings.Join(set, ", ")+" WHERE customer_id = ?")
	if err != nil {
		return nil, err
	}
	w.updates[mask] = st
	return st, nil
}

// writeDeals upserts the customer's deal clocks that changed, and takes
// them out of oldDeals (what is left there afterwards is gone).
func (w *deltaWriter) writeDeals(a *customerAcc, loc *time.Location, oldDeals map[int64]storedDeal) error {
	for _, dl := range a.deals {
		since, rotOn := dealClock(dl, loc)
		var rot any
		if rotOn != model.NoDay {
			rot = rotOn.String()
		}
		prev, ok := oldDeals[dl.id]
		delete(oldDeals, dl.id)
		if ok && prev.customer == a.id && prev.since == since.String() && sameValue(prev.rot, rot) {
			continue
		}
		if _, err := w.q.ExecContext(w.ctx, `INSERT INTO deal_stats (deal_id, customer_id, stage_since, rot_on) VALUES (?,?,?,?)
			ON CONFLICT (deal_id) DO UPDATE SET customer_id = excluded.customer_id, stage_since = excluded.stage_since, rot_on = excluded.rot_on`,
			dl.id, a.id, since.String(), rot); err != nil {
			return err
		}
	}
	return nil
}

// dropGone deletes the stats of customers that no longer exist and of
// deals that are no longer open.
func (w *deltaWriter) dropGone(old map[int64][]any, accs map[int64]*customerAcc, oldDeals map[int64]storedDeal) error {
	for id := range old {
		if _, ok := accs[id]; !ok {
			if _, err := w.q.ExecContext(w.ctx, `DELETE FROM customer_stats WHERE customer_id = ?`, id); err != nil {
				return err
			}
		}
	}
	for id := range oldDeals {
		if _, err := w.q.ExecContext(w.ctx, `DELETE FROM deal_stats WHERE deal_id = ?`, id); err != nil {
			return err
		}
	}
	return nil
}

// sameValue compares a stored column value with the one about to be
// written (the driver returns int64, float64, string or nil).
func sameValue(stored, v any) bool {
	switch x := v.(type) {
	case nil:
		return stored == nil
	case int:
		s, ok := stored.(int64)
		return ok && s == int64(x)
	case int64:
		s, ok := stored.(int64)
		return ok && s == x
	case float64:
		switch s := stored.(type) {
		case float64:
			return s == x
		case int64:
			return float64(s) == x
		}
		return false
	case string:
		s, ok := stored.(string)
		return ok && s == x
	case bool:
		s, ok := stored.(int64)
		return ok && (s != 0) == x
	}
	return false
}
