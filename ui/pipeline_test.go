package ui

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/mattn/go-runewidth"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model"
)

func TestPipelineColumnsAndHeaders(t *testing.T) {
	d, f := pipelineBook(t)
	a, p := pipelineApp(t, d, 160, 40)
	var names []string
	for _, c := range p.cols {
		names = append(names, c.Stage.Name)
	}
	if got := strings.Join(names, ","); got != "Lead,Qualified,Proposal,Negotiation,Won,Lost" {
		t.Fatalf("columns %s", got)
	}
	if _, st := p.Focus(); st.Name != "Lead" {
		t.Fatalf("focus starts on %s", st.Name)
	}
	// Lead: the overdue next step first, then by value.
	var lead []int64
	for _, r := range p.cols[0].Cards {
		lead = append(lead, r.ID)
	}
	if fmt.Sprint(lead) != fmt.Sprint([]int64{f.Pilot, f.Renewal, f.EvilDeal}) {
		t.Fatalf("lead order %v", lead)
	}
	out := ansi.Strip(p.View())
	// Book currency first, the other after it, never summed.
	mustContain(t, out, "$13k · wtd $1.3k")
	mustContain(t, out, "¥50k · wtd ¥5k")
	mustContain(t, out, "¥1.2M · wtd ¥600k") // JPY in Proposal, after USD
	mustContain(t, out, "! Pilot for 春季 rollout")
	mustContain(t, out, "• Fleet upgrade")
	mustContain(t, out, "· Spare parts")
	mustContain(t, out, "⚠ rotting")
	mustContain(t, out, "$25k · 15d · zz 11-30")
	mustContain(t, out, "▸ Won · 90d")
	mustContain(t, out, "c shows them")
	mustNotContain(t, out, "Starter pack") // Won is collapsed
	mustNotContain(t, out, "\x1b")
	mustNotContain(t, plain(a), "\u202e")
}

func TestPipelineColumnAndCardKeys(t *testing.T) {
	d, f := pipelineBook(t)
	a, p := pipelineApp(t, d, 160, 40)
	steps := []struct {
		key   string
		col   string
		deal  int64
		moved bool
	}{
		{"l", "Qualified", f.Fleet, false},
		{"j", "Qualified", f.Spares, false},
		{"k", "Qualified", f.Fleet, false},
		{"right", "Proposal", f.Racks, false}, // Acme's next step is today: before the rotting licence
		{"down", "Proposal", f.Licen, false},
		{"left", "Qualified", f.Fleet, false},
		{"h", "Lead", f.Pilot, false},
		{"G", "Lead", f.EvilDeal, false},
		{"g", "Lead", f.Pilot, false},
		{"h", "Lead", f.Pilot, false}, // nothing left of Lead
	}
	for _, s := range steps {
		pressKeys(t, a, s.key)
		_, st := p.Focus()
		r, _ := p.Selected()
		if st.Name != s.col || r.ID != s.deal {
			t.Fatalf("after %s: %s / %d %q, want %s / %d", s.key, st.Name, r.ID, r.Title, s.col, s.deal)
		}
	}
	for range 10 {
		pressKeys(t, a, "l")
	}
	if _, st := p.Focus(); st.Name != "Lost" {
		t.Fatalf("l stops at %s", st.Name)
	}
}

