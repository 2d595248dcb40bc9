package db

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strconv"
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
	chunk := func(where string, args []any, customers []int64) error {
		old, err := readStoredStatsWhere(ctx, q, where, args)
		if err != nil {
			return err
		}
		oldDeals, err := readStoredDealsWhere(ctx, q, where, args)
		if err != nil {
			return err
		}
		return planStatsDelta(set, accs, customers, old, oldDeals, now).exec(ctx, q)
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

// statsPlan is what a delta write of the stats does, worked out from the
// stored rows beforehand so that writing it takes the write lock only
// briefly (see SetConfig).
type statsPlan struct {
	inserts [][]any      // whole new customer_stats rows
	updates []statsPatch // changed columns of stored rows
	deals   [][]any      // deal clocks to upsert: deal_id, customer_id, stage_since, rot_on
	gone    []int64      // customers whose stats row goes
	gonen   []int64      // deals whose clock goes
}

// statsPatch sets the columns in mask (a bit per statsCols() index) to
// args, the last of which is the customer id.
type statsPatch struct {
	mask uint64
	args []any
}

// planStatsDelta compares the stats computed from accs with the stored
// rows (old, oldDeals: as read for the same customers) and returns the
// writes that make them equal. It consumes oldDeals.
func planStatsDelta(set Settings, accs map[int64]*customerAcc, order []int64, old map[int64][]any, oldDeals map[int64]storedDeal, now time.Time) *statsPlan {
	loc := now.Location()
	today := model.DayOf(now)
	validAt := slices.Index(statsCols(), "risk_valid_until")
	g := set.EffectiveRhythm()
	p := &statsPlan{}
	for _, id := range order {
		a := accs[id]
		vals := statsValues(a, computeRow(a, set, g, loc, today), g)
		p.planCustomer(id, vals, old[id], validAt, today.String())
		p.planDeals(a, loc, oldDeals)
	}
	for id := range old {
		if _, ok := accs[id]; !ok {
			p.gone = append(p.gone, id)
		}
	}
	for id := range oldDeals {
		p.gonen = append(p.gonen, id)
	}
	return p
}

// planCustomer plans a new row, or an update of the columns of prev that
// differ from vals (nothing when none does).
func (p *statsPlan) planCustomer(id int64, vals, prev []any, validAt int, today string) {
	if prev == nil {
		p.inserts = append(p.inserts, vals)
		return
	}
	var mask uint64
	var changed []any
	for i := 1; i < len(vals); i++ {
		if !sameValue(prev[i], vals[i]) {
			mask |= 1 << i
			changed = append(changed, vals[i])
		}
	}
	if mask == 0 || (mask == 1<<validAt && laterValid(prev[validAt], vals[validAt], today)) {
		return
	}
	p.updates = append(p.updates, statsPatch{mask: mask, args: append(changed, id)})
}

// execUpdates writes the plan's updates. Updates that set the same columns
// to the same values (a new rhythm g sets risk_rhythm alike on nearly
// every row) are one statement over the list of their customers; the
// others are one statement each, prepared once per set of columns.
func (p *statsPlan) execUpdates(ctx context.Context, q Querier) error {
	cols := statsCols()
	setClause := func(mask uint64) string {
		var set []string
		for i := 1; i < len(cols); i++ {
			if mask&(1<<i) != 0 {
				set = append(set, cols[i]+" = ?")
			}
		}
		return strings.Join(set, ", ")
	}
	type group struct {
		patch statsPatch // the first of the group
		ids   []int64
	}
	groups := map[string]*group{}
	var keys []string // in plan order
	for _, u := range p.updates {
		k := patchKey(u)
		if g := groups[k]; g != nil {
			g.ids = append(g.ids, u.args[len(u.args)-1].(int64))
			continue
		}
		groups[k] = &group{patch: u, ids: []int64{u.args[len(u.args)-1].(int64)}}
		keys = append(keys, k)
	}
	single := map[uint64]stmt{}
	defer func() {
		for _, st := range single {
			st.Close()
		}
	}()
	for _, k := range keys {
		g := groups[k]
		if len(g.ids) > 1 {
			where, ids := idFilter("customer_id", g.ids)
			args := append(slices.Clone(g.patch.args[:len(g.patch.args)-1]), ids...)
			if _, err := q.ExecContext(ctx, "UPDATE customer_stats SET "+setClause(g.patch.mask)+" WHERE "+where, args...); err != nil {
				return err
			}
			continue
		}
		st, ok := single[g.patch.mask]
		if !ok {
			var err error
			if st, err = prepare(ctx, q, "UPDATE customer_stats SET "+setClause(g.patch.mask)+" WHERE customer_id = ?"); err != nil {
				return err
			}
			single[g.patch.mask] = st
		}
		if _, err := st.ExecContext(ctx, g.patch.args...); err != nil {
			return err
		}
	}
	return nil
}

// patchKey is the same for two patches that set the same columns to the
// same values (of the same Go types), whatever their customer.
func patchKey(u statsPatch) string {
	var b strings.Builder
	b.WriteString(strconv.FormatUint(u.mask, 16))
	for _, v := range u.args[:len(u.args)-1] {
		switch x := v.(type) {
		case nil:
			b.WriteString("|n")
		case int:
			b.WriteString("|i" + strconv.Itoa(x))
		case int64:
			b.WriteString("|l" + strconv.FormatInt(x, 10))
		case float64:
			b.WriteString("|f" + strconv.FormatFloat(x, 'g', -1, 64))
		case bool:
			b.WriteString("|b" + strconv.FormatBool(x))
		case string:
			b.WriteString("|s" + strconv.Quote(x))
		default:
			// A type without a key here: never grouped.
			b.WriteString(fmt.Sprintf("|?%p", &u.args[0]))
		}
	}
	return b.String()
}

// laterValid reports whether a stored risk_valid_until may stay although
// the recomputed one is later, when nothing else in the row changed: the
// stored day has not come yet, so the row is only looked at again a little
// early (a row that was not due is then not rewritten just because its
// yearly recheck moved a day on).
func laterValid(stored, v any, today string) bool {
	s, ok1 := stored.(string)
	n, ok2 := v.(string)
	return ok1 && ok2 && s > today && n > s
}

// planDeals plans the customer's deal clocks that changed, and takes them
// out of oldDeals (what is left there afterwards is gone).
func (p *statsPlan) planDeals(a *customerAcc, loc *time.Location, oldDeals map[int64]storedDeal) {
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
		p.deals = append(p.deals, []any{dl.id, a.id, since.String(), rot})
	}
}

