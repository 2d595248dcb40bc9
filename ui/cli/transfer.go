package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/rapportcrm/rapport/db/transfer"
	"github.com/rapportcrm/rapport/model/i18n"
)

// transferVerbs returns the verbs that move data in and out: import,
// export and backup.
func transferVerbs() map[string]Verb {
	return map[string]Verb{
		"import": {Usage: "import csv|xlsx|vcard|json FILE [--kind K] [--dry-run] [--skip-bad] [--map COL=field]…", Summary: "import customers or history (CSV, .xlsx), contacts (vCard), or restore an export (JSON)", Run: runImport},
		"export": {Usage: "export csv|json|ics|vcard [--out FILE]", Summary: "export customers (CSV, vCard), everything (JSON) or open follow-ups (iCalendar)", Run: runExport},
		"backup": {Usage: "backup [PATH]", Summary: "a consistent copy of the book, checked after writing", Run: runBackup},
	}
}

// maxListed bounds how many rows an import report lists on the terminal.
const maxListed = 50

func transferSubs(w io.Writer, p *i18n.Printer, verb string, subs []string) {
	fmt.Fprintln(w, p.T("usage: rapport %s", verb+" "+strings.Join(subs, "|")+" FILE …"))
	fmt.Fprintln(w, p.T("Each takes --help, e.g. rapport %s %s --help", verb, subs[0]))
}

func runImport(e *Env, args []string) int {
	subs := []string{"csv", "xlsx", "vcard", "json"}
	if len(args) == 0 || args[0] == "--help" || args[0] == "-h" || args[0] == "help" {
		if len(args) == 0 {
			transferSubs(e.Stderr, e.P(), "import", subs)
			return ExitUsage
		}
		transferSubs(e.Stdout, e.P(), "import", subs)
		return ExitOK
	}
	switch args[0] {
	case "csv", "xlsx", "excel", "vcard", "vcf":
		return runImportFile(e, args[0], args[1:])
	case "json":
		return runImportJSON(e, args[1:])
	}
	fmt.Fprintln(e.Stderr, e.P().T("rapport import: %q is not a format: use csv (also .xlsx), vcard or json", args[0]))
	return ExitUsage
}

const importCSVAbout = `Imports a CSV file or an Excel workbook (.xlsx) as one command (rapport undo
removes it whole). A dry run needs no book: on a new --db path it creates none.

Reads UTF-8 (with or without BOM), GBK/GB18030, Windows-1252 and UTF-16
(detected; --encoding overrides), comma, semicolon or tab delimiters, and
finds the header below notes or a template's instruction rows. An .xlsx is
read from its first sheet with a known header (--sheet NAME picks one); its
numbers read as text
without ".0" or exponents, dates as dates. A .xls or any other binary file is
refused with what it is and how to save it as .xlsx or CSV.

Columns are matched by name in English and Chinese (name, display name,
first/last name, company, email, phone, mobile, job title, tags, tier, notes,
姓名, 显示名称, 公司, 单位, 电话, 手机, 座机, 邮箱, 个人邮箱, 职务, 微信, QQ, 标签, 备注 …);
--map "COLUMN=field" sets or overrides one. Address, birthday, department and
web-page columns are kept in the notes as "Column: value"; every other column
is listed under "not imported" with its count (--keep-extra keeps them too).

An odd value never costs its row: a second phone or email, two numbers in one
cell, an extension, a tier or status word rapport does not know go to the
notes and are listed as warnings with their line. A row is refused only when
it names nobody (no name, company, email or phone). A phone shared by three or
more rows (a switchboard) and rows with different emails never merge.

Duplicates are found by email, then normalised phone, then name+company,
against the book and within the file; --on-duplicate merge (default) fills
empty fields and adds tags, skip leaves them, create adds them anyway.

Every bad row is reported as "line N: reason". A file with any bad row
imports nothing unless --skip-bad. --dry-run shows what would be created,
merged and rejected, and writes nothing.

--kind interactions|followups|orders|deals reads history sheets: each row's
customer is found by the same keys (unknown ones are reported by line, or
created with --create-customers). Dates may be ISO (2026-03-01) or US
month/day/year (3/1/2026). Salesforce's STAGENAME, AMOUNT, CLOSEDATE,
PROBABILITY and ACCOUNTID are read without --map. Stages map to yours by
name, known names (Prospecting → Lead, Value Proposition → Qualified, Closed
Won → Won …), then the row's probability; the report lists each mapping and
--map-stage "FILE STAGE=stage" corrects one. A won deal records an order on
its close date, as winning a deal in the app does.`

