package db

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/rapportcrm/rapport/model"
)

// ErrNothingToUndo is returned by Undo/Redo when the journal has nothing.
var ErrNothingToUndo = errors.New("nothing to undo")

// ErrNothingToRedo is returned by Redo when nothing was undone.
var ErrNothingToRedo = errors.New("nothing to redo")

type change struct {
	id     int64
	table  string
	rowID  int64
	rowTo  sql.NullInt64
	before sql.NullString
	after  sql.NullString
}

// Undo reverts the last command as a whole and returns its description.
// It refuses (model.ErrConflict) when a row the command wrote was changed
// again since, instead of overwriting that later change.
func (d *DB) Undo(ctx context.Context) (string, error) { return d.undoRedo(ctx, true) }

// Redo re-applies the last undone command and returns its description.
func (d *DB) Redo(ctx context.Context) (string, error) { return d.undoRedo(ctx, false) }

func (d *DB) undoRedo(ctx context.Context, undo bool) (string, error) {
	var desc string
	err := d.Write(ctx, "", func(t *Tx) error {
		q := `SELECT id, description FROM change_batches WHERE state = 'done' ORDER BY id DESC LIMIT 1`
		if !undo {
			q = `SELECT id, description FROM change_batches WHERE state = 'undone' ORDER BY id ASC LIMIT 1`
		}
		var batch int64
		if err := t.tx.QueryRowContext(ctx, q).Scan(&batch, &desc); err != nil {
			if errors.Is(err, sql.ErrNoRows) {
				if undo {
					return ErrNothingToUndo
				}
				return ErrNothingToRedo
			}
			return err
		}
		order := "DESC"
		if !undo {
			order = "ASC"
		}
		rows, err := t.tx.QueryContext(ctx, `SELECT id, tbl, row_id, row_id_to, before, after FROM changes WHERE batch_id = ? ORDER BY id `+order, batch)
		if err != nil {
			return err
		}
		var cs []change
		for rows.Next() {
			var c change
			if err := rows.Scan(&c.id, &c.table, &c.rowID, &c.rowTo, &c.before, &c.after); err != nil {
				rows.Close()
				return err
			}
			cs = append(cs, c)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		for _, c := range cs {
			if c.rowTo.Valid {
				if err := t.applyRange(c, undo); err != nil {
					return err
				}
				continue
			}
			from, to := c.after, c.before
			if !undo {
				from, to = c.before, c.after
			}
			if err := t.applyImage(c.table, from, to); err != nil {
				return err
			}
		}
		state := "undone"
		if !undo {
			state = "done"
		}
		_, err = t.tx.ExecContext(ctx, `UPDATE change_batches SET state = ? WHERE id = ?`, state, batch)
		return err
	})
	return desc, err
}

// applyImage moves a row from image `from` (what the journal says it is
// now) to image `to`: insert, update or delete.
func (t *Tx) applyImage(table string, from, to sql.NullString) error {
	m, ok := t.d.tables[table]
	if !ok {
		return fmt.Errorf("journal names unknown table %s", table)
	}
	var fromImg, toImg map[string]any
	var err error
	if from.Valid {
		if fromImg, err = decodeImage(from.String); err != nil {
			return err
		}
	}
	if to.Valid {
		if toImg, err = decodeImage(to.String); err != nil {
			return err
		}
	}
	ref := fromImg
	if ref == nil {
		ref = toImg
	}
	keys := make([]any, len(m.keys))
	for i, k := range m.keys {
		keys[i] = ref[k]
	}
	cur, err := t.image(table, keys...)
	if err != nil {
		return err
	}
	// Refuse to clobber a later change: the row must still be as the
	// journal left it (same version where the table has one).
	if fromImg != nil {
		if cur == nil {
			return fmt.Errorf("%s %v was removed since; %w", singular(table), keys[0], errConflictUndo)
		}
		if hasCol(m.cols, "version") {
			curImg, err := decodeImage(*cur)
			if err != nil {
				return err
			}
			if fmt.Sprint(curImg["version"]) != fmt.Sprint(fromImg["version"]) {
				return fmt.Errorf("%s %v was changed again since; %w", singular(table), keys[0], errConflictUndo)
			}
		}
	} else if cur != nil {
		return fmt.Errorf("%s %v exists again; %w", singular(table), keys[0], errConflictUndo)
	}
	t.touchImage(table, fromImg)
	t.touchImage(table, toImg)
	switch {
	case toImg == nil:
		_, err = t.tx.ExecContext(t.ctx, "DELETE FROM "+table+" WHERE "+keyWhere(m.keys), keys...)
	case fromImg == nil:
		vals := make([]any, len(m.cols))
		for i, c := range m.cols {
			vals[i] = toImg[c]
		}
		_, err = t.tx.ExecContext(t.ctx, "INSERT INTO "+table+" ("+strings.Join(m.cols, ", ")+") VALUES ("+placeholders(len(m.cols))+")", vals...)
	default:
		set := make([]string, len(m.cols))
		vals := make([]any, 0, len(m.cols)+len(keys))
		for i, c := range m.cols {
			set[i] = c + " = ?"
			vals = append(vals, toImg[c])
		}
		vals = append(vals, keys...)
		_, err = t.tx.ExecContext(t.ctx, "UPDATE "+table+" SET "+strings.Join(set, ", ")+" WHERE "+keyWhere(m.keys), vals...)
	}
	return err
}

var errConflictUndo = fmt.Errorf("undo would overwrite a later change (%w)", model.ErrConflict)

// touchImage marks the customer a journaled row belongs to.
func (t *Tx) touchImage(table string, img map[string]any) {
	if img == nil {
		return
	}
	switch table {
	case "customers":
		if id, ok := img["id"].(int64); ok {
			t.Touch(id)
		}
	case "deal_stage_history":
		if id, ok := img["deal_id"].(int64); ok {
			var cid int64
			if t.tx.QueryRowContext(t.ctx, `SELECT customer_id FROM deals WHERE id = ?`, id).Scan(&cid) == nil {
				t.Touch(cid)
			}
		}
	case "stages", "settings":
		t.TouchAll()
	default:
		if id, ok := img["customer_id"].(int64); ok {
			t.Touch(id)
		}
	}
}

// applyRange undoes or redoes a compact bulk insert of rows row_id..row_id_to.
// Undo keeps the rows' images in the change so redo can restore them.
func (t *Tx) applyRange(c change, undo bool) error {
	m := t.d.tables[c.table]
	if undo {
		rows, err := t.tx.QueryContext(t.ctx, "SELECT "+jsonObjectExpr(m.cols)+" FROM "+c.table+" WHERE id BETWEEN ? AND ? ORDER BY id", c.rowID, c.rowTo.Int64)
		if err != nil {
			return err
		}
		var imgs []json.RawMessage
		for rows.Next() {
			var s string
			if err := rows.Scan(&s); err != nil {
				rows.Close()
				return err
			}
			imgs = append(imgs, json.RawMessage(s))
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		b, _ := json.Marshal(imgs)
		if _, err := t.tx.ExecContext(t.ctx, `UPDATE changes SET after = ? WHERE id = ?`, string(b), c.id); err != nil {
			return err
		}
		if err := t.touchRange(c.table, c.rowID, c.rowTo.Int64); err != nil {
			return err
		}
		_, err = t.tx.ExecContext(t.ctx, "DELETE FROM "+c.table+" WHERE id BETWEEN ? AND ?", c.rowID, c.rowTo.Int64)
		return err
	}
	var imgs []json.RawMessage
	if err := json.Unmarshal([]byte(c.after.String), &imgs); err != nil {
		return fmt.Errorf("journal: cannot redo bulk insert into %s: %w", c.table, err)
	}
	ins := "INSERT INTO " + c.table + " (" + strings.Join(m.cols, ", ") + ") VALUES (" + placeholders(len(m.cols)) + ")"
	st, err := t.tx.PrepareContext(t.ctx, ins)
	if err != nil {
		return err
	}
	defer st.Close()
	for _, raw := range imgs {
		img, err := decodeImage(string(raw))
		if err != nil {
			return err
		}
		vals := make([]any, len(m.cols))
		for i, col := range m.cols {
			vals[i] = img[col]
		}
		if _, err := st.ExecContext(t.ctx, vals...); err != nil {
			return err
		}
	}
	if _, err := t.tx.ExecContext(t.ctx, `UPDATE changes SET after = NULL WHERE id = ?`, c.id); err != nil {
		return err
	}
	return t.touchRange(c.table, c.rowID, c.rowTo.Int64)
}

func (t *Tx) touchRange(table string, from, to int64) error {
	var q string
	switch table {
	case "customers":
		q = "SELECT id FROM customers WHERE id BETWEEN ? AND ?"
	case "deal_stage_history":
		q = "SELECT DISTINCT d.customer_id FROM deal_stage_history h JOIN deals d ON d.id = h.deal_id WHERE h.id BETWEEN ? AND ?"
	case "tags", "stages", "settings":
		return nil
	default:
		q = "SELECT DISTINCT customer_id FROM " + table + " WHERE id BETWEEN ? AND ?"
	}
	ids, err := queryIDs(t.ctx, t.tx, q, from, to)
	if err != nil {
		return err
	}
	for _, id := range ids {
		t.Touch(id)
	}
	return nil
}

// LastChange describes the command Undo would revert ("" when none).
func (d *DB) LastChange(ctx context.Context) (string, error) {
	var s string
	err := d.r.QueryRowContext(ctx, `SELECT description FROM change_batches WHERE state = 'done' ORDER BY id DESC LIMIT 1`).Scan(&s)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return s, err
}
