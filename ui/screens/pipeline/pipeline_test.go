package pipeline

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/ui/common"
	"github.com/rapportcrm/rapport/ui/internal/screentest"
	"github.com/rapportcrm/rapport/ui/internal/testbook"
)

// pipelineApp builds the board over d, loaded, in the screen harness (keys
// go to it, View renders after each), with the body the app gives it in a
// w×h terminal (three lines go to the tabs, summary and footer).
func pipelineApp(t testing.TB, d *db.DB, w, h int) (*screentest.Harness, *Model) {
	t.Helper()
	a, p := screentest.Open(t, d, w, h, New)
	if !p.loaded {
		t.Fatal("the board did not load")
	}
	return a, p
}

func pipelineBook(t testing.TB) (*db.DB, testbook.Pipe) { return testbook.Pipeline(t) }

// selectDeal puts the cursor on a deal by pressing keys (h to the first
// column, l to its column, g to the top, j down to it).
func selectDeal(t testing.TB, a *screentest.Harness, p *Model, id int64) {
	t.Helper()
	for ci, c := range p.cols {
		for j, r := range c.Cards {
			if r.ID != id {
				continue
			}
			for range len(p.cols) {
				a.Press("h")
			}
			for range ci {
				a.Press("l")
			}
			if p.collapsed(ci) {
				a.Press("c")
			}
			a.Press("g")
			for range j {
				a.Press("j")
			}
			if got, ok := p.Selected(); !ok || got.ID != id {
				t.Fatalf("cursor on %+v, want deal %d", got, id)
			}
			return
		}
	}
	t.Fatalf("deal %d is not on the board", id)
}

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
	screentest.MustContain(t, out, "$13k · wtd $1.3k")
	screentest.MustContain(t, out, "¥50k · wtd ¥5k")
	screentest.MustContain(t, out, "¥1.2M · wtd ¥600k") // JPY in Proposal, after USD
	screentest.MustContain(t, out, "! Pilot for 春季 rollout")
	screentest.MustContain(t, out, "• Fleet upgrade")
	screentest.MustContain(t, out, "· Spare parts")
	screentest.MustContain(t, out, common.MarkRotting+" rotting")
	screentest.MustContain(t, out, "$25k · 15d · zz 11-30")
	screentest.MustContain(t, out, "▸ Won · 90d")
	screentest.MustContain(t, out, "c shows them")
	screentest.MustNotContain(t, out, "Starter pack") // Won is collapsed
	screentest.MustNotContain(t, out, "\x1b")
	screentest.MustNotContain(t, a.Plain(), "\u202e")
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
		a.Press(s.key)
		_, st := p.Focus()
		r, _ := p.Selected()
		if st.Name != s.col || r.ID != s.deal {
			t.Fatalf("after %s: %s / %d %q, want %s / %d", s.key, st.Name, r.ID, r.Title, s.col, s.deal)
		}
	}
	for range 10 {
		a.Press("l")
	}
	if _, st := p.Focus(); st.Name != "Lost" {
		t.Fatalf("l stops at %s", st.Name)
	}
}

// TestPipelineMoveShowsAtOnce checks the card jumps to its new column as
// soon as the move answers, with the headers recounted exactly as the
// reload then reports them.
func TestPipelineMoveShowsAtOnce(t *testing.T) {
	d, f := pipelineBook(t)
	a, p := pipelineApp(t, d, 160, 40)
	selectDeal(t, a, p, f.Renewal)
	cmd := p.Update(screentest.KeyMsgs(">")[0])
	msg := cmd() // the write; its answer is not yet applied
	if r, _ := p.Selected(); r.ID != f.Renewal {
		t.Fatal("the key moved the cursor before the write answered")
	}
	reload := p.Update(msg)
	r, _ := p.Selected()
	if _, st := p.Focus(); r.ID != f.Renewal || st.Name != "Qualified" || r.Rotting {
		t.Fatalf("before the reload: %q in %s", r.Title, st.Name)
	}
	local := fmt.Sprint(p.cols[0].Totals, p.cols[1].Totals, len(p.cols[0].Cards), len(p.cols[1].Cards))
	order := fmt.Sprint(cardIDs(p.cols[1].Cards))
	a.Drain(reload)
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
			a.Press(k)
			if stage, _ := testbook.DealStage(t, d, f.Fleet); stage != f.StageNamed(t, "Lead").ID {
				t.Fatalf("after %s the deal is in stage %d", k, stage)
			}
			if r, _ := p.Selected(); r.ID != f.Fleet {
				t.Fatalf("cursor on %q", r.Title)
			}
			if _, err := d.Undo(context.Background()); err != nil {
				t.Fatal(err)
			}
			if stage, _ := testbook.DealStage(t, d, f.Fleet); stage != f.StageNamed(t, "Qualified").ID {
				t.Fatalf("db.Undo left the deal in stage %d", stage)
			}
		})
	}
}