func TestPipelineMoveNextRecordsHistoryAndUndoRestores(t *testing.T) {
	for _, k := range []string{">", "shift+right"} {
		t.Run(k, func(t *testing.T) {
			d, f := pipelineBook(t)
			a, p := pipelineApp(t, d, 160, 40)
			selectDeal(t, a, p, f.Renewal)
			before := historyCount(t, d, f.Renewal)
			pressKeys(t, a, k)
			stage, status := dealStage(t, d, f.Renewal)
			if stage != f.stageNamed(t, "Qualified").ID || status != model.DealOpen {
				t.Fatalf("after %s the deal is in stage %d (%s)", k, stage, status)
			}
			if n := historyCount(t, d, f.Renewal); n != before+1 {
				t.Fatalf("history rows %d, want %d", n, before+1)
			}
			// The cursor followed the card; its rotting clock restarted.
			r, ok := p.Selected()
			if _, st := p.Focus(); !ok || r.ID != f.Renewal || st.Name != "Qualified" {
				t.Fatalf("cursor on %q in %s", r.Title, st.Name)
			}
			if r.Rotting || r.DaysInStage != 0 {
				t.Fatalf("moved card still rotting: %+v", r)
			}
			mustContain(t, a.Status(), `Moved "Renewal 2027" to Qualified`)
			// u through the app undoes the whole move.
			pressKeys(t, a, "u")
			if stage, _ := dealStage(t, d, f.Renewal); stage != f.stageNamed(t, "Lead").ID {
				t.Fatalf("undo left the deal in stage %d", stage)
			}
			if n := historyCount(t, d, f.Renewal); n != before {
				t.Fatalf("undo left %d history rows, want %d", n, before)
			}
			if r, _ := p.Selected(); r.ID != f.Renewal {
				t.Fatalf("after undo the cursor is on %q", r.Title)
			}
			if _, st := p.Focus(); st.Name != "Lead" {
				t.Fatalf("after undo the focus is on %s", st.Name)
			}
		})
	}
}

// TestPipelineMoveShowsAtOnce checks the card jumps to its new column as
// soon as the move answers, with the headers recounted exactly as the
// reload then reports them.
func TestPipelineMoveShowsAtOnce(t *testing.T) {
	d, f := pipelineBook(t)
	a, p := pipelineApp(t, d, 160, 40)
	selectDeal(t, a, p, f.Renewal)
	_, cmd := a.Update(keyMsgs(">")[0])
	msg := cmd() // the write; its answer is not yet applied
	if r, _ := p.Selected(); r.ID != f.Renewal {
		t.Fatal("the key moved the cursor before the write answered")
	}
	_, reload := p.Update(msg)
	r, _ := p.Selected()
	if _, st := p.Focus(); r.ID != f.Renewal || st.Name != "Qualified" || r.Rotting {
		t.Fatalf("before the reload: %q in %s", r.Title, st.Name)
	}
	local := fmt.Sprint(p.cols[0].Totals, p.cols[1].Totals, len(p.cols[0].Cards), len(p.cols[1].Cards))
	order := fmt.Sprint(cardIDs(p.cols[1].Cards))
	drain(t, a, reload)
	if got := fmt.Sprint(p.cols[0].Totals, p.cols[1].Totals, len(p.cols[0].Cards), len(p.cols[1].Cards)); got != local {
		t.Fatalf("local headers %s, the file says %s", local, got)
	}
	if got := fmt.Sprint(cardIDs(p.cols[1].Cards)); got != order {
		t.Fatalf("local order %s, the file says %s", order, got)
	}
}

func cardIDs(rs []db.DealRow) []int64 {
	var out []int64
	for _, r := range rs {
		out = append(out, r.ID)
	}
	return out
}

func TestPipelineMovePrevAndDbUndo(t *testing.T) {
	for _, k := range []string{"<", "shift+left"} {
		t.Run(k, func(t *testing.T) {
			d, f := pipelineBook(t)
			a, p := pipelineApp(t, d, 160, 40)
			selectDeal(t, a, p, f.Fleet)
			pressKeys(t, a, k)
			if stage, _ := dealStage(t, d, f.Fleet); stage != f.stageNamed(t, "Lead").ID {
				t.Fatalf("after %s the deal is in stage %d", k, stage)
			}
			if r, _ := p.Selected(); r.ID != f.Fleet {
				t.Fatalf("cursor on %q", r.Title)
			}
			if _, err := d.Undo(context.Background()); err != nil {
				t.Fatal(err)
			}
			if stage, _ := dealStage(t, d, f.Fleet); stage != f.stageNamed(t, "Qualified").ID {
				t.Fatalf("db.Undo left the deal in stage %d", stage)
			}
		})
	}
}