func runImportFile(e *Env, format string, args []string) int {
	usage, about := "import csv FILE [flags]", i18n.N(importCSVAbout)
	tabular := format == "csv" || format == "xlsx" || format == "excel"
	if !tabular {
		usage = "import vcard FILE [--dry-run] [--skip-bad] [--on-duplicate skip|merge|create]"
		about = i18n.N(`Imports the contacts of a vCard file (2.1, 3.0, 4.0, as phones, Outlook, Gmail
and macOS write them) as customers, in one undoable command. Duplicates are
found as for CSV. A damaged file is reported with the line where it breaks,
and nothing is imported.`)
	}
	c := newCommand(e, usage, about)
	var kind, enc, sheet *string
	var maps, stageMaps *stringList
	var keep, create *bool
	if tabular {
		sheet = c.str("sheet", "", "xlsx: the sheet to read (the first when not given)")
		stageMaps = c.list("map-stage", "deals: \"FILE STAGE=book stage\", like --map-stage \"Value Proposition=Qualified\" (repeatable)")
		kind = c.str("kind", transfer.KindCustomers, "what the rows are: customers, interactions, followups, orders or deals")
		enc = c.str("encoding", "", "the file's encoding (%s); detected when not given")
		c.usageArgs("encoding", strings.Join(transfer.EncodingNames(), ", "))
		maps = c.list("map", "COLUMN=field: read a column as a field (repeatable; field ignore drops it)")
		keep = c.boolean("keep-extra", "append the values of unknown columns to the notes")
		create = c.boolean("create-customers", "history kinds: create the customers a row names that are not in the book")
	}
	dry := c.boolean("dry-run", "show what would be created, merged and rejected; write nothing")
	skipBad := c.boolean("skip-bad", "import the good rows of a file that has bad ones")
	onDup := c.str("on-duplicate", transfer.DupMerge, "skip, merge (fill empty fields, add tags) or create")
	asJSON := c.boolean("json", "print the report as JSON")
	pos, code, done := c.parse(args, 1, 1)
	if done {
		return code
	}
	name := "import " + format
	if st, err := os.Stat(pos[0]); err != nil {
		return fail(e, name, i18n.Errorf("cannot read %s: %w", pos[0], err))
	} else if st.IsDir() {
		return fail(e, name, i18n.Errorf("%s is a folder, not a file", pos[0]))
	}
	opt := transfer.Options{Name: filepath.Base(pos[0]), OnDuplicate: *onDup, DryRun: *dry, SkipBad: *skipBad}
	var err error
	if tabular {
		opt.Kind, opt.Encoding, opt.KeepExtra, opt.CreateCustomers, opt.Sheet = *kind, *enc, *keep, *create, *sheet
		if opt.Maps, err = transfer.ParseMaps(maps.v); err != nil {
			return c.usageErr("%v", err)
		}
		if opt.MapStages, err = transfer.ParseStageMaps(stageMaps.v); err != nil {
			return c.usageErr("%v", err)
		}
	}
	switch opt.OnDuplicate {
	case transfer.DupMerge, transfer.DupSkip, transfer.DupCreate:
	default:
		return c.usageErr("--on-duplicate %q: use skip, merge or create", opt.OnDuplicate)
	}
	b, fresh, err := openImportBook(e, *dry)
	if err != nil {
		return fail(e, name, err)
	}
	defer fresh.close(b)
	prog := newImportProgress(e.Stderr, e.P())
	if prog != nil && !*asJSON {
		opt.Progress = prog.update
	}
	var rep *transfer.Report
	if tabular {
		rep, err = transfer.ImportFile(e.Ctx, b, pos[0], opt)
	} else {
		var raw []byte
		if raw, err = os.ReadFile(pos[0]); err == nil {
			rep, err = transfer.ImportVCard(e.Ctx, b, raw, opt)
		}
	}
	prog.finish()
	fresh.keep = err == nil && rep != nil && rep.Written
	if rep != nil && *asJSON {
		printJSON(e.Stdout, rep)
	} else if rep != nil {
		printImportReport(e.Stdout, e.P(), pos[0], rep)
	}
	if errors.Is(err, transfer.ErrBadRows) {
		fmt.Fprintln(e.Stderr, e.P().T("rapport %s: %d bad row(s) in %s; nothing was imported. Fix them, or run again with --skip-bad to import the other rows:",
			name, len(rep.Rejected), pos[0]))
		printRejected(e.Stderr, e.P(), rep.Rejected)
		return ExitFailed
	}
	if err != nil {
		return fail(e, name, i18n.Errorf("%s: %w", pos[0], err))
	}
	if len(rep.Rejected) > 0 && !opt.DryRun {
		fmt.Fprintln(e.Stderr, e.P().T("rapport %s: skipped %d bad row(s):", name, len(rep.Rejected)))
		printRejected(e.Stderr, e.P(), rep.Rejected)
	}
	return ExitOK
}