func TestPipelineMovePastTheEndsDoesNothing(t *testing.T) {
	d, f := pipelineBook(t)
	a, p := pipelineApp(t, d, 160, 40)
	selectDeal(t, a, p, f.Pilot)
	before := testbook.HistoryCount(t, d, f.Pilot)
	a.Press("<")
	screentest.MustContain(t, a.Status(), "Lead is the first stage: nothing before it")
	selectDeal(t, a, p, f.BigRenewal)
	a.Press(">")
	screentest.MustContain(t, a.Status(), "Negotiation is the last open stage: nothing after it")
	a.Press("shift+right")
	screentest.MustContain(t, a.Status(), "Negotiation is the last open stage")
	if stage, _ := testbook.DealStage(t, d, f.BigRenewal); stage != f.StageNamed(t, "Negotiation").ID {
		t.Fatalf("> past the end moved the deal to %d", stage)
	}
	if stage, _ := testbook.DealStage(t, d, f.Pilot); stage != f.StageNamed(t, "Lead").ID || testbook.HistoryCount(t, d, f.Pilot) != before {
		t.Fatal("< before the first stage changed the deal")
	}
	// Closed deals stay closed.
	selectDeal(t, a, p, f.Starter)
	a.Press("<")
	screentest.MustContain(t, a.Status(), "is won and stays closed")
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
			a.Press("w")
			if !p.InputFocused() {
				t.Fatal("w did not ask")
			}
			screentest.MustContain(t, a.Plain(), `Won "Fleet upgrade": record an order for $40,000.00? [Y/n]`)
			a.Press(c.answer)
			stage, status := testbook.DealStage(t, d, f.Fleet)
			if stage != f.StageNamed(t, "Won").ID || status != model.DealWon {
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
			screentest.MustContain(t, a.Plain(), "▾ Won")
		})
	}
	t.Run("esc", func(t *testing.T) {
		d, f := pipelineBook(t)
		a, p := pipelineApp(t, d, 160, 40)
		selectDeal(t, a, p, f.Fleet)
		a.Press("w", "esc")
		if _, status := testbook.DealStage(t, d, f.Fleet); status != model.DealOpen {
			t.Fatal("esc marked the deal won")
		}
		screentest.MustContain(t, a.Status(), "Not marked won")
	})
}

func TestPipelineLostAsksTheReason(t *testing.T) {
	d, f := pipelineBook(t)
	a, p := pipelineApp(t, d, 160, 40)
	selectDeal(t, a, p, f.Spares)
	a.Press("X")
	screentest.MustContain(t, a.Plain(), `Mark "Spare parts" lost — why?`)
	a.Press("enter")
	screentest.MustContain(t, a.Plain(), "say why the deal was lost")
	if _, status := testbook.DealStage(t, d, f.Spares); status != model.DealOpen {
		t.Fatal("lost without a reason")
	}
	// q is text here, not quit: the prompt keeps the keyboard.
	if a.Press("quit on price"); !p.InputFocused() {
		t.Fatal("q typed into the reason closed the prompt")
	}
	a.Press("enter")
	dl, err := d.Deal(context.Background(), f.Spares)
	if err != nil {
		t.Fatal(err)
	}
	if dl.Status != model.DealLost || dl.LostReason != "quit on price" {
		t.Fatalf("deal %s, reason %q", dl.Status, dl.LostReason)
	}
	screentest.MustContain(t, a.Status(), `Lost "Spare parts": quit on price`)
}

