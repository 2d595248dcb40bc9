package ui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/db/demo"
)

// benchCustomers is the size of the benchmark book: the 100k reference
// book of SPEC §7 unless RAPPORT_BENCH_CUSTOMERS says otherwise.
func benchCustomers() int {
	if n, err := strconv.Atoi(os.Getenv("RAPPORT_BENCH_CUSTOMERS")); err == nil && n > 0 {
		return n
	}
	return 100000
}

// benchBook opens the demo book of the benchmarks, generating it once into
// os.TempDir() (it is kept between runs: delete the file to rebuild it).
func benchBook(b *testing.B) *db.DB {
	b.Helper()
	n := benchCustomers()
	path := filepath.Join(os.TempDir(), fmt.Sprintf("rapport-bench-%d-seed1-%s.db", n, fixtureNow.Format("20060102")))
	now := func() time.Time { return fixtureNow }
	ctx := context.Background()
	if _, err := os.Stat(path); err != nil {
		tmp := path + ".building"
		os.Remove(tmp)
		d, err := db.Open(ctx, tmp, db.Options{Now: now})
		if err != nil {
			b.Fatal(err)
		}
		start := time.Now()
		if _, err := demo.Generate(ctx, d, demo.Options{Customers: n, Seed: 1}); err != nil {
			b.Fatal(err)
		}
		if err := d.Close(); err != nil {
			b.Fatal(err)
		}
		b.Logf("generated %d customers in %v", n, time.Since(start))
		if err := os.Rename(tmp, path); err != nil {
			b.Fatal(err)
		}
		os.Remove(tmp + "-wal")
		os.Remove(tmp + "-shm")
	}
	d, err := db.Open(ctx, path, db.Options{Now: now})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { d.Close() })
	if _, err := d.Refresh(ctx); err != nil {
		b.Fatal(err)
	}
	return d
}

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

// BenchmarkCustomersFilterQuery: the debounced filter's SQL (count and first
// page) for a 3-letter term, as run in its tea.Cmd.
func BenchmarkCustomersFilterQuery(b *testing.B) {
	a := benchCustomersApp(b)
	c := customersOf(a)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		c.filter.SetQuery([]string{"wang", "ltd", "王"}[i%3])
		msg := c.fetch(0, true, true)()
		if m := msg.(customersPageMsg); m.Err != nil {
			b.Fatal(m.Err)
		}
	}
}
