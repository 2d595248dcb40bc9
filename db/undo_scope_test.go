package db

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/rapportcrm/rapport/model"
)

// Undo restores only what its command changed (issue 27 item 7): a tier
// the daily segmentation moved since stays, a field something else changed
// since makes undo refuse naming it, and undoing a tier change removes its
// tier history record.
func TestUndoRestoresOnlyWhatItsCommandChanged(t *testing.T) {
	ctx := context.Background()
	d, _ := openTest(t)
	id := mustCustomer(t, d, "王芳")
	c, _ := d.Customer(ctx, id)
	c.Notes = "x"
	if err := d.UpdateCustomer(ctx, &c); err != nil {
		t.Fatal(err)
	}
	// The next day's segmentation moves the customer C → B the way Refresh
	// does: no journal, no version bump.
	if _, err := d.w.ExecContext(ctx, `UPDATE customers SET tier = 'B' WHERE id = ?`, id); err != nil {
		t.Fatal(err)
	}
	if _, err := d.Undo(ctx); err != nil {
		t.Fatalf("undo of the notes edit: %v", err)
	}
	got, _ := d.Customer(ctx, id)
	if got.Notes != "" || got.Tier != model.TierB {
		t.Fatalf("after undo: notes %q tier %s, want notes back to empty and the segmentation's tier B kept", got.Notes, got.Tier)
	}
	if _, err := d.Redo(ctx); err != nil {
		t.Fatal(err)
	}

	// Something else changes the same field since: undo refuses, naming it.
	if _, err := d.w.ExecContext(ctx, `UPDATE customers SET notes = 'edited elsewhere' WHERE id = ?`, id); err != nil {
		t.Fatal(err)
	}
	_, err := d.Undo(ctx)
	if !errors.Is(err, model.ErrConflict) || !strings.Contains(err.Error(), "notes") {
		t.Fatalf("undo over a later change to the same field: %v", err)
	}
	if got, _ := d.Customer(ctx, id); got.Notes != "edited elsewhere" {
		t.Fatalf("the refused undo changed notes to %q", got.Notes)
	}
	if _, err := d.w.ExecContext(ctx, `UPDATE customers SET notes = 'x' WHERE id = ?`, id); err != nil {
		t.Fatal(err)
	}

	// A tier change by a command: undo removes its tier history record too.
	tierChanges := func() int {
		var n int
		d.r.QueryRow(`SELECT count(*) FROM tier_changes WHERE customer_id = ?`, id).Scan(&n)
		return n
	}
	before := tierChanges()
	c, _ = d.Customer(ctx, id)
	c.Tier, c.TierPinned = model.TierA, true
	if err := d.UpdateCustomer(ctx, &c); err != nil {
		t.Fatal(err)
	}
	if tierChanges() != before+1 {
		t.Fatalf("the tier change was not recorded")
	}
	if _, err := d.Undo(ctx); err != nil {
		t.Fatal(err)
	}
	if n := tierChanges(); n != before {
		t.Errorf("after undo %d tier changes recorded, want %d", n, before)
	}
	if _, err := d.Redo(ctx); err != nil {
		t.Fatal(err)
	}
	if n := tierChanges(); n != before+1 {
		t.Errorf("after redo %d tier changes recorded, want %d", n, before+1)
	}
}

// The app undoes its own commands and asks about others': LastChangeFrom
// tells which handle made the last command.
func TestLastChangeFromTellsWhoMadeIt(t *testing.T) {
	ctx := context.Background()
	app, clk := openTest(t)
	mustCustomer(t, app, "Acme")
	desc, mine, err := app.LastChangeFrom(ctx)
	if err != nil || !mine || !strings.Contains(desc, "Acme") {
		t.Fatalf("own command: %q %v %v", desc, mine, err)
	}
	cli, err := Open(ctx, app.Path(), Options{Now: clk.now, MustExist: true})
	if err != nil {
		t.Fatal(err)
	}
	defer cli.Close()
	mustCustomer(t, cli, "王芳")
	desc, mine, err = app.LastChangeFrom(ctx)
	if err != nil || mine || !strings.Contains(desc, "王芳") {
		t.Fatalf("another handle's command: %q %v %v", desc, mine, err)
	}
}
