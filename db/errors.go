package db

import (
	"errors"
	"strings"

	"github.com/rapportcrm/rapport/model/i18n"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// Errors a caller may want to tell apart; each wraps the driver's message.
var (
	// ErrDuplicate is a unique-constraint violation (a tag or stage name taken).
	ErrDuplicate = i18n.Errorf("already exists")
	// ErrInUse is a foreign-key failure: the row is referenced, or refers to a missing row.
	ErrInUse = i18n.Errorf("refers to a missing row or is still in use")
	// ErrBusy means another program held the file for too long.
	ErrBusy = i18n.Errorf("the database is busy")
	// ErrFull means the disk (or the file's size limit) is full.
	ErrFull = i18n.Errorf("the disk is full")
	// ErrReadOnly means the file or its folder cannot be written.
	ErrReadOnly = i18n.Errorf("the database cannot be written")
	// ErrWriteFailed means the disk refused a write (an I/O error).
	ErrWriteFailed = i18n.Errorf("could not write the database file")
)

func sqliteCode(err error) (int, bool) {
	var se *sqlite.Error
	if errors.As(err, &se) {
		return se.Code(), true
	}
	return 0, false
}

func isBusy(err error) bool {
	c, ok := sqliteCode(err)
	return ok && (c&0xff == sqlite3.SQLITE_BUSY || c&0xff == sqlite3.SQLITE_LOCKED)
}

// mapError turns SQLite result codes into rapport's errors with a message
// that says what to do. Other errors pass through.
func mapError(err error) error {
	if err == nil {
		return nil
	}
	code, ok := sqliteCode(err)
	if !ok {
		return err
	}
	switch {
	case code == sqlite3.SQLITE_CONSTRAINT_UNIQUE || code == sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY:
		return i18n.Errorf("%w (%s)", ErrDuplicate, constraintDetail(err))
	case code == sqlite3.SQLITE_CONSTRAINT_FOREIGNKEY:
		return i18n.Errorf("%w", ErrInUse)
	case code == sqlite3.SQLITE_CONSTRAINT_CHECK || code == sqlite3.SQLITE_CONSTRAINT_NOTNULL:
		return i18n.Errorf("a value was refused by the database (%s): check the input", constraintDetail(err))
	case code&0xff == sqlite3.SQLITE_BUSY || code&0xff == sqlite3.SQLITE_LOCKED:
		return i18n.Errorf("%w: another rapport kept it locked for too long; try again", ErrBusy)
	case code&0xff == sqlite3.SQLITE_FULL:
		return i18n.Errorf("%w: nothing was saved; free some space and try again", ErrFull)
	case code&0xff == sqlite3.SQLITE_READONLY || code&0xff == sqlite3.SQLITE_CANTOPEN:
		return i18n.Errorf("%w: nothing was saved; check the permissions of the file and its folder (%v)", ErrReadOnly, err)
	case code&0xff == sqlite3.SQLITE_CORRUPT || code&0xff == sqlite3.SQLITE_NOTADB:
		return i18n.Errorf("the database file is damaged (%v): restore a backup (rapport backup) or run rapport check", err)
	case code == sqlite3.SQLITE_IOERR_SHORT_READ:
		return i18n.Errorf("%w (%v): the book's -wal or -shm file was deleted or changed while rapport had the book open; nothing was saved: quit every rapport using this book and open it again (restore a backup if it still fails)", ErrWriteFailed, err)
	case code&0xff == sqlite3.SQLITE_IOERR:
		return i18n.Errorf("%w (%v): nothing was saved; check the disk", ErrWriteFailed, err)
	}
	return err
}

func constraintDetail(err error) string {
	msg := err.Error()
	if i := strings.LastIndex(msg, "constraint failed: "); i >= 0 {
		return msg[i+len("constraint failed: "):]
	}
	return msg
}