func TestPipelineSnoozeRottingDeal(t *testing.T) {
	d, f := pipelineBook(t)
	a, p := pipelineApp(t, d, 160, 40)
	selectDeal(t, a, p, f.Spares)
	a.Press("z")
	screentest.MustContain(t, a.Status(), "is not rotting")
	selectDeal(t, a, p, f.Renewal)
	a.Press("z", "+10d", "enter")
	screentest.MustContain(t, a.Plain(), "Reason:")
	a.Press("waiting for the board", "enter")
	dl, err := d.Deal(context.Background(), f.Renewal)
	if err != nil {
		t.Fatal(err)
	}
	if want := model.DayOf(testbook.Now()).AddDays(10); dl.SnoozedUntil != want || dl.SnoozeReason != "waiting for the board" {
		t.Fatalf("snoozed until %s (%q)", dl.SnoozedUntil, dl.SnoozeReason)
	}
	r, _ := p.Selected()
	if r.ID != f.Renewal || r.Rotting {
		t.Fatalf("snoozed card %+v", r)
	}
	screentest.MustContain(t, ansi.Strip(p.View()), "zz 12-03")
}

func TestPipelineFilter(t *testing.T) {
	d, f := pipelineBook(t)
	a, p := pipelineApp(t, d, 160, 40)
	a.Press("/", "acme")
	if !p.InputFocused() || p.Mode() != common.ModeFilter {
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
	a.Press("q")
	if p.Query() != "acmeq" {
		t.Fatalf("query %q", p.Query())
	}
	a.Press("backspace", "enter")
	screentest.MustContain(t, ansi.Strip(p.View()), "/ acme")
	screentest.MustContain(t, ansi.Strip(p.View()), "none match")
	a.Press("esc")
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
	a.Press("c")
	screentest.MustContain(t, a.Status(), "expand or collapse Won and Lost")
	for range 4 {
		a.Press("l")
	}
	a.Press("enter")
	screentest.MustContain(t, a.Status(), "Won is collapsed")
	a.Press("c")
	screentest.MustContain(t, ansi.Strip(p.View()), "Starter pack")
	if r, _ := p.Selected(); r.ID != f.Starter {
		t.Fatalf("cursor on %q", r.Title)
	}
	a.Press("l", "space")
	screentest.MustContain(t, ansi.Strip(p.View()), "Trial licence")
	a.Press("space")
	screentest.MustNotContain(t, ansi.Strip(p.View()), "Trial licence")
}

// TestPipelineLargeBoardScrolls checks the "+N more" line and that the
// focused column is always on screen when columns do not fit.
func TestPipelineLargeBoardScrolls(t *testing.T) {
	d := bigBoard(t, 400)
	a, p := pipelineApp(t, d, 80, 24)
	out := ansi.Strip(p.View())
	screentest.MustContain(t, out, "more")
	screentest.MustContain(t, out, "columns 1–3 of 6")
	for range 5 {
		a.Press("l")
	}
	out = ansi.Strip(p.View())
	screentest.MustContain(t, out, "› ▸ Lost")
	screentest.MustContain(t, out, "columns 4–6 of 6")
	a.Press("h", "h", "h", "G")
	out = ansi.Strip(p.View())
	screentest.MustContain(t, out, "↑")
	r, _ := p.Selected()
	screentest.MustContain(t, out, "›  "+common.Clean(r.Title)[:10])
}

func TestPipelineGolden(t *testing.T) {
	d, _ := pipelineBook(t)
	for _, size := range [][2]int{{80, 24}, {160, 40}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			a, p := pipelineApp(t, d, size[0], size[1])
			a.Press("j")
			golden.RequireEqual(t, []byte(screentest.TrimRight(ansi.Strip(p.View()))))
		})
	}
}

