package transfer

import (
	"context"
	"hash/maphash"
	"strings"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model"
)

// entry is a customer the import will end with: one already in the book
// (existing) or one the file creates. For those the index keeps only the
// keys, so an import of 100,000 rows stays small.
type entry struct {
	c        custKey
	existing bool
	book     *bookCustomer // existing customers only
	tags     []string      // tags to add
	contact  string        // new customers: "yes" when they have a contact person
	line     int           // the file line that created it (0 for book customers)
	filled   uint16        // a new customer's fields that have a value (fIM …)
}

// custKey is what finds a customer: its id, name, company, email, phone.
type custKey struct {
	ID                          int64
	Name, Company, Email, Phone string
}

// bookCustomer is a book customer as a merge changes it.
type bookCustomer struct {
	c       model.Customer
	changed []string        // fields a merge filled in
	have    map[string]bool // tags it has (lower case)
}

// Bits of entry.filled: for customers the file creates, the index keeps
// their keys (name, company, email, phone) and only which other fields
// are filled, so a merge knows what it fills.
const (
	fIM uint16 = 1 << iota
	fIndustry
	fSource
	fChurn
	fNotes
	fCadence
)

// index finds the customer a candidate duplicates: by email, then by
// normalised phone, then by name and company together. Two customers with
// different emails are never the same, and a phone that several rows of a
// file share (a switchboard) is no key at all.
//
// Phones and name+company pairs are indexed by a 64-bit hash of their key,
// which keeps the index of a 100,000-row import small; two different keys
// meeting on one hash is about as likely as winning a lottery every day.
type index struct {
	email         map[string]*entry
	phone, nameCo map[uint64]*entry
	shared        map[string]bool // phone keys that are not identity keys
	seed          maphash.Seed
}

func newIndex() *index {
	return &index{email: map[string]*entry{}, phone: map[uint64]*entry{}, nameCo: map[uint64]*entry{}, shared: map[string]bool{}, seed: maphash.MakeSeed()}
}

func (ix *index) hash(k string) uint64 { return maphash.String(ix.seed, k) }

// byPhone returns the entry with normalised phone key k.
func (ix *index) byPhone(k string) *entry { return ix.phone[ix.hash(k)] }

// sharedPhoneRows is how many rows of a file must share a phone for it to
// be a switchboard, not a person's number.
const sharedPhoneRows = 3

// emailsAgree says whether two customers' emails allow them to be one:
// the same address, or at least one without any.
func emailsAgree(a, b string) bool {
	ka, kb := emailKey(a), emailKey(b)
	return ka == "" || kb == "" || ka == kb
}

