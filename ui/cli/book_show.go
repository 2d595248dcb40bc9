package cli

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/model/i18n"
)

// detailJSON is `rapport show --json`: the customer 360° view. Money is a
// decimal string in major units with its currency; moments are RFC 3339 in
// local time, dates YYYY-MM-DD.
type detailJSON struct {
	ID           int64              `json:"id"`
	Name         string             `json:"name"`
	Company      string             `json:"company"`
	Email        string             `json:"email"`
	Phone        string             `json:"phone"`
	IM           string             `json:"im"`
	Industry     string             `json:"industry"`
	Source       string             `json:"source"`
	Tier         string             `json:"tier"`
	TierPinned   bool               `json:"tier_pinned"`
	Lifecycle    string             `json:"lifecycle"`
	ChurnReason  string             `json:"churn_reason"`
	Status       string             `json:"status"`
	CadenceDays  int                `json:"cadence_days"`
	Notes        string             `json:"notes"`
	Archived     bool               `json:"archived"`
	Tags         []string           `json:"tags"`
	Contacts     []contactJSON      `json:"contacts"`
	LastContact  *string            `json:"last_contact"`
	NextFollowup *string            `json:"next_followup"`
	OpenPipeline map[string]string  `json:"open_pipeline"`
	Risk         customerRiskJSON   `json:"risk"`
	Deals        []dealJSON         `json:"open_deals"`
	Followups    []openFollowupJSON `json:"open_followups"`
	Orders       []orderJSON        `json:"recent_orders"`
	Revenue365   map[string]string  `json:"revenue_365d"`
	Lifetime     map[string]string  `json:"revenue_lifetime"`
	Done         []doneFollowupJSON `json:"done_followups"`
	Scores       []scoreJSON        `json:"last_scores"`
	Timeline     []interactionJSON  `json:"timeline"`
	Interactions int                `json:"interactions"`
}

type scoreJSON struct {
	Score int    `json:"score"`
	At    string `json:"at"`
}

type doneFollowupJSON struct {
	ID     int64     `json:"id"`
	Title  string    `json:"title"`
	Due    string    `json:"due"`
	DoneAt string    `json:"done_at"`
	Rule   *ruleJSON `json:"rule"`
}

// ruleJSON names the playbook rule that made a follow-up (null: the user's own).
type ruleJSON struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
}

func ruleOf(id int64, names map[int64]string) *ruleJSON {
	if id == 0 {
		return nil
	}
	return &ruleJSON{ID: id, Name: clean(names[id])}
}

// ruleText is the text column naming a follow-up's rule ("" for the user's own).
func ruleText(id int64, names map[int64]string) string {
	if id == 0 {
		return ""
	}
	return "rule: " + clean(names[id])
}

type contactJSON struct {
	ID      int64  `json:"id"`
	Name    string `json:"name"`
	Role    string `json:"role"`
	Email   string `json:"email"`
	Phone   string `json:"phone"`
	Primary bool   `json:"primary"`
}

type openFollowupJSON struct {
	ID      int64     `json:"id"`
	Title   string    `json:"title"`
	Due     string    `json:"due"`
	DueTime *string   `json:"due_time"`
	DealID  *int64    `json:"deal_id"`
	Overdue bool      `json:"overdue"`
	Rule    *ruleJSON `json:"rule"`
}

type orderJSON struct {
	ID        int64  `json:"id"`
	Amount    string `json:"amount"`
	Currency  string `json:"currency"`
	OrderedAt string `json:"ordered_at"`
	Note      string `json:"note"`
	DealID    *int64 `json:"deal_id"`
}

type interactionJSON struct {
	ID         int64   `json:"id"`
	Kind       string  `json:"kind"`
	Direction  string  `json:"direction"`
	Outcome    string  `json:"outcome"`
	Score      *int    `json:"score"`
	Summary    string  `json:"summary"`
	Body       string  `json:"body"`
	OccurredAt string  `json:"occurred_at"`
	ResolvedAt *string `json:"resolved_at"`
	DealID     *int64  `json:"deal_id"`
}

func idOrNull(id int64) *int64 {
	if id == 0 {
		return nil
	}
	return &id
}

func moment(unix int64, loc *time.Location) string {
	return time.Unix(unix, 0).In(loc).Format(time.RFC3339)
}

