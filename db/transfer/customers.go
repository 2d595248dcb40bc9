package transfer

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model"
)

// bulkThreshold is how many new customers make an import load in bulk
// (db.BulkLoad: search index and stats rebuilt once) instead of row by row.
const bulkThreshold = 1000

// ImportCSV imports a CSV file (or an .xlsx workbook) given as bytes; see
// ImportReader.
func ImportCSV(ctx context.Context, d *db.DB, raw []byte, opt Options) (*Report, error) {
	return ImportReader(ctx, d, bytes.NewReader(raw), int64(len(raw)), opt)
}

// ImportFile imports the CSV file or .xlsx workbook at path, reading a CSV
// file as a stream (a 50 MB file is not held in memory); see ImportReader.
func ImportFile(ctx context.Context, d *db.DB, path string, opt Options) (*Report, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var size int64
	if st, err := f.Stat(); err == nil {
		size = st.Size()
	}
	return ImportReader(ctx, d, f, size, opt)
}

// ImportReader imports rows of opt.Kind (customers by default) from r, a
// CSV file or an .xlsx workbook of size bytes (0 if unknown), into d. A
// value that does not fit its field is kept in the notes and listed in
// Report.Warnings; a row that cannot be a customer at all is reported by
// line, and with any of them and without SkipBad nothing is written and
// the error wraps ErrBadRows. The whole import is one transaction and one
// undo batch. A dry run (opt.DryRun) writes nothing and returns the same
// report the import would.
func ImportReader(ctx context.Context, d *db.DB, r io.Reader, size int64, opt Options) (*Report, error) {
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
	src, err := OpenSource(r, size, opt.Encoding, opt.Sheet, known)
	if err != nil {
		return nil, err
	}
	m, err := mapHeader(src.Header, names, overrides, opt.Kind)
	if err != nil {
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
			return rep, fmt.Errorf("line %d: no column holds the customer's name, company, email or phone (columns: %s): name one with --map COLUMN=name",
				src.HeaderLine, strings.Join(src.Header, ", "))
		}
		cands, err := readCandidates(src, m, opt, rep)
		if err != nil {
			return rep, err
		}
		return importCandidates(ctx, d, cands, opt, rep)
	case KindInteractions, KindFollowups, KindOrders, KindDeals:
		t, err := src.table()
		if err != nil {
			return rep, err
		}
		rep.Rows = len(t.Rows)
		rep.Columns = columnUses(t.Header, m, countValues(t), false)
		addLenient(rep, src)
		return importHistory(ctx, d, t, m, opt, rep)
	}
	return rep, fmt.Errorf("%q is not an import kind: use customers, interactions, followups, orders or deals", opt.Kind)
}

// progressEvery is how many rows pass between two progress calls.
const progressEvery = 2000

// readCandidates reads the source's rows into customers to import,
// rejecting the rows that cannot be one and noting the values kept aside.
func readCandidates(src *Source, m Mapping, opt Options, rep *Report) ([]*candidate, error) {
	counts := make([]int, len(src.Header))
	var cands []*candidate
	report := func() {
		if opt.Progress != nil {
			done, total := src.Progress()
			opt.Progress(Progress{Phase: PhaseRead, Rows: rep.Rows, Done: done, Total: total})
		}
	}
	for {
		r, err := src.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		if blank(r.Fields) {
			continue
		}
		rep.Rows++
		if rep.Rows%progressEvery == 0 {
			report()
		}
		for i, f := range r.Fields {
			if i < len(counts) && f != "" && strings.TrimSpace(f) != "" {
				counts[i]++
			}
		}
		cd, err := candidateFromRow(r, src.Header, m, importOptions{keepExtra: opt.KeepExtra})
		if err == nil && cd.skip == "" {
			err = cd.clean()
		}
		if err != nil {
			rep.reject(r.Line, err)
			continue
		}
		for _, w := range cd.warnings {
			rep.warn(r.Line, w)
		}
		cd.warnings = nil
		cands = append(cands, &cd)
	}
	report()
	addLenient(rep, src)
	rep.Columns = columnUses(src.Header, m, counts, opt.KeepExtra)
	return cands, nil
}

