package cli

import (
	"bytes"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// lockedBuffer collects a process's output while the test reads it.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestBookReplacedWhileOpenIsNotWritten (issue 27 item 1): a command holds
// the book open (purge waits at its question) while a sync tool replaces the
// file by rename. The command must write nothing to the old file, say the
// book was replaced and exit 1; the new file stays a good book with its own
// data.
func TestBookReplacedWhileOpenIsNotWritten(t *testing.T) {
	bin := safetyBinary(t)
	dir := t.TempDir()
	book, other := filepath.Join(dir, "x.db"), filepath.Join(dir, "y.db")
	for _, s := range [][]string{
		{"--db", book, "add", "customer", "Old Co"},
		{"--db", book, "archive", "customer", "1"},
		{"--db", other, "add", "customer", "New Co"},
		{"--db", other, "add", "customer", "Second Co"},
	} {
		if r := runBin(t, bin, nil, s...); r.code != 0 {
			t.Fatalf("%v: %+v", s, r)
		}
	}
	cmd := exec.Command(bin, "--db", book, "purge", "--archived-before", "2026-11-24")
	cmd.Env = append(os.Environ(), "RAPPORT_TODAY=2026-11-24", "RAPPORT_DB=", "RAPPORT_NOW=", "TZ=Asia/Shanghai")
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stdout, stderr lockedBuffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(20 * time.Second)
	for !strings.Contains(stderr.String(), "[y/N]") {
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatalf("purge never asked: %q", stderr.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
	// The sync tool: write the new version beside it, rename it over.
	if err := os.Rename(other, book); err != nil {
		t.Fatal(err)
	}
	io.WriteString(stdin, "y\n")
	stdin.Close()
	err = cmd.Wait()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 1 {
		t.Fatalf("purge on a replaced book: %v, stdout %q stderr %q", err, stdout.String(), stderr.String())
	}
	if msg := stderr.String(); !strings.Contains(msg, "replaced") || !strings.Contains(msg, "not saved") {
		t.Errorf("the user is not told the book was replaced: %q", msg)
	}
	if strings.Contains(stdout.String(), "purged") {
		t.Errorf("purge says it purged: %q", stdout.String())
	}
	// The new file is a good book with the new data.
	if r := runBin(t, bin, nil, "--db", book, "check"); r.code != 0 {
		t.Fatalf("check of the new file: %+v", r)
	}
	r := runBin(t, bin, nil, "--db", book, "list")
	if r.code != 0 || !strings.Contains(r.stdout, "New Co") || !strings.Contains(r.stdout, "Second Co") {
		t.Fatalf("list of the new file: %+v", r)
	}
}
