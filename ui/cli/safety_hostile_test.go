package cli

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model"
)

// hostilePayloads are strings that try to drive the terminal.
func hostilePayloads() []string {
	return []string{
		"\x1b]0;pwned title\x07",                              // OSC 0 window title
		"\x1b]2;pwned title\x1b\\",                            // OSC 2 with ST
		"\x1b]52;c;cm0gLXJmIH4=\x07",                          // OSC 52 clipboard
		"\x1b]8;;http://evil.example\x1b\\link\x1b]8;;\x1b\\", // OSC 8 hyperlink
		"\x1b[31mred\x1b[0m\x1b[2J\x1b[H",                     // CSI colour, clear, home
		"\x1bP1$qm\x1b\\",                                     // DCS
		"\u009b31mC1 CSI",                                     // C1 CSI
		"\u009d0;c1 osc\u0007",                                // C1 OSC
		"left\u202eright\u2066iso\u2069",                      // bidi overrides
		"bell\a back\b cr\r del\x7f",                          // BEL BS CR DEL
		strings.Repeat("W", 100*1024),                         // 100 KB
	}
}

// assertInert fails when s carries anything that could drive a terminal.
func assertInert(t *testing.T, where, s string) {
	t.Helper()
	for i, r := range s {
		bad := (r < 0x20 && r != '\n' && r != '\t') || r == 0x7f || (r >= 0x80 && r <= 0x9f) ||
			(r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069)
		if bad || (r == utf8.RuneError && !strings.Contains(s[i:i+1], "\uFFFD")) {
			t.Fatalf("%s: control %U at byte %d: %q", where, r, i, s[max(0, i-20):min(len(s), i+20)])
		}
	}
}

// TestHostileTextNeverReachesTheTerminal stores hostile strings the way a
// hand-edited or foreign-written file would (straight into the tables,
// past every input check), then runs the read verbs: their output carries
// none of the sequences.
func TestHostileTextNeverReachesTheTerminal(t *testing.T) {
	bin := safetyBinary(t)
	dbPath := makeHostileBook(t, bin)
	verbs := [][]string{
		{"today"}, {"today", "--json"}, {"list"}, {"list", "--json"}, {"list", "--filter", "evil"},
		{"deal", "list"}, {"deal", "list", "--json"}, {"stages"}, {"check"}, {"config"},
	}
	for i := range hostilePayloads() {
		verbs = append(verbs, []string{"show", fmt.Sprintf("evil%d", i)}, []string{"show", fmt.Sprint(i + 2), "--json"})
	}
	for _, v := range verbs {
		r := runBin(t, bin, nil, append([]string{"--db", dbPath}, v...)...)
		where := strings.Join(v, " ")
		assertInert(t, where+" stdout", r.stdout)
		assertInert(t, where+" stderr", r.stderr)
	}
	// Arguments carrying escapes are cleaned before they are stored.
	r := runBin(t, bin, nil, "--db", dbPath, "add", "customer", "Bob \x1b]0;title\x07 \u202eSmith", "--company", "\x1b[31mRed Co")
	if r.code != 0 {
		t.Fatalf("add with escapes: %+v", r)
	}
	assertInert(t, "add output", r.stdout)
	d, _ := db.Open(context.Background(), dbPath, db.Options{Now: safetyNow, MustExist: true})
	defer d.Close()
	c, err := d.FindCustomer(context.Background(), "Bob")
	if err != nil {
		t.Fatal(err)
	}
	assertInert(t, "stored name", c.Name+c.Company)
	if model.Sanitize(c.Name) != c.Name {
		t.Fatalf("stored name not clean: %q", c.Name)
	}
}

