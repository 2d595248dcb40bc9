package transfer

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/rapportcrm/rapport/model/i18n"
)

// custRef is how a history row names its customer.
type custRef struct{ name, company, email, phone string }

func (r custRef) empty() bool {
	return r.name == "" && r.company == "" && r.email == "" && r.phone == ""
}

func (r custRef) String() string {
	for _, s := range []string{r.name, r.company, r.email, r.phone} {
		if s != "" {
			return s
		}
	}
	return "?"
}

// lookup finds the customer a history row means, by the same keys as
// deduplication: email, then phone, then name (with company when given),
// then a company name.
type lookup struct {
	ix        *index
	byID      map[int64]*entry
	byName    map[string][]*entry
	byCompany map[string][]*entry
	byRef     map[string]*entry // another system's id kept in the notes ("Id: 0015…")
	names     map[string]Field
}

func newLookup(ix *index, es []*entry) *lookup {
	l := &lookup{ix: ix, byID: map[int64]*entry{}, byName: map[string][]*entry{}, byCompany: map[string][]*entry{}, byRef: map[string]*entry{}, names: customerHeaders()}
	for _, e := range es {
		l.add(e)
	}
	return l
}

func fold(s string) string { return strings.Join(strings.Fields(strings.ToLower(s)), " ") }

func (l *lookup) add(e *entry) {
	if e.c.ID > 0 {
		l.byID[e.c.ID] = e
	}
	l.byName[fold(e.c.Name)] = append(l.byName[fold(e.c.Name)], e)
	if e.c.Company != "" {
		l.byCompany[fold(e.c.Company)] = append(l.byCompany[fold(e.c.Company)], e)
	}
	if e.book != nil {
		for _, ref := range sourceIDs(e.book.c.Notes, l.names) {
			if l.byRef[ref] == nil {
				l.byRef[ref] = e
			}
		}
	}
	l.ix.add(e)
}

// sourceIDs returns the ids of other systems an import kept in a
// customer's notes: lines "Id: 0015000000VALDtAAP" (any header that maps
// to FSourceID).
func sourceIDs(notes string, names map[string]Field) []string {
	var out []string
	for _, line := range strings.Split(notes, "\n") {
		h, v, ok := strings.Cut(line, ": ")
		if !ok || len(h) > 40 {
			continue
		}
		if f, _ := lookupHeader(names, h); f == FSourceID && strings.TrimSpace(v) != "" {
			out = append(out, strings.TrimSpace(v))
		}
	}
	return out
}

// errNoCustomer marks a row whose customer is not in the book.
type errNoCustomer struct{ ref custRef }

func (e errNoCustomer) Error() string {
	return fmt.Sprintf("no customer %q in the book: import the customers first (or add --create-customers)", e.ref.String())
}

func (l *lookup) resolve(r custRef) (*entry, error) {
	if k := emailKey(r.email); k != "" {
		if e := l.ix.email[k]; e != nil {
			return e, nil
		}
	}
	if k := phoneKey(r.phone); k != "" {
		if e := l.ix.byPhone(k); e != nil {
			return e, nil
		}
	}
	name := r.name
	if name == "" {
		name = r.company
	}
	if e := l.byRef[strings.TrimSpace(name)]; e != nil && name != "" {
		return e, nil
	}
	if name != "" {
		if id, err := strconv.ParseInt(strings.TrimPrefix(name, "#"), 10, 64); err == nil && id > 0 {
			if e := l.byID[id]; e != nil {
				return e, nil
			}
		}
		cands := l.byName[fold(name)]
		if len(cands) > 1 && r.company != "" && r.name != "" {
			var keep []*entry
			for _, e := range cands {
				if fold(e.c.Company) == fold(r.company) {
					keep = append(keep, e)
				}
			}
			cands = keep
		}
		if len(cands) == 0 {
			cands = l.byCompany[fold(name)]
		}
		switch len(cands) {
		case 1:
			return cands[0], nil
		case 0:
		default:
			return nil, i18n.Errorf("%q matches %d customers: add an email or company column to tell them apart", name, len(cands))
		}
	}
	return nil, errNoCustomer{r}
}
