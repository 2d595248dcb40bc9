package transfer

import (
	"errors"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/model/i18n"
)

// candidate is one customer read from a file, before deduplication.
type candidate struct {
	line    int
	c       model.Customer
	tags    []string
	contact string // a person to add as the customer's primary contact
	role    string
	people  []model.Contact // contact people from rapport's export
	care    careOf          // birthdays, anniversary and labelled dates
	skip    string          // why the row is skipped without being an error ("deleted in the source")
	// warnings are values that did not fit their field and went to the
	// notes; the row is still imported.
	warnings []error
}

// multi collects the values of a field that several columns (or vCard
// properties) may fill: the first usable one becomes the field, the others
// are kept in the notes so nothing the user had is lost.
type multi struct {
	vals []labelled
}

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

// importOptions are what a customer import was asked to do.
type importOptions struct {
	keepExtra bool // append unknown columns to the notes
}

// rowNotes collects a row's note lines and warnings.
type rowNotes struct {
	lines    []string
	warnings []error
}

func (n *rowNotes) keep(label, value string) { n.lines = append(n.lines, label+": "+value) }

// word is a field's name as an argument of a warning: said in the
// reader's language with the warning.
func word(field string) error { return i18n.Errorf(field) }

// warn adds a warning; format is a catalog key (msgs_gaps.go).
func (n *rowNotes) warn(format string, args ...any) {
	n.warnings = append(n.warnings, i18n.Errorf(format, args...))
}

// candidateFromRow builds a customer from one CSV record, forgivingly: a
// value that does not fit its field (an extension in a phone column, two
// numbers in one cell, a tier word rapport does not know) goes to the
// notes with a warning, and the row is refused only when it names nobody.
func candidateFromRow(r Row, header []string, m Mapping, opt importOptions) (candidate, error) {
	v := gather(r, header, m)
	cd := candidate{line: r.Line}
	if del := strings.ToLower(v.one(FDeleted)); del == "true" || del == "1" || del == "yes" {
		cd.skip = "deleted in the source"
		return cd, nil
	}
	n := &rowNotes{}
	name := v.one(FName)
	person := name
	if name == "" {
		name = joinName(v.one(FFirst), v.one(FMiddle), v.one(FLast))
		person = name
	}
	company := v.one(FCompany)
	if exampleRow(name, company, v.one(FFirst), v.one(FLast)) {
		cd.c.Name, cd.skip = name, "the template's example row"
		return cd, nil
	}
	email, phone := pickEmail(v, n), pickPhone(v, n)
	im := ""
	for i, x := range v.each(FIM) {
		if i == 0 {
			im = x.value
			if len(v.m.columns(FIM)) > 1 {
				im = x.label + ": " + x.value
			}
			continue
		}
		n.keep(x.label, x.value)
	}
	fromCompany := false
	for _, alt := range []string{company, email, phone} {
		if name == "" && alt != "" {
			name, fromCompany = alt, alt == company
		}
	}
	if name == "" {
		return cd, model.Invalid("name", "is missing: the row has no name, company, email or phone, so it cannot be a customer")
	}
	cd.c = model.Customer{Name: name, Company: company, Email: email, Phone: phone, IM: im,
		Industry: firstKeepRest(v, FIndustry, n), Source: firstKeepRest(v, FSource, n)}
	if fromCompany {
		cd.c.Company = "" // a company without a person is the customer itself
	}
	if t := v.one(FTier); t != "" {
		if tier, ok := parseTierWord(t); ok {
			cd.c.Tier, cd.c.TierPinned = tier, true
			if p := strings.ToLower(v.one(FPinned)); p == "no" || p == "false" || p == "0" {
				cd.c.TierPinned = false
			}
		} else {
			n.keep(labelOf(v, FTier), t)
			n.warn("tier: %q is not a tier (A, B or C, or Hot/Warm/Cold); kept in the notes", t)
		}
	}
	if l := v.one(FLifecycle); l != "" {
		if lc, ok := parseLifecycle(l); ok {
			cd.c.Lifecycle = lc
		} else {
			n.keep(labelOf(v, FLifecycle), l)
			n.warn("lifecycle: %q is not a lifecycle (prospect, customer or churned); kept in the notes", l)
		}
	}
	cd.c.ChurnReason = v.one(FChurn)
	if s := v.one(FCadence); s != "" {
		if d, err := strconv.Atoi(s); err == nil && d >= 1 && d <= 3650 {
			cd.c.CadenceDays = d
		} else {
			n.keep(labelOf(v, FCadence), s)
			n.warn("cadence: %q is not a number of days between 1 and 3650; kept in the notes", s)
		}
	}
	var notes []string
	nv := v.each(FNotes)
	switch {
	case len(nv) == 1:
		notes = append(notes, nv[0].value)
	case len(nv) > 1:
		for _, x := range nv {
			notes = append(notes, x.label+": "+x.value)
		}
	}
	for _, x := range v.each(FSourceID) {
		if digits(x.value) != len(x.value) { // rapport's own numeric id is not kept
			n.keep(x.label, x.value)
		}
	}
	for _, x := range v.each(FKeep) {
		n.keep(x.label, x.value)
	}
	for _, x := range v.each(FTags) {
		cd.tags = append(cd.tags, splitTags(x.value)...)
	}
	roles := preferHeaders(v.each(FRole), "job", "职务", "职位", "岗位", "position")
	cd.contact = v.one(FContact)
	if len(roles) > 0 {
		cd.role = roles[0].value
		for _, x := range roles[1:] {
			n.keep(x.label, x.value)
		}
	}
	if cd.contact == "" && cd.role != "" {
		if person != "" && company != "" {
			cd.contact = person // the person at the company, with the role
		} else {
			n.keep(roles[0].label, cd.role)
			cd.role = ""
		}
	}
	if s := v.one(FContacts); s != "" {
		cd.people, cd.care.people = parseContactLines(s)
	}
	cd.care.birthday = readCareDay(labelOf(v, FBirthday), v.one(FBirthday), n, "birthday")
	cd.care.anniversary = readCareDay(labelOf(v, FAnniversary), v.one(FAnniversary), n, "anniversary")
	if s := v.one(FDates); s != "" {
		cd.care.dates = parseDateLines(s, n)
	}
	notes = append(notes, n.lines...)
	if opt.keepExtra {
		notes = append(notes, v.extra()...)
	}
	cd.c.Notes = strings.Join(notes, "\n")
	cd.warnings = n.warnings
	return cd, nil
}

