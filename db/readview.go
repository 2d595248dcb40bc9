package db

import (
	"context"
	"errors"
	"os"
	"path/filepath"

	"github.com/rapportcrm/rapport/model/i18n"
)

// ErrNotSaved means today's refresh was computed but could not be written
// to the book; reads show it from a private copy.
var ErrNotSaved = i18n.Errorf("today's refresh could not be saved")

// RefreshForReading brings the materialised risk up to date for reading,
// as Refresh does. When the book cannot take the refresh's writes (read-only
// for this user, a full disk, an I/O error, another program holding the
// write lock), reading still works: today's view is computed on a private
// temporary copy, and that copy is returned (reads only; closing it closes
// d too). NotSaved on the returned handle then says what was not saved;
// when not even a copy can be made, d is returned as it is stored, with
// NotSaved saying so. Every other error is returned.
func (d *DB) RefreshForReading(ctx context.Context) (*DB, RefreshResult, error) {
	var res RefreshResult
	var cause error
	if d.readOnly {
		due, err := d.readOnlyRefreshDue(ctx)
		if err != nil {
			return nil, res, err
		}
		if !due {
			return d, res, nil
		}
		cause = i18n.Errorf("%w: %s is read-only for this user", ErrReadOnly, d.path)
	} else {
		var err error
		if res, err = d.Refresh(ctx); err == nil {
			return d, res, nil
		} else if !cannotWrite(err) {
			return nil, res, err
		}
		cause = err
	}
	view, err := d.ReadCopy(ctx)
	if err != nil {
		d.notSaved = i18n.Errorf("%w (%w), and no temporary copy could be made (%v): showing the risk as last saved", ErrNotSaved, cause, err)
		return d, res, nil
	}
	if res, err = view.Refresh(ctx); err != nil {
		view.Close()
		return nil, res, err
	}
	view.base = d // closed with the view
	view.notSaved = i18n.Errorf("%w (%w): showing it computed on a temporary copy; nothing was changed", ErrNotSaved, cause)
	// The copy is for reading: a write to it would be lost with it.
	view.readOnly = true
	return view, res, nil
}

// NotSaved is nil, or why the view this handle shows could not be saved to
// the book (see RefreshForReading).
func (d *DB) NotSaved() error { return d.notSaved }

// cannotWrite reports whether err means the book could not take a write
// (as opposed to a bug or damaged data).
func cannotWrite(err error) bool {
	return errors.Is(err, ErrReadOnly) || errors.Is(err, ErrFull) || errors.Is(err, ErrWriteFailed) || errors.Is(err, ErrBusy)
}

// ReadCopy copies the book into a private temporary file and opens the
// copy, for reading and for computations that must not touch the book
// (a refresh that cannot be saved, a check of a read-only book). Its Path
// is the book's; closing it removes the copy (d stays open).
func (d *DB) ReadCopy(ctx context.Context) (*DB, error) {
	dir, err := os.MkdirTemp("", "rapport-view-")
	if err != nil {
		return nil, err
	}
	tmp := filepath.Join(dir, "book.db")
	src, closeSrc, err := d.copySource(ctx)
	if err != nil {
		os.RemoveAll(dir)
		return nil, mapError(err)
	}
	_, err = src.ExecContext(ctx, "VACUUM INTO ?", tmp)
	closeSrc()
	if err != nil {
		os.RemoveAll(dir)
		return nil, mapError(err)
	}
	v, err := Open(ctx, tmp, Options{Now: d.now, MustExist: true})
	if err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	v.path, v.scratch = d.path, dir
	return v, nil
}

// readOnlyRefreshDue reports whether a refresh would change anything
// today (the tests Refresh makes before it writes).
func (d *DB) readOnlyRefreshDue(ctx context.Context) (bool, error) {
	set, err := loadSettings(ctx, d.r)
	if err != nil {
		return false, mapError(err)
	}
	today := d.Today()
	if set.RefreshedOn != today || refitDue(set, today) {
		return true, nil
	}
	due, err := d.refreshDue(ctx, today)
	return due, mapError(err)
}