func printRejected(w io.Writer, p *i18n.Printer, rs []transfer.LineError) {
	for i, r := range rs {
		if i == 2*maxListed {
			fmt.Fprintln(w, "  "+p.T("…and %d more", len(rs)-i))
			break
		}
		fmt.Fprintln(w, "  "+clean(p.T("line %d: %s", r.Line, r.ReasonIn(p))))
	}
}

// printImportReport prints what an import did (or would do, in a dry run).
func printImportReport(w io.Writer, p *i18n.Printer, file string, r *transfer.Report) {
	src := r.Encoding
	switch {
	case r.Format == "xlsx":
		src = p.T("Excel workbook, sheet %s, header on row %d", r.Sheet, r.HeaderLine)
	case r.Delimiter != "":
		src = p.T("%s, %s-separated, header on line %d", r.Encoding, importWord(p, r.Delimiter), r.HeaderLine)
	}
	rows := i18n.N("%s: %d rows (%s)")
	if r.Encoding == "vcard" {
		rows = i18n.N("%s: %d cards (%s)")
	}
	fmt.Fprintln(w, p.T(rows, clean(file), r.Rows, clean(src)))
	counts := p.T("%d %s created, %d merged, %d unchanged, %d skipped", r.Created, importWord(p, r.Kind), r.Merged, r.Unchanged, r.Skipped)
	switch {
	case r.DryRun:
		fmt.Fprintln(w, p.T("dry run, nothing written: would import %s; %d rejected, %d warnings", counts, len(r.Rejected), len(r.Warnings)))
	case r.Written:
		fmt.Fprintln(w, p.T("imported: %s; %d rejected, %d warnings", counts, len(r.Rejected), len(r.Warnings)))
	case len(r.Rejected) > 0:
		fmt.Fprintln(w, p.T("not imported: %d bad row(s); the other rows would give %s", len(r.Rejected), counts))
	default:
		fmt.Fprintln(w, p.T("nothing to write: %s", counts))
	}
	if r.CustomersCreated > 0 {
		fmt.Fprintln(w, p.T("customers created for the rows: %d", r.CustomersCreated))
	}
	printColumns(w, p, r)
	if len(r.Stages) > 0 {
		fmt.Fprintln(w, p.T("stages (correct one with --map-stage \"FILE STAGE=book stage\"):"))
		for _, s := range r.Stages {
			fmt.Fprintf(w, "  %s\n", clean(s))
		}
	}
	if len(r.Warnings) > 0 {
		fmt.Fprintln(w, p.T("warnings (the rows were imported; the values are in the notes):"))
		for i, wn := range r.Warnings {
			if i == maxListed {
				fmt.Fprintln(w, "  "+p.T("…and %d more (--json lists them all)", len(r.Warnings)-i))
				break
			}
			fmt.Fprintln(w, "  "+clean(p.T("line %d: %s", wn.Line, wn.ReasonIn(p))))
		}
	}
	listed := 0
	for _, it := range r.Items {
		if !r.DryRun && it.Action != "merge" {
			continue
		}
		if listed == maxListed {
			fmt.Fprintln(w, "  "+p.T("…and more (--json lists them all)"))
			break
		}
		listed++
		line := "  " + p.T("line %d: %s %s", it.Line, importWord(p, it.Action), it.Name)
		if it.Detail != "" {
			line += p.T(" (%s)", it.Detail)
		}
		fmt.Fprintln(w, clean(line))
	}
	if r.DryRun {
		for _, rj := range r.Rejected {
			fmt.Fprintln(w, "  "+p.T("line %d: reject (%s)", rj.Line, clean(rj.ReasonIn(p))))
		}
	}
	if r.Written {
		fmt.Fprintln(w, p.T("rapport undo removes this import as a whole"))
	}
}

