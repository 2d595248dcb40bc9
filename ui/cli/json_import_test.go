package cli

import (
	"bytes"
	"database/sql"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// editExport changes an export document the way a hand edit would.
func editExport(t *testing.T, src, dst string, edit func(tables map[string][]map[string]any)) {
	t.Helper()
	raw, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var doc map[string]any
	if err := dec.Decode(&doc); err != nil {
		t.Fatal(err)
	}
	tables := map[string][]map[string]any{}
	for k, v := range doc["tables"].(map[string]any) {
		for _, row := range v.([]any) {
			tables[k] = append(tables[k], row.(map[string]any))
		}
	}
	edit(tables)
	doc["tables"] = tables
	out, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dst, out, 0o600); err != nil {
		t.Fatal(err)
	}
}

// TestImportJSONValidatesAndSanitises (issue 27 item 6): an edited export
// with control characters is imported sanitised; one with a NUL, an
// impossible due date, a year-9999 interaction or an int64-max order is
// refused naming the row, and nothing is written.
func TestImportJSONValidatesAndSanitises(t *testing.T) {
	dir := t.TempDir()
	book := filepath.Join(dir, "book.db")
	for _, v := range [][]string{
		{"add", "customer", "Acme"},
		{"log", "Acme", "first call", "--next", "2026-12-01"},
		{"order", "Acme", "1200"},
	} {
		if code, _, errOut := xferRun(t, book, v...); code != ExitOK {
			t.Fatalf("%v: %s", v, errOut)
		}
	}
	export := filepath.Join(dir, "all.json")
	if code, _, errOut := xferRun(t, book, "export", "json", "--out", export); code != ExitOK {
		t.Fatal(errOut)
	}
	hostile := filepath.Join(dir, "hostile.json")
	editExport(t, export, hostile, func(tb map[string][]map[string]any) {
		tb["customers"][0]["name"] = "Acme\x1b]52;c;cm0gLXJmIH4=\x07 Ltd"
		tb["customers"][0]["company"] = "\u009b31mC1\u202eevil"
		tb["customers"][0]["notes"] = "line one\nbell\a two"
		tb["interactions"][0]["summary"] = "call \x1b[2J back"
	})
	fresh := filepath.Join(dir, "fresh.db")
	if code, out, errOut := xferRun(t, fresh, "import", "json", hostile); code != ExitOK {
		t.Fatalf("import of a hostile export: %d %s %s", code, out, errOut)
	}
	raw, err := sql.Open("sqlite", "file:"+fresh+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	var name, company, notes, summary string
	if err := raw.QueryRow(`SELECT c.name, c.company, c.notes, i.summary FROM customers c JOIN interactions i ON i.customer_id = c.id`).Scan(&name, &company, &notes, &summary); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	for what, s := range map[string]string{"name": name, "company": company, "notes": notes, "summary": summary} {
		assertInert(t, "stored "+what, s)
	}
	if !strings.Contains(notes, "line one\n") || !strings.Contains(name, "Acme") {
		t.Errorf("sanitising lost text: %q %q", name, notes)
	}

	for _, c := range []struct {
		name, want string
		edit       func(tb map[string][]map[string]any)
	}{
		{"NUL", "NUL", func(tb map[string][]map[string]any) { tb["customers"][0]["name"] = "Ac\x00me" }},
		{"bad due date", "2026-02-30", func(tb map[string][]map[string]any) { tb["followups"][0]["due_date"] = "2026-02-30" }},
		{"year 9999", "interactions row with id 1", func(tb map[string][]map[string]any) {
			tb["interactions"][0]["occurred_at"] = json.Number("253402214400")
		}},
		{"int64-max order", "larger than any one sale", func(tb map[string][]map[string]any) {
			tb["orders"][0]["amount_minor"] = json.Number("9223372036854775807")
		}},
	} {
		bad := filepath.Join(dir, strings.ReplaceAll(c.name, " ", "_")+".json")
		editExport(t, export, bad, c.edit)
		target := filepath.Join(dir, "t-"+strings.ReplaceAll(c.name, " ", "_")+".db")
		code, _, errOut := xferRun(t, target, "import", "json", bad)
		if code != ExitFailed || !strings.Contains(errOut, c.want) || !strings.Contains(errOut, "nothing was imported") {
			t.Errorf("%s: exit %d, stderr %q", c.name, code, errOut)
		}
		if code, out, _ := xferRun(t, target, "list"); code != ExitOK || strings.Contains(out, "Acme") {
			t.Errorf("%s: the refused import left rows: %s", c.name, out)
		}
	}
}

// TestExportsEmitNoControlCharacters (issue 27 item 6): whatever text the
// book holds, CSV, vCard, ICS and JSON exports carry no control, C1 or
// bidi-override character (line ends aside), and the JSON export still
// restores the text exactly.
func TestExportsEmitNoControlCharacters(t *testing.T) {
	dir := t.TempDir()
	book := filepath.Join(dir, "book.db")
	if code, _, errOut := xferRun(t, book, "add", "customer", "Seed"); code != ExitOK {
		t.Fatal(errOut)
	}
	if code, _, errOut := xferRun(t, book, "log", "Seed", "x", "--next", "2026-12-01"); code != ExitOK {
		t.Fatal(errOut)
	}
	evil := strings.Join(hostilePayloads()[:10], " ")
	raw, err := sql.Open("sqlite", "file:"+book+"?_pragma=busy_timeout(5000)")
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{`UPDATE customers SET name = ?1, company = ?1, notes = ?1, email = ?1, phone = ?1`, `UPDATE followups SET title = ?1`} {
		if _, err := raw.Exec(q, evil); err != nil {
			t.Fatal(err)
		}
	}
	raw.Close()
	for _, f := range []string{"csv", "vcard", "ics", "json"} {
		code, out, errOut := xferRun(t, book, "export", f)
		if code != ExitOK {
			t.Fatalf("export %s: %s", f, errOut)
		}
		assertInert(t, "export "+f, strings.ReplaceAll(out, "\r\n", "\n"))
	}
	jsonPath := filepath.Join(dir, "all.json")
	if code, _, errOut := xferRun(t, book, "export", "json", "--out", jsonPath); code != ExitOK {
		t.Fatal(errOut)
	}
	b, _ := os.ReadFile(jsonPath)
	var doc struct {
		Tables map[string][]map[string]any `json:"tables"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	if got := doc.Tables["customers"][0]["name"]; got != evil {
		t.Errorf("the JSON export is no longer exact: %q", got)
	}
}
