package transfer

import (
	"context"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/model/i18n"
)

// histRow is one parsed row of a history sheet.
type histRow struct {
	line int
	ref  custRef
	ix   model.Interaction
	fu   model.Followup
	ord  model.Order
	deal dealRow
}

// dealRow is a deal with the dates the file gives for its path.
type dealRow struct {
	d                        model.Deal
	created, engaged, closed int64 // unix; 0 = not in the file
	firstStage, engagedStage int64 // where a deal enters the pipeline, and where "engaging" puts it
}

// histCtx is what parsing history rows needs from the book.
type histCtx struct {
	kind     string
	now      time.Time
	order    model.DateOrder
	currency string
	stages   []model.Stage
	m        Mapping
	header   []string
	// mapStages are the user's --map-stage choices by stage key; stageLog
	// records how each stage name of the file was mapped, for the report.
	mapStages map[string]string
	stageLog  map[string]string
}

// importHistory imports interactions, follow-ups, orders or deals.
func importHistory(ctx context.Context, d *db.DB, t *Table, m Mapping, opt Options, rep *Report) (*Report, error) {
	if !hasAny(m, FCustomer, FName, FFirst, FLast, FCompany, FEmail, FPhone) {
		return rep, i18n.Errorf("line %d: no column names the customer (customer, name, email, phone or company): name one with --map COLUMN=customer", t.HeaderLine)
	}
	need := map[string][][]Field{
		KindInteractions: {{FDate}, {FSummary, FTitle}},
		KindFollowups:    {{FTitle, FSummary}, {FDue, FDate}},
		KindOrders:       {{FAmount, FValue}},
		KindDeals:        {{FTitle, FProduct, FSummary}},
	}[opt.Kind]
	for _, alts := range need {
		if !hasAny(m, alts...) {
			return rep, i18n.Errorf("line %d: a %s sheet needs a %s column (name one with --map COLUMN=%s)", t.HeaderLine, opt.Kind, alts[0], alts[0])
		}
	}
	set, err := d.Settings(ctx)
	if err != nil {
		return rep, err
	}
	stages, err := d.Stages(ctx)
	if err != nil {
		return rep, err
	}
	hc := histCtx{kind: opt.Kind, now: d.Now(), order: set.DateOrder, currency: set.Currency, stages: stages, m: m, header: t.Header,
		mapStages: map[string]string{}, stageLog: map[string]string{}}
	for from, to := range opt.MapStages {
		if _, err := db.FindStage(stages, to); err != nil {
			return rep, i18n.Errorf("--map-stage %s=%s: the book has no stage %q (%s)", from, to, to, strings.Join(stageNames(stages), ", "))
		}
		hc.mapStages[headerKey(from)] = to
	}
	var rows []histRow
	for _, r := range t.Rows {
		if blank(r.Fields) {
			continue
		}
		hr, err := hc.parse(r)
		if err != nil {
			rep.reject(r.Line, err)
			continue
		}
		rows = append(rows, hr)
	}
	for _, k := range sortedKeys(hc.stageLog) {
		rep.Stages = append(rep.Stages, k+" → "+hc.stageLog[k])
	}
	preview := *rep
	if _, err := runHistory(ctx, d.Reader(), nil, rows, opt, &preview); err != nil {
		return rep, err
	}
	sortRejected(preview.Rejected)
	if opt.DryRun || (len(preview.Rejected) > 0 && !opt.SkipBad) || preview.Created == 0 {
		*rep = preview
		if len(rep.Rejected) > 0 && !opt.SkipBad {
			return rep, i18n.Errorf("%d bad rows: %w", len(rep.Rejected), ErrBadRows)
		}
		return rep, nil
	}
	write := d.Write
	if len(rows) >= bulkThreshold {
		write = d.BulkLoad
	}
	err = write(ctx, "import "+opt.Name, func(tx *db.Tx) error {
		final := *rep
		if _, err := runHistory(ctx, tx.Q(), tx, rows, opt, &final); err != nil {
			return err
		}
		sortRejected(final.Rejected)
		*rep = final
		return nil
	})
	if err != nil {
		return rep, err
	}
	rep.Written = true
	return rep, nil
}

