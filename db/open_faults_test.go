package db

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func fixedNow() time.Time { return time.Date(2026, 11, 23, 9, 0, 0, 0, time.Local) }

// A migration that fails keeps one backup however often it is retried
// (issue 27 item 11).
func TestFailedMigrationRetriesKeepOneBackup(t *testing.T) {
	ctx := context.Background()
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "v1.db")
	raw, err := sql.Open("sqlite", DSN(path, false))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec(ms[0].sql); err != nil {
		t.Fatal(err)
	}
	if err := seedBook(ctx, raw, fixedNow(), ""); err != nil {
		t.Fatal(err)
	}
	raw.Exec(`PRAGMA user_version = 1`)
	// Something migration 2 creates is already there: it fails every time.
	if _, err := raw.Exec(`CREATE TABLE tier_changes (x)`); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	clock := fixedNow()
	for i := 0; i < 3; i++ {
		clock = clock.Add(time.Minute) // a retry a minute later
		now := clock
		if _, err := Open(ctx, path, Options{Now: func() time.Time { return now }}); err == nil || !strings.Contains(err.Error(), "failed") {
			t.Fatalf("retry %d: the broken migration did not fail: %v", i, err)
		}
	}
	baks, _ := filepath.Glob(path + ".v1-*.bak")
	if len(baks) != 1 {
		t.Fatalf("backups after three failed upgrades: %v", baks)
	}
	if v := verifyVersion(ctx, baks[0]); v != 1 {
		t.Errorf("the backup is at schema %d", v)
	}
}

// A newer-schema book is refused before anything opens it: no -wal or -shm
// appear beside it (issue 27 item 11).
func TestNewerSchemaBookGainsNoFiles(t *testing.T) {
	path := filepath.Join(t.TempDir(), "future.db")
	raw, err := sql.Open("sqlite", "file:"+path+"?_pragma=journal_mode(WAL)")
	if err != nil {
		t.Fatal(err)
	}
	raw.Exec(`CREATE TABLE x (a)`)
	raw.Exec(fmt.Sprintf("PRAGMA user_version = %d", SchemaVersion()+1))
	raw.Close()
	for _, sfx := range []string{"-wal", "-shm"} {
		os.Remove(path + sfx)
	}
	for _, mustExist := range []bool{true, false} {
		if _, err := Open(context.Background(), path, Options{Now: fixedNow, MustExist: mustExist}); err == nil || !strings.Contains(err.Error(), "left untouched") {
			t.Fatalf("newer schema: %v", err)
		}
	}
	for _, sfx := range []string{"-wal", "-shm", "-journal"} {
		if _, err := os.Stat(path + sfx); err == nil {
			t.Errorf("refusing the book created %s", sfx)
		}
	}
}

// A device is not a book: /dev/null is refused before SQLite could create
// /dev/null-journal (issue 27 item 11).
func TestDeviceIsNotABook(t *testing.T) {
	for _, mustExist := range []bool{true, false} {
		_, err := Open(context.Background(), os.DevNull, Options{Now: fixedNow, MustExist: mustExist})
		if err == nil || !strings.Contains(err.Error(), "not a regular file") {
			t.Fatalf("Open(%s): %v", os.DevNull, err)
		}
	}
}
