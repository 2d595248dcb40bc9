package db

import (
	"context"
	"database/sql"
	"strings"
	"time"

	"github.com/rapportcrm/rapport/model"
)

// The stats writer's inputs: one streaming query per table, for a set of
// customers or for the whole book.

// gatherInputs streams the rows every stat depends on, for ids (nil = all).
func gatherInputs(ctx context.Context, q Querier, ids []int64, loc *time.Location, today model.Day, currency string) (map[int64]*customerAcc, []int64, error) {
	accs, order, err := gatherCustomers(ctx, q, ids)
	if err != nil || len(order) == 0 {
		return accs, order, err
	}
	dealLast, err := gatherInteractions(ctx, q, ids, accs, loc, today)
	if err == nil {
		err = gatherOrders(ctx, q, ids, accs, loc, today, currency)
	}
	if err == nil {
		err = gatherFollowups(ctx, q, ids, accs)
	}
	if err == nil {
		err = gatherDeals(ctx, q, ids, accs, currency)
	}
	if err != nil {
		return nil, nil, err
	}
	finishInputs(accs, dealLast)
	return accs, order, nil
}

// gatherInputsParallel is gatherInputs with the four streams read at once
// on separate connections of r. Only valid while the caller holds the write
// lock and has not written yet, so r sees exactly what the transaction sees.
func gatherInputsParallel(ctx context.Context, r *sql.DB, ids []int64, loc *time.Location, today model.Day, currency string) (map[int64]*customerAcc, []int64, error) {
	return gatherInputsOn(ctx, [4]Querier{r, r, r, r}, ids, loc, today, currency)
}

// gatherInputsOn is gatherInputs with the four streams read at once, on
// qs[0] (customers, then interactions), qs[1] (orders), qs[2] (follow-ups)
// and qs[3] (deals). The caller makes sure they all see the same book.
func gatherInputsOn(ctx context.Context, qs [4]Querier, ids []int64, loc *time.Location, today model.Day, currency string) (map[int64]*customerAcc, []int64, error) {
	accs, order, err := gatherCustomers(ctx, qs[0], ids)
	if err != nil || len(order) == 0 {
		return accs, order, err
	}
	var dealLast map[int64]int64
	errs := make(chan error, 4)
	// Each stream writes its own fields of the accumulators.
	go func() {
		var err error
		dealLast, err = gatherInteractions(ctx, qs[0], ids, accs, loc, today)
		errs <- err
	}()
	go func() { errs <- gatherOrders(ctx, qs[1], ids, accs, loc, today, currency) }()
	go func() { errs <- gatherFollowups(ctx, qs[2], ids, accs) }()
	go func() { errs <- gatherDeals(ctx, qs[3], ids, accs, currency) }()
	for i := 0; i < 4; i++ {
		if e := <-errs; e != nil && err == nil {
			err = e
		}
	}
	if err != nil {
		return nil, nil, err
	}
	finishInputs(accs, dealLast)
	return accs, order, nil
}

// revenueFrom is the start of the segmentation's revenue window on today:
// the local midnight 364 days earlier (365 days with today).
func revenueFrom(today model.Day, loc *time.Location) int64 {
	return today.AddDays(-364).In(loc).Unix()
}

// finishInputs combines what the streams found: an order is contact too,
// and a deal's clock restarts at its last interaction.
func finishInputs(accs map[int64]*customerAcc, dealLast map[int64]int64) {
	for _, a := range accs {
		if a.lastOrder > a.lastContact {
			a.lastContact = a.lastOrder
		}
		for i := range a.deals {
			a.deals[i].lastActivity = dealLast[a.deals[i].id]
		}
	}
}

func gatherCustomers(ctx context.Context, q Querier, ids []int64) (map[int64]*customerAcc, []int64, error) {
	accs := map[int64]*customerAcc{}
	var order []int64
	where, args := idFilter("id", ids)
	rows, err := q.QueryContext(ctx, `SELECT id, created_at, lifecycle, archived_at IS NOT NULL, tier, coalesce(cadence_days, 0) FROM customers WHERE `+where+` ORDER BY id`, args...)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	for rows.Next() {
		a := &customerAcc{fbScore: -1}
		var tier string
		if err := rows.Scan(&a.id, &a.created, &a.lifecycle, &a.archived, &tier, &a.cadence); err != nil {
			return nil, nil, err
		}
		a.tier = model.Tier(tier)
		accs[a.id] = a
		order = append(order, a.id)
	}
	return accs, order, rows.Err()
}

