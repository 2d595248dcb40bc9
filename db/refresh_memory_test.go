package db

import (
	"math"
	"runtime/debug"
	"testing"
)

// TestRefreshMemoryBound: a refresh bounds the Go heap by the size of the
// book while it runs and puts the process's setting back; a limit the
// process already has (GOMEMLIMIT) is left as it is.
func TestRefreshMemoryBound(t *testing.T) {
	orig := debug.SetMemoryLimit(-1)
	defer debug.SetMemoryLimit(orig)
	debug.SetMemoryLimit(math.MaxInt64)
	restore := boundRefreshMemory(100_000)
	if got, want := debug.SetMemoryLimit(-1), int64(refreshMemoryBase+100_000*refreshMemoryPerCustomer); got != want {
		t.Fatalf("limit while refreshing %d, want %d", got, want)
	}
	restore()
	if got := debug.SetMemoryLimit(-1); got != math.MaxInt64 {
		t.Fatalf("limit after %d, want none", got)
	}
	debug.SetMemoryLimit(500 << 20)
	restore = boundRefreshMemory(100_000)
	if got := debug.SetMemoryLimit(-1); got != 500<<20 {
		t.Fatalf("the process's own limit became %d", got)
	}
	restore()
	if got := debug.SetMemoryLimit(-1); got != 500<<20 {
		t.Fatalf("the process's own limit became %d after", got)
	}
}
