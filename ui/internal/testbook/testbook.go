// Package testbook builds the books the ui tests run on: real SQLite files
// under t.TempDir() on a fixed clock (Monday 2026-11-23 09:00 UTC), with
// customers in every Today section, deals in every stage, CJK names and
// hostile text. Tests of the root and of every screen share them.
package testbook

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/db/demo"
	"github.com/rapportcrm/rapport/model"
)

// Now is the fixed "now" of the books: Monday 2026-11-23 09:00 UTC.
func Now() time.Time { return time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC) }

// Clock is a settable test clock.
type Clock struct{ T time.Time }

// Now reads the clock.
func (c *Clock) Now() time.Time { return c.T }

// Open opens a fresh book under t.TempDir() with a settable clock at Now.
func Open(t testing.TB) (*db.DB, *Clock) {
	t.Helper()
	clk := &Clock{T: Now()}
	d, err := db.Open(context.Background(), filepath.Join(t.TempDir(), "book.db"), db.Options{Now: clk.Now})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	RulesOff(t, d)
	return d, clk
}

// RulesOff switches every playbook rule of d off in one command: the
// fixtures are hand-made books whose tests count follow-ups and rows, and
// the default rules would add follow-ups of their own.
func RulesOff(t testing.TB, d *db.DB) {
	t.Helper()
	ps, err := d.Playbooks(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Write(context.Background(), "switch the playbooks off", func(tx *db.Tx) error {
		for _, p := range ps {
			if err := tx.Update("playbooks", p.ID, 0, []string{"enabled"}, []any{0}); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
}

// Fixture names the customers the tests look for.
type Fixture struct {
	Wang, Acme, Muller, Sato, Lee, Olivia, Evil int64
	OverdueFollowup                             int64
}

// Book builds a small deterministic book: one customer in every Today
// section, CJK names, a hostile name, and 40 fillers to scroll through.
func Book(t testing.TB) (*db.DB, Fixture) {
	t.Helper()
	d, clk := Open(t)
	ctx := context.Background()
	var f Fixture
	// Everything is created 120 days before now, so "created" is old history.
	clk.T = Now().AddDate(0, 0, -120)
	days := func(n int) int64 { return Now().AddDate(0, 0, -n).Unix() }
	cust := func(name, company string, tier model.Tier, tags ...string) int64 {
		email := ""
		if model.Sanitize(name) == name && len(name) == len([]rune(name)) {
			email = strings.ToLower(strings.ReplaceAll(name, " ", ".")) + "@example.com"
		}
		id, err := d.CreateCustomer(ctx, &model.Customer{Name: name, Company: company, Tier: tier, TierPinned: true, Email: email}, tags)
		if err != nil {
			t.Fatal(err)
		}
		return id
	}
	logi := func(id int64, ago int, kind model.InteractionKind, dir model.Direction, out model.Outcome, summary string) {
		if err := d.Write(ctx, "log", func(tx *db.Tx) error {
			_, err := tx.LogInteraction(&model.Interaction{CustomerID: id, Kind: kind, Direction: dir, Outcome: out, Score: -1, Summary: summary, OccurredAt: days(ago)})
			return err
		}); err != nil {
			t.Fatal(err)
		}
	}
	follow := func(id int64, title string, due model.Day) int64 {
		var fid int64
		if err := d.Write(ctx, "follow", func(tx *db.Tx) error {
			var err error
			fid, err = tx.CreateFollowup(&model.Followup{CustomerID: id, Title: title, Due: due})
			return err
		}); err != nil {
			t.Fatal(err)
		}
		return fid
	}
	today := model.DayOf(Now())
	f.Wang = cust("王芳", "北京远景科技有限公司", model.TierA, "vip")
	f.Acme = cust("Acme Ltd", "Acme", model.TierB)
	f.Muller = cust("Jürgen Müller", "Müller GmbH", model.TierC)
	f.Sato = cust("佐藤 春樹", "佐藤商事", model.TierB)
	f.Lee = cust("이민준", "Hanbit Co", model.TierA)
	f.Olivia = cust("Olivia Brown", "Brown & Daughters", model.TierA)
	f.Evil = cust("Evil\x1b[31mCorp\u202e\x07", "Bad\x9b2JInc", model.TierC)
	// The deal starts its stage now (120 days ago) and rots.
	if err := d.Write(ctx, "deal", func(tx *db.Tx) error {
		_, err := tx.CreateDeal(&model.Deal{CustomerID: f.Lee, Title: "Renewal 2027", ValueMinor: 1200000, Currency: "USD"})
		return err
	}); err != nil {
		t.Fatal(err)
	}
	for i := 1; i <= 40; i++ {
		id := cust(fmt.Sprintf("Filler %02d", i), fmt.Sprintf("Filler Co %02d", i), model.TierC)
		logi(id, i%25+1, model.KindEmail, model.Outbound, model.OutcomeReplied, fmt.Sprintf("Checked in with filler %02d", i))
		if i%4 == 0 {
			follow(id, fmt.Sprintf("Filler follow-up %02d", i), today.AddDays(i))
		}
	}
	clk.T = Now()
	logi(f.Wang, 10, model.KindCall, model.Outbound, model.OutcomeReplied, "Discussed the 2027 volume 报价")
	logi(f.Wang, 40, model.KindMeeting, model.Inbound, model.OutcomePositive, "Visited the Beijing office")
	f.OverdueFollowup = follow(f.Wang, "Send quote", today.AddDays(-3))
	logi(f.Acme, 5, model.KindEmail, model.Inbound, model.OutcomeReplied, "Asked about renewal terms")
	follow(f.Acme, "Call about renewal", today)
	for i, ago := range []int{100, 95, 92} {
		logi(f.Muller, ago, model.KindEmail, model.Outbound, model.OutcomeNoReply, fmt.Sprintf("Outreach %d without answer", i+1))
	}
	logi(f.Sato, 12, model.KindComplaint, model.Inbound, model.OutcomeNegative, "Late delivery of the March order")
	logi(f.Lee, 3, model.KindCall, model.Outbound, model.OutcomeReplied, "Chatted about next year")
	logi(f.Olivia, 20, model.KindCall, model.Outbound, model.OutcomeReplied, "Quarterly check-in")
	logi(f.Evil, 2, model.KindNote, model.Internal, model.OutcomeNone, "Note with \x1b]0;title\x07 escape")
	if _, err := d.Refresh(ctx); err != nil {
		t.Fatal(err)
	}
	return d, f
}

// Pipe names the deals the Pipeline tests look for.
type Pipe struct {
	Stages                                                []model.Stage // default stages, board order
	Olivia, Wang, Acme, Muller, Sato, Evil                int64
	Renewal, Pilot, EvilDeal, Fleet, Spares, Racks, Licen int64
	BigRenewal, Starter, Trial                            int64
}

// Pipeline builds a small deterministic book for the board: deals in every
// stage, several currencies, a rotting deal, a snoozed one, an overdue /
// today / later next step, CJK and hostile text.
func Pipeline(t testing.TB) (*db.DB, Pipe) {
	t.Helper()
	d, clk := Open(t)
	ctx := context.Background()
	var f Pipe
	var err error
	if f.Stages, err = d.Stages(ctx); err != nil {
		t.Fatal(err)
	}
	stage := func(name string) int64 {
		s, err := db.FindStage(f.Stages, name)
		if err != nil {
			t.Fatal(err)
		}
		return s.ID
	}
	at := func(daysAgo int) { clk.T = Now().AddDate(0, 0, -daysAgo) }
	at(200)
	cust := func(name, company string) int64 {
		id, err := d.CreateCustomer(ctx, &model.Customer{Name: name, Company: company, Tier: model.TierB, TierPinned: true}, nil)
		if err != nil {
			t.Fatal(err)
		}
		return id
	}
	f.Olivia = cust("Olivia Brown", "Brown & Daughters")
	f.Wang = cust("王芳", "北京远景科技有限公司")
	f.Acme = cust("Acme Ltd", "Acme")
	f.Muller = cust("Jürgen Müller", "Müller GmbH")
	f.Sato = cust("佐藤 春樹", "佐藤商事")
	f.Evil = cust("Evil\x1b[31mCorp\u202e\x07", "Bad\x9b2JInc")
	deal := func(daysAgo int, customer int64, title string, minor int64, cur, stageName string) int64 {
		at(daysAgo)
		var id int64
		if err := d.Write(ctx, "deal", func(tx *db.Tx) error {
			var err error
			id, err = tx.CreateDeal(&model.Deal{CustomerID: customer, Title: title, ValueMinor: minor, Currency: cur, StageID: stage(stageName)})
			return err
		}); err != nil {
			t.Fatal(err)
		}
		return id
	}
	follow := func(customer, dealID int64, title string, due model.Day) {
		if err := d.Write(ctx, "follow", func(tx *db.Tx) error {
			_, err := tx.CreateFollowup(&model.Followup{CustomerID: customer, DealID: dealID, Title: title, Due: due})
			return err
		}); err != nil {
			t.Fatal(err)
		}
	}
	today := model.DayOf(Now())
	f.Renewal = deal(30, f.Olivia, "Renewal 2027", 1200000, "USD", "Lead")        // rotting (Lead rots after 14 d)
	f.Pilot = deal(2, f.Wang, "Pilot for 春季 rollout", 5000000, "CNY", "Lead")     // overdue next step
	f.EvilDeal = deal(1, f.Evil, "Evil\x1b[2J deal\u202e", 50000, "USD", "Lead")  // hostile text
	f.Fleet = deal(5, f.Acme, "Fleet upgrade", 4000000, "USD", "Qualified")       // due today
	f.Spares = deal(3, f.Muller, "Spare parts", 800000, "EUR", "Qualified")       // later
	f.Racks = deal(15, f.Acme, "Warehouse racks", 2500000, "USD", "Proposal")     // snoozed
	f.Licen = deal(20, f.Sato, "Annual licence", 1200000, "JPY", "Proposal")      // rotting, JPY
	f.BigRenewal = deal(3, f.Wang, "Big renewal", 12000000, "USD", "Negotiation") // none
	f.Starter = deal(40, f.Olivia, "Starter pack", 300000, "USD", "Negotiation")  // won below
	f.Trial = deal(30, f.Muller, "Trial licence", 200000, "USD", "Qualified")     // lost below
	at(10)
	if _, err := d.MoveDeal(ctx, f.Starter, stage("Won"), "", true); err != nil {
		t.Fatal(err)
	}
	at(5)
	if _, err := d.MoveDeal(ctx, f.Trial, stage("Lost"), "went with a competitor", false); err != nil {
		t.Fatal(err)
	}
	at(1)
	if _, err := d.SnoozeDeal(ctx, f.Racks, today.AddDays(7), "budget opens in Dec"); err != nil {
		t.Fatal(err)
	}
	at(0)
	follow(f.Wang, f.Pilot, "Send the pilot quote", today.AddDays(-2))
	follow(f.Acme, f.Fleet, "Call about fleet size", today)
	follow(f.Muller, f.Spares, "Check stock list", today.AddDays(5))
	if _, err := d.Refresh(ctx); err != nil {
		t.Fatal(err)
	}
	return d, f
}

// DealStage reads a deal's stage and status from the file.
func DealStage(t testing.TB, d *db.DB, id int64) (int64, model.DealStatus) {
	t.Helper()
	dl, err := d.Deal(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return dl.StageID, dl.Status
}

// HistoryCount counts a deal's rows in deal_stage_history.
func HistoryCount(t testing.TB, d *db.DB, id int64) int {
	t.Helper()
	var n int
	if err := d.Reader().QueryRowContext(context.Background(), `SELECT count(*) FROM deal_stage_history WHERE deal_id = ?`, id).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// StageNamed returns the fixture's stage by name.
func (f Pipe) StageNamed(t testing.TB, name string) model.Stage {
	t.Helper()
	s, err := db.FindStage(f.Stages, name)
	if err != nil {
		t.Fatal(fmt.Errorf("stage %s: %w", name, err))
	}
	return s
}

// Demo generates a small demo book (the same generator as `rapport demo`).
func Demo(t testing.TB, customers int) *db.DB {
	t.Helper()
	d, _ := Open(t)
	if _, err := demo.Generate(context.Background(), d, demo.Options{Customers: customers, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	return d
}
