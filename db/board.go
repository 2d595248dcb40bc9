package db

import (
	"context"
	"sort"
	"strings"

	"github.com/rapportcrm/rapport/model"
)

// CurrencyTotal is a money total in one currency (totals never mix currencies).
type CurrencyTotal struct {
	Currency string
	Total    int64
	Weighted int64 // probability-weighted
}

// BoardColumn is one stage of the pipeline board with its cards.
type BoardColumn struct {
	Stage  model.Stage
	Cards  []DealRow
	Totals []CurrencyTotal // book currency first, then others alphabetically
}

// Next-step states of a card, in board order (Pipedrive's rule).
const (
	NextOverdue = iota
	NextToday
	NextLater
	NextNone
)

// NextState returns the card's next-step state on today at hhmm.
func (r DealRow) NextState(today model.Day, hhmm string) int {
	switch {
	case r.NextDue.IsZero():
		return NextNone
	case r.NextDue < today || (r.NextDue == today && r.NextTime != "" && r.NextTime < hhmm):
		return NextOverdue
	case r.NextDue == today:
		return NextToday
	}
	return NextLater
}

// ClosedWindowDays is how far back the Won and Lost columns reach.
const ClosedWindowDays = 90

// ClosedWindow is the span of the Won and Lost columns: the last
// ClosedWindowDays local calendar days, today included — the same
// definition as a report's "90d" period, so the board and Reports count the
// same closed deals.
func ClosedWindow(today model.Day) Period {
	return Period{From: today.AddDays(1 - ClosedWindowDays), To: today}
}

// Board loads the pipeline: a column per open stage, then Won and Lost
// (deals closed in the last ClosedWindowDays). Cards are ordered overdue
// next step first, then due today, later, none, then by value. A deal's
// next step is its own earliest open follow-up, else its customer's.
// filter narrows cards with the Customers filter syntax: free text matches
// the deal title, customer name or company.
func (d *DB) Board(ctx context.Context, filter model.Filter) ([]BoardColumn, error) {
	now := d.now()
	today := model.DayOf(now)
	hhmm := now.Format("15:04")
	set, err := loadSettings(ctx, d.r)
	if err != nil {
		return nil, err
	}
	stages, err := listStages(ctx, d.r)
	if err != nil {
		return nil, err
	}
	terms := filter.Terms
	filter.Terms = nil
	where, args, _, _ := customerWhere(CustomerQuery{Filter: filter}, set.Points.AtRiskThreshold)
	conds := []string{"d.archived_at IS NULL", where,
		"(d.status = 'open' OR d.closed_at >= ?)"}
	args = append(args, ClosedWindow(today).From.In(now.Location()).Unix())
	for _, term := range terms {
		t := strings.ToLower(term)
		conds = append(conds, "(instr(lower(d.title), ?) > 0 OR instr(lower(c.name), ?) > 0 OR instr(lower(c.company), ?) > 0)")
		args = append(args, t, t, t)
	}
	q := `SELECT d.id, d.customer_id, d.title, d.value_minor, d.currency, d.stage_id, coalesce(d.probability, -1), d.expected_close,
		d.stage_changed_at, d.status, coalesce(d.closed_at, 0), d.lost_reason, d.snoozed_until, d.snooze_reason, d.version,
		c.name, ds.stage_since, ds.rot_on,
		coalesce((SELECT min(f.due_date || ' ' || coalesce(f.due_time, '')) FROM followups f WHERE f.deal_id = d.id AND f.done_at IS NULL AND f.archived_at IS NULL),
		         s.next_followup_due || ' ' || coalesce(s.next_followup_time, ''), '')
		FROM deals d JOIN customers c ON c.id = d.customer_id JOIN customer_stats s ON s.customer_id = c.id
		LEFT JOIN deal_stats ds ON ds.deal_id = d.id
		WHERE ` + strings.Join(conds, " AND ")
	rows, err := d.r.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	cols := make([]BoardColumn, 0, len(stages))
	index := map[int64]int{}
	for _, s := range stages {
		index[s.ID] = len(cols)
		cols = append(cols, BoardColumn{Stage: s})
	}
	for rows.Next() {
		var r DealRow
		var since, rotOn model.Day
		var next string
		if err := scanRow(rows, "deals", &r.ID, &r.CustomerID, &r.Title, &r.ValueMinor, &r.Currency, &r.StageID, &r.Deal.Probability, &r.ExpectedClose,
			&r.StageChangedAt, &r.Status, &r.ClosedAt, &r.LostReason, &r.SnoozedUntil, &r.SnoozeReason, &r.Version,
			&r.Customer, &since, &rotOn, &next); err != nil {
			return nil, err
		}
		i, ok := index[r.StageID]
		if !ok {
			continue
		}
		st := cols[i].Stage
		r.Stage, r.StageKind, r.StagePos = st.Name, st.Kind, st.Position
		r.Probability = st.Probability
		if r.Deal.Probability >= 0 {
			r.Probability = r.Deal.Probability
		}
		if !since.IsZero() {
			r.DaysInStage = int(today - since)
		} else if r.ClosedAt > 0 {
			r.DaysInStage = int(today - model.DayOfUnix(r.ClosedAt, now.Location()))
		}
		if !rotOn.IsZero() && r.Status == model.DealOpen {
			r.Rotting = rotOn <= today
		}
		var err error
		if r.NextDue, r.NextTime, err = splitNext(next); err != nil {
			return nil, rowErr(err, "deals", r.ID, "the due date of its next follow-up")
		}
		cols[i].Cards = append(cols[i].Cards, r)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for i := range cols {
		c := &cols[i]
		sort.SliceStable(c.Cards, func(a, b int) bool {
			x, y := c.Cards[a], c.Cards[b]
			if c.Stage.Kind != model.StageOpen {
				return x.ClosedAt > y.ClosedAt
			}
			sx, sy := x.NextState(today, hhmm), y.NextState(today, hhmm)
			if sx != sy {
				return sx < sy
			}
			if x.ValueMinor != y.ValueMinor {
				return x.ValueMinor > y.ValueMinor
			}
			return x.ID < y.ID
		})
		c.Totals = columnTotals(c.Cards, set.Currency)
	}
	return cols, nil
}

func columnTotals(cards []DealRow, book string) []CurrencyTotal {
	by := map[string]*CurrencyTotal{}
	for _, r := range cards {
		t := by[r.Currency]
		if t == nil {
			t = &CurrencyTotal{Currency: r.Currency}
			by[r.Currency] = t
		}
		// Stored amounts are bounded (model.MaxAmountMajor); a hand-edited
		// one clamps the total instead of wrapping it negative.
		t.Total, _ = model.AddMinor(t.Total, r.ValueMinor)
		t.Weighted, _ = model.AddMinor(t.Weighted, r.ValueMinor/100*int64(r.Probability)+r.ValueMinor%100*int64(r.Probability)/100)
	}
	out := make([]CurrencyTotal, 0, len(by))
	for _, t := range by {
		out = append(out, *t)
	}
	sort.Slice(out, func(i, j int) bool {
		if (out[i].Currency == book) != (out[j].Currency == book) {
			return out[i].Currency == book
		}
		return out[i].Currency < out[j].Currency
	})
	return out
}
