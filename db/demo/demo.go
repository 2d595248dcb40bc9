// Package demo builds rapport's sample book: a believable sales book
// simulated customer by customer over the 18 months up to the book's today
// (Chinese and English companies, orders on a rhythm, customers cooling off
// and leaving, complaints, unanswered outreach, deals moving through the
// stages, follow-ups), deterministic per seed and day. The same generator
// builds the 100,000-customer reference book the speed budgets of SPEC §7
// are measured on.
package demo

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"sort"
	"time"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/model/i18n"
)

// DefaultCustomers is the size of `rapport demo` without --customers.
const DefaultCustomers = 2000

// DefaultSeed is the seed of `rapport demo` without --seed.
const DefaultSeed = 1

// HistoryDays is how far back the simulated history reaches (18 months).
const HistoryDays = 548

// SettingKey is the settings key that marks a book as a demo; its value is
// the local date the book was built on (YYYY-MM-DD). SettingKey+".customers"
// and SettingKey+".seed" record how it was built.
const SettingKey = "demo"

// Options choose the size and the randomness of a demo book.
type Options struct {
	// Customers is how many customers to simulate (0 = DefaultCustomers).
	Customers int
	// Seed makes the book reproducible: one seed and one day give the same
	// file contents.
	Seed int64
	// Progress, when set, is called now and then with the customers written
	// so far (and once at the end of each phase).
	Progress func(phase string, done, total int)
}

// Stats say what Generate wrote and how long its phases took.
type Stats struct {
	Customers, Contacts, Tags, Deals, StageMoves int
	Interactions, Followups, Orders              int
	Rhythm                                       int // the book's rhythm g written for today
	// Recomputed and TierChanges are what the refresh after the load had
	// left to do (0 when the generator anticipated rhythm and tiers).
	Recomputed, TierChanges int
	// Insert is the time spent streaming rows into the tables; Finish the
	// rest of the bulk load (search index and stats with risk, in db);
	// Refresh the daily refresh after it.
	Insert, Finish, Refresh time.Duration
}

// Generate fills an empty book with a demo of opt.Customers customers as of
// the book's clock (d.Now()), in one bulk transaction, marks it as a demo
// (setting `demo` = today) and refreshes it so rhythm, tiers and risk are
// those of today. The book must hold no customers yet.
func Generate(ctx context.Context, d *db.DB, opt Options) (Stats, error) {
	if opt.Customers <= 0 {
		opt.Customers = DefaultCustomers
	}
	empty, err := d.IsEmpty(ctx)
	if err != nil {
		return Stats{}, err
	}
	if !empty {
		return Stats{}, i18n.Errorf("the demo can only be generated into an empty book")
	}
	g := &gen{opt: opt}
	start := time.Now()
	var insertDone time.Time
	// A big page cache for the load (the indexes are written in random
	// order; with SQLite's default 2 MB most inserts would read and spill
	// pages) and statement journals in memory (batched inserts keep one).
	// Set before the load's transaction begins, which is when SQLite picks
	// them up; set back after the refresh below.
	prevCache, prevTemp := 0, 0
	if err := d.Write(ctx, "", func(t *db.Tx) error {
		q := t.Q()
		if err := q.QueryRowContext(ctx, "PRAGMA cache_size").Scan(&prevCache); err != nil {
			return err
		}
		if err := q.QueryRowContext(ctx, "PRAGMA temp_store").Scan(&prevTemp); err != nil {
			return err
		}
		_, err := q.ExecContext(ctx, fmt.Sprintf("PRAGMA cache_size = %d; PRAGMA temp_store = MEMORY", -loadCacheKiB))
		return err
	}); err != nil {
		return Stats{}, err
	}
	err = d.BulkLoad(ctx, "", func(t *db.Tx) error {
		if err := g.init(ctx, t); err != nil {
			return err
		}
		defer g.st.close()
		for i := 0; i < opt.Customers; i++ {
			if i%1000 == 0 {
				if err := ctx.Err(); err != nil {
					return err
				}
				if opt.Progress != nil && i > 0 {
					opt.Progress("customers", i, opt.Customers)
				}
			}
			if err := g.customer(i); err != nil {
				return i18n.Errorf("demo customer %d: %w", i+1, err)
			}
		}
		if err := g.finish(t.Q()); err != nil {
			return err
		}
		insertDone = time.Now()
		if opt.Progress != nil {
			opt.Progress("index", opt.Customers, opt.Customers)
		}
		return nil
	})
	if err != nil {
		return g.stats, err
	}
	g.stats.Insert = insertDone.Sub(start)
	g.stats.Finish = time.Since(insertDone)
	if opt.Progress != nil {
		opt.Progress("refresh", opt.Customers, opt.Customers)
	}
	rs := time.Now()
	res, err := d.Refresh(ctx)
	g.stats.Refresh = time.Since(rs)
	g.stats.Rhythm = res.Rhythm
	g.stats.Recomputed, g.stats.TierChanges = res.Recomputed, res.TierChanges
	if err == nil {
		err = setGoals(ctx, d, d.Now())
	}
	if err == nil {
		err = setCare(ctx, d, d.Now(), uint64(opt.Seed))
	}
	if prevCache != 0 {
		if rerr := d.Write(ctx, "", func(t *db.Tx) error {
			_, err := t.Q().ExecContext(ctx, fmt.Sprintf("PRAGMA cache_size = %d; PRAGMA temp_store = %d", prevCache, prevTemp))
			return err
		}); err == nil {
			err = rerr
		}
	}
	return g.stats, err
}

