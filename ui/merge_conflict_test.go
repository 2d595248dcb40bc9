package ui

import (
	"context"
	"testing"

	"github.com/rapportcrm/rapport/db"
)

// TestConflictOnOtherFieldsMerges: while the app's form is open over a
// customer, another handle changes its email; the user changes its phone
// and saves. Both changes are kept, the status says the save merged with
// a change made elsewhere and names it, and u takes back the user's edit
// alone (issue 21).
func TestConflictOnOtherFieldsMerges(t *testing.T) {
	d, f := fixtureBook(t)
	a := newTestApp(t, d, 100, 30)
	filterTo(t, a, "Acme")
	openForm(t, a, "e")
	press(t, a, "tab", "tab", "tab", "+44 20 7946 0000") // phone

	other, err := db.Open(context.Background(), d.Path(), db.Options{Now: d.Now})
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	cu, _ := other.Customer(context.Background(), f.Acme)
	cu.Email = "sales@acme.example"
	if err := other.UpdateCustomer(context.Background(), &cu); err != nil {
		t.Fatal(err)
	}

	press(t, a, "ctrl+s")
	mustClose(t, a)
	if got := text(t, d, `SELECT email || ' ' || phone FROM customers WHERE id = ?`, f.Acme); got != "sales@acme.example +44 20 7946 0000" {
		t.Fatalf("saved %q, want both changes", got)
	}
	mustContain(t, a.Status(), "Saved customer Acme Ltd, merged with a change made elsewhere (email)")
	press(t, a, "u")
	if got := text(t, d, `SELECT email || ' ' || phone FROM customers WHERE id = ?`, f.Acme); got != "sales@acme.example " {
		t.Fatalf("after u: %q, want the other writer's email kept and the phone undone", got)
	}
}

// A deal edited in the form while another handle moved it: the title the
// user typed and the other writer's stage both stand.
func TestDealConflictMergesAMoveMadeElsewhere(t *testing.T) {
	d, f := pipelineBook(t)
	a, p := pipelineApp(t, d, 160, 40)
	selectDeal(t, a, p, f.Fleet)
	openForm(t, a, "e")
	press(t, a, "ctrl+a", "ctrl+k", "Fleet upgrade II")

	other, err := db.Open(context.Background(), d.Path(), db.Options{Now: d.Now})
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	if _, err := other.MoveDeal(context.Background(), f.Fleet, f.StageNamed(t, "Negotiation").ID, "", false); err != nil {
		t.Fatal(err)
	}
	press(t, a, "ctrl+s")
	mustClose(t, a)
	dl, err := d.Deal(context.Background(), f.Fleet)
	if err != nil {
		t.Fatal(err)
	}
	if dl.Title != "Fleet upgrade II" || dl.StageID != f.StageNamed(t, "Negotiation").ID {
		t.Fatalf("after the merge: %q in stage %d", dl.Title, dl.StageID)
	}
	mustContain(t, a.Status(), "merged with a change made elsewhere")
}
