package cli

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/rapportcrm/rapport/db"
)

// TestKillDuringImportIsAllOrNothing kills `rapport import csv` of a large
// file at random moments: afterwards the book holds all of the import or
// none of it, and passes its checks.
func TestKillDuringImportIsAllOrNothing(t *testing.T) {
	bin := safetyBinary(t)
	dir := t.TempDir()
	csvPath := filepath.Join(dir, "big.csv")
	f, err := os.Create(csvPath)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	const rows = 20000
	fmt.Fprintln(w, "Name,Company,Email,Phone,Tags")
	for i := 0; i < rows; i++ {
		fmt.Fprintf(w, "Person %d,Company %d,p%d@example.com,+86 138 %04d %04d,vip;imported\n", i, i%500, i, i/10000, i%10000)
	}
	w.Flush()
	f.Close()

	// How long does a whole import take here?
	ref := filepath.Join(dir, "ref.db")
	start := time.Now()
	if r := runBin(t, bin, nil, "--db", ref, "import", "csv", csvPath); r.code != 0 {
		t.Fatalf("reference import: %+v", r)
	}
	full := time.Since(start)
	rng := rand.New(rand.NewSource(time.Now().UnixNano()))
	var none, all int
	for i := 0; i < 6; i++ {
		book := filepath.Join(dir, fmt.Sprintf("kill%d.db", i))
		if r := runBin(t, bin, nil, "--db", book, "add", "customer", "Existing"); r.code != 0 {
			t.Fatal(r.stderr)
		}
		cmd := exec.Command(bin, "--db", book, "import", "csv", csvPath)
		cmd.Env = append(os.Environ(), "RAPPORT_TODAY=2026-11-23")
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(rng.Int63n(int64(full))))
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		d, err := db.Open(context.Background(), book, db.Options{Now: safetyNow, MustExist: true})
		if err != nil {
			t.Fatalf("after kill %d: %v", i, err)
		}
		var n int
		d.Reader().QueryRow(`SELECT count(*) FROM customers`).Scan(&n)
		rep, err := d.Check(context.Background())
		d.Close()
		if err != nil || !rep.OK() {
			t.Fatalf("after kill %d: check %+v %v", i, rep, err)
		}
		switch n {
		case 1:
			none++
		case rows + 1:
			all++
		default:
			t.Fatalf("after kill %d: %d customers — a partial import", i, n)
		}
	}
	t.Logf("import of %d rows takes %v here; 6 kills: %d left nothing, %d left everything", rows, full.Round(time.Millisecond), none, all)
}
