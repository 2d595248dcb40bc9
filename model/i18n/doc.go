// Package i18n is rapport's message catalog: every word the app and the
// command line say, in English and Simplified Chinese (issue 26, SPEC §5).
//
// A message's key is its English text, a fmt format ("%d overdue"). Code
// says it through a Printer:
//
//	p.T("%d overdue", n)          // "12 overdue" or "12 项逾期"
//	i18n.Errorf("customer %d: not found", id) // an error rendered by p.Err
//	i18n.N("Today")               // marks a key kept in a table, said later with p.T(key)
//
// and the catalog holds its translation, one Msg per key, in the file of its
// area (msgs_cli.go, msgs_app.go, msgs_screens.go, msgs_model.go). A key
// with English plural forms gives One (the singular) besides the key (the
// other form); the plural follows the first argument.
//
// The catalog is golang.org/x/text/message/catalog: it matches the reader's
// language, falls back to English and selects plural forms with CLDR rules.
// Formatting is fmt's, not x/text's printer, so an id or a year never
// gains a thousands separator ("2,026") by being said in a language;
// numbers that should be grouped are grouped by the caller, as before.
//
// The language is decided once, by main (Detect reads the values of
// LC_ALL, LC_MESSAGES and LANG that main passes; a --lang flag or the
// book's `lang` setting overrides them, see Resolve). No package reads the
// environment for it.
//
// The catalog test fails when a message lacks its Chinese, when the
// placeholders of a translation differ from its key's, when one key has two
// different translations, and when the source says a literal key (p.T,
// i18n.Errorf, i18n.N) that the catalog does not hold.
package i18n
