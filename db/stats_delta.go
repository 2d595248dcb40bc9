package db

import (
	"context"
	"strings"
	"time"

	"github.com/rapportcrm/rapport/model"
)

// deltaWriteMin is the number of customers from which the stats writer
// compares with the stored rows and writes only the columns that changed
// (the daily Refresh): rewriting whole rows would rewrite every index of
// customer_stats for each of them.
const deltaWriteMin = 200

// writeStatsDelta writes the stats of ids, touching only what changed.
func writeStatsDelta(ctx context.Context, q Querier, set Settings, accs map[int64]*customerAcc, order []int64, ids []int64, now time.Time) error {
	loc := now.Location()
	today := model.DayOf(now)
	where, args := idFilter("customer_id", ids)
	old := map[int64][]any{}
	rows, err := q.QueryContext(ctx, "SELECT "+strings.Join(statsCols(), ", ")+" FROM customer_stats WHERE "+where, args...)
	if err != nil {
		return err
	}
	for rows.Next() {
		vals := make([]any, len(statsCols()))
		ptrs := make([]any, len(vals))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			rows.Close()
			return err
		}
		old[vals[0].(int64)] = vals
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	type dealRow struct {
		customer int64
		since    string
		rot      any
	}
	oldDeals := map[int64]dealRow{}
	rows, err = q.QueryContext(ctx, "SELECT deal_id, customer_id, stage_since, rot_on FROM deal_stats WHERE "+where, args...)
	if err != nil {
		return err
	}
	for rows.Next() {
		var id int64
		var r dealRow
		if err := rows.Scan(&id, &r.customer, &r.since, &r.rot); err != nil {
			rows.Close()
			return err
		}
		oldDeals[id] = r
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}

	ins, err := prepare(ctx, q, `INSERT INTO customer_stats (`+strings.Join(statsCols(), ", ")+`) VALUES (`+placeholders(len(statsCols()))+`)`)
	if err != nil {
		return err
	}
	defer ins.Close()
	updates := map[uint64]stmt{}
	defer func() {
		for _, st := range updates {
			st.Close()
		}
	}()
	g := set.EffectiveRhythm()
	for _, id := range order {
		a := accs[id]
		row := computeRow(a, set, g, loc, today)
		vals := statsValues(a, row, g)
		prev, ok := old[id]
		if !ok {
			if _, err := ins.ExecContext(ctx, vals...); err != nil {
				return err
			}
		} else {
			var mask uint64
			var changed []any
			for i := 1; i < len(vals); i++ {
				if !sameValue(prev[i], vals[i]) {
					mask |= 1 << i
					changed = append(changed, vals[i])
				}
			}
			if mask != 0 {
				st, ok := updates[mask]
				if !ok {
					var set []string
					for i := 1; i < len(vals); i++ {
						if mask&(1<<i) != 0 {
							set = append(set, statsCols()[i]+" = ?")
						}
					}
					if st, err = prepare(ctx, q, "UPDATE customer_stats SET "+strings.Join(set, ", ")+" WHERE customer_id = ?"); err != nil {
						return err
					}
					updates[mask] = st
				}
				if _, err := st.ExecContext(ctx, append(changed, id)...); err != nil {
					return err
				}
			}
		}
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
			if _, err := q.ExecContext(ctx, `INSERT INTO deal_stats (deal_id, customer_id, stage_since, rot_on) VALUES (?,?,?,?)
				ON CONFLICT (deal_id) DO UPDATE SET customer_id = excluded.customer_id, stage_since = excluded.stage_since, rot_on = excluded.rot_on`,
				dl.id, a.id, since.String(), rot); err != nil {
				return err
			}
		}
	}
	// Customers that no longer exist, and deals that are no longer open.
	for id := range old {
		if _, ok := accs[id]; !ok {
			if _, err := q.ExecContext(ctx, `DELETE FROM customer_stats WHERE customer_id = ?`, id); err != nil {
				return err
			}
		}
	}
	for id := range oldDeals {
		if _, err := q.ExecContext(ctx, `DELETE FROM deal_stats WHERE deal_id = ?`, id); err != nil {
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
