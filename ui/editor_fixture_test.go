package ui

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/key"
	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/ui/common"
	"github.com/rapportcrm/rapport/ui/components/form"
	"github.com/rapportcrm/rapport/ui/screens/detail"
)

// userTables are the tables a user's commands write (and undo restores).
var userTables = []string{"customers", "contacts", "tags", "customer_tags", "deals", "deal_stage_history",
	"interactions", "followups", "orders"}

// dumpTables renders every row of the tables, ordered by their first columns (the key), as text.
func dumpTables(t testing.TB, d *db.DB, tables ...string) string {
	t.Helper()
	if len(tables) == 0 {
		tables = userTables
	}
	var b strings.Builder
	for _, tbl := range tables {
		rows, err := d.Reader().QueryContext(context.Background(), "SELECT * FROM "+tbl+" ORDER BY 1, 2")
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		fmt.Fprintf(&b, "## %s %v\n", tbl, cols)
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			for i, v := range vals {
				if bs, ok := v.([]byte); ok {
					vals[i] = string(bs)
				}
			}
			fmt.Fprintln(&b, vals...)
		}
		rows.Close()
	}
	return b.String()
}

// count returns a number from SQL.
func count(t testing.TB, d *db.DB, q string, args ...any) int {
	t.Helper()
	var n int
	if err := d.Reader().QueryRowContext(context.Background(), q, args...).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// text returns one text value from SQL.
func text(t testing.TB, d *db.DB, q string, args ...any) string {
	t.Helper()
	var s string
	if err := d.Reader().QueryRowContext(context.Background(), q, args...).Scan(&s); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return s
}

// openDetailOf opens customer id's detail view and returns it.
func openDetailOf(t testing.TB, a *App, id int64) *detail.Model {
	t.Helper()
	_, cmd := a.Update(common.OpenCustomerMsg{ID: id})
	drain(t, a, cmd)
	det, ok := a.Focused().(*detail.Model)
	if !ok {
		t.Fatalf("focused %T", a.Focused())
	}
	return det
}

// selectDetailItem moves the Detail cursor (with j) to the first item of
// kind whose selection label contains label.
func selectDetailItem(t testing.TB, a *App, det *detail.Model, kind, label string) {
	t.Helper()
	press(t, a, "g")
	var last common.Selection
	for i := 0; i < 500; i++ {
		sel, ok := det.Selection()
		if ok && sel.Kind == kind && strings.Contains(sel.Label, label) {
			return
		}
		if i > 0 && sel == last {
			break // the last line: j moves no further
		}
		last = sel
		press(t, a, "j")
	}
	t.Fatalf("no %s %q in the detail view:\n%s", kind, label, plain(a))
}

// filterTo shows Customers filtered to q, the cursor on the first row.
func filterTo(t testing.TB, a *App, q string) {
	t.Helper()
	press(t, a, "2", "/", "ctrl+a", "ctrl+k", q, "enter")
	if c := customersOf(a); c.Query() != q {
		t.Fatalf("filter is %q", c.Query())
	}
}

// openForm presses keys and fails unless a form opened.
func openForm(t testing.TB, a *App, keys ...string) *form.Model {
	t.Helper()
	press(t, a, keys...)
	f := a.EditorForm()
	if f == nil {
		t.Fatalf("%v opened no form; status %q:\n%s", keys, a.Status(), plain(a))
	}
	return f
}

// mustClose fails unless the editor closed (the save went through).
func mustClose(t testing.TB, a *App) {
	t.Helper()
	if a.Editing() {
		f := a.EditorForm()
		msg := ""
		if f != nil {
			msg = f.FormError()
			for _, k := range []string{"name", "summary", "title", "due", "time", "value", "amount", "email", "date", "tags", "churn_reason", "score"} {
				if e := f.FieldError(k); e != "" {
					msg += "; " + k + ": " + e
				}
			}
		}
		t.Fatalf("the form is still open (%s); status %q:\n%s", msg, a.Status(), plain(a))
	}
}

// clearField empties the focused text field (ctrl+a, ctrl+k).
func clearField(t testing.TB, a *App) {
	t.Helper()
	press(t, a, "ctrl+a", "ctrl+k")
}

// footerKey is the binding the screen's footer shows for key (a disabled
// zero binding when it shows none).
func footerKey(s Screen, k string) key.Binding {
	for _, b := range s.ShortHelp() {
		if b.Help().Key == k {
			return b
		}
	}
	return key.NewBinding(key.WithDisabled())
}

// helpLists reports whether the screen's `?` help has a binding for key.
func helpLists(s Screen, k string) bool {
	for _, g := range s.FullHelp() {
		for _, b := range g {
			if b.Help().Key == k {
				return true
			}
		}
	}
	return false
}
