package ui

import (
	"context"
	"strings"
	"testing"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/ui/common"
	"github.com/rapportcrm/rapport/ui/internal/testbook"
	"github.com/rapportcrm/rapport/ui/screens/today"
)

// editFlow is one kind of change made from the keyboard: do makes it on a
// fresh testbook.Fixture book, check queries the file for it, undo is what the
// status line says u undid.
type editFlow struct {
	name  string
	setup func(t *testing.T, a *App, d *db.DB, f testbook.Fixture) // changes that come before (not undone)
	do    func(t *testing.T, a *App, f testbook.Fixture)
	check func(t *testing.T, d *db.DB, f testbook.Fixture)
	undo  string
}

func editFlows() []editFlow {
	return []editFlow{
		{name: "add customer from Customers", do: func(t *testing.T, a *App, f testbook.Fixture) {
			openForm(t, a, "2", "a")
			press(t, a, "Nova Trading", "tab", "Nova GmbH", "tab", "buy@nova.example", "ctrl+s")
		}, check: func(t *testing.T, d *db.DB, f testbook.Fixture) {
			if got := text(t, d, `SELECT company || '|' || email || '|' || tier FROM customers WHERE name = 'Nova Trading'`); got != "Nova GmbH|buy@nova.example|C" {
				t.Fatalf("saved %q", got)
			}
		}, undo: "Undone: add customer Nova Trading"},

		{name: "edit customer from Customers", do: func(t *testing.T, a *App, f testbook.Fixture) {
			filterTo(t, a, "Acme")
			openForm(t, a, "e")
			press(t, a, "tab", "tab", "tab", "+1 555 0100", "ctrl+s")
		}, check: func(t *testing.T, d *db.DB, f testbook.Fixture) {
			if got := text(t, d, `SELECT phone FROM customers WHERE id = ?`, f.Acme); got != "+1 555 0100" {
				t.Fatalf("phone %q", got)
			}
		}, undo: "Undone: edit customer Acme Ltd"},

		{name: "churn a customer (asks the reason)", do: func(t *testing.T, a *App, f testbook.Fixture) {
			filterTo(t, a, "Acme")
			fm := openForm(t, a, "e")
			for fm.Focused() != "lifecycle" {
				press(t, a, "tab")
			}
			press(t, a, "right", "ctrl+s") // churned, no reason yet
			if fm.FieldError("churn_reason") == "" {
				t.Fatalf("churned without a reason saved; form error %q", fm.FormError())
			}
			press(t, a, "moved to a competitor", "ctrl+s")
		}, check: func(t *testing.T, d *db.DB, f testbook.Fixture) {
			if got := text(t, d, `SELECT lifecycle || '|' || churn_reason FROM customers WHERE id = ?`, f.Acme); got != "churned|moved to a competitor" {
				t.Fatalf("saved %q", got)
			}
		}, undo: "Undone: edit customer Acme Ltd"},

		{name: "reactivate and unpin the tier", setup: func(t *testing.T, a *App, d *db.DB, f testbook.Fixture) {
			cu, _ := d.Customer(context.Background(), f.Acme)
			cu.Lifecycle, cu.ChurnReason = model.Churned, "budget cut"
			if err := d.UpdateCustomer(context.Background(), &cu); err != nil {
				t.Fatal(err)
			}
		}, do: func(t *testing.T, a *App, f testbook.Fixture) {
			filterTo(t, a, "Acme")
			fm := openForm(t, a, "e")
			for fm.Focused() != "pin" {
				press(t, a, "tab")
			}
			press(t, a, " ")
			for fm.Focused() != "lifecycle" {
				press(t, a, "tab")
			}
			press(t, a, "left", "ctrl+s")
			mustContain(t, a.Status(), "reactivated as customer")
		}, check: func(t *testing.T, d *db.DB, f testbook.Fixture) {
			if got := text(t, d, `SELECT lifecycle || '|' || churn_reason || '|' || tier_pinned FROM customers WHERE id = ?`, f.Acme); got != "customer||0" {
				t.Fatalf("saved %q", got)
			}
		}, undo: "Undone: edit customer Acme Ltd"},

		{name: "tags from Today", do: func(t *testing.T, a *App, f testbook.Fixture) {
			press(t, a, "1") // Today: the overdue follow-up of 王芳
			openForm(t, a, "t")
			clearField(t, a)
			press(t, a, "key account, 北京", "enter")
		}, check: func(t *testing.T, d *db.DB, f testbook.Fixture) {
			tags, _ := d.CustomerTags(context.Background(), f.Wang)
			if strings.Join(tags, ",") != "key account,北京" && strings.Join(tags, ",") != "北京,key account" {
				t.Fatalf("tags %v", tags)
			}
		}, undo: "Undone: edit tags of 王芳"},

		{name: "new follow-up from Customers", do: func(t *testing.T, a *App, f testbook.Fixture) {
			filterTo(t, a, "Olivia")
			openForm(t, a, "f")
			press(t, a, "Send the catalogue", "tab", "下周一", "tab", "14:30", "enter")
		}, check: func(t *testing.T, d *db.DB, f testbook.Fixture) {
			if got := text(t, d, `SELECT due_date || ' ' || due_time FROM followups WHERE customer_id = ? AND title = 'Send the catalogue'`, f.Olivia); got != "2026-11-30 14:30" {
				t.Fatalf("due %q", got)
			}
		}, undo: "Undone: follow up Olivia Brown: Send the catalogue"},

		{name: "edit follow-up from Today", do: func(t *testing.T, a *App, f testbook.Fixture) {
			press(t, a, "1")
			openForm(t, a, "e")
			clearField(t, a)
			press(t, a, "Send the revised quote", "enter")
			clearField(t, a)
			press(t, a, "fri", "ctrl+s")
		}, check: func(t *testing.T, d *db.DB, f testbook.Fixture) {
			fu, _ := d.Followup(context.Background(), f.OverdueFollowup)
			if fu.Title != "Send the revised quote" || fu.Due.String() != "2026-11-27" {
				t.Fatalf("follow-up %+v", fu)
			}
		}, undo: "Undone: edit follow-up Send quote"},

		{name: "new deal from Detail", do: func(t *testing.T, a *App, f testbook.Fixture) {
			openDetailOf(t, a, f.Olivia)
			openForm(t, a, "n")
			press(t, a, "Spring range", "tab", "$12,500", "tab", "2026-12-15", "ctrl+s")
		}, check: func(t *testing.T, d *db.DB, f testbook.Fixture) {
			if got := text(t, d, `SELECT value_minor || ' ' || currency || ' ' || expected_close || ' ' || status FROM deals WHERE customer_id = ? AND title = 'Spring range'`, f.Olivia); got != "1250000 USD 2026-12-15 open" {
				t.Fatalf("deal %q", got)
			}
			if n := count(t, d, `SELECT count(*) FROM deal_stage_history h JOIN deals d ON d.id = h.deal_id WHERE d.title = 'Spring range'`); n != 1 {
				t.Fatalf("%d history rows", n)
			}
		}, undo: "Undone: add deal Spring range"},

		{name: "edit deal from Detail", do: func(t *testing.T, a *App, f testbook.Fixture) {
			det := openDetailOf(t, a, f.Lee)
			selectDetailItem(t, a, det, common.KindDeal, "Renewal")
			openForm(t, a, "e")
			press(t, a, "tab")
			clearField(t, a)
			press(t, a, "15000", "ctrl+s")
		}, check: func(t *testing.T, d *db.DB, f testbook.Fixture) {
			if got := text(t, d, `SELECT value_minor FROM deals WHERE customer_id = ?`, f.Lee); got != "1500000" {
				t.Fatalf("value %q", got)
			}
		}, undo: "Undone: edit deal Renewal 2027"},

		{name: "record an order from Customers", do: func(t *testing.T, a *App, f testbook.Fixture) {
			filterTo(t, a, "Olivia")
			openForm(t, a, "o")
			press(t, a, "1,234.50", "tab")
			clearField(t, a)
			press(t, a, "yesterday", "tab", "spring stock", "enter")
		}, check: func(t *testing.T, d *db.DB, f testbook.Fixture) {
			if got := text(t, d, `SELECT amount_minor || ' ' || currency || ' ' || note FROM orders WHERE customer_id = ?`, f.Olivia); got != "123450 USD spring stock" {
				t.Fatalf("order %q", got)
			}
			if got := text(t, d, `SELECT date(ordered_at, 'unixepoch') FROM orders WHERE customer_id = ?`, f.Olivia); got != "2026-11-22" {
				t.Fatalf("ordered %q", got)
			}
		}, undo: "Undone: order from Olivia Brown $1,234.50"},

		{name: "edit an order from Detail", setup: func(t *testing.T, a *App, d *db.DB, f testbook.Fixture) {
			if err := d.Write(context.Background(), "order", func(tx *db.Tx) error {
				_, err := tx.CreateOrder(&model.Order{CustomerID: f.Olivia, AmountMinor: 5000, Currency: "USD", OrderedAt: fixtureNow.Unix() - 86400})
				return err
			}); err != nil {
				t.Fatal(err)
			}
		}, do: func(t *testing.T, a *App, f testbook.Fixture) {
			det := openDetailOf(t, a, f.Olivia)
			selectDetailItem(t, a, det, common.KindOrder, "50")
			openForm(t, a, "e")
			clearField(t, a)
			press(t, a, "75", "ctrl+s")
		}, check: func(t *testing.T, d *db.DB, f testbook.Fixture) {
			if got := text(t, d, `SELECT amount_minor FROM orders WHERE customer_id = ?`, f.Olivia); got != "7500" {
				t.Fatalf("amount %q", got)
			}
		}, undo: "Undone: edit order from Olivia Brown"},

		{name: "add a contact from Detail", do: func(t *testing.T, a *App, f testbook.Fixture) {
			openDetailOf(t, a, f.Wang)
			openForm(t, a, "c")
			press(t, a, "李娜", "tab", "采购经理", "tab", "li.na@example.com", "tab", "tab", "tab", " ", "ctrl+s")
		}, check: func(t *testing.T, d *db.DB, f testbook.Fixture) {
			if got := text(t, d, `SELECT role || ' ' || email || ' ' || is_primary FROM contacts WHERE customer_id = ? AND name = '李娜'`, f.Wang); got != "采购经理 li.na@example.com 1" {
				t.Fatalf("contact %q", got)
			}
		}, undo: "Undone: add contact 李娜 at 王芳"},

		{name: "edit a contact from Detail", setup: addContact, do: func(t *testing.T, a *App, f testbook.Fixture) {
			det := openDetailOf(t, a, f.Wang)
			selectDetailItem(t, a, det, common.KindContact, "李娜")
			openForm(t, a, "e")
			press(t, a, "tab")
			clearField(t, a)
			press(t, a, "总经理", "ctrl+s")
		}, check: func(t *testing.T, d *db.DB, f testbook.Fixture) {
			if got := text(t, d, `SELECT role FROM contacts WHERE customer_id = ?`, f.Wang); got != "总经理" {
				t.Fatalf("role %q", got)
			}
		}, undo: "Undone: edit contact 李娜"},

		{name: "archive a contact from Detail", setup: addContact, do: func(t *testing.T, a *App, f testbook.Fixture) {
			det := openDetailOf(t, a, f.Wang)
			selectDetailItem(t, a, det, common.KindContact, "李娜")
			press(t, a, "D")
			mustContain(t, plain(a), `Archive contact "李娜"?`)
			press(t, a, "y")
			mustNotContain(t, plain(a), "Contact: 李娜")
		}, check: func(t *testing.T, d *db.DB, f testbook.Fixture) {
			if n := count(t, d, `SELECT count(*) FROM contacts WHERE archived_at IS NOT NULL`); n != 1 {
				t.Fatalf("%d archived contacts", n)
			}
		}, undo: "Undone: archive contact 李娜"},

		{name: "edit an interaction from the Detail timeline", do: func(t *testing.T, a *App, f testbook.Fixture) {
			det := openDetailOf(t, a, f.Wang)
			selectDetailItem(t, a, det, common.KindInteraction, "Visited")
			openForm(t, a, "e")
			press(t, a, " and met the CFO", "tab", "right", "ctrl+s") // kind meeting → message
		}, check: func(t *testing.T, d *db.DB, f testbook.Fixture) {
			if got := text(t, d, `SELECT kind || '|' || summary FROM interactions WHERE customer_id = ? AND summary LIKE 'Visited%'`, f.Wang); got != "message|Visited the Beijing office and met the CFO" {
				t.Fatalf("interaction %q", got)
			}
		}, undo: "Undone: edit message with 王芳"},

		{name: "archive an interaction from the Detail timeline", do: func(t *testing.T, a *App, f testbook.Fixture) {
			det := openDetailOf(t, a, f.Wang)
			selectDetailItem(t, a, det, common.KindInteraction, "Visited")
			press(t, a, "D", "y")
			mustContain(t, plain(a), "Timeline (1)")
		}, check: func(t *testing.T, d *db.DB, f testbook.Fixture) {
			if n := count(t, d, `SELECT count(*) FROM interactions WHERE summary LIKE 'Visited%' AND archived_at IS NOT NULL`); n != 1 {
				t.Fatal("not archived")
			}
		}, undo: "Undone: archive interaction Visited the Beijing office"},

		{name: "resolve a complaint", do: func(t *testing.T, a *App, f testbook.Fixture) {
			det := openDetailOf(t, a, f.Sato)
			selectDetailItem(t, a, det, common.KindInteraction, "Late delivery")
			press(t, a, "r")
			mustContain(t, a.Status(), "Complaint resolved")
		}, check: func(t *testing.T, d *db.DB, f testbook.Fixture) {
			if n := count(t, d, `SELECT count(*) FROM interactions WHERE customer_id = ? AND resolved_at IS NOT NULL`, f.Sato); n != 1 {
				t.Fatal("not resolved")
			}
		}, undo: "Undone: resolve complaint"},

		{name: "archive a follow-up from Today", do: func(t *testing.T, a *App, f testbook.Fixture) {
			press(t, a, "1", "D")
			mustContain(t, plain(a), `Archive follow-up "Send quote"?`)
			press(t, a, "y")
		}, check: func(t *testing.T, d *db.DB, f testbook.Fixture) {
			fu, _ := d.Followup(context.Background(), f.OverdueFollowup)
			if fu.ArchivedAt == 0 {
				t.Fatal("not archived")
			}
		}, undo: "Undone: archive follow-up Send quote"},

		{name: "archive a rotting deal from Today", do: func(t *testing.T, a *App, f testbook.Fixture) {
			press(t, a, "1")
			for i := 0; i < 10; i++ {
				if sel, _ := todayOf(a).Selection(); sel.Kind == common.KindDeal {
					break
				}
				press(t, a, "j")
			}
			press(t, a, "D", "y")
		}, check: func(t *testing.T, d *db.DB, f testbook.Fixture) {
			if n := count(t, d, `SELECT count(*) FROM deals WHERE archived_at IS NOT NULL`); n != 1 {
				t.Fatal("not archived")
			}
		}, undo: "Undone: archive deal Renewal 2027"},

		{name: "complete a follow-up", do: func(t *testing.T, a *App, f testbook.Fixture) {
			press(t, a, "1", "x")
			mustContain(t, plain(a), "Log what happened? (esc skips)")
			press(t, a, "esc") // x offers to log the contact; esc skips it
		}, check: func(t *testing.T, d *db.DB, f testbook.Fixture) {
			fu, _ := d.Followup(context.Background(), f.OverdueFollowup)
			if fu.DoneAt == 0 {
				t.Fatal("not done")
			}
		}, undo: "Undone: complete \"Send quote\""},
	}
}

