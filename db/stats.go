package db

import (
	"context"
	"database/sql"
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/rapportcrm/rapport/model"
)

// customerAcc gathers one customer's inputs while the stats queries stream.
type customerAcc struct {
	id        int64
	created   int64
	lifecycle string
	archived  bool
	tier      model.Tier
	cadence   int

	lastContact, lastInbound, lastContactIx int64
	streak                                  int
	lastContactNeg                          bool
	openComplaints                          int
	oldestOpenComplaint                     int64
	lastComplaint, lastResolved             int64
	fbScore                                 int
	fbAt                                    int64
	recent                                  []model.Day
	contactDays                             []model.Day // interaction contacts, in time order

	orderDays   []model.Day // local order days, ascending
	bookOrders  int         // orders in the book currency
	bookMinor   int64       // and their total
	lastOrder   int64
	revenue     int64 // book-currency orders since revenueFrom
	revenueFrom int64

	openFollowups int
	nextDue       string
	nextTime      string
	dues          []model.Day

	deals    []dealAcc
	pipeline int64
}

type dealAcc struct {
	id, customerID int64
	title, stage   string
	rotDays        int
	stageChanged   int64
	snoozed        model.Day
	lastActivity   int64
}

// idFilter renders "customer_id IN (...)" for a set of ids, or "1=1" for all.
func idFilter(col string, ids []int64) (string, []any) {
	if ids == nil {
		return "1=1", nil
	}
	b, _ := json.Marshal(ids)
	return col + " IN (SELECT value FROM json_each(?))", []any{string(b)}
}

// recomputeStats rebuilds customer_stats and deal_stats (with materialised
// risk) for the given customers, or for every customer when ids is nil.
func (d *DB) recomputeStats(ctx context.Context, q Querier, ids []int64, now time.Time) error {
	set, err := loadSettings(ctx, q)
	if err != nil {
		return err
	}
	loc := now.Location()
	today := model.DayOf(now)
	accs, order, err := gatherInputs(ctx, q, ids, loc, today, set.Currency)
	if err != nil {
		return err
	}
	return writeStats(ctx, q, set, accs, order, ids, now)
}

// writeStats replaces the stats rows of ids (nil = every customer) with
// the ones computed from accs.
func writeStats(ctx context.Context, q Querier, set Settings, accs map[int64]*customerAcc, order []int64, ids []int64, now time.Time) error {
	if ids == nil {
		// Every row's revenue now counts from today's window start.
		if err := setSystemSetting(ctx, q, "revenue.from", strconv.FormatInt(revenueFrom(model.DayOf(now), now.Location()), 10)); err != nil {
			return err
		}
	}
	if ids == nil || len(ids) > deltaWriteMin {
		return writeStatsDelta(ctx, q, set, accs, order, ids, now)
	}
	loc := now.Location()
	today := model.DayOf(now)
	where, args := idFilter("customer_id", ids)
	if _, err := q.ExecContext(ctx, "DELETE FROM customer_stats WHERE "+where, args...); err != nil {
		return err
	}
	if _, err := q.ExecContext(ctx, "DELETE FROM deal_stats WHERE "+where, args...); err != nil {
		return err
	}
	ins, err := prepare(ctx, q, `INSERT INTO customer_stats (`+strings.Join(statsCols(), ", ")+`) VALUES (`+placeholders(len(statsCols()))+`)`)
	if err != nil {
		return err
	}
	defer ins.Close()
	dins, err := prepare(ctx, q, `INSERT INTO deal_stats (deal_id, customer_id, stage_since, rot_on) VALUES (?,?,?,?)`)
	if err != nil {
		return err
	}
	defer dins.Close()
	g := set.EffectiveRhythm()
	for _, id := range order {
		a := accs[id]
		row := computeRow(a, set, g, loc, today)
		if _, err := ins.ExecContext(ctx, statsValues(a, row, g)...); err != nil {
			return err
		}
		for _, dl := range a.deals {
			since, rotOn := dealClock(dl, loc)
			var rot any
			if rotOn != model.NoDay {
				rot = rotOn.String()
			}
			if _, err := dins.ExecContext(ctx, dl.id, a.id, since.String(), rot); err != nil {
				return err
			}
		}
	}
	return nil
}

// statsCols are the customer_stats columns the writer sets, in the order
// of statsValues.
func statsCols() []string {
	return []string{"customer_id", "last_contact_at", "last_inbound_at", "unanswered_streak",
		"next_followup_due", "next_followup_time", "open_followups", "open_deals", "open_pipeline_minor", "last_order_at", "order_count",
		"median_order_gap_days", "open_complaints", "last_complaint_at", "last_feedback_score", "last_feedback_at", "active",
		"last_contact_day", "touch_due_on", "risk_score", "risk_level", "risk_reasons", "risk_valid_until", "risk_rhythm",
		"live", "tier", "overdue_followups", "rotting_deals", "due_today_followups", "rhythm_n", "rhythm_gap", "stale", "counts_valid_until", "revenue_365", "revenue_from",
		"lapse_state", "person_reasons", "person_points", "person_valid_until"}
}