// loadCacheKiB is the page cache of the bulk load (SQLite's default is 2 MB).
const loadCacheKiB = 32 << 10

// gen is the state of one generation: the clock, the ids handed out, the
// prepared statements, the book-wide tallies (rhythm gaps, revenue for the
// tiers) and the reusable buffers of the customer being simulated.
type gen struct {
	ctx context.Context
	opt Options
	st  *statements

	now      time.Time
	nowUnix  int64
	yearAgo  int64
	loc      *time.Location
	today    model.Day
	currency string // the book's
	second   string // the other currency some customers pay in

	stage   [6]int64 // Lead, Qualified, Proposal, Negotiation, Won, Lost
	rotDays [4]int

	names  *nameTables
	text   *textTables
	tagIDs map[string]int64
	rules  map[string]model.Playbook // the default rules by practice

	next     ids
	zhK, enK int
	snoozed  bool

	gaps    []float64       // per customer median contact gap (rhythm g)
	revenue map[int64]int64 // last 365 days, book currency (tiers)
	pinned  map[int64]bool  // tier pinned: keep it
	indexes []string        // CREATE INDEX statements dropped for the load
	stats   Stats
	cur     customerBuf
	scratch []model.Day
}

// ids are the next row ids of each table (the book is empty, so ids are
// handed out here rather than read back after every insert).
type ids struct {
	customer, contact, deal, hist, interaction, followup, order int64
}

func (g *gen) init(ctx context.Context, t *db.Tx) error {
	g.ctx = ctx
	g.now = t.Now()
	g.nowUnix = g.now.Unix()
	g.loc = g.now.Location()
	g.yearAgo = model.DayOf(g.now).AddDays(-364).In(g.loc).Unix() // as db's revenueFrom
	g.today = model.DayOf(g.now)
	g.names = newNameTables()
	g.text = newTextTables()
	g.revenue = map[int64]int64{}
	g.pinned = map[int64]bool{}
	q := t.Q()
	g.currency = "USD"
	if err := q.QueryRowContext(ctx, `SELECT coalesce((SELECT value FROM settings WHERE key = 'currency'), 'USD')`).Scan(&g.currency); err != nil {
		return err
	}
	g.second = "CNY"
	if g.currency == "CNY" {
		g.second = "USD"
	}
	names := []string{"Lead", "Qualified", "Proposal", "Negotiation", "Won", "Lost"}
	for i, n := range names {
		var rot int
		if err := q.QueryRowContext(ctx, `SELECT id, rot_days FROM stages WHERE name = ? COLLATE NOCASE AND archived_at IS NULL`, n).Scan(&g.stage[i], &rot); err != nil {
			return fmt.Errorf("the demo needs the default stage %s: %w", n, err)
		}
		if i < 4 {
			g.rotDays[i] = rot
		}
	}
	for _, tb := range []struct {
		name string
		p    *int64
	}{{"customers", &g.next.customer}, {"contacts", &g.next.contact}, {"deals", &g.next.deal}, {"deal_stage_history", &g.next.hist},
		{"interactions", &g.next.interaction}, {"followups", &g.next.followup}, {"orders", &g.next.order}} {
		if err := q.QueryRowContext(ctx, `SELECT coalesce(max(id), 0) + 1 FROM `+tb.name).Scan(tb.p); err != nil {
			return err
		}
	}
	if err := g.loadRules(ctx, t); err != nil {
		return err
	}
	if err := g.dropIndexes(q); err != nil {
		return err
	}
	var err error
	if g.st, err = prepareStatements(ctx, q); err != nil {
		return err
	}
	g.tagIDs = map[string]int64{}
	ts := g.now.AddDate(0, 0, -HistoryDays).Unix()
	for _, name := range g.names.tags {
		var id int64
		if err := q.QueryRowContext(ctx, `INSERT INTO tags (name, created_at, updated_at) VALUES (?, ?, ?)
			ON CONFLICT (name) DO UPDATE SET name = name RETURNING id`, name, ts, ts).Scan(&id); err != nil {
			return err
		}
		g.tagIDs[name] = id
		g.stats.Tags++
	}
	return nil
}

