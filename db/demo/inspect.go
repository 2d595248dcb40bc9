package demo

import (
	"database/sql"
	"os"
	"strconv"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model/i18n"
)

// File is what Inspect found at a demo book's path.
type File struct {
	Missing   bool   // no file
	Empty     bool   // a file with no customers (or no tables at all)
	Foreign   bool   // not a rapport book
	BuiltOn   string // the demo marker: the date it was built on, "" for a real book
	Customers int    // how many customers the demo was built with (0: unknown)
	Seed      int64
}

// Inspect looks at path without changing it (read-only, no migration), so
// `rapport demo` can tell a demo book it may rebuild from a real one.
func Inspect(path string) (File, error) {
	var f File
	st, err := os.Stat(path)
	switch {
	case os.IsNotExist(err):
		f.Missing = true
		return f, nil
	case err != nil:
		return f, i18n.Errorf("cannot look at %s: %w", path, err)
	case st.IsDir():
		return f, i18n.Errorf("%s is a directory, not a database file: give --db a file path", path)
	case st.Size() == 0:
		f.Empty = true
		return f, nil
	}
	head := make([]byte, 16)
	if fh, err := os.Open(path); err == nil {
		n, _ := fh.Read(head)
		fh.Close()
		if n < 16 || string(head) != "SQLite format 3\x00" {
			f.Foreign = true
			return f, nil
		}
	}
	h, err := sql.Open("sqlite", db.DSN(path, true))
	if err != nil {
		return f, err
	}
	defer h.Close()
	var tables, hasCustomers, hasSettings int
	if err := h.QueryRow(`SELECT count(*), count(*) FILTER (WHERE name = 'customers'), count(*) FILTER (WHERE name = 'settings')
		FROM sqlite_master WHERE type = 'table'`).Scan(&tables, &hasCustomers, &hasSettings); err != nil {
		f.Foreign = true
		return f, nil
	}
	if tables == 0 {
		f.Empty = true
		return f, nil
	}
	if hasCustomers == 0 || hasSettings == 0 {
		f.Foreign = true
		return f, nil
	}
	var n int
	if err := h.QueryRow(`SELECT count(*) FROM (SELECT 1 FROM customers LIMIT 1)`).Scan(&n); err != nil {
		return f, i18n.Errorf("cannot read %s: %w", path, err)
	}
	f.Empty = n == 0
	rows, err := h.Query(`SELECT key, value FROM settings WHERE key IN (?, ?, ?)`, SettingKey, SettingKey+".customers", SettingKey+".seed")
	if err != nil {
		return f, i18n.Errorf("cannot read %s: %w", path, err)
	}
	defer rows.Close()
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			return f, err
		}
		switch k {
		case SettingKey:
			f.BuiltOn = v
		case SettingKey + ".customers":
			f.Customers, _ = strconv.Atoi(v)
		case SettingKey + ".seed":
			f.Seed, _ = strconv.ParseInt(v, 10, 64)
		}
	}
	return f, rows.Err()
}
