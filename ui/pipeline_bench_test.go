package ui

import (
	"context"
	"fmt"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model"
)

// bigBoard builds a book with n open deals spread over the open stages
// (most of them rotting) and a few closed ones, in one bulk load.
func bigBoard(tb testing.TB, n int) *db.DB {
	tb.Helper()
	d, clk := openBook(tb)
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
	clk.t = fixtureNow.AddDate(0, 0, -20)
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
	clk.t = fixtureNow
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
			a.Update(k)
			_ = a.View()
		}
	})
	b.Run("cursor_move", func(b *testing.B) {
		for i := 0; b.Loop(); i++ {
			k := down
			if i%200 >= 100 {
				k = up
			}
			a.Update(k)
			_ = a.View()
		}
	})
	b.Run("move_key", func(b *testing.B) {
		// The key itself: Update returns the write as a command (not run here).
		for b.Loop() {
			a.Update(next)
			_ = a.View()
		}
	})
	// The board that comes back after a move, as the reload delivers it.
	pressKeys(b, a, "h", "h", "h", "h", "h", "g")
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
			a.Update(dealMovedMsg{DealID: r.ID, Status: "moved", Deal: &dl, To: to})
			_ = a.View()
		}
	})
	b.Run("reload_rerender", func(b *testing.B) {
		for b.Loop() {
			r, _ := p.Selected()
			p.follow = r.ID
			a.Update(boardLoadedMsg{Seq: p.seq, Cols: cols, Book: set.Currency})
			_ = a.View()
		}
	})
}
