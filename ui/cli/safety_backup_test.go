package cli

import (
	"bytes"
	"database/sql"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestKilledBackupIsNeverTakenForAGoodOne (issue 27 item 2): `backup`
// SIGKILLed at random moments leaves nothing at the target path (or a whole,
// checked copy), so a rerun is not refused; whatever unfinished file it left
// beside is never reported ok by `check` unless it is whole.
func TestKilledBackupIsNeverTakenForAGoodOne(t *testing.T) {
	bin := safetyBinary(t)
	dir := t.TempDir()
	book := filepath.Join(dir, "book.db")
	if r := runBin(t, bin, nil, "--db", book, "demo", "--customers", "3000", "--generate-only"); r.code != 0 {
		t.Fatalf("demo: %+v", r)
	}
	start := time.Now()
	if r := runBin(t, bin, nil, "--db", book, "backup", filepath.Join(dir, "ref.bak")); r.code != 0 {
		t.Fatalf("reference backup: %+v", r)
	}
	full := time.Since(start)
	rng := rand.New(rand.NewSource(time.Now().UnixNano()))
	whole, killed := 0, 0
	for i := 0; i < 8; i++ {
		target := filepath.Join(dir, "k"+strconv.Itoa(i)+".bak")
		cmd := exec.Command(bin, "--db", book, "backup", target)
		cmd.Env = append(os.Environ(), "RAPPORT_TODAY=2026-11-23")
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(rng.Int63n(int64(full))))
		cmd.Process.Signal(syscall.SIGKILL)
		if cmd.Wait() != nil {
			killed++
		}
		if _, err := os.Stat(target); err == nil {
			whole++
			if r := runBin(t, bin, nil, "--db", target, "check"); r.code != 0 || !strings.Contains(r.stdout, "customers 3000") {
				t.Errorf("kill %d: the target exists but is not the whole book: %+v", i, r)
			}
		} else if r := runBin(t, bin, nil, "--db", book, "backup", target); r.code != 0 {
			t.Errorf("kill %d: a rerun of the backup fails: %+v", i, r)
		}
		// Unfinished files beside it: check never calls an incomplete one ok.
		left, _ := filepath.Glob(filepath.Join(dir, ".k"+strconv.Itoa(i)+".bak.incomplete-*"))
		for _, l := range left {
			if strings.HasSuffix(l, "-journal") {
				continue
			}
			r := runBin(t, bin, nil, "--db", l, "check")
			if r.code == 0 && !strings.Contains(r.stdout, "customers 3000") {
				t.Errorf("kill %d: check says ok on the unfinished %s: %+v", i, filepath.Base(l), r)
			}
		}
	}
	t.Logf("backup of a 3000-customer book takes %v; %d kills, %d left a whole target", full.Round(time.Millisecond), killed, whole)
}

// TestCheckRefusesAnIncompleteFile: a 0-byte file and a file with an
// unfinished write (a hot journal, as a killed copy leaves) are "not a
// complete rapport book": exit 1, and no read verb writes a schema into them.
func TestCheckRefusesAnIncompleteFile(t *testing.T) {
	bin := safetyBinary(t)
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.db")
	if err := os.WriteFile(empty, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, v := range [][]string{{"check"}, {"list"}, {"today"}, {"report"}, {"show", "1"}} {
		r := runBin(t, bin, nil, append([]string{"--db", empty}, v...)...)
		if r.code != 1 || !strings.Contains(r.stderr, "not a complete rapport book") {
			t.Errorf("%v on a 0-byte file: %+v", v, r)
		}
	}
	if st, err := os.Stat(empty); err != nil || st.Size() != 0 {
		t.Errorf("a read verb wrote into the 0-byte file: %v %v", st, err)
	}
	if _, err := os.Stat(empty + "-wal"); err == nil {
		t.Error("a read verb created a WAL beside the 0-byte file")
	}

	// A copy stopped mid-write: the file and its hot journal, captured while
	// a rollback-journal transaction is open (what a killed VACUUM INTO leaves).
	src := filepath.Join(dir, "src.db")
	raw, err := sql.Open("sqlite", "file:"+src+"?_pragma=journal_mode(DELETE)&_pragma=cache_size(10)")
	if err != nil {
		t.Fatal(err)
	}
	raw.SetMaxOpenConns(1)
	defer raw.Close()
	if _, err := raw.Exec(`CREATE TABLE t (x TEXT)`); err != nil {
		t.Fatal(err)
	}
	tx, err := raw.Begin()
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 3000; i++ {
		if _, err := tx.Exec(`INSERT INTO t VALUES (?)`, strings.Repeat("x", 200)); err != nil {
			t.Fatal(err)
		}
	}
	cut := filepath.Join(dir, "cut.db")
	for _, sfx := range []string{"", "-journal"} {
		b, err := os.ReadFile(src + sfx)
		if err != nil {
			t.Fatalf("the open transaction has no %s file: %v", sfx, err)
		}
		if err := os.WriteFile(cut+sfx, b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	tx.Rollback()
	before, _ := os.ReadFile(cut)
	r := runBin(t, bin, nil, "--db", cut, "check")
	if r.code != 1 || !strings.Contains(r.stderr, "unfinished write") {
		t.Errorf("check on a cut copy: %+v", r)
	}
	if after, _ := os.ReadFile(cut); !bytes.Equal(before, after) {
		t.Error("check changed the cut copy")
	}
}

// TestBackupOfAReadOnlyBook (issue 27 item 3): a user who cannot write the
// book (as uid 65534) can back it up, and the copy is a good book.
func TestBackupOfAReadOnlyBook(t *testing.T) {
	bin := safetyBinary(t)
	dir := unprivilegedDir(t)
	ro := filepath.Join(dir, "ro")
	os.MkdirAll(ro, 0o755)
	book := filepath.Join(ro, "book.db")
	if r := runBin(t, bin, nil, "--db", book, "add", "customer", "Reader"); r.code != 0 {
		t.Fatal(r.stderr)
	}
	out := filepath.Join(dir, "out")
	os.MkdirAll(out, 0o777)
	os.Chmod(out, 0o777)
	os.Chmod(book, 0o444)
	os.Chmod(ro, 0o555)
	defer os.Chmod(ro, 0o755)
	target := filepath.Join(out, "copy.bak")
	cmd := exec.Command("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", bin, "--db", book, "backup", target)
	cmd.Env = append(os.Environ(), "RAPPORT_TODAY=2026-11-23", "HOME=/nonexistent")
	var so, se bytes.Buffer
	cmd.Stdout, cmd.Stderr = &so, &se
	if err := cmd.Run(); err != nil {
		t.Fatalf("backup of a read-only book: %v %q %q", err, so.String(), se.String())
	}
	if r := runBin(t, bin, nil, "--db", target, "check"); r.code != 0 {
		t.Fatalf("check of the copy: %+v", r)
	}
	if r := runBin(t, bin, nil, "--db", target, "list"); r.code != 0 || !strings.Contains(r.stdout, "Reader") {
		t.Fatalf("list of the copy: %+v", r)
	}
	if left, _ := filepath.Glob(filepath.Join(out, ".*incomplete*")); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}
