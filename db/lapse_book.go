package db

import (
	"context"
	"slices"
	"time"

	"github.com/rapportcrm/rapport/model"
)

// The lapse model learns from the book's own past (SPEC §3). Everything it
// needs comes from one pass over the orders_revenue index (it covers
// ordered_at, currency, customer_id and amount_minor of live orders), in
// time order, summarised per customer as of three days: T − 2H, T − H and T.

// lapseCuts are the days a lapse book summarises the orders as of.
const (
	cutCheck = iota // T − 2H: the check's training day
	cutTrain        // T − H: the fit's training day, the check's scoring day
	cutNow          // T
	lapseCuts
)

// lapseAsOf is one customer's orders as of one cut day.
type lapseAsOf struct {
	last       model.Day // last order day ≤ the cut (NoDay: none)
	orderDays  int       // distinct order days in the 365 days up to the cut
	counted    model.Day // the last day counted in orderDays
	bookOrders int
	bookMinor  float64
	after      bool // an order in (cut, cut + H]
}

// lapseCustomer is one customer's summary at every cut.
type lapseCustomer struct {
	id  int64
	cut [lapseCuts]lapseAsOf
}

// lapseBook is the whole book's order history, summarised.
type lapseBook struct {
	today   model.Day
	horizon int
	days    [lapseCuts]model.Day
	cust    []*lapseCustomer // in customer-id order

	// Worked out once per cut: the fit and the check ask again.
	bases    [lapseCuts]*float64
	training [lapseCuts][]model.LapseExample
}

