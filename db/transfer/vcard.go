package transfer

import (
	"bytes"
	"strings"

	"github.com/rapportcrm/rapport/model/i18n"
)

// vProp is one property of a vCard: [group.]NAME;params:value.
type vProp struct {
	line   int
	group  string
	name   string              // upper case
	params map[string][]string // upper-case keys; bare 2.1 types go to TYPE
	raw    []byte              // the value as in the file (after unfolding)
}

// vCard is one BEGIN:VCARD … END:VCARD block.
type vCard struct {
	line    int // the BEGIN line
	version string
	props   []vProp
}

// maxVCardLine bounds one logical line (a 45 KB photo is the largest seen).
const maxVCardLine = 8 << 20

// parseVCards splits a vCard file (2.1, 3.0 or 4.0; CRLF, LF or CR CR LF
// line ends) into cards. Folded lines (a line starting with a space or tab
// continues the previous one) and quoted-printable soft line breaks are
// joined. A file that is not a sequence of BEGIN:VCARD … END:VCARD blocks
// is refused with the line where it breaks.
func parseVCards(raw []byte) ([]vCard, error) {
	raw = bytes.TrimPrefix(raw, []byte(utf8BOM))
	lines := bytes.Split(raw, []byte("\n"))
	for i, l := range lines {
		lines[i] = bytes.TrimRight(l, "\r")
	}
	var cards []vCard
	var cur *vCard
	lastLine := 1 // the last line that has text, where a cut-short file ends
	for i := 0; i < len(lines); {
		ln := i + 1
		line := lines[i]
		i++
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		lastLine = ln
		logical := append([]byte(nil), line...)
		for i < len(lines) && len(lines[i]) > 0 && (lines[i][0] == ' ' || lines[i][0] == '\t') {
			logical = append(logical, lines[i][1:]...)
			i++
			lastLine = i
			if len(logical) > maxVCardLine {
				return nil, i18n.Errorf("line %d: a property longer than %d MB: this is not a contacts file", ln, maxVCardLine>>20)
			}
		}
		p, err := parseVProp(logical, ln)
		if err != nil {
			return nil, err
		}
		if p.isQP() {
			for bytes.HasSuffix(p.raw, []byte("=")) && i < len(lines) {
				p.raw = append(p.raw[:len(p.raw)-1], lines[i]...)
				i++
				lastLine = i
			}
		}
		switch {
		case cur == nil:
			if p.name != "BEGIN" || !strings.EqualFold(strings.TrimSpace(string(p.raw)), "VCARD") {
				return nil, i18n.Errorf("line %d: expected BEGIN:VCARD, found %q: this is not a vCard file, or it is damaged here", ln, clip(string(line)))
			}
			cur = &vCard{line: ln}
		case p.name == "BEGIN":
			return nil, i18n.Errorf("line %d: a card begins before the card from line %d has ended (END:VCARD is missing)", ln, cur.line)
		case p.name == "END":
			if !strings.EqualFold(strings.TrimSpace(string(p.raw)), "VCARD") {
				return nil, i18n.Errorf("line %d: expected END:VCARD, found %q", ln, clip(string(line)))
			}
			cards = append(cards, *cur)
			cur = nil
		case p.name == "VERSION":
			cur.version = strings.TrimSpace(string(p.raw))
			cur.props = append(cur.props, p)
		default:
			cur.props = append(cur.props, p)
		}
	}
	if cur != nil {
		return nil, i18n.Errorf("line %d: the file ends inside the card that begins on line %d (END:VCARD is missing): the file is cut short", lastLine, cur.line)
	}
	if len(cards) == 0 {
		return nil, i18n.Errorf("line 1: no vCard in the file (a contact starts with BEGIN:VCARD)")
	}
	return cards, nil
}

func clip(s string) string {
	r := []rune(s)
	if len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}

