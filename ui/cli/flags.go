package cli

import (
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/rapportcrm/rapport/model/i18n"
)

// command is one verb's flags and positional arguments. Flags may come
// before, between or after the positional arguments (`log Acme "called"
// --kind email`); `--` ends the flags.
type command struct {
	e     *Env
	usage string // the synopsis after "rapport ", e.g. "done FOLLOWUP_ID"
	about string // what the verb does, for --help (a catalog key)
	fs    *flag.FlagSet
	// args are the arguments of flag usages that are formats (a list of
	// choices), by flag name; help says usage and args through the printer.
	args map[string][]any
	// more, when set, adds lines after about in --help (the settings of
	// config), said in the printer's language.
	more func(p *i18n.Printer) string
}

// newCommand starts a verb's flag set. usage is its synopsis, about a few
// lines for --help.
func newCommand(e *Env, usage, about string) *command {
	fs := flag.NewFlagSet(usage, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return &command{e: e, usage: usage, about: about, fs: fs}
}

// name is the verb's words before its arguments ("deal add").
func (c *command) name() string {
	var words []string
	for _, w := range strings.Fields(c.usage) {
		if w != strings.ToLower(w) || strings.ContainsAny(w, "[]-|.") {
			break
		}
		words = append(words, w)
	}
	return strings.Join(words, " ")
}

// str, num, boolean and list declare flags.
func (c *command) str(name, value, usage string) *string { return c.fs.String(name, value, usage) }
func (c *command) num(name string, value int, usage string) *int {
	return c.fs.Int(name, value, usage)
}
func (c *command) boolean(name, usage string) *bool { return c.fs.Bool(name, false, usage) }
func (c *command) list(name, usage string) *stringList {
	l := &stringList{}
	c.fs.Var(l, name, usage)
	return l
}

// usageArgs gives the arguments of a flag's usage when the usage is a
// format ("`KIND`: %s").
func (c *command) usageArgs(name string, args ...any) {
	if c.args == nil {
		c.args = map[string][]any{}
	}
	c.args[name] = args
}

// given reports whether a flag was set on the command line.
func (c *command) given(name string) bool {
	found := false
	c.fs.Visit(func(f *flag.Flag) {
		if f.Name == name {
			found = true
		}
	})
	return found
}

// parse splits args into flags and positionals and parses the flags. It
// returns done=true with the exit code when the verb must stop: --help
// (usage on stdout, 0) or bad usage (message on stderr, 2). min and max
// bound the positional arguments (max < 0: no limit).
func (c *command) parse(args []string, min, max int) (pos []string, code int, done bool) {
	if isHelp(args) {
		c.help(c.e.Stdout)
		return nil, ExitOK, true
	}
	flags, pos := c.split(args)
	if err := c.fs.Parse(flags); err != nil {
		return nil, c.usageErr("%s", flagMessage(c.e.P(), err)), true
	}
	pos = append(pos, c.fs.Args()...)
	if len(pos) < min {
		return nil, c.usageErr("missing argument"), true
	}
	if max >= 0 && len(pos) > max {
		return nil, c.usageErr("too many arguments (%s): put text with spaces in quotes", quoteAll(pos[max:])), true
	}
	return pos, ExitOK, false
}

// split separates flags (with their values) from positional arguments.
func (c *command) split(args []string) (flags, pos []string) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			pos = append(pos, args[i+1:]...)
			break
		}
		if len(a) < 2 || a[0] != '-' {
			pos = append(pos, a)
			continue
		}
		name := strings.TrimLeft(a, "-")
		if j := strings.IndexByte(name, '='); j >= 0 {
			flags = append(flags, a)
			continue
		}
		f := c.fs.Lookup(name)
		if f == nil {
			if looksNumeric(a) {
				// "-2d" (a date) or "-5" (an amount): a value, not a flag.
				pos = append(pos, a)
				continue
			}
			flags = append(flags, a) // flag.Parse reports it
			continue
		}
		flags = append(flags, a)
		if bf, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && bf.IsBoolFlag() {
			continue
		}
		if i+1 < len(args) {
			i++
			flags = append(flags, args[i])
		}
	}
	return flags, pos
}

func looksNumeric(a string) bool {
	return len(a) >= 2 && a[0] == '-' && (a[1] >= '0' && a[1] <= '9' || a[1] == '.')
}