// readLapseBook summarises every live customer's live orders as of T − 2H,
// T − H and T in one pass over the orders_revenue index. The pass reads a
// million rows on the reference book, so each row costs little: the
// customer and whether the order is in the book currency come as one
// number, customers are found by id in a slice, and the local day is only
// worked out again when an order falls outside the previous one's day.
func readLapseBook(ctx context.Context, q Querier, today model.Day, loc *time.Location, currency string, horizon int) (*lapseBook, error) {
	b := &lapseBook{today: today, horizon: horizon}
	b.days = [lapseCuts]model.Day{today.AddDays(-2 * horizon), today.AddDays(-horizon), today}
	archived, err := archivedCustomers(ctx, q)
	if err != nil {
		return nil, err
	}
	var count, minID, maxID int64
	if err := q.QueryRowContext(ctx, `SELECT count(*), coalesce(min(id), 0), coalesce(max(id), 0) FROM customers`).Scan(&count, &minID, &maxID); err != nil {
		return nil, err
	}
	byID := newLapseIndex(count, maxID)
	// Nothing after the end of today counts. Ids that do not fit in 62 bits
	// (only ever set by hand) cannot be packed: such a book is read with
	// the currency test as a column of its own.
	end := today.AddDays(1).In(loc).Unix()
	packed := minID >= -1<<61 && maxID < 1<<61
	query := `SELECT customer_id * 2 + (currency = ?), ordered_at, amount_minor FROM orders INDEXED BY orders_revenue
		WHERE archived_at IS NULL AND ordered_at < ? AND customer_id >= -2305843009213693952 AND customer_id < 2305843009213693952
		ORDER BY ordered_at`
	if !packed {
		query = `SELECT customer_id, ordered_at, amount_minor, currency = ? FROM orders INDEXED BY orders_revenue
		WHERE archived_at IS NULL AND ordered_at < ? ORDER BY ordered_at`
	}
	rows, err := q.QueryContext(ctx, query, currency, end)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var day model.Day
	var dayFrom, dayTo int64 // day covers [dayFrom, dayTo)
	for rows.Next() {
		var cid, at, amount int64
		var book bool
		if packed {
			if err := rows.Scan(&cid, &at, &amount); err != nil {
				return nil, err
			}
			cid, book = cid>>1, cid&1 == 1
		} else if err := rows.Scan(&cid, &at, &amount, &book); err != nil {
			return nil, err
		}
		if archived[cid] {
			continue
		}
		c := byID.get(cid)
		if c == nil {
			c = &lapseCustomer{id: cid}
			byID.put(c)
			b.cust = append(b.cust, c)
		}
		if at < dayFrom || at >= dayTo {
			day, dayFrom, dayTo = localDayRange(at, loc)
		}
		b.add(c, day, amount, book)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	slices.SortFunc(b.cust, func(x, y *lapseCustomer) int {
		switch {
		case x.id < y.id:
			return -1
		case x.id > y.id:
			return 1
		}
		return 0
	})
	return b, nil
}

// localDayRange returns the local day of the moment at and the moments
// [from, to) that surely have the same local day: the whole day when its
// two ends are on it with one UTC offset (no clock change within it), or
// just at itself.
func localDayRange(at int64, loc *time.Location) (day model.Day, from, to int64) {
	day = model.DayOfUnix(at, loc)
	from, to = day.In(loc).Unix(), day.AddDays(1).In(loc).Unix()
	_, off1 := time.Unix(from, 0).In(loc).Zone()
	_, off2 := time.Unix(to-1, 0).In(loc).Zone()
	if off1 != off2 || at < from || at >= to || model.DayOfUnix(from, loc) != day || model.DayOfUnix(to-1, loc) != day {
		return day, at, at + 1
	}
	return day, from, to
}

// lapseIndex finds a lapse book's customers by id: a slice over the ids of
// a book whose ids are dense (the usual case), a map for any others.
type lapseIndex struct {
	dense []*lapseCustomer
	other map[int64]*lapseCustomer
}

func newLapseIndex(count, maxID int64) *lapseIndex {
	x := &lapseIndex{other: map[int64]*lapseCustomer{}}
	if maxID >= 0 && maxID <= 2*count+1024 {
		x.dense = make([]*lapseCustomer, maxID+1)
	}
	return x
}

func (x *lapseIndex) get(id int64) *lapseCustomer {
	if id >= 0 && id < int64(len(x.dense)) {
		return x.dense[id]
	}
	return x.other[id]
}

func (x *lapseIndex) put(c *lapseCustomer) {
	if c.id >= 0 && c.id < int64(len(x.dense)) {
		x.dense[c.id] = c
		return
	}
	x.other[c.id] = c
}

// add counts one order (orders arrive in time order) at every cut.
func (b *lapseBook) add(c *lapseCustomer, day model.Day, amount int64, book bool) {
	for k, cut := range b.days {
		s := &c.cut[k]
		if day > cut {
			if day <= cut.AddDays(b.horizon) {
				s.after = true
			}
			continue
		}
		s.last = day
		if day > cut.AddDays(-365) && day != s.counted {
			s.orderDays++
			s.counted = day
		}
		if book {
			s.bookOrders++
			s.bookMinor += float64(amount)
		}
	}
}

// orders returns a customer's lapse inputs as of cut k.
func (s lapseAsOf) orders(cut model.Day) model.LapseOrders {
	return model.LapseOrders{DaysSince: int(cut - s.last), OrderDays: s.orderDays, BookOrders: s.bookOrders, BookMinor: s.bookMinor}
}

// valueBase is the book median of model.LapseValue as of cut k, over the
// customers with a book-currency order by then.
func (b *lapseBook) valueBase(k int) float64 {
	if b.bases[k] != nil {
		return *b.bases[k]
	}
	var vs []float64
	for _, c := range b.cust {
		s := c.cut[k]
		if s.last == model.NoDay {
			continue
		}
		if v, ok := model.LapseValue(s.orders(b.days[k])); ok {
			vs = append(vs, v)
		}
	}
	m := model.Median(vs)
	b.bases[k] = &m
	return m
}

// examples are the training set as of cut k: every customer with an order
// by then, its features then, and whether it ordered in the H days after
// (worked out once: callers must not change it).
func (b *lapseBook) examples(k int) []model.LapseExample {
	if b.training[k] != nil {
		return b.training[k]
	}
	base := b.valueBase(k)
	var ex []model.LapseExample
	for _, c := range b.cust {
		s := c.cut[k]
		if s.last == model.NoDay {
			continue
		}
		ex = append(ex, model.LapseExample{X: model.LapseFeaturesOf(s.orders(b.days[k]), base), Lapsed: !s.after})
	}
	if ex == nil {
		ex = []model.LapseExample{}
	}
	b.training[k] = ex
	return ex
}

// fit fits the weights as of today and takes the medians the scores and
// reasons measure from.
func (b *lapseBook) fit() model.LapseFit {
	train := b.examples(cutTrain)
	f := model.LapseFit{B: model.FitLapse(train), On: b.today, N: len(train), ValueBase: b.valueBase(cutNow)}
	var rs, fs, ms, avgs []float64
	for _, c := range b.cust {
		s := c.cut[cutNow]
		if s.last == model.NoDay {
			continue
		}
		o := s.orders(b.today)
		x := model.LapseFeaturesOf(o, f.ValueBase)
		rs, fs, ms = append(rs, x.R), append(fs, x.F), append(ms, x.M)
		if o.BookOrders > 0 {
			avgs = append(avgs, o.BookMinor/float64(o.BookOrders))
		}
	}
	f.Median = model.LapseFeatures{R: model.Median(rs), F: model.Median(fs), M: model.Median(ms)}
	f.MedianMinor = int64(model.Median(avgs) + 0.5)
	if len(train) < model.LapseMinTraining {
		f.N = len(train)
	}
	return f
}