// exec writes the plan.
func (p *statsPlan) exec(ctx context.Context, q Querier) error {
	cols := statsCols()
	if len(p.inserts) > 0 {
		ins, err := prepare(ctx, q, `INSERT INTO customer_stats (`+strings.Join(cols, ", ")+`) VALUES (`+placeholders(len(cols))+`)`)
		if err != nil {
			return err
		}
		defer ins.Close()
		for _, vals := range p.inserts {
			if _, err := ins.ExecContext(ctx, vals...); err != nil {
				return err
			}
		}
	}
	if err := p.execUpdates(ctx, q); err != nil {
		return err
	}
	for _, args := range p.deals {
		if _, err := q.ExecContext(ctx, `INSERT INTO deal_stats (deal_id, customer_id, stage_since, rot_on) VALUES (?,?,?,?)
			ON CONFLICT (deal_id) DO UPDATE SET customer_id = excluded.customer_id, stage_since = excluded.stage_since, rot_on = excluded.rot_on`, args...); err != nil {
			return err
		}
	}
	for _, id := range p.gone {
		if _, err := q.ExecContext(ctx, `DELETE FROM customer_stats WHERE customer_id = ?`, id); err != nil {
			return err
		}
	}
	for _, id := range p.gonen {
		if _, err := q.ExecContext(ctx, `DELETE FROM deal_stats WHERE deal_id = ?`, id); err != nil {
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

// readStoredStats reads the stored customer_stats rows of ids (nil = all),
// by customer id, in statsCols() order.
func readStoredStats(ctx context.Context, q Querier, ids []int64) (map[int64][]any, error) {
	where, args := idFilter("customer_id", ids)
	return readStoredStatsWhere(ctx, q, where, args)
}

// readStoredStatsWhere reads the stored customer_stats rows matching
// where, by customer id, in statsCols() order.
func readStoredStatsWhere(ctx context.Context, q Querier, where string, args []any) (map[int64][]any, error) {
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

// readStoredDeals reads the stored deal_stats rows of the customers ids.
func readStoredDeals(ctx context.Context, q Querier, ids []int64) (map[int64]storedDeal, error) {
	where, args := idFilter("customer_id", ids)
	return readStoredDealsWhere(ctx, q, where, args)
}

// readStoredDealsWhere reads the stored deal_stats rows of the customers
// matching where.
func readStoredDealsWhere(ctx context.Context, q Querier, where string, args []any) (map[int64]storedDeal, error) {
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
