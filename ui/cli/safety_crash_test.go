package cli

import (
	"bytes"
	"context"
	"fmt"
	"math/rand"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// TestCrashSafetyUnderSIGKILL runs `rapport log` over and over and kills it
// with SIGKILL at random moments. Afterwards the file passes
// integrity_check and rapport check, and every write whose process had
// reported success is in it.
func TestCrashSafetyUnderSIGKILL(t *testing.T) {
	bin := safetyBinary(t)
	dbPath := filepath.Join(t.TempDir(), "crash.db")
	if r := runBin(t, bin, nil, "--db", dbPath, "add", "customer", "Acme Ltd"); r.code != 0 {
		t.Fatalf("add: %+v", r)
	}
	// Calibrate: how long does one `log` take here? Kills then land
	// anywhere from start-up to just after the commit.
	var typical time.Duration
	for i := 0; i < 3; i++ {
		start := time.Now()
		if r := runBin(t, bin, nil, "--db", dbPath, "log", "Acme Ltd", fmt.Sprintf("warm-up %d", i), "--next", "+3d"); r.code != 0 {
			t.Fatalf("log: %+v", r)
		}
		typical += time.Since(start) / 3
	}
	rng := rand.New(rand.NewSource(time.Now().UnixNano()))
	var acknowledged []string
	killed, attempts := 0, 0
	// Go on until at least 25 runs died mid-way and some finished.
	for i := 0; i < 200 && (killed < 25 || len(acknowledged) < 5); i++ {
		attempts++
		summary := fmt.Sprintf("crash call %d", i)
		cmd := exec.Command(bin, "--db", dbPath, "log", "Acme Ltd", summary, "--next", "+3d")
		cmd.Env = safetyEnv()
		var out bytes.Buffer
		cmd.Stdout = &out
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(typical/4 + time.Duration(rng.Int63n(int64(typical))))
		cmd.Process.Signal(syscall.SIGKILL)
		err := cmd.Wait()
		if err == nil && strings.Contains(out.String(), "logged") {
			acknowledged = append(acknowledged, summary)
		} else {
			killed++
		}
	}
	t.Logf("%d runs (typical run %v): %d killed before they finished, %d acknowledged", attempts, typical.Round(time.Millisecond), killed, len(acknowledged))
	if killed < 25 {
		t.Errorf("only %d of %d runs were killed mid-way", killed, attempts)
	}
	d := openSafetyBook(t, dbPath)
	rep, err := d.Check(context.Background())
	if err != nil || !rep.OK() {
		t.Fatalf("check after kills: %+v %v", rep, err)
	}
	for _, s := range acknowledged {
		var n int
		if err := d.Reader().QueryRow(`SELECT count(*) FROM interactions WHERE summary = ?`, s).Scan(&n); err != nil || n != 1 {
			t.Errorf("acknowledged write %q: %d rows (%v)", s, n, err)
		}
		// The follow-up of the same command landed with it: all or nothing.
		if err := d.Reader().QueryRow(`SELECT count(*) FROM followups WHERE title = ?`, "Follow up: "+s).Scan(&n); err != nil || n != 1 {
			t.Errorf("follow-up of %q: %d rows (%v)", s, n, err)
		}
	}
	var ix, fu int
	d.Reader().QueryRow(`SELECT count(*) FROM interactions`).Scan(&ix)
	d.Reader().QueryRow(`SELECT count(*) FROM followups WHERE playbook_id IS NULL`).Scan(&fu) // not the rules' first revisit
	if ix != fu {
		t.Errorf("%d interactions but %d follow-ups: a command was half-written", ix, fu)
	}
	if r := runBin(t, bin, nil, "--db", dbPath, "check"); r.code != 0 {
		t.Fatalf("rapport check: %+v", r)
	}
}

// TestConcurrentWriters runs four processes logging at once to one file:
// every write lands and none fails with "database is locked".
func TestConcurrentWriters(t *testing.T) {
	bin := safetyBinary(t)
	dbPath := filepath.Join(t.TempDir(), "busy.db")
	if r := runBin(t, bin, nil, "--db", dbPath, "add", "customer", "Acme Ltd"); r.code != 0 {
		t.Fatalf("add: %+v", r)
	}
	const procs, each = 4, 25
	var wg sync.WaitGroup
	var mu sync.Mutex
	var failures []string
	for p := 0; p < procs; p++ {
		wg.Add(1)
		go func(p int) {
			defer wg.Done()
			for i := 0; i < each; i++ {
				r := runBin(t, bin, nil, "--db", dbPath, "log", "Acme Ltd", fmt.Sprintf("p%d call %d", p, i))
				if r.code != 0 {
					mu.Lock()
					failures = append(failures, r.stderr)
					mu.Unlock()
				}
			}
		}(p)
	}
	wg.Wait()
	for _, f := range failures {
		t.Errorf("a write failed: %s", f)
	}
	r := runBin(t, bin, nil, "--db", dbPath, "show", "Acme Ltd", "--json")
	if r.code != 0 {
		t.Fatal(r.stderr)
	}
	d := openSafetyBook(t, dbPath)
	var n int
	d.Reader().QueryRow(`SELECT count(*) FROM interactions`).Scan(&n)
	if n != procs*each {
		t.Fatalf("%d interactions landed, want %d", n, procs*each)
	}
	if rep, err := d.Check(context.Background()); err != nil || !rep.OK() {
		t.Fatalf("check: %+v %v", rep, err)
	}
}
