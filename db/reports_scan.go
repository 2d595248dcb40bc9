package db

import (
	"context"
	"database/sql"
	"maps"
	"sort"
	"strings"
	"time"

	"github.com/rapportcrm/rapport/model"
)

// customerInfo is what the report needs of each customer.
type customerInfo struct {
	tier     model.Tier
	archived bool
	prospect bool
}

// customerScan holds the customers that are archived, prospects or in
// tier A or B; every other customer is a live tier C customer.
type customerScan struct {
	special map[int64]customerInfo
	// dense repeats special as one code per id (0: a live tier C
	// customer) when the ids are small enough for it, so the big scans
	// look customers up without hashing; ids past its end use special.
	dense []uint8
	total int // every customer, archived ones included
}

// Customer codes of customerScan.dense: the tier's place in "ABC" (1–3)
// times 4, plus 2 when archived and 1 when a prospect.
const (
	codeArchived = 2
	codeProspect = 1
	tierLetters  = "ABC"
)

// get returns what the report needs of customer id.
func (cs *customerScan) get(id int64) customerInfo {
	if id >= 0 && id < int64(len(cs.dense)) {
		code := cs.dense[id]
		if code == 0 {
			return customerInfo{tier: model.TierC}
		}
		return customerInfo{tier: model.Tier(tierLetters[code>>2-1 : code>>2]), archived: code&codeArchived != 0, prospect: code&codeProspect != 0}
	}
	if c, ok := cs.special[id]; ok {
		return c
	}
	return customerInfo{tier: model.TierC}
}

