// Package db stores a rapport book in one SQLite file: opening and migrating
// it, transactions with an undo journal, the stores of every aggregate, the
// derived per-customer stats with materialised risk, search, and checks.
package db

import (
	"context"
	"database/sql"
	"encoding/binary"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/model/i18n"
	_ "modernc.org/sqlite" // the pure-Go SQLite driver
)

// ErrNoDatabase is returned by Open with MustExist when the file is missing.
var ErrNoDatabase = i18n.Errorf("no database")

// Options tune Open.
type Options struct {
	// Now is the clock; nil means time.Now. RAPPORT_NOW/RAPPORT_TODAY are
	// turned into a fixed clock by the caller.
	Now func() time.Time
	// MustExist refuses to create a missing file (read verbs never create one).
	MustExist bool
	// Locale is the user's locale as LANG spells it ("zh_CN.UTF-8"); the
	// caller reads it from the environment. It picks a new book's currency.
	Locale string
	// Zone is the user's local time zone, with its IANA name (the caller
	// reads TZ or /etc/localtime). A new book records it as its time zone;
	// nil leaves a new book without one (dates follow the clock's zone).
	Zone *time.Location
	// OnWait, when set, is told once per write that has to wait for another
	// process holding the book's write lock ("waiting for `rapport import
	// csv big.csv` (pid 4242) to finish writing …"). Such a write waits as
	// long as that process lives.
	OnWait func(msg string)
}

// DB is an open book.
type DB struct {
	path   string
	w      *sql.DB // the one write connection
	r      *sql.DB // query_only readers
	now    func() time.Time
	tables map[string]tableMeta
	// readOnly is set when the file or its folder cannot be written: w is
	// nil and every write returns ErrReadOnly.
	readOnly bool
	// ident is the file this handle opened (see CheckFile).
	ident *fileIdentity
	// onWait is Options.OnWait.
	onWait func(string)
	// zone is the book's time zone (the timezone setting), nil when the
	// book has none: then the clock's own zone is used.
	zone atomic.Pointer[time.Location]
	// own lists the undo batches this handle committed (an app window's
	// own commands, see LastChangeFrom).
	ownMu sync.Mutex
	own   map[int64]bool
	// A read copy (ReadCopy) names the book it copies, which it closes with
	// itself, and the scratch folder it removes; notSaved is why its view
	// could not be saved to the book (RefreshForReading).
	base     *DB
	scratch  string
	notSaved error
	// Test instruments of SetConfig's snapshot path (export_test.go):
	// afterSnapshot runs between the stats' computation and the write
	// lock; lockHook is told how long the write lock was held for them.
	afterSnapshot func()
	lockHook      func(time.Duration)
}

// Querier is what *sql.DB, *sql.Conn and *sql.Tx have in common, so a helper
// can run inside or outside a transaction.
type Querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// busyTimeoutMS is how long a statement waits for another process's lock.
const busyTimeoutMS = 5000

// DSN builds the file: URI for path with rapport's pragmas. The path is
// percent-escaped so that '?', '#' or '&' in it cannot add parameters.
func DSN(path string, readOnly bool) string {
	u := url.URL{Scheme: "file", Path: path}
	// busy_timeout first: the pragmas after it may need a lock another
	// process holds for a moment.
	q := []string{
		fmt.Sprintf("_pragma=busy_timeout(%d)", busyTimeoutMS),
		"_pragma=foreign_keys(1)",
		"_pragma=synchronous(FULL)",
		"_txlock=immediate",
	}
	if readOnly {
		// The read pool: up to six connections read at once on a new day's
		// refresh, mostly streaming scans, so each keeps 1 MB of pages
		// (SQLite's default is 2 MB): 10 MB less resident memory for the
		// first `rapport today` of a day on the reference book, no slower.
		q = append(q, "_pragma=query_only(1)", "_pragma=cache_size(-1000)")
	} else {
		q = append(q, "_pragma=journal_mode(WAL)")
	}
	// url.URL escapes '?' and '#' in Path; '%' too. EscapedPath keeps '/'.
	return "file:" + u.EscapedPath() + "?" + strings.Join(q, "&")
}

