package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/rapportcrm/rapport/db/demo"
)

// demoEnv runs `rapport demo` against a temp dir: the default book is
// book.db there and the demo goes to demo.db beside it unless --db is given.
type demoEnv struct {
	t       *testing.T
	dir     string
	now     time.Time
	fromDB  string // non-empty: as if --db this path
	opened  string // the path OpenApp was called with
	withApp bool
}

func newDemoEnv(t *testing.T) *demoEnv {
	return &demoEnv{t: t, dir: t.TempDir(), now: time.Date(2026, 11, 20, 9, 0, 0, 0, time.FixedZone("CST", 8*3600))}
}

func (d *demoEnv) run(args ...string) bookResult {
	d.t.Helper()
	return d.verb(append([]string{"demo"}, args...)...)
}

// verb runs any command line in the demo's environment.
func (d *demoEnv) verb(args ...string) bookResult {
	d.t.Helper()
	var out, errb bytes.Buffer
	e := &Env{Ctx: context.Background(), Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb,
		DBPath: filepath.Join(d.dir, "book.db"), DemoPath: filepath.Join(d.dir, "demo.db"), Now: func() time.Time { return d.now }}
	if d.fromDB != "" {
		e.DBPath, e.DemoPath, e.DBFromFlag = d.fromDB, d.fromDB, true
	}
	if d.withApp {
		e.OpenApp = func(p string) int { d.opened = p; return ExitOK }
	}
	code := Run(e, args)
	return bookResult{code, out.String(), errb.String()}
}

func (d *demoEnv) must(args ...string) bookResult {
	d.t.Helper()
	r := d.run(args...)
	if r.code != ExitOK {
		d.t.Fatalf("demo %q: exit %d\nstdout: %s\nstderr: %s", args, r.code, r.stdout, r.stderr)
	}
	return r
}

func TestDemoBuildsBesideTheBookAndPrintsToday(t *testing.T) {
	d := newDemoEnv(t)
	r := d.must("--customers", "120")
	if !strings.Contains(r.stderr, "building a sample book of 120 customers") {
		t.Errorf("stderr does not say it builds: %q", r.stderr)
	}
	if !strings.Contains(r.stdout, "overdue") || !strings.Contains(r.stdout, "2026-11-20") {
		t.Errorf("without the app, demo prints the today triage; got %q", r.stdout)
	}
	if _, err := os.Stat(filepath.Join(d.dir, "demo.db")); err != nil {
		t.Fatalf("demo.db not built beside the book: %v", err)
	}
	if _, err := os.Stat(filepath.Join(d.dir, "book.db")); err == nil {
		t.Errorf("demo created the real book")
	}
}

func TestDemoReusesTodaysBookAndRebuildsTomorrow(t *testing.T) {
	d := newDemoEnv(t)
	d.withApp = true
	d.must("--customers", "60")
	if d.opened != filepath.Join(d.dir, "demo.db") {
		t.Fatalf("OpenApp got %q", d.opened)
	}
	r := d.must()
	if strings.Contains(r.stderr, "building") || !strings.Contains(r.stderr, "using the demo book") {
		t.Errorf("second run on the same day rebuilt: %q", r.stderr)
	}
	r = d.must("--customers", "70")
	if !strings.Contains(r.stderr, "building a sample book of 70") {
		t.Errorf("another size did not rebuild: %q", r.stderr)
	}
	d.now = d.now.AddDate(0, 0, 1)
	r = d.must("--keep")
	if strings.Contains(r.stderr, "building") {
		t.Errorf("--keep rebuilt: %q", r.stderr)
	}
	r = d.must()
	if !strings.Contains(r.stderr, "building") {
		t.Errorf("a demo from yesterday was not rebuilt: %q", r.stderr)
	}
	// The rebuilt book is marked with the new day and its wal/shm are gone
	// with the old file.
	f, err := demo.Inspect(filepath.Join(d.dir, "demo.db"))
	if err != nil || f.BuiltOn != "2026-11-21" || f.Customers != 2000 {
		t.Errorf("rebuilt demo: %+v %v", f, err)
	}
}

func TestDemoGenerateOnlyWithDBFlag(t *testing.T) {
	d := newDemoEnv(t)
	d.withApp = true
	d.fromDB = filepath.Join(d.dir, "sub", "mine.db")
	r := d.must("--generate-only", "--customers", "40", "--seed", "9")
	if strings.TrimSpace(r.stdout) != d.fromDB || d.opened != "" {
		t.Errorf("--generate-only: stdout %q, opened %q", r.stdout, d.opened)
	}
	f, err := demo.Inspect(d.fromDB)
	if err != nil || f.BuiltOn != "2026-11-20" || f.Customers != 40 || f.Seed != 9 {
		t.Errorf("demo at --db: %+v %v", f, err)
	}
}

func TestDemoRefusesARealBook(t *testing.T) {
	d := newDemoEnv(t)
	d.fromDB = filepath.Join(d.dir, "real.db")
	if r := d.verb("add", "customer", "王芳"); r.code != ExitOK {
		t.Fatalf("add customer: %d %s", r.code, r.stderr)
	}
	st, err := os.Stat(d.fromDB)
	if err != nil {
		t.Fatal(err)
	}
	r := d.run("--customers", "30")
	if r.code != ExitFailed || !strings.Contains(r.stderr, "holds a real book") {
		t.Fatalf("demo over a real book: exit %d, %q", r.code, r.stderr)
	}
	if r := d.run("--keep"); r.code != ExitFailed {
		t.Fatalf("--keep over a real book: exit %d", r.code)
	}
	if st2, err := os.Stat(d.fromDB); err != nil || !st2.ModTime().Equal(st.ModTime()) || st2.Size() != st.Size() {
		t.Errorf("the real book was touched: %v", err)
	}
	if r := d.verb("show", "王芳"); r.code != ExitOK {
		t.Fatalf("the real book lost its customer: %d %s", r.code, r.stderr)
	}
}

func TestDemoRefusesAForeignFileButTakesAnEmptyOne(t *testing.T) {
	d := newDemoEnv(t)
	d.fromDB = filepath.Join(d.dir, "notes.txt")
	if err := os.WriteFile(d.fromDB, []byte("shopping list\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if r := d.run("--generate-only"); r.code != ExitFailed {
		t.Fatalf("demo over a text file: exit %d %q", r.code, r.stderr)
	}
	if b, _ := os.ReadFile(d.fromDB); string(b) != "shopping list\n" {
		t.Fatalf("the text file was changed")
	}
	d.fromDB = filepath.Join(d.dir, "empty.db")
	if err := os.WriteFile(d.fromDB, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	d.must("--generate-only", "--customers", "25")
	// An empty rapport book (no customers yet) is fine too.
	d.fromDB = filepath.Join(d.dir, "fresh.db")
	if r := d.verb("stages", "add", "Pilot", "--after", "Lead"); r.code != ExitOK {
		t.Fatalf("stages add: %d %s", r.code, r.stderr)
	}
	d.must("--generate-only", "--customers", "25")
}

func TestDemoUsage(t *testing.T) {
	d := newDemoEnv(t)
	if r := d.run("--customers", "0"); r.code != ExitUsage {
		t.Errorf("--customers 0: exit %d", r.code)
	}
	if r := d.run("extra"); r.code != ExitUsage {
		t.Errorf("a positional argument: exit %d", r.code)
	}
	r := d.run("--help")
	if r.code != ExitOK || !strings.Contains(r.stdout, "--generate-only") {
		t.Errorf("--help: exit %d %q", r.code, r.stdout)
	}
}
