package cli

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/model/i18n"
)

// shortMoney is an amount where space is short: "$12k", "¥12.3万".
func shortMoney(p *i18n.Printer, minor int64, currency string) string {
	m := model.Money{Minor: minor, Currency: currency}
	if p.Zh() {
		return m.FormatShortZh()
	}
	return m.FormatShort()
}

// customerJSON is one element of `rapport list --json`. open_pipeline maps
// a currency code to the open pipeline as a plain decimal string in major
// units ("12000.50"); it is {} when nothing is open.
type customerJSON struct {
	ID           int64             `json:"id"`
	Name         string            `json:"name"`
	Company      string            `json:"company"`
	Tier         string            `json:"tier"`
	Lifecycle    string            `json:"lifecycle"`
	Status       string            `json:"status"`
	LastContact  *string           `json:"last_contact"`
	NextFollowup *string           `json:"next_followup"`
	OpenPipeline map[string]string `json:"open_pipeline"`
	Risk         customerRiskJSON  `json:"risk"`
}

type customerRiskJSON struct {
	Score   int          `json:"score"`
	Level   string       `json:"level"`
	Reasons []reasonJSON `json:"reasons"`
}

func pipelineJSON(minor int64, currency string) map[string]string {
	out := map[string]string{}
	if minor != 0 {
		out[currency] = decimal(minor, currency)
	}
	return out
}

func runList(e *Env, args []string) int {
	c := newCommand(e, "list [--json] [--filter TEXT] [--tag T] [--tier A] [--at-risk] [--sort risk|name|contact|next|value] [--limit N]",
		`Lists customers, by risk unless --sort says otherwise. --filter takes the
syntax of the Customers screen: free text, #tag, tier:A, risk:at, risk:watch,
stage:proposal, archived:yes. In --json, open_pipeline maps the currency code
to a decimal string in major units ("12000.50").`)
	asJSON := c.boolean("json", "print a JSON array")
	filter := c.str("filter", "", "filter `TEXT` (see above)")
	tag := c.list("tag", "only customers with this `TAG` (repeatable)")
	tier := c.str("tier", "", "only this `TIER` (A, B or C)")
	atRisk := c.boolean("at-risk", "only customers at risk")
	sortBy := c.str("sort", db.SortRisk, "`ORDER`: risk, name, contact, next or value")
	limit := c.num("limit", 0, "at most `N` customers (0 = all)")
	if _, code, done := c.parse(args, 0, 0); done {
		return code
	}
	q := db.CustomerQuery{Filter: model.ParseFilter(*filter), AtRisk: *atRisk, Sort: *sortBy, Limit: *limit}
	p := e.P()
	if len(q.Filter.Problems) > 0 {
		probs := make([]string, len(q.Filter.Problems))
		for i, pr := range q.Filter.Problems {
			probs[i] = p.Err(pr)
		}
		return c.usageErr("--filter: %s", strings.Join(probs, p.T("; ")))
	}
	for _, t := range tag.v {
		q.Filter.Tags = append(q.Filter.Tags, strings.TrimPrefix(strings.TrimSpace(t), "#"))
	}
	if c.given("tier") {
		t, err := model.ParseTier(*tier)
		if err != nil {
			return c.usageErr("--tier: %q is not a tier: use A, B or C", *tier)
		}
		q.Filter.Tier = t
	}
	if !slices.Contains(db.Sorts(), q.Sort) {
		return c.usageErr("--sort: %q is not a sort order: use %s", q.Sort, strings.Join(db.Sorts(), ", "))
	}
	if q.Limit < 0 {
		return c.usageErr("--limit: give a number of customers (0 = all)")
	}
	if q.Limit == 0 {
		q.Limit = math.MaxInt32
	}
	b, err := openRisk(e)
	if err != nil {
		return fail(e, "list", err)
	}
	defer b.Close()
	rows, err := b.ListCustomers(e.Ctx, q)
	if err != nil {
		return fail(e, "list", err)
	}
	today := b.Today()
	if *asJSON {
		out := make([]customerJSON, 0, len(rows))
		for _, r := range rows {
			out = append(out, customerJSON{ID: r.ID, Name: clean(r.Name), Company: clean(r.Company), Tier: string(r.Tier),
				Lifecycle: string(r.Lifecycle), Status: r.Status, LastContact: dayOrNull(r.LastContact), NextFollowup: dayOrNull(r.NextDue),
				OpenPipeline: pipelineJSON(r.OpenPipeline, r.Currency),
				Risk:         customerRiskJSON{Score: r.RiskScore, Level: string(r.RiskLevel), Reasons: reasonsJSON(r.Reasons)}})
		}
		return emitJSON(e, "list", out)
	}
	if len(rows) == 0 {
		fmt.Fprintln(e.Stdout, p.T("no customers match"))
		return ExitOK
	}
	t := newTable(e.Stdout)
	t.row(p.T("ID"), p.T("NAME"), p.T("COMPANY"), p.T("TIER"), p.T("STATUS"), p.T("LAST CONTACT"), p.T("NEXT"), p.T("PIPELINE"), p.T("RISK"))
	for _, r := range rows {
		next := ""
		if !r.NextDue.IsZero() {
			next = r.NextDue.String()
			if r.NextOverdue {
				next = "! " + next
			}
		}
		pipe := ""
		if r.OpenPipeline != 0 {
			pipe = shortMoney(p, r.OpenPipeline, r.Currency)
		}
		risk := strconv.Itoa(r.RiskScore)
		if r.RiskLevel == model.LevelAtRisk {
			risk = "⚠ " + risk
		}
		t.row(strconv.FormatInt(r.ID, 10), truncate(clean(r.Name), 30), truncate(clean(r.Company), 24), string(r.Tier), statusWord(p, r.Status),
			ago(p, r.LastContact, today), next, pipe, risk)
	}
	t.flush()
	return ExitOK
}