// Open opens (creating when allowed) and migrates the book at path.
func Open(ctx context.Context, path string, opt Options) (*DB, error) {
	if opt.Now == nil {
		opt.Now = time.Now
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, i18n.Errorf("cannot use %s as the database path: %w", path, err)
	}
	st, err := os.Stat(abs)
	switch {
	case err == nil && st.IsDir():
		return nil, i18n.Errorf("%s is a directory, not a database file: give a file path with --db", abs)
	case err == nil && !st.Mode().IsRegular():
		// A device or a pipe (/dev/null): SQLite would create journals beside it.
		return nil, i18n.Errorf("%s is not a regular file (%s); nothing was changed: give a database file path with --db", abs, st.Mode().Type())
	case err != nil && os.IsNotExist(err):
		if opt.MustExist {
			return nil, i18n.Errorf("%w at %s", ErrNoDatabase, abs)
		}
		if err := os.MkdirAll(filepath.Dir(abs), 0o700); err != nil {
			return nil, i18n.Errorf("cannot create the folder for %s: %w", abs, err)
		}
		f, err := os.OpenFile(abs, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
		if err != nil && !os.IsExist(err) {
			return nil, i18n.Errorf("cannot create %s: %w", abs, err)
		}
		if f != nil {
			f.Close()
		}
	case err != nil:
		return nil, i18n.Errorf("cannot open %s: %w", abs, err)
	}
	if err := checkHeader(abs); err != nil {
		return nil, err
	}
	if err := preflight(ctx, abs, opt.MustExist); err != nil {
		return nil, err
	}
	d := &DB{path: abs, now: opt.Now, onWait: opt.OnWait}
	if d.ident, err = newFileIdentity(abs); err != nil {
		return nil, err
	}
	d.w, err = sql.Open("sqlite", DSN(abs, false))
	if err != nil {
		return nil, err
	}
	d.w.SetMaxOpenConns(1)
	d.w.SetMaxIdleConns(1)
	d.w.SetConnMaxLifetime(0)
	d.w.SetConnMaxIdleTime(0)
	if err := d.w.PingContext(ctx); err != nil {
		d.w.Close()
		if isReadOnlyErr(err) {
			if ro, rerr := openReadOnly(ctx, abs, opt); rerr == nil {
				return ro, nil
			}
		}
		return nil, describeOpenError(abs, err)
	}
	if err := d.migrate(ctx, opt.Locale, opt.Zone); err != nil {
		d.w.Close()
		return nil, err
	}
	d.r, err = sql.Open("sqlite", DSN(abs, true))
	if err != nil {
		d.w.Close()
		return nil, err
	}
	// The daily refresh reads five streams at once.
	d.r.SetMaxOpenConns(6)
	d.r.SetMaxIdleConns(6)
	d.r.SetConnMaxIdleTime(0)
	if d.tables, err = loadTableMeta(ctx, d.w); err != nil {
		d.Close()
		return nil, err
	}
	d.useBookZone(ctx)
	return d, nil
}

// useBookZone makes the book's clock tell time in the book's time zone (its
// timezone setting), so a cron job in UTC and a shell in Shanghai date the
// book's days alike. A book without one (or with a zone this system does
// not know) keeps the clock's own zone.
func (d *DB) useBookZone(ctx context.Context) {
	base := d.now
	var name string
	if err := d.r.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = 'timezone'`).Scan(&name); err == nil {
		if loc, err := time.LoadLocation(name); err == nil && name != "" {
			d.zone.Store(loc)
		}
	}
	d.now = func() time.Time {
		t := base()
		if loc := d.zone.Load(); loc != nil {
			return t.In(loc)
		}
		return t
	}
}

// checkHeader refuses, before the driver touches it, a non-empty file that
// is not SQLite (the driver would otherwise try to write a WAL beside it)
// and a book whose header says a newer schema (even a read-only connection
// would create -wal and -shm files beside it).
func checkHeader(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return i18n.Errorf("cannot read %s: %w", path, err)
	}
	defer f.Close()
	buf := make([]byte, 100)
	n, _ := io.ReadFull(f, buf)
	if n == 0 {
		return nil
	}
	if n < 16 || string(buf[:16]) != "SQLite format 3\x00" {
		return i18n.Errorf("%s is not a rapport database (not an SQLite file); nothing was changed: point --db at another file", path)
	}
	if n == 100 {
		// The header's user_version (offset 60, big-endian).
		if v := int(binary.BigEndian.Uint32(buf[60:64])); v > SchemaVersion() {
			return newerSchemaError(path, v)
		}
	}
	return nil
}

func newerSchemaError(path string, v int) error {
	return i18n.Errorf("%s has schema version %d but this rapport understands up to %d; the file was left untouched: upgrade rapport", path, v, SchemaVersion())
}

func isReadOnlyErr(err error) bool {
	msg := err.Error()
	return strings.Contains(msg, "readonly") || strings.Contains(msg, "read-only") || strings.Contains(msg, "unable to open")
}

// openReadOnly opens a book this process may not write (a read-only file or
// folder): reads work, every write fails with ErrReadOnly. When the folder
// does not even allow SQLite's shared-memory file, the file is read as
// immutable (nobody can be writing it from here either).
func openReadOnly(ctx context.Context, abs string, opt Options) (*DB, error) {
	u := url.URL{Scheme: "file", Path: abs}
	for _, extra := range []string{"mode=ro", "mode=ro&immutable=1"} {
		r, err := sql.Open("sqlite", "file:"+u.EscapedPath()+"?"+extra+"&_pragma=busy_timeout(5000)&_pragma=query_only(1)")
		if err != nil {
			return nil, err
		}
		var v int
		if err := r.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil || v != SchemaVersion() {
			r.Close()
			continue
		}
		d := &DB{path: abs, now: opt.Now, r: r, readOnly: true}
		if d.ident, err = newFileIdentity(abs); err != nil {
			r.Close()
			return nil, err
		}
		if d.tables, err = loadTableMeta(ctx, r); err != nil {
			r.Close()
			return nil, err
		}
		d.useBookZone(ctx)
		return d, nil
	}
	return nil, i18n.Errorf("%s cannot be read", abs)
}

// direct returns the connection for checks and copies that read the file
// as it is (PRAGMA, VACUUM INTO): the writer, or the reader of a read-only book.
func (d *DB) direct() Querier {
	if d.readOnly {
		return d.r
	}
	return d.w
}

// ReadOnly reports whether the book was opened without write access.
func (d *DB) ReadOnly() bool { return d.readOnly }

// preflight reads the schema version through a read-only connection with no
// pragmas, so a file this binary must refuse is never touched (opening it
// with journal_mode(WAL) would already rewrite its header). With mustExist
// (read verbs) a file that holds no rapport schema is refused rather than
// made into a new book: an empty file, or an unfinished copy whose journal
// rolls it back to nothing.
func preflight(ctx context.Context, path string, mustExist bool) error {
	st, err := os.Stat(path)
	if err != nil {
		return nil
	}
	incomplete := i18n.Errorf("%s is not a complete rapport book (it holds no book: an empty file, or an unfinished copy or backup); nothing was changed: restore a good backup or point --db at your book", path)
	if st.Size() == 0 {
		if mustExist {
			return incomplete
		}
		return nil
	}
	if j, err := os.Stat(path + "-journal"); err == nil && j.Size() > 0 && mustExist {
		return i18n.Errorf("%s has an unfinished write (%s-journal beside it: a copy or backup that was stopped, or a crash); it is not a complete rapport book and nothing was changed: restore a good backup", path, path)
	}
	u := url.URL{Scheme: "file", Path: path}
	var v, tables int
	// A folder this user cannot write stops even a read-only connection
	// (it cannot create the -shm file); read it as immutable then.
	for _, extra := range []string{"mode=ro", "mode=ro&immutable=1"} {
		var raw *sql.DB
		if raw, err = sql.Open("sqlite", "file:"+u.EscapedPath()+"?"+extra+"&_pragma=busy_timeout(5000)"); err != nil {
			return err
		}
		err = raw.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v)
		if err == nil {
			err = raw.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_master WHERE type = 'table'").Scan(&tables)
		}
		raw.Close()
		if err == nil || !isReadOnlyErr(err) {
			break
		}
	}
	if err != nil {
		return describeOpenError(path, err)
	}
	if v > SchemaVersion() {
		return newerSchemaError(path, v)
	}
	if v == 0 && tables > 0 {
		return i18n.Errorf("%s is an SQLite file but not a rapport database; nothing was changed: point --db at another file", path)
	}
	if v == 0 && mustExist {
		return incomplete
	}
	return nil
}

func describeOpenError(path string, err error) error {
	msg := err.Error()
	switch {
	case strings.Contains(msg, "not a database") || strings.Contains(msg, "malformed"):
		return i18n.Errorf("%s is damaged or not a rapport database (%v); restore a backup or point --db elsewhere", path, err)
	case strings.Contains(msg, "readonly") || strings.Contains(msg, "read-only") || strings.Contains(msg, "unable to open"):
		return i18n.Errorf("cannot open %s for writing (%v): check the file and folder permissions", path, err)
	}
	return i18n.Errorf("cannot open %s: %w", path, err)
}

// Path returns the absolute path of the database file.
func (d *DB) Path() string { return d.path }

// Now returns the current moment of the book's clock.
func (d *DB) Now() time.Time { return d.now() }

// Today returns the local calendar date of the book's clock.
func (d *DB) Today() model.Day { return model.DayOf(d.now()) }

// Close closes both handles (and, for a read copy, the book it copies,
// removing the copy).
func (d *DB) Close() error {
	var err error
	if d.r != nil {
		err = d.r.Close()
	}
	if d.w != nil {
		if e := d.w.Close(); err == nil {
			err = e
		}
	}
	if d.scratch != "" {
		os.RemoveAll(d.scratch)
	}
	if d.base != nil {
		if e := d.base.Close(); err == nil {
			err = e
		}
	}
	return err
}

// Reader returns the query_only handle, for read paths outside this package
// (reports, exports). It can never write.
func (d *DB) Reader() *sql.DB { return d.r }