func TestPipelineMovePastTheEndsDoesNothing(t *testing.T) {
	d, f := pipelineBook(t)
	a, p := pipelineApp(t, d, 160, 40)
	selectDeal(t, a, p, f.Pilot)
	before := historyCount(t, d, f.Pilot)
	pressKeys(t, a, "<")
	mustContain(t, a.Status(), "Lead is the first stage: nothing before it")
	selectDeal(t, a, p, f.BigRenewal)
	pressKeys(t, a, ">")
	mustContain(t, a.Status(), "Negotiation is the last open stage: nothing after it")
	pressKeys(t, a, "shift+right")
	mustContain(t, a.Status(), "Negotiation is the last open stage")
	if stage, _ := dealStage(t, d, f.BigRenewal); stage != f.stageNamed(t, "Negotiation").ID {
		t.Fatalf("> past the end moved the deal to %d", stage)
	}
	if stage, _ := dealStage(t, d, f.Pilot); stage != f.stageNamed(t, "Lead").ID || historyCount(t, d, f.Pilot) != before {
		t.Fatal("< before the first stage changed the deal")
	}
	// Closed deals stay closed.
	selectDeal(t, a, p, f.Starter)
	pressKeys(t, a, "<")
	mustContain(t, a.Status(), "is won and stays closed")
}

func TestPipelineWonRecordsOrderWhenAsked(t *testing.T) {
	cases := []struct {
		answer    string
		wantOrder int
	}{{"y", 1}, {"enter", 1}, {"n", 0}}
	for _, c := range cases {
		t.Run(c.answer, func(t *testing.T) {
			d, f := pipelineBook(t)
			a, p := pipelineApp(t, d, 160, 40)
			selectDeal(t, a, p, f.Fleet)
			pressKeys(t, a, "w")
			if !p.InputFocused() {
				t.Fatal("w did not ask")
			}
			mustContain(t, plain(a), `Won "Fleet upgrade": record an order for $40,000.00? [Y/n]`)
			pressKeys(t, a, c.answer)
			stage, status := dealStage(t, d, f.Fleet)
			if stage != f.stageNamed(t, "Won").ID || status != model.DealWon {
				t.Fatalf("deal in %d (%s)", stage, status)
			}
			var n int
			var amount int64
			d.Reader().QueryRow(`SELECT count(*), coalesce(sum(amount_minor), 0) FROM orders WHERE deal_id = ?`, f.Fleet).Scan(&n, &amount)
			if n != c.wantOrder || (n == 1 && amount != 4000000) {
				t.Fatalf("%d orders of %d", n, amount)
			}
			// The cursor followed the deal into the (now expanded) Won column.
			if r, _ := p.Selected(); r.ID != f.Fleet {
				t.Fatalf("cursor on %q", r.Title)
			}
			mustContain(t, plain(a), "▾ Won")
		})
	}
	t.Run("esc", func(t *testing.T) {
		d, f := pipelineBook(t)
		a, p := pipelineApp(t, d, 160, 40)
		selectDeal(t, a, p, f.Fleet)
		pressKeys(t, a, "w", "esc")
		if _, status := dealStage(t, d, f.Fleet); status != model.DealOpen {
			t.Fatal("esc marked the deal won")
		}
		mustContain(t, a.Status(), "Not marked won")
	})
}

func TestPipelineLostAsksTheReason(t *testing.T) {
	d, f := pipelineBook(t)
	a, p := pipelineApp(t, d, 160, 40)
	selectDeal(t, a, p, f.Spares)
	pressKeys(t, a, "X")
	mustContain(t, plain(a), `Mark "Spare parts" lost — why?`)
	pressKeys(t, a, "enter")
	mustContain(t, plain(a), "say why the deal was lost")
	if _, status := dealStage(t, d, f.Spares); status != model.DealOpen {
		t.Fatal("lost without a reason")
	}
	// q is text here, not quit.
	if quit := press(t, a, "quit on price"); quit {
		t.Fatal("q typed into the reason quit the app")
	}
	pressKeys(t, a, "enter")
	dl, err := d.Deal(context.Background(), f.Spares)
	if err != nil {
		t.Fatal(err)
	}
	if dl.Status != model.DealLost || dl.LostReason != "quit on price" {
		t.Fatalf("deal %s, reason %q", dl.Status, dl.LostReason)
	}
	mustContain(t, a.Status(), `Lost "Spare parts": quit on price`)
}

