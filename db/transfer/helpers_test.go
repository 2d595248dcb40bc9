package transfer

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/db/internal/shareddata"
	"github.com/rapportcrm/rapport/model"
)

// fixedNow is the tests' clock: 2026-11-23 09:00 local.
func fixedNow() time.Time { return time.Date(2026, 11, 23, 9, 0, 0, 0, time.Local) }

// openBook opens a fresh book in a temp dir with a fixed clock.
func openBook(t testing.TB) *db.DB {
	t.Helper()
	return openAt(t, filepath.Join(t.TempDir(), "book.db"))
}

func openAt(t testing.TB, path string) *db.DB {
	t.Helper()
	d, err := db.Open(context.Background(), path, db.Options{Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	return d
}

// realFile returns the path of a file under /work/shared/data/real-files,
// found relative to the package directory.
func realFile(t testing.TB, rel string) string {
	t.Helper()
	return shareddata.Path(t, "real-files/"+rel)
}

func read(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// customerRow is a customer as the tests compare it.
type customerRow struct {
	Name, Company, Email, Phone, IM, Industry, Notes, Tier string
	Tags                                                   string
}

// customers returns the book's live customers by id, with their tags.
func customers(t testing.TB, d *db.DB) []customerRow {
	t.Helper()
	rows, err := d.Reader().QueryContext(context.Background(), `SELECT c.name, c.company, c.email, c.phone, c.im, c.industry, c.notes, c.tier,
		coalesce((SELECT group_concat(name, ',') FROM (SELECT t.name FROM customer_tags ct JOIN tags t ON t.id = ct.tag_id WHERE ct.customer_id = c.id ORDER BY t.name)), '')
		FROM customers c WHERE archived_at IS NULL ORDER BY c.id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []customerRow
	for rows.Next() {
		var c customerRow
		if err := rows.Scan(&c.Name, &c.Company, &c.Email, &c.Phone, &c.IM, &c.Industry, &c.Notes, &c.Tier, &c.Tags); err != nil {
			t.Fatal(err)
		}
		out = append(out, c)
	}
	return out
}

func byName(t testing.TB, cs []customerRow, name string) customerRow {
	t.Helper()
	for _, c := range cs {
		if c.Name == name {
			return c
		}
	}
	var names []string
	for _, c := range cs {
		names = append(names, c.Name)
	}
	sort.Strings(names)
	t.Fatalf("no customer %q among %s", name, strings.Join(names, " | "))
	return customerRow{}
}

func count(t testing.TB, d *db.DB, table string) int {
	t.Helper()
	var n int
	if err := d.Reader().QueryRowContext(context.Background(), "SELECT count(*) FROM "+table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// dump renders every data table, the stats and the undo journal as text,
// to compare a book before and after.
func dump(t testing.TB, d *db.DB) string {
	t.Helper()
	var b strings.Builder
	tables := jsonTables()
	tables = append(tables, "customer_stats", "deal_stats", "change_batches", "changes")
	for _, table := range tables {
		b.WriteString("== " + table + "\n")
		b.WriteString(dumpTable(t, d, table))
	}
	return b.String()
}

func dumpTable(t testing.TB, d *db.DB, table string) string {
	t.Helper()
	rows, err := d.Reader().QueryContext(context.Background(), "SELECT * FROM "+table+" ORDER BY 1, 2")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	var b strings.Builder
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		for i, v := range vals {
			if bs, ok := v.([]byte); ok {
				v = string(bs)
			}
			fmt.Fprintf(&b, "%s=%v|", cols[i], v)
		}
		b.WriteString("\n")
	}
	return b.String()
}

func dbCustomer(name, company, email, phone string) *model.Customer {
	return &model.Customer{Name: name, Company: company, Email: email, Phone: phone}
}

func bufioWriter(w io.Writer) *bufio.Writer { return bufio.NewWriter(w) }

func utf8Valid(s string) bool { return utf8.ValidString(s) }
