package db

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/model/i18n"
)

// ArchiveKinds maps the KIND argument of archive/restore to its table.
func ArchiveKinds() map[string]string {
	return map[string]string{
		"customer": "customers", "contact": "contacts", "deal": "deals", "interaction": "interactions",
		"followup": "followups", "follow-up": "followups", "order": "orders",
	}
}

func archiveTable(kind string) (string, error) {
	t, ok := ArchiveKinds()[strings.ToLower(kind)]
	if !ok {
		return "", model.Invalid("kind", "%q is not something that can be archived: use customer, contact, deal, interaction, followup or order", kind)
	}
	return t, nil
}

// SetArchived archives (or restores) one row as one command. Archived rows
// disappear from views and counts and can be restored.
func (d *DB) SetArchived(ctx context.Context, kind string, id int64, archived bool) error {
	table, err := archiveTable(kind)
	if err != nil {
		return err
	}
	verb := "archive"
	if !archived {
		verb = "restore"
	}
	return d.Write(ctx, fmt.Sprintf("%s %s %d", verb, singular(table), id), func(t *Tx) error {
		return t.SetArchived(table, id, archived)
	})
}

// SetArchived archives or restores a row of table inside t.
func (t *Tx) SetArchived(table string, id int64, archived bool) error {
	var cur int64
	var cid int64
	col := "customer_id"
	if table == "customers" {
		col = "id"
	}
	err := t.tx.QueryRowContext(t.ctx, "SELECT coalesce(archived_at, 0), "+col+" FROM "+table+" WHERE id = ?", id).Scan(&cur, &cid)
	if err != nil {
		return i18n.Errorf("%s %d: %w", singular(table), id, model.ErrNotFound)
	}
	if archived && cur != 0 {
		return model.Invalid("id", "%s %d is already archived", singular(table), id)
	}
	if !archived && cur == 0 {
		return model.Invalid("id", "%s %d is not archived", singular(table), id)
	}
	var v any
	if archived {
		v = t.now.Unix()
	}
	if err := t.Update(table, id, 0, []string{"archived_at"}, []any{v}); err != nil {
		return err
	}
	t.Touch(cid)
	return nil
}

// Purge removes for good every row archived before the given moment
// (customers with everything that belongs to them). It is not undoable.
// It returns how many rows of each table went.
func (d *DB) Purge(ctx context.Context, before time.Time) (map[string]int64, error) {
	out := map[string]int64{}
	err := d.Write(ctx, "", func(t *Tx) error {
		for _, table := range []string{"interactions", "followups", "orders", "contacts", "deals", "customers"} {
			col := "customer_id"
			if table == "customers" {
				col = "id"
			}
			ids, err := queryIDs(ctx, t.tx, "SELECT DISTINCT "+col+" FROM "+table+" WHERE archived_at IS NOT NULL AND archived_at < ?", before.Unix())
			if err != nil {
				return err
			}
			for _, id := range ids {
				t.Touch(id)
			}
			if table == "deals" {
				if _, err := t.tx.ExecContext(ctx, `DELETE FROM deal_stage_history WHERE deal_id IN (SELECT id FROM deals WHERE archived_at IS NOT NULL AND archived_at < ?)`, before.Unix()); err != nil {
					return err
				}
			}
			res, err := t.tx.ExecContext(ctx, "DELETE FROM "+table+" WHERE archived_at IS NOT NULL AND archived_at < ?", before.Unix())
			if err != nil {
				return err
			}
			out[table], _ = res.RowsAffected()
		}
		// The journal must not bring purged rows back.
		_, err := t.tx.ExecContext(ctx, `DELETE FROM change_batches`)
		return err
	})
	return out, err
}