func TestPipelineSnoozeRottingDeal(t *testing.T) {
	d, f := pipelineBook(t)
	a, p := pipelineApp(t, d, 160, 40)
	selectDeal(t, a, p, f.Spares)
	pressKeys(t, a, "z")
	mustContain(t, a.Status(), "is not rotting")
	selectDeal(t, a, p, f.Renewal)
	pressKeys(t, a, "z", "+10d", "enter")
	mustContain(t, plain(a), "Reason:")
	pressKeys(t, a, "waiting for the board", "enter")
	dl, err := d.Deal(context.Background(), f.Renewal)
	if err != nil {
		t.Fatal(err)
	}
	if want := model.DayOf(fixtureNow).AddDays(10); dl.SnoozedUntil != want || dl.SnoozeReason != "waiting for the board" {
		t.Fatalf("snoozed until %s (%q)", dl.SnoozedUntil, dl.SnoozeReason)
	}
	r, _ := p.Selected()
	if r.ID != f.Renewal || r.Rotting {
		t.Fatalf("snoozed card %+v", r)
	}
	mustContain(t, ansi.Strip(p.View()), "zz 12-03")
}

func TestPipelineNewDealInFocusedStage(t *testing.T) {
	d, f := pipelineBook(t)
	a, p := pipelineApp(t, d, 160, 40)
	pressKeys(t, a, "l", "n")
	mustContain(t, plain(a), "New deal in Qualified")
	if a.Mode() != ModeForm {
		t.Fatalf("mode %v with the form open", a.Mode())
	}
	// Unknown customer: the error stands beside the field, nothing is written.
	pressKeys(t, a, "Nobody", "tab", "Gears", "tab", "$5k", "ctrl+s")
	mustContain(t, plain(a), "no such customer")
	if p.form == nil {
		t.Fatal("the form closed on an error")
	}
	// Fix the customer (the focus is back on it): a unique prefix works.
	for range len("Nobody") {
		pressKeys(t, a, "backspace")
	}
	pressKeys(t, a, "acme", "ctrl+s")
	if p.form != nil {
		t.Fatalf("form still open:\n%s", plain(a))
	}
	r, ok := p.Selected()
	if _, st := p.Focus(); !ok || r.Title != "Gears" || st.Name != "Qualified" || r.CustomerID != f.Acme || r.ValueMinor != 500000 || r.Currency != "USD" {
		t.Fatalf("new deal %+v in %s", r, st.Name)
	}
	mustContain(t, a.Status(), `Deal "Gears" added to Qualified for Acme Ltd`)
	// u undoes the creation.
	pressKeys(t, a, "u")
	for _, c := range p.cols {
		for _, x := range c.Cards {
			if x.Title == "Gears" {
				t.Fatal("undo left the new deal on the board")
			}
		}
	}
	// Bad money is refused beside the field; esc over typed text asks first.
	pressKeys(t, a, "n", "Olivia", "tab", "X", "tab", "12 apples", "ctrl+s")
	mustContain(t, plain(a), "✗")
	if p.form == nil {
		t.Fatal("bad money closed the form")
	}
	pressKeys(t, a, "esc")
	mustContain(t, plain(a), "Discard")
	pressKeys(t, a, "y")
	if p.form != nil {
		t.Fatal("y did not discard")
	}
	// n on Won says where deals can be added.
	for range 4 {
		pressKeys(t, a, "l")
	}
	pressKeys(t, a, "n")
	mustContain(t, a.Status(), "n adds a deal to an open stage")
}

