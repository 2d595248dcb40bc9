package db

import (
	"context"
	"encoding/json"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/rapportcrm/rapport/model"
)

// reportBook is the hand-built book of TestReportHandBuilt, with the ids
// the test needs.
type reportBook struct {
	d   *DB
	clk *testClock
}

// on sets the book's clock to a local date and time.
func (b *reportBook) on(month time.Month, day, hour, minute int) time.Time {
	b.clk.t = time.Date(2026, month, day, hour, minute, 0, 0, time.Local)
	return b.clk.t
}

func (b *reportBook) write(t *testing.T, fn func(tx *Tx) error) {
	t.Helper()
	if err := b.d.Write(context.Background(), "test", fn); err != nil {
		t.Fatal(err)
	}
}

func (b *reportBook) customer(t *testing.T, c model.Customer) int64 {
	t.Helper()
	var id int64
	b.write(t, func(tx *Tx) (err error) { id, err = tx.CreateCustomer(&c); return })
	return id
}

// touch logs an interaction at a local time.
func (b *reportBook) touch(t *testing.T, cid int64, kind model.InteractionKind, dir model.Direction, month time.Month, day, hour, minute int) {
	t.Helper()
	at := time.Date(2026, month, day, hour, minute, 0, 0, time.Local).Unix()
	b.write(t, func(tx *Tx) error {
		_, err := tx.LogInteraction(&model.Interaction{CustomerID: cid, Kind: kind, Direction: dir, Summary: "touch", OccurredAt: at})
		return err
	})
}

func (b *reportBook) order(t *testing.T, cid, minor int64, currency string, month time.Month, day int) {
	t.Helper()
	at := time.Date(2026, month, day, 12, 0, 0, 0, time.Local).Unix()
	b.write(t, func(tx *Tx) error {
		_, err := tx.CreateOrder(&model.Order{CustomerID: cid, AmountMinor: minor, Currency: currency, OrderedAt: at})
		return err
	})
}

// deal creates a deal at a local date in a stage, then applies moves
// (stage name and date, with "Lost:reason" for a lost move).
func (b *reportBook) deal(t *testing.T, cid int64, value int64, stage string, month time.Month, day int, moves ...any) int64 {
	t.Helper()
	ctx := context.Background()
	stages, err := b.d.Stages(ctx)
	if err != nil {
		t.Fatal(err)
	}
	find := func(name string) int64 {
		s, err := FindStage(stages, name)
		if err != nil {
			t.Fatal(err)
		}
		return s.ID
	}
	b.on(month, day, 10, 0)
	var id int64
	b.write(t, func(tx *Tx) (err error) {
		id, err = tx.CreateDeal(&model.Deal{CustomerID: cid, Title: "deal", ValueMinor: value, Currency: "USD", StageID: find(stage)})
		return
	})
	for i := 0; i < len(moves); i += 3 {
		to, reason, _ := strings.Cut(moves[i].(string), ":")
		b.on(moves[i+1].(time.Month), moves[i+2].(int), 10, 0)
		b.write(t, func(tx *Tx) error {
			_, err := tx.MoveDeal(id, find(to), reason, false)
			return err
		})
	}
	return id
}

