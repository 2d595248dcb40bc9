package cli

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/model/i18n"
)

// playbookVerbs returns the verbs defined in this file.
func playbookVerbs() map[string]Verb {
	return map[string]Verb{
		"playbook": {Usage: "playbook list|add|edit|on|off|remove …", Summary: "rules that schedule follow-ups (rapport playbook --help)", Run: sub("playbook", map[string]func(*Env, []string) int{
			"list": runPlaybookList, "add": runPlaybookAdd, "edit": runPlaybookEdit, "on": runPlaybookOn, "off": runPlaybookOff,
			"remove": runPlaybookRemove, "rm": runPlaybookRemove,
		})},
	}
}

// playbookUsage is the synopsis of each playbook verb, for `rapport playbook`.
var playbookUsage = []string{
	"playbook list [--json]",
	"playbook add NAME --when EVENT --title T [--days N] [--stage S] [--tier A] [--tag T] [--after 3d|2h] [--time HH:MM] [--holidays 春节,中秋] [--off] [--dry-run]",
	"playbook edit RULE [--name ..] [--when ..] [--title ..] [--days N] [--stage S] [--tier A|any] [--tag T|--no-tag] [--after ..] [--time HH:MM|none]",
	"playbook on RULE, playbook off RULE, playbook remove RULE",
}

const playbookAbout = `A rule schedules a follow-up when something happens to a customer:
  --when customer_added | first_contact | deal_stage (with --stage S) | deal_won | deal_lost |
         order | complaint | low_feedback (a score of 0-6) | unanswered (--days N: an outreach
         with no reply and no contact for N days) | at_risk (the customer became at risk) |
         every (--days N, with --tier or --tag: a recurring revisit) | holiday (--days N before
         each holiday of the book's list that --holidays names, e.g. 春节,中秋; none: every one)
  --tier, --tag   only for customers of that tier or with that tag
  --title         the follow-up's title
  --after         when it is due: 3d (days later), 2h (hours later), 0 (the same day); --time HH:MM
The follow-up is for the customer (and the deal involved). A rule never stacks a second open
follow-up of its own on a customer (or deal), and nothing fires for archived or churned customers.
Event rules fire in the command that logs the event (one undo takes both); unanswered, at_risk,
every and holiday fire when the book refreshes (at launch, at midnight, and before verbs that read risk).
RULE is an id or a name (or a unique start of one).`

// playbookJSON is a rule in `playbook list --json`.
type playbookJSON struct {
	ID         int64           `json:"id"`
	Name       string          `json:"name"`
	Practice   string          `json:"practice"`
	Event      string          `json:"event"`
	Days       int             `json:"days"`
	Stage      *string         `json:"stage"`
	Tier       *string         `json:"tier"`
	Tag        *string         `json:"tag"`
	Title      string          `json:"title"`
	AfterDays  int             `json:"after_days"`
	AfterHours int             `json:"after_hours"`
	Time       *string         `json:"time"`
	Enabled    bool            `json:"enabled"`
	Holidays   *string         `json:"holidays"`
	Last90     db.PlaybookStat `json:"last_90_days"`
}

func runPlaybookList(e *Env, args []string) int {
	c := newCommand(e, "playbook list [--json]", "Lists the rules, each with what it did in the last 90 days: follow-ups made, done on time, still open.")
	asJSON := c.boolean("json", "print the rules as JSON")
	if _, code, done := c.parse(args, 0, 0); done {
		return code
	}
	b, err := openBook(e, true)
	if err != nil {
		return fail(e, "playbook list", err)
	}
	defer b.Close()
	if _, err := b.Refresh(e.Ctx); err != nil {
		return fail(e, "playbook list", err)
	}
	rules, err := b.Playbooks(e.Ctx)
	if err != nil {
		return fail(e, "playbook list", err)
	}
	stats, err := b.PlaybookStats(e.Ctx, 90)
	if err != nil {
		return fail(e, "playbook list", err)
	}
	stages, err := stageNames(e, b)
	if err != nil {
		return fail(e, "playbook list", err)
	}
	if *asJSON {
		out := make([]playbookJSON, 0, len(rules))
		for _, p := range rules {
			out = append(out, playbookOut(p, stages, stats[p.ID]))
		}
		return printOr(e, "playbook list", out)
	}
	if len(rules) == 0 {
		fmt.Fprintln(e.Stdout, e.P().T(`no rules: add one with rapport playbook add "After-sale revisit" --when deal_won --title "Revisit" --after 7d`))
		return ExitOK
	}
	pr := e.P()
	t := newTable(e.Stdout)
	t.row("", "", pr.T("RULE"), pr.T("WHEN"), pr.T("ONLY"), pr.T("THEN"), pr.T("DUE"), pr.T("90 D"), pr.T("ON TIME"))
	for _, p := range rules {
		st := stats[p.ID]
		state := pr.T("on")
		if !p.Enabled {
			state = pr.T("off")
		}
		t.row("#"+strconv.FormatInt(p.ID, 10), state, clean(p.Name), clean(p.WhenIn(pr, stages[p.StageID])), clean(p.OnlyIn(pr)), clean(p.Title), p.DelayIn(pr),
			strconv.Itoa(st.Made), onTimeText(st))
	}
	t.flush()
	return ExitOK
}

