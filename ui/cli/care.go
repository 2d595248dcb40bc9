package cli

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/model/i18n"
)

// careVerbs are the verbs of care dates, holidays and message templates
// (issue 24). Birthdays and anniversaries are fields of a person or a
// customer, so they are flags of `contact add` and `edit customer`;
// labelled dates are many per customer, each with a label, so they have a
// verb of their own (`date add CUSTOMER LABEL DATE`).
func careVerbs() map[string]Verb {
	return map[string]Verb{
		"date": {Usage: "date add|list|remove …", Summary: "labelled dates worth remembering (contract renewal)", Run: sub("date", map[string]func(*Env, []string) int{
			"add": runDateAdd, "list": runDateList, "remove": runDateRemove,
		})},
		"care": {Usage: "care [--json] [--all]", Summary: "birthdays, anniversaries and holidays in the next days (Today's Care)", Run: runCare},
		"holiday": {Usage: "holiday list|add|remove …", Summary: "the holidays Care greets for (春节, 中秋, Christmas…)", Run: sub("holiday", map[string]func(*Env, []string) int{
			"list": runHolidayList, "add": runHolidayAdd, "remove": runHolidayRemove,
		})},
		"template": {Usage: "template list|add|edit|show|remove …", Summary: "message templates (话术) with {placeholders}", Run: sub("template", map[string]func(*Env, []string) int{
			"list": runTemplateList, "add": runTemplateAdd, "edit": runTemplateEdit, "show": runTemplateShow, "remove": runTemplateRemove,
		})},
	}
}

// careSubUsage lists the sub-commands of the care verbs, for --help.
func careSubUsage(verb string) []string {
	return map[string][]string{
		"date": {
			"date add CUSTOMER LABEL DATE [--once] [--contact NAME]   (DATE: 2027-03-31, or 03-31 every year)",
			"date list CUSTOMER [--json]",
			"date remove CUSTOMER ID",
		},
		"holiday": {
			"holiday list [--json] [--year Y]",
			"holiday add NAME DATE   (12-25, or lunar 8-15 for a lunar date)",
			"holiday remove NAME",
		},
		"template": {
			"template list [--json]",
			"template add NAME --purpose P [--tier A|B|C] [--tag T] (--body TEXT | --body-file FILE | $EDITOR)",
			"template edit NAME [--name ..] [--purpose P] [--tier ..] [--tag ..] [--body TEXT | --body-file FILE]   (no flag: $EDITOR)",
			"template show NAME [CUSTOMER] [--followup ID] [--json]",
			"template remove NAME",
		},
	}[verb]
}

func runDateAdd(e *Env, args []string) int {
	c := newCommand(e, "date add CUSTOMER LABEL DATE [--once] [--contact NAME]",
		"Adds a date worth remembering to a customer, with a label (\"contract renewal\"). It comes back\nevery year unless --once; DATE is 2027-03-31, or 03-31 without a year. Today's Care section\nshows it when it is near.")
	once := c.boolean("once", "the date happens once (needs its year)")
	contact := c.str("contact", "", "the contact the date belongs to (`NAME`)")
	asJSON := c.boolean("json", "print what was created as JSON")
	pos, code, done := c.parse(args, 3, 3)
	if done {
		return code
	}
	const verb = "date add"
	label, err := cleanArg("label", pos[1], model.MaxCareLabelLen, false)
	if err != nil {
		return fail(e, verb, err)
	}
	day, err := model.ParseCareDay(pos[2])
	if err != nil {
		return c.usageErr("%v", err)
	}
	if *once && strings.HasPrefix(day, "--") {
		return c.usageErr("a date that happens once needs its year (2027-03-31)")
	}
	b, err := openBook(e, true)
	if err != nil {
		return fail(e, verb, err)
	}
	defer b.Close()
	cu, err := b.FindCustomer(e.Ctx, pos[0])
	if err != nil {
		return fail(e, verb, err)
	}
	cd := model.CareDate{CustomerID: cu.ID, Kind: model.CareLabelled, Label: label, Day: day, Yearly: !*once}
	if *contact != "" {
		if cd.ContactID, err = findContact(e, b, cu.ID, *contact); err != nil {
			return fail(e, verb, err)
		}
	}
	var id int64
	if err := b.Write(e.Ctx, "add date "+label, func(t *db.Tx) error {
		id, err = t.AddCareDate(&cd)
		return err
	}); err != nil {
		return fail(e, verb, err)
	}
	if *asJSON {
		return emitJSON(e, verb, careDateJSON(cd))
	}
	p := e.P()
	fmt.Fprintln(e.Stdout, p.T("date %d created: %s, %s for %s", id, clean(label), careDayText(p, cd), clean(cu.Name)))
	return ExitOK
}