func labelOf(v rowValues, f Field) string {
	for _, i := range v.m.columns(f) {
		if v.cell(i) != "" {
			return v.label(i)
		}
	}
	return string(f)
}

// firstKeepRest returns f's first value and keeps the others in the notes.
func firstKeepRest(v rowValues, f Field, n *rowNotes) string {
	vals := v.each(f)
	if len(vals) == 0 {
		return ""
	}
	for _, x := range vals[1:] {
		if !strings.EqualFold(x.value, vals[0].value) {
			n.keep(x.label, x.value)
		}
	}
	return vals[0].value
}

// pickEmail chooses the row's email: the first valid address of the email
// columns (a cell with two addresses gives two); every other value is kept
// in the notes, and one that is no address is warned about.
func pickEmail(v rowValues, n *rowNotes) string {
	var found multi
	for _, x := range v.each(FEmail) {
		if validEmail(x.value) {
			found.add(x.label, x.value)
			continue
		}
		es := emailsIn(x.value)
		if len(es) == 0 {
			n.keep(x.label, x.value)
			n.warn("email: %q is not an email address; kept in the notes", x.value)
			continue
		}
		if len(es) == 1 {
			n.warn("email: %q read as %s", x.value, es[0])
		} else {
			n.warn("email: %q holds %d addresses: %s is the email, the others are in the notes", x.value, len(es), es[0])
		}
		for _, e := range es {
			found.add(x.label, e)
		}
	}
	if len(found.vals) == 0 {
		return ""
	}
	for _, x := range found.vals[1:] {
		n.keep(x.label, x.value)
	}
	return found.vals[0].value
}

// pickPhone chooses the row's phone as pickEmail chooses the email; a cell
// with several numbers ("13770672328(南)13911676175(北)") gives its first
// number and is kept whole in the notes with its labels.
func pickPhone(v rowValues, n *rowNotes) string {
	var found multi
	// A person's mobile is their own number; a landline may be a
	// company's switchboard.
	for _, x := range preferHeaders(v.each(FPhone), "mobile", "cell", "手机", "移动") {
		if validPhone(x.value) {
			found.add(x.label, x.value)
			continue
		}
		ps := phonesIn(x.value)
		if len(ps) == 0 {
			n.keep(x.label, x.value)
			if d := digits(x.value); d >= 1 && d <= 5 && d == len([]rune(strings.TrimSpace(x.value))) {
				n.warn("phone: %q is too short for a phone number (an extension?); kept in the notes", x.value)
			} else {
				n.warn("phone: %q is not a phone number; kept in the notes", x.value)
			}
			continue
		}
		n.keep(x.label, x.value)
		if len(ps) > 1 {
			n.warn("phone: %q holds %d numbers: %s is the phone, the cell is kept in the notes", x.value, len(ps), ps[0])
		} else {
			n.warn("phone: %q read as %s, the cell is kept in the notes", x.value, ps[0])
		}
		found.add("", ps[0])
	}
	if len(found.vals) == 0 {
		return ""
	}
	for _, x := range found.vals[1:] {
		if x.label != "" {
			n.keep(x.label, x.value)
		}
	}
	return found.vals[0].value
}

