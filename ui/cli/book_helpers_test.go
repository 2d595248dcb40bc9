package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/rapportcrm/rapport/db"
)

// zone is a fixed non-UTC zone so local-date arithmetic is exercised.
var bookZone = time.FixedZone("CST", 8*3600)

// book is a temp database driven through Run with a clock the test moves.
type book struct {
	t    *testing.T
	path string
	now  time.Time
}

func newBook(t *testing.T) *book {
	t.Helper()
	return &book{t: t, path: filepath.Join(t.TempDir(), "book.db"), now: time.Date(2026, 11, 20, 9, 0, 0, 0, bookZone)}
}

// bookResult is one verb's outcome.
type bookResult struct {
	code           int
	stdout, stderr string
}

func (b *book) env(stdin string) (*Env, *bytes.Buffer, *bytes.Buffer) {
	var out, errb bytes.Buffer
	return &Env{Ctx: context.Background(), Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb, DBPath: b.path,
		DemoPath: filepath.Join(filepath.Dir(b.path), "demo.db"), Now: func() time.Time { return b.now }}, &out, &errb
}

// run runs one command line (after the global flags).
func (b *book) run(args ...string) bookResult { return b.runIn("", args...) }

func (b *book) runIn(stdin string, args ...string) bookResult {
	b.t.Helper()
	e, out, errb := b.env(stdin)
	code := Run(e, args)
	return bookResult{code, out.String(), errb.String()}
}

// must runs a command that has to succeed.
func (b *book) must(args ...string) string {
	b.t.Helper()
	r := b.run(args...)
	if r.code != ExitOK {
		b.t.Fatalf("%q: exit %d\nstdout: %s\nstderr: %s", args, r.code, r.stdout, r.stderr)
	}
	return r.stdout
}

// expect runs a command that has to fail with code and a message containing want.
func (b *book) expect(code int, want string, args ...string) bookResult {
	b.t.Helper()
	r := b.run(args...)
	if r.code != code {
		b.t.Fatalf("%q: exit %d, want %d\nstdout: %s\nstderr: %s", args, r.code, code, r.stdout, r.stderr)
	}
	if !strings.Contains(r.stderr, want) {
		b.t.Fatalf("%q: stderr %q does not contain %q", args, r.stderr, want)
	}
	if code != ExitOK && !strings.HasPrefix(r.stderr, "rapport ") {
		b.t.Fatalf("%q: error does not start with the command: %q", args, r.stderr)
	}
	return r
}

// open opens the book directly (for counts and setup the CLI cannot do).
func (b *book) open() *db.DB {
	b.t.Helper()
	d, err := db.Open(context.Background(), b.path, db.Options{Now: func() time.Time { return b.now }, MustExist: true})
	if err != nil {
		b.t.Fatal(err)
	}
	b.t.Cleanup(func() { d.Close() })
	return d
}

// counts returns the number of rows (archived included) of each table.
func (b *book) counts() map[string]int {
	b.t.Helper()
	d := b.open()
	out := map[string]int{}
	for _, t := range []string{"customers", "contacts", "customer_tags", "deals", "interactions", "followups", "orders", "stages", "settings", "change_batches"} {
		var n int
		if err := d.Reader().QueryRow("SELECT count(*) FROM " + t).Scan(&n); err != nil {
			b.t.Fatal(err)
		}
		out[t] = n
	}
	return out
}

// unchanged asserts that a failed command wrote nothing.
func (b *book) unchanged(before map[string]int, what string) {
	b.t.Helper()
	after := b.counts()
	for k, v := range before {
		if after[k] != v {
			b.t.Errorf("%s changed %s: %d → %d", what, k, v, after[k])
		}
	}
}

func (b *book) exists() bool {
	_, err := os.Stat(b.path)
	return err == nil
}

// days moves the clock.
func (b *book) days(n int) { b.now = b.now.AddDate(0, 0, n) }
