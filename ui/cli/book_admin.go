package cli

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"sort"
	"strconv"
	"strings"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/model/i18n"
	"github.com/rapportcrm/rapport/ui/common"
)

// rowCount is "12 customers" for a table name, in p's language.
func rowCount(p *i18n.Printer, n int64, table string) string {
	switch table {
	case "customers":
		return p.T("%d customers", n)
	case "contacts":
		return p.T("%d contacts", n)
	case "deals":
		return p.T("%d deals", n)
	case "interactions":
		return p.T("%d interactions", n)
	case "followups":
		return p.T("%d followups", n)
	case "orders":
		return p.T("%d orders", n)
	}
	return fmt.Sprintf("%d %s", n, table)
}

// langName names a language for the confirmation of config lang.
func langName(l i18n.Lang) string {
	if l == i18n.Zh {
		return i18n.N("Chinese")
	}
	return i18n.N("English")
}

func runArchive(archive bool) func(*Env, []string) int {
	return func(e *Env, args []string) int {
		verb, about := "archive", i18n.N("Archives a row: it disappears from views and counts and can be restored\n(rapport restore KIND ID). Nothing is deleted; see rapport purge.\nKIND: customer, contact, deal, interaction, followup or order.")
		if !archive {
			verb, about = "restore", i18n.N("Brings an archived row back.\nKIND: customer, contact, deal, interaction, followup or order.")
		}
		c := newCommand(e, verb+" KIND ID", about)
		pos, code, done := c.parse(args, 2, 2)
		if done {
			return code
		}
		kind := strings.ToLower(pos[0])
		if _, ok := db.ArchiveKinds()[kind]; !ok {
			return c.usageErr("%q is not a kind: use customer, contact, deal, interaction, followup or order", pos[0])
		}
		var id int64
		var err error
		if kind == "customer" {
			// A customer may be named; restoring needs the id (archived
			// customers are found by id only).
			b, err := openBook(e, true)
			if err != nil {
				return fail(e, verb, err)
			}
			defer b.Close()
			cu, err := b.FindCustomer(e.Ctx, pos[1])
			if err != nil {
				return fail(e, verb, err)
			}
			return archiveRow(e, b, verb, kind, cu.ID, archive)
		}
		if id, err = parseID(kind, pos[1]); err != nil {
			return fail(e, verb, err)
		}
		b, err := openBook(e, true)
		if err != nil {
			return fail(e, verb, err)
		}
		defer b.Close()
		return archiveRow(e, b, verb, kind, id, archive)
	}
}

func archiveRow(e *Env, b *db.DB, verb, kind string, id int64, archive bool) int {
	if err := b.SetArchived(e.Ctx, kind, id, archive); err != nil {
		return fail(e, verb, err)
	}
	msg := i18n.N("%s %d archived")
	if !archive {
		msg = i18n.N("%s %d restored")
	}
	fmt.Fprintln(e.Stdout, e.P().T(msg, rowWord(e.P(), kind), id))
	return ExitOK
}

func runPurge(e *Env, args []string) int {
	c := newCommand(e, "purge --archived-before DATE [--yes]",
		"Removes for good every row archived before DATE (customers with everything that\nbelongs to them). This cannot be undone, and it clears the undo history. It asks\nfirst; --yes skips the question (for scripts).")
	before := c.str("archived-before", "", "remove rows archived before this `DATE` (required)")
	yes := c.boolean("yes", "do not ask")
	if _, code, done := c.parse(args, 0, 0); done {
		return code
	}
	if *before == "" {
		return c.usageErr("--archived-before DATE is required (like 2026-01-01 or -30d)")
	}
	b, err := openBook(e, true)
	if err != nil {
		return fail(e, "purge", err)
	}
	defer b.Close()
	dates, err := newDateReader(e.Ctx, e, b)
	if err != nil {
		return fail(e, "purge", err)
	}
	w, err := dates.parse("--archived-before", *before, model.Past)
	if err != nil {
		return fail(e, "purge", err)
	}
	if !*yes {
		fmt.Fprint(e.Stderr, e.P().T("Remove for good everything archived before %s from %s? This cannot be undone. [y/N] ", w.Day.String(), b.Path()))
		if !confirmed(e) {
			fmt.Fprintln(e.Stderr, "\n"+e.P().T("rapport purge: nothing was removed (answer y, or pass --yes in scripts)"))
			return ExitFailed
		}
	}
	n, err := b.Purge(e.Ctx, w.Day.In(e.Now().Location()))
	if err != nil {
		return fail(e, "purge", err)
	}
	var parts []string
	total := int64(0)
	for _, t := range []string{"customers", "contacts", "deals", "interactions", "followups", "orders"} {
		if n[t] > 0 {
			parts = append(parts, rowCount(e.P(), n[t], t))
			total += n[t]
		}
	}
	if total == 0 {
		fmt.Fprintln(e.Stdout, e.P().T("nothing was archived before %s", w.Day.String()))
		return ExitOK
	}
	fmt.Fprintln(e.Stdout, e.P().T("purged: %s", strings.Join(parts, e.P().T(", "))))
	return ExitOK
}