// parse reads one row into a histRow, validated as a form would.
func (hc histCtx) parse(r Row) (histRow, error) {
	v := gather(r, hc.header, hc.m)
	hr := histRow{line: r.Line}
	name := v.one(FCustomer)
	if name == "" {
		name = v.one(FName)
	}
	if name == "" {
		name = joinName(v.one(FFirst), v.one(FMiddle), v.one(FLast))
	}
	hr.ref = custRef{name: name, company: v.one(FCompany), email: v.one(FEmail), phone: v.one(FPhone)}
	// A customer column may hold an email or a phone number instead of a name.
	if hr.ref.email == "" && strings.Contains(name, "@") && validEmail(name) {
		hr.ref.email, hr.ref.name = name, ""
	} else if hr.ref.phone == "" && validPhone(name) && strings.ContainsAny(name, "0123456789") && !strings.HasPrefix(name, "#") && len(name) >= 6 {
		hr.ref.phone, hr.ref.name = name, ""
	}
	for _, p := range []*string{&hr.ref.name, &hr.ref.company, &hr.ref.email, &hr.ref.phone} {
		s, err := model.CleanInput(*p, model.MaxShortLen, false)
		if err != nil {
			return hr, i18n.Errorf("customer %w", err)
		}
		*p = s
	}
	if hr.ref.empty() {
		return hr, model.Invalid("customer", "is empty: the row does not say whose it is")
	}
	text := func(field string, f []Field, max int, multi bool) (string, error) {
		var s string
		for _, x := range f {
			if s = v.one(x); s != "" {
				break
			}
		}
		out, err := model.CleanInput(s, max, multi)
		if err != nil {
			return "", model.Invalid(field, "%s", err)
		}
		return out, nil
	}
	date := func(field string, f Field, mode model.DateMode) (model.When, bool, error) {
		s := v.one(f)
		if s == "" {
			return model.When{}, false, nil
		}
		w, err := parseDate(s, hc.now, hc.order, mode)
		if err != nil {
			return w, false, model.Invalid(field, "%s", err)
		}
		return w, true, nil
	}
	loc := hc.now.Location()
	switch hc.kind {
	case KindInteractions:
		return hr, hc.parseInteraction(&hr, v, text, date, loc)
	case KindFollowups:
		title, err := text("title", []Field{FTitle, FSummary}, model.MaxNameLen, false)
		if err != nil {
			return hr, err
		}
		due, ok, err := date("due", FDue, model.Future)
		if err == nil && !ok {
			due, ok, err = date("due", FDate, model.Future)
		}
		if err != nil {
			return hr, err
		}
		if !ok {
			return hr, model.Invalid("due", "is required (like 2026-12-01)")
		}
		hr.fu = model.Followup{CustomerID: 1, Title: title, Due: due.Day, DueTime: due.HHMM()}
		if tm := v.one(FTime); tm != "" {
			w, err := parseDate(due.Day.String()+" "+tm, hc.now, hc.order, model.Future)
			if err != nil || !w.HasTime {
				return hr, model.Invalid("time", "%q is not a time like 14:30", tm)
			}
			hr.fu.DueTime = w.HHMM()
		}
		return hr, hr.fu.Validate()
	case KindOrders:
		w, ok, err := date("date", FDate, model.Past)
		if err != nil {
			return hr, err
		}
		if !ok {
			return hr, model.Invalid("date", "is required (like 2026-03-01 or 3/1/2026)")
		}
		if err := happened("date", w, hc.now); err != nil {
			return hr, err
		}
		amt := v.one(FAmount)
		if amt == "" {
			amt = v.one(FValue)
		}
		money, err := parseAmount(amt, v.one(FCurrency), hc.currency)
		if err != nil {
			return hr, err
		}
		note, err := text("note", []Field{FNote, FBody, FNotes, FTitle, FProduct}, model.MaxShortLen, false)
		if err != nil {
			return hr, err
		}
		hr.ord = model.Order{CustomerID: 1, AmountMinor: money.Minor, Currency: money.Currency, OrderedAt: unixAt(w, loc), Note: note}
		return hr, hr.ord.Validate()
	case KindDeals:
		return hr, hc.parseDeal(&hr, v, text, date, loc)
	}
	return hr, fmt.Errorf("unknown kind %q", hc.kind)
}

type textFn func(field string, f []Field, max int, multi bool) (string, error)
type dateFn func(field string, f Field, mode model.DateMode) (model.When, bool, error)

