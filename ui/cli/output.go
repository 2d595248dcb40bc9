package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/mattn/go-runewidth"
	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/model/i18n"
)

// openBook opens the database. Read verbs (mustExist) never create a file:
// a missing one is reported with how to start.
func openBook(e *Env, mustExist bool) (*db.DB, error) {
	e.opened = true
	if e.DBPath == "" {
		return nil, i18n.Errorf("no database path: give one with --db PATH or RAPPORT_DB")
	}
	b, err := db.Open(e.Ctx, e.DBPath, db.Options{Now: e.Now, MustExist: mustExist, Locale: e.Locale, Zone: e.Zone,
		OnWait: func(msg string) { fmt.Fprintln(e.Stderr, e.P().T("rapport: %s", clean(msg))) }})
	if err == nil {
		e.speak(e.Ctx, b)
	}
	return b, err
}

// openRisk opens an existing book and brings its materialised risk up to
// date, as every verb that reads risk must (so it agrees with the app).
// When the book cannot take the refresh (read-only, disk full, locked),
// reading still works on today's view and stderr says it was not saved.
func openRisk(e *Env) (*db.DB, error) {
	b, err := openBook(e, true)
	if err != nil {
		return nil, err
	}
	v, _, err := b.RefreshForReading(e.Ctx)
	if err != nil {
		b.Close()
		return nil, err
	}
	if ns := v.NotSaved(); ns != nil {
		fmt.Fprintln(e.Stderr, e.P().T("rapport: note: %s", clean(e.P().Err(ns))))
	}
	return v, nil
}

// fail prints err on stderr for verb name and returns the exit code: 2 for
// a value on the command line that could not be understood, 1 otherwise.
// The first line says what is wrong and what to do; an ambiguous customer
// lists one candidate per line (id, name, company).
func fail(e *Env, name string, err error) int {
	p := e.P()
	prefix := p.T("rapport %s: ", name)
	var amb *db.AmbiguousError
	var arg *argError
	var ve *model.ValidationError
	var row *db.RowError
	switch {
	case errors.As(err, &arg):
		fmt.Fprintf(e.Stderr, "%s%s\n", prefix, p.Err(arg.err))
		return ExitUsage
	case errors.As(err, &amb):
		fmt.Fprintf(e.Stderr, "%s%s\n", prefix, clean(p.Err(amb)))
		t := newTable(e.Stderr)
		for _, c := range amb.Candidates {
			t.row("  "+strconv.FormatInt(c.ID, 10), clean(c.Name), clean(c.Company))
		}
		t.flush()
		return ExitFailed
	case errors.Is(err, db.ErrNoDatabase):
		fmt.Fprintln(e.Stderr, prefix+p.T("there is no rapport database at %s yet.", e.DBPath))
		fmt.Fprintln(e.Stderr, p.T("Start one with `rapport` (the app), `rapport demo` (sample data), `rapport add customer NAME` or `rapport import csv FILE`; or point --db at an existing file."))
		return ExitFailed
	case errors.Is(err, db.ErrNothingToUndo), errors.Is(err, db.ErrNothingToRedo):
		fmt.Fprintf(e.Stderr, "%s%s\n", prefix, p.Err(err))
		return ExitFailed
	case errors.Is(err, model.ErrConflict):
		fmt.Fprintln(e.Stderr, prefix+p.T("%s: someone else changed it meanwhile; nothing was written, run the command again", clean(p.Err(err))))
		return ExitFailed
	case errors.As(err, &row):
		// The whole message: it names the table and the row.
		fmt.Fprintf(e.Stderr, "%s%s\n", prefix, clean(p.Err(err)))
		return ExitFailed
	case errors.As(err, &ve):
		fmt.Fprintln(e.Stderr, prefix+p.T("%s; nothing was written", clean(p.Err(ve))))
		return ExitFailed
	case errors.Is(err, model.ErrNotFound):
		msg := clean(p.Err(err))
		if !strings.Contains(err.Error(), "(try") {
			msg = p.T("%s (find ids with rapport list, rapport show CUSTOMER, rapport today or rapport deal list)", msg)
		}
		fmt.Fprintf(e.Stderr, "%s%s\n", prefix, msg)
		return ExitFailed
	}
	fmt.Fprintf(e.Stderr, "%s%s\n", prefix, clean(p.Err(err)))
	return ExitFailed
}

