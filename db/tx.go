package db

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/model/i18n"
)

// Tx is one user command's write transaction. Every change made through it
// is journaled in one undo batch (when the command has a description), and
// the stats of every customer it touched are recomputed before it commits.
type Tx struct {
	d       *DB
	ctx     context.Context
	tx      *sql.Tx
	desc    string
	batch   int64
	touched map[int64]struct{}
	all     bool // recompute every customer's stats before commit
	now     time.Time
	events  []ruleEvent // what playbook rules answer before commit (see notice)
	quiet   bool        // undo and redo: no rule fires
	// stmts are the statements prepared in this transaction, by text: a
	// rule that schedules hundreds of follow-ups in one refresh parses each
	// of its statements once (database/sql closes them with the
	// transaction).
	stmts map[string]*sql.Stmt
	// scheduled receives the follow-ups rules make (NoteScheduled).
	scheduled *[]RuleFollowup
}

// prepared returns the transaction's statement for q, preparing it once.
func (t *Tx) prepared(q string) (*sql.Stmt, error) {
	if st, ok := t.stmts[q]; ok {
		return st, nil
	}
	st, err := t.tx.PrepareContext(t.ctx, q)
	if err != nil {
		return nil, err
	}
	if t.stmts == nil {
		t.stmts = map[string]*sql.Stmt{}
	}
	t.stmts[q] = st
	return st, nil
}

// exec runs q with args through its prepared statement.
func (t *Tx) exec(q string, args ...any) (sql.Result, error) {
	st, err := t.prepared(q)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(t.ctx, args...)
}

// queryRow runs q with args through its prepared statement and scans its
// one row into dest (sql.ErrNoRows when there is none).
func (t *Tx) queryRow(q string, args []any, dest ...any) error {
	st, err := t.prepared(q)
	if err != nil {
		return err
	}
	return st.QueryRowContext(t.ctx, args...).Scan(dest...)
}

// Q returns the transaction as a Querier.
func (t *Tx) Q() Querier { return t.tx }

// Now returns the moment the transaction started.
func (t *Tx) Now() time.Time { return t.now }

// Today returns the local date the transaction started on.
func (t *Tx) Today() model.Day { return model.DayOf(t.now) }

// Touch marks a customer whose stats must be recomputed before commit.
func (t *Tx) Touch(customerID int64) {
	if customerID > 0 {
		t.touched[customerID] = struct{}{}
	}
}

// TouchAll asks for every customer's stats to be recomputed before commit
// (a setting or stage that affects everyone changed).
func (t *Tx) TouchAll() { t.all = true }

// Write runs fn in one immediate transaction. desc names the command in the
// undo journal ("" for changes that are not user commands, e.g. Refresh).
// All of it lands or none of it.
func (d *DB) Write(ctx context.Context, desc string, fn func(t *Tx) error) error {
	if d.readOnly && d.notSaved != nil {
		return i18n.Errorf("%w: nothing was saved, the book cannot take writes now: %v", ErrReadOnly, d.notSaved)
	}
	if d.readOnly {
		return i18n.Errorf("%w: %s is read-only for this user; nothing was saved (check the permissions of the file and its folder)", ErrReadOnly, d.path)
	}
	if err := d.CheckFile(); err != nil {
		return err
	}
	sqlTx, err := d.begin(ctx)
	if err != nil {
		return mapError(err)
	}
	t := &Tx{d: d, ctx: ctx, tx: sqlTx, desc: desc, touched: map[int64]struct{}{}, now: d.now()}
	if err := fn(t); err != nil {
		sqlTx.Rollback()
		return mapError(err)
	}
	// Rules fire, then stats are recomputed (settle, in playbook_fire.go).
	if err := t.settle(); err != nil {
		sqlTx.Rollback()
		return mapError(err)
	}
	// The file may have been replaced while the command ran: commit nothing
	// into the old one.
	if err := d.CheckFile(); err != nil {
		sqlTx.Rollback()
		return err
	}
	if err := sqlTx.Commit(); err != nil {
		sqlTx.Rollback()
		return mapError(err)
	}
	if t.batch != 0 {
		d.ownMu.Lock()
		if d.own == nil {
			d.own = map[int64]bool{}
		}
		d.own[t.batch] = true
		d.ownMu.Unlock()
	}
	d.checkpoint(ctx)
	return nil
}