func TestPipelineEditDeal(t *testing.T) {
	d, f := pipelineBook(t)
	a, p := pipelineApp(t, d, 160, 40)
	selectDeal(t, a, p, f.BigRenewal)
	pressKeys(t, a, "e")
	mustContain(t, plain(a), "Edit deal · Big renewal")
	mustContain(t, plain(a), "$120,000.00")
	pressKeys(t, a, " 2028", "tab")
	for range len("$120,000.00") {
		pressKeys(t, a, "backspace")
	}
	pressKeys(t, a, "150k EUR", "ctrl+s")
	dl, err := d.Deal(context.Background(), f.BigRenewal)
	if err != nil {
		t.Fatal(err)
	}
	if dl.Title != "Big renewal 2028" || dl.ValueMinor != 15000000 || dl.Currency != "EUR" {
		t.Fatalf("saved %q %d %s", dl.Title, dl.ValueMinor, dl.Currency)
	}
	if r, _ := p.Selected(); r.ID != f.BigRenewal {
		t.Fatalf("cursor on %q", r.Title)
	}
	// A deal changed elsewhere since the board loaded is not overwritten.
	pressKeys(t, a, "e")
	if _, err := d.MoveDeal(context.Background(), f.BigRenewal, f.stageNamed(t, "Proposal").ID, "", false); err != nil {
		t.Fatal(err)
	}
	pressKeys(t, a, "X", "ctrl+s")
	if p.form == nil || !p.form.m.InConflict() {
		t.Fatalf("conflict not reported:\n%s", plain(a))
	}
	if dl, _ := d.Deal(context.Background(), f.BigRenewal); dl.Title != "Big renewal 2028" {
		t.Fatalf("conflicting edit saved %q", dl.Title)
	}
	pressKeys(t, a, "r")
	if p.form != nil {
		t.Fatal("r did not close the form")
	}
	if _, st := p.Focus(); st.Name != "Proposal" {
		t.Fatalf("after reload the focus is on %s", st.Name)
	}
}

func TestPipelineEnterOpensTheCustomer(t *testing.T) {
	d, f := pipelineBook(t)
	a, p := pipelineApp(t, d, 160, 40)
	selectDeal(t, a, p, f.Fleet)
	pressKeys(t, a, "enter")
	if _, ok := a.Focused().(*Detail); !ok {
		t.Fatalf("enter shows %T", a.Focused())
	}
	mustContain(t, plain(a), "Acme Ltd")
	pressKeys(t, a, "esc")
	if a.Focused() != Screen(p) {
		t.Fatal("esc did not come back to the board")
	}
	if r, _ := p.Selected(); r.ID != f.Fleet {
		t.Fatalf("back on %q", r.Title)
	}
}

func TestPipelineFilter(t *testing.T) {
	d, f := pipelineBook(t)
	a, p := pipelineApp(t, d, 160, 40)
	pressKeys(t, a, "/", "acme")
	if !p.InputFocused() || a.Mode() != ModeFilter {
		t.Fatal("/ did not open the filter")
	}
	if p.Query() != "acme" {
		t.Fatalf("debounced filter ran %q", p.Query())
	}
	n := 0
	for _, c := range p.cols {
		for _, r := range c.Cards {
			if r.CustomerID != f.Acme {
				t.Fatalf("filter kept %q", r.Title)
			}
			n++
		}
	}
	if n != 2 {
		t.Fatalf("%d Acme deals", n)
	}
	// q typed into the filter is a letter; enter keeps the filter.
	pressKeys(t, a, "q")
	if p.Query() != "acmeq" {
		t.Fatalf("query %q", p.Query())
	}
	pressKeys(t, a, "backspace", "enter")
	mustContain(t, ansi.Strip(p.View()), "/ acme")
	mustContain(t, ansi.Strip(p.View()), "none match")
	pressKeys(t, a, "esc")
	if p.Query() != "" || len(p.cols[0].Cards) != 3 {
		t.Fatalf("esc left %q and %d lead cards", p.Query(), len(p.cols[0].Cards))
	}
	// A late answer to an older filter is dropped.
	old := p.seq
	p.Update(boardLoadedMsg{Seq: old - 1})
	if len(p.cols[0].Cards) != 3 {
		t.Fatal("a stale answer replaced the board")
	}
}

func TestPipelineCollapseWonAndLost(t *testing.T) {
	d, f := pipelineBook(t)
	a, p := pipelineApp(t, d, 160, 40)
	pressKeys(t, a, "c")
	mustContain(t, a.Status(), "expand or collapse Won and Lost")
	for range 4 {
		pressKeys(t, a, "l")
	}
	pressKeys(t, a, "enter")
	mustContain(t, a.Status(), "Won is collapsed")
	pressKeys(t, a, "c")
	mustContain(t, ansi.Strip(p.View()), "Starter pack")
	if r, _ := p.Selected(); r.ID != f.Starter {
		t.Fatalf("cursor on %q", r.Title)
	}
	pressKeys(t, a, "l", "space")
	mustContain(t, ansi.Strip(p.View()), "Trial licence")
	pressKeys(t, a, "space")
	mustNotContain(t, ansi.Strip(p.View()), "Trial licence")
}

