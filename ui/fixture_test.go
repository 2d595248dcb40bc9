package ui

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model"
)

// fixtureNow is the fixed "now" of the fixture book: Monday 2026-11-23 09:00 UTC.
var fixtureNow = time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)

// clock is a settable test clock.
type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }

// openBook opens a fresh book under t.TempDir() with a settable clock at fixtureNow.
func openBook(t testing.TB) (*db.DB, *clock) {
	t.Helper()
	clk := &clock{t: fixtureNow}
	d, err := db.Open(context.Background(), filepath.Join(t.TempDir(), "book.db"), db.Options{Now: clk.now})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	return d, clk
}

// fixture names the customers the tests look for.
type fixture struct {
	Wang, Acme, Muller, Sato, Lee, Olivia, Evil int64
	OverdueFollowup                             int64
}

// fixtureBook builds a small deterministic book: one customer in every
// Today section, CJK names, a hostile name, and 40 fillers to scroll through.
func fixtureBook(t testing.TB) (*db.DB, fixture) {
	t.Helper()
	d, clk := openBook(t)
	ctx := context.Background()
	var f fixture
	// Everything is created 120 days before now, so "created" is old history.
	clk.t = fixtureNow.AddDate(0, 0, -120)
	days := func(n int) int64 { return fixtureNow.AddDate(0, 0, -n).Unix() }
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
	today := model.DayOf(fixtureNow)
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
	clk.t = fixtureNow
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

// newTestApp builds the app over d at a size, with no file watching.
func newTestApp(t testing.TB, d *db.DB, w, h int) *App {
	t.Helper()
	a, err := NewApp(context.Background(), d, Options{Width: w, Height: h, NoWatch: true, Debounce: time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	drain(t, a, a.Init())
	return a
}

// drain runs cmd and every command that follows from it, feeding each
// message to m, until nothing is left. It reports whether tea.Quit came.
func drain(t testing.TB, m tea.Model, cmd tea.Cmd) bool {
	t.Helper()
	return drainWithin(t, m, cmd, cmdPatience)
}

// drainWithin is drain waiting up to patience for each command.
func drainWithin(t testing.TB, m tea.Model, cmd tea.Cmd, patience time.Duration) bool {
	t.Helper()
	queue := []tea.Cmd{cmd}
	quit := false
	for steps := 0; len(queue) > 0; steps++ {
		if steps > 10000 {
			t.Fatal("commands never settle")
		}
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		msg, ok := runWithin(c, patience)
		if !ok {
			continue // a long tick (polling, midnight): not part of this step
		}
		switch msg := msg.(type) {
		case nil:
		case tea.BatchMsg:
			queue = append(queue, msg...)
		case tea.QuitMsg:
			quit = true
		default:
			var next tea.Cmd
			m, next = m.Update(msg)
			// Bubble Tea renders after every message: so does the test,
			// so a View that changes state cannot hide from it.
			m.View()
			queue = append(queue, next)
		}
	}
	return quit
}

// cmdPatience is how long drain waits for one command: the filter's
// debounce tick fits, the one-second poll and the midnight tick do not.
const cmdPatience = 700 * time.Millisecond

// runWithin runs a command, giving up after d (the command goes on in the
// background and its message is dropped).
func runWithin(c tea.Cmd, d time.Duration) (tea.Msg, bool) {
	ch := make(chan tea.Msg, 1)
	go func() { ch <- c() }()
	select {
	case msg := <-ch:
		return msg, true
	case <-time.After(d):
		return nil, false
	}
}

// press sends keys to the app and runs what follows. Each argument is a
// key name ("enter", "esc", "tab", "ctrl+r", "down") or text typed rune by rune.
func press(t testing.TB, a *App, keys ...string) bool {
	t.Helper()
	quit := false
	for _, k := range keys {
		for _, msg := range keyMsgs(k) {
			_, cmd := a.Update(msg)
			a.View() // rendered between keys, as the real program does
			if drain(t, a, cmd) {
				quit = true
			}
		}
	}
	return quit
}

func keyMsgs(k string) []tea.KeyMsg {
	special := map[string]tea.KeyType{
		"enter": tea.KeyEnter, "esc": tea.KeyEsc, "tab": tea.KeyTab, "shift+tab": tea.KeyShiftTab,
		"ctrl+r": tea.KeyCtrlR, "ctrl+c": tea.KeyCtrlC, "ctrl+d": tea.KeyCtrlD, "ctrl+u": tea.KeyCtrlU,
		"down": tea.KeyDown, "up": tea.KeyUp, "pgdown": tea.KeyPgDown, "pgup": tea.KeyPgUp, "backspace": tea.KeyBackspace,
		"ctrl+s": tea.KeyCtrlS, "left": tea.KeyLeft, "right": tea.KeyRight, "ctrl+a": tea.KeyCtrlA, "ctrl+k": tea.KeyCtrlK,
	}
	if kt, ok := special[k]; ok {
		return []tea.KeyMsg{{Type: kt}}
	}
	var out []tea.KeyMsg
	for _, r := range k {
		out = append(out, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
	return out
}

// plain renders the app's frame without ANSI.
func plain(a *App) string { return ansi.Strip(a.View()) }

func mustContain(t testing.TB, s, want string) {
	t.Helper()
	if !strings.Contains(s, want) {
		t.Fatalf("want %q in:\n%s", want, s)
	}
}

func mustNotContain(t testing.TB, s, unwanted string) {
	t.Helper()
	if strings.Contains(s, unwanted) {
		t.Fatalf("did not want %q in:\n%s", unwanted, s)
	}
}

// ansiFree strips ANSI from a string.
func ansiFree(s string) string { return ansi.Strip(s) }
