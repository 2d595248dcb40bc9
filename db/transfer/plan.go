package transfer

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/model/i18n"
)

// candidateStream runs yield over the good candidates of a file in order.
// With rep set it also records what only the first pass records: rows
// read, rejected rows, warnings, columns. A stream can run more than once
// and gives the same candidates each time, so a big file is read twice
// instead of being held in memory.
type candidateStream func(rep *Report, yield func(*candidate) error) error

// sliceStream streams candidates already in memory (vCards, customers a
// history import creates).
func sliceStream(cands []*candidate) candidateStream {
	return func(_ *Report, yield func(*candidate) error) error {
		for _, cd := range cands {
			if err := yield(cd); err != nil {
				return err
			}
		}
		return nil
	}
}

// errNothingToWrite rolls back an import whose rows are all in the book
// already, so it leaves no empty undo batch behind.
var errNothingToWrite = errors.New("nothing to write")

// importStream imports a stream of candidates: a first pass finds the bad
// rows and the phones several rows share; then a dry run (or a file with
// bad rows and no SkipBad) plans without writing, and an import plans and
// writes in one transaction as it reads the second time. Both passes keep
// only the keys of the customers they create, not the customers.
func importStream(ctx context.Context, d *db.DB, stream candidateStream, opt Options, rep *Report) (*Report, error) {
	onDup := opt.OnDuplicate
	switch onDup {
	case "":
		onDup = DupMerge
	case DupMerge, DupSkip, DupCreate:
	default:
		return rep, i18n.Errorf("--on-duplicate %q: use skip, merge or create", onDup)
	}
	type seen struct{ n, line int }
	phones := map[string]*seen{}
	good := 0
	if err := stream(rep, func(cd *candidate) error {
		good++
		if cd.skip == "" {
			if k := phoneKey(cd.c.Phone); k != "" {
				if s := phones[k]; s != nil {
					s.n++
				} else {
					phones[k] = &seen{1, cd.line}
				}
			}
		}
		return nil
	}); err != nil {
		return rep, err
	}
	shared := map[string]bool{}
	var sharedWarn []LineError
	for k, s := range phones {
		if s.n >= sharedPhoneRows {
			shared[k] = true
			sharedWarn = append(sharedWarn, lineError(s.line, i18n.Errorf("phone %s is on %d rows (a switchboard?): it does not make them one customer", k, s.n)))
		}
	}
	phones = nil
	rep.Warnings = append(rep.Warnings, sharedWarn...)
	sort.SliceStable(rep.Warnings, func(i, j int) bool { return rep.Warnings[i].Line < rep.Warnings[j].Line })
	if opt.DryRun || (len(rep.Rejected) > 0 && !opt.SkipBad) {
		// The dry run's answer, or what the good rows would have done.
		preview := *rep
		if _, err := runCustomers(ctx, d.Reader(), nil, stream, shared, onDup, &preview, nil); err != nil {
			return rep, err
		}
		*rep = preview
		if len(rep.Rejected) > 0 && !opt.SkipBad {
			return rep, i18n.Errorf("%d bad rows: %w", len(rep.Rejected), ErrBadRows)
		}
		return rep, nil
	}
	write := d.Write
	if good >= bulkThreshold {
		write = d.BulkLoad
	}
	err := write(ctx, "import "+opt.Name, func(t *db.Tx) error {
		final := *rep
		_, err := runCustomers(ctx, t.Q(), t, stream, shared, onDup, &final, opt.Progress)
		*rep = final
		return err
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

// runCustomers deduplicates the stream's candidates against the book (read
// through q) and each other, filling rep's counts and items, and with t
// writes them as it goes: new customers with one prepared insert each (one
// compact journal range), merges into them with one update, then tags and
// contact people in bulk, then merges into book customers (journaled with
// their before images). It returns the customers it created (only their
// name, company, email, phone and id are kept).
func runCustomers(ctx context.Context, q db.Querier, t *db.Tx, stream candidateStream, shared map[string]bool, onDup string, rep *Report, progress func(Progress)) ([]*entry, error) {
	ix, _, err := loadBook(ctx, q)
	if err != nil {
		return nil, err
	}
	ix.shared = shared
	w := &customerWriter{t: t}
	if t != nil {
		if err := w.prepare(ctx); err != nil {
			return nil, err
		}
		defer w.close()
	}
	var fresh, updates []*entry
	updated := map[*entry]bool{}
	err = stream(nil, func(cd *candidate) error {
		if cd.skip != "" {
			rep.Skipped++
			rep.item(cd.line, "skip", cd.c.Name, cd.skip)
			return nil
		}
		match := ix.find(&cd.c)
		if match == nil || onDup == DupCreate {
			e := newEntry(cd)
			if err := w.create(ctx, e, cd); err != nil {
				return err
			}
			ix.add(e)
			fresh = append(fresh, e)
			rep.Created++
			rep.item(cd.line, "create", e.c.Name, e.c.Company)
			if progress != nil && len(fresh)%progressEvery == 0 {
				progress(Progress{Phase: PhaseWrite, Rows: len(fresh), Done: int64(len(fresh)), Total: int64(rep.Rows)})
			}
			return nil
		}
		if onDup == DupSkip {
			rep.Skipped++
			rep.item(cd.line, "skip", cd.c.Name, "duplicate of "+describe(match))
			return nil
		}
		tagsBefore, hadContact := len(match.tags), match.contact != ""
		changed := match.merge(cd)
		if match.existing && !cd.care.empty() {
			add, more, err := careForExisting(ctx, q, match.c.ID, cd)
			if err != nil {
				return err
			}
			changed = append(changed, more...)
			if !add.empty() {
				w.care = append(w.care, pendingCare{customerID: match.c.ID, care: add})
			}
		}
		ix.add(match)
		if match.existing && len(changed) == 0 {
			rep.Unchanged++
			rep.item(cd.line, "unchanged", match.c.Name, "already in the book as customer "+fmt.Sprint(match.c.ID))
			return nil
		}
		if match.existing {
			match.book.changed = append(match.book.changed, changed...)
			if !updated[match] {
				updated[match] = true
				updates = append(updates, match)
			}
		} else if err := w.mergeFresh(ctx, match, cd, match.tags[tagsBefore:], !hadContact && match.contact != ""); err != nil {
			return err
		}
		rep.Merged++
		detail := "into " + describe(match)
		if len(changed) > 0 {
			detail += ": " + strings.Join(changed, ", ")
		}
		rep.item(cd.line, "merge", cd.c.Name, detail)
		return nil
	})
	if err != nil {
		return nil, err
	}
	if t == nil {
		return fresh, nil
	}
	if len(fresh) == 0 && len(updates) == 0 {
		return nil, errNothingToWrite
	}
	if progress != nil {
		progress(Progress{Phase: PhaseWrite, Rows: len(fresh), Done: int64(rep.Rows), Total: int64(rep.Rows)})
	}
	if err := w.finish(); err != nil {
		return nil, err
	}
	for _, e := range updates {
		if err := t.UpdateCustomer(&e.book.c); err != nil {
			return nil, err
		}
		if len(e.tags) > 0 {
			if err := t.SetTags(e.c.ID, e.tags, nil); err != nil {
				return nil, err
			}
		}
	}
	return fresh, nil
}

// newEntry is the index's record of a customer the file creates: its keys
// and which fields it has, not the customer itself.
func newEntry(cd *candidate) *entry {
	c := &cd.c
	e := &entry{c: custKey{Name: c.Name, Company: c.Company, Email: c.Email, Phone: c.Phone}, line: cd.line}
	for _, f := range []struct {
		bit uint16
		v   string
	}{{fIM, c.IM}, {fIndustry, c.Industry}, {fSource, c.Source}, {fChurn, c.ChurnReason}, {fNotes, c.Notes}} {
		if f.v != "" {
			e.filled |= f.bit
		}
	}
	if c.CadenceDays > 0 {
		e.filled |= fCadence
	}
	for _, t := range cd.tags {
		if !e.hasTag(t) {
			e.tags = append(e.tags, t)
		}
	}
	if cd.contact != "" || len(cd.people) > 0 {
		e.contact = "yes"
	}
	return e
}

// customerWriter writes new customers as an import streams them, with
// their tags and contact people.
type customerWriter struct {
	t    *db.Tx
	ins  *sql.Stmt
	fill *sql.Stmt
	runs idRuns
	lw   *db.LinkWriter
	care []pendingCare // written after the customers and contacts are journaled
}

func (w *customerWriter) prepare(ctx context.Context) error {
	var err error
	w.ins, err = prepare(ctx, w.t, `INSERT INTO customers (name, company, email, phone, im, industry, source, tier, tier_pinned,
		lifecycle, churn_reason, cadence_days, notes, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`)
	if err != nil {
		return err
	}
	// A merge into a customer the same file created fills its empty fields.
	w.fill, err = prepare(ctx, w.t, `UPDATE customers SET
		company = CASE WHEN company = '' THEN ?1 ELSE company END, email = CASE WHEN email = '' THEN ?2 ELSE email END,
		phone = CASE WHEN phone = '' THEN ?3 ELSE phone END, im = CASE WHEN im = '' THEN ?4 ELSE im END,
		industry = CASE WHEN industry = '' THEN ?5 ELSE industry END, source = CASE WHEN source = '' THEN ?6 ELSE source END,
		churn_reason = CASE WHEN churn_reason = '' THEN ?7 ELSE churn_reason END, notes = CASE WHEN notes = '' THEN ?8 ELSE notes END,
		cadence_days = coalesce(cadence_days, ?9) WHERE id = ?10`)
	if err != nil {
		return err
	}
	w.lw, err = w.t.NewLinkWriter()
	return err
}

func (w *customerWriter) close() {
	if w.ins != nil {
		w.ins.Close()
	}
	if w.fill != nil {
		w.fill.Close()
	}
	if w.lw != nil {
		w.lw.Close()
	}
}

func cadence(c *model.Customer) any {
	if c.CadenceDays > 0 {
		return c.CadenceDays
	}
	return nil
}

// create inserts cd as e (nothing without a transaction).
func (w *customerWriter) create(ctx context.Context, e *entry, cd *candidate) error {
	if w.t == nil {
		return nil
	}
	c := &cd.c
	now := w.t.Now().Unix()
	res, err := w.ins.ExecContext(ctx, c.Name, c.Company, c.Email, c.Phone, c.IM, c.Industry, c.Source, string(c.Tier), c.TierPinned,
		string(c.Lifecycle), c.ChurnReason, cadence(c), c.Notes, now, now)
	if err != nil {
		return i18n.Errorf("line %d: %w", cd.line, err)
	}
	if e.c.ID, err = res.LastInsertId(); err != nil {
		return err
	}
	w.runs.add(e.c.ID)
	w.t.Touch(e.c.ID)
	if err := w.lw.AddTags(e.c.ID, e.tags); err != nil {
		return i18n.Errorf("line %d: %w", cd.line, err)
	}
	return w.addPeople(e.c.ID, cd)
}

// addPeople adds the candidate's contact people, and keeps its care dates
// to write with them (a birthday goes on the contact the row names).
func (w *customerWriter) addPeople(id int64, cd *candidate) error {
	add := func(c model.Contact) (int64, error) {
		if err := w.lw.AddContact(&c); err != nil {
			return 0, i18n.Errorf("line %d: contact: %w", cd.line, err)
		}
		return c.ID, nil
	}
	pc := pendingCare{customerID: id, care: cd.care}
	switch {
	case len(cd.people) > 0:
		primary := false
		for _, ct := range cd.people {
			ct.CustomerID, ct.IsPrimary = id, ct.IsPrimary && !primary
			primary = primary || ct.IsPrimary
			cid, err := add(ct)
			if err != nil {
				return err
			}
			pc.peopleIDs = append(pc.peopleIDs, cid)
		}
	case cd.contact != "":
		cid, err := add(model.Contact{CustomerID: id, Name: cd.contact, Role: cd.role, Email: cd.c.Email, Phone: cd.c.Phone, IsPrimary: true})
		if err != nil {
			return err
		}
		pc.contactID = cid
	}
	if !cd.care.empty() {
		w.care = append(w.care, pc)
	}
	return nil
}

// mergeFresh writes a merge into a customer this import created.
func (w *customerWriter) mergeFresh(ctx context.Context, e *entry, cd *candidate, newTags []string, contact bool) error {
	if w.t == nil {
		return nil
	}
	c := &cd.c
	if _, err := w.fill.ExecContext(ctx, c.Company, c.Email, c.Phone, c.IM, c.Industry, c.Source, c.ChurnReason, c.Notes, cadence(c), e.c.ID); err != nil {
		return i18n.Errorf("line %d: %w", cd.line, err)
	}
	if err := w.lw.AddTags(e.c.ID, newTags); err != nil {
		return i18n.Errorf("line %d: %w", cd.line, err)
	}
	if contact {
		return w.addPeople(e.c.ID, cd)
	}
	if !cd.care.empty() {
		c := cd.care
		c.people = nil // their people were not added: no contacts to date
		if cd.contact != "" {
			c.birthday = "" // the named person's, and that person was not added
		}
		w.care = append(w.care, pendingCare{customerID: e.c.ID, care: c})
	}
	return nil
}

// finish journals the new customers as ranges of ids, then their tags and
// contact people (after them, so undo removes those first and redo puts
// them back after their customers).
func (w *customerWriter) finish() error {
	if err := w.runs.journal(w.t, "customers"); err != nil {
		return err
	}
	if err := w.lw.Journal(); err != nil {
		return err
	}
	// Care dates are few: each is written (and journaled) on its own,
	// after the customers and contacts they belong to.
	for _, p := range w.care {
		if err := writeCare(w.t, p.customerID, p.contactID, p.care, p.peopleIDs); err != nil {
			return err
		}
	}
	return nil
}

func describe(e *entry) string {
	if e.existing {
		return fmt.Sprintf("customer %d %s", e.c.ID, e.c.Name)
	}
	return fmt.Sprintf("line %d %s", e.line, e.c.Name)
}