// printColumns says where every column went: which field, kept in the
// notes, or not imported (with how many values it had).
func printColumns(w io.Writer, p *i18n.Printer, r *transfer.Report) {
	if len(r.Columns) == 0 {
		if len(r.Unknown) > 0 {
			u := make([]string, len(r.Unknown))
			for i, s := range r.Unknown {
				u[i] = clean(s)
			}
			sort.Strings(u)
			fmt.Fprintln(w, p.T("columns not imported: %s", truncate(strings.Join(u, ", "), 400)))
		}
		return
	}
	var mapped, kept, dropped []string
	for _, c := range r.Columns {
		h := clean(c.Header)
		switch c.Field {
		case "":
			if c.Values > 0 {
				dropped = append(dropped, p.T("%s (%d)", h, c.Values))
			}
		case transfer.KeptInNotes:
			if c.Values > 0 {
				kept = append(kept, p.T("%s (%d)", h, c.Values))
			}
		default:
			mapped = append(mapped, h+" → "+c.Field)
		}
	}
	if len(mapped) > 0 {
		fmt.Fprintln(w, p.T("columns read: %s", truncate(strings.Join(mapped, p.T(", ")), 800)))
	}
	if len(kept) > 0 {
		fmt.Fprintln(w, p.T("columns kept in the notes: %s", truncate(strings.Join(kept, p.T(", ")), 600)))
	}
	if len(dropped) > 0 {
		fmt.Fprintln(w, p.T("columns not imported, with their values (--keep-extra keeps them in the notes, --map COLUMN=field reads one): %s",
			truncate(strings.Join(dropped, p.T(", ")), 600)))
	}
}

func runImportJSON(e *Env, args []string) int {
	c := newCommand(e, "import json FILE", "Restores a rapport JSON export (rapport export json) into an empty book, exactly:\nthe same ids, dates and history. It refuses a book that already has data;\nstart a new file with --db. A restore is not undoable.")
	pos, code, done := c.parse(args, 1, 1)
	if done {
		return code
	}
	raw, err := os.ReadFile(pos[0])
	if err != nil {
		return fail(e, "import json", i18n.Errorf("cannot read %s: %w", pos[0], err))
	}
	b, err := openBook(e, false)
	if err != nil {
		return fail(e, "import json", err)
	}
	defer b.Close()
	counts, err := transfer.ImportJSON(e.Ctx, b, raw)
	if err != nil {
		return fail(e, "import json", i18n.Errorf("%s: %w", pos[0], err))
	}
	var parts []string
	for _, t := range []string{"customers", "contacts", "deals", "interactions", "followups", "orders"} {
		parts = append(parts, rowCount(e.P(), int64(counts[t]), t))
	}
	fmt.Fprintln(e.Stdout, e.P().T("restored %s into %s", strings.Join(parts, e.P().T(", ")), b.Path()))
	return ExitOK
}