// statsValues renders one customer's stats row in statsCols() order.
func statsValues(a *customerAcc, row statsRow, g int) []any {
	return []any{a.id, nullInt(a.lastContact), nullInt(a.lastInbound), a.streak,
		nullStr(a.nextDue), nullStr(a.nextTime), a.openFollowups, len(a.deals), a.pipeline, nullInt(a.lastOrder), len(a.orderDays),
		model.MedianGap(a.orderDays), a.openComplaints, nullInt(a.lastComplaint), nullScore(a.fbScore), nullInt(a.fbAt), boolInt(row.active),
		row.lastContactDay.String(), nullStr(row.touchDueOn.String()), row.risk.Score, string(row.risk.Level), row.reasonsJSON,
		row.risk.ValidUntil.String(), g, boolInt(!a.archived), string(a.tier), row.overdue, row.rotting, row.dueToday, row.rhythmN, row.rhythmGap, 0, row.countsUntil.String(), a.revenue, a.revenueFrom,
		encodeLapseState(row.risk.Lapse), row.personJSON, row.risk.PersonPoints, row.risk.PersonUntil.String()}
}

// stmt is the part of *sql.Stmt the stats writer uses.
type stmt interface {
	ExecContext(ctx context.Context, args ...any) (sql.Result, error)
	Close() error
}

type preparer interface {
	PrepareContext(ctx context.Context, query string) (*sql.Stmt, error)
}

func prepare(ctx context.Context, q Querier, query string) (stmt, error) {
	if p, ok := q.(preparer); ok {
		return p.PrepareContext(ctx, query)
	}
	return &adhoc{q: q, query: query}, nil
}

type adhoc struct {
	q     Querier
	query string
}

func (a *adhoc) ExecContext(ctx context.Context, args ...any) (sql.Result, error) {
	return a.q.ExecContext(ctx, a.query, args...)
}
func (a *adhoc) Close() error { return nil }

// dealClock returns the local date a deal's stage clock runs from (the
// stage change or its last interaction, whichever is later) and the first
// date it rots on (NoDay when its stage never rots).
func dealClock(dl dealAcc, loc *time.Location) (since, rotOn model.Day) {
	ts := dl.stageChanged
	if dl.lastActivity > ts {
		ts = dl.lastActivity
	}
	since = model.DayOfUnix(ts, loc)
	if dl.rotDays <= 0 {
		return since, model.NoDay
	}
	rotOn = since.AddDays(dl.rotDays + 1)
	if dl.snoozed > rotOn {
		rotOn = dl.snoozed
	}
	return since, rotOn
}

// maxDay (9999-12-31) stands for "never" in validity dates.
const maxDay model.Day = 2932896

type statsRow struct {
	overdue        int       // open follow-ups due before today
	dueToday       int       // open follow-ups due today (any time)
	countsUntil    model.Day // the first day a follow-up becomes due (maxDay: none)
	rhythmN        int       // contacts in the 365 days up to today
	rhythmGap      float64   // their median gap in days
	rotting        int       // open deals rotting today
	active         bool
	lastContactDay model.Day
	touchDueOn     model.Day
	risk           model.Risk
	reasonsJSON    string
	personJSON     string // the person-caused reasons (risk.Reasons[risk.NLapse:])
}

