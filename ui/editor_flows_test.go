package ui

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/ui/common"
	"github.com/rapportcrm/rapport/ui/components/form"
	"github.com/rapportcrm/rapport/ui/screens/detail"
)

// TestLogThenScheduleNextFollowup logs a call from each screen (summary
// first, defaults call / outbound / now), accepts the next follow-up with
// one enter (due by the customer's cadence), and undoes the two commands
// one at a time: the follow-up first, then the interaction.
func TestLogThenScheduleNextFollowup(t *testing.T) {
	for _, from := range []string{"today", "customers", "detail"} {
		t.Run(from, func(t *testing.T) {
			d, f := fixtureBook(t)
			a := newTestApp(t, d, 100, 30)
			switch from {
			case "today":
				press(t, a, "1") // the overdue follow-up of 王芳 (tier A, every 14 d)
			case "customers":
				filterTo(t, a, "王芳")
			case "detail":
				openDetailOf(t, a, f.Wang)
			}
			before := dumpTables(t, d)
			fm := openForm(t, a, "i")
			if fm.Focused() != "summary" || fm.Value("kind") != "call" || fm.Value("direction") != "outbound" {
				t.Fatalf("log form opens on %q with %q/%q", fm.Focused(), fm.Value("kind"), fm.Value("direction"))
			}
			press(t, a, "Agreed on the 2027 volume", "ctrl+s")
			logged := dumpTables(t, d)
			if got := text(t, d, `SELECT kind || '|' || direction || '|' || outcome || '|' || occurred_at FROM interactions WHERE summary = 'Agreed on the 2027 volume'`); got != "call|outbound|none|"+strconv.FormatInt(fixtureNow.Unix(), 10) {
				t.Fatalf("logged %q", got)
			}
			next := a.EditorForm()
			if next == nil || next.ID() != form.IDNextFollowup {
				t.Fatalf("no next follow-up offered:\n%s", plain(a))
			}
			mustContain(t, plain(a), "Schedule the next follow-up?")
			mustContain(t, next.Value("due"), "2026-12-07") // today + 14 days
			press(t, a, "enter")
			mustClose(t, a)
			if got := text(t, d, `SELECT due_date || '|' || title FROM followups WHERE customer_id = ? AND title LIKE 'Follow up:%'`, f.Wang); got != "2026-12-07|Follow up: Agreed on the 2027 volume" {
				t.Fatalf("follow-up %q", got)
			}
			press(t, a, "u")
			mustContain(t, a.Status(), "Undone: schedule next follow-up with 王芳")
			if got := dumpTables(t, d); got != logged {
				t.Fatalf("first undo:\n%s", lineDiff(logged, got))
			}
			press(t, a, "u")
			mustContain(t, a.Status(), "Undone: log call with 王芳")
			if got := dumpTables(t, d); got != before {
				t.Fatalf("second undo:\n%s", lineDiff(before, got))
			}
		})
	}
}

func TestEscSkipsTheNextFollowup(t *testing.T) {
	d, f := fixtureBook(t)
	a := newTestApp(t, d, 100, 30)
	openDetailOf(t, a, f.Olivia)
	openForm(t, a, "i")
	press(t, a, "Quick chat", "ctrl+s")
	if f := a.EditorForm(); f == nil || f.ID() != form.IDNextFollowup {
		t.Fatal("no next follow-up offered")
	}
	press(t, a, "esc")
	mustClose(t, a)
	mustContain(t, a.Status(), "No follow-up scheduled")
	if n := count(t, d, `SELECT count(*) FROM followups WHERE customer_id = ?`, f.Olivia); n != 0 {
		t.Fatalf("%d follow-ups", n)
	}
	if n := count(t, d, `SELECT count(*) FROM interactions WHERE customer_id = ? AND summary = 'Quick chat'`, f.Olivia); n != 1 {
		t.Fatal("the interaction was not kept")
	}
	mustContain(t, plain(a), "Quick chat") // the Detail timeline reloaded
}