// preferHeaders orders values so those whose header holds one of words
// come first, keeping the file's order otherwise.
func preferHeaders(vals []labelled, words ...string) []labelled {
	if len(vals) < 2 {
		return vals
	}
	rank := func(l labelled) int {
		h := strings.ToLower(l.label)
		for _, w := range words {
			if strings.Contains(h, w) {
				return 0
			}
		}
		return 1
	}
	sort.SliceStable(vals, func(i, j int) bool { return rank(vals[i]) < rank(vals[j]) })
	return vals
}

func digits(s string) int {
	k := 0
	for _, r := range s {
		if r >= '0' && r <= '9' {
			k++
		}
	}
	return k
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

// clean sanitises and validates a candidate as a form does (every text
// through model.CleanInput with its limit, then Customer.Validate), but
// forgivingly: NUL bytes are dropped, a name longer than a name may be is
// cut, another over-long value moves to the notes, and over-long notes are
// cut, each with a warning. The strings are copied so that the row they
// came from is not kept in memory.
func (cd *candidate) clean() error {
	c := &cd.c
	var moved []string
	fields := []struct {
		name string
		p    *string
		max  int
	}{
		{"name", &c.Name, model.MaxNameLen},
		{"company", &c.Company, model.MaxShortLen},
		{"email", &c.Email, model.MaxShortLen},
		{"phone", &c.Phone, model.MaxShortLen},
		{"im", &c.IM, model.MaxShortLen},
		{"industry", &c.Industry, model.MaxShortLen},
		{"source", &c.Source, model.MaxShortLen},
		{"churn reason", &c.ChurnReason, model.MaxShortLen},
		{"contact", &cd.contact, model.MaxNameLen},
		{"role", &cd.role, model.MaxShortLen},
	}
	for _, f := range fields {
		v := *f.p
		if strings.IndexByte(v, 0) >= 0 {
			v = strings.ReplaceAll(v, "\x00", "")
			cd.warnings = append(cd.warnings, i18n.Errorf("%s: NUL bytes removed", word(f.name)))
		}
		out, err := model.CleanInput(v, 0, false)
		if err != nil {
			return withField(err, f.name)
		}
		if n := utf8.RuneCountInString(out); n > f.max {
			if f.name == "name" || f.name == "contact" {
				out = strings.TrimSpace(string([]rune(out)[:f.max]))
				cd.warnings = append(cd.warnings, i18n.Errorf("%s: %d characters, cut to %d", word(f.name), n, f.max))
			} else {
				moved = append(moved, f.name+": "+out)
				cd.warnings = append(cd.warnings, i18n.Errorf("%s: %d characters is too long for the field; kept in the notes", word(f.name), n))
				out = ""
			}
		}
		*f.p = strings.Clone(out)
	}
	notes := c.Notes
	if len(moved) > 0 {
		if notes != "" {
			notes += "\n"
		}
		notes += strings.Join(moved, "\n")
	}
	notes = strings.ReplaceAll(notes, "\x00", "")
	out, err := model.CleanInput(notes, 0, true)
	if err != nil {
		return withField(err, "notes")
	}
	if n := utf8.RuneCountInString(out); n > model.MaxNotesLen {
		out = string([]rune(out)[:model.MaxNotesLen])
		cd.warnings = append(cd.warnings, i18n.Errorf("notes: %d characters, cut to %d", n, model.MaxNotesLen))
	}
	c.Notes = strings.Clone(out)
	kept := cd.tags[:0]
	for _, t := range cd.tags {
		s, err := model.CleanInput(t, 60, false)
		if err != nil || s == "" {
			cd.warnings = append(cd.warnings, i18n.Errorf("tag %q is longer than 60 characters; left out", t))
			continue
		}
		kept = append(kept, strings.Clone(s))
	}
	cd.tags = kept
	for i := range cd.people {
		p := &cd.people[i]
		for _, f := range []*string{&p.Name, &p.Role, &p.Email, &p.Phone} {
			s, _ := model.CleanInput(*f, model.MaxShortLen, false)
			*f = strings.Clone(s)
		}
	}
	if c.Tier == "" {
		c.Tier = model.TierC
	}
	if c.Lifecycle == "" {
		c.Lifecycle = model.Active
	}
	if c.Name == "" {
		return model.Invalid("name", "is required: the row has no name, company, email or phone")
	}
	return c.Validate()
}

func withField(err error, name string) error {
	var ve *model.ValidationError
	if errors.As(err, &ve) && ve.Field == "" {
		ve.Field = name
	}
	return err
}
