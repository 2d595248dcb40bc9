package ui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/ui/internal/tmuxtest"
)

// keysEnv is the terminal the keys' tmux tests run in: no colour, the
// fixture clock, UTC.
func keysEnv() []string {
	return []string{"TZ=UTC", "NO_COLOR=1", "LANG=C.UTF-8", "RAPPORT_NOW=" + fixtureNow.Format(time.RFC3339)}
}

// TestImportFromTheAppTmux drives the built binary in a real terminal: on
// an empty book's welcome screen, i asks for a path, the dry run's summary
// shows and nothing is written until y; the app then shows Customers.
// There, I imports a bigger file: its check and its writing show their
// progress, then the status says what was imported (issue 21, expected).
func TestImportFromTheAppTmux(t *testing.T) {
	tmuxtest.Available(t)
	real, err := filepath.Abs(sharedFile(t, "real-files/csv/salesforce_contacts_export.csv"))
	if err != nil {
		t.Fatal(err)
	}
	big := filepath.Join(t.TempDir(), "leads.csv")
	var b strings.Builder
	b.WriteString("Name,Company,Email,Phone\n")
	const rows = 24000
	for i := 0; i < rows; i++ {
		fmt.Fprintf(&b, "Lead %05d,Company %d,lead%05d@example.com,+1 555 %07d\n", i, i%700, i, i)
	}
	if err := os.WriteFile(big, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	bin := tmuxtest.Build(t)
	d, _ := openBook(t)
	s := tmuxtest.Start(t, 120, 32, keysEnv(), bin, "--db", d.Path())
	s.WaitFor("import a file")
	s.Keys("i")
	s.WaitFor("Import customers from a CSV or Excel file", "File:")
	s.Text(real)
	s.Keys("Enter")
	s.WaitFor("salesforce_contacts_export.csv: 2 rows", "Would import: 1 created", "y import now")
	if empty, err := d.IsEmpty(context.Background()); err != nil || !empty {
		t.Fatalf("the dry run wrote to the book (%v)", err)
	}
	s.Keys("y")
	s.WaitFor("Imported salesforce_contacts_export.csv: 1 created", "Ada Lovelace", "1/1 · sort: risk")

	s.Keys("I")
	s.WaitFor("Import customers from a CSV or Excel file")
	s.Text(big)
	s.Keys("Enter")
	s.WaitFor("Checking leads.csv…", "Reading and checking…")
	s.WaitFor(fmt.Sprintf("leads.csv: %s rows", "24,000"), fmt.Sprintf("Would import: %d created", rows))
	s.Keys("y")
	s.WaitFor("Importing leads.csv…", "Writing…")
	s.WaitFor(fmt.Sprintf("Imported leads.csv: %d created", rows), "1/24,001 · sort: risk")
	s.Keys("q")
	s.WaitGone()
	if n := count(t, d, `SELECT count(*) FROM customers`); n != rows+1 {
		t.Fatalf("%d customers after the imports", n)
	}
}

// TestPickerTmux: with nothing due, i opens the log form with a customer
// field; typing 王伟 lists both 王伟 with their companies, ↓ enter picks
// the second, and the interaction is saved on that customer (issue 21,
// expected: the inline customer picker). Without colour, the notes box
// shows where its cursor is.
func TestPickerTmux(t *testing.T) {
	tmuxtest.Available(t)
	bin := tmuxtest.Build(t)
	d, _ := openBook(t)
	ctx := context.Background()
	var ids []int64
	for _, c := range []model.Customer{{Name: "王伟", Company: "华为", Tier: model.TierA, TierPinned: true}, {Name: "王伟", Company: "腾讯", Tier: model.TierB, TierPinned: true}} {
		c := c
		id, err := d.CreateCustomer(ctx, &c, nil)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	s := tmuxtest.Start(t, 100, 30, keysEnv(), bin, "--db", d.Path())
	s.WaitFor("2 Customers")
	s.Keys("1")
	// Today's sections, not only the summary line: i acts on what the
	// screen has loaded.
	s.WaitFor("0 overdue", "Due for a touch")
	s.Keys("i")
	s.WaitFor("Log an interaction", "Customer")
	s.Text("王伟")
	s.WaitFor("› 王伟 · 华为 · A", "王伟 · 腾讯 · B")
	s.Keys("Down")
	s.WaitFor("› 王伟 · 腾讯 · B")
	s.Keys("Enter")
	s.WaitFor("→ 王伟 · 腾讯 · B")
	s.Text("Called from the picker")
	// Under NO_COLOR the notes box shows its cursor too (issue 21 item 8).
	s.Keys("Tab", "Tab", "Tab", "Tab", "Tab", "Tab")
	s.WaitFor("› Details")
	s.Text("asked for a quote")
	s.WaitUntil("the notes cursor", func(screen string) bool {
		for _, l := range strings.Split(screen, "\n") {
			if strings.Contains(l, "Details") && strings.Contains(l, "asked for a quote█") {
				return true
			}
		}
		return false
	})
	s.Keys("C-s")
	s.WaitFor("Schedule the next follow-up?")
	s.Keys("Escape")
	s.WaitFor("No follow-up scheduled")
	s.Keys("q")
	s.WaitGone()
	if on := int64(count(t, d, `SELECT customer_id FROM interactions WHERE summary = 'Called from the picker'`)); on != ids[1] {
		t.Fatalf("the interaction is on customer %d, want %d (腾讯)", on, ids[1])
	}
}

// TestConflictMergeTmux: the app's customer form is open while the
// command line changes the customer's email; the phone typed in the form
// and the email both stand after ctrl+s, and the status says so (issue
// 21, expected: conflicts on different fields merge).
func TestConflictMergeTmux(t *testing.T) {
	tmuxtest.Available(t)
	bin := tmuxtest.Build(t)
	d, f := fixtureBook(t)
	s := tmuxtest.Start(t, 120, 30, keysEnv(), bin, "--db", d.Path())
	s.WaitFor("2 Customers")
	s.Keys("2")
	s.WaitFor("sort: risk")
	s.Keys("/")
	s.Text("Acme")
	s.WaitFor("/ Acme", "1/1 ")
	s.Keys("Enter")
	s.WaitFor("/ Acme")
	s.Keys("e")
	s.WaitFor("Edit customer · Acme Ltd")
	s.Keys("Tab", "Tab", "Tab")
	s.WaitFor("› Phone")
	s.Text("+44 20 7946 0000")
	s.WaitFor("+44 20 7946 0000")

	other, err := db.Open(context.Background(), d.Path(), db.Options{Now: d.Now})
	if err != nil {
		t.Fatal(err)
	}
	cu, err := other.Customer(context.Background(), f.Acme)
	if err != nil {
		t.Fatal(err)
	}
	cu.Email = "sales@acme.example"
	if err := other.UpdateCustomer(context.Background(), &cu); err != nil {
		t.Fatal(err)
	}
	other.Close()

	s.Keys("C-s")
	s.WaitFor("Saved customer Acme Ltd, merged with a change made elsewhere (email)")
	s.Keys("q")
	s.WaitGone()
	if got := text(t, d, `SELECT email || ' ' || phone FROM customers WHERE id = ?`, f.Acme); got != "sales@acme.example +44 20 7946 0000" {
		t.Fatalf("saved %q, want both changes", got)
	}
}