// parseVProp reads "group.NAME;P=V;BARE:value"; the first ':' outside
// double quotes ends the name and parameters.
func parseVProp(l []byte, ln int) (vProp, error) {
	colon := -1
	inQ := false
	for j, b := range l {
		if b == '"' {
			inQ = !inQ
		}
		if b == ':' && !inQ {
			colon = j
			break
		}
	}
	if colon <= 0 {
		return vProp{}, i18n.Errorf("line %d: %q is not a vCard property (NAME:value): the file is damaged here", ln, clip(string(l)))
	}
	head := string(l[:colon])
	p := vProp{line: ln, raw: l[colon+1:], params: map[string][]string{}}
	parts := splitUnquoted(head, ';')
	name := parts[0]
	if g, n, ok := strings.Cut(name, "."); ok {
		p.group, name = g, n
	}
	p.name = strings.ToUpper(strings.TrimSpace(name))
	if p.name == "" {
		return vProp{}, i18n.Errorf("line %d: a property without a name", ln)
	}
	for _, prm := range parts[1:] {
		k, v, ok := strings.Cut(prm, "=")
		if !ok {
			// vCard 2.1 bare parameters: WORK, PREF, QUOTED-PRINTABLE, BASE64.
			up := strings.ToUpper(strings.TrimSpace(prm))
			switch up {
			case "QUOTED-PRINTABLE", "BASE64", "8BIT", "7BIT", "B":
				p.params["ENCODING"] = append(p.params["ENCODING"], up)
			default:
				p.params["TYPE"] = append(p.params["TYPE"], up)
			}
			continue
		}
		k = strings.ToUpper(strings.TrimSpace(k))
		for _, x := range splitUnquoted(v, ',') {
			p.params[k] = append(p.params[k], strings.Trim(strings.TrimSpace(x), `"`))
		}
	}
	return p, nil
}

func splitUnquoted(s string, sep byte) []string {
	var out []string
	inQ := false
	start := 0
	for j := 0; j < len(s); j++ {
		switch {
		case s[j] == '"':
			inQ = !inQ
		case s[j] == sep && !inQ:
			out = append(out, s[start:j])
			start = j + 1
		}
	}
	return append(out, s[start:])
}

func (p vProp) param(k string) string {
	if v := p.params[k]; len(v) > 0 {
		return v[0]
	}
	return ""
}

func (p vProp) isQP() bool {
	for _, e := range p.params["ENCODING"] {
		if strings.EqualFold(e, "QUOTED-PRINTABLE") {
			return true
		}
	}
	return false
}

func (p vProp) isBinary() bool {
	for _, e := range p.params["ENCODING"] {
		if strings.EqualFold(e, "BASE64") || strings.EqualFold(e, "B") {
			return true
		}
	}
	return false
}

// hasType reports whether the property has TYPE t (any case).
func (p vProp) hasType(t string) bool {
	for _, x := range p.params["TYPE"] {
		for _, y := range strings.Split(x, ",") {
			if strings.EqualFold(strings.TrimSpace(y), t) {
				return true
			}
		}
	}
	return p.param("PREF") != "" && strings.EqualFold(t, "PREF")
}

// text decodes the value: quoted-printable, then the CHARSET (fallback is
// the file's guessed legacy encoding for 8-bit text without one).
func (p vProp) text(fallback string) string {
	b := p.raw
	if p.isQP() {
		b = qpDecode(b)
	}
	return decodeValue(b, p.param("CHARSET"), fallback)
}

// qpDecode decodes quoted-printable leniently: "=XX" is a byte, anything
// else is kept as it is.
func qpDecode(b []byte) []byte {
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); i++ {
		if b[i] == '=' && i+2 < len(b) {
			if h, ok := unhex(b[i+1]); ok {
				if l, ok := unhex(b[i+2]); ok {
					out = append(out, h<<4|l)
					i += 2
					continue
				}
			}
		}
		out = append(out, b[i])
	}
	return out
}

func unhex(c byte) (byte, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10, true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	}
	return 0, false
}

// splitEscaped splits a vCard text value on unescaped sep and unescapes
// each part (\n → newline, \, \; \: \\ → the character).
func splitEscaped(s string, sep byte) []string {
	var out []string
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\\' && i+1 < len(s):
			i++
			switch s[i] {
			case 'n', 'N':
				b.WriteByte('\n')
			default:
				b.WriteByte(s[i])
			}
		case c == sep && sep != 0:
			out = append(out, b.String())
			b.Reset()
		default:
			b.WriteByte(c)
		}
	}
	return append(out, b.String())
}

// unescape is splitEscaped without splitting (sep 0 splits nowhere).
func unescape(s string) string { return splitEscaped(s, 0)[0] }