// TestInvalidInputShowsItsErrorAndWritesNothing tries each kind of bad
// input in each form: the error shows beside the field and the file does
// not change.
func TestInvalidInputShowsItsErrorAndWritesNothing(t *testing.T) {
	cases := []struct {
		name  string
		open  []string // keys from Olivia's detail view
		keys  []string
		field string
		want  string
	}{
		{"customer without a name", []string{"a"}, []string{"tab", "Some Co", "ctrl+s"}, "name", "required"},
		{"customer with a bad email", []string{"a"}, []string{"Nova", "tab", "tab", "not-an-email", "ctrl+s"}, "email", "email"},
		{"customer with a bad cadence", []string{"a"}, []string{"Nova", "tab", "tab", "tab", "tab", "tab", "tab", "tab", "tab", "tab", "soon", "ctrl+s"}, "cadence", "whole number"},
		{"interaction without a summary", []string{"i"}, []string{"ctrl+s"}, "summary", "required"},
		{"interaction in the future", []string{"i"}, []string{"Call", "tab", "tab", "tab", "tab", "tab", "ctrl+a", "ctrl+k", "tomorrow 10:00", "ctrl+s"}, "date", "future"},
		{"interaction with a bad date", []string{"i"}, []string{"Call", "tab", "tab", "tab", "tab", "tab", "ctrl+a", "ctrl+k", "someday", "ctrl+s"}, "date", "not a date"},
		{"score on a call", []string{"i"}, []string{"Call", "tab", "tab", "tab", "tab", "7", "ctrl+s"}, "score", "feedback"},
		{"score out of range", []string{"i"}, []string{"Rated us", "tab", "left", "tab", "tab", "tab", "11", "ctrl+s"}, "score", "between 0 and 10"},
		{"follow-up without a title", []string{"f"}, []string{"tab", "fri", "ctrl+s"}, "title", "required"},
		{"follow-up without a date", []string{"f"}, []string{"Call back", "ctrl+s"}, "due", "required"},
		{"follow-up with a bad date", []string{"f"}, []string{"Call back", "tab", "the 35th", "ctrl+s"}, "due", "not a date"},
		{"follow-up with a bad time", []string{"f"}, []string{"Call back", "tab", "fri", "tab", "25:00", "ctrl+s"}, "time", "14:30"},
		{"deal with a bad value", []string{"n"}, []string{"Big one", "tab", "lots", "ctrl+s"}, "value", ""},
		{"deal with a bad probability", []string{"n"}, []string{"Big one", "tab", "1000", "tab", "tab", "120", "ctrl+s"}, "probability", "between 0 and 100"},
		{"order with a bad amount", []string{"o"}, []string{"12..5", "ctrl+s"}, "amount", ""},
		{"order without an amount", []string{"o"}, []string{"ctrl+s"}, "amount", "required"},
		{"order in the future", []string{"o"}, []string{"100", "tab", "ctrl+a", "ctrl+k", "next week", "ctrl+s"}, "date", "future"},
		{"contact with a bad email", []string{"c"}, []string{"Ann", "tab", "tab", "ann at example", "ctrl+s"}, "email", "email"},
		{"contact without a name", []string{"c"}, []string{"tab", "Buyer", "ctrl+s"}, "name", "required"},
		{"tag too long", []string{"t"}, []string{strings.Repeat("x", 61), "ctrl+s"}, "tags", "60"},
	}
	d, f := fixtureBook(t)
	a := newTestApp(t, d, 100, 30)
	openDetailOf(t, a, f.Olivia)
	before := dumpTables(t, d)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			fm := openForm(t, a, tc.open...)
			press(t, a, tc.keys...)
			if !a.Editing() || a.EditorForm() != fm {
				t.Fatalf("the form closed; status %q", a.Status())
			}
			msg := fm.FieldError(tc.field)
			if msg == "" || !strings.Contains(msg, tc.want) {
				t.Fatalf("field %s shows %q (form: %q), want %q", tc.field, msg, fm.FormError(), tc.want)
			}
			// The message is on screen, beside its field.
			mustContain(t, plain(a), "✗")
			if got := dumpTables(t, d); got != before {
				t.Fatalf("invalid input wrote:\n%s", lineDiff(before, got))
			}
			press(t, a, "esc", "y")
			mustClose(t, a)
		})
	}
}

// TestEscOnADirtyFormAsks: esc on an untouched form closes it; after
// typing it asks, n keeps editing with the text, y discards it.
func TestEscOnADirtyFormAsks(t *testing.T) {
	d, f := fixtureBook(t)
	a := newTestApp(t, d, 100, 30)
	filterTo(t, a, "Acme")
	before := dumpTables(t, d)
	for _, k := range []string{"a", "e", "i", "f", "n", "o", "t"} {
		openForm(t, a, k)
		press(t, a, "esc")
		mustClose(t, a)
		fm := openForm(t, a, k)
		press(t, a, "zz")
		press(t, a, "esc")
		if !fm.Asking() {
			t.Fatalf("%s: esc after typing did not ask", k)
		}
		mustContain(t, plain(a), "Discard changes? y/n")
		press(t, a, "n")
		if !a.Editing() || !strings.Contains(fm.Value(fm.Focused()), "zz") {
			t.Fatalf("%s: n lost the form", k)
		}
		press(t, a, "esc", "y")
		mustClose(t, a)
		mustContain(t, a.Status(), "Nothing saved")
	}
	if got := dumpTables(t, d); got != before {
		t.Fatalf("cancelled forms wrote:\n%s", lineDiff(before, got))
	}
	_ = f
}