// findContact resolves a contact of a customer by name (case-insensitive,
// then unique prefix) or id.
func findContact(e *Env, b *db.DB, customerID int64, ref string) (int64, error) {
	cs, err := b.Contacts(e.Ctx, customerID)
	if err != nil {
		return 0, err
	}
	var hits []model.Contact
	for _, c := range cs {
		if strconv.FormatInt(c.ID, 10) == ref || strings.EqualFold(c.Name, ref) {
			return c.ID, nil
		}
		if strings.HasPrefix(strings.ToLower(c.Name), strings.ToLower(ref)) {
			hits = append(hits, c)
		}
	}
	if len(hits) == 1 {
		return hits[0].ID, nil
	}
	return 0, argErrorf("%q is not one contact of this customer: rapport show CUSTOMER lists them", ref)
}

func runDateList(e *Env, args []string) int {
	c := newCommand(e, "date list CUSTOMER [--json]", "Lists a customer's care dates: birthdays, the anniversary and labelled dates, with their ids.")
	asJSON := c.boolean("json", "print JSON")
	pos, code, done := c.parse(args, 1, 1)
	if done {
		return code
	}
	const verb = "date list"
	b, err := openBook(e, true)
	if err != nil {
		return fail(e, verb, err)
	}
	defer b.Close()
	cu, err := b.FindCustomer(e.Ctx, pos[0])
	if err != nil {
		return fail(e, verb, err)
	}
	ds, err := b.CareDates(e.Ctx, cu.ID)
	if err != nil {
		return fail(e, verb, err)
	}
	names, err := contactNames(e, b, cu.ID)
	if err != nil {
		return fail(e, verb, err)
	}
	if *asJSON {
		out := make([]map[string]any, 0, len(ds))
		for _, d := range ds {
			j := careDateJSON(d)
			j["contact"] = clean(names[d.ContactID])
			out = append(out, j)
		}
		return emitJSON(e, verb, out)
	}
	p := e.P()
	if len(ds) == 0 {
		fmt.Fprintln(e.Stdout, p.T("%s has no care dates: add a birthday with rapport contact add … --birthday, a date with rapport date add", clean(cu.Name)))
		return ExitOK
	}
	t := newTable(e.Stdout)
	for _, d := range ds {
		who := clean(names[d.ContactID])
		title := clean(d.Title())
		if d.Kind != model.CareLabelled {
			title = p.T(d.Title())
		}
		t.row("  #"+strconv.FormatInt(d.ID, 10), title, careDayText(p, d), who)
	}
	t.flush()
	return ExitOK
}

func contactNames(e *Env, b *db.DB, customerID int64) (map[int64]string, error) {
	cs, err := b.Contacts(e.Ctx, customerID)
	out := map[int64]string{}
	for _, c := range cs {
		out[c.ID] = c.Name
	}
	return out, err
}

func runDateRemove(e *Env, args []string) int {
	c := newCommand(e, "date remove CUSTOMER ID", "Removes (archives) a care date of a customer; rapport date list shows the ids. u undoes it.")
	pos, code, done := c.parse(args, 2, 2)
	if done {
		return code
	}
	const verb = "date remove"
	id, err := parseID("date id", pos[1])
	if err != nil {
		return fail(e, verb, err)
	}
	b, err := openBook(e, true)
	if err != nil {
		return fail(e, verb, err)
	}
	defer b.Close()
	cu, err := b.FindCustomer(e.Ctx, pos[0])
	if err != nil {
		return fail(e, verb, err)
	}
	if err := b.Write(e.Ctx, "remove date", func(t *db.Tx) error { return t.RemoveCareDate(cu.ID, id) }); err != nil {
		return fail(e, verb, err)
	}
	fmt.Fprintln(e.Stdout, e.P().T("date %d removed from %s", id, clean(cu.Name)))
	return ExitOK
}

