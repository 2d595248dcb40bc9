package ui

import (
	"context"
	"fmt"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model"
)

// pipeFixture names the deals the Pipeline tests look for.
type pipeFixture struct {
	Stages                                                []model.Stage // default stages, board order
	Olivia, Wang, Acme, Muller, Sato, Evil                int64
	Renewal, Pilot, EvilDeal, Fleet, Spares, Racks, Licen int64
	BigRenewal, Starter, Trial                            int64
}

// pipelineBook builds a small deterministic book for the board: deals in
// every stage, several currencies, a rotting deal, a snoozed one, an
// overdue / today / later next step, CJK and hostile text.
func pipelineBook(t testing.TB) (*db.DB, pipeFixture) {
	t.Helper()
	d, clk := openBook(t)
	ctx := context.Background()
	var f pipeFixture
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
	at := func(daysAgo int) { clk.t = fixtureNow.AddDate(0, 0, -daysAgo) }
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
	today := model.DayOf(fixtureNow)
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

// pipelineApp opens the app over d at w×h on the Pipeline tab.
func pipelineApp(t testing.TB, d *db.DB, w, h int) (*App, *Pipeline) {
	t.Helper()
	a := newTestApp(t, d, w, h)
	pressKeys(t, a, "3")
	p, ok := a.Focused().(*Pipeline)
	if !ok {
		t.Fatalf("3 shows %T, not the pipeline", a.Focused())
	}
	if !p.loaded {
		t.Fatal("the board did not load")
	}
	return a, p
}

// pressKeys is press with the board's extra key names (arrows, shift
// arrows, space).
func pressKeys(t testing.TB, a *App, keys ...string) {
	t.Helper()
	extra := map[string]tea.KeyType{
		"left": tea.KeyLeft, "right": tea.KeyRight, "shift+left": tea.KeyShiftLeft,
		"shift+right": tea.KeyShiftRight, "space": tea.KeySpace, "ctrl+s": tea.KeyCtrlS,
	}
	for _, k := range keys {
		if kt, ok := extra[k]; ok {
			_, cmd := a.Update(tea.KeyMsg{Type: kt})
			a.View()
			drain(t, a, cmd)
			continue
		}
		press(t, a, k)
	}
}

// selectDeal puts the cursor on a deal by pressing keys (h to the first
// column, l to its column, g to the top, j down to it).
func selectDeal(t testing.TB, a *App, p *Pipeline, id int64) {
	t.Helper()
	for ci, c := range p.cols {
		for j, r := range c.Cards {
			if r.ID != id {
				continue
			}
			for range len(p.cols) {
				pressKeys(t, a, "h")
			}
			for range ci {
				pressKeys(t, a, "l")
			}
			if p.collapsed(ci) {
				pressKeys(t, a, "c")
			}
			pressKeys(t, a, "g")
			for range j {
				pressKeys(t, a, "j")
			}
			if got, ok := p.Selected(); !ok || got.ID != id {
				t.Fatalf("cursor on %+v, want deal %d", got, id)
			}
			return
		}
	}
	t.Fatalf("deal %d is not on the board", id)
}

// dealStage reads a deal's stage and status from the file.
func dealStage(t testing.TB, d *db.DB, id int64) (int64, model.DealStatus) {
	t.Helper()
	dl, err := d.Deal(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return dl.StageID, dl.Status
}

// historyCount counts a deal's rows in deal_stage_history.
func historyCount(t testing.TB, d *db.DB, id int64) int {
	t.Helper()
	var n int
	if err := d.Reader().QueryRowContext(context.Background(), `SELECT count(*) FROM deal_stage_history WHERE deal_id = ?`, id).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// stageNamed returns the fixture's stage by name.
func (f pipeFixture) stageNamed(t testing.TB, name string) model.Stage {
	t.Helper()
	s, err := db.FindStage(f.Stages, name)
	if err != nil {
		t.Fatal(fmt.Errorf("stage %s: %w", name, err))
	}
	return s
}