func runShow(e *Env, args []string) int {
	c := newCommand(e, "show CUSTOMER [--json]", `The customer 360° view: header, tags, contacts, cadence, the risk panel with
every reason and its points, open deals, open follow-ups, recent orders and the
interaction timeline (newest first). CUSTOMER is an id or a name.`)
	asJSON := c.boolean("json", "print the view as JSON")
	limit := c.num("timeline", 20, "show the latest `N` interactions")
	pos, code, done := c.parse(args, 1, 1)
	if done {
		return code
	}
	if *limit < 1 {
		return c.usageErr("--timeline: give a number of interactions from 1")
	}
	b, err := openRisk(e)
	if err != nil {
		return fail(e, "show", err)
	}
	defer b.Close()
	cu, err := b.FindCustomer(e.Ctx, pos[0])
	if err != nil {
		return fail(e, "show", err)
	}
	d, err := b.CustomerDetail(e.Ctx, cu.ID, *limit)
	if err != nil {
		return fail(e, "show", err)
	}
	now := e.Now()
	if *asJSON {
		return emitJSON(e, "show", detailToJSON(d, now))
	}
	printDetail(e.Stdout, e.P(), d, now)
	return ExitOK
}

func statusOf(d db.Detail, today model.Day, loc *time.Location) string {
	since := int(today - model.DayOfUnix(d.Customer.CreatedAt, loc))
	if d.Stats.LastContactAt > 0 {
		since = int(today - model.DayOfUnix(d.Stats.LastContactAt, loc))
	}
	return model.ActivityStatus(d.Customer.Lifecycle == model.Churned, d.Stats.RiskLevel, since, d.Cadence)
}

func lastContactDay(d db.Detail, loc *time.Location) model.Day {
	if d.Stats.LastContactAt == 0 {
		return model.NoDay
	}
	return model.DayOfUnix(d.Stats.LastContactAt, loc)
}

func detailToJSON(d db.Detail, now time.Time) detailJSON {
	loc, today := now.Location(), model.DayOf(now)
	cu := d.Customer
	out := detailJSON{ID: cu.ID, Name: clean(cu.Name), Company: clean(cu.Company), Email: clean(cu.Email), Phone: clean(cu.Phone),
		IM: clean(cu.IM), Industry: clean(cu.Industry), Source: clean(cu.Source), Tier: string(cu.Tier), TierPinned: cu.TierPinned,
		Lifecycle: string(cu.Lifecycle), ChurnReason: clean(cu.ChurnReason), Status: statusOf(d, today, loc), CadenceDays: d.Cadence,
		Notes: model.SanitizeMultiline(cu.Notes), Archived: cu.ArchivedAt != 0, Tags: make([]string, 0, len(d.Tags)),
		Contacts: make([]contactJSON, 0), LastContact: dayOrNull(lastContactDay(d, loc)), NextFollowup: dayOrNull(d.Stats.NextFollowupDue),
		OpenPipeline: pipelineJSON(d.Stats.OpenPipeline, d.Currency),
		Risk:         customerRiskJSON{Score: d.Stats.RiskScore, Level: string(d.Stats.RiskLevel), Reasons: reasonsJSON(d.Stats.Reasons)},
		Deals:        make([]dealJSON, 0), Followups: make([]openFollowupJSON, 0), Orders: make([]orderJSON, 0),
		Timeline: make([]interactionJSON, 0), Interactions: d.Total}
	for _, t := range d.Tags {
		out.Tags = append(out.Tags, clean(t))
	}
	for _, ct := range d.Contacts {
		out.Contacts = append(out.Contacts, contactJSON{ID: ct.ID, Name: clean(ct.Name), Role: clean(ct.Role), Email: clean(ct.Email), Phone: clean(ct.Phone), Primary: ct.IsPrimary})
	}
	for _, dl := range d.Deals {
		out.Deals = append(out.Deals, dealJSON{ID: dl.ID, CustomerID: dl.CustomerID, Customer: clean(cu.Name), Title: clean(dl.Title),
			Value: decimal(dl.ValueMinor, dl.Currency), Currency: dl.Currency, Stage: clean(d.StageName[dl.StageID]), Status: string(dl.Status),
			ExpectedClose: dayOrNull(dl.ExpectedClose), SnoozedUntil: dayOrNull(dl.SnoozedUntil)})
	}
	for _, f := range d.Followups {
		out.Followups = append(out.Followups, openFollowupJSON{ID: f.ID, Title: clean(f.Title), Due: f.Due.String(), DueTime: strOrNull(f.DueTime),
			DealID: idOrNull(f.DealID), Overdue: model.FollowupOverdue(f.Due, f.DueTime, now), Rule: ruleOf(f.PlaybookID, d.Rules)})
	}
	out.Revenue365, out.Lifetime, out.Done = amountsJSON(d.Revenue.Last365), amountsJSON(d.Revenue.Lifetime), make([]doneFollowupJSON, 0)
	out.Scores = make([]scoreJSON, 0, len(d.Scores))
	for _, sc := range d.Scores {
		out.Scores = append(out.Scores, scoreJSON{Score: sc.Score, At: moment(sc.At, loc)})
	}
	for _, f := range d.Done {
		out.Done = append(out.Done, doneFollowupJSON{ID: f.ID, Title: clean(f.Title), Due: f.Due.String(), DoneAt: moment(f.DoneAt, loc), Rule: ruleOf(f.PlaybookID, d.Rules)})
	}
	for _, o := range d.Orders {
		out.Orders = append(out.Orders, orderJSON{ID: o.ID, Amount: decimal(o.AmountMinor, o.Currency), Currency: o.Currency,
			OrderedAt: moment(o.OrderedAt, loc), Note: clean(o.Note), DealID: idOrNull(o.DealID)})
	}
	for _, i := range d.Timeline {
		ij := interactionJSON{ID: i.ID, Kind: string(i.Kind), Direction: string(i.Direction), Outcome: string(i.Outcome),
			Summary: clean(i.Summary), Body: model.SanitizeMultiline(i.Body), OccurredAt: moment(i.OccurredAt, loc), DealID: idOrNull(i.DealID)}
		if i.Score >= 0 {
			s := i.Score
			ij.Score = &s
		}
		if i.ResolvedAt != 0 {
			r := moment(i.ResolvedAt, loc)
			ij.ResolvedAt = &r
		}
		out.Timeline = append(out.Timeline, ij)
	}
	return out
}

