package ui

import (
	"context"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/ui/internal/testbook"
)

// benchBook is testbook's benchmark book (100k customers by default).
func benchBook(b *testing.B) *db.DB { return testbook.BenchBook(b) }

// BenchmarkNewAppFirstView: the model built and its first frame rendered
// (SPEC §7: under 10 ms in-process on a same-day launch).
func BenchmarkNewAppFirstView(b *testing.B) {
	d := benchBook(b)
	ctx := context.Background()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		a, err := NewApp(ctx, d, Options{Width: 80, Height: 24, NoWatch: true})
		if err != nil {
			b.Fatal(err)
		}
		if v := a.View(); len(v) == 0 {
			b.Fatal("empty first frame")
		}
	}
}

// runOutside runs a command's chain with the timer stopped: in the app
// these run in the background, outside the key press's Update+View.
func runOutside(b *testing.B, a *App, cmd tea.Cmd) {
	b.StopTimer()
	drain(b, a, cmd)
	b.StartTimer()
}

func benchCustomersApp(b *testing.B) *App {
	d := benchBook(b)
	a, err := NewApp(context.Background(), d, Options{Width: 120, Height: 40, NoWatch: true, Debounce: time.Millisecond})
	if err != nil {
		b.Fatal(err)
	}
	drain(b, a, a.Init())
	press(b, a, "2")
	return a
}

// BenchmarkCustomersKeyJ: Update+View of a `j` on the Customers table
// (SPEC §7: under 4 ms).
func BenchmarkCustomersKeyJ(b *testing.B) {
	a := benchCustomersApp(b)
	j := keyMsgs("j")[0]
	g := keyMsgs("g")[0]
	c := customersOf(a)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		msg := j
		if cur, _ := c.Cursor(); cur >= 2000 {
			msg = g
		}
		_, cmd := a.Update(msg)
		_ = a.View()
		if cmd != nil {
			runOutside(b, a, cmd)
		}
	}
}

// BenchmarkCustomersFilterKeystroke: Update+View of a letter typed into the
// filter (SPEC §7: under 4 ms); the query itself runs in a tea.Cmd.
func BenchmarkCustomersFilterKeystroke(b *testing.B) {
	a := benchCustomersApp(b)
	press(b, a, "/")
	keys := []tea.KeyMsg{keyMsgs("a")[0], {Type: tea.KeyBackspace}}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		_, _ = a.Update(keys[i%2]) // the debounce tick is not run: no query
		_ = a.View()
	}
}