func computeRow(a *customerAcc, set Settings, g int, loc *time.Location, today model.Day) statsRow {
	var r statsRow
	created := model.DayOfUnix(a.created, loc)
	r.lastContactDay = created
	if a.lastContact > 0 {
		r.lastContactDay = model.DayOfUnix(a.lastContact, loc)
	}
	r.active = !a.archived && a.lifecycle != string(model.Churned)
	r.rhythmN, r.rhythmGap = rhythmInputs(a, today)
	// The date-based counts, and the first day either could change.
	horizon := today.AddDays(366)
	r.countsUntil = maxDay
	for _, due := range a.dues {
		switch {
		case due < today:
			r.overdue++
		case due == today:
			r.dueToday++
		case due < r.countsUntil:
			r.countsUntil = due // becomes due today: only the counts change
		}
		if due >= today && due+1 < horizon {
			horizon = due + 1 // becomes overdue
		}
	}
	for _, dl := range a.deals {
		if _, rotOn := dealClock(dl, loc); rotOn != model.NoDay {
			if rotOn <= today {
				r.rotting++
			} else if rotOn < horizon {
				horizon = rotOn
			}
		}
	}
	if !r.active {
		// Not scored, but its follow-ups and deals still count on Today.
		r.risk = model.Risk{Level: model.LevelHealthy, ValidUntil: horizon, PersonUntil: horizon}
		r.reasonsJSON, r.personJSON = "[]", "[]"
		return r
	}
	if a.openFollowups == 0 {
		cad := a.cadence
		if cad <= 0 {
			cad = set.Cadence[a.tier]
		}
		if cad <= 0 {
			cad = model.DefaultCadence(a.tier)
		}
		r.touchDueOn = r.lastContactDay.AddDays(cad)
	}
	in := model.RiskInput{
		Today:               today,
		Rhythm:              g,
		Created:             created,
		OrderDays:           a.orderDays,
		BookOrders:          a.bookOrders,
		BookMinor:           a.bookMinor,
		Currency:            set.Currency,
		Lapse:               set.lapseFitFor(),
		UnansweredStreak:    a.streak,
		OpenComplaints:      a.openComplaints,
		LastFeedbackScore:   a.fbScore,
		LastContactNegative: a.lastContactNeg,
		RecentContacts:      a.recent,
		OpenFollowupDues:    a.dues,
	}
	if a.lastContact > 0 {
		in.LastContact = model.DayOfUnix(a.lastContact, loc)
	}
	if a.oldestOpenComplaint > 0 {
		in.OldestOpenComplaint = model.DayOfUnix(a.oldestOpenComplaint, loc)
	}
	if a.lastResolved > 0 {
		in.LastResolvedComplaint = model.DayOfUnix(a.lastResolved, loc)
	}
	if a.fbAt > 0 {
		in.LastFeedback = model.DayOfUnix(a.fbAt, loc)
	}
	for _, dl := range a.deals {
		since, _ := dealClock(dl, loc)
		in.OpenDeals = append(in.OpenDeals, model.OpenDeal{Title: dl.title, Stage: dl.stage, StageSince: since, RotDays: dl.rotDays, SnoozedUntil: dl.snoozed})
	}
	r.risk = model.AssessRisk(in, set.Points)
	// The Today counts kept in the row change on their own days too.
	r.risk.ValidUntil = min(r.risk.ValidUntil, horizon)
	r.risk.PersonUntil = min(r.risk.PersonUntil, horizon)
	r.reasonsJSON = encodeReasons(r.risk.Reasons)
	r.personJSON = encodeReasons(r.risk.Reasons[r.risk.NLapse:])
	return r
}

// storedReason is a risk reason as kept in customer_stats.risk_reasons:
// the anchors let the text be rendered for the day it is read. The text
// itself is kept only for codes the model cannot render, so a row whose
// points have not changed stores the same JSON every day ("No order for
// 94 d" would otherwise differ daily, and every such row be rewritten).
type storedReason struct {
	Code    string `json:"code"`
	Points  int    `json:"points"`
	Text    string `json:"text,omitempty"`
	Since   int32  `json:"since,omitempty"`
	N       int    `json:"n,omitempty"`
	M       int    `json:"m,omitempty"`
	Subject string `json:"subject,omitempty"`
	Extra   string `json:"extra,omitempty"`
}

func encodeReasons(rs []model.Reason) string {
	return string(appendReasons(nil, rs))
}

// decodeReasons reads stored reasons and renders their text for today.
func decodeReasons(s string, today model.Day) []model.Reason {
	var in []storedReason
	if err := json.Unmarshal([]byte(s), &in); err != nil {
		return nil
	}
	out := make([]model.Reason, len(in))
	for i, r := range in {
		m := model.Reason{Code: r.Code, Points: r.Points, Text: r.Text, Since: model.Day(r.Since), N: r.N, M: r.M, Subject: r.Subject, Extra: r.Extra}
		if t := m.TextOn(today); t != "" {
			m.Text = t
		}
		out[i] = m
	}
	return out
}

func nullInt(v int64) any {
	if v == 0 {
		return nil
	}
	return v
}

func nullStr(v string) any {
	if v == "" {
		return nil
	}
	return v
}

func nullScore(v int) any {
	if v < 0 {
		return nil
	}
	return v
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// rhythmInputs returns the customer's contacts (interactions and orders) in
// the 365 days up to today and the median gap between them — what the
// book's rhythm g is computed from (SPEC §3).
func rhythmInputs(a *customerAcc, today model.Day) (int, float64) {
	from := today.AddDays(-364)
	var days []model.Day
	for _, list := range [][]model.Day{a.contactDays, a.orderDays} {
		for _, d := range list {
			if d >= from && d <= today {
				days = append(days, d)
			}
		}
	}
	if len(days) < 3 {
		return len(days), 0
	}
	slices.Sort(days)
	return len(days), model.MedianGap(days)
}
