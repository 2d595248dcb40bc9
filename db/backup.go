package db

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/rapportcrm/rapport/model/i18n"
)

// Backup writes a consistent copy of the book (default: a timestamped file
// beside the database) and returns its path. The copy is written under a
// temporary name beside the target, checked (integrity and schema), and
// only then renamed to the target, which is never overwritten; on any
// failure nothing is left at the target and the temporary file is removed.
// A read-only book can be backed up.
func (d *DB) Backup(ctx context.Context, path string) (string, error) {
	if path == "" {
		path = fmt.Sprintf("%s.%s.bak", strings.TrimSuffix(d.path, filepath.Ext(d.path)), d.now().UTC().Format("20060102-150405"))
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	if _, err := os.Lstat(abs); err == nil {
		return "", i18n.Errorf("%s already exists: backup never overwrites a file; give another path", abs)
	}
	if err := os.MkdirAll(filepath.Dir(abs), 0o700); err != nil {
		return "", i18n.Errorf("cannot create the folder for %s: %w", abs, err)
	}
	src, closeSrc, err := d.copySource(ctx)
	if err != nil {
		return "", i18n.Errorf("backup to %s failed, nothing was written: %w", abs, mapError(err))
	}
	defer closeSrc()
	if err := writeVerifiedCopy(ctx, src, abs, SchemaVersion()); err != nil {
		return "", i18n.Errorf("backup to %s failed, nothing was written: %w", abs, err)
	}
	return abs, nil
}

// writeVerifiedCopy copies the database src reads into abs: under a
// temporary name beside it, checked (integrity, schema version), then
// linked to abs, which is never overwritten. On failure nothing is left.
func writeVerifiedCopy(ctx context.Context, src Querier, abs string, version int) error {
	if err := os.MkdirAll(filepath.Dir(abs), 0o700); err != nil {
		return i18n.Errorf("cannot create the folder for %s: %w", abs, err)
	}
	// VACUUM INTO accepts an empty file: reserve a unique temporary name.
	tmpFile, err := os.CreateTemp(filepath.Dir(abs), "."+filepath.Base(abs)+".incomplete-*")
	if err != nil {
		return i18n.Errorf("cannot write in %s: %w", filepath.Dir(abs), err)
	}
	tmp := tmpFile.Name()
	tmpFile.Close()
	done := false
	defer func() {
		if !done {
			removeBookFiles(tmp)
		}
	}()
	if _, err := src.ExecContext(ctx, "VACUUM INTO ?", tmp); err != nil {
		return mapError(err)
	}
	if err := os.Chmod(tmp, 0o600); err != nil {
		return err
	}
	if err := verifyCopy(ctx, tmp, version); err != nil {
		return i18n.Errorf("the copy failed its check: %w", err)
	}
	// Link refuses an existing target (a rename would replace it).
	if err := os.Link(tmp, abs); err != nil {
		if _, serr := os.Lstat(abs); serr == nil {
			return i18n.Errorf("%s already exists: a copy never overwrites a file", abs)
		}
		if err := os.Rename(tmp, abs); err != nil {
			return err
		}
	}
	done = true
	os.Remove(tmp)
	syncDir(filepath.Dir(abs))
	return nil
}

// copySource is a connection VACUUM INTO can read the book through: the
// writer, or for a read-only book a read-only connection without
// query_only (which would refuse VACUUM INTO).
func (d *DB) copySource(ctx context.Context) (Querier, func(), error) {
	if !d.readOnly {
		return d.w, func() {}, nil
	}
	var last error
	for _, extra := range []string{"mode=ro", "mode=ro&immutable=1"} {
		c, err := sql.Open("sqlite", rawDSN(d.path, extra))
		if err != nil {
			return nil, nil, err
		}
		if err := c.PingContext(ctx); err != nil {
			c.Close()
			last = err
			continue
		}
		var v int
		if err := c.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
			c.Close()
			last = err
			continue
		}
		return c, func() { c.Close() }, nil
	}
	return nil, nil, last
}

// verifyCopy opens a finished copy read-only and checks it is a whole
// rapport book: integrity_check passes and the schema is version.
func verifyCopy(ctx context.Context, path string, version int) error {
	c, err := sql.Open("sqlite", rawDSN(path, "mode=ro"))
	if err != nil {
		return err
	}
	defer c.Close()
	var s string
	if err := c.QueryRowContext(ctx, "PRAGMA integrity_check").Scan(&s); err != nil {
		return mapError(err)
	}
	if s != "ok" {
		return fmt.Errorf("integrity_check: %s", s)
	}
	var v int
	if err := c.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return err
	}
	if v != version {
		return i18n.Errorf("the copy has schema %d, want %d", v, version)
	}
	return nil
}

// rawDSN is a file: URI for path with extra parameters and only a busy
// timeout (no WAL, nothing that could write).
func rawDSN(path, extra string) string {
	u := url.URL{Scheme: "file", Path: path}
	return "file:" + u.EscapedPath() + "?" + extra + fmt.Sprintf("&_pragma=busy_timeout(%d)", busyTimeoutMS)
}

// removeBookFiles removes a database file and the journals SQLite may have
// left beside it.
func removeBookFiles(path string) {
	for _, p := range []string{path, path + "-journal", path + "-wal", path + "-shm"} {
		os.Remove(p)
	}
}

// syncDir makes a rename in dir durable (best effort).
func syncDir(dir string) {
	if f, err := os.Open(dir); err == nil {
		f.Sync()
		f.Close()
	}
}