// checkpoint copies the committed pages from the WAL into the file and
// empties the WAL, without waiting for anyone (busy_timeout 0 for that one
// statement). A WAL left holding pages is what corrupts a book renamed over
// while open: the WAL is found by name, so the next process to open the
// path would recover the old book's pages into the new file. Best effort:
// when a reader or another writer is busy, the WAL stays until the next time.
func (d *DB) checkpoint(ctx context.Context) {
	conn, err := d.w.Conn(ctx)
	if err != nil {
		return
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "PRAGMA busy_timeout = 0"); err != nil {
		return
	}
	conn.ExecContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)")
	conn.ExecContext(ctx, fmt.Sprintf("PRAGMA busy_timeout = %d", busyTimeoutMS))
}

// begin starts the immediate write transaction. BEGIN IMMEDIATE waits
// busy_timeout (5 s) for another writer. While the lock's holder is a live
// process (a long import), it keeps waiting as long as that process lives,
// saying so once through OnWait; with no holder to be seen it retries a
// while (30 s) and gives up with ErrBusy.
func (d *DB) begin(ctx context.Context) (*sql.Tx, error) {
	told := false
	tell := func() {
		if told || d.onWait == nil {
			return
		}
		if pid, ok := writeLockHolder(d.path); ok && processAlive(pid) {
			d.onWait(model.Sanitize(fmt.Sprintf("waiting for %s to finish writing %s…", describeProcess(pid), d.path)))
			told = true
		}
	}
	tell()
	for attempt := 0; ; attempt++ {
		tx, err := d.w.BeginTx(ctx, nil)
		if err == nil || !isBusy(err) || ctx.Err() != nil {
			return tx, err
		}
		if pid, ok := writeLockHolder(d.path); ok && processAlive(pid) {
			tell()
			continue
		}
		if attempt >= 5 {
			return tx, err
		}
	}
}

// ensureBatch opens the undo batch on the first journaled change, and drops
// the redo stack (a new command makes undone ones unreachable).
func (t *Tx) ensureBatch() error {
	if t.batch != 0 || t.desc == "" {
		return nil
	}
	if _, err := t.tx.ExecContext(t.ctx, `DELETE FROM change_batches WHERE state = 'undone'`); err != nil {
		return err
	}
	res, err := t.tx.ExecContext(t.ctx, `INSERT INTO change_batches (at, description) VALUES (?, ?)`, t.now.Unix(), t.desc)
	if err != nil {
		return err
	}
	t.batch, err = res.LastInsertId()
	return err
}

func (t *Tx) journal(table string, rowID int64, before, after *string) error {
	if t.desc == "" {
		return nil
	}
	if err := t.ensureBatch(); err != nil {
		return err
	}
	_, err := t.exec(`INSERT INTO changes (batch_id, tbl, row_id, before, after) VALUES (?,?,?,?,?)`,
		t.batch, table, rowID, before, after)
	return err
}

// JournalRange records compactly that rows from..to of table were inserted by
// this command (bulk imports): undo deletes them, keeping their images so
// redo can put them back.
func (t *Tx) JournalRange(table string, from, to int64) error {
	if t.desc == "" || to < from {
		return nil
	}
	if err := t.ensureBatch(); err != nil {
		return err
	}
	_, err := t.tx.ExecContext(t.ctx, `INSERT INTO changes (batch_id, tbl, row_id, row_id_to) VALUES (?,?,?,?)`, t.batch, table, from, to)
	return err
}

// image returns the JSON image of one row, or nil when it does not exist.
func (t *Tx) image(table string, keys ...any) (*string, error) {
	m, ok := t.d.tables[table]
	if !ok {
		return nil, fmt.Errorf("table %s is not journaled", table)
	}
	var s sql.NullString
	err := t.queryRow("SELECT "+jsonObjectExpr(m.cols)+" FROM "+table+" WHERE "+keyWhere(m.keys), keys, &s)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &s.String, nil
}

func jsonObjectExpr(cols []string) string {
	parts := make([]string, len(cols))
	for i, c := range cols {
		parts[i] = fmt.Sprintf("'%s', %s", c, c)
	}
	return "json_object(" + strings.Join(parts, ", ") + ")"
}

