package db

import (
	"context"
	"encoding/json"
	"math"
	"runtime/debug"
	"slices"
	"strconv"
	"time"

	"github.com/rapportcrm/rapport/model"
)

// RefreshResult says what a Refresh did.
type RefreshResult struct {
	NewDay      bool // the daily part ran (rhythm and tiers)
	Refit       bool // the lapse model was refitted and every customer re-scored
	Rhythm      int  // the g now in force
	Recomputed  int  // customers whose stats and risk were recomputed
	Rescored    int  // of them, re-scored from their stored lapse state only
	TierChanges int  // customers whose tier the segmentation changed
	Playbooks   PlaybookRun
}

// firePlaybooks runs the time-based playbook rules once the rows are
// written (see fireTimeRules).
func (r *refreshRun) firePlaybooks(ctx context.Context) error {
	run, err := r.t.fireTimeRules(r.newDay)
	r.res.Playbooks = run
	return err
}

// Refresh brings materialised risk up to date for the clock's today: on the
// first call of a new local day it recomputes the book's rhythm g and the
// ABC tiers; when the lapse model is due for a refit (the first refresh of
// a calendar month, none stored yet, or a new horizon; see RefitDue) it
// refits it and re-scores every customer; then it recomputes every customer
// whose risk_valid_until has come, whose inputs were marked stale, or who
// was scored with another g. The app (at launch and at local midnight) and
// every verb that reads risk call this one function, so they always agree.
// It writes nothing when nothing is due, and of the rows it recomputes it
// writes only the columns that changed.
func (d *DB) Refresh(ctx context.Context) (RefreshResult, error) {
	now := d.now()
	today := model.DayOf(now)
	set, err := loadSettings(ctx, d.r)
	if err != nil {
		return RefreshResult{}, mapError(err)
	}
	res := RefreshResult{NewDay: set.RefreshedOn != today, Refit: refitDue(set, today), Rhythm: set.EffectiveRhythm()}
	if d.readOnly {
		// Nothing can be written: show the risk as it was last stored.
		res.Refit = false
		return res, nil
	}
	if !res.NewDay && !res.Refit {
		due, err := d.refreshDue(ctx, today)
		if err != nil || !due {
			return res, mapError(err)
		}
	}
	err = d.Write(ctx, "", func(t *Tx) error {
		r := &refreshRun{d: d, t: t, q: t.tx, now: now, today: today, res: &res}
		return r.run(ctx)
	})
	return res, err
}

