package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/rapportcrm/rapport/db/transfer"
)

// xferRun runs rapport with args against the book at dbPath and returns
// the exit code, stdout and stderr.
func xferRun(t *testing.T, dbPath string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	e := &Env{Ctx: context.Background(), Stdout: &out, Stderr: &errb, Stdin: strings.NewReader(""), DBPath: dbPath,
		Now: func() time.Time { return time.Date(2026, 11, 23, 9, 0, 0, 0, time.Local) }}
	code := Run(e, args)
	return code, out.String(), errb.String()
}

func xferFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestTransferImportCSV(t *testing.T) {
	dir := t.TempDir()
	book := filepath.Join(dir, "book.db")
	bad := xferFile(t, dir, "people.csv", "Name,Email,Phone\nAda Lovelace,ada@example.com,+44 20 7946 0018\n,,call me\nBob,bob@,\n")
	code, out, errOut := xferRun(t, book, "import", "csv", bad)
	if code != ExitFailed || !strings.Contains(errOut, "line 3: name: is missing") || !strings.Contains(errOut, "--skip-bad") || !strings.Contains(out, "not imported") {
		t.Fatalf("bad file: %d\n%s\n%s", code, out, errOut)
	}
	if _, err := os.Stat(book); !os.IsNotExist(err) {
		t.Fatalf("a refused import left a book file behind: %v", err)
	}
	// The README's first step: a dry run on a book that does not exist yet.
	code, out, _ = xferRun(t, book, "import", "csv", "--dry-run", "--skip-bad", bad)
	if code != ExitOK || !strings.Contains(out, "dry run") || !strings.Contains(out, "line 2: create Ada Lovelace") || !strings.Contains(out, "line 3: reject") ||
		!strings.Contains(out, `line 4: email: "bob@" is not an email address; kept in the notes`) {
		t.Fatalf("dry run: %d\n%s", code, out)
	}
	if _, err := os.Stat(book); !os.IsNotExist(err) {
		t.Fatalf("a dry run created a book: %v", err)
	}
	code, out, errOut = xferRun(t, book, "import", "csv", "--skip-bad", bad)
	if code != ExitOK || !strings.Contains(out, "imported: 2 customers created") || !strings.Contains(errOut, "line 3") {
		t.Fatalf("skip-bad: %d\n%s\n%s", code, out, errOut)
	}
	code, out, _ = xferRun(t, book, "list")
	if code != ExitOK || !strings.Contains(out, "Ada Lovelace") {
		t.Fatalf("list after import: %s", out)
	}
	code, out, _ = xferRun(t, book, "undo")
	if code != ExitOK || !strings.Contains(out, "import people.csv") {
		t.Fatalf("undo: %d %s", code, out)
	}
	if code, _, errOut := xferRun(t, book, "import", "csv", "--on-duplicate", "maybe", bad); code != ExitUsage {
		t.Errorf("bad --on-duplicate: %d %s", code, errOut)
	}
	if code, _, errOut := xferRun(t, book, "import", "csv", "--map", "nonsense", bad); code != ExitUsage {
		t.Errorf("bad --map: %d %s", code, errOut)
	}
	if code, _, _ := xferRun(t, book, "import", "csv", filepath.Join(dir, "missing.csv")); code != ExitFailed {
		t.Errorf("missing file: %d", code)
	}
}

