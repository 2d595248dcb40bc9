package cli

import (
	"fmt"
	"strings"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model"
)

// customerFields are the flags add customer and edit customer share.
type customerFields struct {
	company, email, phone, im, industry, source, notes, tier, lifecycle *string
	cadence                                                             *int
}

func declareCustomerFields(c *command) customerFields {
	return customerFields{
		company:   c.str("company", "", "company `NAME`"),
		email:     c.str("email", "", "email `ADDRESS`"),
		phone:     c.str("phone", "", "phone `NUMBER`"),
		im:        c.str("im", "", "WeChat, Slack or other `HANDLE`"),
		industry:  c.str("industry", "", "`INDUSTRY`"),
		source:    c.str("source", "", "where the customer came from (`SOURCE`)"),
		notes:     c.str("notes", "", "free `TEXT`"),
		tier:      c.str("tier", "", "A, B or C; pins the tier so segmentation keeps it (`TIER`)"),
		lifecycle: c.str("lifecycle", "", "prospect, customer or churned (`LIFECYCLE`)"),
		cadence:   c.num("cadence", 0, "touch every `DAYS` days (0 = the tier's cadence)"),
	}
}

// apply copies the given flags onto cu, cleaning text.
func (f customerFields) apply(c *command, cu *model.Customer) error {
	texts := []struct {
		name string
		v    *string
		dst  *string
		max  int
		ml   bool
	}{
		{"company", f.company, &cu.Company, model.MaxShortLen, false},
		{"email", f.email, &cu.Email, model.MaxShortLen, false},
		{"phone", f.phone, &cu.Phone, model.MaxShortLen, false},
		{"im", f.im, &cu.IM, model.MaxShortLen, false},
		{"industry", f.industry, &cu.Industry, model.MaxShortLen, false},
		{"source", f.source, &cu.Source, model.MaxShortLen, false},
		{"notes", f.notes, &cu.Notes, model.MaxNotesLen, true},
	}
	for _, t := range texts {
		if !c.given(t.name) {
			continue
		}
		v, err := cleanArg(t.name, *t.v, t.max, t.ml)
		if err != nil {
			return err
		}
		*t.dst = v
	}
	if c.given("tier") {
		tier, err := model.ParseTier(*f.tier)
		if err != nil {
			return argErrorf("--tier: %q is not a tier: use A, B or C", *f.tier)
		}
		cu.Tier, cu.TierPinned = tier, true
	}
	if c.given("lifecycle") {
		l := model.Lifecycle(strings.ToLower(strings.TrimSpace(*f.lifecycle)))
		if !oneOfLifecycle(l) {
			return argErrorf("--lifecycle: %q is not a lifecycle: use prospect, customer or churned", *f.lifecycle)
		}
		cu.Lifecycle = l
	}
	if c.given("cadence") {
		if *f.cadence < 0 || *f.cadence > 3650 {
			return argErrorf("--cadence: %d is not a number of days from 1 to 3650 (0 = the tier's cadence)", *f.cadence)
		}
		cu.CadenceDays = *f.cadence
	}
	return nil
}

func oneOfLifecycle(l model.Lifecycle) bool {
	for _, x := range model.Lifecycles() {
		if x == l {
			return true
		}
	}
	return false
}