// addLenient adds the lines the reader read leniently to the warnings, in
// line order.
func addLenient(rep *Report, src *Source) {
	if len(src.Lenient) == 0 {
		return
	}
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

// plan is what a customer import will do.
type plan struct {
	fresh   []*entry // customers to create, in file order
	updates []*entry // book customers a merge changes
}

// planCustomers deduplicates candidates against the book (read through q)
// and each other, filling rep's counts and items.
func planCustomers(ctx context.Context, q db.Querier, cands []*candidate, onDup string, rep *Report) (*plan, error) {
	ix, _, err := loadBook(ctx, q)
	if err != nil {
		return nil, err
	}
	p := &plan{}
	markShared(ix, cands, rep)
	updated := map[*entry]bool{}
	for i := range cands {
		cd := cands[i]
		cands[i] = nil // the entry keeps what it needs; a 100k-row import halves its memory
		if cd.skip != "" {
			rep.Skipped++
			rep.item(cd.line, "skip", cd.c.Name, cd.skip)
			continue
		}
		match := ix.find(&cd.c)
		if match == nil || onDup == DupCreate {
			e := &entry{c: cd.c, line: cd.line, contact: cd.contact, role: cd.role, people: cd.people}
			for _, t := range cd.tags {
				if !e.hasTag(t) {
					e.tags = append(e.tags, t)
				}
			}
			ix.add(e)
			p.fresh = append(p.fresh, e)
			rep.Created++
			rep.item(cd.line, "create", e.c.Name, e.c.Company)
			continue
		}
		if onDup == DupSkip {
			rep.Skipped++
			rep.item(cd.line, "skip", cd.c.Name, "duplicate of "+describe(match))
			continue
		}
		changed := match.merge(cd)
		ix.add(match)
		if match.existing && len(changed) == 0 {
			rep.Unchanged++
			rep.item(cd.line, "unchanged", match.c.Name, "already in the book as customer "+fmt.Sprint(match.c.ID))
			continue
		}
		if match.existing {
			match.changed = append(match.changed, changed...)
			if !updated[match] {
				updated[match] = true
				p.updates = append(p.updates, match)
			}
		}
		rep.Merged++
		detail := "into " + describe(match)
		if len(changed) > 0 {
			detail += ": " + strings.Join(changed, ", ")
		}
		rep.item(cd.line, "merge", cd.c.Name, detail)
	}
	return p, nil
}

// markShared makes the phones that sharedPhoneRows or more rows of the
// file give no identity key (a switchboard, a company's main number), and
// says so in the report.
func markShared(ix *index, cands []*candidate, rep *Report) {
	type seen struct{ n, line int }
	byKey := map[string]*seen{}
	for i := range cands {
		if cands[i].skip != "" {
			continue
		}
		if k := phoneKey(cands[i].c.Phone); k != "" {
			s := byKey[k]
			if s == nil {
				s = &seen{line: cands[i].line}
				byKey[k] = s
			}
			s.n++
		}
	}
	var shared []LineError
	for k, s := range byKey {
		if s.n >= sharedPhoneRows {
			ix.shared[k] = true
			delete(ix.phone, k)
			shared = append(shared, LineError{Line: s.line, Reason: fmt.Sprintf("phone %s is on %d rows (a switchboard?): it does not make them one customer", k, s.n)})
		}
	}
	sort.Slice(shared, func(i, j int) bool { return shared[i].Line < shared[j].Line })
	rep.Warnings = append(rep.Warnings, shared...)
}

func describe(e *entry) string {
	if e.existing {
		return fmt.Sprintf("customer %d %s", e.c.ID, e.c.Name)
	}
	return fmt.Sprintf("line %d %s", e.line, e.c.Name)
}

// importCandidates plans and, unless it is a dry run or rows are bad
// without SkipBad, writes the customers in one transaction.
func importCandidates(ctx context.Context, d *db.DB, cands []*candidate, opt Options, rep *Report) (*Report, error) {
	onDup := opt.OnDuplicate
	switch onDup {
	case "":
		onDup = DupMerge
	case DupMerge, DupSkip, DupCreate:
	default:
		return rep, fmt.Errorf("--on-duplicate %q: use skip, merge or create", onDup)
	}
	if opt.DryRun || (len(rep.Rejected) > 0 && !opt.SkipBad) {
		// The dry run's answer, or what the good rows would have done.
		preview := *rep
		if _, err := planCustomers(ctx, d.Reader(), cands, onDup, &preview); err != nil {
			return rep, err
		}
		*rep = preview
		if len(rep.Rejected) > 0 && !opt.SkipBad {
			return rep, fmt.Errorf("%d bad rows: %w", len(rep.Rejected), ErrBadRows)
		}
		return rep, nil
	}
	write := d.Write
	if len(cands) >= bulkThreshold {
		write = d.BulkLoad
	}
	err := write(ctx, "import "+opt.Name, func(t *db.Tx) error {
		final := *rep
		p, err := planCustomers(ctx, t.Q(), cands, onDup, &final)
		if err != nil {
			return err
		}
		*rep = final
		if len(p.fresh) == 0 && len(p.updates) == 0 {
			return errNothingToWrite
		}
		return p.apply(ctx, t, opt.Progress)
	})
	if errors.Is(err, errNothingToWrite) {
		return rep, nil
	}
	if err != nil {
		return rep, err
	}
	rep.Written = true
	return rep, nil
}

// errNothingToWrite rolls back an import whose rows are all in the book
// already, so it leaves no empty undo batch behind.
var errNothingToWrite = errors.New("nothing to write")

// apply writes the plan inside t: new customers with one prepared insert
// each and one compact journal range, then tags and contacts, then the
// merges into book customers (journaled with their before images).
func (p *plan) apply(ctx context.Context, t *db.Tx, progress func(Progress)) error {
	now := t.Now().Unix()
	ins, err := prepare(ctx, t, `INSERT INTO customers (name, company, email, phone, im, industry, source, tier, tier_pinned,
		lifecycle, churn_reason, cadence_days, notes, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`)
	if err != nil {
		return err
	}
	defer ins.Close()
	runs := &idRuns{}
	for i, e := range p.fresh {
		c := &e.c
		var cad any
		if c.CadenceDays > 0 {
			cad = c.CadenceDays
		}
		res, err := ins.ExecContext(ctx, c.Name, c.Company, c.Email, c.Phone, c.IM, c.Industry, c.Source, string(c.Tier), c.TierPinned,
			string(c.Lifecycle), c.ChurnReason, cad, c.Notes, now, now)
		if err != nil {
			return fmt.Errorf("line %d: %w", e.line, err)
		}
		if c.ID, err = res.LastInsertId(); err != nil {
			return err
		}
		runs.add(c.ID)
		t.Touch(c.ID)
		if progress != nil && ((i+1)%progressEvery == 0 || i+1 == len(p.fresh)) {
			progress(Progress{Phase: PhaseWrite, Rows: i + 1, Done: int64(i + 1), Total: int64(len(p.fresh))})
		}
	}
	if err := runs.journal(t, "customers"); err != nil {
		return err
	}
	var links []db.CustomerTags
	var people []model.Contact
	for _, e := range p.fresh {
		if len(e.tags) > 0 {
			links = append(links, db.CustomerTags{CustomerID: e.c.ID, Tags: e.tags})
		}
		switch {
		case len(e.people) > 0:
			primary := false
			for _, ct := range e.people {
				ct.CustomerID = e.c.ID
				if ct.IsPrimary && primary {
					ct.IsPrimary = false
				}
				primary = primary || ct.IsPrimary
				people = append(people, ct)
			}
		case e.contact != "":
			people = append(people, model.Contact{CustomerID: e.c.ID, Name: e.contact, Role: e.role, Email: e.c.Email, Phone: e.c.Phone, IsPrimary: true})
		}
	}
	if err := t.AddTagsBulk(links); err != nil {
		return err
	}
	if err := t.InsertContactsBulk(people); err != nil {
		return fmt.Errorf("contact: %w", err)
	}
	for _, e := range p.updates {
		if err := t.UpdateCustomer(&e.c); err != nil {
			return err
		}
		if len(e.tags) > 0 {
			if err := t.SetTags(e.c.ID, e.tags, nil); err != nil {
				return err
			}
		}
	}
	return nil
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