// TestReportHandBuilt checks every figure of a report on a small book
// whose answers are worked out by hand below.
//
// Period 2026-09..2026-11 with today 2026-11-23 (a Monday): months Sep,
// Oct and Nov (partial, through 11-23). The rhythm is set to g = 10, so a
// customer is active on day D when it had a contact on D-29 … D. The
// measuring days and their windows:
//
//	T0 = 08-31: 08-02 … 08-31    T1 = 09-30: 09-01 … 09-30
//	T2 = 10-31: 10-02 … 10-31    T3 = 11-23: 10-25 … 11-23
func TestReportHandBuilt(t *testing.T) {
	ctx := context.Background()
	d, clk := openTest(t)
	b := &reportBook{d: d, clk: clk}
	b.on(time.July, 1, 9, 0)
	for k, v := range map[string]string{"currency": "USD", "rhythm": "10"} {
		if err := d.SetConfig(ctx, k, v); err != nil {
			t.Fatal(err)
		}
	}
	alice := b.customer(t, model.Customer{Name: "Alice", Tier: model.TierA, TierPinned: true})
	bob := b.customer(t, model.Customer{Name: "Bob"})
	chen := b.customer(t, model.Customer{Name: "王芳"})
	dana := b.customer(t, model.Customer{Name: "Dana", Lifecycle: model.Prospect})
	eve := b.customer(t, model.Customer{Name: "Eve"})
	gina := b.customer(t, model.Customer{Name: "Gina"})
	hank := b.customer(t, model.Customer{Name: "Hank"})
	b.on(time.October, 1, 9, 0)
	frank := b.customer(t, model.Customer{Name: "Frank"})

	out, in, internal := model.Outbound, model.Inbound, model.Internal
	call := model.KindCall
	// Alice: a contact in every window → active at T0..T3.
	b.touch(t, alice, call, out, time.August, 20, 10, 0)
	b.touch(t, alice, call, out, time.September, 15, 10, 0)
	b.touch(t, alice, call, out, time.October, 20, 10, 0)
	b.touch(t, alice, call, out, time.November, 10, 10, 0)
	b.order(t, alice, 20000, "USD", time.September, 5)
	b.order(t, alice, 30000, "USD", time.October, 10)
	// Bob: an order in August, then silence, then a call on 11-20: active
	// at T0, gone at T1 and T2, back at T3.
	b.order(t, bob, 10000, "USD", time.August, 25)
	b.touch(t, bob, call, out, time.November, 20, 10, 0)
	// 王芳: active at T0; the September note is internal and no contact;
	// back at T2 with an inbound email; gone again at T3.
	b.touch(t, chen, call, out, time.August, 10, 10, 0)
	b.touch(t, chen, model.KindNote, internal, time.September, 10, 10, 0)
	b.touch(t, chen, model.KindEmail, in, time.October, 5, 10, 0)
	// Dana is a prospect and Eve is archived: neither counts.
	b.touch(t, dana, call, out, time.September, 10, 10, 0)
	b.touch(t, eve, call, out, time.September, 5, 10, 0)
	b.order(t, eve, 99900, "USD", time.September, 6)
	// Frank, new in October: a meeting and a euro order on 10-28 → T2, T3.
	b.touch(t, frank, model.KindMeeting, out, time.October, 28, 10, 0)
	b.order(t, frank, 50000, "EUR", time.October, 28)
	// Gina's only call is early on the window's first day (active at T0);
	// Hank's is late on the day before it (active nowhere).
	b.touch(t, gina, call, out, time.August, 2, 0, 30)
	b.touch(t, hank, call, out, time.August, 1, 23, 30)

	// Deals. Positions: Lead 1, Qualified 2, Proposal 3, Negotiation 4, Won 5.
	b.deal(t, alice, 100000, "Lead", time.September, 2, "Qualified", time.September, 10, "Proposal", time.September, 20, "Won", time.October, 2) // reaches 5, cycle 30 d
	b.deal(t, bob, 200000, "Lead", time.September, 5, "Proposal", time.September, 15, "Won", time.September, 25)                                 // skips Qualified and Negotiation; reaches 5, cycle 20 d
	b.deal(t, chen, 50000, "Lead", time.October, 1, "Qualified", time.October, 5, "Lost:Price", time.October, 20)                                // reaches 2
	b.deal(t, frank, 80000, "Lead", time.October, 10, "Lost: price ", time.October, 12)                                                          // reaches 1
	gDeal := b.deal(t, gina, 400000, "Lead", time.August, 15, "Qualified", time.September, 3, "Negotiation", time.November, 1)                   // Lead before the period; reaches 4, open
	hDeal := b.deal(t, hank, 100000, "Lead", time.July, 1, "Qualified", time.July, 10)                                                           // all before the period; open
	b.deal(t, alice, 300000, "Lead", time.September, 3, "Lost:Competitor", time.September, 4)                                                    // reaches 1
	b.deal(t, eve, 700000, "Lead", time.September, 5, "Won", time.September, 10)                                                                 // Eve is archived below: nowhere
	b.on(time.November, 2, 9, 0)
	b.write(t, func(tx *Tx) error {
		g, err := getDeal(ctx, tx.tx, gDeal)
		if err != nil {
			return err
		}
		g.Probability, g.ExpectedClose = 90, model.DayFromYMD(2026, time.December, 15)
		if err := tx.UpdateDeal(&g); err != nil {
			return err
		}
		h, err := getDeal(ctx, tx.tx, hDeal)
		if err != nil {
			return err
		}
		h.ExpectedClose = model.DayFromYMD(2026, time.November, 1)
		return tx.UpdateDeal(&h)
	})
	if err := d.SetArchived(ctx, "customer", eve, true); err != nil {
		t.Fatal(err)
	}

	b.on(time.November, 23, 9, 0)
	p, err := ParsePeriod("2026-09..2026-11", d.Today())
	if err != nil {
		t.Fatal(err)
	}
	if want := (Period{model.DayFromYMD(2026, 9, 1), model.DayFromYMD(2026, 11, 23)}); p != want {
		t.Fatalf("period = %v, want %v", p, want)
	}
	r, err := d.Report(ctx, p)
	if err != nil {
		t.Fatal(err)
	}

	t.Run("funnel", func(t *testing.T) {
		// Max stage reached in the period: 5, 5, 2, 1, 4, 1 (Hank's deal moved
		// only before it, Eve's is archived with her).
		want := []FunnelStep{
			{"Lead", model.StageOpen, 6, Ratio{4, 6}},
			{"Qualified", model.StageOpen, 4, Ratio{3, 4}},
			{"Proposal", model.StageOpen, 3, Ratio{3, 3}},
			{"Negotiation", model.StageOpen, 3, Ratio{2, 3}},
			{"Won", model.StageWon, 2, Ratio{0, 0}},
		}
		if !reflect.DeepEqual(r.Funnel, want) {
			t.Errorf("funnel = %+v\nwant     %+v", r.Funnel, want)
		}
	})
	t.Run("deals", func(t *testing.T) {
		want := DealFigures{
			Won: 2, Lost: 3, WinRate: Ratio{2, 5},
			Cycle:       Cycle{Deals: 2, AvgDays: 25, MedianDays: 25},
			AvgWon:      []Amount{{"USD", 150000}},
			LostReasons: []Count{{"price", 2}, {"Competitor", 1}},
		}
		if !reflect.DeepEqual(r.Deals, want) {
			t.Errorf("deals = %+v\nwant    %+v", r.Deals, want)
		}
	})
	t.Run("pipeline", func(t *testing.T) {
		pl := r.Pipeline
		if pl.Deals != 2 || !reflect.DeepEqual(pl.Value, []Amount{{"USD", 500000}}) || !reflect.DeepEqual(pl.Weighted, []Amount{{"USD", 385000}}) {
			t.Errorf("pipeline totals = %d %v %v, want 2 $5,000 $3,850", pl.Deals, pl.Value, pl.Weighted)
		}
		var got []string
		for _, s := range pl.Stages {
			got = append(got, s.Stage+":"+strconv.Itoa(s.Deals)+":"+amountsText(s.Value)+":"+amountsText(s.Weighted))
		}
		want := []string{"Lead:0::", "Qualified:1:$1,000.00:$250.00", "Proposal:0::", "Negotiation:1:$4,000.00:$3,600.00"}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("stages = %v, want %v", got, want)
		}
		if pl.Overdue.Deals != 1 || amountsText(pl.Overdue.Value) != "$1,000.00" {
			t.Errorf("overdue = %+v", pl.Overdue)
		}
		if len(pl.Closes) != 1 || pl.Closes[0].Month != "2026-12" || amountsText(pl.Closes[0].Weighted) != "$3,600.00" || pl.Undated != 0 {
			t.Errorf("closes = %+v undated %d", pl.Closes, pl.Undated)
		}
	})
	t.Run("retention", func(t *testing.T) {
		// Active: T0 Alice Bob 王芳 Gina (4); T1 Alice (1); T2 Alice 王芳
		// Frank (3); T3 Alice Bob Frank (3).
		want := Retention{RhythmDays: 10, WindowDays: 30, Months: []RetentionMonth{
			{Month: "2026-09", Through: "2026-09-30", Start: 4, Retained: 1, Lost: 3, Returned: 0, End: 1, Retention: Ratio{1, 4}, Churn: Ratio{3, 4}},
			{Month: "2026-10", Through: "2026-10-31", Start: 1, Retained: 1, Lost: 0, Returned: 2, End: 3, Retention: Ratio{1, 1}, Churn: Ratio{0, 1}},
			{Month: "2026-11", Through: "2026-11-23", Partial: true, Start: 3, Retained: 2, Lost: 1, Returned: 1, End: 3, Retention: Ratio{2, 3}, Churn: Ratio{1, 3}},
		}, Retention: Ratio{4, 8}, Churn: Ratio{4, 8}}
		if !reflect.DeepEqual(r.Retention, want) {
			t.Errorf("retention = %+v\nwant        %+v", r.Retention, want)
		}
	})
	t.Run("repurchase", func(t *testing.T) {
		// In the period: Alice 2 orders, Frank 1 (Eve is archived, Bob's was in August).
		if want := (Repurchase{Buyers: 2, Repeat: 1, Rate: Ratio{1, 2}}); r.Repurchase != want {
			t.Errorf("repurchase = %+v, want %+v", r.Repurchase, want)
		}
	})
	t.Run("activity", func(t *testing.T) {
		a := r.Activity
		if len(a.Weeks) != 26 || a.Weeks[0] != "2026-06-01" || a.Weeks[25] != "2026-11-23" {
			t.Fatalf("weeks = %v", a.Weeks)
		}
		// 13 interactions, less Eve's: 9 calls (Alice 4, Bob, 王芳, Dana,
		// Gina, Hank), 1 email, 1 note, 1 meeting.
		if a.Sum != 12 {
			t.Errorf("sum = %d, want 12", a.Sum)
		}
		totals := map[model.InteractionKind]int{}
		for _, k := range a.ByKind {
			totals[k.Kind] = k.Total
		}
		for k, n := range map[model.InteractionKind]int{model.KindCall: 9, model.KindEmail: 1, model.KindNote: 1, model.KindMeeting: 1, model.KindVisit: 0} {
			if totals[k] != n {
				t.Errorf("%s = %d, want %d", k, totals[k], n)
			}
		}
		// Week 24 is 11-16 … 11-22: Bob's call. Week 21 (10-26 … 11-01): Frank's meeting.
		if a.Total[24] != 1 || a.Total[25] != 0 || a.Total[21] != 1 || a.ByKind[2].Counts[21] != 1 {
			t.Errorf("weekly totals = %v", a.Total)
		}
	})
	t.Run("segments", func(t *testing.T) {
		want := []TierSplit{
			{model.TierA, 1, []Amount{{"USD", 50000}}},
			{model.TierB, 0, []Amount{}},
			{model.TierC, 6, []Amount{{"USD", 10000}, {"EUR", 50000}}},
		}
		if !reflect.DeepEqual(r.Segments.Tiers, want) || r.Segments.ChangedThisMonth == nil || r.Segments.RevenueSince != "2025-11-23" {
			t.Errorf("segments = %+v, want %+v", r.Segments, want)
		}
	})
	t.Run("risk", func(t *testing.T) {
		var active, at, watch int
		if err := d.r.QueryRow(`SELECT count(*), sum(risk_level = 'at_risk'), sum(risk_level = 'watch') FROM customer_stats WHERE active = 1`).Scan(&active, &at, &watch); err != nil {
			t.Fatal(err)
		}
		if r.Risk.Active != 7 || r.Risk.Active != active || r.Risk.AtRisk != at || r.Risk.Watch != watch {
			t.Errorf("risk = %+v, stats say %d/%d/%d", r.Risk, active, at, watch)
		}
		n := 0
		for _, c := range r.Risk.Reasons {
			n += c.Count
		}
		if (at+watch > 0) != (n > 0) {
			t.Errorf("reasons %v for %d risky customers", r.Risk.Reasons, at+watch)
		}
	})
	t.Run("json", func(t *testing.T) {
		raw, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		for _, frag := range []string{`"period":{"from":"2026-09-01","to":"2026-11-23","days":84}`, `"win_rate":{"n":2,"d":5,"rate":0.4}`,
			`{"currency":"EUR","minor":50000,"text":"€500.00"}`, `"changed_this_month":`, `"to_next":{"n":0,"d":0,"rate":null}`} {
			if !strings.Contains(string(raw), frag) {
				t.Errorf("JSON lacks %s", frag)
			}
		}
	})
}

