package transfer

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/model/i18n"
)

// JSONFormat and JSONVersion identify rapport's JSON export.
const (
	JSONFormat  = "rapport-export"
	JSONVersion = 1
)

// jsonTables are the tables a JSON export holds, parents before children.
// Derived tables (customer_stats, deal_stats, the search index) are rebuilt
// on import; the undo journal is not part of the book's data.
func jsonTables() []string {
	return []string{"settings", "stages", "playbooks", "tags", "customers", "contacts", "customer_tags", "deals",
		"deal_stage_history", "interactions", "followups", "orders", "tier_changes", "goals", "care_dates", "holidays", "templates"}
}

// Export is the JSON export document.
type Export struct {
	Format     string                      `json:"format"`
	Version    int                         `json:"version"`
	Schema     int                         `json:"schema"`
	ExportedAt string                      `json:"exported_at"`
	Tables     map[string][]map[string]any `json:"tables"`
}

// ExportJSON writes every row of the book's data tables (archived ones
// too) as one versioned JSON document that ImportJSON restores exactly.
func ExportJSON(ctx context.Context, d *db.DB, w io.Writer) error {
	q := d.Reader()
	var schema int
	if err := q.QueryRowContext(ctx, "PRAGMA user_version").Scan(&schema); err != nil {
		return err
	}
	doc := Export{Format: JSONFormat, Version: JSONVersion, Schema: schema, ExportedAt: d.Now().UTC().Format("2006-01-02T15:04:05Z"),
		Tables: map[string][]map[string]any{}}
	for _, t := range jsonTables() {
		rows, err := q.QueryContext(ctx, "SELECT * FROM "+t+" ORDER BY 1, 2")
		if err != nil {
			return err
		}
		cols, err := rows.Columns()
		if err != nil {
			rows.Close()
			return err
		}
		out := []map[string]any{}
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				rows.Close()
				return err
			}
			m := make(map[string]any, len(cols))
			for i, c := range cols {
				if b, ok := vals[i].([]byte); ok {
					vals[i] = string(b)
				}
				m[c] = vals[i]
			}
			out = append(out, m)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		doc.Tables[t] = out
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	_, err := w.Write(escapeControls(buf.Bytes()))
	return err
}

// escapeControls rewrites the characters encoding/json leaves raw that a
// terminal or editor may act on (DEL, C1 controls, bidi overrides and
// isolates) as \uXXXX escapes. They only occur inside JSON strings, so the
// document means the same and the restore stays exact.
func escapeControls(b []byte) []byte {
	var out bytes.Buffer
	out.Grow(len(b))
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		if r == 0x7f || (r >= 0x80 && r <= 0x9f) || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) || r == 0x200e || r == 0x200f || r == 0x061c {
			fmt.Fprintf(&out, `\u%04x`, r)
		} else {
			out.Write(b[:n])
		}
		b = b[n:]
	}
	return out.Bytes()
}