func addContact(t *testing.T, a *App, d *db.DB, f testbook.Fixture) {
	if err := d.Write(context.Background(), "contact", func(tx *db.Tx) error {
		_, err := tx.CreateContact(&model.Contact{CustomerID: f.Wang, Name: "李娜", Role: "采购经理"})
		return err
	}); err != nil {
		t.Fatal(err)
	}
}

func todayOf(a *App) *today.Model { return a.tabs[common.ScreenToday].(*today.Model) }

// TestEveryChangeSavesAndUndoesExactly makes each kind of change from the
// keyboard, checks that it landed in the file, then undoes it (the user
// tables are exactly as before, the status line names it) and redoes it
// (exactly as after).
func TestEveryChangeSavesAndUndoesExactly(t *testing.T) {
	for _, fl := range editFlows() {
		t.Run(fl.name, func(t *testing.T) {
			d, f := fixtureBook(t)
			a := newTestApp(t, d, 100, 30)
			if fl.setup != nil {
				fl.setup(t, a, d, f)
				press(t, a, "1") // shown again: reloads
				drain(t, a, a.dataChanged(true))
			}
			before := dumpTables(t, d)
			fl.do(t, a, f)
			mustClose(t, a)
			after := dumpTables(t, d)
			if after == before {
				t.Fatalf("nothing was written; status %q", a.Status())
			}
			fl.check(t, d, f)
			if a.Focused().InputFocused() {
				t.Fatal("the screen kept the keyboard")
			}
			press(t, a, "u")
			mustContain(t, a.Status(), fl.undo)
			if got := dumpTables(t, d); got != before {
				t.Fatalf("undo left the file different:\n%s", lineDiff(before, got))
			}
			press(t, a, "ctrl+r")
			mustContain(t, a.Status(), "Redone:")
			if got := dumpTables(t, d); got != after {
				t.Fatalf("redo left the file different:\n%s", lineDiff(after, got))
			}
		})
	}
}

// lineDiff lists the lines of want and got that the other lacks.
func lineDiff(want, got string) string {
	in := func(s string) map[string]bool {
		m := map[string]bool{}
		for _, l := range strings.Split(s, "\n") {
			m[l] = true
		}
		return m
	}
	w, g := in(want), in(got)
	var b strings.Builder
	for _, l := range strings.Split(want, "\n") {
		if !g[l] {
			b.WriteString("- " + l + "\n")
		}
	}
	for _, l := range strings.Split(got, "\n") {
		if !w[l] {
			b.WriteString("+ " + l + "\n")
		}
	}
	return b.String()
}