// TestGlobalKeysAreTextInAForm: q, u, D, digits and ? typed into a form
// are letters; none quits, undoes, archives or switches screens.
func TestGlobalKeysAreTextInAForm(t *testing.T) {
	d, _ := fixtureBook(t)
	a := newTestApp(t, d, 100, 30)
	press(t, a, "2")
	fm := openForm(t, a, "a")
	if press(t, a, "q", "u", "D", "1", "?", "x", "e", "tab", "shift+tab") {
		t.Fatal("q in a form quit")
	}
	if a.Active() != common.ScreenCustomers || !a.Editing() || a.Mode() != common.ModeForm {
		t.Fatalf("a key left the form: active %s, mode %d", a.Active(), a.Mode())
	}
	if got := fm.Value("name"); got != "quD1?xe" {
		t.Fatalf("name %q", got)
	}
}

// TestArchiveCustomerAndRestore: D asks, y archives (the customer leaves
// the list, the counts and Today), archived:yes lists it, R restores it.
func TestArchiveCustomerAndRestore(t *testing.T) {
	d, f := fixtureBook(t)
	a := newTestApp(t, d, 100, 30)
	counts := a.Counts()
	det := openDetailOf(t, a, f.Wang) // overdue follow-up, at the top of Today
	_ = det
	press(t, a, "D")
	if a.Mode() != common.ModeModal {
		t.Fatal("D did not ask")
	}
	mustContain(t, plain(a), `Archive customer "王芳"?`)
	press(t, a, "n")
	mustContain(t, a.Status(), "Nothing archived")
	press(t, a, "D", "y")
	if _, ok := a.Focused().(*detail.Model); ok {
		t.Fatal("the archived customer's detail stayed open")
	}
	mustContain(t, a.Status(), `Archived customer "王芳"`)
	if a.Counts().Overdue != counts.Overdue-1 {
		t.Fatalf("counts %+v, were %+v", a.Counts(), counts)
	}
	press(t, a, "1")
	mustNotContain(t, plain(a), "Send quote")
	filterTo(t, a, "王芳")
	if customersOf(a).Total() != 0 {
		t.Fatal("an archived customer is still listed")
	}
	filterTo(t, a, "archived:yes")
	c := customersOf(a)
	if c.Total() != 1 {
		t.Fatalf("archived:yes lists %d", c.Total())
	}
	mustContain(t, plain(a), "archived")
	if footerKey(c, "e").Enabled() || !footerKey(c, "R").Enabled() {
		t.Fatal("on an archived row only R applies")
	}
	press(t, a, "e")
	mustContain(t, a.Status(), "R restores it first")
	press(t, a, "R")
	mustContain(t, a.Status(), `Restored customer "王芳"`)
	if c.Total() != 0 || a.Counts() != counts {
		t.Fatalf("after restore: %d archived, counts %+v", c.Total(), a.Counts())
	}
	if n := count(t, d, `SELECT count(*) FROM customers WHERE archived_at IS NOT NULL`); n != 0 {
		t.Fatal("still archived in the file")
	}
	press(t, a, "u")
	mustContain(t, a.Status(), "Undone: restore customer 王芳")
}