// finish writes what needs the whole book: the tiers the daily
// segmentation would give (so the Refresh after the load finds nothing to
// change), the rhythm g of today, and the demo marker.
func (g *gen) finish(q db.Querier) error {
	if err := g.st.flush(g.ctx); err != nil {
		return err
	}
	// Building an index from the finished table sorts once; keeping it up
	// to date row by row costs a random B-tree insert per row.
	for _, sql := range g.indexes {
		if _, err := q.ExecContext(g.ctx, sql); err != nil {
			return err
		}
	}
	tiers, err := db.AssignTiers(g.ctx, q, g.revenue, g.now)
	if err != nil {
		return err
	}
	var upgrades []int64
	for id, tier := range tiers {
		if tier != model.TierC && !g.pinned[id] {
			upgrades = append(upgrades, id)
		}
	}
	sort.Slice(upgrades, func(i, j int) bool { return upgrades[i] < upgrades[j] })
	for _, id := range upgrades {
		if _, err := g.st.tier.ExecContext(g.ctx, string(tiers[id]), id); err != nil {
			return err
		}
	}
	rhythm := model.BookRhythm(g.gaps)
	g.stats.Rhythm = rhythm
	// The daily part of Refresh (rhythm and tiers) is done above exactly as
	// db does it (TestRefreshHasNothingLeft holds the two together), so the
	// book counts as refreshed today.
	for k, v := range map[string]string{"rhythm.computed": fmt.Sprint(rhythm), "refreshed_on": g.today.String(), SettingKey: g.today.String(),
		SettingKey + ".customers": fmt.Sprint(g.opt.Customers), SettingKey + ".seed": fmt.Sprint(g.opt.Seed)} {
		if _, err := g.st.setting.ExecContext(g.ctx, k, v); err != nil {
			return err
		}
	}
	return nil
}

// bulkTables are the tables whose secondary indexes are dropped for the
// load and rebuilt at its end, inside the same transaction.
func bulkTables() []string {
	return []string{"contacts", "customer_tags", "deal_stage_history", "interactions", "followups", "orders"}
}

// dropIndexes drops the secondary indexes of bulkTables, keeping their SQL
// to create them again in finish.
func (g *gen) dropIndexes(q db.Querier) error {
	b, _ := json.Marshal(bulkTables())
	rows, err := q.QueryContext(g.ctx, `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
		AND tbl_name IN (SELECT value FROM json_each(?)) ORDER BY name`, string(b))
	if err != nil {
		return err
	}
	var names []string
	for rows.Next() {
		var name, sql string
		if err := rows.Scan(&name, &sql); err != nil {
			rows.Close()
			return err
		}
		names = append(names, name)
		g.indexes = append(g.indexes, sql)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, n := range names {
		if _, err := q.ExecContext(g.ctx, `DROP INDEX "`+n+`"`); err != nil {
			return err
		}
	}
	return nil
}

// rng returns the random source of customer i: each customer has its own,
// so the book does not depend on how others were drawn.
func (g *gen) rng(i int) *rand.Rand {
	return rand.New(rand.NewPCG(uint64(g.opt.Seed), uint64(i)*0x9E3779B97F4A7C15+0x2545F4914F6CDD1D))
}

// at returns the unix time of minute m (after midnight) of local day d.
func (g *gen) at(d model.Day, m int) int64 {
	return d.In(g.loc).Add(time.Duration(m) * time.Minute).Unix()
}

// workMinute is a time of day in working hours (08:30–18:30).
func workMinute(r *rand.Rand) int { return 510 + r.IntN(600) }
