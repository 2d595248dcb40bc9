package i18n

import "strings"

// Pick says value, one of values, with the word at its place in words: a
// said message of words split at "|" (p.T("call|email|…") is
// "电话|邮件|…" in Chinese). One message for a set of words (a table's
// column titles, an enum's values, a report's section heads) keeps each
// word its meaning in that set: the interaction kind "email" is 邮件, the
// field "email" 邮箱. A value not in values, or one the said set has no
// word for, is returned as it is.
func Pick(words string, values []string, value string) string {
	ws := strings.Split(words, "|")
	for i, v := range values {
		if v == value && i < len(ws) {
			return ws[i]
		}
	}
	return value
}
