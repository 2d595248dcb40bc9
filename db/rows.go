package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/model/i18n"
)

// rowScanner is what *sql.Row and *sql.Rows have in common.
type rowScanner interface{ Scan(...any) error }

// RowError is a stored row that cannot be read: a value edited by hand that
// is not what its column holds (a date of 2026-02-30). It names the table
// and the row so the user can correct or restore it.
type RowError struct {
	Table  string
	ID     int64
	Column string // "" when the driver did not say
	Err    error
}

func (e *RowError) Error() string {
	col := "a column"
	if e.Column != "" {
		col = e.Column
	}
	var bad *model.BadDayError
	if errors.As(e.Err, &bad) {
		return fmt.Sprintf("the %s row with id %d has %q in %s, which is not a date like 2026-12-01: correct that value in the book or restore a backup",
			e.Table, e.ID, bad.Value, col)
	}
	var inv *model.ValidationError
	if errors.As(e.Err, &inv) {
		return fmt.Sprintf("the %s row with id %d is not valid: %v", e.Table, e.ID, e.Err)
	}
	return fmt.Sprintf("the %s row with id %d cannot be read (%s: %v): correct that row in the book or restore a backup", e.Table, e.ID, col, e.Err)
}

func (e *RowError) Unwrap() error { return e.Err }

var scanColumn = regexp.MustCompile(`name "([^"]*)"`)

// scanRow scans one row into dest, whose first target is the row's id (an
// *int64). A value that cannot be read becomes a *RowError naming table and
// id; sql.ErrNoRows passes through unchanged.
func scanRow(sc rowScanner, table string, dest ...any) error {
	err := sc.Scan(dest...)
	if err == nil || errors.Is(err, sql.ErrNoRows) {
		return err
	}
	re := &RowError{Table: table, Err: err}
	if id, ok := dest[0].(*int64); ok {
		re.ID = *id
	}
	if m := scanColumn.FindStringSubmatch(err.Error()); m != nil {
		re.Column = m[1]
	}
	// Keep only the reason (the driver's own prefix names an index).
	for inner := errors.Unwrap(err); inner != nil; inner = errors.Unwrap(inner) {
		re.Err = inner
	}
	return re
}

// rowShape says how one kind of row is read: the table (for errors and the
// FROM clause), its select list, and the scan targets inside a T in the
// order of the select list, the row id first.
type rowShape[T any] struct {
	table string
	cols  string
	dest  func(*T) []any
	after func(*T) // optional: fill what the row implies (defaults)
}

// scan reads one row into a T.
func (s rowShape[T]) scan(sc rowScanner) (T, error) {
	var v T
	err := scanRow(sc, s.table, s.dest(&v)...)
	if err == nil && s.after != nil {
		s.after(&v)
	}
	return v, err
}

// one loads the row with id; a missing row is model.ErrNotFound naming noun.
func (s rowShape[T]) one(ctx context.Context, q Querier, noun string, id int64, where string) (T, error) {
	v, err := s.scan(q.QueryRowContext(ctx, `SELECT `+s.cols+` FROM `+s.table+` WHERE id = ?`+where, id))
	if errors.Is(err, sql.ErrNoRows) {
		return v, i18n.Errorf("%s %d: %w", noun, id, model.ErrNotFound)
	}
	return v, err
}

// all runs SELECT cols FROM table <tail> and reads every row.
func (s rowShape[T]) all(ctx context.Context, q Querier, tail string, args ...any) ([]T, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+s.cols+` FROM `+s.table+` `+tail, args...)
	if err != nil {
		return nil, err
	}
	return collect(rows, s.scan)
}

// collect reads every row of rows with read and closes them.
func collect[T any](rows *sql.Rows, read func(rowScanner) (T, error)) ([]T, error) {
	defer rows.Close()
	var out []T
	for rows.Next() {
		v, err := read(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// splitNext reads "YYYY-MM-DD HH:MM" (the time may be missing) as a
// follow-up's due date and time.
func splitNext(next string) (model.Day, string, error) {
	day, tm, _ := strings.Cut(strings.TrimSpace(next), " ")
	var d model.Day
	err := d.Scan(day)
	return d, strings.TrimSpace(tm), err
}

// rowErr names the table and row of a value that could not be read.
func rowErr(err error, table string, id int64, column string) error {
	if err == nil {
		return nil
	}
	return &RowError{Table: table, ID: id, Column: column, Err: err}
}