// printDetail renders the 360° view as text in p's language.
func printDetail(w io.Writer, p *i18n.Printer, d db.Detail, now time.Time) {
	loc, today := now.Location(), model.DayOf(now)
	cu := d.Customer
	head := p.T("%s (#%d)", clean(cu.Name), cu.ID)
	if cu.Company != "" {
		head += " — " + clean(cu.Company)
	}
	if cu.ArchivedAt != 0 {
		head += "  " + p.T("[archived]")
	}
	fmt.Fprintln(w, head)
	tier := p.T("tier %s", string(cu.Tier))
	if cu.TierPinned {
		tier += p.T(" (pinned)")
	}
	life := lifecycleWord(p, cu.Lifecycle)
	if cu.Lifecycle == model.Churned && cu.ChurnReason != "" {
		life += p.T(" (%s)", clean(cu.ChurnReason))
	}
	fmt.Fprintln(w, p.T("%s · %s · %s · touch every %dd · last contact %s", tier, life, statusWord(p, statusOf(d, today, loc)), d.Cadence, ago(p, lastContactDay(d, loc), today)))
	var reach []string
	for _, f := range [][2]string{{"email", cu.Email}, {"phone", cu.Phone}, {"im", cu.IM}, {"industry", cu.Industry}, {"source", cu.Source}} {
		if f[1] != "" {
			reach = append(reach, fieldWord(p, f[0])+" "+clean(f[1]))
		}
	}
	if len(reach) > 0 {
		fmt.Fprintln(w, strings.Join(reach, " · "))
	}
	if len(d.Tags) > 0 {
		tags := make([]string, len(d.Tags))
		for i, t := range d.Tags {
			tags[i] = "#" + clean(t)
		}
		fmt.Fprintln(w, p.T("tags: %s", strings.Join(tags, " ")))
	}
	if len(d.Contacts) > 0 {
		fmt.Fprintln(w, "\n"+p.T("Contacts"))
		t := newTable(w)
		for _, ct := range d.Contacts {
			pr := ""
			if ct.IsPrimary {
				pr = p.T("primary")
			}
			t.row("  "+clean(ct.Name), clean(ct.Role), clean(ct.Email), clean(ct.Phone), pr)
		}
		t.flush()
	}

	fmt.Fprintln(w, "\n"+p.T("Risk: %d %s", d.Stats.RiskScore, levelText(p, d.Stats.RiskLevel)))
	for _, r := range d.Stats.Reasons {
		// Lapse parts may lower the score: "-12  Last order 8 d ago".
		fmt.Fprintf(w, "  %-4s %s\n", fmt.Sprintf("%+d", r.Points), clean(reasonText(p, r, today)))
	}

	fmt.Fprintln(w, "\n"+p.T("Open deals (%d)", len(d.Deals)))
	t := newTable(w)
	for _, dl := range d.Deals {
		closeOn := ""
		if !dl.ExpectedClose.IsZero() {
			closeOn = p.T("close %s", dl.ExpectedClose.String())
		}
		t.row("  "+p.T("deal #%d", dl.ID), clean(dl.Title), clean(d.StageName[dl.StageID]), money(dl.ValueMinor, dl.Currency), closeOn)
	}
	t.flush()

	fmt.Fprintln(w, "\n"+p.T("Open follow-ups (%d)", len(d.Followups)))
	t = newTable(w)
	for _, f := range d.Followups {
		due := f.Due.String()
		if f.DueTime != "" {
			due += " " + f.DueTime
		}
		mark := ""
		if model.FollowupOverdue(f.Due, f.DueTime, now) {
			mark = "! " + p.T("%dd overdue", model.DaysOverdue(f.Due, today))
		}
		t.row("  #"+strconv.FormatInt(f.ID, 10), due, clean(f.Title), mark, ruleText(f.PlaybookID, d.Rules))
	}
	t.flush()

	if len(d.Done) > 0 {
		fmt.Fprintln(w, "\n"+p.T("Done follow-ups (last %d)", len(d.Done)))
		t = newTable(w)
		for _, f := range d.Done {
			t.row("  #"+strconv.FormatInt(f.ID, 10), p.T("done %s", model.DayOfUnix(f.DoneAt, loc).String()), clean(f.Title), ruleText(f.PlaybookID, d.Rules))
		}
		t.flush()
	}

	if len(d.Scores) > 0 {
		parts := make([]string, 0, len(d.Scores))
		for _, sc := range d.Scores {
			parts = append(parts, p.T("%d/10 on %s", sc.Score, model.DayOfUnix(sc.At, loc).String()))
		}
		fmt.Fprintln(w, "\n"+p.T("Last scores: %s", strings.Join(parts, " · ")))
	}
	fmt.Fprintln(w, "\n"+p.T("Revenue: %s in the last 365 days · %s in all", amountsText(d.Revenue.Last365, d.Currency), amountsText(d.Revenue.Lifetime, d.Currency)))
	fmt.Fprintln(w, "\n"+p.T("Recent orders (%d)", len(d.Orders)))
	t = newTable(w)
	for _, o := range d.Orders {
		t.row("  #"+strconv.FormatInt(o.ID, 10), model.DayOfUnix(o.OrderedAt, loc).String(), money(o.AmountMinor, o.Currency), clean(o.Note))
	}
	t.flush()

	fmt.Fprintln(w, "\n"+p.T("Timeline (%d of %d, newest first)", len(d.Timeline), d.Total))
	for _, i := range d.Timeline {
		at := time.Unix(i.OccurredAt, 0).In(loc).Format("2006-01-02 15:04")
		what := kindWord(p, i.Kind) + " " + directionWord(p, i.Direction)
		if i.Outcome != model.OutcomeNone && i.Outcome != "" {
			what += " " + outcomeWord(p, i.Outcome)
		}
		if i.Score >= 0 {
			what += fmt.Sprintf(" %d/10", i.Score)
		}
		if i.Kind == model.KindComplaint {
			if i.ResolvedAt != 0 {
				what += p.T(" (resolved)")
			} else {
				what += p.T(" (open)")
			}
		}
		fmt.Fprintf(w, "  #%d  %s  %s  %s\n", i.ID, at, what, clean(i.Summary))
		if body := strings.TrimSpace(model.SanitizeMultiline(i.Body)); body != "" {
			for _, line := range strings.Split(body, "\n") {
				fmt.Fprintf(w, "        %s\n", line)
			}
		}
	}
	if notes := strings.TrimSpace(model.SanitizeMultiline(cu.Notes)); notes != "" {
		fmt.Fprintln(w, "\n"+p.T("Notes"))
		for _, line := range strings.Split(notes, "\n") {
			fmt.Fprintf(w, "  %s\n", line)
		}
	}
}

func levelText(p *i18n.Printer, l model.Level) string {
	switch l {
	case model.LevelAtRisk:
		return p.T("⚠ at risk")
	case model.LevelWatch:
		return p.T("watch")
	case "":
		return p.T("(not scored)")
	}
	return string(l)
}

// amountsJSON is money per currency as decimal strings.
func amountsJSON(as []db.Amount) map[string]string {
	out := map[string]string{}
	for _, a := range as {
		out[a.Currency] = decimal(a.Minor, a.Currency)
	}
	return out
}

// amountsText is money per currency for people: "$15.00 · €3.00", or
// nothing in the book currency.
func amountsText(as []db.Amount, book string) string {
	if len(as) == 0 {
		return money(0, book)
	}
	parts := make([]string, 0, len(as))
	for _, a := range as {
		parts = append(parts, money(a.Minor, a.Currency))
	}
	return strings.Join(parts, " · ")
}
