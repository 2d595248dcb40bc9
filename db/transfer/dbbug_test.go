package transfer

import (
	"context"
	"testing"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model"
)

// TestUndoRangeOfDealHistory shows a bug in db (undo.go touchRange): undoing
// a Tx.JournalRange over deal_stage_history looks for a customer_id column
// that table does not have, so the undo fails ("no such column:
// customer_id"). The deals import journals history rows one by one until
// this is fixed.
func TestUndoRangeOfDealHistory(t *testing.T) {
	ctx := context.Background()
	d := openBook(t)
	id, err := d.CreateCustomer(ctx, &model.Customer{Name: "Acme"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	stages, _ := d.Stages(ctx)
	err = d.Write(ctx, "bulk deals", func(tx *db.Tx) error {
		res, err := tx.Q().ExecContext(ctx, `INSERT INTO deals (customer_id, title, value_minor, currency, stage_id, stage_changed_at, status, created_at, updated_at)
			VALUES (?, 'x', 0, 'USD', ?, 1, 'open', 1, 1)`, id, stages[0].ID)
		if err != nil {
			return err
		}
		dealID, _ := res.LastInsertId()
		res, err = tx.Q().ExecContext(ctx, `INSERT INTO deal_stage_history (deal_id, to_stage_id, changed_at) VALUES (?, ?, 1)`, dealID, stages[0].ID)
		if err != nil {
			return err
		}
		hid, _ := res.LastInsertId()
		tx.Touch(id)
		if err := tx.JournalRange("deals", dealID, dealID); err != nil {
			return err
		}
		return tx.JournalRange("deal_stage_history", hid, hid)
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := d.Undo(ctx); err != nil {
		t.Fatalf("undo of a compact deal_stage_history range: %v", err)
	}
}
