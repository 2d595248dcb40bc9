package ui

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/rapportcrm/rapport/ui/common"
)

// sharedFile is a file of /work/shared/data (../shared from the repo
// root): with CI=true a missing folder fails, otherwise the test skips.
func sharedFile(t *testing.T, rel string) string {
	t.Helper()
	p := filepath.Join("..", "..", "shared", "data", rel)
	if _, err := os.Stat(p); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("shared test data missing: %s (%v)", p, err)
		}
		t.Skipf("shared test data not here: wanted %s", p)
	}
	return p
}

// From the welcome screen, i asks for a path, checks the file (a dry run:
// nothing written), shows what it would do and imports on y; the app then
// shows Customers and one u takes the whole import back (issue 21).
func TestWelcomeImportsAFileAfterADryRun(t *testing.T) {
	path := sharedFile(t, "real-files/csv/salesforce_contacts_export.csv")
	d, _ := openBook(t)
	a := newTestApp(t, d, 100, 30)
	if a.Active() != common.ScreenWelcome {
		t.Fatalf("empty book opened on %q", a.Active())
	}
	press(t, a, "i")
	mustContain(t, plain(a), "Import customers from a CSV or Excel file")
	if a.Mode() != common.ModeForm {
		t.Fatalf("mode %v in the path prompt", a.Mode())
	}
	// A path that is not there is said beside the prompt; q is text.
	press(t, a, "/nonexistent/q.csv", "enter")
	mustContain(t, plain(a), "cannot read /nonexistent/q.csv")
	press(t, a, "ctrl+a", "ctrl+k", path, "enter")
	out := plain(a)
	mustContain(t, out, "salesforce_contacts_export.csv: 2 rows")
	mustContain(t, out, "Would import: 1 created")
	mustContain(t, out, "y import now")
	if empty, _ := d.IsEmpty(context.Background()); !empty {
		t.Fatal("the dry run wrote to the book")
	}
	press(t, a, "y")
	if a.Active() != common.ScreenCustomers {
		t.Fatalf("after the import the app shows %q:\n%s", a.Active(), plain(a))
	}
	mustContain(t, a.Status(), "Imported salesforce_contacts_export.csv: 1 created")
	mustContain(t, plain(a), "Ada Lovelace")
	press(t, a, "u")
	if empty, _ := d.IsEmpty(context.Background()); !empty {
		t.Fatal("u did not undo the import")
	}
}

// From Customers, I imports the same way; a file with bad rows says which
// and imports the others after y; n after the check writes nothing.
func TestCustomersImportsAFileWithBadRows(t *testing.T) {
	d, _ := fixtureBook(t)
	a := newTestApp(t, d, 120, 40)
	press(t, a, "2")
	before := count(t, d, `SELECT count(*) FROM customers`)
	path := filepath.Join("..", "db", "transfer", "testdata", "bad_rows.csv")
	press(t, a, "I", path, "enter")
	out := plain(a)
	mustContain(t, out, "bad rows, left out if you import")
	mustContain(t, out, "line ")
	press(t, a, "n")
	if n := count(t, d, `SELECT count(*) FROM customers`); n != before {
		t.Fatalf("n after the check wrote %d customers", n-before)
	}
	mustContain(t, a.Status(), "nothing was written")
	press(t, a, "I", path, "enter", "y")
	if n := count(t, d, `SELECT count(*) FROM customers`); n <= before {
		t.Fatalf("y imported nothing:\n%s", plain(a))
	}
	mustContain(t, a.Status(), "bad rows left out")
	if n := count(t, d, `SELECT count(*) FROM customers WHERE name = 'Good Person'`); n != 1 {
		t.Fatalf("%d Good Person rows", n)
	}
	mustContain(t, plain(a), "/54 ·") // the list reloaded with the new rows
	if c := customersOf(a); c.Total() != count(t, d, `SELECT count(*) FROM customers WHERE archived_at IS NULL`) {
		t.Fatalf("the list shows %d customers after the import", c.Total())
	}
}