// flagMessage rewrites the flag package's errors with double dashes, in
// p's language.
func flagMessage(p *i18n.Printer, err error) string {
	msg := err.Error()
	if rest, ok := strings.CutPrefix(msg, "flag provided but not defined: -"); ok {
		return p.T("unknown flag --%s", rest)
	}
	if rest, ok := strings.CutPrefix(msg, "flag needs an argument: -"); ok {
		return p.T("flag --%s needs a value", rest)
	}
	if rest, ok := strings.CutPrefix(msg, "invalid value "); ok {
		// invalid value "x" for flag -limit: parse error
		if val, f, ok := strings.Cut(rest, " for flag -"); ok {
			fname, _, _ := strings.Cut(f, ":")
			return p.T("%s is not a valid value for --%s", val, fname)
		}
	}
	return msg
}

func quoteAll(s []string) string {
	q := make([]string, len(s))
	for i, a := range s {
		q[i] = strconv.Quote(a)
	}
	return strings.Join(q, " ")
}

// usageErr prints a bad-usage message with the synopsis and returns
// ExitUsage. format is a catalog key, said in the command's language; an
// error argument is said through the printer too.
func (c *command) usageErr(format string, args ...any) int {
	p := c.e.P()
	fmt.Fprintf(c.e.Stderr, "%s%s\n%s\n", p.T("rapport %s: ", c.name()), p.T(format, args...),
		p.T("usage: rapport %s (rapport %s --help for more)", c.usage, c.name()))
	return ExitUsage
}

// help prints the verb's usage, what it does and its flags. The synopsis
// and the flag names stay English; what they mean is said in the
// command's language.
func (c *command) help(w io.Writer) {
	p := c.e.P()
	fmt.Fprintln(w, p.T("usage: rapport %s", c.usage))
	if c.about != "" {
		fmt.Fprintf(w, "\n%s\n", strings.TrimRight(p.T(c.about), "\n"))
	}
	if c.more != nil {
		fmt.Fprintln(w, c.more(p))
	}
	var lines [][2]string
	width := 0
	c.fs.VisitAll(func(f *flag.Flag) {
		arg, _ := flag.UnquoteUsage(f)
		said := *f
		said.Usage = p.T(f.Usage, c.args[f.Name]...)
		_, usage := flag.UnquoteUsage(&said)
		left := "--" + f.Name
		if bf, ok := f.Value.(interface{ IsBoolFlag() bool }); !ok || !bf.IsBoolFlag() {
			if arg == "" {
				arg = "VALUE"
			}
			left += " " + strings.ToUpper(arg)
		}
		if len(left) > width {
			width = len(left)
		}
		lines = append(lines, [2]string{left, usage})
	})
	lines = append(lines, [2]string{"--help", p.T("show this help")})
	if len("--help") > width {
		width = len("--help")
	}
	fmt.Fprintln(w, "\n"+p.T("flags:"))
	for _, l := range lines {
		fmt.Fprintf(w, "  %-*s  %s\n", width, l[0], l[1])
	}
}

// stringList is a repeatable string flag (--tag a --tag b).
type stringList struct{ v []string }

func (l *stringList) String() string { return strings.Join(l.v, ",") }

// Set appends one value.
func (l *stringList) Set(s string) error {
	l.v = append(l.v, s)
	return nil
}

// parseID reads a numeric id argument (an optional leading '#'). what is a
// catalog key (customer, deal, follow-up, …).
func parseID(what, s string) (int64, error) {
	id, err := strconv.ParseInt(strings.TrimPrefix(strings.TrimSpace(s), "#"), 10, 64)
	if err != nil || id <= 0 {
		return 0, argErrorf("%q is not a %s id: give the number (see rapport show or rapport list)", s, rowError(what))
	}
	return id, nil
}

// rowError is the kind of row an id names, as an error argument: English
// as it is, said by rowWord in the reader's language.
type rowError string

func (r rowError) Error() string { return string(r) }

// SayIn says the kind of row in p's language.
func (r rowError) SayIn(p *i18n.Printer) string { return rowWord(p, string(r)) }

// argError is a value on the command line that could not be understood (a
// date, an amount, a number, a choice): bad usage, exit 2. Its message is a
// catalog key with its arguments, said in the reader's language by fail.
type argError struct{ err error }

func (e *argError) Error() string { return e.err.Error() }

func (e *argError) Unwrap() error { return e.err }

// argErrorf is an argError of a catalog key (English format) and args; an
// error argument (a db or model error) is said in the same language.
func argErrorf(format string, args ...any) error {
	return &argError{i18n.Errorf(format, args...)}
}
