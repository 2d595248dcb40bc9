package db

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rapportcrm/rapport/model"
)

// TestDiskFullFailsCleanly fills the file up to SQLite's page limit (the
// portable stand-in for a full disk): the write fails with a clear message,
// nothing of it lands, and the file stays sound.
func TestDiskFullFailsCleanly(t *testing.T) {
	ctx := context.Background()
	d, _ := openTest(t)
	id := mustCustomer(t, d, "Acme")
	var pages int
	d.w.QueryRow("PRAGMA page_count").Scan(&pages)
	if _, err := d.w.Exec("PRAGMA max_page_count = " + itoa(pages+2)); err != nil {
		t.Fatal(err)
	}
	big := strings.Repeat("x", 900)
	err := d.Write(ctx, "big", func(tx *Tx) error {
		for i := 0; i < 500; i++ {
			if _, err := tx.LogInteraction(&model.Interaction{CustomerID: id, Summary: big}); err != nil {
				return err
			}
		}
		return nil
	})
	if !errors.Is(err, ErrFull) || !strings.Contains(err.Error(), "nothing was saved") {
		t.Fatalf("want a disk-full error, got %v", err)
	}
	var n int
	d.r.QueryRow("SELECT count(*) FROM interactions").Scan(&n)
	if n != 0 {
		t.Fatalf("%d rows of a failed command landed", n)
	}
	d.w.Exec("PRAGMA max_page_count = 1073741823")
	assertStatsExact(t, d, "after disk full")
	var ok string
	d.w.QueryRow("PRAGMA integrity_check").Scan(&ok)
	if ok != "ok" {
		t.Fatalf("integrity: %s", ok)
	}
}

// TestTruncatedFileIsRefused cuts a real book in half: opening or reading it
// gives a clear error and writes nothing.
func TestTruncatedFileIsRefused(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "cut.db")
	d, err := Open(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 300; i++ {
		d.CreateCustomer(ctx, &model.Customer{Name: "Customer " + itoa(i), Notes: strings.Repeat("n", 200)}, nil)
	}
	d.Close()
	b, _ := os.ReadFile(path)
	os.WriteFile(path, b[:len(b)/2], 0o600)
	os.Remove(path + "-wal")
	os.Remove(path + "-shm")
	before, _ := os.ReadFile(path)
	d, err = Open(ctx, path, Options{})
	if err == nil {
		_, err = d.Check(ctx)
		if err == nil {
			rep, _ := d.Check(ctx)
			if rep.OK() {
				t.Fatal("a truncated file passed the check")
			}
		}
		d.Close()
	}
	after, _ := os.ReadFile(path)
	if string(before) != string(after) {
		t.Fatal("the truncated file was changed")
	}
}

func fmtInt(i int) string {
	if i == 0 {
		return "0"
	}
	var b []byte
	for i > 0 {
		b = append([]byte{byte('0' + i%10)}, b...)
		i /= 10
	}
	return string(b)
}

func itoa(i int) string { return fmtInt(i) }
