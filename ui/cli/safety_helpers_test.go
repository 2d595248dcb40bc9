package cli

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
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

// procResult is how a rapport process ended.
type procResult struct {
	code           int
	stdout, stderr string
}

// runBin runs the binary with a fixed clock and returns its exit code and output.
func runBin(t *testing.T, bin string, env []string, args ...string) procResult {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), "RAPPORT_TODAY=2026-11-23", "RAPPORT_DB=", "RAPPORT_NOW=", "TZ=Asia/Shanghai")
	cmd.Env = append(cmd.Env, env...)
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

// safetyNow is the clock the binaries under test run with (RAPPORT_TODAY
// 2026-11-23 at 09:00 in Asia/Shanghai), for the test's own db.Open.
func safetyNow() time.Time {
	loc, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		loc = time.FixedZone("CST", 8*3600)
	}
	return time.Date(2026, 11, 23, 9, 0, 0, 0, loc)
}
