package cli

import (
	"fmt"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model"
)

// careFlags are --birthday and --anniversary of `edit customer`: the
// customer's own birthday (a person buying from you) and its anniversary
// with you (without one, the first order's day stands in). An empty value
// clears the date.
type careFlags struct {
	birthday, anniversary *string
}

func declareCareFlags(c *command) careFlags {
	return careFlags{
		birthday:    c.str("birthday", "", "the customer's own birthday (`DATE`: 1988-05-12 or 05-12; \"\" clears it)"),
		anniversary: c.str("anniversary", "", "the anniversary with you (`DATE`; \"\" clears it: the first order's day stands in)"),
	}
}

// check reads the dates before the book is opened, so a bad one is a
// usage error that names what works.
func (f careFlags) check(c *command) error {
	for _, v := range []struct {
		flag string
		val  *string
	}{{"birthday", f.birthday}, {"anniversary", f.anniversary}} {
		if c.given(v.flag) && *v.val != "" {
			if _, err := model.ParseCareDay(*v.val); err != nil {
				return argErrorf("--%s: %v", v.flag, err)
			}
		}
	}
	return nil
}

// apply writes the dates given, in the command's transaction.
func (f careFlags) apply(c *command, t *db.Tx, customerID, contactID int64) error {
	if c.given("birthday") {
		if err := t.SetCareDay(customerID, contactID, model.CareBirthday, *f.birthday); err != nil {
			return err
		}
	}
	if f.anniversary != nil && c.given("anniversary") {
		return t.SetCareDay(customerID, 0, model.CareAnniversary, *f.anniversary)
	}
	return nil
}

func runContactEdit(e *Env, args []string) int {
	c := newCommand(e, "contact edit CUSTOMER CONTACT [--role ..] [--email ..] [--phone ..] [--primary] [--birthday DATE]",
		"Changes a person at a customer; only the flags given change. CONTACT is the contact's name or id.\n--birthday \"\" clears the birthday.")
	role := c.str("role", "", "their `ROLE`")
	email := c.str("email", "", "email `ADDRESS`")
	phone := c.str("phone", "", "phone `NUMBER`")
	primary := c.boolean("primary", "make this the primary contact")
	birthday := c.str("birthday", "", "their birthday (`DATE`: 1988-05-12, or 05-12 without the year)")
	pos, code, done := c.parse(args, 2, 2)
	if done {
		return code
	}
	const verb = "contact edit"
	if c.fs.NFlag() == 0 {
		return c.usageErr("nothing to change: give at least one flag, e.g. --birthday or --role")
	}
	if c.given("birthday") && *birthday != "" {
		if _, err := model.ParseCareDay(*birthday); err != nil {
			return c.usageErr("--birthday: %v", err)
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
	id, err := findContact(e, b, cu.ID, pos[1])
	if err != nil {
		return fail(e, verb, err)
	}
	cs, err := b.Contacts(e.Ctx, cu.ID)
	if err != nil {
		return fail(e, verb, err)
	}
	var ct model.Contact
	for _, x := range cs {
		if x.ID == id {
			ct = x
		}
	}
	for _, t := range []struct {
		name string
		v    *string
		dst  *string
	}{{"role", role, &ct.Role}, {"email", email, &ct.Email}, {"phone", phone, &ct.Phone}} {
		if c.given(t.name) {
			if *t.dst, err = cleanArg(t.name, *t.v, model.MaxShortLen, false); err != nil {
				return fail(e, verb, err)
			}
		}
	}
	if *primary {
		ct.IsPrimary = true
	}
	if err := b.Write(e.Ctx, "edit contact "+ct.Name, func(t *db.Tx) error {
		if c.given("role") || c.given("email") || c.given("phone") || c.given("primary") {
			if err := t.UpdateContact(&ct); err != nil {
				return err
			}
		}
		if c.given("birthday") {
			return t.SetCareDay(cu.ID, id, model.CareBirthday, *birthday)
		}
		return nil
	}); err != nil {
		return fail(e, verb, err)
	}
	fmt.Fprintln(e.Stdout, e.P().T("contact %d updated: %s at %s", id, clean(ct.Name), clean(cu.Name)))
	return ExitOK
}