// TestHostileFiles: files rapport must refuse or handle without harm.
func TestHostileFiles(t *testing.T) {
	bin := safetyBinary(t)
	dir := t.TempDir()

	// A file from a newer rapport: refused, both versions named, untouched.
	newer := filepath.Join(dir, "newer.db")
	raw, _ := sql.Open("sqlite", "file:"+newer)
	raw.Exec(`CREATE TABLE future (x)`)
	raw.Exec(fmt.Sprintf("PRAGMA user_version = %d", db.SchemaVersion()+1))
	raw.Close()
	before, _ := os.ReadFile(newer)
	for _, v := range [][]string{{"today"}, {"add", "customer", "X"}, {"list"}} {
		r := runBin(t, bin, nil, append([]string{"--db", newer}, v...)...)
		if r.code != 1 || !strings.Contains(r.stderr, fmt.Sprint(db.SchemaVersion()+1)) || !strings.Contains(r.stderr, fmt.Sprint(db.SchemaVersion())) {
			t.Errorf("newer file, %v: %+v", v, r)
		}
	}
	if after, _ := os.ReadFile(newer); !bytes.Equal(before, after) {
		t.Error("the newer file was changed")
	}
	if _, err := os.Stat(newer + "-wal"); err == nil {
		t.Error("a WAL was created beside the newer file")
	}

	// Random bytes: a clear error, no write, exit 1.
	junk := filepath.Join(dir, "junk.db")
	os.WriteFile(junk, bytes.Repeat([]byte{0xde, 0xad, 0xbe, 0xef}, 2048), 0o600)
	before, _ = os.ReadFile(junk)
	for _, v := range [][]string{{"today"}, {"add", "customer", "X"}, {"check"}} {
		r := runBin(t, bin, nil, append([]string{"--db", junk}, v...)...)
		if r.code != 1 || !strings.Contains(r.stderr, "not a rapport database") {
			t.Errorf("junk file, %v: %+v", v, r)
		}
	}
	if after, _ := os.ReadFile(junk); !bytes.Equal(before, after) {
		t.Error("the junk file was changed")
	}

	// A directory where the file should be.
	if r := runBin(t, bin, nil, "--db", dir, "add", "customer", "X"); r.code != 1 || !strings.Contains(r.stderr, "directory") {
		t.Errorf("directory path: %+v", r)
	}

	// A missing parent directory is created 0700.
	deep := filepath.Join(dir, "a", "b", "book.db")
	if r := runBin(t, bin, nil, "--db", deep, "add", "customer", "X"); r.code != 0 {
		t.Fatalf("missing parent: %+v", r)
	}
	if st, err := os.Stat(filepath.Dir(deep)); err != nil || st.Mode().Perm() != 0o700 {
		t.Errorf("parent dir: %v %v", st, err)
	}

	// Read-only file and folder, as an unprivileged user (root ignores modes).
	if _, err := exec.LookPath("setpriv"); err != nil || os.Geteuid() != 0 {
		t.Log("read-only checks need root and setpriv; skipped")
		return
	}
	ro := filepath.Join(dir, "ro")
	os.MkdirAll(ro, 0o755)
	book := filepath.Join(ro, "book.db")
	if r := runBin(t, bin, nil, "--db", book, "add", "customer", "Reader"); r.code != 0 {
		t.Fatal(r.stderr)
	}
	os.Chmod(book, 0o444)
	os.Chmod(ro, 0o555)
	os.Chmod(dir, 0o755)
	os.Chmod(filepath.Dir(dir), 0o755)
	defer os.Chmod(ro, 0o755)
	for _, v := range [][]string{{"add", "customer", "Writer"}, {"list"}, {"show", "Reader"}} {
		cmd := exec.Command("setpriv", append([]string{"--reuid=65534", "--regid=65534", "--clear-groups", bin, "--db", book}, v...)...)
		cmd.Env = append(os.Environ(), "RAPPORT_TODAY=2026-11-23", "HOME=/nonexistent")
		var out, errb bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errb
		err := cmd.Run()
		if strings.Contains(errb.String(), "panic") || strings.Contains(errb.String(), "goroutine") {
			t.Fatalf("read-only %v panicked: %s", v, errb.String())
		}
		if v[0] == "add" && (err == nil || !strings.Contains(errb.String(), "nothing was saved")) {
			t.Errorf("read-only write %v succeeded or said nothing useful: %v %q", v, err, errb.String())
		}
		if v[0] != "add" && (err != nil || !strings.Contains(out.String(), "Reader")) {
			t.Errorf("read-only read %v failed: %v %q %q", v, err, out.String(), errb.String())
		}
		t.Logf("read-only %v: err=%v stderr=%q", v, err, strings.TrimSpace(errb.String()))
	}
}

// makeHostileBook writes hostile strings into a book the way a hand-edited
// or foreign-written file would (straight into the tables, past every input
// check) and returns its path.
func makeHostileBook(t *testing.T, bin string) string {
	t.Helper()
	dbPath := filepath.Join(t.TempDir(), "hostile.db")
	if r := runBin(t, bin, nil, "--db", dbPath, "add", "customer", "Seed"); r.code != 0 {
		t.Fatalf("add: %+v", r)
	}
	raw, err := sql.Open("sqlite", "file:"+dbPath+"?_pragma=busy_timeout(5000)")
	if err != nil {
		t.Fatal(err)
	}
	now := int64(1795400000)
	for i, p := range hostilePayloads() {
		name := fmt.Sprintf("evil%d %s", i, p)
		if len(name) > 150 {
			name = name[:150]
		}
		res, err := raw.Exec(`INSERT INTO customers (name, company, email, notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`, name, p, "x@y.z", p, now, now)
		if err != nil {
			t.Fatal(err)
		}
		id, _ := res.LastInsertId()
		if _, err := raw.Exec(`INSERT INTO interactions (customer_id, kind, direction, summary, body, occurred_at, created_at, updated_at) VALUES (?, 'call', 'outbound', ?, ?, ?, ?, ?)`, id, "sum "+p[:min(len(p), 900)], p, now-86400*100, now, now); err != nil {
			t.Fatal(err)
		}
		if _, err := raw.Exec(`INSERT INTO followups (customer_id, title, due_date, created_at, updated_at) VALUES (?, ?, '2026-11-01', ?, ?)`, id, "fu "+p[:min(len(p), 150)], now, now); err != nil {
			t.Fatal(err)
		}
		if _, err := raw.Exec(`INSERT INTO deals (customer_id, title, value_minor, currency, stage_id, stage_changed_at, created_at, updated_at) VALUES (?, ?, 100, 'USD', 1, ?, ?, ?)`, id, "deal "+p[:min(len(p), 150)], now-86400*60, now, now); err != nil {
			t.Fatal(err)
		}
		raw.Exec(`INSERT OR IGNORE INTO tags (name, created_at, updated_at) VALUES (?, ?, ?)`, fmt.Sprintf("t%d%s", i, p[:min(len(p), 40)]), now, now)
	}
	raw.Close()
	// The rows were written behind the store's back: rebuild stats once.
	d, err := db.Open(context.Background(), dbPath, db.Options{Now: safetyNow, MustExist: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := d.RecomputeAll(context.Background()); err != nil {
		t.Fatal(err)
	}
	d.Close()
	return dbPath
}
