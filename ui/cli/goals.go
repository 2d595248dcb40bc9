package cli

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/model/i18n"
)

// goalVerbs returns the verbs defined in this file.
func goalVerbs() map[string]Verb {
	return map[string]Verb{
		"goal": {Usage: "goal set|list|rm …", Summary: "monthly and quarterly targets (rapport goal --help)", Run: sub("goal", map[string]func(*Env, []string) int{
			"set": runGoalSet, "list": runGoalList, "rm": runGoalRemove, "remove": runGoalRemove,
		})},
	}
}

const goalAbout = `Sets the target of a measure for a month (2026-12) or a quarter (2026-Q4).
MEASURE is revenue (orders), won (deals won, counted), won_value (value of
deals won), new_customers or interactions. TARGET is money in the book currency
for revenue and won_value (120000, ¥12万, $3.5k), a count otherwise. Setting a
goal again changes its target. The launch summary shows this month's goal
with its straight-line pace.`

// goalJSON is a goal with its progress in `goal list --json`.
type goalJSON struct {
	ID       int64  `json:"id"`
	Measure  string `json:"measure"`
	Period   string `json:"period"`
	Target   string `json:"target"`
	Actual   string `json:"actual"`
	Currency string `json:"currency,omitempty"`
	Percent  int    `json:"percent"`
	DaysLeft int    `json:"days_left"`
	Pace     string `json:"pace"`
	OnPace   bool   `json:"on_pace"`
}

// goalKey reads the MEASURE PERIOD that name a goal.
func goalKey(pos []string) (model.GoalMeasure, model.GoalPeriod, error) {
	m, err := model.ParseGoalMeasure(pos[0])
	if err != nil {
		return "", model.GoalPeriod{}, err
	}
	p, err := model.ParseGoalPeriod(pos[1])
	return m, p, err
}

func runGoalSet(e *Env, args []string) int {
	c := newCommand(e, "goal set MEASURE PERIOD TARGET", goalAbout)
	asJSON := c.boolean("json", "print the goal as JSON")
	pos, code, done := c.parse(args, 3, 3)
	if done {
		return code
	}
	m, p, err := goalKey(pos)
	if err != nil {
		return c.usageErr("%s", err)
	}
	b, err := openBook(e, false)
	if err != nil {
		return fail(e, "goal set", err)
	}
	defer b.Close()
	g := model.Goal{Measure: m, Period: p}
	if m.IsMoney() {
		set, err := b.Settings(e.Ctx)
		if err != nil {
			return fail(e, "goal set", err)
		}
		amount, err := model.ParseMoney(pos[2], set.Currency)
		if err != nil {
			return c.usageErr("TARGET: %s", err)
		}
		g.Target, g.Currency = amount.Minor, amount.Currency
	} else {
		n, err := strconv.ParseInt(strings.ReplaceAll(strings.TrimSpace(pos[2]), ",", ""), 10, 64)
		if err != nil {
			return c.usageErr("TARGET: %q is not a whole number (a %s goal counts %s)", pos[2], string(m), measureWord(e.P(), m))
		}
		g.Target = n
	}
	g, err = b.SetGoal(e.Ctx, g)
	if err != nil {
		return fail(e, "goal set", err)
	}
	if *asJSON {
		return printOr(e, "goal set", goalOut(model.Progress(g, 0, model.DayOf(e.Now()))))
	}
	fmt.Fprintln(e.Stdout, e.P().T("goal %d set: %s %s %s", g.ID, measureWord(e.P(), m), p.String(), g.Figure(g.Target)))
	return ExitOK
}