// bigBoard builds a book with n open deals spread over the open stages
// (most of them rotting) and a few closed ones, in one bulk load.
func bigBoard(tb testing.TB, n int) *db.DB {
	tb.Helper()
	d, clk := testbook.Open(tb)
	ctx := context.Background()
	stages, err := d.Stages(ctx)
	if err != nil {
		tb.Fatal(err)
	}
	var open []model.Stage
	var won model.Stage
	for _, s := range stages {
		switch s.Kind {
		case model.StageOpen:
			open = append(open, s)
		case model.StageWon:
			won = s
		}
	}
	clk.T = testbook.Now().AddDate(0, 0, -20)
	err = d.BulkLoad(ctx, "", func(t *db.Tx) error {
		var custs []int64
		for i := range max(1, n/10) {
			id, err := t.CreateCustomer(&model.Customer{Name: fmt.Sprintf("Customer %04d", i), Company: fmt.Sprintf("Company %04d", i), Tier: model.TierC})
			if err != nil {
				return err
			}
			custs = append(custs, id)
		}
		for i := range n {
			cur := "USD"
			if i%7 == 0 {
				cur = "EUR"
			}
			dl := model.Deal{CustomerID: custs[i%len(custs)], Title: fmt.Sprintf("Deal %05d for a longer title", i),
				ValueMinor: int64(1000+(i*7919)%500000) * 100, Currency: cur, StageID: open[i%len(open)].ID}
			if _, err := t.CreateDeal(&dl); err != nil {
				return err
			}
		}
		for i := range 20 {
			dl := model.Deal{CustomerID: custs[i%len(custs)], Title: fmt.Sprintf("Won %02d", i), ValueMinor: 100000, Currency: "USD", StageID: won.ID}
			if _, err := t.CreateDeal(&dl); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	clk.T = testbook.Now()
	if _, err := d.Refresh(ctx); err != nil {
		tb.Fatal(err)
	}
	return d
}

// BenchmarkPipelineKeys measures Update+View of the whole app on a board
// of 5,000 open deals at 160×40 (SPEC §7: under 4 ms a key).
func BenchmarkPipelineKeys(b *testing.B) {
	d := bigBoard(b, 5000)
	a, p := pipelineApp(b, d, 160, 40)
	right := tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'l'}}
	left := tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'h'}}
	down := tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'j'}}
	up := tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'k'}}
	next := tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'>'}}
	b.Run("column_switch", func(b *testing.B) {
		for i := 0; b.Loop(); i++ {
			k := right
			if i%6 >= 3 {
				k = left
			}
			p.Update(k)
			_ = p.View()
		}
	})
	b.Run("cursor_move", func(b *testing.B) {
		for i := 0; b.Loop(); i++ {
			k := down
			if i%200 >= 100 {
				k = up
			}
			p.Update(k)
			_ = p.View()
		}
	})
	b.Run("move_key", func(b *testing.B) {
		// The key itself: Update returns the write as a command (not run here).
		for b.Loop() {
			p.Update(next)
			_ = p.View()
		}
	})
	// The board that comes back after a move, as the reload delivers it.
	a.Press("h", "h", "h", "h", "h", "g")
	cols, err := d.Board(context.Background(), model.Filter{})
	if err != nil {
		b.Fatal(err)
	}
	set, _ := d.Settings(context.Background())
	b.Run("board_query", func(b *testing.B) {
		// What the reload after a move costs, in its tea.Cmd (not per key).
		for b.Loop() {
			if _, err := d.Board(context.Background(), model.Filter{}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("move_result", func(b *testing.B) {
		// The move's answer: the card jumps to its new column at once
		// (there and back, so the board stays the same size).
		for i := 0; b.Loop(); i++ {
			r, ok := p.Selected()
			if !ok {
				b.Fatal("no card selected")
			}
			_, to := p.Focus()
			j, _ := p.Focus()
			if i%2 == 0 {
				to = p.cols[j+1].Stage
			} else {
				to = p.cols[j-1].Stage
			}
			dl := r.Deal
			dl.StageID = to.ID
			p.Update(dealMovedMsg{DealID: r.ID, Status: "moved", Deal: &dl, To: to})
			_ = p.View()
		}
	})
	b.Run("reload_rerender", func(b *testing.B) {
		for b.Loop() {
			r, _ := p.Selected()
			p.follow = r.ID
			p.Update(boardLoadedMsg{Seq: p.seq, Cols: cols, Book: set.Currency})
			_ = p.View()
		}
	})
}

// TestReloadDoesNotUndoAMove: a j pressed while a reload is on its way is
// kept when the answer arrives (issue 21, 3).
func TestReloadDoesNotUndoAMove(t *testing.T) {
	d, f := pipelineBook(t)
	a, p := pipelineApp(t, d, 160, 40)
	selectDeal(t, a, p, f.Pilot)
	reload := p.Update(common.ReloadMsg{})
	if reload == nil {
		t.Fatal("a reload asks for nothing")
	}
	_ = p.View()
	a.Press("j")
	if r, _ := p.Selected(); r.ID != f.Renewal {
		t.Fatalf("j went to %d, want Renewal 2027", r.ID)
	}
	msg, ok := screentest.Run(reload, 5*time.Second)
	if !ok {
		t.Fatal("the reload did not answer")
	}
	a.Send(msg)
	if r, _ := p.Selected(); r.ID != f.Renewal {
		t.Fatalf("the reload's answer put the cursor back on %q", r.Title)
	}
}
