package transfer

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"github.com/rapportcrm/rapport/model"
)

// candidate is one customer read from a file, before deduplication.
type candidate struct {
	line    int
	c       model.Customer
	tags    []string
	contact string // a person to add as the customer's primary contact
	role    string
	skip    string // why the row is skipped without being an error ("deleted in the source")
}

// multi collects the values of a field that several columns (or vCard
// properties) may fill: the first usable one becomes the field, the others
// are kept in the notes so nothing the user had is lost.
type multi struct {
	label string
	vals  []labelled
}

type labelled struct{ label, value string }

func (m *multi) add(label, v string) {
	v = strings.TrimSpace(v)
	if v == "" {
		return
	}
	for _, x := range m.vals {
		if strings.EqualFold(x.value, v) {
			return
		}
	}
	m.vals = append(m.vals, labelled{label, v})
}

// pick returns the first value that ok accepts, and the rest as note lines.
// With one value only, it is returned even when ok refuses it, so the row
// is reported as bad as a form would report it.
func (m *multi) pick(ok func(string) bool) (string, []string) {
	if len(m.vals) == 0 {
		return "", nil
	}
	chosen := -1
	for i, x := range m.vals {
		if ok(x.value) {
			chosen = i
			break
		}
	}
	if chosen < 0 && len(m.vals) == 1 {
		return m.vals[0].value, nil
	}
	var rest []string
	for i, x := range m.vals {
		if i != chosen {
			rest = append(rest, fmt.Sprintf("%s: %s", x.label, x.value))
		}
	}
	if chosen < 0 {
		return "", rest
	}
	return m.vals[chosen].value, rest
}

func validEmail(s string) bool { return model.ValidateEmail("", s) == nil }
func validPhone(s string) bool { return model.ValidatePhone("", s) == nil }

// rowValues are the raw strings of one record, grouped by field.
type rowValues struct {
	single map[Field]string   // the first non-empty value per field
	all    map[Field][]string // every non-empty value per field, with the header as label
	labels map[Field][]string
	extra  []string // "Header: value" of unknown columns
}

func gather(r Row, header []string, m Mapping) rowValues {
	v := rowValues{single: map[Field]string{}, all: map[Field][]string{}, labels: map[Field][]string{}}
	for i, f := range r.Fields {
		s := unguard(strings.TrimSpace(f))
		if s == "" {
			continue
		}
		var field Field
		if i < len(m.Cols) {
			field = m.Cols[i]
		}
		h := ""
		if i < len(header) {
			h = header[i]
		}
		if field == "" {
			if h == "" {
				h = fmt.Sprintf("column %d", i+1)
			}
			v.extra = append(v.extra, h+": "+s)
			continue
		}
		if field == FIgnore {
			continue
		}
		if _, ok := v.single[field]; !ok {
			v.single[field] = s
		}
		v.all[field] = append(v.all[field], s)
		v.labels[field] = append(v.labels[field], h)
	}
	return v
}

// unguard undoes the formula guard spreadsheets and our own CSV export put
// before a value: "'+86 138…" was written for "+86 138…".
func unguard(s string) string {
	if len(s) >= 2 && s[0] == '\'' && strings.ContainsRune("=+-@\t\r", rune(s[1])) {
		return s[1:]
	}
	return s
}

// importOptions are what a customer import was asked to do.
type importOptions struct {
	keepExtra bool // append unknown columns to the notes
}

// candidateFromRow builds a customer from one CSV record.
func candidateFromRow(r Row, header []string, m Mapping, opt importOptions) (candidate, error) {
	v := gather(r, header, m)
	cd := candidate{line: r.Line}
	if del := strings.ToLower(v.single[FDeleted]); del == "true" || del == "1" || del == "yes" {
		cd.skip = "deleted in the source"
		return cd, nil
	}
	name := v.single[FName]
	if name == "" {
		name = joinName(v.single[FFirst], v.single[FMiddle], v.single[FLast])
	}
	var notes []string
	emails := multi{}
	for i, s := range v.all[FEmail] {
		emails.add(v.labels[FEmail][i], s)
	}
	phones := multi{}
	for i, s := range v.all[FPhone] {
		phones.add(v.labels[FPhone][i], s)
	}
	email, restE := emails.pick(validEmail)
	phone, restP := phones.pick(validPhone)
	company := v.single[FCompany]
	if name == "" && company != "" {
		name = company // a company without a person is the customer itself
	}
	cd.c = model.Customer{Name: name, Company: company, Email: email, Phone: phone, IM: v.single[FIM],
		Industry: v.single[FIndustry], Source: v.single[FSource]}
	if company == name {
		cd.c.Company = ""
	}
	if t := v.single[FTier]; t != "" {
		tier, err := model.ParseTier(t)
		if err != nil {
			return cd, model.Invalid("tier", "%q is not a tier: use A, B or C", t)
		}
		cd.c.Tier, cd.c.TierPinned = tier, true
	}
	if l := v.single[FLifecycle]; l != "" {
		lc, ok := parseLifecycle(l)
		if !ok {
			return cd, model.Invalid("lifecycle", "%q is not a lifecycle: use prospect, customer or churned", l)
		}
		cd.c.Lifecycle = lc
	}
	cd.c.ChurnReason = v.single[FChurn]
	if s := v.single[FCadence]; s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > 3650 {
			return cd, model.Invalid("cadence", "%q is not a number of days between 1 and 3650", s)
		}
		cd.c.CadenceDays = n
	}
	nv := v.all[FNotes]
	switch {
	case len(nv) == 1:
		notes = append(notes, nv[0])
	case len(nv) > 1:
		for i, s := range nv {
			notes = append(notes, v.labels[FNotes][i]+": "+s)
		}
	}
	notes = append(notes, restE...)
	notes = append(notes, restP...)
	if opt.keepExtra {
		notes = append(notes, v.extra...)
	}
	cd.c.Notes = strings.Join(notes, "\n")
	for _, t := range v.all[FTags] {
		cd.tags = append(cd.tags, splitTags(t)...)
	}
	cd.contact, cd.role = v.single[FContact], v.single[FRole]
	if cd.contact == "" {
		cd.role = ""
	}
	return cd, nil
}

