package cli

import (
	"fmt"
	"strings"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model"
)

func runLog(e *Env, args []string) int {
	c := newCommand(e, "log CUSTOMER SUMMARY [--kind K] [--dir D] [--outcome O] [--score 0-10] [--at DATE] [--deal ID] [--next DATE]",
		`Logs an interaction with a customer. --next also schedules a follow-up, in
the same command (one undo reverts both). Dates: today, yesterday, mon, -2d,
2026-12-01, 12/01, 昨天 … optionally with a time (14:30, 2pm).`)
	kind := c.str("kind", "call", "`KIND`: %s")
	c.usageArgs("kind", joinStrings(model.InteractionKinds()))
	dir := c.str("dir", "", "`DIRECTION`: outbound (default; internal for notes), inbound or internal")
	outcome := c.str("outcome", "none", "`OUTCOME`: %s")
	c.usageArgs("outcome", joinStrings(model.Outcomes()))
	score := c.num("score", -1, "feedback `SCORE` 0–10")
	at := c.str("at", "", "when it happened (`DATE`, default now)")
	deal := c.num("deal", 0, "the deal it belongs to (`ID`)")
	body := c.str("body", "", "longer `TEXT`")
	next := c.str("next", "", "schedule a follow-up on this `DATE`")
	nextTitle := c.str("next-title", "", "the follow-up's `TITLE` (default: Follow up: SUMMARY)")
	asJSON := c.boolean("json", "print what was created as JSON")
	pos, code, done := c.parse(args, 2, 2)
	if done {
		return code
	}
	const verb = "log"
	in := model.Interaction{Kind: model.InteractionKind(strings.ToLower(*kind)), Direction: model.Direction(strings.ToLower(*dir)),
		Outcome: model.Outcome(strings.ToLower(*outcome)), Score: *score, DealID: int64(*deal)}
	if !oneOf(in.Kind, model.InteractionKinds()) {
		return c.usageErr("--kind: %q is not a kind: use %s", *kind, joinStrings(model.InteractionKinds()))
	}
	if in.Direction != "" && !oneOf(in.Direction, model.Directions()) {
		return c.usageErr("--dir: %q is not a direction: use %s", *dir, joinStrings(model.Directions()))
	}
	if !oneOf(in.Outcome, model.Outcomes()) {
		return c.usageErr("--outcome: %q is not an outcome: use %s", *outcome, joinStrings(model.Outcomes()))
	}
	if c.given("score") && (*score < 0 || *score > 10) {
		return c.usageErr("--score: %d is not a score from 0 to 10", *score)
	}
	if c.given("score") && in.Kind != model.KindFeedback {
		return c.usageErr("--score is for feedback: add --kind feedback")
	}
	if in.Kind == model.KindFeedback && !c.given("score") {
		in.Score = -1
	}
	if *deal < 0 {
		return c.usageErr("--deal: give a deal id")
	}
	var err error
	if in.Summary, err = cleanArg("summary", pos[1], model.MaxSummaryLen, false); err != nil {
		return fail(e, verb, err)
	}
	if in.Body, err = cleanArg("body", *body, model.MaxNotesLen, true); err != nil {
		return fail(e, verb, err)
	}
	b, err := openBook(e, true)
	if err != nil {
		return fail(e, verb, err)
	}
	defer b.Close()
	dates, err := newDateReader(e.Ctx, e, b)
	if err != nil {
		return fail(e, verb, err)
	}
	if *at != "" {
		w, err := dates.parse("--at", *at, model.Past)
		if err != nil {
			return fail(e, verb, err)
		}
		t, err := dates.moment("--at", w)
		if err != nil {
			return fail(e, verb, err)
		}
		in.OccurredAt = t.Unix()
	}
	var fu *model.Followup
	if *next != "" {
		w, err := dates.parse("--next", *next, model.Future)
		if err != nil {
			return fail(e, verb, err)
		}
		title := *nextTitle
		if title == "" {
			title = truncate(e.P().T("Follow up: %s", in.Summary), model.MaxNameLen)
		}
		if title, err = cleanArg("next-title", title, model.MaxNameLen, false); err != nil {
			return fail(e, verb, err)
		}
		fu = &model.Followup{Title: title, Due: w.Day, DueTime: w.HHMM(), DealID: in.DealID}
	}
	cu, err := b.FindCustomer(e.Ctx, pos[0])
	if err != nil {
		return fail(e, verb, err)
	}
	in.CustomerID = cu.ID
	var fid int64
	var ruled []db.RuleFollowup
	err = b.Write(e.Ctx, fmt.Sprintf("log %s with %s", in.Kind, cu.Name), func(t *db.Tx) error {
		t.NoteScheduled(&ruled)
		if _, err := t.LogInteraction(&in); err != nil {
			return err
		}
		if fu != nil {
			fu.CustomerID = cu.ID
			var err error
			fid, err = t.CreateFollowup(fu)
			return err
		}
		return nil
	})
	if err != nil {
		return fail(e, verb, err)
	}
	if *asJSON {
		obj := map[string]any{"interaction_id": in.ID, "customer_id": cu.ID, "kind": string(in.Kind), "direction": string(in.Direction),
			"outcome": string(in.Outcome), "summary": in.Summary, "occurred_at": moment(in.OccurredAt, e.Now().Location()), "followup": nil}
		if fu != nil {
			obj["followup"] = map[string]any{"followup_id": fid, "title": fu.Title, "due": fu.Due.String(), "due_time": strOrNull(fu.DueTime)}
		}
		return emitJSON(e, verb, obj)
	}
	p := e.P()
	fmt.Fprintln(e.Stdout, p.T("interaction %d logged: %s %s with %s", in.ID, kindWord(p, in.Kind), clean(in.Summary), clean(cu.Name)))
	if fu != nil {
		fmt.Fprintln(e.Stdout, p.T("follow-up %d created: %s, due %s", fid, clean(fu.Title), dueText(fu.Due, fu.DueTime)))
	}
	printScheduled(e, ruled)
	return ExitOK
}