func amountsText(as []Amount) string {
	var parts []string
	for _, a := range as {
		parts = append(parts, a.Money().Format())
	}
	return strings.Join(parts, "+")
}

func TestParsePeriod(t *testing.T) {
	today := model.DayFromYMD(2026, 11, 23)
	day := func(y int, m time.Month, d int) model.Day { return model.DayFromYMD(y, m, d) }
	for _, tc := range []struct {
		in       string
		from, to model.Day
		bad      string
	}{
		{in: "", from: day(2026, 8, 26), to: today},
		{in: "90d", from: day(2026, 8, 26), to: today},
		{in: "30d", from: day(2026, 10, 25), to: today},
		{in: "365d", from: day(2025, 11, 24), to: today},
		{in: "1d", from: today, to: today},
		{in: "2026-01..2026-03", from: day(2026, 1, 1), to: day(2026, 3, 31)},
		{in: "2024-02", from: day(2024, 2, 1), to: day(2024, 2, 29)},
		{in: "2026-10..2026-12", from: day(2026, 10, 1), to: today},
		{in: "0d", bad: "number of days"},
		{in: "9999d", bad: "number of days"},
		{in: "2026-03..2026-01", bad: "ends before"},
		{in: "2026-13", bad: "does not exist"},
		{in: "2026-12", bad: "after today"},
		{in: "2020-01..2026-01", bad: "60 months"},
		{in: "last week", bad: "is not a period"},
		{in: "90 d", bad: "is not a period"},
	} {
		p, err := ParsePeriod(tc.in, today)
		if tc.bad != "" {
			if err == nil || !strings.Contains(err.Error(), tc.bad) || !strings.Contains(err.Error(), "30d") {
				t.Errorf("ParsePeriod(%q) = %v, %v; want an error about %q", tc.in, p, err, tc.bad)
			}
			continue
		}
		if err != nil || p.From != tc.from || p.To != tc.to {
			t.Errorf("ParsePeriod(%q) = %v, %v; want %v..%v", tc.in, p, err, tc.from, tc.to)
		}
	}
}

func TestRatio(t *testing.T) {
	for _, tc := range []struct {
		r    Ratio
		want string
	}{{Ratio{1, 2}, "50%"}, {Ratio{2, 3}, "66.7%"}, {Ratio{0, 0}, "–"}, {Ratio{5, 5}, "100%"}, {Ratio{1, 8}, "12.5%"}} {
		if got := tc.r.Percent(); got != tc.want {
			t.Errorf("%v.Percent() = %q, want %q", tc.r, got, tc.want)
		}
	}
}

// TestReportEmptyBook makes sure a new book reports zeros, not errors.
func TestReportEmptyBook(t *testing.T) {
	d, _ := openTest(t)
	p, _ := ParsePeriod("365d", d.Today())
	r, err := d.Report(context.Background(), p)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Funnel) != 5 || r.Deals.WinRate.D != 0 || len(r.Retention.Months) != 13 || r.Activity.Sum != 0 || r.Repurchase.Buyers != 0 {
		t.Errorf("empty report = %+v", r)
	}
	if _, err := d.Report(context.Background(), Period{}); err == nil {
		t.Error("an empty period gave no error")
	}
}