// confirmed reads one answer line from stdin; only y or yes confirm. No
// stdin, or end of input, refuses.
func confirmed(e *Env) bool {
	if e.Stdin == nil {
		return false
	}
	line, err := bufio.NewReader(e.Stdin).ReadString('\n')
	if err != nil && line == "" {
		return false
	}
	a := strings.ToLower(strings.TrimSpace(line))
	return a == "y" || a == "yes"
}

func runUndo(undo bool) func(*Env, []string) int {
	return func(e *Env, args []string) int {
		verb, about, past := "undo", i18n.N("Undoes the last change, a whole command at a time (also across restarts)."), i18n.N("undone: %s")
		if !undo {
			verb, about, past = "redo", i18n.N("Redoes the last change undo undid."), i18n.N("redone: %s")
		}
		c := newCommand(e, verb, about)
		if _, code, done := c.parse(args, 0, 0); done {
			return code
		}
		b, err := openBook(e, true)
		if err != nil {
			return fail(e, verb, err)
		}
		defer b.Close()
		var desc string
		if undo {
			desc, err = b.Undo(e.Ctx)
		} else {
			desc, err = b.Redo(e.Ctx)
		}
		if err != nil {
			return fail(e, verb, err)
		}
		fmt.Fprintln(e.Stdout, e.P().T(past, clean(common.SayChange(e.P(), desc))))
		return ExitOK
	}
}