func runAddCustomer(e *Env, args []string) int {
	c := newCommand(e, "add customer NAME [--company ..] [--email ..] [--phone ..] [--tier ..] [--tag ..]…",
		"Adds a customer (one undoable command) and prints its id. A given --tier is pinned.\nCreates the database when it does not exist yet.")
	f := declareCustomerFields(c)
	tags := c.list("tag", "a `TAG` (repeat for more)")
	asJSON := c.boolean("json", "print what was created as JSON")
	pos, code, done := c.parse(args, 1, 1)
	if done {
		return code
	}
	const verb = "add customer"
	cu := model.Customer{Tier: model.TierC, Lifecycle: model.Active}
	name, err := cleanArg("name", pos[0], model.MaxNameLen, false)
	if err != nil {
		return fail(e, verb, err)
	}
	cu.Name = name
	if err := f.apply(c, &cu); err != nil {
		return fail(e, verb, err)
	}
	var tagNames []string
	for _, t := range tags.v {
		t, err := cleanArg("tag", t, 60, false)
		if err != nil {
			return fail(e, verb, err)
		}
		tagNames = append(tagNames, t)
	}
	// Refuse bad input before the file is created.
	if err := cu.Validate(); err != nil {
		return fail(e, verb, err)
	}
	b, err := openBook(e, false)
	if err != nil {
		return fail(e, verb, err)
	}
	defer b.Close()
	var id int64
	var ruled []db.RuleFollowup
	err = b.Write(e.Ctx, "add customer "+cu.Name, func(t *db.Tx) error {
		t.NoteScheduled(&ruled)
		var err error
		if id, err = t.CreateCustomer(&cu); err != nil {
			return err
		}
		return t.SetTags(id, tagNames, nil)
	})
	if err != nil {
		return fail(e, verb, err)
	}
	if *asJSON {
		return emitJSON(e, verb, map[string]any{"customer_id": id, "name": cu.Name, "company": cu.Company, "tier": string(cu.Tier), "tags": nonNil(tagNames)})
	}
	fmt.Fprintln(e.Stdout, e.P().T("customer %d created: %s", id, clean(cu.Name)))
	printScheduled(e, ruled)
	return ExitOK
}