// field fills in the field of a *model.ValidationError that a helper left
// empty (CleanInput, ParseMoney).
func field(err error, name string) error {
	var ve *model.ValidationError
	if errors.As(err, &ve) && ve.Field == "" {
		ve.Field = name
	}
	return err
}

// cleanArg prepares a text argument for storage: NUL and over-long values
// are refused, escape sequences and control characters removed.
func cleanArg(name, s string, max int, multiline bool) (string, error) {
	out, err := model.CleanInput(s, max, multiline)
	return out, field(err, name)
}

// clean makes text from the database safe to print on one line.
func clean(s string) string { return model.Sanitize(s) }

// printJSON writes v as indented JSON without HTML escaping.
func printJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// decimal renders minor units as a plain decimal string in major units
// ("12000.50" for 1200050 USD, "12000" for JPY): exact, no grouping, the
// form --json uses for money.
func decimal(minor int64, currency string) string {
	digits := model.CurrencyDigits(currency)
	neg := minor < 0
	u := uint64(minor)
	if neg {
		u = uint64(-minor)
	}
	s := strconv.FormatUint(u, 10)
	if digits > 0 {
		for len(s) <= digits {
			s = "0" + s
		}
		s = s[:len(s)-digits] + "." + s[len(s)-digits:]
	}
	if neg {
		s = "-" + s
	}
	return s
}

// money formats an amount for text output ("$12,000.00").
func money(minor int64, currency string) string {
	return model.Money{Minor: minor, Currency: currency}.Format()
}

// dayOrNull is a date for JSON: "YYYY-MM-DD" or null.
func dayOrNull(d model.Day) *string {
	if d.IsZero() {
		return nil
	}
	s := d.String()
	return &s
}

// strOrNull is a string for JSON, null when empty.
func strOrNull(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// ago renders days since a date for text output ("today", "3d ago"; in
// Chinese 今天, 3天前).
func ago(p *i18n.Printer, d, today model.Day) string {
	if d.IsZero() {
		return p.T("never")
	}
	n := int(today - d)
	switch {
	case n == 0:
		return p.T("today")
	case n < 0:
		return p.T("in %dd", -n)
	}
	return p.T("%dd ago", n)
}

// table aligns columns of text by display width (CJK names count two cells).
type table struct {
	w    io.Writer
	rows [][]string
	cond *runewidth.Condition
}

func newTable(w io.Writer) *table {
	return &table{w: w, cond: &runewidth.Condition{EastAsianWidth: false}}
}

func (t *table) row(cells ...string) { t.rows = append(t.rows, cells) }

// flush prints the rows; the last column is not padded.
func (t *table) flush() {
	var widths []int
	for _, r := range t.rows {
		for i, c := range r {
			if i >= len(widths) {
				widths = append(widths, 0)
			}
			if n := t.cond.StringWidth(c); n > widths[i] {
				widths[i] = n
			}
		}
	}
	for _, r := range t.rows {
		var b strings.Builder
		for i, c := range r {
			if i == len(r)-1 {
				b.WriteString(c)
				break
			}
			b.WriteString(t.cond.FillRight(c, widths[i]))
			b.WriteString("  ")
		}
		fmt.Fprintln(t.w, strings.TrimRight(b.String(), " "))
	}
	t.rows = nil
}

// labelled prints "label: value" lines with the values aligned one cell
// after the widest label (by display width: Chinese labels are 2 cells a
// character).
type labelled struct {
	w    io.Writer
	rows [][2]string
}

func (l labelled) print() {
	c := &runewidth.Condition{EastAsianWidth: false}
	width := 0
	for _, r := range l.rows {
		width = max(width, c.StringWidth(r[0]))
	}
	for _, r := range l.rows {
		fmt.Fprintln(l.w, c.FillRight(r[0], width)+" "+r[1])
	}
}

// truncate shortens s to w cells with an ellipsis.
func truncate(s string, w int) string {
	c := &runewidth.Condition{EastAsianWidth: false}
	return c.Truncate(s, w, "…")
}
