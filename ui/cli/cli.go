// Package cli holds rapport's non-interactive command-line verbs (SPEC §5).
// Each verb parses its own flags, opens the book, does one command in one
// transaction and prints what it did; errors go to stderr with a first line
// that says what is wrong and what to do.
package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model/i18n"
)

// Exit codes (SPEC §5).
const (
	ExitOK      = 0
	ExitFailed  = 1
	ExitUsage   = 2
	ExitOverdue = 3
)

// Env is what a verb needs from the process: streams, the database path and
// the clock. main builds it; tests build their own.
type Env struct {
	Ctx    context.Context
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	// DBPath is the resolved database path (--db, RAPPORT_DB or the default).
	DBPath string
	// DemoPath is where `rapport demo` builds its book when --db was not given.
	DemoPath string
	// DBFromFlag is true when the path came from --db.
	DBFromFlag bool
	// Now is the clock (RAPPORT_NOW / RAPPORT_TODAY make it fixed).
	Now func() time.Time
	// Locale is the user's locale (LC_ALL, LC_MONETARY or LANG, the first
	// set); it picks a new book's currency.
	Locale string
	// Zone is the user's time zone with its IANA name (nil: unknown); a new
	// book records it as its time zone.
	Zone *time.Location
	// DumbTerminal is true under TERM=dumb: text output keeps to plain bars
	// and tables (no line charts).
	DumbTerminal bool
	// Lang is the language main decided (--lang and the locale); P
	// applies the book's setting to it.
	Lang i18n.Choice
	// p is the printer of this command: set by openBook from the book's
	// `lang` setting, or by P from a look at the book (see P).
	p *i18n.Printer
	// opened is set once openBook was tried: P then never opens the book
	// itself.
	opened bool
	// OpenApp opens the terminal app on a database path (main wires the ui
	// package in, so cli does not import it). Nil in tests.
	OpenApp func(path string) int
}

// Verb is one command-line verb.
type Verb struct {
	// Usage is the synopsis after "rapport ", e.g. "done FOLLOWUP_ID".
	Usage string
	// Summary is one line for the verb list.
	Summary string
	// Run executes the verb with the arguments after its name.
	Run func(e *Env, args []string) int
}

// verbs returns every verb, gathered from the files that define them.
func verbs() map[string]Verb {
	all := map[string]Verb{}
	for _, group := range []map[string]Verb{bookVerbs(), transferVerbs(), reportVerbs(), demoVerbs(), goalVerbs(), careVerbs(), playbookVerbs()} {
		for k, v := range group {
			all[k] = v
		}
	}
	return all
}

// Known reports whether name is a verb.
func Known(name string) bool {
	_, ok := verbs()[name]
	return ok
}

// Run dispatches args (after the global flags) to a verb.
func Run(e *Env, args []string) int {
	if e.Ctx == nil {
		e.Ctx = context.Background()
	}
	if e.Now == nil {
		e.Now = time.Now
	}
	if len(args) == 0 {
		Usage(e.Stderr, e.P())
		return ExitUsage
	}
	v, ok := verbs()[args[0]]
	if !ok {
		fmt.Fprintln(e.Stderr, e.P().T("rapport: %q is not a command; run rapport --help for the list", args[0]))
		return ExitUsage
	}
	return v.Run(e, args[1:])
}

// Usage prints the global help with every verb, in p's language (command
// and flag names stay English).
func Usage(w io.Writer, p *i18n.Printer) {
	fmt.Fprintln(w, p.T(`rapport — a keyboard-driven CRM in your terminal

Usage: rapport [--db PATH] [--lang zh|en|auto] [COMMAND] [ARGS]

With no command, rapport opens the terminal app. Global:
  --db PATH   the book to use (else $RAPPORT_DB, else $XDG_DATA_HOME/rapport/rapport.db,
              else ~/.local/share/rapport/rapport.db)
  --lang L    the language: zh, en or auto (else the book's setting, rapport config lang,
              else LC_ALL, LC_MESSAGES, LANG)
  RAPPORT_NOW=RFC3339 or RAPPORT_TODAY=YYYY-MM-DD fix the clock (tests, demos)

Commands:`))
	vs := verbs()
	names := make([]string, 0, len(vs))
	for n := range vs {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-44s %s\n", vs[n].Usage, p.T(vs[n].Summary))
	}
	fmt.Fprintln(w, "\n"+p.T("Every command takes --help. Exit status: 0 done, 1 failed (nothing was written),\n2 bad usage (unknown flag, missing argument, a value that cannot be read), 3 today --exit-code with overdue follow-ups."))
}

// P is the printer the command speaks through: the language of --lang,
// else of the book's `lang` setting, else of the locale. Before a verb
// opens its book (help, usage errors) P reads the setting from the book
// file when there is one, so `rapport config lang zh` holds for every
// later command, its --help included.
func (e *Env) P() *i18n.Printer {
	if e.p == nil {
		e.p = e.Lang.For(e.peekLang())
	}
	return e.p
}

// peekLang reads the book's `lang` setting without creating a book: ""
// (auto) when there is none, it cannot be read, a flag decides anyway, or
// the verb already tried to open it.
func (e *Env) peekLang() i18n.Lang {
	if e.opened || e.Lang.Flag != "" || e.DBPath == "" {
		return ""
	}
	if st, err := os.Stat(e.DBPath); err != nil || !st.Mode().IsRegular() || st.Size() == 0 {
		return ""
	}
	ctx := e.Ctx
	if ctx == nil {
		ctx = context.Background()
	}
	b, err := db.Open(ctx, e.DBPath, db.Options{Now: e.Now, MustExist: true})
	if err != nil {
		return ""
	}
	defer b.Close()
	v, err := b.Setting(ctx, "lang")
	if err != nil {
		return ""
	}
	l, _ := i18n.ParseSetting(v)
	return l
}

// speak sets the command's printer from the book's `lang` setting (once
// the book is open).
func (e *Env) speak(ctx context.Context, b *db.DB) {
	v, err := b.Setting(ctx, "lang")
	if err != nil {
		return
	}
	l, _ := i18n.ParseSetting(v)
	e.p = e.Lang.For(l)
}

// isHelp reports whether args ask for help.
func isHelp(args []string) bool {
	for _, a := range args {
		if a == "--help" || a == "-h" || a == "-help" {
			return true
		}
		if a == "--" {
			return false
		}
	}
	return false
}

func joinWords(s []string) string { return strings.Join(s, " ") }