func runConfig(e *Env, args []string) int {
	c := newCommand(e, "config [KEY [VALUE]]", "With no KEY, lists every setting with its value; with KEY, prints one; with\nKEY VALUE, changes it (undoable). Settings:")
	c.more = configHelp
	pos, code, done := c.parse(args, 0, 3)
	if done {
		return code
	}
	if len(pos) >= 2 && pos[0] == "rate" {
		// config rate CNY 0.14: the exchange rate into the book currency.
		pos = append([]string{db.RateKey(pos[1])}, pos[2:]...)
	} else if len(pos) == 3 {
		return c.usageErr("config takes KEY VALUE, or rate CURRENCY VALUE (rapport config rate CNY 0.14)")
	}
	if len(pos) == 2 {
		if err := db.ValidateConfig(pos[0], strings.TrimSpace(pos[1])); err != nil {
			return fail(e, "config", argErrorf("%v", err))
		}
		b, err := openBook(e, false)
		if err != nil {
			return fail(e, "config", err)
		}
		defer b.Close()
		if err := b.SetConfig(e.Ctx, pos[0], pos[1]); err != nil {
			return fail(e, "config", err)
		}
		if pos[0] == "lang" {
			// Say it in the language just chosen.
			e.speak(e.Ctx, b)
		}
		fmt.Fprintf(e.Stdout, "%s = %s\n", pos[0], strings.TrimSpace(pos[1]))
		if pos[0] == "lang" {
			fmt.Fprintln(e.Stdout, e.P().T("rapport speaks %s from the next command (--lang overrides it; auto follows LC_ALL, LC_MESSAGES, LANG)", e.P().T(langName(e.P().Lang()))))
		}
		return ExitOK
	}
	if len(pos) == 1 && strings.HasPrefix(pos[0], "rate.") {
		b, err := openBook(e, true)
		if err != nil {
			return fail(e, "config", err)
		}
		defer b.Close()
		set, err := b.Settings(e.Ctx)
		if err != nil {
			return fail(e, "config", err)
		}
		code := strings.TrimPrefix(pos[0], "rate.")
		r, ok := set.Rates()[code]
		if !ok {
			fmt.Fprintln(e.Stdout, e.P().T("no rate for %s: its customers are ranked among themselves (set one: rapport config rate %s 0.14)", clean(code), clean(code)))
			return ExitOK
		}
		fmt.Fprintln(e.Stdout, e.P().T("1 %s = %s %s (set %s)", clean(code), r.FloatString(6), set.Currency, clean(set.RatesOn[code])))
		return ExitOK
	}
	if len(pos) == 1 {
		if _, ok := db.ConfigKeys()[pos[0]]; !ok {
			return fail(e, "config", argErrorf("%v", db.ValidateConfig(pos[0], "")))
		}
	}
	b, err := openBook(e, true)
	if err != nil {
		return fail(e, "config", err)
	}
	defer b.Close()
	set, err := b.Settings(e.Ctx)
	if err != nil {
		return fail(e, "config", err)
	}
	vals := configValues(e.P(), set)
	if len(pos) == 1 {
		fmt.Fprintln(e.Stdout, vals[pos[0]])
		return ExitOK
	}
	t := newTable(e.Stdout)
	help := db.ConfigKeys()
	for _, k := range keys(help) {
		t.row(k, clean(vals[k]), e.P().T(help[k]))
	}
	rates := set.Rates()
	codes := make([]string, 0, len(rates))
	for c := range rates {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	for _, c := range codes {
		t.row("rate "+c, rates[c].FloatString(6)+" "+set.Currency, e.P().T("set %s; tiers convert %s revenue at this rate", clean(set.RatesOn[c]), c))
	}
	t.flush()
	return ExitOK
}

// configHelp lists the settings with what they do, for config --help.
func configHelp(p *i18n.Printer) string {
	var b strings.Builder
	help := db.ConfigKeys()
	for _, k := range keys(help) {
		fmt.Fprintf(&b, "  %-22s %s\n", k, p.T(help[k]))
	}
	return strings.TrimRight(b.String(), "\n")
}

// configValues renders the effective value of every user setting (defaults
// included) in the form config KEY VALUE takes.
func configValues(pr *i18n.Printer, s db.Settings) map[string]string {
	p := s.Points
	list := func(v ...int) string {
		parts := make([]string, len(v))
		for i, n := range v {
			parts[i] = strconv.Itoa(n)
		}
		return strings.Join(parts, ",")
	}
	order := "mdy"
	if s.DateOrder == model.DayFirst {
		order = "dmy"
	}
	zone := s.TimeZone
	if zone == "" {
		zone = pr.T("(none: each process's own)")
	}
	lang := string(s.Lang)
	if lang == "" {
		lang = "auto"
	}
	out := map[string]string{
		"timezone":              zone,
		"lang":                  lang,
		"currency":              s.Currency,
		"date_order":            order,
		"rhythm":                strconv.Itoa(s.RhythmOverride),
		"risk.silence":          list(p.Silence[:]...),
		"risk.unanswered":       list(p.Unanswered[:]...),
		"risk.complaint_open":   strconv.Itoa(p.ComplaintOpen),
		"risk.complaint_recent": strconv.Itoa(p.ComplaintRecent),
		"risk.detractor":        strconv.Itoa(p.Detractor),
		"risk.cooling":          strconv.Itoa(p.Cooling),
		"risk.stalled_deal":     strconv.Itoa(p.StalledDeal),
		"risk.overdue":          strconv.Itoa(p.Overdue),
		"risk.watch":            strconv.Itoa(p.WatchThreshold),
		"risk.at_risk":          strconv.Itoa(p.AtRiskThreshold),
		"risk.horizon":          strconv.Itoa(s.Horizon),
	}
	for _, t := range []model.Tier{model.TierA, model.TierB, model.TierC} {
		out["cadence."+string(t)] = strconv.Itoa(s.Cadence[t])
	}
	if s.RhythmOverride == 0 {
		out["rhythm"] = pr.T("0 (computed: %d)", s.EffectiveRhythm())
	}
	return out
}

func runCheck(e *Env, args []string) int {
	c := newCommand(e, "check", "Checks the book: SQLite integrity, foreign keys, every customer's stats and risk\nagainst a fresh recompute, and row counts. Exits 1 when anything is wrong.")
	if _, code, done := c.parse(args, 0, 0); done {
		return code
	}
	b, err := openRisk(e)
	if err != nil {
		return fail(e, "check", err)
	}
	defer b.Close()
	rep, err := b.Check(e.Ctx)
	if err != nil {
		return fail(e, "check", err)
	}
	p := e.P()
	t := labelled{w: e.Stdout}
	line := func(label, value string) { t.rows = append(t.rows, [2]string{p.T(label), value}) }
	line(i18n.N("file:"), b.Path())
	integrity := clean(rep.Integrity)
	if rep.Integrity == "ok" {
		integrity = p.T("ok")
	}
	line(i18n.N("integrity:"), integrity)
	line(i18n.N("foreign keys:"), p.T("%d problem(s)", rep.ForeignKeys))
	if len(rep.StatsDiffs) == 0 {
		line(i18n.N("stats:"), p.T("match a recompute"))
	} else {
		line(i18n.N("stats:"), p.T("%d differ from a recompute: %s", len(rep.StatsDiffs), strings.Join(rep.StatsDiffs, ", ")))
	}
	if len(rep.NotCompared) > 0 {
		line(i18n.N("not compared:"), strings.Join(rep.NotCompared, "; "))
	}
	if len(rep.BadAmounts) == 0 {
		line(i18n.N("amounts:"), p.T("within bounds"))
	} else {
		line(i18n.N("amounts:"), p.T("%d out of bounds: %s", len(rep.BadAmounts), clean(strings.Join(rep.BadAmounts, ", "))))
	}
	names := make([]string, 0, len(rep.Counts))
	for k := range rep.Counts {
		names = append(names, k)
	}
	sort.Strings(names)
	var counts []string
	for _, k := range names {
		counts = append(counts, fmt.Sprintf("%s %d", k, rep.Counts[k]))
	}
	line(i18n.N("rows:"), strings.Join(counts, ", "))
	t.print()
	if rep.OK() {
		fmt.Fprintln(e.Stdout, p.T("ok"))
		return ExitOK
	}
	switch {
	case rep.Integrity != "ok":
		fmt.Fprintln(e.Stderr, p.T("rapport check: the file is damaged: copy what you can with rapport backup, then restore your last good backup"))
	case rep.ForeignKeys > 0:
		fmt.Fprintln(e.Stderr, p.T("rapport check: some rows point at rows that do not exist: make a backup (rapport backup) and report this"))
	case len(rep.BadAmounts) > 0:
		fmt.Fprintln(e.Stderr, p.T("rapport check: some amounts are negative or above %s (no sale is that large; totals would be wrong): correct or archive those orders and deals", "1,000,000,000,000"))
	default:
		fmt.Fprintln(e.Stderr, p.T("rapport check: stored stats differ from a recompute (a bug in rapport, your data is intact): please report it"))
	}
	return ExitFailed
}

// Version returns rapport's version: the module version it was built as, or
// "dev" for a build from a source tree.
func Version() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "dev"
}

