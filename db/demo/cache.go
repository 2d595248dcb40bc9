package demo

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model"
)

// ReferenceCustomers is the size of the reference book every speed budget of
// SPEC §7 is measured on.
const ReferenceCustomers = 100000

// Morning returns 09:00 local time on now's date: the moment RAPPORT_TODAY
// fixes, used by benchmarks so a book and the processes reading it agree.
func Morning(now time.Time) time.Time {
	y, m, d := now.Date()
	return time.Date(y, m, d, 9, 0, 0, 0, now.Location())
}

// Cached returns the path of a demo book of opt.Customers customers for
// opt.Seed as of now, kept in dir under a name that says size, seed and
// day (and schema version), and builds it on first use (into a temporary file renamed into place,
// so a half-built book is never picked up; a lock file keeps two test
// processes from building it at once). Books of other days or schema
// versions are removed.
// Benchmarks share it.
func Cached(ctx context.Context, dir string, opt Options, now time.Time) (string, error) {
	if opt.Customers <= 0 {
		opt.Customers = DefaultCustomers
	}
	prefix := fmt.Sprintf("rapport-bench-%d-%d-", opt.Customers, opt.Seed)
	path := filepath.Join(dir, fmt.Sprintf("%sv%d-%s.db", prefix, db.SchemaVersion(), model.DayOf(now)))
	if _, err := os.Stat(path); err == nil {
		return path, nil
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", err
	}
	unlock, err := lockFile(ctx, path+".lock")
	if err != nil {
		return "", err
	}
	defer unlock()
	if _, err := os.Stat(path); err == nil {
		return path, nil // built by another process while we waited
	}
	// Earlier books, with their companions (-wal, -shm, and the .bak a
	// migration writes beside a book it upgrades).
	old, _ := filepath.Glob(filepath.Join(dir, prefix+"*"))
	for _, p := range old {
		if p != path+".lock" {
			os.Remove(p)
		}
	}
	tmp := fmt.Sprintf("%s.tmp-%d", path, os.Getpid())
	RemoveBook(tmp)
	d, err := db.Open(ctx, tmp, db.Options{Now: func() time.Time { return now }})
	if err != nil {
		return "", err
	}
	_, err = Generate(ctx, d, opt)
	if cerr := d.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		RemoveBook(tmp)
		return "", err
	}
	if err := os.Rename(tmp, path); err != nil {
		RemoveBook(tmp)
		return "", err
	}
	return path, nil
}

// lockFile takes an exclusive lock by creating path, waiting while another
// process holds it (a lock older than 15 minutes is taken as abandoned).
func lockFile(ctx context.Context, path string) (unlock func(), err error) {
	for {
		f, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
		if err == nil {
			f.Close()
			return func() { os.Remove(path) }, nil
		}
		if !os.IsExist(err) {
			return nil, err
		}
		if st, err := os.Stat(path); err == nil && time.Since(st.ModTime()) > 15*time.Minute {
			os.Remove(path)
			continue
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(500 * time.Millisecond):
		}
	}
}

// RemoveBook deletes a book file with its -wal, -shm and -journal
// companions; missing files are not an error.
func RemoveBook(path string) error {
	var first error
	for _, p := range []string{path, path + "-wal", path + "-shm", path + "-journal"} {
		if err := os.Remove(p); err != nil && !os.IsNotExist(err) && first == nil {
			first = err
		}
	}
	return first
}

// CopyBook copies a closed book file to dst (benchmarks that change a book
// work on a copy of the cached one).
func CopyBook(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
