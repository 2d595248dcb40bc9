package db

import (
	"context"
	"database/sql"

	"github.com/rapportcrm/rapport/model"
)

// Stats is a customer's row of customer_stats, read back.
type Stats struct {
	LastContactAt    int64
	LastInboundAt    int64
	UnansweredStreak int
	NextFollowupDue  model.Day
	NextFollowupTime string
	OpenFollowups    int
	OpenDeals        int
	OpenPipeline     int64
	LastOrderAt      int64
	OrderCount       int
	MedianOrderGap   float64
	OpenComplaints   int
	RiskScore        int
	RiskLevel        model.Level
	Reasons          []model.Reason
	RiskValidUntil   model.Day
	TouchDueOn       model.Day
	Active           bool
}

// CustomerStats reads one customer's materialised stats and risk.
func (d *DB) CustomerStats(ctx context.Context, id int64) (Stats, error) {
	return readStats(ctx, d.r, id, d.Today())
}

func readStats(ctx context.Context, q Querier, id int64, today model.Day) (Stats, error) {
	var s Stats
	var reasons string
	rowID := id
	err := scanRow(q.QueryRowContext(ctx, `SELECT customer_id, coalesce(last_contact_at, 0), coalesce(last_inbound_at, 0), unanswered_streak, next_followup_due,
		coalesce(next_followup_time, ''), open_followups, open_deals, open_pipeline_minor, coalesce(last_order_at, 0), order_count,
		median_order_gap_days, open_complaints, risk_score, risk_level, risk_reasons, risk_valid_until, touch_due_on, active
		FROM customer_stats WHERE customer_id = ?`, id), "customer_stats", &rowID, &s.LastContactAt, &s.LastInboundAt, &s.UnansweredStreak, &s.NextFollowupDue, &s.NextFollowupTime,
		&s.OpenFollowups, &s.OpenDeals, &s.OpenPipeline, &s.LastOrderAt, &s.OrderCount, &s.MedianOrderGap, &s.OpenComplaints,
		&s.RiskScore, &s.RiskLevel, &reasons, &s.RiskValidUntil, &s.TouchDueOn, &s.Active)
	if err != nil {
		return s, err
	}
	s.Reasons = decodeReasons(reasons, today)
	return s, nil
}

// Detail is everything the customer 360° view shows, but the timeline,
// which is paged separately (Timeline).
type Detail struct {
	Customer  model.Customer
	Tags      []string
	Contacts  []model.Contact
	Stats     Stats
	Cadence   int
	Currency  string
	Deals     []model.Deal // open deals
	StageName map[int64]string
	Followups []model.Followup
	// Done are the most recently completed follow-ups (newest first).
	Done []model.Followup
	// Rules names the playbook rules that made any of them, by id.
	Rules   map[int64]string
	Orders  []model.Order
	Revenue CustomerRevenue
	// Scores are the customer's last feedback scores, newest first.
	Scores   []Score
	Timeline []model.Interaction // first page, newest first
	Total    int                 // interactions in all
}

// CustomerDetail loads the 360° view of one customer.
func (d *DB) CustomerDetail(ctx context.Context, id int64, timelinePage int) (Detail, error) {
	var out Detail
	var err error
	if out.Customer, err = d.Customer(ctx, id); err != nil {
		return out, err
	}
	set, err := loadSettings(ctx, d.r)
	if err != nil {
		return out, err
	}
	out.Currency = set.Currency
	out.Cadence = out.Customer.Cadence(set.Cadence)
	if out.Tags, err = d.CustomerTags(ctx, id); err != nil {
		return out, err
	}
	if out.Contacts, err = d.Contacts(ctx, id); err != nil {
		return out, err
	}
	if out.Stats, err = d.CustomerStats(ctx, id); err != nil && err != sql.ErrNoRows {
		return out, err
	}
	deals, err := d.CustomerDeals(ctx, id)
	if err != nil {
		return out, err
	}
	for _, dl := range deals {
		if dl.Status == model.DealOpen {
			out.Deals = append(out.Deals, dl)
		}
	}
	stages, err := d.Stages(ctx)
	if err != nil {
		return out, err
	}
	out.StageName = map[int64]string{}
	for _, s := range stages {
		out.StageName[s.ID] = s.Name
	}
	if out.Followups, err = d.OpenFollowups(ctx, id); err != nil {
		return out, err
	}
	if out.Done, err = d.DoneFollowups(ctx, id, 5); err != nil {
		return out, err
	}
	if out.Rules, err = d.followupRules(ctx, append(append([]model.Followup{}, out.Followups...), out.Done...)); err != nil {
		return out, err
	}
	if out.Orders, err = d.RecentOrders(ctx, id, 5); err != nil {
		return out, err
	}
	since := model.DayOf(d.now()).AddDays(-364).In(d.now().Location()).Unix()
	if out.Revenue, err = customerRevenue(ctx, d.r, id, since, set.Currency); err != nil {
		return out, err
	}
	if out.Scores, err = d.LastScores(ctx, id, 5); err != nil {
		return out, err
	}
	if timelinePage <= 0 {
		timelinePage = 50
	}
	if out.Timeline, err = d.Timeline(ctx, id, 0, timelinePage); err != nil {
		return out, err
	}
	err = d.r.QueryRowContext(ctx, `SELECT count(*) FROM interactions WHERE customer_id = ? AND archived_at IS NULL`, id).Scan(&out.Total)
	return out, err
}

// DataVersion returns SQLite's data_version as seen from a dedicated
// connection: it changes when another connection (or process) commits.
// Keep the *sql.Conn from WatchConn and poll it.
func DataVersion(ctx context.Context, c *sql.Conn) (int64, error) {
	var v int64
	err := c.QueryRowContext(ctx, "PRAGMA data_version").Scan(&v)
	return v, err
}

// WatchConn returns a dedicated read-only connection for DataVersion polling.
func (d *DB) WatchConn(ctx context.Context) (*sql.Conn, error) { return d.r.Conn(ctx) }
