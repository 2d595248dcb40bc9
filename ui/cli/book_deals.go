package cli

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model"
)

// dealJSON is a deal in `deal list --json` and `show --json`. value is a
// decimal string in major units of currency.
type dealJSON struct {
	ID            int64   `json:"id"`
	CustomerID    int64   `json:"customer_id"`
	Customer      string  `json:"customer"`
	Title         string  `json:"title"`
	Value         string  `json:"value"`
	Currency      string  `json:"currency"`
	Stage         string  `json:"stage"`
	Status        string  `json:"status"`
	Probability   *int    `json:"probability,omitempty"`
	DaysInStage   *int    `json:"days_in_stage,omitempty"`
	Rotting       *bool   `json:"rotting,omitempty"`
	ExpectedClose *string `json:"expected_close"`
	SnoozedUntil  *string `json:"snoozed_until"`
	NextFollowup  *string `json:"next_followup,omitempty"`
}

func runDealAdd(e *Env, args []string) int {
	c := newCommand(e, "deal add CUSTOMER TITLE --value V [--stage S] [--close DATE]",
		"Opens a deal for a customer, in the first open stage unless --stage says otherwise.\nVALUE is in the book currency unless it says otherwise ($12,000, ¥3.5万, EUR 900).")
	value := c.str("value", "", "the deal's `VALUE` (required)")
	stage := c.str("stage", "", "the `STAGE` to start in (name or prefix)")
	closeOn := c.str("close", "", "expected close `DATE`")
	asJSON := c.boolean("json", "print what was created as JSON")
	pos, code, done := c.parse(args, 2, 2)
	if done {
		return code
	}
	const verb = "deal add"
	if strings.TrimSpace(*value) == "" {
		return c.usageErr("--value is required (like --value 12000 or --value '$3.5k')")
	}
	dl := model.Deal{Probability: -1}
	var err error
	if dl.Title, err = cleanArg("title", pos[1], model.MaxNameLen, false); err != nil {
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
	m, err := model.ParseMoney(*value, set.Currency)
	if err != nil {
		return fail(e, verb, argErrorf("--value: %v", err))
	}
	dl.ValueMinor, dl.Currency = m.Minor, m.Currency
	if *closeOn != "" {
		w, err := dateReader{now: e.Now(), order: set.DateOrder}.parse("--close", *closeOn, model.Future)
		if err != nil {
			return fail(e, verb, err)
		}
		dl.ExpectedClose = w.Day
	}
	stages, err := b.Stages(e.Ctx)
	if err != nil {
		return fail(e, verb, err)
	}
	if *stage != "" {
		st, err := db.FindStage(stages, *stage)
		if err != nil {
			return fail(e, verb, err)
		}
		dl.StageID = st.ID
	}
	cu, err := b.FindCustomer(e.Ctx, pos[0])
	if err != nil {
		return fail(e, verb, err)
	}
	dl.CustomerID = cu.ID
	var id int64
	var ruled []db.RuleFollowup
	err = b.Write(e.Ctx, "add deal "+dl.Title, func(t *db.Tx) error {
		t.NoteScheduled(&ruled)
		var err error
		id, err = t.CreateDeal(&dl)
		return err
	})
	if err != nil {
		return fail(e, verb, err)
	}
	stageName := ""
	for _, s := range stages {
		if s.ID == dl.StageID {
			stageName = clean(s.Name)
		}
	}
	if *asJSON {
		return emitJSON(e, verb, map[string]any{"deal_id": id, "customer_id": cu.ID, "customer": clean(cu.Name), "title": dl.Title,
			"value": decimal(dl.ValueMinor, dl.Currency), "currency": dl.Currency, "stage": stageName, "expected_close": dayOrNull(dl.ExpectedClose)})
	}
	fmt.Fprintln(e.Stdout, e.P().T("deal %d created: %s for %s, %s in %s", id, clean(dl.Title), clean(cu.Name), m.Format(), stageName))
	printScheduled(e, ruled)
	return ExitOK
}

func runDealMove(e *Env, args []string) int {
	c := newCommand(e, "deal move ID STAGE [--reason R] [--no-order]",
		"Moves a deal to another stage. Won records an order for the deal's value (unless\n--no-order); Lost needs --reason.")
	reason := c.str("reason", "", "why the deal was lost (`REASON`, required for Lost)")
	noOrder := c.boolean("no-order", "do not record an order when the deal is won")
	pos, code, done := c.parse(args, 2, 2)
	if done {
		return code
	}
	const verb = "deal move"
	id, err := parseID("deal", pos[0])
	if err != nil {
		return fail(e, verb, err)
	}
	why, err := cleanArg("reason", *reason, model.MaxShortLen, false)
	if err != nil {
		return fail(e, verb, err)
	}
	b, err := openBook(e, true)
	if err != nil {
		return fail(e, verb, err)
	}
	defer b.Close()
	stages, err := b.Stages(e.Ctx)
	if err != nil {
		return fail(e, verb, err)
	}
	st, err := db.FindStage(stages, pos[1])
	if err != nil {
		return fail(e, verb, err)
	}
	if st.Kind == model.StageLost && why == "" {
		return c.usageErr("say why the deal was lost: --reason \"went with a competitor\"")
	}
	res, err := b.MoveDeal(e.Ctx, id, st.ID, why, !*noOrder)
	if err != nil {
		return fail(e, verb, err)
	}
	fmt.Fprintln(e.Stdout, e.P().T("deal %d moved: %s → %s (%s)", res.Deal.ID, clean(res.From.Name), clean(res.To.Name), clean(res.Deal.Title)))
	if res.OrderID != 0 {
		fmt.Fprintln(e.Stdout, e.P().T("order %d recorded: %s", res.OrderID, money(res.Deal.ValueMinor, res.Deal.Currency)))
	}
	return ExitOK
}

func runDealList(e *Env, args []string) int {
	c := newCommand(e, "deal list [--json] [--stage S] [--rotting] [--all]",
		"Lists open deals by stage (--all adds won and lost ones). Rotting deals are marked !.\nIn --json, value is a decimal string in major units of currency.")
	asJSON := c.boolean("json", "print a JSON array")
	stage := c.str("stage", "", "only deals in this `STAGE`")
	rotting := c.boolean("rotting", "only rotting deals")
	all := c.boolean("all", "include won and lost deals")
	if _, code, done := c.parse(args, 0, 0); done {
		return code
	}
	const verb = "deal list"
	b, err := openRisk(e)
	if err != nil {
		return fail(e, verb, err)
	}
	defer b.Close()
	f := db.DealFilter{Rotting: *rotting}
	if !*all {
		open := model.DealOpen
		f.Status = &open
	}
	if *stage != "" {
		stages, err := b.Stages(e.Ctx)
		if err != nil {
			return fail(e, verb, err)
		}
		st, err := db.FindStage(stages, *stage)
		if err != nil {
			return fail(e, verb, argErrorf("--stage: %v", err))
		}
		f.StageID = &st.ID
		if st.Kind != model.StageOpen {
			f.Status = nil
		}
	}
	rows, err := b.ListDeals(e.Ctx, f)
	if err != nil {
		return fail(e, verb, err)
	}
	if *asJSON {
		out := make([]dealJSON, 0, len(rows))
		for _, r := range rows {
			p, days, rot := r.Probability, r.DaysInStage, r.Rotting
			out = append(out, dealJSON{ID: r.ID, CustomerID: r.CustomerID, Customer: clean(r.Customer), Title: clean(r.Title),
				Value: decimal(r.ValueMinor, r.Currency), Currency: r.Currency, Stage: clean(r.Stage), Status: string(r.Status),
				Probability: &p, DaysInStage: &days, Rotting: &rot, ExpectedClose: dayOrNull(r.ExpectedClose),
				SnoozedUntil: dayOrNull(r.SnoozedUntil), NextFollowup: dayOrNull(r.NextDue)})
		}
		return emitJSON(e, verb, out)
	}
	if len(rows) == 0 {
		fmt.Fprintln(e.Stdout, e.P().T("no deals match"))
		return ExitOK
	}
	p := e.P()
	t := newTable(e.Stdout)
	t.row(p.T("ID"), p.T("STAGE"), p.T("TITLE"), p.T("CUSTOMER"), p.T("VALUE"), p.T("PROB"), p.T("IN STAGE"), p.T("CLOSE"))
	for _, r := range rows {
		in := p.T("%dd", r.DaysInStage)
		if r.Rotting {
			in = "! " + in
		}
		if r.Status != model.DealOpen {
			in = stageKindWord(p, string(r.Status))
		}
		t.row(strconv.FormatInt(r.ID, 10), clean(r.Stage), truncate(clean(r.Title), 36), truncate(clean(r.Customer), 24),
			money(r.ValueMinor, r.Currency), strconv.Itoa(r.Probability)+"%", in, r.ExpectedClose.String())
	}
	t.flush()
	return ExitOK
}

func runDealSnooze(e *Env, args []string) int {
	c := newCommand(e, "deal snooze ID DATE --reason R", "Hides a rotting deal from the rotting lists until DATE, with a reason.")
	reason := c.str("reason", "", "why it may wait (`REASON`, required)")
	pos, code, done := c.parse(args, 2, -1)
	if done {
		return code
	}
	const verb = "deal snooze"
	id, err := parseID("deal", pos[0])
	if err != nil {
		return fail(e, verb, err)
	}
	why, err := cleanArg("reason", *reason, model.MaxShortLen, false)
	if err != nil {
		return fail(e, verb, err)
	}
	if why == "" {
		return c.usageErr("--reason is required: say why the deal may wait")
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
	w, err := dates.parse("DATE", joinWords(pos[1:]), model.Future)
	if err != nil {
		return fail(e, verb, err)
	}
	dl, err := b.SnoozeDeal(e.Ctx, id, w.Day, why)
	if err != nil {
		return fail(e, verb, err)
	}
	fmt.Fprintln(e.Stdout, e.P().T("deal %d snoozed until %s: %s", dl.ID, dl.SnoozedUntil.String(), clean(dl.Title)))
	return ExitOK
}
