package transfer

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"runtime/debug"
	"sort"
	"strings"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model/i18n"
)

// bulkThreshold is how many new customers make an import load in bulk
// (db.BulkLoad: search index and stats rebuilt once) instead of row by row.
const bulkThreshold = 1000

// ImportCSV imports a CSV file (or an .xlsx workbook) given as bytes; see
// ImportReader.
func ImportCSV(ctx context.Context, d *db.DB, raw []byte, opt Options) (*Report, error) {
	open := func() (io.Reader, int64, func(), error) { return bytes.NewReader(raw), int64(len(raw)), func() {}, nil }
	return importOpened(ctx, d, open, opt)
}

// ImportFile imports the CSV file or .xlsx workbook at path. A CSV file is
// streamed: read twice (once to check every row, once to write) and never
// held in memory, so a 50 MB file imports in well under 200 MB; see
// ImportReader.
func ImportFile(ctx context.Context, d *db.DB, path string, opt Options) (*Report, error) {
	defer boundMemory()()
	open := func() (io.Reader, int64, func(), error) {
		f, err := os.Open(path)
		if err != nil {
			return nil, 0, nil, err
		}
		var size int64
		if st, err := f.Stat(); err == nil {
			size = st.Size()
		}
		return f, size, func() { f.Close() }, nil
	}
	return importOpened(ctx, d, open, opt)
}

// ImportReader imports rows of opt.Kind (customers by default) from r, a
// CSV file or an .xlsx workbook of size bytes (0 if unknown), into d. A
// value that does not fit its field is kept in the notes and listed in
// Report.Warnings; a row that cannot be a customer at all is reported by
// line, and with any of them and without SkipBad nothing is written and
// the error wraps ErrBadRows. The whole import is one transaction and one
// undo batch. A dry run (opt.DryRun) writes nothing and returns the same
// report the import would. r is read twice when it is an io.Seeker, and
// held in memory otherwise.
func ImportReader(ctx context.Context, d *db.DB, r io.Reader, size int64, opt Options) (*Report, error) {
	rs, ok := r.(io.ReadSeeker)
	if !ok {
		raw, err := io.ReadAll(r)
		if err != nil {
			return nil, err
		}
		return ImportCSV(ctx, d, raw, opt)
	}
	start, err := rs.Seek(0, io.SeekCurrent)
	if err != nil {
		return nil, err
	}
	open := func() (io.Reader, int64, func(), error) {
		_, err := rs.Seek(start, io.SeekStart)
		return rs, size, func() {}, err
	}
	return importOpened(ctx, d, open, opt)
}

// importMemoryLimit is the soft limit on the Go heap during an import of
// a file (unless the process has one, GOMEMLIMIT): the garbage collector
// then works harder instead of letting the heap double, which keeps a
// 50 MB import under 200 MB of memory with SQLite's own.
const importMemoryLimit = 120 << 20

// boundMemory sets importMemoryLimit when the process has no limit, and
// returns what puts the old one back.
func boundMemory() func() {
	prev := debug.SetMemoryLimit(-1)
	if prev != math.MaxInt64 {
		return func() {}
	}
	debug.SetMemoryLimit(importMemoryLimit)
	return func() { debug.SetMemoryLimit(prev) }
}

// opener opens the import file from its start (again): the reader, its
// size (0 if unknown) and how to close it.
type opener func() (io.Reader, int64, func(), error)

func importOpened(ctx context.Context, d *db.DB, open opener, opt Options) (*Report, error) {
	if opt.Kind == "" {
		opt.Kind = KindCustomers
	}
	names := customerHeaders()
	if opt.Kind != KindCustomers {
		names = historyHeaders()
	}
	overrides := opt.Maps
	known := func(h string) bool {
		if _, ok := lookupHeader(names, h); ok {
			return true
		}
		for col := range overrides {
			if headerKey(col) == headerKey(h) {
				return true
			}
		}
		return false
	}
	openSource := func() (*Source, func(), error) {
		r, size, closeFn, err := open()
		if err != nil {
			return nil, nil, err
		}
		src, err := OpenSource(r, size, opt.Encoding, opt.Sheet, known)
		if err != nil {
			closeFn()
			return nil, nil, err
		}
		return src, closeFn, nil
	}
	src, closeFn, err := openSource()
	if err != nil {
		return nil, err
	}
	m, err := mapHeader(src.Header, names, overrides, opt.Kind)
	if err != nil {
		closeFn()
		return nil, err
	}
	rep := &Report{Kind: opt.Kind, Encoding: src.Encoding, Delimiter: delimName(src.Delimiter), HeaderLine: src.HeaderLine,
		Unknown: m.Unknown, DryRun: opt.DryRun, Format: src.Format, Sheet: src.Sheet}
	if src.Format == "xlsx" {
		rep.Delimiter = ""
	}
	switch opt.Kind {
	case KindCustomers:
		if !hasAny(m, FName, FFirst, FLast, FCompany, FEmail, FPhone) {
			closeFn()
			return rep, i18n.Errorf("line %d: no column holds the customer's name, company, email or phone (columns: %s): name one with --map COLUMN=name",
				src.HeaderLine, strings.Join(src.Header, ", "))
		}
		first := true
		stream := func(r *Report, yield func(*candidate) error) error {
			s, c := src, closeFn
			if !first {
				var err error
				if s, c, err = openSource(); err != nil {
					return err
				}
			}
			first = false
			defer c()
			return streamCandidates(s, m, opt, r, yield)
		}
		return importStream(ctx, d, stream, opt, rep)
	case KindInteractions, KindFollowups, KindOrders, KindDeals:
		defer closeFn()
		t, err := src.table()
		if err != nil {
			return rep, err
		}
		rep.Rows = len(t.Rows)
		rep.Columns = columnUses(t.Header, m, countValues(t), false)
		addLenient(rep, src)
		return importHistory(ctx, d, t, m, opt, rep)
	}
	closeFn()
	return rep, i18n.Errorf("%q is not an import kind: use customers, interactions, followups, orders or deals", opt.Kind)
}