// scanCustomers reads the customers that are not live tier C customers
// (usually a minority), so the big scans can look customers up cheaply.
// They come as two integer lists (id, code); a tier outside A, B and C (a
// row that escaped the schema's check) sends the scan row by row.
func scanCustomers(ctx context.Context, q Querier) (customerScan, error) {
	cs := customerScan{special: map[int64]customerInfo{}}
	var maxID int64
	if err := q.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM customers), coalesce((SELECT max(id) FROM customers), 0)`).Scan(&cs.total, &maxID); err != nil {
		return cs, err
	}
	odd := false
	err := scanIntLists(ctx, q, 2, func(v []int64) {
		id, code := v[0], v[1]
		if code>>2 < 1 || code>>2 > 3 {
			odd = true
			return
		}
		cs.special[id] = customerInfo{tier: model.Tier(tierLetters[code>>2-1 : code>>2]), archived: code&codeArchived != 0, prospect: code&codeProspect != 0}
	}, `SELECT group_concat(id), group_concat(instr('`+tierLetters+`', tier) * 4 + (archived_at IS NOT NULL) * `+"2"+` + (lifecycle = 'prospect'))
		FROM customers WHERE tier <> 'C' OR archived_at IS NOT NULL OR lifecycle = 'prospect'`)
	if err != nil {
		return cs, err
	}
	if odd {
		if cs.special, err = scanCustomerRows(ctx, q); err != nil {
			return cs, err
		}
	}
	// One byte per id while the ids stay within a few times the count.
	if maxID >= 0 && maxID < 4*int64(cs.total)+1024 && !odd {
		cs.dense = make([]uint8, maxID+1)
		for id, c := range cs.special {
			if id < 0 || id > maxID {
				continue
			}
			code := uint8(strings.Index(tierLetters, string(c.tier))+1) << 2
			if c.archived {
				code |= codeArchived
			}
			if c.prospect {
				code |= codeProspect
			}
			cs.dense[id] = code
		}
	}
	return cs, nil
}

// scanCustomerRows is scanCustomers row by row, for a book whose tiers
// are not all A, B or C.
func scanCustomerRows(ctx context.Context, q Querier) (map[int64]customerInfo, error) {
	out := map[int64]customerInfo{}
	rows, err := q.QueryContext(ctx, `SELECT id, tier, archived_at IS NOT NULL, lifecycle = 'prospect' FROM customers
		WHERE tier <> 'C' OR archived_at IS NOT NULL OR lifecycle = 'prospect'`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var tier string
		var c customerInfo
		if err := rows.Scan(&id, &tier, &c.archived, &c.prospect); err != nil {
			return nil, err
		}
		c.tier = model.Tier(tier)
		out[id] = c
	}
	return out, rows.Err()
}

// orderScan is what the orders scan gathered.
type orderScan struct {
	masks   idBits
	counts  idBits // orders in the period, capped at 2
	revenue map[model.Tier]moneyAcc
	months  []int64 // book-currency revenue of each month of the period
	// currencies are the other currencies of orders from the
	// segmentation's revenue window start on (archived customers' too).
	currencies map[string]bool
}

// newOrderScan returns an empty orderScan for plan pl.
func newOrderScan(pl *activityPlan) orderScan {
	return orderScan{masks: newIDBits(), counts: newIDBits(), revenue: map[model.Tier]moneyAcc{}, months: make([]int64, len(pl.months)), currencies: map[string]bool{}}
}

// scanOrders reads the orders the report needs: contacts for retention,
// the period's orders for repurchase, the last 365 days' revenue for the
// segments and each month's revenue.
func scanOrders(ctx context.Context, rc *reportCtx) error {
	pl := &rc.plan
	ords := newOrderScan(pl)
	me := pl.monthEdges
	lo, hi := min(pl.retLo, pl.perLo, pl.revLo, me[0]), max(pl.retHi, pl.perHi, pl.revHi, me[len(me)-1])
	book := rc.set.Currency
	var overflow error
	// The book currency's revenue (nearly every order) by tier, without
	// the maps; merged into ords.revenue at the end.
	var bookRev [len(tierLetters)]struct {
		sum  int64
		seen bool
	}
	segFrom := revenueFrom(rc.today, rc.loc)
	add := func(cid, at, amount int64, cur string) {
		if cur != book && at >= segFrom {
			ords.currencies[cur] = true
		}
		c := rc.cust.get(cid)
		if c.archived {
			return
		}
		if cur == book && at >= me[0] && at < me[len(me)-1] {
			i := sort.Search(len(me), func(i int) bool { return me[i] > at }) - 1
			var over bool
			if ords.months[i], over = model.AddMinor(ords.months[i], amount); over && overflow == nil {
				overflow = &model.TotalOverflowError{What: "revenue of " + pl.months[i].String()[:7] + " in " + book}
			}
		}
		if at >= pl.retLo && at < pl.retHi {
			if m := pl.maskAt(at); m != 0 {
				ords.masks.or(cid, m)
			}
		}
		if at >= pl.perLo && at < pl.perHi {
			ords.counts.inc(cid, 2)
		}
		if at >= pl.revLo && at < pl.revHi {
			if t := tierIndex(c.tier); t >= 0 && cur == book {
				var over bool
				bookRev[t].seen = true
				if bookRev[t].sum, over = model.AddMinor(bookRev[t].sum, amount); over && overflow == nil {
					overflow = &model.TotalOverflowError{What: "tier " + string(c.tier) + " revenue in " + book}
				}
				return
			}
			if ords.revenue[c.tier] == nil {
				ords.revenue[c.tier] = moneyAcc{}
			}
			if err := ords.revenue[c.tier].add("tier "+string(c.tier)+" revenue", cur, amount, 0); err != nil && overflow == nil {
				overflow = err
			}
		}
	}
	// Once the customers are read: per-id slices of their size.
	ready := func() {
		ords.masks.size(len(rc.cust.dense))
		ords.counts.size(len(rc.cust.dense))
	}
	ok, err := scanOrderLists(ctx, rc, lo, hi, ready, add)
	if err != nil {
		return err
	}
	if !ok {
		// A currency the lists cannot carry: start again, row by row.
		ords = newOrderScan(pl)
		overflow = nil
		clear(bookRev[:])
		if err := scanOrderRows(ctx, rc, lo, hi, ready, add); err != nil {
			return err
		}
	}
	if overflow != nil {
		return overflow
	}
	for t, r := range bookRev {
		if r.seen {
			tier := model.Tier(tierLetters[t : t+1])
			if ords.revenue[tier] == nil {
				ords.revenue[tier] = moneyAcc{}
			}
			if err := ords.revenue[tier].add("tier "+string(tier)+" revenue", book, r.sum, 0); err != nil {
				return err
			}
		}
	}
	rc.ords = ords
	return nil
}

// tierIndex returns the place of t in tierLetters, or -1.
func tierIndex(t model.Tier) int {
	switch t {
	case model.TierA:
		return 0
	case model.TierB:
		return 1
	case model.TierC:
		return 2
	}
	return -1
}

// currencySep separates the currencies of the orders list (a control
// character no currency code holds; one that did would be caught by the
// count).
const currencySep = "\x1e"

// scanOrderLists reads every live order in [lo, hi) in one pass over the
// covering revenue index (calling ready once the customers are read), as
// integer lists: the customer, the time (×2,
// plus 1 when the currency is not the book's) and the amount, with the
// other currencies in order in a fourth list. It returns false, having
// called add for nothing, when that list does not split into one
// currency per flagged order.
func scanOrderLists(ctx context.Context, rc *reportCtx, lo, hi int64, ready func(), add func(cid, at, amount int64, cur string)) (bool, error) {
	book := rc.set.Currency
	var others sql.NullString
	var flagged int
	l, err := queryIntLists(ctx, rc.d.r, 3, []any{&others, &flagged},
		`SELECT group_concat(customer_id), group_concat((ordered_at - ?1) * 2 + (currency <> ?3)), group_concat(amount_minor),
			group_concat(CASE WHEN currency <> ?3 THEN currency END, '`+currencySep+`'), count(CASE WHEN currency <> ?3 THEN 1 END)
		FROM orders INDEXED BY orders_revenue WHERE ordered_at >= ?1 AND ordered_at < ?2 AND archived_at IS NULL`, lo, hi, book)
	if err != nil {
		return false, err
	}
	var curs []string
	if flagged > 0 {
		if curs = strings.Split(others.String, currencySep); len(curs) != flagged {
			return false, nil
		}
	}
	if err := rc.waitCustomers(ctx); err != nil {
		return false, err
	}
	ready()
	next := 0
	return true, l.each(func(v []int64) {
		cur := book
		if v[1]&1 == 1 {
			cur = curs[next]
			next++
		}
		add(v[0], lo+v[1]>>1, v[2], cur)
	})
}

// scanOrderRows reads every live order in [lo, hi) row by row (calling
// ready once the customers are read).
func scanOrderRows(ctx context.Context, rc *reportCtx, lo, hi int64, ready func(), add func(cid, at, amount int64, cur string)) error {
	if err := rc.waitCustomers(ctx); err != nil {
		return err
	}
	ready()
	rows, err := rc.d.r.QueryContext(ctx, `SELECT customer_id, ordered_at, amount_minor, currency
		FROM orders NOT INDEXED WHERE ordered_at >= ?1 AND ordered_at < ?2 AND archived_at IS NULL`, lo, hi)
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
		add(cid, at, amount, cur)
	}
	return rows.Err()
}

// segmentExtras reads what the segments show besides the scans: the live
// customers whose tier changed this month, and the other currencies of
// orders dated after the orders scan's end (the scan sees the rest).
func segmentExtras(ctx context.Context, rc *reportCtx) error {
	monthStart := time.Date(rc.now.Year(), rc.now.Month(), 1, 0, 0, 0, 0, rc.loc).Unix()
	if err := rc.d.r.QueryRowContext(ctx, `SELECT count(DISTINCT t.customer_id) FROM tier_changes t JOIN customers c ON c.id = t.customer_id
		WHERE t.changed_at >= ? AND c.archived_at IS NULL`, monthStart).Scan(&rc.tierChanged); err != nil {
		return err
	}
	pl := &rc.plan
	me := pl.monthEdges
	hi := max(pl.retHi, pl.perHi, pl.revHi, me[len(me)-1])
	rows, err := rc.d.r.QueryContext(ctx, `SELECT DISTINCT currency FROM orders INDEXED BY orders_revenue
		WHERE archived_at IS NULL AND ordered_at >= ? AND currency <> ?`, hi, rc.set.Currency)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var cur string
		if err := rows.Scan(&cur); err != nil {
			return err
		}
		rc.laterCurrencies = append(rc.laterCurrencies, cur)
	}
	return rows.Err()
}

// rankedApart lists the currencies with revenue from the segmentation's
// window start on that have no exchange rate (as UnrankedCurrencies does,
// from what the orders scan saw).
func (rc *reportCtx) rankedApart() []string {
	seen := maps.Clone(rc.ords.currencies)
	for _, cur := range rc.laterCurrencies {
		seen[cur] = true
	}
	var out []string
	for cur := range seen {
		if rc.set.rates[cur] == nil {
			out = append(out, cur)
		}
	}
	sort.Strings(out)
	return out
}

// idBits holds a small value per customer id: in a slice indexed by id
// while the ids are those of the customer table's per-id codes
// (customerScan.dense), in a map past its end. Zero means nothing.
type idBits struct {
	dense  []uint64
	sparse map[int64]uint64
}

func newIDBits() idBits { return idBits{sparse: map[int64]uint64{}} }

// size gives b a slice for ids below n (before anything is stored).
func (b *idBits) size(n int) {
	if b.dense == nil && n > 0 {
		b.dense = make([]uint64, n)
	}
}

// or sets the bits v of id.
func (b *idBits) or(id int64, v uint64) {
	if id >= 0 && id < int64(len(b.dense)) {
		b.dense[id] |= v
		return
	}
	b.sparse[id] |= v
}

// inc adds one to id's value, up to limit.
func (b *idBits) inc(id int64, limit uint64) {
	if id >= 0 && id < int64(len(b.dense)) {
		b.dense[id] = min(b.dense[id]+1, limit)
		return
	}
	b.sparse[id] = min(b.sparse[id]+1, limit)
}

// merge ors every value of o into b.
func (b *idBits) merge(o idBits) {
	for id, v := range o.dense {
		if v != 0 {
			b.or(int64(id), v)
		}
	}
	for id, v := range o.sparse {
		b.or(id, v)
	}
}

// each calls fn with every id whose value is not zero.
func (b *idBits) each(fn func(id int64, v uint64)) {
	for id, v := range b.dense {
		if v != 0 {
			fn(int64(id), v)
		}
	}
	for id, v := range b.sparse {
		if v != 0 {
			fn(id, v)
		}
	}
}