// onTimeText is "3/4" (done on time of done) or "–" when none was done.
func onTimeText(st db.PlaybookStat) string {
	if st.Done == 0 {
		return "–"
	}
	return fmt.Sprintf("%d/%d", st.OnTime, st.Done)
}

func playbookOut(p model.Playbook, stages map[int64]string, st db.PlaybookStat) playbookJSON {
	opt := func(s string) *string {
		if s == "" {
			return nil
		}
		s = clean(s)
		return &s
	}
	return playbookJSON{ID: p.ID, Name: clean(p.Name), Practice: p.Practice, Event: string(p.Event), Days: p.EventDays, Stage: opt(stages[p.StageID]),
		Tier: opt(string(p.Tier)), Tag: opt(p.Tag), Title: clean(p.Title), AfterDays: p.AfterDays, AfterHours: p.AfterHours, Time: opt(p.AtTime),
		Enabled: p.Enabled, Holidays: opt(p.Holidays), Last90: st}
}

func stageNames(e *Env, b *db.DB) (map[int64]string, error) {
	stages, err := b.Stages(e.Ctx)
	if err != nil {
		return nil, err
	}
	out := map[int64]string{}
	for _, s := range stages {
		out[s.ID] = s.Name
	}
	return out, nil
}

// ruleFlags are the flags add and edit share.
type ruleFlags struct {
	name, when, title, stage, tier, tag, after, at *string
	holidays                                       *string
	days                                           *int
	noTag                                          *bool
}

func declareRuleFlags(c *command, withName bool) ruleFlags {
	f := ruleFlags{
		when:     c.str("when", "", "the event (see above)"),
		title:    c.str("title", "", "the follow-up's title"),
		days:     c.num("days", 0, "N for unanswered, every and holiday"),
		stage:    c.str("stage", "", "the stage of deal_stage"),
		tier:     c.str("tier", "", "only customers of this tier (A, B, C; any for all)"),
		tag:      c.str("tag", "", "only customers with this tag"),
		after:    c.str("after", "", "when the follow-up is due: 3d, 2h or 0"),
		at:       c.str("time", "", "the time of day it is due, HH:MM (none to drop)"),
		holidays: c.str("holidays", "", "the holidays a holiday rule greets for, comma-separated (春节,中秋; empty: every holiday)"),
	}
	if withName {
		f.name = c.str("name", "", "a new name")
		f.noTag = c.boolean("no-tag", "drop the tag filter")
	}
	return f
}

