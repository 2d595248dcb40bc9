package cli

import (
	"database/sql"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestWriterWaitsForALiveHolderAndSaysSo (issue 27 item 10): while another
// process holds the book's write lock (here the test process, in an open
// write transaction, for longer than one busy timeout), `rapport log` says
// it is waiting for that process and lands once the lock is released,
// instead of failing with "database is busy".
func TestWriterWaitsForALiveHolderAndSaysSo(t *testing.T) {
	bin := safetyBinary(t)
	book := filepath.Join(t.TempDir(), "book.db")
	if r := runBin(t, bin, nil, "--db", book, "add", "customer", "Acme"); r.code != 0 {
		t.Fatal(r.stderr)
	}
	holder, err := sql.Open("sqlite", "file:"+book+"?_pragma=busy_timeout(5000)&_txlock=immediate")
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Close()
	tx, err := holder.Begin()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Exec(`UPDATE settings SET value = value WHERE key = 'currency'`); err != nil {
		t.Fatal(err)
	}
	const hold = 7 * time.Second // longer than one busy timeout (5 s)
	go func() {
		time.Sleep(hold)
		tx.Commit()
	}()
	start := time.Now()
	r := runBin(t, bin, nil, "--db", book, "log", "Acme", "called while an import ran")
	took := time.Since(start)
	if r.code != 0 {
		t.Fatalf("log while another process writes: %+v", r)
	}
	if took < hold-time.Second {
		t.Fatalf("log finished after %v, before the holder released the lock", took)
	}
	if !strings.Contains(r.stderr, "waiting for") || !strings.Contains(r.stderr, "pid "+strconv.Itoa(os.Getpid())) {
		t.Errorf("the waiting writer did not say whom it waits for: %q", r.stderr)
	}
	if out := runBin(t, bin, nil, "--db", book, "show", "Acme"); !strings.Contains(out.stdout, "called while an import ran") {
		t.Errorf("the waited-for write is missing: %+v", out)
	}
}
