package transfer

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model"
)

// bulkThreshold is how many new customers make an import load in bulk
// (db.BulkLoad: search index and stats rebuilt once) instead of row by row.
const bulkThreshold = 1000

// ImportCSV imports a CSV file of opt.Kind (customers by default) into d.
// Bad rows are reported by line; with any of them and without SkipBad
// nothing is written and the error wraps ErrBadRows. The whole import is
// one transaction and one undo batch.
func ImportCSV(ctx context.Context, d *db.DB, raw []byte, opt Options) (*Report, error) {
	if opt.Kind == "" {
		opt.Kind = KindCustomers
	}
	names := customerHeaders()
	if opt.Kind != KindCustomers {
		names = historyHeaders()
	}
	overrides := opt.Maps
	known := func(h string) bool {
		if _, ok := names[headerKey(h)]; ok {
			return true
		}
		for col := range overrides {
			if headerKey(col) == headerKey(h) {
				return true
			}
		}
		return false
	}
	t, err := ReadTable(raw, opt.Encoding, known)
	if err != nil {
		return nil, err
	}
	m, err := mapHeader(t.Header, names, overrides, opt.Kind)
	if err != nil {
		return nil, err
	}
	rep := &Report{Kind: opt.Kind, Encoding: t.Encoding, Delimiter: delimName(t.Delimiter), HeaderLine: t.HeaderLine,
		Rows: len(t.Rows), Unknown: m.Unknown, DryRun: opt.DryRun}
	switch opt.Kind {
	case KindCustomers:
		if !hasAny(m, FName, FFirst, FLast, FCompany) {
			return rep, fmt.Errorf("line %d: no column holds the customer's name (columns: %s): name one with --map COLUMN=name",
				t.HeaderLine, strings.Join(t.Header, ", "))
		}
		var cands []candidate
		for _, r := range t.Rows {
			if blank(r.Fields) {
				continue
			}
			cd, err := candidateFromRow(r, t.Header, m, importOptions{keepExtra: opt.KeepExtra})
			if err == nil && cd.skip == "" {
				err = cd.clean()
			}
			if err != nil {
				rep.reject(r.Line, err)
				continue
			}
			cands = append(cands, cd)
		}
		return importCandidates(ctx, d, cands, opt, rep)
	case KindInteractions, KindFollowups, KindOrders, KindDeals:
		return importHistory(ctx, d, t, m, opt, rep)
	}
	return rep, fmt.Errorf("%q is not an import kind: use customers, interactions, followups, orders or deals", opt.Kind)
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
func planCustomers(ctx context.Context, q db.Querier, cands []candidate, onDup string, rep *Report) (*plan, error) {
	ix, _, err := loadBook(ctx, q)
	if err != nil {
		return nil, err
	}
	p := &plan{}
	updated := map[*entry]bool{}
	for i := range cands {
		cd := &cands[i]
		if cd.skip != "" {
			rep.Skipped++
			rep.item(cd.line, "skip", cd.c.Name, cd.skip)
			continue
		}
		match := ix.find(&cd.c)
		if match == nil || onDup == DupCreate {
			e := &entry{c: cd.c, line: cd.line, have: map[string]bool{}, contact: cd.contact, role: cd.role}
			for _, t := range cd.tags {
				if !e.have[strings.ToLower(t)] {
					e.have[strings.ToLower(t)] = true
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

func describe(e *entry) string {
	if e.existing {
		return fmt.Sprintf("customer %d %s", e.c.ID, e.c.Name)
	}
	return fmt.Sprintf("line %d %s", e.line, e.c.Name)
}

// importCandidates plans and, unless it is a dry run or rows are bad
// without SkipBad, writes the customers in one transaction.
func importCandidates(ctx context.Context, d *db.DB, cands []candidate, opt Options, rep *Report) (*Report, error) {
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
		return p.apply(ctx, t)
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
func (p *plan) apply(ctx context.Context, t *db.Tx) error {
	now := t.Now().Unix()
	ins, err := prepare(ctx, t, `INSERT INTO customers (name, company, email, phone, im, industry, source, tier, tier_pinned,
		lifecycle, churn_reason, cadence_days, notes, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`)
	if err != nil {
		return err
	}
	defer ins.Close()
	runs := &idRuns{}
	for _, e := range p.fresh {
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
	}
	if err := runs.journal(t, "customers"); err != nil {
		return err
	}
	for _, e := range p.fresh {
		if len(e.tags) > 0 {
			if err := t.SetTags(e.c.ID, e.tags, nil); err != nil {
				return fmt.Errorf("line %d: %w", e.line, err)
			}
		}
		if e.contact != "" {
			ct := model.Contact{CustomerID: e.c.ID, Name: e.contact, Role: e.role, Email: e.c.Email, Phone: e.c.Phone, IsPrimary: true}
			if _, err := t.CreateContact(&ct); err != nil {
				return fmt.Errorf("line %d: contact: %w", e.line, err)
			}
		}
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
