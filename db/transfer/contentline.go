package transfer

import (
	"bufio"
	"strings"
	"unicode/utf8"

	"github.com/rapportcrm/rapport/model"
)

// contentWriter writes RFC 5545 / RFC 6350 content lines: CRLF line ends
// and lines folded at 75 octets (never inside a UTF-8 character), the
// continuation starting with one space.
type contentWriter struct {
	w   *bufio.Writer
	err error
}

func (cw *contentWriter) line(s string) {
	if cw.err != nil {
		return
	}
	limit := 75
	for len(s) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		if _, cw.err = cw.w.WriteString(s[:cut] + "\r\n "); cw.err != nil {
			return
		}
		s = s[cut:]
		limit = 74 // the leading space counts
	}
	_, cw.err = cw.w.WriteString(s + "\r\n")
}

// escapeText escapes a TEXT value (iCalendar and vCard): backslash,
// semicolon, comma and newline, after sanitising it (no control, C1 or
// bidi-override character reaches the file, whatever the book holds).
func escapeText(s string) string {
	var b strings.Builder
	for _, r := range model.SanitizeMultiline(strings.ReplaceAll(s, "\r", "")) {
		switch r {
		case '\\':
			b.WriteString(`\\`)
		case ';':
			b.WriteString(`\;`)
		case ',':
			b.WriteString(`\,`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