func careDayText(p *i18n.Printer, d model.CareDate) string {
	s := d.Day
	if len(s) == 7 {
		s = s[2:] // --MM-DD
	}
	if d.Yearly {
		return p.T("%s (every year)", s)
	}
	return s
}

func careDateJSON(d model.CareDate) map[string]any {
	return map[string]any{"id": d.ID, "customer_id": d.CustomerID, "contact_id": d.ContactID, "kind": string(d.Kind),
		"label": clean(d.Label), "date": d.Day, "yearly": d.Yearly}
}

// careItemJSON is one row of the Care section in JSON.
type careItemJSON struct {
	Kind       string `json:"kind"`
	CustomerID int64  `json:"customer_id"`
	Customer   string `json:"customer"`
	Tier       string `json:"tier"`
	Contact    string `json:"contact"`
	Label      string `json:"label"`
	Date       string `json:"date"`
	InDays     int    `json:"in_days"`
	Years      int    `json:"years"`
	FirstOrder bool   `json:"first_order"`
}

func runCare(e *Env, args []string) int {
	c := newCommand(e, "care [--json] [--all]", `Today's Care section: birthdays, anniversaries (the day set, else the first
order's), labelled dates and holidays in the next care.days days (default 7),
for customers of the tiers in care.tiers (default A,B) who have not been
contacted (outbound) since a week before the day. rapport today prints it too.`)
	asJSON := c.boolean("json", "print JSON (every row)")
	all := c.boolean("all", "list every row in the text output")
	if _, code, done := c.parse(args, 0, 0); done {
		return code
	}
	b, err := openBook(e, true)
	if err != nil {
		return fail(e, "care", err)
	}
	defer b.Close()
	limit := todayTextRows
	if *asJSON || *all {
		limit = 0
	}
	cl, err := b.Care(e.Ctx, limit)
	if err != nil {
		return fail(e, "care", err)
	}
	if *asJSON {
		out := struct {
			From  string         `json:"from"`
			To    string         `json:"to"`
			Total int            `json:"total"`
			Items []careItemJSON `json:"items"`
		}{From: cl.From.String(), To: cl.To.String(), Total: cl.Total, Items: make([]careItemJSON, 0, len(cl.Items))}
		for _, it := range cl.Items {
			out.Items = append(out.Items, careItemJSON{Kind: it.Kind, CustomerID: it.CustomerID, Customer: clean(it.Customer), Tier: string(it.Tier),
				Contact: clean(it.Contact), Label: clean(it.Label), Date: it.On.String(), InDays: it.InDays, Years: it.Years, FirstOrder: it.FirstOrder})
		}
		return emitJSON(e, "care", out)
	}
	printCare(e.Stdout, e.P(), cl)
	return ExitOK
}

// printCare renders the Care section as text (rapport today and care).
func printCare(w io.Writer, p *i18n.Printer, cl db.CareList) {
	fmt.Fprintln(w, "\n"+p.T("Care (%d)", cl.Total))
	if cl.Total == 0 {
		fmt.Fprintln(w, "  "+p.T("none"))
		return
	}
	t := newTable(w)
	for _, it := range cl.Items {
		t.row("  #"+strconv.FormatInt(it.CustomerID, 10), truncate(clean(it.Customer), 30), p.T("tier %s", string(it.Tier)), it.When(p), truncate(clean(it.What(p)), 50))
	}
	t.flush()
	if cl.Total > len(cl.Items) {
		fmt.Fprintln(w, "  "+p.T("… and %d more (rapport care --all)", cl.Total-len(cl.Items)))
	}
}