func emailKey(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

func phoneKey(s string) string {
	k := model.NormalizePhone(s)
	if len(strings.TrimLeft(k, "+")) < 6 {
		return ""
	}
	return k
}

func nameCoKey(name, company string) string {
	f := func(s string) string { return strings.Join(strings.Fields(strings.ToLower(s)), " ") }
	return f(name) + "\x00" + f(company)
}

func (ix *index) find(c *model.Customer) *entry {
	if k := emailKey(c.Email); k != "" {
		if e := ix.email[k]; e != nil {
			return e
		}
	}
	if k := phoneKey(c.Phone); k != "" && !ix.shared[k] {
		if e := ix.byPhone(k); e != nil && emailsAgree(c.Email, e.c.Email) {
			return e
		}
	}
	if e := ix.nameCo[ix.hash(nameCoKey(c.Name, c.Company))]; e != nil && emailsAgree(c.Email, e.c.Email) {
		return e
	}
	return nil
}

// add registers e's keys; keys already taken keep their first owner.
func (ix *index) add(e *entry) {
	if k := emailKey(e.c.Email); k != "" && ix.email[k] == nil {
		ix.email[k] = e
	}
	if k := phoneKey(e.c.Phone); k != "" && !ix.shared[k] {
		if h := ix.hash(k); ix.phone[h] == nil {
			ix.phone[h] = e
		}
	}
	if h := ix.hash(nameCoKey(e.c.Name, e.c.Company)); ix.nameCo[h] == nil {
		ix.nameCo[h] = e
	}
}

// loadBook indexes the book's live customers with their tags.
func loadBook(ctx context.Context, q db.Querier) (*index, []*entry, error) {
	ix := newIndex()
	rows, err := q.QueryContext(ctx, `SELECT id, name, company, email, phone, im, industry, source, tier, tier_pinned, lifecycle,
		churn_reason, coalesce(cadence_days, 0), notes, version FROM customers WHERE archived_at IS NULL ORDER BY id`)
	if err != nil {
		return nil, nil, err
	}
	byID := map[int64]*entry{}
	var order []*entry
	for rows.Next() {
		e := &entry{existing: true, book: &bookCustomer{}}
		c := &e.book.c
		var tier, life string
		if err := rows.Scan(&c.ID, &c.Name, &c.Company, &c.Email, &c.Phone, &c.IM, &c.Industry, &c.Source, &tier, &c.TierPinned,
			&life, &c.ChurnReason, &c.CadenceDays, &c.Notes, &c.Version); err != nil {
			rows.Close()
			return nil, nil, err
		}
		c.Tier, c.Lifecycle = model.Tier(tier), model.Lifecycle(life)
		e.c = custKey{ID: c.ID, Name: c.Name, Company: c.Company, Email: c.Email, Phone: c.Phone}
		byID[c.ID] = e
		order = append(order, e)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, nil, err
	}
	for _, e := range order {
		ix.add(e)
	}
	trows, err := q.QueryContext(ctx, `SELECT ct.customer_id, t.name FROM customer_tags ct JOIN tags t ON t.id = ct.tag_id`)
	if err != nil {
		return nil, nil, err
	}
	defer trows.Close()
	for trows.Next() {
		var id int64
		var name string
		if err := trows.Scan(&id, &name); err != nil {
			return nil, nil, err
		}
		if e := byID[id]; e != nil {
			if e.book.have == nil {
				e.book.have = map[string]bool{}
			}
			e.book.have[strings.ToLower(name)] = true
		}
	}
	return ix, order, trows.Err()
}

// hasTag says whether e has tag t already or will get it (any case).
func (e *entry) hasTag(t string) bool {
	if e.book != nil && e.book.have[strings.ToLower(t)] {
		return true
	}
	for _, x := range e.tags {
		if strings.EqualFold(x, t) {
			return true
		}
	}
	return false
}

// merge fills e's empty fields from src and adds src's tags; it returns
// the names of what changed. A tier is never empty, so a merge keeps it.
// For a customer the file created (not existing) only the keys are kept:
// the other fields are tracked by e.filled, and the writer fills them in
// the database.
func (e *entry) merge(src *candidate) []string {
	var changed []string
	s := &src.c
	var d *model.Customer
	if e.existing {
		d = &e.book.c
	}
	key := func(name string, kp *string, dp func() *string, v string) {
		if strings.TrimSpace(*kp) == "" && v != "" {
			*kp = v
			if d != nil {
				*dp() = v
			}
			changed = append(changed, name)
		}
	}
	other := func(bit uint16, name string, dp func() *string, v string) {
		if v == "" {
			return
		}
		if d != nil {
			if p := dp(); strings.TrimSpace(*p) == "" {
				*p = v
				changed = append(changed, name)
			}
			return
		}
		if e.filled&bit == 0 {
			e.filled |= bit
			changed = append(changed, name)
		}
	}
	key("company", &e.c.Company, func() *string { return &d.Company }, s.Company)
	key("email", &e.c.Email, func() *string { return &d.Email }, s.Email)
	key("phone", &e.c.Phone, func() *string { return &d.Phone }, s.Phone)
	other(fIM, "im", func() *string { return &d.IM }, s.IM)
	other(fIndustry, "industry", func() *string { return &d.Industry }, s.Industry)
	other(fSource, "source", func() *string { return &d.Source }, s.Source)
	other(fChurn, "churn reason", func() *string { return &d.ChurnReason }, s.ChurnReason)
	other(fNotes, "notes", func() *string { return &d.Notes }, s.Notes)
	if s.CadenceDays > 0 {
		if e.existing && d.CadenceDays == 0 {
			d.CadenceDays = s.CadenceDays
			changed = append(changed, "cadence")
		} else if !e.existing && e.filled&fCadence == 0 {
			e.filled |= fCadence
			changed = append(changed, "cadence")
		}
	}
	if !e.existing && e.contact == "" && (src.contact != "" || len(src.people) > 0) {
		e.contact = "yes"
		changed = append(changed, "contact")
	}
	for _, t := range src.tags {
		if e.hasTag(t) {
			continue
		}
		e.tags = append(e.tags, t)
		changed = append(changed, "tag "+t)
	}
	return changed
}