// gatherInteractions reads interactions in time order per customer and
// returns each deal's last interaction time.
func gatherInteractions(ctx context.Context, q Querier, ids []int64, accs map[int64]*customerAcc, loc *time.Location, today model.Day) (map[int64]int64, error) {
	cwhere, cargs := idFilter("customer_id", ids)
	recentFrom := today.AddDays(-119)
	dealLast := map[int64]int64{}
	rows, err := q.QueryContext(ctx, `SELECT customer_id, coalesce(deal_id, 0), kind, direction, outcome, coalesce(score, -1), occurred_at, coalesce(resolved_at, 0)
		FROM interactions WHERE archived_at IS NULL AND `+cwhere+` ORDER BY customer_id, occurred_at, id`, cargs...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var cid, dealID, at, resolved int64
		var kind, dir, outcome string
		var score int
		if err := rows.Scan(&cid, &dealID, &kind, &dir, &outcome, &score, &at, &resolved); err != nil {
			return nil, err
		}
		a := accs[cid]
		if a == nil {
			continue
		}
		if dealID > 0 && at > dealLast[dealID] {
			dealLast[dealID] = at
		}
		isContact := dir != string(model.Internal) && kind != string(model.KindNote)
		if isContact {
			if at >= a.lastContactIx {
				a.lastContactIx = at
				a.lastContactNeg = outcome == string(model.OutcomeNegative)
			}
			if at > a.lastContact {
				a.lastContact = at
			}
			if dir == string(model.Inbound) && at > a.lastInbound {
				a.lastInbound = at
			}
			a.streak = model.UnansweredStep(a.streak, dir, outcome)
			day := model.DayOfUnix(at, loc)
			if day >= recentFrom && day <= today {
				a.recent = append(a.recent, day)
			}
			a.contactDays = append(a.contactDays, day)
		}
		if kind == string(model.KindComplaint) {
			if at > a.lastComplaint {
				a.lastComplaint = at
			}
			if resolved == 0 {
				a.openComplaints++
				if a.oldestOpenComplaint == 0 || at < a.oldestOpenComplaint {
					a.oldestOpenComplaint = at
				}
			} else if resolved > a.lastResolved {
				a.lastResolved = resolved
			}
		}
		if score >= 0 && at >= a.fbAt {
			a.fbAt = at
			a.fbScore = score
		}
	}
	return dealLast, rows.Err()
}

// gatherOrders reads orders: count, last, the days between them.
func gatherOrders(ctx context.Context, q Querier, ids []int64, accs map[int64]*customerAcc, loc *time.Location, today model.Day, currency string) error {
	cwhere, cargs := idFilter("customer_id", ids)
	from := revenueFrom(today, loc)
	rows, err := q.QueryContext(ctx, `SELECT customer_id, ordered_at, amount_minor, currency FROM orders WHERE archived_at IS NULL AND `+cwhere+` ORDER BY customer_id, ordered_at, id`, cargs...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var cid, at, amount int64
		var cur string
		if err := rows.Scan(&cid, &at, &amount, &cur); err != nil {
			return err
		}
		a := accs[cid]
		if a == nil {
			continue
		}
		a.revenueFrom = from
		if at >= from && cur == currency {
			a.revenue, _ = model.AddMinor(a.revenue, amount) // clamped, never wrapped
		}
		if cur == currency {
			a.bookOrders++
			a.bookMinor += amount
		}
		a.orderDays = append(a.orderDays, model.DayOfUnix(at, loc))
		if at > a.lastOrder {
			a.lastOrder = at
		}
	}
	return rows.Err()
}

// gatherFollowups reads open follow-ups.
func gatherFollowups(ctx context.Context, q Querier, ids []int64, accs map[int64]*customerAcc) error {
	cwhere, cargs := idFilter("customer_id", ids)
	rows, err := q.QueryContext(ctx, `SELECT customer_id, due_date, coalesce(due_time, '') FROM followups
		WHERE done_at IS NULL AND archived_at IS NULL AND `+cwhere+` ORDER BY customer_id, due_date, due_time`, cargs...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var cid int64
		var due, tm string
		if err := rows.Scan(&cid, &due, &tm); err != nil {
			return err
		}
		a := accs[cid]
		if a == nil {
			continue
		}
		a.openFollowups++
		if a.nextDue == "" {
			a.nextDue, a.nextTime = due, tm
		}
		if day, err := model.ParseDay(due); err == nil {
			a.dues = append(a.dues, day)
		}
	}
	return rows.Err()
}

// gatherDeals reads open deals with their stage.
func gatherDeals(ctx context.Context, q Querier, ids []int64, accs map[int64]*customerAcc, currency string) error {
	dwhere, dargs := idFilter("d.customer_id", ids)
	rows, err := q.QueryContext(ctx, `SELECT d.id, d.customer_id, d.title, s.name, s.rot_days, d.stage_changed_at, coalesce(d.snoozed_until, ''), d.value_minor, d.currency
		FROM deals d JOIN stages s ON s.id = d.stage_id
		WHERE d.status = 'open' AND d.archived_at IS NULL AND `+dwhere+` ORDER BY d.customer_id, d.id`, dargs...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var dl dealAcc
		var snoozed, cur string
		var value int64
		if err := rows.Scan(&dl.id, &dl.customerID, &dl.title, &dl.stage, &dl.rotDays, &dl.stageChanged, &snoozed, &value, &cur); err != nil {
			return err
		}
		a := accs[dl.customerID]
		if a == nil {
			continue
		}
		if snoozed != "" {
			dl.snoozed, _ = model.ParseDay(snoozed)
		}
		a.deals = append(a.deals, dl)
		if strings.EqualFold(cur, currency) {
			a.pipeline += value
		}
	}
	return rows.Err()
}