// apply puts the given flags onto p.
func (f ruleFlags) apply(c *command, e *Env, b *db.DB, p *model.Playbook) error {
	var err error
	if f.name != nil && c.given("name") {
		if p.Name, err = cleanArg("--name", *f.name, 200, false); err != nil {
			return err
		}
	}
	if c.given("when") {
		if p.Event, err = model.ParsePlaybookEvent(*f.when); err != nil {
			return argErrorf("--when: %s", fieldMsg(err))
		}
		if !p.Event.NeedsDays() {
			p.EventDays = 0
		}
		if p.Event != model.EventDealStage {
			p.StageID = 0
		}
		if p.Event != model.EventHoliday {
			p.Holidays = ""
		}
	}
	if c.given("holidays") {
		if p.Holidays, err = cleanArg("--holidays", *f.holidays, 200, false); err != nil {
			return err
		}
	}
	if c.given("title") {
		if p.Title, err = cleanArg("--title", *f.title, 200, false); err != nil {
			return err
		}
	}
	if c.given("days") {
		p.EventDays = *f.days
	}
	if c.given("stage") {
		stages, err := b.Stages(e.Ctx)
		if err != nil {
			return err
		}
		st, err := db.FindStage(stages, *f.stage)
		if err != nil {
			return argErrorf("--stage: %s", fieldMsg(err))
		}
		p.StageID = st.ID
	}
	if c.given("tier") {
		if v := strings.TrimSpace(*f.tier); v == "" || strings.EqualFold(v, "any") {
			p.Tier = ""
		} else if p.Tier, err = model.ParseTier(v); err != nil {
			return argErrorf("--tier: %s", err)
		}
	}
	if c.given("tag") {
		if p.Tag, err = cleanArg("--tag", *f.tag, 60, false); err != nil {
			return err
		}
	}
	if f.noTag != nil && *f.noTag {
		p.Tag = ""
	}
	if c.given("after") {
		if p.AfterDays, p.AfterHours, err = model.ParseDelay(*f.after); err != nil {
			return argErrorf("--after: %s", fieldMsg(err))
		}
		if p.AfterHours > 0 {
			p.AtTime = ""
		}
	}
	if c.given("time") {
		if v := strings.TrimSpace(*f.at); v == "" || strings.EqualFold(v, "none") {
			p.AtTime = ""
		} else if p.AtTime, err = model.ParseClock(v); err != nil {
			return argErrorf("--time: %s", err)
		}
	}
	return nil
}

// fieldMsg is a validation error's message without its field, said in
// the reader's language when it is printed.
func fieldMsg(err error) error {
	if ve, ok := err.(*model.ValidationError); ok {
		return fieldOnly{ve}
	}
	return err
}

// fieldOnly says a validation error's message without its field.
type fieldOnly struct{ ve *model.ValidationError }

func (f fieldOnly) Error() string                { return f.ve.Msg }
func (f fieldOnly) SayIn(p *i18n.Printer) string { return f.ve.MsgIn(p) }
func (f fieldOnly) Unwrap() error                { return f.ve }

func runPlaybookAdd(e *Env, args []string) int {
	c := newCommand(e, playbookUsage[1], playbookAbout)
	f := declareRuleFlags(c, false)
	off := c.boolean("off", "add the rule switched off")
	dry := c.boolean("dry-run", "show what the rule would have scheduled over the last 30 days, and save nothing")
	pos, code, done := c.parse(args, 1, 1)
	if done {
		return code
	}
	if !c.given("when") || !c.given("title") {
		return c.usageErr("a rule needs --when EVENT and --title T")
	}
	name, err := cleanArg("NAME", pos[0], 200, false)
	if err != nil {
		return fail(e, "playbook add", err)
	}
	b, err := openBook(e, *dry)
	if err != nil {
		return fail(e, "playbook add", err)
	}
	defer b.Close()
	p := model.Playbook{Name: name, Enabled: !*off}
	if err := f.apply(c, e, b, &p); err != nil {
		return fail(e, "playbook add", err)
	}
	if *dry {
		return playbookDryRun(e, b, p)
	}
	if _, err := b.CreatePlaybook(e.Ctx, &p); err != nil {
		return fail(e, "playbook add", err)
	}
	stages, _ := stageNames(e, b)
	pr := e.P()
	fmt.Fprintln(e.Stdout, pr.T("rule %d added: %s — when %s%s, %q %s", p.ID, clean(p.Name), clean(p.WhenIn(pr, stages[p.StageID])), onlyText(pr, p), clean(p.Title), p.DelayIn(pr)))
	return ExitOK
}

// onlyText is " (tier A)" for a rule limited to some customers, in pr's
// language; "" for a rule for everyone.
func onlyText(pr *i18n.Printer, p model.Playbook) string {
	if o := p.OnlyIn(pr); o != "" {
		return pr.T(" (%s)", clean(o))
	}
	return ""
}