func runVersion(e *Env, args []string) int {
	c := newCommand(e, "version", "Prints rapport's version, the schema version it writes (and the open file's),\nand the SQLite version.")
	if _, code, done := c.parse(args, 0, 0); done {
		return code
	}
	fmt.Fprintf(e.Stdout, "rapport %s\n", Version())
	b, err := openBook(e, true)
	fileVersion := ""
	if err != nil {
		// No book (or an unreadable one): ask SQLite through a scratch file.
		dir, derr := os.MkdirTemp("", "rapport-version-")
		if derr != nil {
			return fail(e, "version", derr)
		}
		defer os.RemoveAll(dir)
		b, err = db.Open(e.Ctx, filepath.Join(dir, "v.db"), db.Options{Now: e.Now, Locale: e.Locale, Zone: e.Zone})
		if err != nil {
			return fail(e, "version", err)
		}
	} else if v, verr := b.UserVersion(e.Ctx); verr == nil {
		fileVersion = fmt.Sprintf(" (%s: %d)", b.Path(), v)
	}
	defer b.Close()
	sv, err := b.SQLiteVersion(e.Ctx)
	if err != nil {
		return fail(e, "version", err)
	}
	fmt.Fprintln(e.Stdout, e.P().T("schema %d%s", db.SchemaVersion(), fileVersion))
	fmt.Fprintf(e.Stdout, "SQLite %s\n", sv)
	return ExitOK
}
