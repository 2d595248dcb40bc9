package db

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/model/i18n"
)

// ErrNothingToUndo is returned by Undo/Redo when the journal has nothing.
var ErrNothingToUndo = i18n.Errorf("nothing to undo")

// ErrNothingToRedo is returned by Redo when nothing was undone.
var ErrNothingToRedo = i18n.Errorf("nothing to redo")

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
		t.quiet = true // an undo puts rows back; rules answer commands, not undo
		q := `SELECT id, description FROM change_batches WHERE state = 'done' ORDER BY id DESC LIMIT 1`
		if !undo {
			q = `SELECT id, description FROM change_batches WHERE state = 'undone' ORDER BY id ASC LIMIT 1`
		}
		q = strings.Replace(q, "SELECT id, description", "SELECT id, description, at", 1)
		var batch, at int64
		if err := t.tx.QueryRowContext(ctx, q).Scan(&batch, &desc, &at); err != nil {
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
		if err := t.syncTierHistory(cs, at, undo); err != nil {
			return err
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
	var curImg map[string]any
	if cur != nil {
		if curImg, err = decodeImage(*cur); err != nil {
			return err
		}
	}
	// Refuse to clobber a later change: what the command wrote must still
	// be there.
	switch {
	case fromImg != nil && curImg == nil:
		return i18n.Errorf("%s %v was removed since; %w", singular(table), keys[0], errConflictUndo)
	case fromImg == nil && curImg != nil:
		return i18n.Errorf("%s %v exists again; %w", singular(table), keys[0], errConflictUndo)
	}
	t.touchImage(table, fromImg)
	t.touchImage(table, toImg)
	switch {
	case toImg == nil:
		if hasCol(m.cols, "version") && fmt.Sprint(curImg["version"]) != fmt.Sprint(fromImg["version"]) {
			return i18n.Errorf("%s %v was changed again since; %w", singular(table), keys[0], errConflictUndo)
		}
		_, err = t.tx.ExecContext(t.ctx, "DELETE FROM "+table+" WHERE "+keyWhere(m.keys), keys...)
	case fromImg == nil:
		vals := make([]any, len(m.cols))
		for i, c := range m.cols {
			vals[i] = toImg[c]
		}
		_, err = t.tx.ExecContext(t.ctx, "INSERT INTO "+table+" ("+strings.Join(m.cols, ", ")+") VALUES ("+placeholders(len(m.cols))+")", vals...)
	default:
		err = t.restoreColumns(table, m, keys, fromImg, toImg, curImg)
	}
	return err
}

// bookkeeping columns are not part of what a command changed.
func bookkeeping(col string) bool { return col == "version" || col == "updated_at" }

// restoreColumns moves only the columns the command changed (from → to),
// leaving every other column as it is now (a tier the daily segmentation
// moved since, say). When one of those columns no longer holds what the
// command left there, something else changed it since: refuse, naming it.
func (t *Tx) restoreColumns(table string, m tableMeta, keys []any, fromImg, toImg, curImg map[string]any) error {
	var set []string
	var vals []any
	var changed []string
	for _, c := range m.cols {
		if bookkeeping(c) || fmt.Sprint(fromImg[c]) == fmt.Sprint(toImg[c]) {
			continue
		}
		if fmt.Sprint(curImg[c]) != fmt.Sprint(fromImg[c]) {
			changed = append(changed, c)
			continue
		}
		set = append(set, c+" = ?")
		vals = append(vals, toImg[c])
	}
	if len(changed) > 0 {
		return i18n.Errorf("the %s of %s %v changed since (by another command, another program or the daily refresh); %w",
			strings.Join(changed, ", "), singular(table), keys[0], errConflictUndo)
	}
	if len(set) == 0 {
		return nil
	}
	if hasCol(m.cols, "version") {
		if fmt.Sprint(curImg["version"]) == fmt.Sprint(fromImg["version"]) {
			// Nothing that counts as an edit happened since: the row's
			// bookkeeping goes back exactly too.
			set = append(set, "version = ?", "updated_at = ?")
			vals = append(vals, toImg["version"], toImg["updated_at"])
		} else {
			set = append(set, "version = version + 1", "updated_at = ?")
			vals = append(vals, t.now.Unix())
		}
	}
	vals = append(vals, keys...)
	_, err := t.tx.ExecContext(t.ctx, "UPDATE "+table+" SET "+strings.Join(set, ", ")+" WHERE "+keyWhere(m.keys), vals...)
	return err
}

// syncTierHistory keeps the tier history in step with an undone or redone
// command: each tier change the command made was recorded in tier_changes
// at the command's time (not journaled, as the daily segmentation's are
// not); undo removes that record, redo writes it again.
func (t *Tx) syncTierHistory(cs []change, at int64, undo bool) error {
	for _, c := range cs {
		if c.table != "customers" || !c.before.Valid || !c.after.Valid {
			continue
		}
		before, err1 := decodeImage(c.before.String)
		after, err2 := decodeImage(c.after.String)
		if err1 != nil || err2 != nil {
			continue
		}
		from, to := fmt.Sprint(before["tier"]), fmt.Sprint(after["tier"])
		if from == to {
			continue
		}
		if undo {
			_, err := t.tx.ExecContext(t.ctx, `DELETE FROM tier_changes WHERE id = (SELECT max(id) FROM tier_changes
				WHERE customer_id = ? AND from_tier = ? AND to_tier = ? AND changed_at = ?)`, c.rowID, from, to, at)
			if err != nil {
				return err
			}
			continue
		}
		if err := recordTierChange(t.ctx, t.tx, c.rowID, model.Tier(from), model.Tier(to), at); err != nil {
			return err
		}
	}
	return nil
}

var errConflictUndo = i18n.Errorf("undo would overwrite a later change (%w)", model.ErrConflict)

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

// LastChangeFrom describes the command Undo would revert ("" when none)
// and whether this handle made it. The app undoes its own last command
// directly and asks first when the last change came from elsewhere (the
// command line, another window): "Undo 'log call with 王芳' made elsewhere?".
func (d *DB) LastChangeFrom(ctx context.Context) (desc string, mine bool, err error) {
	var id int64
	err = d.r.QueryRowContext(ctx, `SELECT id, description FROM change_batches WHERE state = 'done' ORDER BY id DESC LIMIT 1`).Scan(&id, &desc)
	if errors.Is(err, sql.ErrNoRows) {
		return "", false, nil
	}
	if err != nil {
		return "", false, err
	}
	d.ownMu.Lock()
	mine = d.own[id]
	d.ownMu.Unlock()
	return desc, mine, nil
}
