package cli

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/rapportcrm/rapport/db"
)

// safetyBinary builds the real rapport binary into a temp dir for the
// proof-of-safety tests (issue 17).
func safetyBinary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	if prebuilt := os.Getenv("RAPPORT_TEST_BIN"); prebuilt != "" {
		return prebuilt // a binary built elsewhere (e.g. from a clean checkout)
	}
	bin := filepath.Join(t.TempDir(), "rapport")
	build := exec.Command("go", "build", "-o", bin, "github.com/rapportcrm/rapport")
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// safetyToday is the day every process of the safety tests runs on
// (RAPPORT_TODAY), and safetyZone its time zone (TZ).
const safetyToday, safetyZone = "2026-11-23", "Asia/Shanghai"

// openSafetyBook opens path as of 09:00 on safetyToday in safetyZone — the
// moment the binary under test runs at — so a check or a read here never
// depends on the wall clock.
func openSafetyBook(t *testing.T, path string) *db.DB {
	t.Helper()
	d, err := db.Open(context.Background(), path, db.Options{Now: safetyNow, MustExist: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	return d
}

// safetyNow is the fixed clock of the safety tests.
func safetyNow() time.Time {
	loc, err := time.LoadLocation(safetyZone)
	if err != nil {
		loc = time.FixedZone(safetyZone, 8*3600)
	}
	day, _ := time.ParseInLocation("2006-01-02", safetyToday, loc)
	return day.Add(9 * time.Hour)
}

// safetyEnv is the environment of every binary the safety tests run.
func safetyEnv() []string {
	return append(os.Environ(), "RAPPORT_TODAY="+safetyToday, "RAPPORT_DB=", "RAPPORT_NOW=", "TZ="+safetyZone)
}

// procResult is how a rapport process ended.
type procResult struct {
	code           int
	stdout, stderr string
}

// runBin runs the binary with a fixed clock and returns its exit code and output.
func runBin(t *testing.T, bin string, env []string, args ...string) procResult {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env = append(safetyEnv(), env...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return procResult{code, out.String(), errb.String()}
}