func runGoalList(e *Env, args []string) int {
	c := newCommand(e, "goal list [--json]", "Lists the goals with what the book holds so far, the share reached, the days left and the\nstraight-line pace (what the period ends at if it goes on as it went).")
	asJSON := c.boolean("json", "print the goals as JSON")
	if _, code, done := c.parse(args, 0, 0); done {
		return code
	}
	b, err := openBook(e, true)
	if err != nil {
		return fail(e, "goal list", err)
	}
	defer b.Close()
	all, err := b.GoalProgress(e.Ctx)
	if err != nil {
		return fail(e, "goal list", err)
	}
	if *asJSON {
		out := make([]goalJSON, 0, len(all))
		for _, p := range all {
			out = append(out, goalOut(p))
		}
		return printOr(e, "goal list", out)
	}
	if len(all) == 0 {
		fmt.Fprintln(e.Stdout, e.P().T("no goals yet: set one with rapport goal set revenue 2026-12 120000"))
		return ExitOK
	}
	today := model.DayOf(e.Now())
	t := newTable(e.Stdout)
	for _, p := range all {
		t.row(p.Period.String(), measureWord(e.P(), p.Measure), goalLine(e.P(), p, today))
	}
	t.flush()
	return ExitOK
}

func runGoalRemove(e *Env, args []string) int {
	c := newCommand(e, "goal rm MEASURE PERIOD", "Removes the goal of a measure for a period (undo brings it back).")
	pos, code, done := c.parse(args, 2, 2)
	if done {
		return code
	}
	m, p, err := goalKey(pos)
	if err != nil {
		return c.usageErr("%s", err)
	}
	b, err := openBook(e, true)
	if err != nil {
		return fail(e, "goal rm", err)
	}
	defer b.Close()
	g, err := b.RemoveGoal(e.Ctx, m, p)
	if err != nil {
		return fail(e, "goal rm", err)
	}
	fmt.Fprintln(e.Stdout, e.P().T("goal %d removed: %s %s", g.ID, measureWord(e.P(), m), p.String()))
	return ExitOK
}

// goalLine is a goal's progress in one line, as model.GoalProgress.Line
// says it in English ("Dec $84,000 of $120,000 · 70% · 11 days left · pace
// $130,200"), with the words of the app's launch summary in Chinese ("11月
// $84,000，目标 $120,000 · 70% · 剩 11 天 · 预计 $130,200").
func goalLine(pr *i18n.Printer, p model.GoalProgress, today model.Day) string {
	period := p.Period.Label(today)
	if pr.Zh() {
		period = fmt.Sprintf("%d月", p.Period.Month)
		if p.Period.IsQuarter() {
			period = fmt.Sprintf("Q%d", p.Period.Quarter)
		}
		if ty, _, _ := today.UTC().Date(); p.Period.Year != ty {
			period = fmt.Sprintf("%d年", p.Period.Year) + period
		}
	}
	days := func(n int) string { return pr.T("%d days", n) }
	parts := []string{pr.T("%s %s of %s", period, p.Figure(p.Actual), p.Figure(p.Target)), fmt.Sprintf("%d%%", p.Percent())}
	switch {
	case p.Elapsed == 0:
		parts = append(parts, pr.T("starts in %s", days(p.DaysLeft)))
	case p.DaysLeft == 0 && p.Elapsed == p.Days:
		parts = append(parts, pr.T("ended"))
	default:
		parts = append(parts, pr.T("%s left", days(p.DaysLeft)), pr.T("pace %s", p.Figure(p.Pace)))
	}
	return strings.Join(parts, " · ")
}

func goalOut(p model.GoalProgress) goalJSON {
	num := func(n int64) string {
		if p.Measure.IsMoney() {
			return decimal(n, p.Currency)
		}
		return strconv.FormatInt(n, 10)
	}
	return goalJSON{ID: p.ID, Measure: string(p.Measure), Period: p.Period.String(), Target: num(p.Target), Actual: num(p.Actual),
		Currency: p.Currency, Percent: p.Percent(), DaysLeft: p.DaysLeft, Pace: num(p.Pace), OnPace: p.OnPace}
}

// printOr prints v as JSON, or fails the verb.
func printOr(e *Env, verb string, v any) int {
	if err := printJSON(e.Stdout, v); err != nil {
		return fail(e, verb, err)
	}
	return ExitOK
}
