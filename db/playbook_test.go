package db

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/rapportcrm/rapport/model"
)

// switchOffPlaybooks turns every rule of the book off (for tests about
// something else that count follow-ups or rewritten rows).
func switchOffPlaybooks(t testing.TB, d *DB) {
	t.Helper()
	ps, err := d.Playbooks(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range ps {
		if p.Enabled {
			if _, err := d.SetPlaybookEnabled(context.Background(), p.ID, false); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// practice returns the default rule of a practice.
func practice(t testing.TB, d *DB, name string) model.Playbook {
	t.Helper()
	ps, err := d.Playbooks(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range ps {
		if p.Practice == name {
			return p
		}
	}
	t.Fatalf("no default rule %s in %+v", name, ps)
	return model.Playbook{}
}

// ruleMade returns the follow-ups rule id made (open and done).
func ruleMade(t testing.TB, d *DB, rule int64) []model.Followup {
	t.Helper()
	fs, err := followupRow.all(context.Background(), d.r, `WHERE playbook_id = ? AND archived_at IS NULL ORDER BY id`, rule)
	if err != nil {
		t.Fatal(err)
	}
	return fs
}

func addRule(t testing.TB, d *DB, p model.Playbook) model.Playbook {
	t.Helper()
	p.Enabled = true
	if _, err := d.CreatePlaybook(context.Background(), &p); err != nil {
		t.Fatal(err)
	}
	return p
}

func logIt(t testing.TB, d *DB, i model.Interaction) int64 {
	t.Helper()
	var id int64
	if err := d.Write(context.Background(), "log "+i.Summary, func(tx *Tx) error {
		var err error
		id, err = tx.LogInteraction(&i)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	return id
}

func stageNamed(t testing.TB, d *DB, name string) model.Stage {
	t.Helper()
	stages, err := d.Stages(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	st, err := FindStage(stages, name)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

func newDeal(t testing.TB, d *DB, customer int64, title string) int64 {
	t.Helper()
	var id int64
	if err := d.Write(context.Background(), "add deal", func(tx *Tx) error {
		var err error
		id, err = tx.CreateDeal(&model.Deal{CustomerID: customer, Title: title, ValueMinor: 100000, Currency: "USD"})
		return err
	}); err != nil {
		t.Fatal(err)
	}
	return id
}

func TestDefaultPlaybooksInANewBook(t *testing.T) {
	d, _ := openTest(t)
	ps, err := d.Playbooks(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]model.PlaybookEvent{model.PracticeFirstRevisit: model.EventCustomerAdded, model.PracticeAfterSale: model.EventDealWon,
		model.PracticeComplaintCallback: model.EventComplaint, model.PracticeOtherChannel: model.EventUnanswered,
		model.PracticeWinBack: model.EventAtRisk, model.PracticeQuarterly: model.EventEvery,
		model.PracticeHolidayGreeting: model.EventHoliday}
	if len(ps) != 7 {
		t.Fatalf("%d rules: %+v", len(ps), ps)
	}
	for _, p := range ps {
		if want[p.Practice] != p.Event || !p.Enabled {
			t.Errorf("rule %+v", p)
		}
	}
	q := practice(t, d, model.PracticeQuarterly)
	if q.Tier != model.TierA || q.EventDays != 90 {
		t.Errorf("quarterly %+v", q)
	}
	zh, err := Open(context.Background(), filepath.Join(t.TempDir(), "zh.db"), Options{Locale: "zh_CN.UTF-8", Now: func() time.Time { return time.Date(2026, 11, 23, 9, 0, 0, 0, time.Local) }})
	if err != nil {
		t.Fatal(err)
	}
	defer zh.Close()
	if p := practice(t, zh, model.PracticeComplaintCallback); p.Name != "投诉回电" {
		t.Errorf("zh book rule %q", p.Name)
	}
}

// TestEveryEventFires drives each event through the store and checks the
// follow-up its rule made: title, due day and time, deal, rule.
func TestEveryEventFires(t *testing.T) {
	d, clk := openTest(t)
	ctx := context.Background()
	today := model.DayOf(clk.t)
	proposal := stageNamed(t, d, "Proposal")
	first := addRule(t, d, model.Playbook{Name: "Thank for the first call", Event: model.EventFirstContact, Title: "Send intro pack", AfterDays: 1, AtTime: "10:00"})
	stageRule := addRule(t, d, model.Playbook{Name: "Proposal chase", Event: model.EventDealStage, StageID: proposal.ID, Title: "Chase the proposal", AfterDays: 5})
	lost := addRule(t, d, model.Playbook{Name: "Lost review", Event: model.EventDealLost, Title: "Ask why we lost", AfterDays: 30})
	order := addRule(t, d, model.Playbook{Name: "Order thanks", Event: model.EventOrder, Title: "Thank for the order", AfterDays: 2})
	low := addRule(t, d, model.Playbook{Name: "Detractor call", Event: model.EventLowFeedback, Title: "Call about the low score"})

	// customer added: the default first revisit, 3 days later.
	id := mustCustomer(t, d, "Ada")
	fr := ruleMade(t, d, practice(t, d, model.PracticeFirstRevisit).ID)
	if len(fr) != 1 || fr[0].CustomerID != id || fr[0].Due != today.AddDays(3) || fr[0].Title != "First revisit" {
		t.Fatalf("first revisit %+v", fr)
	}
	// first contact: once, at the rule's time; a note is not contact.
	logIt(t, d, model.Interaction{CustomerID: id, Kind: model.KindNote, Summary: "met at fair"})
	if n := len(ruleMade(t, d, first.ID)); n != 0 {
		t.Fatalf("a note counted as first contact: %d", n)
	}
	logIt(t, d, model.Interaction{CustomerID: id, Kind: model.KindCall, Outcome: model.OutcomeReplied, Summary: "first call"})
	logIt(t, d, model.Interaction{CustomerID: id, Kind: model.KindCall, Outcome: model.OutcomeReplied, Summary: "second call"})
	if fs := ruleMade(t, d, first.ID); len(fs) != 1 || fs[0].Due != today.AddDays(1) || fs[0].DueTime != "10:00" {
		t.Fatalf("first contact %+v", fs)
	}
	// deal enters a stage: only the rule's stage, linked to the deal.
	deal := newDeal(t, d, id, "Pilot")
	if n := len(ruleMade(t, d, stageRule.ID)); n != 0 {
		t.Fatalf("a deal in Lead fired the Proposal rule")
	}
	if _, err := d.MoveDeal(ctx, deal, proposal.ID, "", false); err != nil {
		t.Fatal(err)
	}
	if fs := ruleMade(t, d, stageRule.ID); len(fs) != 1 || fs[0].DealID != deal || fs[0].Due != today.AddDays(5) {
		t.Fatalf("deal stage %+v", fs)
	}
	// deal won: the default after-sale revisit (7 days), and the order it records fires the order rule.
	if _, err := d.MoveDeal(ctx, deal, stageNamed(t, d, "Won").ID, "", true); err != nil {
		t.Fatal(err)
	}
	if fs := ruleMade(t, d, practice(t, d, model.PracticeAfterSale).ID); len(fs) != 1 || fs[0].DealID != deal || fs[0].Due != today.AddDays(7) {
		t.Fatalf("after-sale %+v", fs)
	}
	if fs := ruleMade(t, d, order.ID); len(fs) != 1 || fs[0].Due != today.AddDays(2) {
		t.Fatalf("order %+v", fs)
	}
	// deal lost.
	other := newDeal(t, d, id, "Upsell")
	if _, err := d.MoveDeal(ctx, other, stageNamed(t, d, "Lost").ID, "budget", false); err != nil {
		t.Fatal(err)
	}
	if fs := ruleMade(t, d, lost.ID); len(fs) != 1 || fs[0].DealID != other || fs[0].Due != today.AddDays(30) {
		t.Fatalf("lost %+v", fs)
	}
	// complaint: the default callback, 2 hours later the same day.
	logIt(t, d, model.Interaction{CustomerID: id, Kind: model.KindComplaint, Direction: model.Inbound, Summary: "late delivery", DealID: deal})
	if fs := ruleMade(t, d, practice(t, d, model.PracticeComplaintCallback).ID); len(fs) != 1 || fs[0].Due != today || fs[0].DueTime != "11:00" || fs[0].DealID != deal {
		t.Fatalf("complaint %+v", fs)
	}
	// feedback: 4 fires, 9 does not.
	logIt(t, d, model.Interaction{CustomerID: id, Kind: model.KindFeedback, Direction: model.Inbound, Score: 9, Summary: "survey"})
	if n := len(ruleMade(t, d, low.ID)); n != 0 {
		t.Fatalf("a 9 fired the low feedback rule")
	}
	logIt(t, d, model.Interaction{CustomerID: id, Kind: model.KindFeedback, Direction: model.Inbound, Score: 4, Summary: "survey"})
	if fs := ruleMade(t, d, low.ID); len(fs) != 1 || fs[0].Due != today {
		t.Fatalf("low feedback %+v", fs)
	}
	// Each follow-up says which rule made it.
	names, err := d.PlaybookNames(ctx)
	if err != nil || names[low.ID] != "Detractor call" {
		t.Errorf("names %v %v", names, err)
	}
}

func TestRuleNeverStacksAndSkipsChurned(t *testing.T) {
	d, _ := openTest(t)
	ctx := context.Background()
	cb := practice(t, d, model.PracticeComplaintCallback)
	id := mustCustomer(t, d, "Bo")
	logIt(t, d, model.Interaction{CustomerID: id, Kind: model.KindComplaint, Direction: model.Inbound, Summary: "one"})
	logIt(t, d, model.Interaction{CustomerID: id, Kind: model.KindComplaint, Direction: model.Inbound, Summary: "two"})
	fs := ruleMade(t, d, cb.ID)
	if len(fs) != 1 {
		t.Fatalf("stacked: %+v", fs)
	}
	if _, err := d.CompleteFollowup(ctx, fs[0].ID); err != nil {
		t.Fatal(err)
	}
	logIt(t, d, model.Interaction{CustomerID: id, Kind: model.KindComplaint, Direction: model.Inbound, Summary: "three"})
	if fs := ruleMade(t, d, cb.ID); len(fs) != 2 {
		t.Fatalf("after the first was done: %+v", fs)
	}
	// A deal rule keeps one open follow-up per deal, not per customer.
	won := practice(t, d, model.PracticeAfterSale)
	for _, title := range []string{"A", "B"} {
		if _, err := d.MoveDeal(ctx, newDeal(t, d, id, title), stageNamed(t, d, "Won").ID, "", false); err != nil {
			t.Fatal(err)
		}
	}
	if fs := ruleMade(t, d, won.ID); len(fs) != 2 || fs[0].DealID == fs[1].DealID {
		t.Fatalf("per deal %+v", fs)
	}
	// Churned: nothing fires.
	gone := mustCustomer(t, d, "Gone")
	c, _ := d.Customer(ctx, gone)
	c.Lifecycle, c.ChurnReason = model.Churned, "closed down"
	if err := d.UpdateCustomer(ctx, &c); err != nil {
		t.Fatal(err)
	}
	logIt(t, d, model.Interaction{CustomerID: gone, Kind: model.KindComplaint, Direction: model.Inbound, Summary: "angry"})
	for _, f := range ruleMade(t, d, cb.ID) {
		if f.CustomerID == gone {
			t.Fatalf("fired for a churned customer: %+v", f)
		}
	}
}

func TestTierAndTagFilters(t *testing.T) {
	d, _ := openTest(t)
	ctx := context.Background()
	r := addRule(t, d, model.Playbook{Name: "VIP order", Event: model.EventOrder, Tier: model.TierA, Tag: "VIP", Title: "Call the VIP"})
	mk := func(name string, tier model.Tier, tags []string) int64 {
		id, err := d.CreateCustomer(ctx, &model.Customer{Name: name, Tier: tier, TierPinned: true}, tags)
		if err != nil {
			t.Fatal(err)
		}
		if err := d.Write(ctx, "order", func(tx *Tx) error {
			_, err := tx.CreateOrder(&model.Order{CustomerID: id, AmountMinor: 100, Currency: "USD"})
			return err
		}); err != nil {
			t.Fatal(err)
		}
		return id
	}
	yes := mk("Yes", model.TierA, []string{"vip"})
	mk("Wrong tier", model.TierB, []string{"vip"})
	mk("No tag", model.TierA, nil)
	if fs := ruleMade(t, d, r.ID); len(fs) != 1 || fs[0].CustomerID != yes {
		t.Fatalf("%+v", fs)
	}
}

// TestUndoTakesTheEventAndItsFollowups: one undo removes the complaint and
// the callback its rule made; redo brings both back, and no second one.
func TestUndoTakesTheEventAndItsFollowups(t *testing.T) {
	d, _ := openTest(t)
	ctx := context.Background()
	cb := practice(t, d, model.PracticeComplaintCallback)
	id := mustCustomer(t, d, "Cy")
	logIt(t, d, model.Interaction{CustomerID: id, Kind: model.KindComplaint, Direction: model.Inbound, Summary: "broken"})
	if len(ruleMade(t, d, cb.ID)) != 1 {
		t.Fatal("no callback")
	}
	if _, err := d.Undo(ctx); err != nil {
		t.Fatal(err)
	}
	var n int
	d.r.QueryRowContext(ctx, `SELECT count(*) FROM interactions WHERE customer_id = ?`, id).Scan(&n)
	if n != 0 || len(ruleMade(t, d, cb.ID)) != 0 {
		t.Fatalf("after undo: %d interactions, %+v", n, ruleMade(t, d, cb.ID))
	}
	var open int
	d.r.QueryRowContext(ctx, `SELECT open_followups FROM customer_stats WHERE customer_id = ?`, id).Scan(&open)
	if open != 1 { // the first revisit stays
		t.Errorf("stats after undo: %d open", open)
	}
	if _, err := d.Redo(ctx); err != nil {
		t.Fatal(err)
	}
	if fs := ruleMade(t, d, cb.ID); len(fs) != 1 {
		t.Fatalf("after redo %+v", fs)
	}
	// Undoing the customer's creation takes its first revisit with it.
	if _, err := d.Undo(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := d.Undo(ctx); err != nil {
		t.Fatal(err)
	}
	if fs := ruleMade(t, d, practice(t, d, model.PracticeFirstRevisit).ID); len(fs) != 0 {
		t.Fatalf("first revisit outlived its customer: %+v", fs)
	}
}

// TestUnansweredFiresFromRefresh: N days after an unanswered outreach with
// nothing since, Refresh schedules "try another channel" once.
func TestUnansweredFiresFromRefresh(t *testing.T) {
	d, clk := openTest(t)
	ctx := context.Background()
	oc := practice(t, d, model.PracticeOtherChannel)
	id := mustCustomer(t, d, "Di")
	logIt(t, d, model.Interaction{CustomerID: id, Kind: model.KindCall, Outcome: model.OutcomeNoReply, Summary: "no answer"})
	start := clk.t
	for day := 1; day <= 5; day++ {
		clk.t = start.AddDate(0, 0, day)
		res, err := d.Refresh(ctx)
		if err != nil {
			t.Fatal(err)
		}
		fs := ruleMade(t, d, oc.ID)
		want := 0
		if day >= 3 {
			want = 1
		}
		if len(fs) != want {
			t.Fatalf("day %d: %+v (%+v)", day, fs, res.Playbooks)
		}
		if day == 3 && (res.Playbooks.Unanswered != 1 || fs[0].Due != model.DayOf(clk.t)) {
			t.Fatalf("day 3: %+v %+v", res.Playbooks, fs)
		}
	}
	// Done, and the same outreach does not fire again; a new one does.
	if _, err := d.CompleteFollowup(ctx, ruleMade(t, d, oc.ID)[0].ID); err != nil {
		t.Fatal(err)
	}
	clk.t = start.AddDate(0, 0, 6)
	d.Refresh(ctx)
	if n := len(ruleMade(t, d, oc.ID)); n != 1 {
		t.Fatalf("fired twice for one outreach: %d", n)
	}
	logIt(t, d, model.Interaction{CustomerID: id, Kind: model.KindEmail, Outcome: model.OutcomeNoReply, Summary: "email, no answer"})
	clk.t = start.AddDate(0, 0, 9)
	d.Refresh(ctx)
	if n := len(ruleMade(t, d, oc.ID)); n != 2 {
		t.Fatalf("a new outreach did not fire: %d", n)
	}
}

// TestAtRiskFiresOncePerEpisode: a customer who drifts into at_risk gets a
// win-back call from Refresh on that day, never a second while it stays at
// risk, and again after it recovered and lapsed anew. A command that makes
// a customer at risk fires the rule in its own transaction, and undo takes
// it back.
func TestAtRiskFiresOncePerEpisode(t *testing.T) {
	d, clk := openTest(t)
	ctx := context.Background()
	wb := practice(t, d, model.PracticeWinBack)
	id := mustCustomer(t, d, "Ed")
	logIt(t, d, model.Interaction{CustomerID: id, Kind: model.KindCall, Outcome: model.OutcomeReplied, Summary: "hello"})
	start := clk.t
	level := func() string {
		var l string
		d.r.QueryRowContext(ctx, `SELECT risk_level FROM customer_stats WHERE customer_id = ?`, id).Scan(&l)
		return l
	}
	var fired model.Day
	for day := 1; day <= 120 && fired == 0; day++ {
		clk.t = start.AddDate(0, 0, day)
		if _, err := d.Refresh(ctx); err != nil {
			t.Fatal(err)
		}
		fs := ruleMade(t, d, wb.ID)
		if level() == "at_risk" {
			if len(fs) != 1 || fs[0].Due != model.DayOf(clk.t) {
				t.Fatalf("day %d at risk, win-back %+v", day, fs)
			}
			fired = model.DayOf(clk.t)
		} else if len(fs) != 0 {
			t.Fatalf("day %d: fired while %s", day, level())
		}
	}
	if fired == 0 {
		t.Fatal("never at risk in 120 days")
	}
	if _, err := d.CompleteFollowup(ctx, ruleMade(t, d, wb.ID)[0].ID); err != nil {
		t.Fatal(err)
	}
	clk.t = clk.t.AddDate(0, 0, 1)
	d.Refresh(ctx)
	if level() != "at_risk" || len(ruleMade(t, d, wb.ID)) != 1 {
		t.Fatalf("still at risk: %s, %d win-backs", level(), len(ruleMade(t, d, wb.ID)))
	}
	// A reply brings the customer back and ends the episode.
	logIt(t, d, model.Interaction{CustomerID: id, Kind: model.KindCall, Direction: model.Inbound, Outcome: model.OutcomePositive, Summary: "they called"})
	if level() == "at_risk" {
		t.Fatalf("a positive inbound call left the customer at risk")
	}
	var marks int
	d.r.QueryRowContext(ctx, `SELECT count(*) FROM playbook_marks WHERE playbook_id = ?`, wb.ID).Scan(&marks)
	if marks != 0 {
		t.Fatalf("the episode is not over: %d marks", marks)
	}
	// Silence again (and the first revisit overdue): a second episode.
	for day := 1; day <= 120 && len(ruleMade(t, d, wb.ID)) < 2; day++ {
		clk.t = clk.t.AddDate(0, 0, 1)
		d.Refresh(ctx)
	}
	if level() != "at_risk" || len(ruleMade(t, d, wb.ID)) != 2 {
		t.Fatalf("second episode: %s, %d win-backs", level(), len(ruleMade(t, d, wb.ID)))
	}
}

// TestAtRiskFromACommandFiresInIt: a complaint that tips a customer into
// at_risk brings the win-back call in the same transaction; one undo takes
// the complaint, its callback, the win-back call and the episode's mark.
func TestAtRiskFromACommandFiresInIt(t *testing.T) {
	d, clk := openTest(t)
	ctx := context.Background()
	wb := practice(t, d, model.PracticeWinBack)
	cb := practice(t, d, model.PracticeComplaintCallback)
	id := mustCustomer(t, d, "Flo")
	if _, err := d.CompleteFollowup(ctx, ruleMade(t, d, practice(t, d, model.PracticeFirstRevisit).ID)[0].ID); err != nil {
		t.Fatal(err)
	}
	level := func() string {
		var l string
		d.r.QueryRowContext(ctx, `SELECT risk_level FROM customer_stats WHERE customer_id = ?`, id).Scan(&l)
		return l
	}
	// One order 60 days ago: the lapse points (prior weights) are in the
	// 40s, watch; a complaint adds 25.
	if err := d.Write(ctx, "order", func(tx *Tx) error {
		_, err := tx.CreateOrder(&model.Order{CustomerID: id, AmountMinor: 5000, Currency: "USD", OrderedAt: daysAgo(clk, 60)})
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := d.Refresh(ctx); err != nil {
		t.Fatal(err)
	}
	if level() != "watch" {
		t.Fatalf("with an order 60 days ago: %s", level())
	}
	logIt(t, d, model.Interaction{CustomerID: id, Kind: model.KindComplaint, Direction: model.Inbound, Summary: "furious"})
	if level() != "at_risk" || len(ruleMade(t, d, wb.ID)) != 1 || len(ruleMade(t, d, cb.ID)) != 1 {
		t.Fatalf("complaint: %s, win-backs %d, callbacks %d", level(), len(ruleMade(t, d, wb.ID)), len(ruleMade(t, d, cb.ID)))
	}
	if _, err := d.Undo(ctx); err != nil {
		t.Fatal(err)
	}
	var marks int
	d.r.QueryRowContext(ctx, `SELECT count(*) FROM playbook_marks WHERE playbook_id = ?`, wb.ID).Scan(&marks)
	if level() != "watch" || len(ruleMade(t, d, wb.ID)) != 0 || len(ruleMade(t, d, cb.ID)) != 0 || marks != 0 {
		t.Fatalf("undo left %s, %d win-backs, %d callbacks, %d marks", level(), len(ruleMade(t, d, wb.ID)), len(ruleMade(t, d, cb.ID)), marks)
	}
	// Redo brings them back, and the next refresh adds no second call.
	if _, err := d.Redo(ctx); err != nil {
		t.Fatal(err)
	}
	clk.t = clk.t.AddDate(0, 0, 1)
	d.Refresh(ctx)
	if len(ruleMade(t, d, wb.ID)) != 1 {
		t.Fatalf("after redo and a refresh: %d win-backs", len(ruleMade(t, d, wb.ID)))
	}
}

// TestEveryNDaysSpreadsAndRepeats: the quarterly rule reaches a tier A
// customer on its day of the first round, then every 90 days; a tier C
// customer never.
func TestEveryNDaysSpreadsAndRepeats(t *testing.T) {
	d, clk := openTest(t)
	ctx := context.Background()
	q := practice(t, d, model.PracticeQuarterly)
	a, err := d.CreateCustomer(ctx, &model.Customer{Name: "Anchor", Tier: model.TierA, TierPinned: true}, nil)
	if err != nil {
		t.Fatal(err)
	}
	mustCustomer(t, d, "Small")
	ruleDay := model.DayOfUnix(q.CreatedAt, time.Local)
	offset := int(a % 90)
	start := clk.t
	for day := 1; day <= offset+1; day++ {
		clk.t = start.AddDate(0, 0, day)
		if _, err := d.Refresh(ctx); err != nil {
			t.Fatal(err)
		}
		n := len(ruleMade(t, d, q.ID))
		if due := int(model.DayOf(clk.t)-ruleDay) >= offset; (n == 1) != due || n > 1 {
			t.Fatalf("day %d (offset %d): %d revisits", day, offset, n)
		}
	}
	fs := ruleMade(t, d, q.ID)
	if len(fs) != 1 || fs[0].CustomerID != a {
		t.Fatalf("%+v", fs)
	}
	if _, err := d.CompleteFollowup(ctx, fs[0].ID); err != nil {
		t.Fatal(err)
	}
	fired := fs[0].Due.In(time.Local).Add(9 * time.Hour)
	clk.t = fired.AddDate(0, 0, 89)
	d.Refresh(ctx)
	if n := len(ruleMade(t, d, q.ID)); n != 1 {
		t.Fatalf("fired before 90 days: %d %+v", n, ruleMade(t, d, q.ID))
	}
	clk.t = fired.AddDate(0, 0, 90)
	d.Refresh(ctx)
	if n := len(ruleMade(t, d, q.ID)); n != 2 {
		t.Fatalf("not again after 90 days: %d", n)
	}
}

func TestPlaybookEditingAndSwitches(t *testing.T) {
	d, _ := openTest(t)
	ctx := context.Background()
	bad := []model.Playbook{
		{Name: "x", Event: model.EventEvery, EventDays: 30, Title: "t"},
		{Name: "x", Event: model.EventUnanswered, Title: "t"},
		{Name: "x", Event: model.EventDealStage, Title: "t"},
		{Name: "x", Event: model.EventOrder, Title: "t", AfterDays: 1, AfterHours: 2},
		{Name: "x", Event: model.EventOrder, Title: "t", AtTime: "25:00"},
		{Name: "First revisit", Event: model.EventOrder, Title: "t"},
		{Name: "x", Event: "birthday", Title: "t"},
	}
	for _, p := range bad {
		if _, err := d.CreatePlaybook(ctx, &p); err == nil {
			t.Errorf("accepted %+v", p)
		}
	}
	cb := practice(t, d, model.PracticeComplaintCallback)
	if _, err := d.SetPlaybookEnabled(ctx, cb.ID, false); err != nil {
		t.Fatal(err)
	}
	id := mustCustomer(t, d, "Fay")
	logIt(t, d, model.Interaction{CustomerID: id, Kind: model.KindComplaint, Direction: model.Inbound, Summary: "x"})
	if n := len(ruleMade(t, d, cb.ID)); n != 0 {
		t.Fatalf("a rule that is off fired: %d", n)
	}
	if _, err := d.SetPlaybookEnabled(ctx, cb.ID, true); err != nil {
		t.Fatal(err)
	}
	p, err := d.FindPlaybook(ctx, "complaint")
	if err != nil || p.ID != cb.ID {
		t.Fatalf("find by prefix: %+v %v", p, err)
	}
	p.AfterHours, p.AfterDays, p.AtTime, p.Title = 0, 1, "09:30", "Call back tomorrow"
	if err := d.UpdatePlaybook(ctx, &p); err != nil {
		t.Fatal(err)
	}
	logIt(t, d, model.Interaction{CustomerID: id, Kind: model.KindComplaint, Direction: model.Inbound, Summary: "y"})
	if fs := ruleMade(t, d, cb.ID); len(fs) != 1 || fs[0].Title != "Call back tomorrow" || fs[0].DueTime != "09:30" {
		t.Fatalf("edited rule made %+v", fs)
	}
	if err := d.RemovePlaybook(ctx, cb.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := d.FindPlaybook(ctx, "Complaint callback"); err == nil {
		t.Fatal("a removed rule is still found")
	}
	names, _ := d.PlaybookNames(ctx)
	if !strings.Contains(names[cb.ID], "Complaint") {
		t.Errorf("a removed rule's follow-ups lost its name: %v", names)
	}
	if desc, err := d.Undo(ctx); err != nil || !strings.Contains(desc, "remove playbook") {
		t.Fatalf("undo remove: %q %v", desc, err)
	}
	if _, err := d.FindPlaybook(ctx, "Complaint callback"); err != nil {
		t.Fatal(err)
	}
}

func TestPlaybookStatsCountOnTime(t *testing.T) {
	d, clk := openTest(t)
	ctx := context.Background()
	fr := practice(t, d, model.PracticeFirstRevisit)
	a := mustCustomer(t, d, "On time")
	b := mustCustomer(t, d, "Late")
	mustCustomer(t, d, "Open")
	start := clk.t
	for _, f := range ruleMade(t, d, fr.ID) {
		switch f.CustomerID {
		case a:
			clk.t = start.AddDate(0, 0, 2)
		case b:
			clk.t = start.AddDate(0, 0, 5)
		default:
			continue
		}
		if _, err := d.CompleteFollowup(ctx, f.ID); err != nil {
			t.Fatal(err)
		}
	}
	st, err := d.PlaybookStats(ctx, 90)
	if err != nil {
		t.Fatal(err)
	}
	if got := st[fr.ID]; got != (PlaybookStat{Made: 3, Done: 2, OnTime: 1, StillDue: 1}) {
		t.Fatalf("stats %+v", got)
	}
	clk.t = start.AddDate(0, 0, 91)
	if st, _ := d.PlaybookStats(ctx, 90); st[fr.ID].Made != 0 {
		t.Fatalf("window kept old follow-ups: %+v", st[fr.ID])
	}
}

// TestArrivingAtRiskIsNotBecomingAtRisk: a customer added with a history
// that puts it at risk at once (an import, one command) is marked as seen,
// and no refresh calls it a new episode.
func TestArrivingAtRiskIsNotBecomingAtRisk(t *testing.T) {
	d, clk := openTest(t)
	ctx := context.Background()
	wb := practice(t, d, model.PracticeWinBack)
	var id int64
	if err := d.Write(ctx, "import", func(tx *Tx) error {
		var err error
		if id, err = tx.CreateCustomer(&model.Customer{Name: "Old buyer"}); err != nil {
			return err
		}
		if _, err = tx.CreateOrder(&model.Order{CustomerID: id, AmountMinor: 5000, Currency: "USD", OrderedAt: daysAgo(clk, 300)}); err != nil {
			return err
		}
		_, err = tx.LogInteraction(&model.Interaction{CustomerID: id, Kind: model.KindComplaint, Direction: model.Inbound, Summary: "old complaint", OccurredAt: daysAgo(clk, 2)})
		return err
	}); err != nil {
		t.Fatal(err)
	}
	var level string
	d.r.QueryRowContext(ctx, `SELECT risk_level FROM customer_stats WHERE customer_id = ?`, id).Scan(&level)
	if level != "at_risk" {
		t.Fatalf("an order 300 days ago and an open complaint: %s", level)
	}
	clk.t = clk.t.AddDate(0, 0, 1)
	if _, err := d.Refresh(ctx); err != nil {
		t.Fatal(err)
	}
	if fs := ruleMade(t, d, wb.ID); len(fs) != 0 {
		t.Fatalf("win-back for a customer who arrived at risk: %+v", fs)
	}
}