// playbookDryRun prints what p would have scheduled over the last 30 days.
func playbookDryRun(e *Env, b *db.DB, p model.Playbook) int {
	if _, err := b.Refresh(e.Ctx); err != nil {
		return fail(e, "playbook add", err)
	}
	items, err := b.PlaybookDryRun(e.Ctx, p)
	if err != nil {
		return fail(e, "playbook add", err)
	}
	pr := e.P()
	if p.Event == model.EventAtRisk {
		fmt.Fprintln(e.Stdout, pr.T("the book keeps no history of risk levels: these are the customers at risk today"))
	}
	dry := i18n.N("dry run: %s would have scheduled %d follow-ups over the last %d days (nothing was saved)")
	if len(items) == 1 {
		dry = i18n.N("dry run: %s would have scheduled %d follow-up over the last %d days (nothing was saved)")
	}
	fmt.Fprintln(e.Stdout, pr.T(dry, clean(p.Name), len(items), db.DryRunDays))
	const shown = 200
	t := newTable(e.Stdout)
	loc := e.Now().Location()
	for i, it := range items {
		if i == shown {
			break
		}
		due := it.Due.String()
		if it.DueTime != "" {
			due += " " + it.DueTime
		}
		deal := ""
		if it.DealID != 0 {
			deal = pr.T("deal #%d", it.DealID)
		}
		t.row("  "+model.DayOfUnix(it.At, loc).String(), "#"+strconv.FormatInt(it.CustomerID, 10), clean(it.Customer), deal, pr.T("due %s", due), clean(it.Title))
	}
	t.flush()
	if len(items) > shown {
		fmt.Fprintln(e.Stdout, "  "+pr.T("… %d more", len(items)-shown))
	}
	return ExitOK
}

// withRule opens the book, finds RULE and runs fn on it.
func withRule(e *Env, verb string, c *command, args []string, fn func(b *db.DB, p model.Playbook) int) int {
	pos, code, done := c.parse(args, 1, 1)
	if done {
		return code
	}
	b, err := openBook(e, true)
	if err != nil {
		return fail(e, verb, err)
	}
	defer b.Close()
	p, err := b.FindPlaybook(e.Ctx, pos[0])
	if err != nil {
		return fail(e, verb, err)
	}
	return fn(b, p)
}

func runPlaybookEdit(e *Env, args []string) int {
	c := newCommand(e, playbookUsage[2], playbookAbout)
	f := declareRuleFlags(c, true)
	return withRule(e, "playbook edit", c, args, func(b *db.DB, p model.Playbook) int {
		if err := f.apply(c, e, b, &p); err != nil {
			return fail(e, "playbook edit", err)
		}
		if err := b.UpdatePlaybook(e.Ctx, &p); err != nil {
			return fail(e, "playbook edit", err)
		}
		stages, _ := stageNames(e, b)
		pr := e.P()
		fmt.Fprintln(e.Stdout, pr.T("rule %d saved: %s — when %s%s, %q %s", p.ID, clean(p.Name), clean(p.WhenIn(pr, stages[p.StageID])), onlyText(pr, p), clean(p.Title), p.DelayIn(pr)))
		return ExitOK
	})
}

func runPlaybookOn(e *Env, args []string) int  { return switchRule(e, args, true) }
func runPlaybookOff(e *Env, args []string) int { return switchRule(e, args, false) }

func switchRule(e *Env, args []string, on bool) int {
	verb, about, done := "playbook off", i18n.N("Switches a rule off (the follow-ups it made stay)."), i18n.N("rule %d off: %s")
	if on {
		verb, about, done = "playbook on", i18n.N("Switches a rule on (the follow-ups it made stay)."), i18n.N("rule %d on: %s")
	}
	c := newCommand(e, verb+" RULE", about)
	return withRule(e, verb, c, args, func(b *db.DB, p model.Playbook) int {
		if _, err := b.SetPlaybookEnabled(e.Ctx, p.ID, on); err != nil {
			return fail(e, verb, err)
		}
		fmt.Fprintln(e.Stdout, e.P().T(done, p.ID, clean(p.Name)))
		return ExitOK
	})
}

func runPlaybookRemove(e *Env, args []string) int {
	c := newCommand(e, "playbook remove RULE", "Removes a rule (undo brings it back); the follow-ups it made stay and keep its name.")
	return withRule(e, "playbook remove", c, args, func(b *db.DB, p model.Playbook) int {
		if err := b.RemovePlaybook(e.Ctx, p.ID); err != nil {
			return fail(e, "playbook remove", err)
		}
		fmt.Fprintln(e.Stdout, e.P().T("rule %d removed: %s", p.ID, clean(p.Name)))
		return ExitOK
	})
}