func TestTransferImportVCardAndExports(t *testing.T) {
	dir := t.TempDir()
	book := filepath.Join(dir, "book.db")
	vcf := xferFile(t, dir, "c.vcf", "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:王芳\r\nORG:星海贸易\r\nTEL:+86 138 0013 8000\r\nEMAIL:wang@example.cn\r\nCATEGORIES:vip\r\nEND:VCARD\r\n")
	if code, out, errOut := xferRun(t, book, "import", "vcard", vcf); code != ExitOK || !strings.Contains(out, "1 customers created") {
		t.Fatalf("vcard: %d %s %s", code, out, errOut)
	}
	broken := xferFile(t, dir, "b.vcf", "BEGIN:VCARD\r\nFN:x\r\n")
	if code, _, errOut := xferRun(t, book, "import", "vcard", broken); code != ExitFailed || !strings.Contains(errOut, "line 2") {
		t.Errorf("broken vcard: %d %s", code, errOut)
	}
	code, out, _ := xferRun(t, book, "export", "csv")
	if code != ExitOK || !strings.HasPrefix(out, "\uFEFFid,name") || !strings.Contains(out, "'+86 138 0013 8000") {
		t.Errorf("export csv: %q", out)
	}
	code, out, _ = xferRun(t, book, "export", "csv", "--excel=false")
	if code != ExitOK || strings.HasPrefix(out, "\uFEFF") {
		t.Errorf("--excel=false: %q", out)
	}
	_, help, _ := xferRun(t, book, "export", "--help")
	if !strings.Contains(help, "formulas are neutralised") {
		t.Errorf("export --help must say the CSV is formula-safe: %s", help)
	}
	jsonPath := filepath.Join(dir, "all.json")
	if code, out, errOut := xferRun(t, book, "export", "json", "--out", jsonPath); code != ExitOK || !strings.Contains(out, jsonPath) {
		t.Fatalf("export json: %d %s %s", code, out, errOut)
	}
	if st, err := os.Stat(jsonPath); err != nil || st.Mode().Perm() != 0o600 {
		t.Errorf("export file mode: %v %v", st, err)
	}
	fresh := filepath.Join(dir, "fresh.db")
	if code, out, errOut := xferRun(t, fresh, "import", "json", jsonPath); code != ExitOK || !strings.Contains(out, "restored 1 customers") {
		t.Fatalf("import json: %d %s %s", code, out, errOut)
	}
	if code, _, errOut := xferRun(t, fresh, "import", "json", jsonPath); code != ExitFailed || !strings.Contains(errOut, "empty book") {
		t.Errorf("second restore: %d %s", code, errOut)
	}
	if code, out, _ := xferRun(t, book, "export", "vcard"); code != ExitOK || !strings.Contains(out, "FN:王芳\r\n") {
		t.Errorf("export vcard: %s", out)
	}
	if code, out, _ := xferRun(t, book, "export", "ics"); code != ExitOK || !strings.HasPrefix(out, "BEGIN:VCALENDAR\r\n") {
		t.Errorf("export ics: %s", out)
	}
	if code, _, _ := xferRun(t, book, "export", "pdf"); code != ExitUsage {
		t.Errorf("unknown format: %d", code)
	}
	if code, _, errOut := xferRun(t, filepath.Join(dir, "none.db"), "export", "csv"); code != ExitFailed || !strings.Contains(errOut, "rapport import csv") {
		t.Errorf("export of a missing book: %d %s", code, errOut)
	}
}

func TestTransferBackup(t *testing.T) {
	dir := t.TempDir()
	book := filepath.Join(dir, "book.db")
	if code, _, errOut := xferRun(t, book, "add", "customer", "Ada"); code != ExitOK {
		t.Fatal(errOut)
	}
	dest := filepath.Join(dir, "copy.db")
	code, out, errOut := xferRun(t, book, "backup", dest)
	if code != ExitOK || !strings.Contains(out, dest) {
		t.Fatalf("backup: %d %s %s", code, out, errOut)
	}
	if code, out, _ := xferRun(t, dest, "list"); code != ExitOK || !strings.Contains(out, "Ada") {
		t.Errorf("the copy opens: %s", out)
	}
	if code, _, errOut := xferRun(t, book, "backup", dest); code != ExitFailed || !strings.Contains(errOut, "exists") {
		t.Errorf("backup over an existing file: %d %s", code, errOut)
	}
	if code, out, _ := xferRun(t, book, "backup"); code != ExitOK || !strings.Contains(out, ".bak") {
		t.Errorf("default backup path: %s", out)
	}
	for _, v := range [][]string{{"import", "--help"}, {"import", "csv", "--help"}, {"import", "vcard", "--help"}, {"import", "json", "--help"}, {"export", "--help"}, {"backup", "--help"}} {
		if code, out, _ := xferRun(t, book, v...); code != ExitOK || !strings.Contains(out, "usage") {
			t.Errorf("%v: %d %s", v, code, out)
		}
	}
}