// refreshDue reports whether any stats row is due on a day that is not new.
func (d *DB) refreshDue(ctx context.Context, today model.Day) (bool, error) {
	var due bool
	err := d.r.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM customer_stats WHERE risk_valid_until <= ?1)
		OR EXISTS (SELECT 1 FROM customer_stats WHERE counts_valid_until <= ?1)
		OR EXISTS (SELECT 1 FROM customer_stats WHERE stale = 1)
		OR coalesce((SELECT max(id) FROM customers), 0) <> coalesce((SELECT max(customer_id) FROM customer_stats), 0)`, today.String()).Scan(&due)
	return due, err
}

// refreshRun is one Refresh inside its write transaction. The inputs are
// read through the read connections, which see the book as it was when the
// transaction began (they never see its uncommitted writes, and no one else
// can write meanwhile), so they can be gathered on both cores at once and
// beside the transaction's first writes: on a day that is not a refit day,
// the rows whose lapse points moved are re-scored while the daily part and
// the other due rows' inputs are read. Every other write comes after.
type refreshRun struct {
	d     *DB
	t     *Tx
	q     Querier
	now   time.Time
	today model.Day
	res   *RefreshResult

	set        Settings
	newDay     bool
	refit      bool
	scoredWith int // the g the stored rows were scored with
	total      int // customers in the book

	ids      []int64    // the customers to recompute; nil = every customer
	fast     []lapseRow // due rows re-scored from their stored lapse state
	rescored bool       // fast has been written already
	accs     map[int64]*customerAcc
	order    []int64

	// The daily part's results.
	rhythm  int
	changes []TierChange
	leavers map[int64]int64
	lapse   LapseModel    // the new fit, on a refit day: set before fitDone closes
	fitErr  error         // and the error making it
	fitDone chan struct{} // closed once the fit is made (or failed)
}

func (r *refreshRun) run(ctx context.Context) error {
	if err := r.load(ctx); err != nil {
		return err
	}
	if !r.refit {
		defer boundRefreshMemory(r.total)()
	}
	// The daily part's reads (rhythm, tiers, the lapse fit) run beside the
	// due rows' reads and the re-scoring.
	daily := make(chan error, 1)
	go func() { daily <- r.readDaily(ctx) }()
	err := r.readInputs(ctx)
	if derr := <-daily; err == nil {
		err = derr
	}
	if err != nil {
		return err
	}
	steps := []func(context.Context) error{
		r.widen,
		r.writeDaily,
		func(ctx context.Context) error { return refreshDueCounts(ctx, r.q, r.today) },
		r.writeRows,
		r.firePlaybooks,
	}
	for _, step := range steps {
		if err := step(ctx); err != nil {
			return err
		}
	}
	return nil
}

// Memory of the refresh (SPEC §7: under 80 MB resident): a day that is
// not a refit day keeps about 17 MB of Go heap at once on the
// 100,000-customer reference book, and the runtime let the heap double and
// kept the freed pages. While such a day is refreshed, the Go heap gets a
// soft limit of refreshMemoryBase plus refreshMemoryPerCustomer a
// customer (37 MB there), unless the process has one (GOMEMLIMIT) — the
// way an import bounds its own. A refit day holds the whole order history
// summarised (about 40 MB there) and is not bounded: under a limit below
// that the collector would run without pause.
const (
	refreshMemoryBase        = 24 << 20
	refreshMemoryPerCustomer = 128
)

// boundRefreshMemory sets the refresh's soft memory limit for a book of
// customers when the process has none, and returns what puts the old one
// back.
func boundRefreshMemory(customers int) func() {
	prev := debug.SetMemoryLimit(-1)
	if prev != math.MaxInt64 {
		return func() {}
	}
	debug.SetMemoryLimit(refreshMemoryBase + int64(max(customers, 0))*refreshMemoryPerCustomer)
	return func() { debug.SetMemoryLimit(prev) }
}

// load reads the settings as the transaction sees them and decides what
// the daily part does.
func (r *refreshRun) load(ctx context.Context) error {
	set, err := loadSettings(ctx, r.q)
	if err != nil {
		return err
	}
	r.set = set
	r.newDay = set.RefreshedOn != r.today
	r.refit = refitDue(set, r.today)
	r.scoredWith = set.EffectiveRhythm()
	r.res.NewDay, r.res.Refit = r.newDay, r.refit
	r.fitDone = make(chan struct{})
	return r.q.QueryRowContext(ctx, `SELECT count(*) FROM customers`).Scan(&r.total)
}

// pickRows finds the customers whose rows are due: expired (those due only
// because their lapse points moved go the short way, see readDueRows),
// marked stale, or new (every store write gives a new customer its stats
// row in the same transaction; only rows added past the newest stats row
// can lack one). A refit re-scores every lapse-scored row the short way.
// Past a third of the book one streaming pass beats per-id lookups; stored
// revenue that cannot be brought forward is rebuilt with every row.
func (r *refreshRun) pickRows(ctx context.Context) error {
	fast, slow, err := readDueRows(ctx, r.q, r.today, r.refit)
	if err != nil {
		return err
	}
	more, err := queryIDs(ctx, r.q, `SELECT customer_id FROM customer_stats WHERE stale = 1
		UNION SELECT id FROM customers WHERE id > (SELECT coalesce(max(customer_id), 0) FROM customer_stats)`)
	if err != nil {
		return err
	}
	ids := append(append([]int64{}, slow...), more...) // never nil: nil means "every customer"
	newStart := revenueFrom(r.today, r.now.Location())
	if len(ids)*3 > r.total || (r.newDay && !canCarryRevenue(r.set.RevenueFrom, newStart)) {
		ids, fast = nil, nil
	}
	r.ids, r.fast = ids, fast
	return nil
}

// readInputs picks the due rows and gathers the inputs of those that go
// the long way, and meanwhile re-scores the others through the
// transaction: at once on a day that is not a refit day (the weights
// stay), as soon as the new fit is made on one that is. A row re-scored
// here that the daily part then sends the long way (its tier moved, or g
// did) is simply recomputed again.
func (r *refreshRun) readInputs(ctx context.Context) error {
	if err := r.pickRows(ctx); err != nil {
		return err
	}
	rescore := make(chan error, 1)
	if len(r.fast) == 0 {
		rescore <- nil
	} else {
		r.rescored = true
		go func() {
			set := r.set
			if r.refit {
				<-r.fitDone
				if r.fitErr != nil {
					rescore <- nil // readDaily reports it
					return
				}
				set.Lapse = &r.lapse
			}
			rescore <- rescoreLapseRows(ctx, r.q, set, r.fast, r.today)
		}()
	}
	var err error
	if r.ids == nil || len(r.ids) > 0 {
		r.accs, r.order, err = gatherInputsParallel(ctx, r.d.r, r.ids, r.now.Location(), r.today, r.set.Currency)
	}
	if rerr := <-rescore; err == nil {
		err = rerr
	}
	return err
}

// readDaily computes what changes once a day (g and the tiers) and once a
// month (the lapse fit, beside the rest: it is the longest read), through
// the read connections.
func (r *refreshRun) readDaily(ctx context.Context) error {
	if r.refit {
		go func() {
			defer close(r.fitDone)
			r.lapse, r.fitErr = fitLapse(ctx, r.d.r, r.set, r.now)
		}()
	}
	err := r.readRhythmAndTiers(ctx)
	if r.refit {
		<-r.fitDone
		if err == nil {
			err = r.fitErr
		}
	}
	return err
}

// readRhythmAndTiers computes g and the tier changes on a new day.
func (r *refreshRun) readRhythmAndTiers(ctx context.Context) error {
	r.rhythm = r.set.Rhythm
	if !r.newDay {
		return nil
	}
	rhythm, err := computeRhythm(ctx, r.d.r)
	if err != nil {
		return err
	}
	r.rhythm = rhythm
	rev, leavers, err := currentRevenue(ctx, r.d.r, r.now)
	if err != nil {
		return err
	}
	r.leavers = leavers
	r.changes, err = applyTiersFrom(ctx, r.d.r, rev, r.now, true, nil)
	return err
}

// widen adds what the daily part makes due: a new rhythm moves every
// customer's silence thresholds (rare: everyone), and a customer whose
// tier changes gets a new cadence.
func (r *refreshRun) widen(ctx context.Context) error {
	r.set.Rhythm = r.rhythm
	if r.refit {
		r.set.Lapse = &r.lapse
	}
	g := r.set.EffectiveRhythm()
	r.res.Rhythm = g
	r.res.TierChanges = len(r.changes)
	if g != r.scoredWith && r.ids != nil {
		r.ids, r.fast = nil, nil
		var err error
		if r.accs, r.order, err = gatherInputsParallel(ctx, r.d.r, nil, r.now.Location(), r.today, r.set.Currency); err != nil {
			return err
		}
	}
	if r.ids == nil {
		r.res.Recomputed = r.total
		return nil
	}
	var extra []int64
	moved := map[int64]bool{}
	for _, c := range r.changes {
		if _, ok := r.accs[c.CustomerID]; !ok {
			extra = append(extra, c.CustomerID)
			moved[c.CustomerID] = true
		}
	}
	if len(moved) > 0 {
		// Their cadence moved: the long way, not the short one.
		r.fast = slices.DeleteFunc(r.fast, func(x lapseRow) bool { return moved[x.id] })
	}
	if len(extra) > 0 {
		more, moreOrder, err := gatherInputs(ctx, r.d.r, extra, r.now.Location(), r.today, r.set.Currency)
		if err != nil {
			return err
		}
		if r.accs == nil {
			r.accs = map[int64]*customerAcc{}
		}
		for id, a := range more {
			r.accs[id] = a
		}
		r.order = append(r.order, moreOrder...)
		r.ids = append(r.ids, extra...)
	}
	r.res.Recomputed = len(r.order) + len(r.fast)
	r.res.Rescored = len(r.fast)
	return nil
}

// writeDaily writes the daily part: rhythm, tiers, the day, the revenue
// window, and the lapse fit.
func (r *refreshRun) writeDaily(ctx context.Context) error {
	q := r.q
	if r.refit {
		if err := setSystemSetting(ctx, q, lapseFitKey, r.lapse.encode()); err != nil {
			return err
		}
	}
	if !r.newDay {
		return nil
	}
	if err := setSystemSetting(ctx, q, "rhythm.computed", strconv.Itoa(r.rhythm)); err != nil {
		return err
	}
	if _, err := applyTierChanges(ctx, q, r.now, r.changes, nil); err != nil {
		return err
	}
	for _, c := range r.changes {
		if a := r.accs[c.CustomerID]; a != nil {
			a.tier = c.To
		}
	}
	if err := setSystemSetting(ctx, q, "refreshed_on", r.today.String()); err != nil {
		return err
	}
	// Orders that left the revenue window come off the stored revenue of
	// the rows not recomputed below (those get theirs afresh: many of them
	// are due because an order left the year).
	newStart := revenueFrom(r.today, r.now.Location())
	if r.ids != nil && len(r.leavers) > 0 {
		up, err := prepare(ctx, q, `UPDATE customer_stats SET revenue_365 = revenue_365 - ?, revenue_from = ? WHERE customer_id = ?`)
		if err != nil {
			return err
		}
		defer up.Close()
		for id, amount := range r.leavers {
			if r.accs[id] != nil {
				continue
			}
			if _, err := up.ExecContext(ctx, amount, newStart, id); err != nil {
				return err
			}
		}
	}
	return setSystemSetting(ctx, q, "revenue.from", strconv.FormatInt(newStart, 10))
}

// writeRows writes the recomputed stats rows and the re-scored ones.
func (r *refreshRun) writeRows(ctx context.Context) error {
	if !r.rescored {
		if err := rescoreLapseRows(ctx, r.q, r.set, r.fast, r.today); err != nil {
			return err
		}
	}
	if len(r.order) == 0 && r.ids != nil {
		return nil
	}
	return writeStats(ctx, r.q, r.set, r.accs, r.order, r.ids, r.now)
}

// refreshDueCounts updates the due-today count of customers one of whose
// follow-ups became due, without recomputing their rows: nothing else about
// them changes that day (becoming overdue, the next day, is a risk change
// and recomputes the row).
func refreshDueCounts(ctx context.Context, q Querier, today model.Day) error {
	_, err := q.ExecContext(ctx, `UPDATE customer_stats SET
		due_today_followups = (SELECT count(*) FROM followups f WHERE f.customer_id = customer_stats.customer_id
			AND f.done_at IS NULL AND f.archived_at IS NULL AND f.due_date = ?1),
		counts_valid_until = coalesce((SELECT min(f.due_date) FROM followups f WHERE f.customer_id = customer_stats.customer_id
			AND f.done_at IS NULL AND f.archived_at IS NULL AND f.due_date > ?1), '9999-12-31')
		WHERE counts_valid_until <= ?1 AND risk_valid_until > ?1`, today.String())
	return err
}

// RecomputeAll rebuilds customer_stats and deal_stats for the whole book
// from the base tables (also used after bulk loads).
func (d *DB) RecomputeAll(ctx context.Context) error {
	return d.Write(ctx, "", func(t *Tx) error {
		return d.recomputeStats(ctx, t.tx, nil, t.now)
	})
}

// computeRhythm returns the book's rhythm g (SPEC §3): the median, over live
// customers with ≥ 3 contacts in the last 365 days, of each one's median gap.
// The per-customer figures are materialised in customer_stats (rhythm_n,
// rhythm_gap) whenever the customer's row is computed, so the daily
// refresh reads 100k small rows instead of a year of interactions.
func computeRhythm(ctx context.Context, q Querier) (int, error) {
	rows, err := q.QueryContext(ctx, `SELECT rhythm_gap FROM customer_stats WHERE live = 1 AND rhythm_n >= 3`)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	var gaps []float64
	for rows.Next() {
		var g float64
		if err := rows.Scan(&g); err != nil {
			return 0, err
		}
		gaps = append(gaps, g)
	}
	if err := rows.Err(); err != nil {
		return 0, err
	}
	return model.BookRhythm(gaps), nil
}

func queryIDs(ctx context.Context, q Querier, query string, args ...any) ([]int64, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

func idsJSON(ids []int64) string {
	if ids == nil {
		ids = []int64{}
	}
	b, _ := json.Marshal(ids)
	return string(b)
}
