package model

import (
	"strings"
	"unicode/utf8"
)

// sanState is where the sanitiser stands inside a possible escape sequence.
type sanState uint8

const (
	sanGround    sanState = iota // ordinary text
	sanEsc                       // after ESC
	sanEscInter                  // after ESC and intermediate bytes (ESC ( B)
	sanCSI                       // inside ESC [ … final, or U+009B … final
	sanString                    // inside OSC, DCS, SOS, PM or APC, up to BEL or ST
	sanStringEsc                 // ESC seen inside a string: ST if '\' follows
)

// Sanitize returns s safe to print on one line of a terminal. It removes
// escape sequences whole (CSI "ESC [ … final", OSC "ESC ] … BEL|ST", DCS
// "ESC P … ST", SOS/PM/APC "ESC X|^|_ … ST", two- and three-character ESC
// sequences, and the 8-bit C1 forms of CSI, OSC, DCS, SOS, PM and APC with
// what follows them), every other C0 control (NUL, BEL, BS, CR, ESC, …), DEL,
// every C1 control U+0080–U+009F, and the bidi controls U+202A–U+202E,
// U+2066–U+2069, U+200E, U+200F and U+061C. Invalid UTF-8 becomes U+FFFD.
// Newline, tab and the Unicode line and paragraph separators each become one
// space; a carriage return is dropped.
//
// An unterminated string sequence (OSC, DCS, …) swallows the rest of s, as it
// would in a terminal. Sanitize runs in linear time, never panics, and
// Sanitize(Sanitize(s)) == Sanitize(s).
func Sanitize(s string) string { return sanitize(s, false) }

// SanitizeMultiline is Sanitize for text shown on several lines (notes,
// interaction bodies in detail views): it keeps '\n', turns CRLF and a lone CR
// into '\n', the Unicode line and paragraph separators into '\n', and a tab
// into four spaces.
func SanitizeMultiline(s string) string { return sanitize(s, true) }

func sanitize(s string, multiline bool) string {
	if plainASCII(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	state := sanGround
	afterCR := false // the last rune was a CR already written as '\n'
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		wasCR := afterCR
		afterCR = false
		// A rune that ends a sequence is looked at again by the next state,
		// at most three times in all, so the work stays linear.
	again:
		switch state {
		case sanGround:
			state = sanitizeGround(&b, r, multiline, wasCR, &afterCR)
		case sanEsc:
			switch {
			case r == '[':
				state = sanCSI
			case r == ']' || r == 'P' || r == 'X' || r == '^' || r == '_':
				state = sanString
			case r == 0x1b:
				// ESC ESC: the second one starts over.
			case r >= 0x20 && r <= 0x2f:
				state = sanEscInter
			case r >= 0x30 && r <= 0x7e, r == 0x18, r == 0x1a:
				state = sanGround // two-character sequence, or cancelled
			default:
				state = sanGround
				goto again
			}
		case sanEscInter:
			switch {
			case r >= 0x20 && r <= 0x2f:
			case r >= 0x30 && r <= 0x7e, r == 0x18, r == 0x1a:
				state = sanGround
			case r == 0x1b:
				state = sanEsc
			default:
				state = sanGround
				goto again
			}
		case sanCSI:
			switch {
			case r >= 0x20 && r <= 0x3f: // parameters and intermediates
			case r >= 0x40 && r <= 0x7e, r == 0x18, r == 0x1a:
				state = sanGround // final byte, or cancelled
			case r == 0x1b:
				state = sanEsc
			default:
				state = sanGround
				goto again
			}
		case sanString:
			switch r {
			case 0x07, 0x9c, 0x18, 0x1a: // BEL, ST, CAN, SUB end it
				state = sanGround
			case 0x1b:
				state = sanStringEsc
			}
		case sanStringEsc:
			if r == '\\' {
				state = sanGround
			} else {
				state = sanEsc // ESC ended the string and starts a new sequence
				goto again
			}
		}
	}
	return b.String()
}

// sanitizeGround handles one rune of ordinary text and returns the next state.
func sanitizeGround(b *strings.Builder, r rune, multiline, wasCR bool, afterCR *bool) sanState {
	switch {
	case r == 0x1b:
		return sanEsc
	case r == '\n':
		switch {
		case !multiline:
			b.WriteByte(' ')
		case !wasCR: // the '\n' of a CRLF was already written
			b.WriteByte('\n')
		}
	case r == '\r':
		if multiline {
			b.WriteByte('\n')
			*afterCR = true
		}
	case r == '\t':
		if multiline {
			b.WriteString("    ")
		} else {
			b.WriteByte(' ')
		}
	case r < 0x20 || r == 0x7f:
		// other C0 controls and DEL
	case r >= 0x80 && r <= 0x9f:
		switch r {
		case 0x9b:
			return sanCSI
		case 0x9d, 0x90, 0x98, 0x9e, 0x9f: // OSC, DCS, SOS, PM, APC
			return sanString
		}
	case isBidiControl(r):
	case r == 0x2028 || r == 0x2029:
		if multiline {
			b.WriteByte('\n')
		} else {
			b.WriteByte(' ')
		}
	default:
		// Invalid UTF-8 decodes as utf8.RuneError, U+FFFD, which is written.
		b.WriteRune(r)
	}
	return sanGround
}

// isBidiControl reports the invisible characters that reorder text: the
// embeddings and overrides U+202A–U+202E, the isolates U+2066–U+2069, the
// marks U+200E, U+200F and the Arabic letter mark U+061C.
func isBidiControl(r rune) bool {
	return r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 ||
		r == 0x200e || r == 0x200f || r == 0x061c
}

// plainASCII reports whether s is printable ASCII only, which needs no work.
func plainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] > 0x7e {
			return false
		}
	}
	return true
}

// CleanInput prepares text a user typed, passed on the command line or
// imported, for storage: it refuses a NUL byte, sanitises s (Sanitize, or
// SanitizeMultiline when multiline), trims surrounding white space, and
// refuses a result longer than max characters (runes; max ≤ 0 means no
// limit). Errors are *ValidationError with an empty Field and a message that
// reads after the field's name ("is longer than 200 characters"); the caller
// fills in Field.
func CleanInput(s string, max int, multiline bool) (string, error) {
	if strings.IndexByte(s, 0) >= 0 {
		return "", Invalid("", "contains a NUL byte; remove it")
	}
	var out string
	if multiline {
		out = SanitizeMultiline(s)
	} else {
		out = Sanitize(s)
	}
	out = strings.TrimSpace(out)
	if max > 0 && utf8.RuneCountInString(out) > max {
		return "", Invalid("", "is longer than %d characters", max)
	}
	return out, nil
}