// ImportJSON restores an ExportJSON document into an empty book (one with
// no customers, deals or history): every row with its id, times and
// version, the export's stages and settings replacing the new book's
// defaults; then stats, risk and the search index are rebuilt. It is a
// restore, not a command: it is not undoable (delete the file to start
// again). It returns the rows written per table.
func ImportJSON(ctx context.Context, d *db.DB, raw []byte) (map[string]int, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var doc Export
	if err := dec.Decode(&doc); err != nil {
		return nil, i18n.Errorf("not a rapport JSON export: %w", err)
	}
	if doc.Format != JSONFormat {
		return nil, i18n.Errorf("not a rapport JSON export (format %q): import csv or vcard reads other files", doc.Format)
	}
	if doc.Version > JSONVersion {
		return nil, i18n.Errorf("the export is format version %d, newer than this rapport reads (%d): update rapport", doc.Version, JSONVersion)
	}
	var schema int
	if err := d.Reader().QueryRowContext(ctx, "PRAGMA user_version").Scan(&schema); err != nil {
		return nil, err
	}
	if doc.Schema > schema {
		return nil, i18n.Errorf("the export comes from schema %d, newer than this book's %d: update rapport", doc.Schema, schema)
	}
	for _, t := range []string{"customers", "contacts", "deals", "interactions", "followups", "orders", "tags"} {
		var n int
		if err := d.Reader().QueryRowContext(ctx, "SELECT count(*) FROM "+t).Scan(&n); err != nil {
			return nil, err
		}
		if n > 0 {
			return nil, i18n.Errorf("import json restores into an empty book, and this one has data: give a new file with --db")
		}
	}
	for t := range doc.Tables {
		if !knownTable(t) {
			return nil, i18n.Errorf("the export has a table %q that rapport does not know", t)
		}
	}
	counts := map[string]int{}
	err := d.BulkLoad(ctx, "", func(t *db.Tx) error {
		// The export's playbooks, stages, settings, holidays and templates
		// replace the new book's defaults (an export from before holidays,
		// templates or playbooks existed keeps those defaults).
		for _, table := range []string{"playbooks", "stages", "settings", "holidays", "templates"} {
			if len(doc.Tables[table]) > 0 {
				if _, err := t.Q().ExecContext(ctx, "DELETE FROM "+table); err != nil {
					return err
				}
			}
		}
		for _, table := range jsonTables() {
			cols, err := tableColumns(ctx, t.Q(), table)
			if err != nil {
				return err
			}
			for i, row := range doc.Tables[table] {
				names := make([]string, 0, len(row))
				vals := make([]any, 0, len(row))
				for k, v := range row {
					if !cols[k] {
						return i18n.Errorf("%s row %d: unknown column %q", table, i+1, k)
					}
					val, err := cleanJSONValue(k, jsonValue(v))
					if err != nil {
						return i18n.Errorf("%s row %d: %s %w; nothing was imported", table, i+1, k, err)
					}
					names = append(names, k)
					vals = append(vals, val)
				}
				q := "INSERT INTO " + table + " (" + strings.Join(names, ", ") + ") VALUES (" + strings.TrimSuffix(strings.Repeat("?, ", len(names)), ", ") + ")"
				if _, err := t.Q().ExecContext(ctx, q, vals...); err != nil {
					return i18n.Errorf("%s row %d: %w", table, i+1, err)
				}
			}
			counts[table] = len(doc.Tables[table])
		}
		// Every row as the stores would have written it, or nothing.
		if err := t.ValidateAll(); err != nil {
			return i18n.Errorf("%w; nothing was imported: correct the export or import another", err)
		}
		return nil
	})
	return counts, err
}

// cleanJSONValue sanitises a text value as every other input path does
// (control, C1 and bidi-override characters go; notes and bodies keep their
// line breaks) and refuses a NUL byte.
func cleanJSONValue(col string, v any) (any, error) {
	s, ok := v.(string)
	if !ok {
		return v, nil
	}
	if strings.IndexByte(s, 0) >= 0 {
		return nil, i18n.Errorf("contains a NUL byte")
	}
	if col == "notes" || col == "body" {
		return model.SanitizeMultiline(s), nil
	}
	return model.Sanitize(s), nil
}

func knownTable(t string) bool {
	for _, x := range jsonTables() {
		if x == t {
			return true
		}
	}
	return false
}

// tableColumns lists a table's columns: the only names an import may use
// (they are put into SQL text, so nothing else may pass).
func tableColumns(ctx context.Context, q db.Querier, table string) (map[string]bool, error) {
	rows, err := q.QueryContext(ctx, "SELECT name FROM pragma_table_info(?)", table)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]bool{}
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		out[n] = true
	}
	return out, rows.Err()
}

// jsonValue turns a decoded JSON value into a SQLite value: integers stay
// integers, other numbers are floats.
func jsonValue(v any) any {
	if n, ok := v.(json.Number); ok {
		if i, err := n.Int64(); err == nil {
			return i
		}
		f, _ := n.Float64()
		return f
	}
	return v
}