func (hc histCtx) parseInteraction(hr *histRow, v rowValues, text textFn, date dateFn, loc *time.Location) error {
	w, ok, err := date("date", FDate, model.Past)
	if err != nil {
		return err
	}
	if !ok {
		return model.Invalid("date", "is required (like 2026-03-01 or 3/1/2026)")
	}
	if err := happened("date", w, hc.now); err != nil {
		return err
	}
	summary, err := text("summary", []Field{FSummary, FTitle}, model.MaxSummaryLen, false)
	if err != nil {
		return err
	}
	body, err := text("body", []Field{FBody, FNotes, FNote}, model.MaxNotesLen, true)
	if err != nil {
		return err
	}
	i := model.Interaction{CustomerID: 1, Summary: summary, Body: body, OccurredAt: unixAt(w, loc), Score: -1}
	i.Kind = model.InteractionKind(strings.ToLower(v.one(FKind)))
	i.Direction = model.Direction(strings.ToLower(v.one(FDirection)))
	i.Outcome = model.Outcome(strings.ReplaceAll(strings.ToLower(v.one(FOutcome)), " ", "_"))
	if i.Kind == "" {
		i.Kind = model.KindCall
	}
	if i.Direction == "" {
		i.Direction = model.Outbound
		if i.Kind == model.KindNote {
			i.Direction = model.Internal
		}
	}
	if i.Outcome == "" {
		i.Outcome = model.OutcomeNone
	}
	if s := v.one(FScore); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil {
			return model.Invalid("score", "%q is not a number from 0 to 10", s)
		}
		i.Score = n
	}
	hr.ix = i
	return i.Validate()
}

// stageSynonyms maps stage names other CRMs use to rapport's default
// stages (Maven's Prospecting > Engaging > Won / Lost, Salesforce's
// defaults from Prospecting to Closed Lost, Chinese CRMs' …).
func stageSynonyms() map[string]string {
	return map[string]string{
		"prospecting": "Lead", "prospect": "Lead", "new": "Lead", "lead": "Lead", "线索": "Lead", "潜在": "Lead", "初步接洽": "Lead",
		"engaging": "Qualified", "qualification": "Qualified", "qualify": "Qualified", "needsanalysis": "Qualified", "valueproposition": "Qualified",
		"iddecisionmakers": "Qualified", "接洽": "Qualified", "已确认": "Qualified", "需求确认": "Qualified", "需求分析": "Qualified",
		"perceptionanalysis": "Proposal", "proposal": "Proposal", "proposalpricequote": "Proposal", "quote": "Proposal", "报价": "Proposal", "方案": "Proposal", "方案报价": "Proposal",
		"negotiation": "Negotiation", "negotiationreview": "Negotiation", "谈判": "Negotiation", "商务谈判": "Negotiation",
		"won": "Won", "closedwon": "Won", "win": "Won", "赢单": "Won", "成交": "Won",
		"lost": "Lost", "closedlost": "Lost", "丢单": "Lost", "输单": "Lost",
	}
}

// findStage maps a stage cell to a stage of the book: the user's
// --map-stage, the book's own name, the synonyms of other CRMs, then the
// row's probability (the open stage whose probability is nearest), else
// the first open stage. Every mapping that is not by the book's own name
// is logged once for the report, so the user can correct it.
func (hc histCtx) findStage(s string, prob string) (model.Stage, error) {
	k := headerKey(s)
	if to, ok := hc.mapStages[k]; ok {
		st, err := db.FindStage(hc.stages, to)
		hc.logStage(s, st.Name, "--map-stage")
		return st, err
	}
	if st, err := db.FindStage(hc.stages, s); err == nil {
		return st, nil
	}
	if name, ok := stageSynonyms()[k]; ok {
		if st, err := db.FindStage(hc.stages, name); err == nil {
			hc.logStage(s, st.Name, "a known stage name")
			return st, nil
		}
	}
	open := hc.openStages()
	if len(open) == 0 {
		return model.Stage{}, model.Invalid("stage", "the book has no open stage")
	}
	if p, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(prob), "%"), 64); err == nil && prob != "" {
		best := open[0]
		for _, st := range open {
			if math.Abs(float64(st.Probability)-p) < math.Abs(float64(best.Probability)-p) {
				best = st
			}
		}
		hc.logStage(s, best.Name, fmt.Sprintf("by probability %g%%", p))
		return best, nil
	}
	hc.logStage(s, open[0].Name, "unknown: the first open stage; correct it with --map-stage")
	return open[0], nil
}

func (hc histCtx) logStage(from, to, why string) {
	if _, ok := hc.stageLog[from]; !ok {
		hc.stageLog[from] = fmt.Sprintf("%s (%s)", to, why)
	}
}

func stageNames(stages []model.Stage) []string {
	names := make([]string, len(stages))
	for i, st := range stages {
		names[i] = st.Name
	}
	return names
}