// TestConflictKeepsTheFileAndTheForm: two handles change the same field of
// the same customer; the app's save says which field clashes, writes
// nothing, keeps what was typed; r reloads the row into the form, and the
// next save works. (Changes to different fields merge:
// TestConflictOnOtherFieldsMerges.)
func TestConflictKeepsTheFileAndTheForm(t *testing.T) {
	d, f := fixtureBook(t)
	a := newTestApp(t, d, 100, 30)
	filterTo(t, a, "Acme")
	fm := openForm(t, a, "e")
	press(t, a, "tab", "tab", "tab", "+44 20 7946 0000") // phone

	other, err := db.Open(context.Background(), d.Path(), db.Options{Now: d.Now})
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	cu, _ := other.Customer(context.Background(), f.Acme)
	cu.Phone = "+1 555 0199"
	if err := other.UpdateCustomer(context.Background(), &cu); err != nil {
		t.Fatal(err)
	}
	file := dumpTables(t, d)

	press(t, a, "ctrl+s")
	if !fm.InConflict() {
		t.Fatalf("no conflict; status %q:\n%s", a.Status(), plain(a))
	}
	mustContain(t, plain(a), "Acme Ltd changed since you opened it (phone)")
	mustContain(t, plain(a), "r reload · esc keep editing")
	if got := dumpTables(t, d); got != file {
		t.Fatalf("the conflicting save wrote:\n%s", lineDiff(file, got))
	}
	press(t, a, "esc")
	if fm.InConflict() || fm.Value("phone") != "+44 20 7946 0000" || fm.Value("email") != "acme.ltd@example.com" {
		t.Fatalf("the form lost what was typed: phone %q email %q", fm.Value("phone"), fm.Value("email"))
	}
	press(t, a, "ctrl+s")
	if !fm.InConflict() {
		t.Fatal("a second save over the stale row did not conflict")
	}
	press(t, a, "r")
	fresh := a.EditorForm()
	if fresh == nil || fresh.Value("phone") != "+1 555 0199" {
		t.Fatalf("reload did not bring the file's row: %v", fresh)
	}
	press(t, a, "tab", "tab", "tab", "ctrl+a", "ctrl+k", "+44 20 7946 0000", "ctrl+s")
	mustClose(t, a)
	if got := text(t, d, `SELECT email || ' ' || phone FROM customers WHERE id = ?`, f.Acme); got != "acme.ltd@example.com +44 20 7946 0000" {
		t.Fatalf("saved %q", got)
	}
}

// TestAnotherWriterRefreshesDetailUnderAnOpenForm: a second handle logs
// an interaction while a form is open over the customer's detail view; the
// view reloads underneath and the form keeps what was typed.
func TestAnotherWriterRefreshesDetailUnderAnOpenForm(t *testing.T) {
	d, f := fixtureBook(t)
	a := newTestApp(t, d, 100, 30)
	msg, ok := runWithin(a.watchCmd(), 5e9)
	if !ok {
		t.Fatal("watch connection did not open")
	}
	a.Update(msg)
	defer a.Close()
	det := openDetailOf(t, a, f.Wang)
	press(t, a, "j", "j") // the newest interaction
	fm := openForm(t, a, "f")
	press(t, a, "Bring samples")

	other, err := db.Open(context.Background(), d.Path(), db.Options{Now: d.Now})
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	if err := other.Write(context.Background(), "log", func(tx *db.Tx) error {
		_, err := tx.LogInteraction(&model.Interaction{CustomerID: f.Wang, Kind: model.KindEmail, Direction: model.Inbound,
			Outcome: model.OutcomeReplied, Score: -1, Summary: "Sent the signed contract"})
		return err
	}); err != nil {
		t.Fatal(err)
	}
	v, err := db.DataVersion(context.Background(), a.conn)
	if err != nil {
		t.Fatal(err)
	}
	_, cmd := a.Update(dataVersionMsg{Version: v})
	drain(t, a, cmd)
	if a.EditorForm() != fm || fm.Value("title") != "Bring samples" {
		t.Fatal("the refresh disturbed the open form")
	}
	if out := ansi.Strip(det.View()); !strings.Contains(out, "Timeline (3)") || !strings.Contains(out, "Sent the signed contract") {
		t.Fatalf("the detail view did not refresh:\n%s", out)
	}
	if sel, _ := det.Selection(); sel.Label != "Discussed the 2027 volume 报价" {
		t.Fatalf("the cursor moved to %q", sel.Label)
	}
	press(t, a, "esc", "y")
	mustContain(t, plain(a), "Sent the signed contract")
}