func dueText(d model.Day, t string) string {
	if t == "" {
		return d.String()
	}
	return d.String() + " " + t
}

func runResolve(e *Env, args []string) int {
	return runOnID(e, args, "resolve", "resolve INTERACTION_ID", "Marks a complaint resolved (its id is in rapport show CUSTOMER).", "interaction",
		func(b *db.DB, id int64) (string, error) {
			i, err := b.ResolveComplaint(e.Ctx, id)
			return e.P().T("complaint %d resolved: %s", i.ID, clean(i.Summary)), err
		})
}

// runOnID is the shape of the verbs that act on one row by its id: read
// the id, open the book, do it, print what was done.
func runOnID(e *Env, args []string, verb, usage, about, what string, do func(b *db.DB, id int64) (string, error)) int {
	c := newCommand(e, usage, about)
	pos, code, done := c.parse(args, 1, 1)
	if done {
		return code
	}
	id, err := parseID(what, pos[0])
	if err != nil {
		return fail(e, verb, err)
	}
	b, err := openBook(e, true)
	if err != nil {
		return fail(e, verb, err)
	}
	defer b.Close()
	msg, err := do(b, id)
	if err != nil {
		return fail(e, verb, err)
	}
	fmt.Fprintln(e.Stdout, msg)
	return ExitOK
}

func runFollow(e *Env, args []string) int {
	c := newCommand(e, "follow CUSTOMER TITLE --due DATE [--time HH:MM] [--deal ID]",
		"Schedules a follow-up. Dates: today, tomorrow, fri, next week, +3d, 2w, 2026-12-01, 12/01,\n明天, 下周一 … optionally with a time (tomorrow 14:30, fri 2pm).")
	due := c.str("due", "", "when it is due (`DATE`, required)")
	at := c.str("time", "", "the time of day (`HH:MM`)")
	deal := c.num("deal", 0, "the deal it belongs to (`ID`)")
	asJSON := c.boolean("json", "print what was created as JSON")
	pos, code, done := c.parse(args, 2, 2)
	if done {
		return code
	}
	const verb = "follow"
	if strings.TrimSpace(*due) == "" {
		return c.usageErr("--due DATE is required (like tomorrow, fri, +3d or 2026-12-01)")
	}
	if *deal < 0 {
		return c.usageErr("--deal: give a deal id")
	}
	f := model.Followup{DealID: int64(*deal)}
	var err error
	if f.Title, err = cleanArg("title", pos[1], model.MaxNameLen, false); err != nil {
		return fail(e, verb, err)
	}
	if c.given("time") {
		if f.DueTime, err = hhmm(*at); err != nil {
			return fail(e, verb, err)
		}
	}
	b, err := openBook(e, true)
	if err != nil {
		return fail(e, verb, err)
	}
	defer b.Close()
	dates, err := newDateReader(e.Ctx, e, b)
	if err != nil {
		return fail(e, verb, err)
	}
	w, err := dates.parse("--due", *due, model.Future)
	if err != nil {
		return fail(e, verb, err)
	}
	f.Due = w.Day
	if f.DueTime == "" {
		f.DueTime = w.HHMM()
	}
	cu, err := b.FindCustomer(e.Ctx, pos[0])
	if err != nil {
		return fail(e, verb, err)
	}
	f.CustomerID = cu.ID
	var id int64
	err = b.Write(e.Ctx, "follow up "+cu.Name+": "+f.Title, func(t *db.Tx) error {
		var err error
		id, err = t.CreateFollowup(&f)
		return err
	})
	if err != nil {
		return fail(e, verb, err)
	}
	if *asJSON {
		return emitJSON(e, verb, map[string]any{"followup_id": id, "customer_id": cu.ID, "customer": clean(cu.Name), "title": f.Title,
			"due": f.Due.String(), "due_time": strOrNull(f.DueTime), "deal_id": idOrNull(f.DealID)})
	}
	fmt.Fprintln(e.Stdout, e.P().T("follow-up %d created: %s, due %s", id, clean(f.Title), dueText(f.Due, f.DueTime)))
	return ExitOK
}

