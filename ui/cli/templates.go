package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/model/i18n"
	"github.com/rapportcrm/rapport/ui/components/exteditor"
)

func runHolidayList(e *Env, args []string) int {
	c := newCommand(e, "holiday list [--json] [--year Y]", "Lists the holidays Today's Care section greets for, with their dates this year (or --year).\nLunar ones (春节, 中秋 …) move: their Gregorian date is computed for the year.")
	asJSON := c.boolean("json", "print JSON")
	year := c.num("year", 0, "show the dates in `YEAR`")
	if _, code, done := c.parse(args, 0, 0); done {
		return code
	}
	const verb = "holiday list"
	b, err := openBook(e, true)
	if err != nil {
		return fail(e, verb, err)
	}
	defer b.Close()
	hs, err := b.Holidays(e.Ctx)
	if err != nil {
		return fail(e, verb, err)
	}
	y := *year
	if y == 0 {
		y = b.Today().UTC().Year()
	}
	if y < 1901 || y > 2099 {
		return c.usageErr("--year %d: give a year from 1901 to 2099", y)
	}
	if *asJSON {
		out := make([]map[string]any, 0, len(hs))
		for _, h := range hs {
			out = append(out, map[string]any{"name": clean(h.Name), "calendar": string(h.Calendar), "month": h.Month, "day": h.Day, "date": h.On(y).String()})
		}
		return emitJSON(e, verb, out)
	}
	t := newTable(e.Stdout)
	for _, h := range hs {
		t.row("  "+clean(h.Name), h.DateText(), h.On(y).String())
	}
	t.flush()
	return ExitOK
}

func runHolidayAdd(e *Env, args []string) int {
	c := newCommand(e, "holiday add NAME DATE", "Adds a holiday to the Care section. DATE is the month and day (12-25), or lunar 8-15\n(农历8月15日) for a date of the Chinese lunar calendar.")
	pos, code, done := c.parse(args, 2, -1)
	if done {
		return code
	}
	const verb = "holiday add"
	name, err := cleanArg("name", pos[0], 60, false)
	if err != nil {
		return fail(e, verb, err)
	}
	cal, m, d, err := model.ParseHolidayDate(strings.Join(pos[1:], " "))
	if err != nil {
		return c.usageErr("%v", err)
	}
	h := model.Holiday{Name: name, Calendar: cal, Month: m, Day: d}
	b, err := openBook(e, true)
	if err != nil {
		return fail(e, verb, err)
	}
	defer b.Close()
	if err := b.Write(e.Ctx, "add holiday "+name, func(t *db.Tx) error { _, err := t.AddHoliday(&h); return err }); err != nil {
		return fail(e, verb, err)
	}
	fmt.Fprintln(e.Stdout, e.P().T("holiday %d created: %s, %s (next %s)", h.ID, clean(h.Name), h.DateText(), h.Next(b.Today())))
	return ExitOK
}

func runHolidayRemove(e *Env, args []string) int {
	c := newCommand(e, "holiday remove NAME", "Removes a holiday from the Care section (u undoes it).")
	pos, code, done := c.parse(args, 1, 1)
	if done {
		return code
	}
	const verb = "holiday remove"
	b, err := openBook(e, true)
	if err != nil {
		return fail(e, verb, err)
	}
	defer b.Close()
	if err := b.Write(e.Ctx, "remove holiday "+pos[0], func(t *db.Tx) error { return t.RemoveHoliday(pos[0]) }); err != nil {
		return fail(e, verb, err)
	}
	fmt.Fprintln(e.Stdout, e.P().T("holiday removed: %s", clean(pos[0])))
	return ExitOK
}

func runTemplateList(e *Env, args []string) int {
	c := newCommand(e, "template list [--json]", "Lists the message templates: name, purpose, tier or tag, and the start of the text.")
	asJSON := c.boolean("json", "print JSON")
	if _, code, done := c.parse(args, 0, 0); done {
		return code
	}
	const verb = "template list"
	b, err := openBook(e, true)
	if err != nil {
		return fail(e, verb, err)
	}
	defer b.Close()
	ts, err := b.Templates(e.Ctx)
	if err != nil {
		return fail(e, verb, err)
	}
	if *asJSON {
		out := make([]map[string]any, 0, len(ts))
		for _, t := range ts {
			out = append(out, templateJSON(t))
		}
		return emitJSON(e, verb, out)
	}
	p := e.P()
	t := newTable(e.Stdout)
	for _, tp := range ts {
		t.row("  "+truncate(clean(tp.Name), 28), tp.Purpose, templateScope(p, tp), truncate(clean(tp.Body), 50))
	}
	t.flush()
	return ExitOK
}

