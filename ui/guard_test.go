package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/ui/internal/tmuxtest"
)

// TestUndoAsksForAChangeMadeElsewhere: u takes back this window's last
// command at once, but names one made from another window or the command
// line and undoes it only on the next u (issue 27, 7).
func TestUndoAsksForAChangeMadeElsewhere(t *testing.T) {
	d, f := fixtureBook(t)
	a := newTestApp(t, d, 100, 30)
	other, err := db.Open(context.Background(), d.Path(), db.Options{Now: d.Now, MustExist: true})
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	if err := other.Write(context.Background(), "log call with Acme Ltd", func(tx *db.Tx) error {
		_, err := tx.LogInteraction(&model.Interaction{CustomerID: f.Acme, Kind: model.KindCall, Direction: model.Outbound, Score: -1, Summary: "from the shell", OccurredAt: d.Now().Unix()})
		return err
	}); err != nil {
		t.Fatal(err)
	}
	press(t, a, "u")
	mustContain(t, a.Status(), `The last change, "log call with Acme Ltd", was made elsewhere`)
	if got := text(t, d, `SELECT count(*) FROM interactions WHERE summary = 'from the shell'`); got != "1" {
		t.Fatal("the first u undid a change made elsewhere without asking")
	}
	press(t, a, "j", "u") // another key cancels the question: u asks again
	mustContain(t, a.Status(), "was made elsewhere")
	press(t, a, "u")
	mustContain(t, a.Status(), "Undone: log call with Acme Ltd")
	if got := text(t, d, `SELECT count(*) FROM interactions WHERE summary = 'from the shell'`); got != "0" {
		t.Fatal("u u did not undo it")
	}
}

// TestTimedFollowupBecomesOverdueOnScreen: a follow-up due today at 09:01
// counts as overdue once the minute passes, without a restart (issue 27, 5c).
func TestTimedFollowupBecomesOverdueOnScreen(t *testing.T) {
	d, clk := openBook(t) // 09:00
	ctx := context.Background()
	id, err := d.CreateCustomer(ctx, &model.Customer{Name: "Timed Co"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Write(ctx, "follow", func(tx *db.Tx) error {
		_, err := tx.CreateFollowup(&model.Followup{CustomerID: id, Title: "Call at 9:01", Due: d.Today(), DueTime: "09:01"})
		return err
	}); err != nil {
		t.Fatal(err)
	}
	a := newTestApp(t, d, 100, 30)
	if c := a.Counts(); c.Overdue != 0 || c.DueToday != 1 {
		t.Fatalf("at 09:00: %+v", c)
	}
	clk.T = clk.T.Add(2 * time.Minute)
	_, cmd := a.Update(minuteMsg{})
	drain(t, a, cmd)
	if c := a.Counts(); c.Overdue != 1 {
		t.Fatalf("at 09:02 the follow-up due 09:01 is not overdue: %+v", c)
	}
	mustContain(t, plain(a), "1 overdue")
}

// TestReplacedBookIsReopenedInTheApp drives the binary: with the app open
// on x.db, another book is renamed over it (as a sync tool does); the app
// writes nothing more to the old file, reopens the new one and says so, and
// both files pass integrity_check (issue 27, 1).
func TestReplacedBookIsReopenedInTheApp(t *testing.T) {
	tmuxtest.Available(t)
	bin := tmuxtest.Build(t)
	dir := t.TempDir()
	x, y := filepath.Join(dir, "x.db"), filepath.Join(dir, "y.db")
	for path, name := range map[string]string{x: "Xavier Old", y: "Yolanda New"} {
		b, err := db.Open(context.Background(), path, db.Options{Now: func() time.Time { return fixtureNow }})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := b.CreateCustomer(context.Background(), &model.Customer{Name: name}, nil); err != nil {
			t.Fatal(err)
		}
		b.Close()
	}
	s := tmuxtest.Start(t, 100, 30, []string{"TZ=UTC", "LANG=C.UTF-8", "RAPPORT_NOW=" + fixtureNow.Format(time.RFC3339)}, bin, "--db", x)
	s.WaitFor("Xavier Old")
	if err := os.Rename(y, x); err != nil {
		t.Fatal(err)
	}
	s.WaitFor("The book was replaced on disk", "Yolanda New")
	// Log a call in the reopened book: it lands in the new file.
	s.Keys("i")
	s.WaitFor("Log an interaction")
	s.Text("after the swap")
	s.Keys("C-s")
	s.WaitFor("Logged call with Yolanda New", "Schedule the next follow-up?")
	s.Keys("Escape") // no next follow-up; wait, so the q is not read as alt+q
	s.WaitFor("No follow-up scheduled")
	s.Keys("q")
	s.WaitGone()
	b, err := db.Open(context.Background(), x, db.Options{Now: func() time.Time { return fixtureNow }, MustExist: true})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	var ic string
	if err := b.Reader().QueryRow("PRAGMA integrity_check").Scan(&ic); err != nil || ic != "ok" {
		t.Fatalf("integrity_check after the swap: %q %v", ic, err)
	}
	rep, err := b.Check(context.Background())
	if err != nil || !rep.OK() {
		t.Fatalf("check after the swap: %+v %v", rep, err)
	}
	var who string
	b.Reader().QueryRow(`SELECT c.name FROM interactions i JOIN customers c ON c.id = i.customer_id WHERE i.summary = 'after the swap'`).Scan(&who)
	if !strings.Contains(who, "Yolanda") {
		t.Fatalf("the call after the swap landed on %q", who)
	}
}