// TestTransferImportWorkbooksAndBinaries: .xlsx through `import csv` and
// `import xlsx` (with --sheet), a .xls refused in one line without leaving
// a book behind, and the dry run's column and stage listings.
func TestTransferImportWorkbooksAndBinaries(t *testing.T) {
	dir := t.TempDir()
	book := filepath.Join(dir, "book.db")
	testdata := filepath.Join("..", "..", "db", "transfer", "testdata")
	code, out, errOut := xferRun(t, book, "import", "csv", filepath.Join(testdata, "old_excel.xls"))
	if code != ExitFailed || !strings.Contains(errOut, "old Excel workbook (.xls") || strings.Count(strings.TrimSpace(errOut), "\n") != 0 {
		t.Fatalf(".xls: %d\n%s\n%s", code, out, errOut)
	}
	if _, err := os.Stat(book); !os.IsNotExist(err) {
		t.Fatalf("a refused import left a book: %v", err)
	}
	code, out, errOut = xferRun(t, book, "import", "xlsx", "--dry-run", filepath.Join(testdata, "wecom_members.xlsx"))
	if code != ExitOK || !strings.Contains(out, "Excel workbook, sheet 成员信息, header on row 9") || !strings.Contains(out, "个人邮箱 → email") ||
		!strings.Contains(out, "columns kept in the notes: 别名 (3)") || !strings.Contains(out, "line 10: skip 张三（示例）") {
		t.Fatalf("xlsx dry run: %d\n%s\n%s", code, out, errOut)
	}
	if code, _, errOut := xferRun(t, book, "import", "csv", "--sheet", "nope", filepath.Join(testdata, "wecom_members.xlsx")); code != ExitFailed || !strings.Contains(errOut, "no such sheet") {
		t.Errorf("--sheet nope: %d %s", code, errOut)
	}
	code, out, errOut = xferRun(t, book, "import", "csv", filepath.Join(testdata, "salesforce_accounts.csv"))
	if code != ExitOK || !strings.Contains(out, "imported: 7 customers created") {
		t.Fatalf("accounts: %d\n%s\n%s", code, out, errOut)
	}
	code, out, errOut = xferRun(t, book, "import", "csv", "--kind", "deals", "--dry-run", "--map-stage", "Value Proposition=Proposal", filepath.Join(testdata, "salesforce_opportunities.csv"))
	if code != ExitOK || !strings.Contains(out, "Value Proposition → Proposal (--map-stage)") || !strings.Contains(out, "Id. Decision Makers → Qualified") {
		t.Fatalf("deals dry run: %d\n%s\n%s", code, out, errOut)
	}
	if code, _, errOut := xferRun(t, book, "import", "csv", "--map-stage", "nonsense", filepath.Join(testdata, "salesforce_opportunities.csv")); code != ExitUsage {
		t.Errorf("bad --map-stage: %d %s", code, errOut)
	}
}

// TestImportProgressBar draws the bar the terminal shows during a big
// import (newImportProgress returns nil when stderr is no terminal, as in
// every other test).
func TestImportProgressBar(t *testing.T) {
	if newImportProgress(&bytes.Buffer{}, nil) != nil {
		t.Fatal("no progress on a writer that is not a terminal")
	}
	var buf bytes.Buffer
	p := &importProgress{w: &buf}
	p.update(transfer.Progress{Phase: transfer.PhaseRead, Rows: 2000, Done: 500, Total: 1000})
	p.update(transfer.Progress{Phase: transfer.PhaseRead, Rows: 4000, Done: 1000, Total: 1000})
	p.update(transfer.Progress{Phase: transfer.PhaseWrite, Rows: 4000, Done: 4000, Total: 4000})
	p.finish()
	out := buf.String()
	if !strings.Contains(out, "2000 rows read") || !strings.Contains(out, "rows/s") || !strings.Contains(out, "customers written") {
		t.Errorf("progress output: %q", out)
	}
}