func TestPipelineHelpListsEveryKey(t *testing.T) {
	d, _ := pipelineBook(t)
	a, _ := pipelineApp(t, d, 80, 24)
	pressKeys(t, a, "?")
	out := plain(a)
	for _, k := range []string{"←/h", "→/l", "> ", "< ", "w ", "X ", "z ", "c/space", "n ", "e ", "enter", "/ ", "u "} {
		mustContain(t, out, k)
	}
	lines := strings.Split(out, "\n")
	mustNotContain(t, strings.Join(lines[:len(lines)-1], "\n"), "…") // the footer may be cut, the help not
}

// TestPipelineLargeBoardScrolls checks the "+N more" line and that the
// focused column is always on screen when columns do not fit.
func TestPipelineLargeBoardScrolls(t *testing.T) {
	d := bigBoard(t, 400)
	a, p := pipelineApp(t, d, 80, 24)
	out := ansi.Strip(p.View())
	mustContain(t, out, "more")
	mustContain(t, out, "columns 1–3 of 6")
	for range 5 {
		pressKeys(t, a, "l")
	}
	out = ansi.Strip(p.View())
	mustContain(t, out, "› ▸ Lost")
	mustContain(t, out, "columns 4–6 of 6")
	pressKeys(t, a, "h", "h", "h", "G")
	out = ansi.Strip(p.View())
	mustContain(t, out, "↑")
	r, _ := p.Selected()
	mustContain(t, out, "›  "+clean(r.Title)[:10])
}

func TestPipelineGolden(t *testing.T) {
	d, _ := pipelineBook(t)
	for _, size := range [][2]int{{80, 24}, {160, 40}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			a, p := pipelineApp(t, d, size[0], size[1])
			pressKeys(t, a, "j")
			golden.RequireEqual(t, []byte(trimRight(ansi.Strip(p.View()))))
		})
	}
}

func TestPipelineLayoutFitsEverySize(t *testing.T) {
	d, _ := pipelineBook(t)
	states := map[string][]string{
		"board":  nil,
		"filter": {"/", "王"},
		"won":    {"l", "w"},
		"lost":   {"X"},
		"new":    {"n", "Acme", "tab", "A long deal title that will not fit anywhere narrow"},
		"snooze": {"j", "z", "fri"},
		"closed": {"l", "l", "l", "l", "c"},
	}
	narrow := &runewidth.Condition{EastAsianWidth: false}
	sizes := [][2]int{{1, 1}}
	for w := 20; w <= 250; w += 23 {
		for h := 5; h <= 80; h += 15 {
			sizes = append(sizes, [2]int{w, h})
		}
	}
	sizes = append(sizes, [2]int{40, 12}, [2]int{80, 24}, [2]int{250, 80})
	for name, keys := range states {
		a, p := pipelineApp(t, d, 160, 40)
		pressKeys(t, a, keys...)
		for _, sz := range sizes {
			w, h := sz[0], sz[1]
			for who, out := range map[string]string{"app": frameOf(a, w, h), "screen": func() string { p.SetSize(w, h); return p.View() }()} {
				lines := strings.Split(out, "\n")
				if len(lines) != h {
					t.Fatalf("%s %s at %dx%d: %d lines", name, who, w, h, len(lines))
				}
				for i, l := range lines {
					if n := ansi.StringWidth(l); n > w {
						t.Fatalf("%s %s at %dx%d: line %d is %d wide: %q", name, who, w, h, i, n, ansi.Strip(l))
					}
					if n := narrow.StringWidth(ansi.Strip(l)); n > w {
						t.Fatalf("%s %s at %dx%d: line %d is %d wide for go-runewidth: %q", name, who, w, h, i, n, ansi.Strip(l))
					}
				}
			}
		}
	}
}
