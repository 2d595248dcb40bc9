package transfer

import (
	"context"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/model/i18n"
)

// ImportVCard imports the contacts of a vCard file as customers, with the
// same deduplication, error policy and undo batch as ImportCSV. A damaged
// file is refused whole with the line where it breaks.
func ImportVCard(ctx context.Context, d *db.DB, raw []byte, opt Options) (*Report, error) {
	cards, err := parseVCards(raw)
	if err != nil {
		return nil, err
	}
	fallback := EncUTF8
	if !utf8.Valid(raw) {
		fallback = guessLegacy(raw)
	}
	rep := &Report{Kind: KindCustomers, Encoding: "vcard", Rows: len(cards), DryRun: opt.DryRun}
	var cands []*candidate
	for _, c := range cards {
		cd := cardCandidate(c, fallback)
		if cd.skip != "" {
			cands = append(cands, &cd)
			continue
		}
		if err := cd.clean(); err != nil {
			rep.reject(c.line, err)
			continue
		}
		for _, w := range cd.warnings {
			rep.warn(c.line, w)
		}
		cd.warnings = nil
		cands = append(cands, &cd)
	}
	rep.Format = "vcard"
	return importStream(ctx, d, sliceStream(cands), opt, rep)
}

// cardCandidate turns a card into a customer: FN (else N, else ORG, else
// the email or phone) is the name; ORG's first part the company; the
// preferred EMAIL and TEL that are valid become the email and phone, the
// others are kept in the notes; NOTE is the notes; CATEGORIES the tags.
// Photos, keys, sounds and addresses are skipped.
func cardCandidate(c vCard, fallback string) candidate {
	cd := candidate{line: c.line}
	var fn, nName, org, im, industry, source, title string
	var ims []string
	var notes []string
	var emails, tels []vProp
	for _, p := range c.props {
		if p.isBinary() {
			continue
		}
		switch p.name {
		case "FN":
			if fn == "" {
				fn = unescape(p.text(fallback))
			}
		case "N":
			if nName == "" {
				parts := splitEscaped(p.text(fallback), ';')
				for len(parts) < 3 {
					parts = append(parts, "")
				}
				nName = joinName(parts[1], strings.ReplaceAll(parts[2], ",", " "), parts[0])
			}
		case "ORG":
			if org == "" {
				org = strings.TrimSpace(splitEscaped(p.text(fallback), ';')[0])
			}
		case "EMAIL":
			emails = append(emails, p)
		case "TEL":
			tels = append(tels, p)
		case "NOTE":
			if n := strings.TrimSpace(unescape(p.text(fallback))); n != "" {
				notes = append(notes, n)
			}
		case "CATEGORIES":
			for _, t := range splitEscaped(p.text(fallback), ',') {
				cd.tags = append(cd.tags, splitTags(t)...)
			}
		case "X-RAPPORT-INDUSTRY":
			industry = unescape(p.text(fallback))
		case "X-RAPPORT-SOURCE":
			source = unescape(p.text(fallback))
		case "BDAY", "X-BIRTHDAY":
			cardCareDay(&cd.care.birthday, "Birthday", unescape(p.text(fallback)), &notes, &cd)
		case "ANNIVERSARY", "X-ANNIVERSARY", "X-EVOLUTION-ANNIVERSARY", "X-MS-ANNIVERSARY":
			cardCareDay(&cd.care.anniversary, "Anniversary", unescape(p.text(fallback)), &notes, &cd)
		case "X-RAPPORT-DATE":
			if d, ok := readDateProp(p.text(fallback)); ok {
				cd.care.dates = append(cd.care.dates, d)
			} else {
				notes = append(notes, "Date: "+unescape(p.text(fallback)))
			}
		case "X-RAPPORT-CONTACT-OF":
			cd.skip = "a contact person of " + strings.TrimSpace(string(p.raw)) + " (rapport's export), not a customer"
		case "IMPP", "X-MS-IMADDRESS", "X-WECHAT", "X-QQ", "X-SKYPE", "X-AIM", "X-JABBER", "X-ICQ", "X-MSN", "X-YAHOO",
			"X-GOOGLE-TALK", "X-GTALK", "X-TWITTER", "X-WHATSAPP", "X-TELEGRAM", "X-SIP":
			// Every handle is kept: the first in the IM field, the rest in
			// the notes.
			if h := imHandle(unescape(p.text(fallback))); h != "" {
				if im == "" {
					im = h
				} else if h != im {
					ims = append(ims, imLabel(p)+": "+h)
				}
			}
		case "TITLE", "ROLE":
			if t := strings.TrimSpace(unescape(p.text(fallback))); t != "" {
				if title == "" {
					title = t
				} else if t != title {
					notes = append(notes, "Title: "+t)
				}
			}
		}
	}
	em := multi{}
	for _, p := range byPreference(emails, nil) {
		em.add(label("Email", p), unescape(p.text(fallback)))
	}
	ph := multi{}
	for _, p := range byPreference(tels, []string{"CELL", "MOBILE", "WORK", "VOICE", "HOME"}) {
		ph.add(label("Phone", p), unescape(p.text(fallback)))
	}
	email, restE := em.pickLenient(validEmail)
	phone, restP := ph.pickLenient(validPhone)
	name := strings.TrimSpace(fn)
	for _, alt := range []string{nName, org, email, phone} {
		if name == "" {
			name = strings.TrimSpace(alt)
		}
	}
	cd.c = model.Customer{Name: name, Company: org, Email: email, Phone: phone, IM: im, Industry: industry, Source: source}
	if org == name {
		cd.c.Company = ""
	}
	notes = append(notes, restE...)
	notes = append(notes, restP...)
	notes = append(notes, ims...)
	if title != "" {
		// The person's role at the company: a contact of the customer.
		if org != "" && name != org {
			cd.contact, cd.role = name, title
		} else {
			notes = append(notes, "Title: "+title)
		}
	}
	cd.c.Notes = strings.Join(notes, "\n")
	return cd
}

