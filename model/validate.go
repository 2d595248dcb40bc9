package model

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxValidName is the longest name or title ValidateName accepts, in
// characters (runes).
const maxValidName = 200

// maxEmailLen is the longest address SMTP carries (RFC 5321 path limit).
const maxEmailLen = 254

// ValidateName checks a required name-like field (customer name, deal title):
// not empty after trimming white space, and at most maxValidName characters.
// It returns a *ValidationError for field.
func ValidateName(field, s string) error {
	t := strings.TrimSpace(s)
	if t == "" {
		return Invalid(field, "is required")
	}
	if n := utf8.RuneCountInString(t); n > maxValidName {
		return Invalid(field, "is longer than %d characters (%d)", maxValidName, n)
	}
	return nil
}

// ValidateEmail checks an email address loosely, as a salesperson's address
// book needs: empty is fine; otherwise exactly one '@', a non-empty local part
// (at most 64 characters), a domain with a dot and no empty labels, no white
// space, control characters or <>()[]\,;:" anywhere, and at most 254
// characters. Surrounding white space is ignored (stored values are trimmed
// by CleanInput). Non-ASCII (internationalised) addresses are accepted.
func ValidateEmail(field, s string) error {
	t := strings.TrimSpace(s)
	if t == "" {
		return nil
	}
	if len(t) > maxEmailLen {
		return Invalid(field, "is longer than %d characters", maxEmailLen)
	}
	if !plausibleEmail(t) {
		return Invalid(field, "%s is not an email address (like name@example.com)", quoteShort(t))
	}
	return nil
}

func plausibleEmail(t string) bool {
	if !utf8.ValidString(t) || strings.Count(t, "@") != 1 {
		return false
	}
	for _, r := range t {
		if unicode.IsSpace(r) || unicode.IsControl(r) || isBidiControl(r) || strings.ContainsRune(`<>()[]\,;:"`, r) {
			return false
		}
	}
	local, domain, _ := strings.Cut(t, "@")
	if local == "" || utf8.RuneCountInString(local) > 64 || !strings.Contains(domain, ".") {
		return false
	}
	for _, label := range strings.Split(domain, ".") {
		if label == "" || label[0] == '-' || label[len(label)-1] == '-' {
			return false
		}
	}
	return true
}

// phoneExample ends every "not a phone number" message.
const phoneExample = "like +86 138 0013 8000 or 555-0100 x12"

// ValidatePhone checks a phone number: empty is fine; otherwise, after
// removing spaces, dashes, dots, slashes, parentheses and one leading '+',
// 6–20 digits must remain. An extension may follow: "x123", "ext. 123",
// "ext 123", "extension 123" (1–8 digits). Letters elsewhere are refused.
// Full-width digits and punctuation (typed with a CJK input method) count as
// their ASCII forms.
func ValidatePhone(field, s string) error {
	t := foldWidth(strings.TrimSpace(s))
	if t == "" {
		return nil
	}
	main, _, ok := splitPhone(t)
	if !ok {
		return Invalid(field, "%s is not a phone number (%s)", quoteShort(s), phoneExample)
	}
	n := 0
	for i, r := range main {
		switch {
		case r >= '0' && r <= '9':
			n++
		case r == '+' && i == 0:
		case isPhoneSeparator(r):
		default:
			return Invalid(field, "%s is not a phone number (%s)", quoteShort(s), phoneExample)
		}
	}
	if n < 6 || n > 20 {
		return Invalid(field, "%s is not a phone number: it has %d digits, and a phone number has 6 to 20 (%s)",
			quoteShort(s), n, phoneExample)
	}
	return nil
}

// NormalizePhone reduces a phone number to a form for finding duplicates:
// digits only, with a leading '+' kept, a leading international "00" turned
// into '+', and an extension kept as "x" and its digits.
// "+86 138-0013-8000" → "+8613800138000", "0086 138 0013 8000" →
// "+8613800138000", "(555) 010-0123 ext. 12" → "5550100123x12". A number
// without a country code (a Chinese mobile "138 0013 8000") stays without
// one: "13800138000". Text with no digits gives "".
func NormalizePhone(s string) string {
	t := foldWidth(strings.TrimSpace(s))
	main, ext, ok := splitPhone(t)
	if !ok {
		main, ext = t, ""
	}
	plus := strings.HasPrefix(main, "+")
	var digits strings.Builder
	for i := 0; i < len(main); i++ {
		if c := main[i]; c >= '0' && c <= '9' {
			digits.WriteByte(c)
		}
	}
	d := digits.String()
	if !plus && len(d) > 2 && strings.HasPrefix(d, "00") {
		plus, d = true, d[2:]
	}
	if d == "" {
		return ""
	}
	if plus {
		d = "+" + d
	}
	if ext != "" {
		d += "x" + ext
	}
	return d
}

// splitPhone splits t at an extension marker ("x", "ext", "ext.",
// "extension", any case) into the number and the extension's digits. ok is
// false when letters appear that are not such a marker followed by 1–8 digits.
func splitPhone(t string) (main, ext string, ok bool) {
	i := strings.IndexFunc(t, unicode.IsLetter)
	if i < 0 {
		return t, "", true
	}
	main, tail := t[:i], strings.ToLower(t[i:])
	switch {
	case strings.HasPrefix(tail, "extension"):
		tail = tail[len("extension"):]
	case strings.HasPrefix(tail, "ext"):
		tail = tail[len("ext"):]
	case strings.HasPrefix(tail, "x"):
		tail = tail[1:]
	default:
		return "", "", false
	}
	tail = strings.TrimLeft(tail, ".: ")
	if tail == "" || len(tail) > 8 {
		return "", "", false
	}
	for i := 0; i < len(tail); i++ {
		if tail[i] < '0' || tail[i] > '9' {
			return "", "", false
		}
	}
	return strings.TrimSpace(main), tail, true
}

// isPhoneSeparator reports the punctuation people put between digit groups.
func isPhoneSeparator(r rune) bool {
	switch r {
	case '-', '.', '(', ')', '/', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014':
		return true
	}
	return unicode.IsSpace(r)
}