// TestEditKeysInHelpAndDisabledWhenTheyDoNotApply checks the `?` help of
// each screen lists the edit keys and that help stays true.
func TestEditKeysInHelpAndDisabledWhenTheyDoNotApply(t *testing.T) {
	d, f := fixtureBook(t)
	a := newTestApp(t, d, 120, 60)
	press(t, a, "1", "?")
	out := plain(a)
	for _, want := range []string{"add customer", "edit follow-up", "log interaction", "follow-up", "new deal", "record order", "tags", "archive follow-up"} {
		mustContain(t, out, want)
	}
	mustNotContain(t, out, "restore archived") // Today lists no archived customer
	press(t, a, "esc", "2", "?")
	out = plain(a)
	mustContain(t, out, "edit/churn/pin tier")
	mustContain(t, out, "restore archived")
	mustContain(t, out, "archive customer")
	press(t, a, "esc")
	det := openDetailOf(t, a, f.Sato)
	if footerKey(det, "r").Enabled() {
		t.Fatal("r enabled on the customer's name line")
	}
	selectDetailItem(t, a, det, common.KindInteraction, "Late delivery")
	if !footerKey(det, "r").Enabled() || footerKey(det, "R").Enabled() {
		t.Fatal("on an open complaint r applies, R does not")
	}
	if press(t, a, "c"); a.EditorForm() == nil {
		t.Fatal("c does not add a contact on an open complaint")
	}
	press(t, a, "esc")
	press(t, a, "?")
	out = plain(a)
	for _, want := range []string{"resolve complaint", "add contact", "edit interaction", "archive interaction"} {
		mustContain(t, out, want)
	}
	press(t, a, "esc")
	// r on a row that is not a complaint is a hint, not a write.
	press(t, a, "g", "r")
	mustContain(t, a.Status(), "r resolves a complaint")
	// Customers and Today have no c or r.
	if helpLists(customersOf(a), "c") || helpLists(todayOf(a), "r") {
		t.Fatal("c or r offered outside the detail view")
	}
}

// TestUndoneCustomerClosesIts360: add a customer, open it, u — the 360 of a
// customer that no longer exists closes and the status line says why, so
// no key acts on it (issue 21, 4).
func TestUndoneCustomerClosesIts360(t *testing.T) {
	d, _ := fixtureBook(t)
	a := newTestApp(t, d, 100, 30)
	press(t, a, "2")
	openForm(t, a, "a")
	press(t, a, "Nova Trading", "ctrl+s")
	mustClose(t, a)
	id, err := d.FindCustomer(context.Background(), "Nova Trading")
	if err != nil {
		t.Fatal(err)
	}
	openDetailOf(t, a, id.ID)
	mustContain(t, plain(a), "Nova Trading")
	press(t, a, "u")
	if _, ok := a.Focused().(*detail.Model); ok {
		t.Fatalf("the 360 of the undone customer is still open:\n%s", plain(a))
	}
	mustContain(t, a.Status(), "Nova Trading is no longer in the book")
	mustContain(t, plain(a), "47/47 · sort: risk") // the list without it, the cursor on the row the new customer had
}

// TestLogFromAFollowupClosesIt: i on an overdue row offers to mark that
// follow-up done (yes by default) in the same command; logging for a
// customer who has an open follow-up says so before offering another; x
// offers to log what happened (issue 21, 7).
func TestLogFromAFollowupClosesIt(t *testing.T) {
	d, f := fixtureBook(t)
	a := newTestApp(t, d, 100, 30)
	before := dumpTables(t, d)
	press(t, a, "1") // the cursor is on 王芳's overdue "Send quote"
	fm := openForm(t, a, "i")
	if fm.Value("done") != "yes" {
		t.Fatalf("the log form from a follow-up does not offer to close it: done=%q\n%s", fm.Value("done"), plain(a))
	}
	mustContain(t, plain(a), `mark "Send quote" done`)
	press(t, a, "Sent the quote by phone", "ctrl+s")
	mustContain(t, a.Status(), "done: Send quote")
	if fu, _ := d.Followup(context.Background(), f.OverdueFollowup); fu.DoneAt == 0 {
		t.Fatal("the follow-up stayed open")
	}
	press(t, a, "esc") // no next follow-up
	mustClose(t, a)
	press(t, a, "u") // one u takes back the log and the completion
	if got := dumpTables(t, d); got != before {
		t.Fatalf("u did not undo the log and the completion together:\n%s", lineDiff(before, got))
	}

	// Acme has "Call about renewal" open: the next follow-up question says so.
	filterTo(t, a, "Acme")
	openForm(t, a, "i")
	press(t, a, "Emailed the terms", "ctrl+s")
	mustContain(t, plain(a), `"Call about renewal" is already open`)
	press(t, a, "esc")
	mustClose(t, a)

	// x on a follow-up completes it and offers to log the contact.
	press(t, a, "1")
	press(t, a, "x")
	mustContain(t, plain(a), "Log what happened? (esc skips)")
	press(t, a, "Called them back", "ctrl+s")
	if got := text(t, d, `SELECT count(*) FROM interactions WHERE summary = 'Called them back'`); got != "1" {
		t.Fatalf("the offered log was not saved: %s", got)
	}
}
