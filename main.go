// Command rapport is a keyboard-driven CRM in the terminal: with no verb it
// opens the app, with a verb it runs one command (SPEC §5).
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"
	_ "time/tzdata" // book time zones load on systems without zoneinfo

	"github.com/mattn/go-runewidth"
	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model/i18n"
	"github.com/rapportcrm/rapport/ui"
	"github.com/rapportcrm/rapport/ui/cli"
)

func main() {
	// bubbles measures with go-runewidth, which turns East Asian ambiguous
	// width on under a CJK LANG; lipgloss (x/ansi) does not. Keep them equal.
	runewidth.DefaultCondition.EastAsianWidth = false
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run parses the global flags, picks the database and the clock, and opens
// the app or runs a verb. It returns the exit code.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	g := globalFlags(args)
	// The language is decided here, once: --lang, else the book's `lang`
	// setting (applied by cli and ui once the book is open), else the locale.
	lang := i18n.NewChoice(g.lang, i18n.Detect(os.Getenv("LC_ALL"), os.Getenv("LC_MESSAGES"), os.Getenv("LANG")))
	p := lang.Printer()
	switch {
	case g.err != nil:
		fmt.Fprintln(stderr, p.T("rapport: %s", g.err))
		return cli.ExitUsage
	case g.help:
		cli.Usage(stdout, p)
		return cli.ExitOK
	case g.version:
		fmt.Fprintf(stdout, "rapport %s\n", cli.Version())
		return cli.ExitOK
	}
	path, fromFlag, rest := g.path, g.fromFlag, g.rest
	now, err := clock(os.Getenv("RAPPORT_NOW"), os.Getenv("RAPPORT_TODAY"))
	if err != nil {
		fmt.Fprintln(stderr, p.T("rapport: %s", err))
		return cli.ExitUsage
	}
	if path == "" {
		if path, err = defaultPath(); err != nil {
			fmt.Fprintln(stderr, p.T("rapport: %s; give a database with --db PATH", err))
			return cli.ExitUsage
		}
	}
	demo := path
	if !fromFlag {
		demo = filepath.Join(filepath.Dir(path), "demo.db")
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	env := &cli.Env{
		Ctx: ctx, Stdin: stdin, Stdout: stdout, Stderr: stderr,
		DBPath: path, DemoPath: demo, DBFromFlag: fromFlag, Now: now, Locale: locale(), Zone: localZone(),
		DumbTerminal: os.Getenv("TERM") == "dumb", Lang: lang,
	}
	env.OpenApp = func(p string) int {
		// ui.Run opens the book without a locale: create a missing one here
		// first so a new book gets the locale's currency.
		if _, err := os.Stat(p); os.IsNotExist(err) {
			if b, err := db.Open(ctx, p, db.Options{Now: now, Locale: env.Locale, Zone: env.Zone}); err == nil {
				b.Close()
			}
		}
		return ui.Run(ctx, p, now, lang)
	}
	if len(rest) == 0 {
		return env.OpenApp(path)
	}
	if rest[0] == "help" {
		if len(rest) > 1 && cli.Known(rest[1]) {
			return cli.Run(env, []string{rest[1], "--help"})
		}
		cli.Usage(stdout, env.P())
		return cli.ExitOK
	}
	return cli.Run(env, rest)
}

// global is what the flags before the verb say: --db PATH (or --db=PATH),
// --lang, --help and --version.
type global struct {
	path     string // "" when --db was not given
	fromFlag bool
	lang     i18n.Lang // "" when --lang was not given (or auto)
	rest     []string  // the verb and its arguments
	help     bool
	version  bool
	err      error // a flag that cannot be read (an *i18n.Error, said by run)
}

// globalFlags reads the flags before the verb. --help and --version stop
// the reading, except that a --lang after them still picks their language.
func globalFlags(args []string) global {
	var g global
	for i := 0; i < len(args); i++ {
		a := args[i]
		if g.help || g.version {
			// rapport --help --lang zh: only the language still counts.
			if v, ok := strings.CutPrefix(a, "--lang="); ok {
				g.lang, _ = i18n.ParseSetting(v)
			} else if a == "--lang" && i+1 < len(args) {
				g.lang, _ = i18n.ParseSetting(args[i+1])
				i++
			}
			continue
		}
		switch {
		case a == "--db" || a == "-db":
			if i+1 >= len(args) || args[i+1] == "" {
				g.err = i18n.Errorf("--db needs a file path (rapport --db ~/work.db today)")
				return g
			}
			i++
			g.path, g.fromFlag = args[i], true
		case strings.HasPrefix(a, "--db=") || strings.HasPrefix(a, "-db="):
			g.path = a[strings.IndexByte(a, '=')+1:]
			if g.path == "" {
				g.err = i18n.Errorf("--db needs a file path (rapport --db ~/work.db today)")
				return g
			}
			g.fromFlag = true
		case a == "--lang" || strings.HasPrefix(a, "--lang="):
			v, ok := strings.CutPrefix(a, "--lang=")
			if !ok {
				if i+1 >= len(args) {
					g.err = i18n.Errorf("--lang needs zh, en or auto (rapport --lang zh today)")
					return g
				}
				i++
				v = args[i]
			}
			l, err := i18n.ParseSetting(v)
			if err != nil {
				g.err = i18n.Errorf("--lang: %w", err)
				return g
			}
			g.lang = l
		case a == "--help" || a == "-h" || a == "-help":
			g.help = true
		case a == "--version":
			g.version = true
		case a == "--":
			g.rest = args[i+1:]
			return g
		case strings.HasPrefix(a, "-"):
			g.err = i18n.Errorf("unknown flag %s; global flags are --db PATH, --lang zh|en|auto, --help and --version (rapport --help)", a)
			return g
		default:
			g.rest = args[i:]
			return g
		}
	}
	return g
}

// locale is the user's locale for money: the first of LC_ALL, LC_MONETARY
// and LANG that is set.
func locale() string {
	for _, k := range []string{"LC_ALL", "LC_MONETARY", "LANG"} {
		if v := os.Getenv(k); v != "" {
			return v
		}
	}
	return ""
}

// localZone is the user's time zone with its IANA name, from TZ or the
// /etc/localtime link; nil when it cannot be named.
func localZone() *time.Location {
	name, set := os.LookupEnv("TZ")
	if !set {
		target, err := os.Readlink("/etc/localtime")
		if err != nil {
			return nil
		}
		name = target
	}
	name = strings.TrimPrefix(name, ":")
	if i := strings.Index(name, "zoneinfo/"); i >= 0 {
		name = name[i+len("zoneinfo/"):]
	}
	if name == "" {
		name = "UTC"
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil
	}
	return loc
}

// defaultPath is $RAPPORT_DB, else $XDG_DATA_HOME/rapport/rapport.db, else
// ~/.local/share/rapport/rapport.db.
func defaultPath() (string, error) {
	if p := os.Getenv("RAPPORT_DB"); p != "" {
		return p, nil
	}
	if x := os.Getenv("XDG_DATA_HOME"); x != "" && filepath.IsAbs(x) {
		return filepath.Join(x, "rapport", "rapport.db"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", i18n.Errorf("cannot find the home folder to keep the database in")
	}
	return filepath.Join(home, ".local", "share", "rapport", "rapport.db"), nil
}

// clock returns the clock: RAPPORT_NOW (RFC 3339) fixes the moment,
// RAPPORT_TODAY (YYYY-MM-DD) fixes the date at 09:00 local time; otherwise
// the real time.
func clock(nowEnv, todayEnv string) (func() time.Time, error) {
	if nowEnv != "" {
		t, err := time.Parse(time.RFC3339, nowEnv)
		if err != nil {
			return nil, i18n.Errorf("RAPPORT_NOW=%q is not an RFC 3339 time like 2026-11-20T09:30:00+08:00", nowEnv)
		}
		t = t.In(time.Local)
		return func() time.Time { return t }, nil
	}
	if todayEnv != "" {
		d, err := time.ParseInLocation("2006-01-02", todayEnv, time.Local)
		if err != nil {
			return nil, i18n.Errorf("RAPPORT_TODAY=%q is not a date like 2026-11-20", todayEnv)
		}
		t := time.Date(d.Year(), d.Month(), d.Day(), 9, 0, 0, 0, time.Local)
		return func() time.Time { return t }, nil
	}
	return time.Now, nil
}