func sortedKeys(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// ParseStageMaps reads --map-stage "FILE STAGE=book stage" values.
func ParseStageMaps(vals []string) (map[string]string, error) {
	out := map[string]string{}
	for _, v := range vals {
		from, to, ok := strings.Cut(v, "=")
		if !ok || strings.TrimSpace(from) == "" || strings.TrimSpace(to) == "" {
			return nil, i18n.Errorf("--map-stage %q: write it as FILE STAGE=book stage, like --map-stage \"Value Proposition=Qualified\"", v)
		}
		out[strings.TrimSpace(from)] = strings.TrimSpace(to)
	}
	return out, nil
}

// openStages returns the book's open stages in pipeline order.
func (hc histCtx) openStages() []model.Stage {
	var out []model.Stage
	for _, s := range hc.stages {
		if s.Kind == model.StageOpen {
			out = append(out, s)
		}
	}
	return out
}

func (hc histCtx) parseDeal(hr *histRow, v rowValues, text textFn, date dateFn, loc *time.Location) error {
	title, err := text("title", []Field{FTitle, FProduct, FSummary}, model.MaxNameLen, false)
	if err != nil {
		return err
	}
	open := hc.openStages()
	if len(open) == 0 {
		return model.Invalid("stage", "the book has no open stage")
	}
	st := open[0]
	if s := v.one(FStage); s != "" {
		if st, err = hc.findStage(s, v.one(FProb)); err != nil {
			return err
		}
	}
	val := v.one(FValue)
	if val == "" {
		val = v.one(FAmount)
	}
	money := model.Money{Currency: hc.currency}
	if val != "" {
		if money, err = parseAmount(val, v.one(FCurrency), hc.currency); err != nil {
			return model.Invalid("value", "%s", err)
		}
	} else if c := strings.ToUpper(v.one(FCurrency)); c != "" {
		money.Currency = c
	}
	dr := dealRow{d: model.Deal{CustomerID: 1, Title: title, ValueMinor: money.Minor, Currency: money.Currency, StageID: st.ID, Probability: -1},
		firstStage: open[0].ID, engagedStage: open[min(1, len(open)-1)].ID}
	for _, x := range []struct {
		f   Field
		dst *int64
	}{{FCreated, &dr.created}, {FEngaged, &dr.engaged}, {FClosed, &dr.closed}} {
		w, ok, err := date(string(x.f)+" date", x.f, model.Past)
		if err != nil {
			return err
		}
		if ok {
			*x.dst = unixAt(w, loc)
		}
	}
	// A deal's path happened: its created and engaged dates, and the close
	// of a won or lost deal (a won deal's order is dated by it), are not
	// after today.
	closedAt := dr.closed
	if st.Kind == model.StageOpen {
		closedAt = 0 // an open deal's close date is its expected close
	}
	for _, x := range []struct {
		field string
		at    int64
	}{{"created date", dr.created}, {"engaged date", dr.engaged}, {"closed date", closedAt}} {
		if x.at != 0 {
			if err := happened(x.field, model.When{Day: model.DayOfUnix(x.at, loc)}, hc.now); err != nil {
				return err
			}
		}
	}
	if w, ok, err := date("expected close", FExpected, model.Future); err != nil {
		return err
	} else if ok {
		dr.d.ExpectedClose = w.Day
	}
	if st.Kind == model.StageOpen && dr.closed != 0 {
		// An open deal's close date (Salesforce's CloseDate) is when it is
		// expected to close.
		if dr.d.ExpectedClose.IsZero() {
			dr.d.ExpectedClose = model.DayOfUnix(dr.closed, loc)
		}
		dr.closed = 0
	}
	switch st.Kind {
	case model.StageWon:
		dr.d.Status = model.DealWon
	case model.StageLost:
		dr.d.Status = model.DealLost
		reason, err := text("lost reason", []Field{FLost}, model.MaxShortLen, false)
		if err != nil {
			return err
		}
		if reason == "" {
			reason = "not given in the imported file"
		}
		dr.d.LostReason = reason
	default:
		dr.d.Status = model.DealOpen
	}
	hr.deal = dr
	return dr.d.Validate()
}

// parseAmount reads an amount with the row's currency column, or the
// book's currency.
func parseAmount(s, currency, book string) (model.Money, error) {
	def := book
	if c := strings.ToUpper(strings.TrimSpace(currency)); c != "" {
		if !model.ValidCurrency(c) {
			return model.Money{}, model.Invalid("currency", "%q is not a currency code like USD or CNY", currency)
		}
		def = c
	}
	m, err := model.ParseMoney(s, def)
	if err != nil {
		return m, model.Invalid("amount", "%s", err)
	}
	return m, nil
}

// sortRejected orders rejected rows by line (parsing and customer lookup
// reject in two passes).
func sortRejected(r []LineError) {
	sort.SliceStable(r, func(i, j int) bool { return r[i].Line < r[j].Line })
}