func runDone(e *Env, args []string) int {
	return runOnID(e, args, "done", "done FOLLOWUP_ID", "Marks a follow-up done (ids are in rapport today and rapport show).", "follow-up",
		func(b *db.DB, id int64) (string, error) {
			f, err := b.CompleteFollowup(e.Ctx, id)
			return e.P().T("follow-up %d done: %s", f.ID, clean(f.Title)), err
		})
}

func runSnooze(e *Env, args []string) int {
	c := newCommand(e, "snooze FOLLOWUP_ID [DATE]", "Moves an open follow-up to another date (today or later), optionally with a time:\nrapport snooze 412 tomorrow, rapport snooze 412 \"fri 14:30\", rapport snooze 412 +3d.\nWithout DATE it moves a day: to the day after the later of its due date and today\n(as z in the app), keeping its time; a snooze never pulls a date forward.")
	pos, code, done := c.parse(args, 1, -1)
	if done {
		return code
	}
	id, err := parseID("follow-up", pos[0])
	if err != nil {
		return fail(e, "snooze", err)
	}
	b, err := openBook(e, true)
	if err != nil {
		return fail(e, "snooze", err)
	}
	defer b.Close()
	var f model.Followup
	if len(pos) == 1 {
		f, err = b.SnoozeFollowupADay(e.Ctx, id)
	} else {
		dates, derr := newDateReader(e.Ctx, e, b)
		if derr != nil {
			return fail(e, "snooze", derr)
		}
		w, perr := dates.parse("DATE", joinWords(pos[1:]), model.Future)
		if perr != nil {
			return fail(e, "snooze", perr)
		}
		f, err = b.SnoozeFollowup(e.Ctx, id, w.Day, w.HHMM())
	}
	if err != nil {
		return fail(e, "snooze", err)
	}
	fmt.Fprintln(e.Stdout, e.P().T("follow-up %d snoozed: %s, due %s", f.ID, clean(f.Title), dueText(f.Due, f.DueTime)))
	return ExitOK
}

func runOrder(e *Env, args []string) int {
	c := newCommand(e, "order CUSTOMER AMOUNT [--at DATE] [--deal ID] [--note ..]",
		"Records an order (a purchase). AMOUNT is in the book currency unless it says otherwise:\n12000, 12,000.50, ¥12,000, $3.5k, 2万, EUR 1.200,50.")
	at := c.str("at", "", "when it was ordered (`DATE`, default now)")
	deal := c.num("deal", 0, "the deal it closes (`ID`)")
	note := c.str("note", "", "a `NOTE`")
	asJSON := c.boolean("json", "print what was created as JSON")
	pos, code, done := c.parse(args, 2, 2)
	if done {
		return code
	}
	const verb = "order"
	if *deal < 0 {
		return c.usageErr("--deal: give a deal id")
	}
	o := model.Order{DealID: int64(*deal)}
	var err error
	if o.Note, err = cleanArg("note", *note, model.MaxShortLen, false); err != nil {
		return fail(e, verb, err)
	}
	b, err := openBook(e, true)
	if err != nil {
		return fail(e, verb, err)
	}
	defer b.Close()
	set, err := b.Settings(e.Ctx)
	if err != nil {
		return fail(e, verb, err)
	}
	m, err := model.ParseMoney(pos[1], set.Currency)
	if err != nil {
		return fail(e, verb, argErrorf("AMOUNT: %v", err))
	}
	o.AmountMinor, o.Currency = m.Minor, m.Currency
	if *at != "" {
		dates := dateReader{now: e.Now(), order: set.DateOrder}
		w, err := dates.parse("--at", *at, model.Past)
		if err != nil {
			return fail(e, verb, err)
		}
		t, err := dates.moment("--at", w)
		if err != nil {
			return fail(e, verb, err)
		}
		o.OrderedAt = t.Unix()
	}
	cu, err := b.FindCustomer(e.Ctx, pos[0])
	if err != nil {
		return fail(e, verb, err)
	}
	o.CustomerID = cu.ID
	var id int64
	var ruled []db.RuleFollowup
	err = b.Write(e.Ctx, "order from "+cu.Name+" "+m.Format(), func(t *db.Tx) error {
		t.NoteScheduled(&ruled)
		var err error
		id, err = t.CreateOrder(&o)
		return err
	})
	if err != nil {
		return fail(e, verb, err)
	}
	if *asJSON {
		return emitJSON(e, verb, map[string]any{"order_id": id, "customer_id": cu.ID, "customer": clean(cu.Name), "amount": decimal(o.AmountMinor, o.Currency),
			"currency": o.Currency, "ordered_at": moment(o.OrderedAt, e.Now().Location()), "deal_id": idOrNull(o.DealID)})
	}
	fmt.Fprintln(e.Stdout, e.P().T("order %d recorded: %s from %s", id, m.Format(), clean(cu.Name)))
	printScheduled(e, ruled)
	return ExitOK
}

func oneOf[T ~string](v T, all []T) bool {
	for _, a := range all {
		if a == v {
			return true
		}
	}
	return false
}

func joinStrings[T ~string](all []T) string {
	s := make([]string, len(all))
	for i, a := range all {
		s[i] = string(a)
	}
	return strings.Join(s, ", ")
}