// joinName combines name parts: "Ada" + "Lovelace" → "Ada Lovelace", and
// Chinese parts family first without a space: 芳 + 王 → 王芳.
func joinName(first, middle, last string) string {
	if isCJK(first) && isCJK(last) && middle == "" {
		return last + first
	}
	var parts []string
	for _, p := range []string{first, middle, last} {
		if p = strings.TrimSpace(p); p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, " ")
}

func isCJK(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
	}
	return true
}

// splitTags splits a tags cell on ; , 、 ， and Google's ":::", dropping
// Google's system group "My Contacts" and the '*' it marks groups with.
func splitTags(s string) []string {
	f := func(r rune) bool { return r == ';' || r == ',' || r == '、' || r == '，' || r == '；' || r == '|' }
	var out []string
	for _, part := range strings.Split(s, ":::") {
		for _, t := range strings.FieldsFunc(part, f) {
			t = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(t), "*"))
			t = strings.TrimPrefix(t, "#")
			if t == "" || strings.EqualFold(t, "My Contacts") {
				continue
			}
			out = append(out, t)
		}
	}
	return out
}

// parseLifecycle reads lifecycle words from rapport, HubSpot and Chinese
// sheets: customers and evangelists are customers; churned, lost and former
// are churned; leads, subscribers, opportunities … are prospects.
func parseLifecycle(s string) (model.Lifecycle, bool) {
	k := headerKey(s)
	switch k {
	case "customer", "active", "client", "evangelist", "won", "客户", "成交", "成交客户", "老客户", "已成交", "合作中":
		return model.Active, true
	case "churned", "churn", "lost", "former", "formercustomer", "inactive", "流失", "已流失", "流失客户":
		return model.Churned, true
	case "prospect", "lead", "subscriber", "marketingqualifiedlead", "salesqualifiedlead", "opportunity", "other", "new",
		"潜在客户", "潜在", "意向客户", "线索", "新客户":
		return model.Prospect, true
	}
	return "", false
}

// clean sanitises and validates a candidate exactly as a form does: every
// text through model.CleanInput with its limit, then Customer.Validate.
func (cd *candidate) clean() error {
	c := &cd.c
	fields := []struct {
		name  string
		p     *string
		max   int
		multi bool
	}{
		{"name", &c.Name, model.MaxNameLen, false},
		{"company", &c.Company, model.MaxShortLen, false},
		{"email", &c.Email, model.MaxShortLen, false},
		{"phone", &c.Phone, model.MaxShortLen, false},
		{"im", &c.IM, model.MaxShortLen, false},
		{"industry", &c.Industry, model.MaxShortLen, false},
		{"source", &c.Source, model.MaxShortLen, false},
		{"churn reason", &c.ChurnReason, model.MaxShortLen, false},
		{"notes", &c.Notes, model.MaxNotesLen, true},
		{"contact", &cd.contact, model.MaxNameLen, false},
		{"role", &cd.role, model.MaxShortLen, false},
	}
	for _, f := range fields {
		s, err := model.CleanInput(*f.p, f.max, f.multi)
		if err != nil {
			var ve *model.ValidationError
			if errors.As(err, &ve) && ve.Field == "" {
				ve.Field = f.name
			}
			return err
		}
		*f.p = s
	}
	for i, t := range cd.tags {
		s, err := model.CleanInput(t, 60, false)
		if err != nil {
			return fmt.Errorf("tag %q: %w", t, err)
		}
		cd.tags[i] = s
	}
	if c.Tier == "" {
		c.Tier = model.TierC
	}
	if c.Lifecycle == "" {
		c.Lifecycle = model.Active
	}
	if c.Name == "" {
		return model.Invalid("name", "is required: the row has no name and no company")
	}
	return c.Validate()
}
