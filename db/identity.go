package db

import (
	"os"
	"sync/atomic"

	"github.com/rapportcrm/rapport/model/i18n"
)

// ErrReplaced means the file at the book's path is no longer the file this
// handle opened: a sync tool or a copy replaced it by rename. Writing on
// would go to the old file (and its WAL, which the new file shares by
// name), so nothing more is written; reopen the path to see the new book.
var ErrReplaced = i18n.Errorf("the book was replaced on disk")

// fileIdentity remembers which file a handle opened, to notice a rename
// over its path (SQLite's "how to corrupt" list: renaming an open file).
type fileIdentity struct {
	path     string
	info     os.FileInfo
	replaced atomic.Bool // sticky: once replaced, always replaced
}

func newFileIdentity(path string) (*fileIdentity, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, i18n.Errorf("cannot look at %s: %w", path, err)
	}
	return &fileIdentity{path: path, info: st}, nil
}

// check returns a wrapped ErrReplaced when the path now names another file
// (or none).
func (f *fileIdentity) check() error {
	if f == nil {
		return nil
	}
	if !f.replaced.Load() {
		st, err := os.Stat(f.path)
		if err == nil && os.SameFile(st, f.info) {
			return nil
		}
		f.replaced.Store(true)
	}
	return i18n.Errorf("%w: %s is no longer the file rapport opened (a sync tool or a copy replaced or moved it); nothing more was written to the old file, and the last change was not saved: open the book again", ErrReplaced, f.path)
}

// CheckFile reports whether the file at the book's path is still the one
// this handle opened: nil, or an error wrapping ErrReplaced. Every write
// checks it first and again before it commits; the app calls it on its
// watch tick and, on ErrReplaced, closes this handle and opens the path again.
func (d *DB) CheckFile() error { return d.ident.check() }