// cardCareDay reads a BDAY or ANNIVERSARY value (vCard 2.1 19880512, 3.0
// 1988-05-12, 4.0 --0512, Apple's 1604-05-12 for no year, a time after
// it); one that is not a date is kept in the notes with a warning.
func cardCareDay(dst *string, label, v string, notes *[]string, cd *candidate) {
	v = strings.TrimSpace(v)
	if v == "" || *dst != "" {
		return
	}
	day, err := model.ParseCareDay(noYearVCard(v))
	if err != nil {
		*notes = append(*notes, label+": "+v)
		cd.warnings = append(cd.warnings, i18n.Errorf("%s: %q is not a date; kept in the notes", word(strings.ToLower(label)), v))
		return
	}
	*dst = day
}

// readDateProp reads rapport's X-RAPPORT-DATE value: "2027-03-31;once;label"
// (or "03-31;yearly;label").
func readDateProp(v string) (model.CareDate, bool) {
	parts := splitEscaped(v, ';')
	if len(parts) < 3 {
		return model.CareDate{}, false
	}
	day, err := model.ParseCareDay(strings.TrimSpace(parts[0]))
	label := strings.TrimSpace(unescape(strings.Join(parts[2:], ";")))
	once := strings.EqualFold(strings.TrimSpace(parts[1]), "once")
	if err != nil || label == "" || once && strings.HasPrefix(day, "--") {
		return model.CareDate{}, false
	}
	return model.CareDate{Kind: model.CareLabelled, Label: label, Day: day, Yearly: !once}, true
}

// imHandle drops the URI scheme of an IMPP value: "x-apple:wx_wang",
// "skype:wang.lei", "xmpp:a@b" → the handle.
func imHandle(s string) string {
	s = strings.TrimSpace(s)
	if scheme, rest, ok := strings.Cut(s, ":"); ok && rest != "" && len(scheme) <= 12 {
		plain := true
		for _, r := range scheme {
			if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r == '-') {
				plain = false
			}
		}
		if plain {
			return strings.TrimPrefix(strings.TrimSpace(rest), "//")
		}
	}
	return s
}

// imLabel names an IM handle kept in the notes: "IM (qq)", "WeChat".
func imLabel(p vProp) string {
	switch p.name {
	case "X-WECHAT":
		return "WeChat"
	case "X-QQ":
		return "QQ"
	case "IMPP":
		if ts := p.params["X-SERVICE-TYPE"]; len(ts) > 0 {
			return "IM (" + strings.ToLower(ts[0]) + ")"
		}
		return label("IM", p)
	}
	n := strings.ToLower(strings.TrimPrefix(p.name, "X-"))
	return strings.ToUpper(n[:1]) + n[1:]
}

// byPreference orders properties: PREF first, then by the first of types
// that they have (fax last), keeping file order otherwise.
func byPreference(ps []vProp, types []string) []vProp {
	rank := func(p vProp) int {
		if p.hasType("PREF") {
			return 0
		}
		if p.hasType("FAX") || p.hasType("PAGER") {
			return 100
		}
		for i, t := range types {
			if p.hasType(t) {
				return 1 + i
			}
		}
		return 50
	}
	out := append([]vProp(nil), ps...)
	sort.SliceStable(out, func(i, j int) bool { return rank(out[i]) < rank(out[j]) })
	return out
}

// label names a value kept in the notes: "Phone (work, fax)".
func label(what string, p vProp) string {
	var ts []string
	for _, t := range p.params["TYPE"] {
		for _, x := range strings.Split(t, ",") {
			x = strings.ToLower(strings.TrimSpace(x))
			if x != "" && x != "pref" && x != "internet" && x != "voice" {
				ts = append(ts, x)
			}
		}
	}
	if len(ts) == 0 {
		return what
	}
	return what + " (" + strings.Join(ts, ", ") + ")"
}

// pickLenient is pick for sources where a value may be free text (a vCard
// TEL that says "ask reception"): when nothing is valid the field stays
// empty and every value is kept in the notes.
func (m *multi) pickLenient(ok func(string) bool) (string, []string) {
	for i, x := range m.vals {
		if ok(x.value) {
			var rest []string
			for j, y := range m.vals {
				if j != i {
					rest = append(rest, y.label+": "+y.value)
				}
			}
			return x.value, rest
		}
	}
	var rest []string
	for _, y := range m.vals {
		rest = append(rest, y.label+": "+y.value)
	}
	return "", rest
}
