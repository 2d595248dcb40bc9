// Package shareddata finds the project's shared test data: the folder
// `shared/data` beside the checkout (real files written by other products,
// real purchase histories). Every test that reads it goes through Path, so
// one rule holds everywhere: with CI=true a missing file fails the test
// loudly; otherwise the test is skipped and says which path it wanted.
package shareddata

import (
	"os"
	"path/filepath"
	"testing"
)

// Path returns the path of rel (slash-separated, under shared/data) or ends
// the test: Fatal under CI=true, Skip elsewhere, naming the path it wanted.
func Path(t testing.TB, rel string) string {
	t.Helper()
	root, err := moduleRoot()
	if err != nil {
		t.Fatalf("shared data %s: %v", rel, err)
	}
	p := filepath.Join(root, "..", "shared", "data", filepath.FromSlash(rel))
	if _, err := os.Stat(p); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("shared data %s is missing (CI=true, so this fails): put the shared folder beside the checkout: %v", p, err)
		}
		t.Skipf("skipped: wants the shared data %s, which is not here (%v)", p, err)
	}
	return p
}

// moduleRoot walks up from the working directory (the package's folder
// under `go test`) to the folder that holds go.mod.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", os.ErrNotExist
		}
		dir = parent
	}
}