func templateScope(p *i18n.Printer, t model.Template) string {
	var parts []string
	if t.Tier != "" {
		parts = append(parts, p.T("tier %s", string(t.Tier)))
	}
	if t.Tag != "" {
		parts = append(parts, "#"+clean(t.Tag))
	}
	if len(parts) == 0 {
		return p.T("everyone")
	}
	return strings.Join(parts, " ")
}

func templateJSON(t model.Template) map[string]any {
	return map[string]any{"id": t.ID, "name": clean(t.Name), "purpose": t.Purpose, "tier": string(t.Tier), "tag": clean(t.Tag), "body": model.SanitizeMultiline(t.Body)}
}

// templateFlags are the fields add and edit share.
type templateFlags struct {
	name, purpose, tier, tag, body, bodyFile *string
}

func declareTemplateFlags(c *command, rename bool) templateFlags {
	f := templateFlags{
		purpose:  c.str("purpose", "", "what the template is for: `P` is one of "+strings.Join(model.Purposes(), ", ")),
		tier:     c.str("tier", "", "only for customers of `TIER` A, B or C (\"\" for all)"),
		tag:      c.str("tag", "", "only for customers with `TAG`"),
		body:     c.str("body", "", "the `TEXT`, with placeholders {"+strings.Join(model.Placeholders(), "} {")+"}"),
		bodyFile: c.str("body-file", "", "read the text from `FILE` (- for standard input)"),
	}
	if rename {
		f.name = c.str("name", "", "new `NAME`")
	}
	return f
}

// apply sets the given flags on tp; it reads the body from a file, stdin
// or, when editor is set and no body flag was given, $EDITOR.
func (f templateFlags) apply(c *command, e *Env, tp *model.Template, editor bool) error {
	var err error
	if f.name != nil && c.given("name") {
		if tp.Name, err = cleanArg("name", *f.name, 80, false); err != nil {
			return err
		}
	}
	if c.given("purpose") {
		tp.Purpose = model.NormalPurpose(*f.purpose)
	}
	if c.given("tier") {
		tp.Tier = model.Tier(strings.ToUpper(strings.TrimSpace(*f.tier)))
	}
	if c.given("tag") {
		if tp.Tag, err = cleanArg("tag", strings.TrimPrefix(*f.tag, "#"), 60, false); err != nil {
			return err
		}
	}
	body, given := *f.body, c.given("body")
	switch {
	case given && c.given("body-file"):
		return argErrorf("give --body or --body-file, not both")
	case c.given("body-file"):
		var b []byte
		if *f.bodyFile == "-" {
			b, err = readAllLimited(e.Stdin)
		} else {
			b, err = os.ReadFile(*f.bodyFile)
		}
		if err != nil {
			return fmt.Errorf("cannot read the template's text: %w", err)
		}
		body, given = string(b), true
	case !given && editor:
		cmd, path, err := exteditor.Prepare(os.Getenv, tp.Body, ".txt")
		if err != nil {
			return err
		}
		cmd.Stdin, cmd.Stdout, cmd.Stderr = e.Stdin, e.Stdout, e.Stderr
		if body, err = exteditor.Finish(path, cmd.Run()); err != nil {
			return err
		}
		given = true
	}
	if given {
		if tp.Body, err = cleanArg("body", strings.TrimRight(body, "\n"), model.MaxTemplateLen, true); err != nil {
			return err
		}
	}
	return nil
}

// readAllLimited reads standard input up to well past the longest
// template, so an over-long text is refused by the length check, not cut.
func readAllLimited(r io.Reader) ([]byte, error) {
	return io.ReadAll(io.LimitReader(r, 4*model.MaxTemplateLen+1))
}

func runTemplateAdd(e *Env, args []string) int {
	c := newCommand(e, "template add NAME --purpose P [--tier A|B|C] [--tag T] (--body TEXT | --body-file FILE)",
		"Adds a message template. Without --body or --body-file the text is written in $EDITOR.\nPlaceholders: {"+strings.Join(model.Placeholders(), "} {")+"}.")
	f := declareTemplateFlags(c, false)
	pos, code, done := c.parse(args, 1, 1)
	if done {
		return code
	}
	const verb = "template add"
	tp := model.Template{Purpose: model.PurposeOther}
	var err error
	if tp.Name, err = cleanArg("name", pos[0], 80, false); err != nil {
		return fail(e, verb, err)
	}
	if err := f.apply(c, e, &tp, true); err != nil {
		return fail(e, verb, err)
	}
	b, err := openBook(e, true)
	if err != nil {
		return fail(e, verb, err)
	}
	defer b.Close()
	if err := b.Write(e.Ctx, "add template "+tp.Name, func(t *db.Tx) error { _, err := t.AddTemplate(&tp); return err }); err != nil {
		return fail(e, verb, err)
	}
	fmt.Fprintln(e.Stdout, e.P().T("template %d created: %s (%s)", tp.ID, clean(tp.Name), tp.Purpose))
	return ExitOK
}