const exportAbout = `Exports the book, to stdout or --out FILE:
  csv    customers (live ones), one row each with tags and notes. Spreadsheet
         formulas are neutralised: a cell starting with =, +, -, @, tab or CR
         gets a leading ' so Excel shows it as text (import removes it again).
         Starts with a UTF-8 BOM so Excel shows Chinese text correctly;
         --excel=false leaves it out.
  json   everything (archived rows too), versioned; rapport import json
         restores it into an empty book exactly.
  ics    open follow-ups as iCalendar to-dos with their due date, plus an
         event for each one that has a time.
  vcard  customers and their contact people as vCard 3.0.`

func runExport(e *Env, args []string) int {
	if len(args) == 0 || args[0] == "--help" || args[0] == "-h" || args[0] == "help" {
		w, code := e.Stderr, ExitUsage
		if len(args) > 0 {
			w, code = e.Stdout, ExitOK
		}
		fmt.Fprintf(w, "%s\n\n%s\n", e.P().T("usage: rapport %s", "export csv|json|ics|vcard [--out FILE]"), e.P().T(exportAbout))
		return code
	}
	format := args[0]
	c := newCommand(e, "export "+format+" [--out FILE]", exportAbout)
	out := c.str("out", "", "write to FILE instead of stdout")
	excel := c.fs.Bool("excel", true, "csv: start with a UTF-8 BOM so Excel reads Chinese text (--excel=false omits it)")
	if _, code, done := c.parse(args[1:], 0, 0); done {
		return code
	}
	switch format {
	case "csv", "json", "ics", "ical", "vcard", "vcf":
	default:
		return c.usageErr("%q is not an export format: use csv, json, ics or vcard", format)
	}
	b, err := openBook(e, true)
	if err != nil {
		return fail(e, "export", err)
	}
	defer b.Close()
	var buf bytes.Buffer
	n := -1
	switch format {
	case "csv":
		n, err = transfer.ExportCSV(e.Ctx, b, &buf, *excel)
	case "json":
		err = transfer.ExportJSON(e.Ctx, b, &buf)
	case "ics", "ical":
		n, err = transfer.ExportICS(e.Ctx, b, &buf)
	default:
		n, err = transfer.ExportVCard(e.Ctx, b, &buf)
	}
	if err != nil {
		return fail(e, "export", err)
	}
	if *out == "" {
		if _, err := e.Stdout.Write(buf.Bytes()); err != nil {
			return fail(e, "export", err)
		}
		return ExitOK
	}
	if err := writeFile(*out, buf.Bytes()); err != nil {
		return fail(e, "export", err)
	}
	p := e.P()
	what := p.T("the book")
	if n >= 0 {
		what = p.T("%d customers", n)
		if format == "ics" || format == "ical" {
			what = p.T("%d open follow-ups", n)
		}
	}
	fmt.Fprintln(e.Stdout, p.T("exported %s to %s", what, *out))
	return ExitOK
}

// writeFile writes data to path through a temporary file beside it, so a
// failed export never leaves half a file; the file is private (0600).
func writeFile(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".rapport-export-*")
	if err != nil {
		return i18n.Errorf("cannot write %s: %w", path, err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return i18n.Errorf("cannot write %s: %w", path, err)
	}
	if err := tmp.Chmod(0o600); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

func runBackup(e *Env, args []string) int {
	c := newCommand(e, "backup [PATH]", "Writes a consistent copy of the book with VACUUM INTO (default: a timestamped\nfile beside it) and checks the copy's integrity. It never overwrites a file.")
	pos, code, done := c.parse(args, 0, 1)
	if done {
		return code
	}
	b, err := openBook(e, true)
	if err != nil {
		return fail(e, "backup", err)
	}
	defer b.Close()
	path := ""
	if len(pos) == 1 {
		path = pos[0]
	}
	abs, err := b.Backup(e.Ctx, path)
	if err != nil {
		return fail(e, "backup", err)
	}
	fmt.Fprintln(e.Stdout, e.P().T("backup written to %s (integrity ok)", abs))
	return ExitOK
}