// progressEvery is how many rows pass between two progress calls.
const progressEvery = 2000

// streamCandidates reads the source's rows as customers to import and runs
// yield over each good one. With rep set (the first pass) it counts the
// rows, rejects the rows that cannot be a customer, notes the values kept
// aside and reports reading progress.
func streamCandidates(src *Source, m Mapping, opt Options, rep *Report, yield func(*candidate) error) error {
	var counts []int
	if rep != nil {
		counts = make([]int, len(src.Header))
	}
	rows := 0
	report := func() {
		if opt.Progress != nil && rep != nil {
			done, total := src.Progress()
			opt.Progress(Progress{Phase: PhaseRead, Rows: rows, Done: done, Total: total})
		}
	}
	tags := map[string]string{} // the same tag on many rows is one string
	for {
		r, err := src.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return err
		}
		if blank(r.Fields) {
			continue
		}
		rows++
		if rows%progressEvery == 0 {
			report()
		}
		if rep != nil {
			for i, f := range r.Fields {
				if i < len(counts) && f != "" && strings.TrimSpace(f) != "" {
					counts[i]++
				}
			}
		}
		cd, err := candidateFromRow(r, src.Header, m, importOptions{keepExtra: opt.KeepExtra})
		if err == nil && cd.skip == "" {
			err = cd.clean()
		}
		if err != nil {
			if rep != nil {
				rep.reject(r.Line, err)
			}
			continue
		}
		for i, t := range cd.tags {
			if s, ok := tags[t]; ok {
				cd.tags[i] = s
			} else if len(tags) < 10000 {
				tags[t] = t
			}
		}
		if rep != nil {
			for _, w := range cd.warnings {
				rep.warn(r.Line, w)
			}
		}
		cd.warnings = nil
		if err := yield(&cd); err != nil {
			return err
		}
	}
	if rep != nil {
		report()
		rep.Rows = rows
		addLenient(rep, src)
		rep.Columns = columnUses(src.Header, m, counts, opt.KeepExtra)
	}
	return nil
}

// addLenient adds the lines the reader read leniently to the warnings, in
// line order.
func addLenient(rep *Report, src *Source) {
	if len(src.Lenient)+len(src.Damaged) == 0 {
		return
	}
	rep.Warnings = append(rep.Warnings, src.Damaged...)
	rep.Warnings = append(rep.Warnings, src.Lenient...)
	sort.SliceStable(rep.Warnings, func(i, j int) bool { return rep.Warnings[i].Line < rep.Warnings[j].Line })
}

func countValues(t *Table) []int {
	counts := make([]int, len(t.Header))
	for _, r := range t.Rows {
		for i, f := range r.Fields {
			if i < len(counts) && strings.TrimSpace(f) != "" {
				counts[i]++
			}
		}
	}
	return counts
}

// KeptInNotes is ColumnUse.Field for a column kept in the notes as
// "Header: value".
const KeptInNotes = "kept in notes"

// columnUses says what happens to each column.
func columnUses(header []string, m Mapping, counts []int, keepExtra bool) []ColumnUse {
	out := make([]ColumnUse, 0, len(header))
	for i, h := range header {
		if strings.TrimSpace(h) == "" && counts[i] == 0 {
			continue
		}
		u := ColumnUse{Header: h, Values: counts[i]}
		switch f := m.Cols[i]; f {
		case "":
			if keepExtra {
				u.Field = KeptInNotes
			}
		case FIgnore:
		case FKeep, FSourceID:
			u.Field = KeptInNotes
		default:
			u.Field = string(f)
		}
		out = append(out, u)
	}
	return out
}

func hasAny(m Mapping, fs ...Field) bool {
	for _, c := range m.Cols {
		for _, f := range fs {
			if c == f {
				return true
			}
		}
	}
	return false
}

func blank(fs []string) bool {
	for _, f := range fs {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}

// prepare prepares a statement on the transaction behind t.
func prepare(ctx context.Context, t *db.Tx, query string) (*sql.Stmt, error) {
	p, ok := t.Q().(interface {
		PrepareContext(context.Context, string) (*sql.Stmt, error)
	})
	if !ok {
		return nil, fmt.Errorf("the transaction cannot prepare statements")
	}
	return p.PrepareContext(ctx, query)
}

// idRuns collects inserted ids as contiguous ranges for Tx.JournalRange.
type idRuns struct{ from, to []int64 }

func (r *idRuns) add(id int64) {
	if n := len(r.to); n > 0 && r.to[n-1]+1 == id {
		r.to[n-1] = id
		return
	}
	r.from = append(r.from, id)
	r.to = append(r.to, id)
}

func (r *idRuns) journal(t *db.Tx, table string) error {
	for i := range r.from {
		if err := t.JournalRange(table, r.from[i], r.to[i]); err != nil {
			return err
		}
	}
	return nil
}
