package transfer

import (
	"context"
	"strings"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model"
)

// entry is a customer the import will end with: one already in the book
// (existing) or one the file creates.
type entry struct {
	c        model.Customer
	existing bool
	changed  []string // fields a merge filled in (existing customers)
	tags     []string        // tags to add
	have     map[string]bool // tags a book customer has (lower case); nil for new ones
	contact  string
	role     string
	people   []model.Contact
	line     int // the file line that created it (0 for book customers)
}

// index finds the customer a candidate duplicates: by email, then by
// normalised phone, then by name and company together. Two customers with
// different emails are never the same, and a phone that several rows of a
// file share (a switchboard) is no key at all.
type index struct {
	email, phone, nameCo map[string]*entry
	shared               map[string]bool // phone keys that are not identity keys
}

func newIndex() *index {
	return &index{email: map[string]*entry{}, phone: map[string]*entry{}, nameCo: map[string]*entry{}, shared: map[string]bool{}}
}

// sharedPhoneRows is how many rows of a file must share a phone for it to
// be a switchboard, not a person's number.
const sharedPhoneRows = 3

// emailsAgree says whether two customers' emails allow them to be one:
// the same address, or at least one without any.
func emailsAgree(a, b *model.Customer) bool {
	ka, kb := emailKey(a.Email), emailKey(b.Email)
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
		if e := ix.phone[k]; e != nil && emailsAgree(c, &e.c) {
			return e
		}
	}
	if e := ix.nameCo[nameCoKey(c.Name, c.Company)]; e != nil && emailsAgree(c, &e.c) {
		return e
	}
	return nil
}

// add registers e's keys; keys already taken keep their first owner.
func (ix *index) add(e *entry) {
	if k := emailKey(e.c.Email); k != "" && ix.email[k] == nil {
		ix.email[k] = e
	}
	if k := phoneKey(e.c.Phone); k != "" && ix.phone[k] == nil && !ix.shared[k] {
		ix.phone[k] = e
	}
	if k := nameCoKey(e.c.Name, e.c.Company); ix.nameCo[k] == nil {
		ix.nameCo[k] = e
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
		e := &entry{existing: true}
		c := &e.c
		var tier, life string
		if err := rows.Scan(&c.ID, &c.Name, &c.Company, &c.Email, &c.Phone, &c.IM, &c.Industry, &c.Source, &tier, &c.TierPinned,
			&life, &c.ChurnReason, &c.CadenceDays, &c.Notes, &c.Version); err != nil {
			rows.Close()
			return nil, nil, err
		}
		c.Tier, c.Lifecycle = model.Tier(tier), model.Lifecycle(life)
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
			if e.have == nil {
				e.have = map[string]bool{}
			}
			e.have[strings.ToLower(name)] = true
		}
	}
	return ix, order, trows.Err()
}

// hasTag says whether e has tag t already or will get it (any case).
func (e *entry) hasTag(t string) bool {
	if e.have[strings.ToLower(t)] {
		return true
	}
	for _, x := range e.tags {
		if strings.EqualFold(x, t) {
			return true
		}
	}
	return false
}

// merge fills dst's empty fields from src and adds src's tags; it returns
// the names of what changed. A tier is never empty, so a merge keeps it.
func (e *entry) merge(src *candidate) []string {
	var changed []string
	d, s := &e.c, &src.c
	fill := func(name string, dp *string, v string) {
		if strings.TrimSpace(*dp) == "" && v != "" {
			*dp = v
			changed = append(changed, name)
		}
	}
	fill("company", &d.Company, s.Company)
	fill("email", &d.Email, s.Email)
	fill("phone", &d.Phone, s.Phone)
	fill("im", &d.IM, s.IM)
	fill("industry", &d.Industry, s.Industry)
	fill("source", &d.Source, s.Source)
	fill("churn reason", &d.ChurnReason, s.ChurnReason)
	fill("notes", &d.Notes, s.Notes)
	if d.CadenceDays == 0 && s.CadenceDays > 0 {
		d.CadenceDays = s.CadenceDays
		changed = append(changed, "cadence")
	}
	if e.contact == "" && src.contact != "" && !e.existing {
		e.contact, e.role = src.contact, src.role
	}
	if len(e.people) == 0 && !e.existing {
		e.people = src.people
	}
	for _, t := range src.tags {
		k := strings.ToLower(t)
		if e.have[k] || e.hasTag(t) {
			continue
		}
		e.tags = append(e.tags, t)
		changed = append(changed, "tag "+t)
	}
	return changed
}