func runEditCustomer(e *Env, args []string) int {
	c := newCommand(e, "edit customer CUSTOMER [--name ..] [--company ..] [--email ..] [--phone ..] [--tier ..|--unpin] [--cadence DAYS] [--lifecycle L --reason ..] [--birthday DATE] [--anniversary DATE]",
		"Changes a customer's fields; only the flags given change. CUSTOMER is an id or a name.")
	f := declareCustomerFields(c)
	newName := c.str("name", "", "new `NAME`")
	unpin := c.boolean("unpin", "let segmentation set the tier again")
	reason := c.str("reason", "", "why the customer churned (with --lifecycle churned)")
	care := declareCareFlags(c)
	pos, code, done := c.parse(args, 1, 1)
	if done {
		return code
	}
	const verb = "edit customer"
	if c.fs.NFlag() == 0 {
		return c.usageErr("nothing to change: give at least one flag, e.g. --email or --tier")
	}
	if c.given("tier") && *unpin {
		return c.usageErr("--tier pins the tier and --unpin releases it: give one of them")
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
	if c.given("name") {
		if cu.Name, err = cleanArg("name", *newName, model.MaxNameLen, false); err != nil {
			return fail(e, verb, err)
		}
	}
	if err := f.apply(c, &cu); err != nil {
		return fail(e, verb, err)
	}
	if *unpin {
		cu.TierPinned = false
	}
	if c.given("reason") {
		if cu.ChurnReason, err = cleanArg("reason", *reason, model.MaxShortLen, false); err != nil {
			return fail(e, verb, err)
		}
	}
	if cu.Lifecycle != model.Churned && c.given("lifecycle") {
		cu.ChurnReason = ""
	}
	if err := care.check(c); err != nil {
		return fail(e, verb, err)
	}
	if err := b.Write(e.Ctx, "edit customer "+cu.Name, func(t *db.Tx) error {
		if err := t.UpdateCustomer(&cu); err != nil {
			return err
		}
		return care.apply(c, t, cu.ID, 0)
	}); err != nil {
		return fail(e, verb, err)
	}
	fmt.Fprintln(e.Stdout, e.P().T("customer %d updated: %s", cu.ID, clean(cu.Name)))
	return ExitOK
}

func runContactAdd(e *Env, args []string) int {
	c := newCommand(e, "contact add CUSTOMER NAME [--role ..] [--email ..] [--phone ..] [--primary] [--birthday DATE]",
		"Adds a person at a customer. --primary makes them the main contact (the previous one is demoted).")
	role := c.str("role", "", "their `ROLE` (buyer, CTO, …)")
	email := c.str("email", "", "email `ADDRESS`")
	phone := c.str("phone", "", "phone `NUMBER`")
	primary := c.boolean("primary", "make this the primary contact")
	birthday := c.str("birthday", "", "their birthday (`DATE`: 1988-05-12, or 05-12 without the year)")
	asJSON := c.boolean("json", "print what was created as JSON")
	pos, code, done := c.parse(args, 2, 2)
	if done {
		return code
	}
	const verb = "contact add"
	ct := model.Contact{IsPrimary: *primary}
	var err error
	for _, t := range []struct {
		name, v string
		dst     *string
		max     int
	}{{"name", pos[1], &ct.Name, model.MaxNameLen}, {"role", *role, &ct.Role, model.MaxShortLen}, {"email", *email, &ct.Email, model.MaxShortLen}, {"phone", *phone, &ct.Phone, model.MaxShortLen}} {
		if *t.dst, err = cleanArg(t.name, t.v, t.max, false); err != nil {
			return fail(e, verb, err)
		}
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
	ct.CustomerID = cu.ID
	var id int64
	err = b.Write(e.Ctx, "add contact "+ct.Name, func(t *db.Tx) error {
		var err error
		if id, err = t.CreateContact(&ct); err != nil || *birthday == "" {
			return err
		}
		return t.SetCareDay(cu.ID, id, model.CareBirthday, *birthday)
	})
	if err != nil {
		return fail(e, verb, err)
	}
	if *asJSON {
		return emitJSON(e, verb, map[string]any{"contact_id": id, "customer_id": cu.ID, "name": ct.Name, "role": ct.Role, "primary": ct.IsPrimary})
	}
	fmt.Fprintln(e.Stdout, e.P().T("contact %d created: %s at %s", id, clean(ct.Name), clean(cu.Name)))
	return ExitOK
}

func runTag(e *Env, args []string) int {
	c := newCommand(e, "tag CUSTOMER +T -T…", "Adds (+T, or a bare T) and removes (-T) tags on a customer, then prints its tags.\nWith no tags given it only prints them.")
	if isHelp(args) {
		c.help(e.Stdout)
		return ExitOK
	}
	if len(args) == 0 {
		return c.usageErr("missing argument")
	}
	const verb = "tag"
	var add, remove []string
	for _, a := range args[1:] {
		if strings.HasPrefix(a, "--") {
			return c.usageErr("unknown flag %s", a)
		}
		dst := &add
		switch {
		case strings.HasPrefix(a, "-"):
			dst, a = &remove, a[1:]
		case strings.HasPrefix(a, "+"):
			a = a[1:]
		}
		t, err := cleanArg("tag", a, 60, false)
		if err != nil {
			return fail(e, verb, err)
		}
		if t == "" {
			return c.usageErr("empty tag name in %q", a)
		}
		*dst = append(*dst, t)
	}
	b, err := openBook(e, true)
	if err != nil {
		return fail(e, verb, err)
	}
	defer b.Close()
	cu, err := b.FindCustomer(e.Ctx, args[0])
	if err != nil {
		return fail(e, verb, err)
	}
	if len(add)+len(remove) > 0 {
		if err := b.SetTags(e.Ctx, cu.ID, add, remove); err != nil {
			return fail(e, verb, err)
		}
	}
	tags, err := b.CustomerTags(e.Ctx, cu.ID)
	if err != nil {
		return fail(e, verb, err)
	}
	for i := range tags {
		tags[i] = clean(tags[i])
	}
	list := strings.Join(tags, ", ")
	if list == "" {
		list = e.P().T("(none)")
	}
	fmt.Fprintln(e.Stdout, e.P().T("tags of %s: %s", clean(cu.Name), list))
	return ExitOK
}

// emitJSON prints a created object and returns the exit code.
func emitJSON(e *Env, verb string, v any) int {
	if err := printJSON(e.Stdout, v); err != nil {
		return fail(e, verb, err)
	}
	return ExitOK
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