func keyWhere(keys []string) string {
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = k + " = ?"
	}
	return strings.Join(parts, " AND ")
}

// Insert adds a row and journals it. cols and vals pair up; created_at,
// updated_at (and version) are filled for tables that have them.
func (t *Tx) Insert(table string, cols []string, vals []any) (int64, error) {
	m := t.d.tables[table]
	if hasCol(m.cols, "created_at") && !hasCol(cols, "created_at") {
		cols = append(cols, "created_at", "updated_at")
		vals = append(vals, t.now.Unix(), t.now.Unix())
	}
	q := "INSERT INTO " + table + " (" + strings.Join(cols, ", ") + ") VALUES (" + placeholders(len(cols)) + ")"
	res, err := t.exec(q, vals...)
	if err != nil {
		return 0, err
	}
	id, err := res.LastInsertId()
	if err != nil || t.desc == "" {
		// Not a user command: nothing is journaled, so no image is read.
		return id, err
	}
	img, err := t.image(table, id)
	if err != nil {
		return 0, err
	}
	return id, t.journal(table, id, nil, img)
}

// Update changes columns of row id, checking its version when version > 0
// (a stale version returns model.ErrConflict and writes nothing), bumping
// version and updated_at, and journals the before and after images.
func (t *Tx) Update(table string, id, version int64, cols []string, vals []any) error {
	before, err := t.image(table, id)
	if err != nil {
		return err
	}
	if before == nil {
		return i18n.Errorf("%s %d: %w", singular(table), id, model.ErrNotFound)
	}
	m := t.d.tables[table]
	set := make([]string, 0, len(cols)+2)
	for _, c := range cols {
		set = append(set, c+" = ?")
	}
	args := append([]any{}, vals...)
	if hasCol(m.cols, "version") {
		set = append(set, "version = version + 1", "updated_at = ?")
		args = append(args, t.now.Unix())
	}
	q := "UPDATE " + table + " SET " + strings.Join(set, ", ") + " WHERE id = ?"
	args = append(args, id)
	if version > 0 {
		q += " AND version = ?"
		args = append(args, version)
	}
	res, err := t.tx.ExecContext(t.ctx, q, args...)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return i18n.Errorf("%s %d was changed by someone else since it was loaded: %w", singular(table), id, model.ErrConflict)
	}
	after, err := t.image(table, id)
	if err != nil {
		return err
	}
	return t.journal(table, id, before, after)
}

// Delete removes a row for good (purge, tag removal) and journals its image.
func (t *Tx) Delete(table string, keys ...any) error {
	before, err := t.image(table, keys...)
	if err != nil || before == nil {
		return err
	}
	m := t.d.tables[table]
	if _, err := t.tx.ExecContext(t.ctx, "DELETE FROM "+table+" WHERE "+keyWhere(m.keys), keys...); err != nil {
		return err
	}
	var rowID int64
	if k, ok := keys[0].(int64); ok {
		rowID = k
	}
	return t.journal(table, rowID, before, nil)
}

func hasCol(cols []string, c string) bool {
	for _, x := range cols {
		if x == c {
			return true
		}
	}
	return false
}

func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?, ", n), ", ")
}

func singular(table string) string {
	switch table {
	case "customers":
		return "customer"
	case "contacts":
		return "contact"
	case "deals":
		return "deal"
	case "interactions":
		return "interaction"
	case "followups":
		return "follow-up"
	case "orders":
		return "order"
	case "stages":
		return "stage"
	case "tags":
		return "tag"
	}
	return table
}

// decodeImage parses a journal image into column values.
func decodeImage(s string) (map[string]any, error) {
	dec := json.NewDecoder(strings.NewReader(s))
	dec.UseNumber()
	var m map[string]any
	if err := dec.Decode(&m); err != nil {
		return nil, err
	}
	for k, v := range m {
		if n, ok := v.(json.Number); ok {
			if i, err := n.Int64(); err == nil {
				m[k] = i
			} else if f, err := n.Float64(); err == nil {
				m[k] = f
			}
		}
	}
	return m, nil
}

// Describe names the command in the undo journal once the transaction knows
// what it is about (a title rather than an id). It must be called before
// the first change is recorded; later calls are ignored.
func (t *Tx) Describe(desc string) {
	if t.batch == 0 && desc != "" {
		t.desc = desc
	}
}