func runTemplateEdit(e *Env, args []string) int {
	c := newCommand(e, "template edit NAME [--name ..] [--purpose P] [--tier ..] [--tag ..] [--body TEXT | --body-file FILE]",
		"Changes a template; only the flags given change. With no flag at all the text opens in $EDITOR.")
	f := declareTemplateFlags(c, true)
	pos, code, done := c.parse(args, 1, 1)
	if done {
		return code
	}
	const verb = "template edit"
	b, err := openBook(e, true)
	if err != nil {
		return fail(e, verb, err)
	}
	defer b.Close()
	tp, err := b.Template(e.Ctx, pos[0])
	if err != nil {
		return fail(e, verb, err)
	}
	if err := f.apply(c, e, &tp, c.fs.NFlag() == 0); err != nil {
		return fail(e, verb, err)
	}
	if err := b.Write(e.Ctx, "edit template "+tp.Name, func(t *db.Tx) error { return t.UpdateTemplate(&tp) }); err != nil {
		return fail(e, verb, err)
	}
	fmt.Fprintln(e.Stdout, e.P().T("template %d updated: %s", tp.ID, clean(tp.Name)))
	return ExitOK
}

func runTemplateRemove(e *Env, args []string) int {
	c := newCommand(e, "template remove NAME", "Removes (archives) a template; u undoes it.")
	pos, code, done := c.parse(args, 1, 1)
	if done {
		return code
	}
	const verb = "template remove"
	b, err := openBook(e, true)
	if err != nil {
		return fail(e, verb, err)
	}
	defer b.Close()
	tp, err := b.Template(e.Ctx, pos[0])
	if err != nil {
		return fail(e, verb, err)
	}
	if err := b.Write(e.Ctx, "remove template "+tp.Name, func(t *db.Tx) error { return t.RemoveTemplate(tp.ID) }); err != nil {
		return fail(e, verb, err)
	}
	fmt.Fprintln(e.Stdout, e.P().T("template %d removed: %s", tp.ID, clean(tp.Name)))
	return ExitOK
}

func runTemplateShow(e *Env, args []string) int {
	c := newCommand(e, "template show NAME [CUSTOMER] [--followup ID] [--json]",
		"Prints a template; with CUSTOMER, filled in for that customer (and --followup, its deal and due date).\nA value the customer lacks reads as a neutral word, never as {placeholder}.")
	fu := c.str("followup", "", "fill {deal} and {due} from follow-up `ID`")
	asJSON := c.boolean("json", "print JSON")
	pos, code, done := c.parse(args, 1, 2)
	if done {
		return code
	}
	const verb = "template show"
	var fid int64
	if c.given("followup") {
		var err error
		if fid, err = parseID("follow-up id", *fu); err != nil {
			return fail(e, verb, err)
		}
	}
	b, err := openBook(e, true)
	if err != nil {
		return fail(e, verb, err)
	}
	defer b.Close()
	tp, err := b.Template(e.Ctx, pos[0])
	if err != nil {
		return fail(e, verb, err)
	}
	text := model.SanitizeMultiline(tp.Body)
	var cid int64
	if len(pos) == 2 {
		cu, err := b.FindCustomer(e.Ctx, pos[1])
		if err != nil {
			return fail(e, verb, err)
		}
		cid = cu.ID
		tc, err := b.TemplateContext(e.Ctx, cu.ID, fid)
		if err != nil {
			if errors.Is(err, model.ErrNotFound) && fid > 0 {
				return fail(e, verb, fmt.Errorf("follow-up %d: %w", fid, model.ErrNotFound))
			}
			return fail(e, verb, err)
		}
		text = model.SanitizeMultiline(model.Fill(tp.Body, tc.Values))
	}
	if *asJSON {
		j := templateJSON(tp)
		j["text"], j["customer_id"] = text, cid
		return emitJSON(e, verb, j)
	}
	if cid == 0 {
		fmt.Fprintf(e.Stdout, "%s · %s · %s\n\n", clean(tp.Name), tp.Purpose, templateScope(e.P(), tp))
	}
	fmt.Fprintln(e.Stdout, text)
	return ExitOK
}
