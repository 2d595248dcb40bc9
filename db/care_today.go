package db

import (
	"context"
	"fmt"
	"github.com/rapportcrm/rapport/model/i18n"
	"sort"
	"strconv"
	"strings"

	"github.com/rapportcrm/rapport/model"
)

// Care settings and their defaults: the Care section shows the next
// care.days days (7) for customers of the tiers in care.tiers (A and B).
const (
	careTiersKey    = "care.tiers"
	careDaysKey     = "care.days"
	defaultCareDays = 7
)

// CareHoliday is the kind of a Care row for a holiday.
const CareHoliday = "holiday"

// CareItem is one row of Today's Care section: a birthday, anniversary,
// labelled date or holiday coming up for a customer not yet greeted.
type CareItem struct {
	// Kind is "birthday", "anniversary", "date" or "holiday".
	Kind       string
	CustomerID int64
	Customer   string
	Tier       model.Tier
	Contact    string // whose birthday (a contact's), "" for the customer's own
	Label      string // the date's label or the holiday's name(s)
	On         model.Day
	InDays     int
	Years      int  // age or years together; 0 when the year is not known
	FirstOrder bool // an anniversary of the first order (no date set)
}

// Purpose is the template purpose the row asks for.
func (c CareItem) Purpose() string {
	switch c.Kind {
	case string(model.CareBirthday):
		return model.PurposeBirthday
	case string(model.CareAnniversary):
		return model.PurposeAnniversary
	case CareHoliday:
		return model.PurposeHoliday
	}
	return ""
}

// CareList is the Care section: its rows (up to the limit asked) and how
// many there are in all.
type CareList struct {
	From, To model.Day
	Tiers    []model.Tier
	Items    []CareItem
	Total    int
}

// careSettings reads care.tiers and care.days.
func careSettings(ctx context.Context, q Querier) ([]model.Tier, int, error) {
	tiers := []model.Tier{model.TierA, model.TierB}
	days := defaultCareDays
	rows, err := q.QueryContext(ctx, `SELECT key, value FROM settings WHERE key IN (?, ?)`, careTiersKey, careDaysKey)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			return nil, 0, err
		}
		switch k {
		case careTiersKey:
			if ts, err := parseCareTiers(v); err == nil {
				tiers = ts
			}
		case careDaysKey:
			if n, err := strconv.Atoi(strings.TrimSpace(v)); err == nil && n >= 0 && n <= 60 {
				days = n
			}
		}
	}
	return tiers, days, rows.Err()
}

// parseCareTiers reads "A,B", "AB" or "A B C".
func parseCareTiers(v string) ([]model.Tier, error) {
	var out []model.Tier
	seen := map[model.Tier]bool{}
	for _, r := range strings.ToUpper(v) {
		switch r {
		case 'A', 'B', 'C':
			if t := model.Tier(string(r)); !seen[t] {
				seen[t] = true
				out = append(out, t)
			}
		case ',', ' ':
		default:
			return nil, i18n.Errorf("%q must be tiers like A,B (A, B and C)", v)
		}
	}
	if len(out) == 0 {
		return nil, i18n.Errorf("%q must name at least one tier, like A,B", v)
	}
	return out, nil
}

// Care reads the Care section: birthdays, anniversaries, labelled dates
// and holidays from today to care.days days ahead, for live customers
// of the care tiers who have had no outbound contact since a week (the
// window) before the day. limit caps the rows (0 = all); Total counts all.
// Anniversaries without a date set fall on the day of the first order,
// from its first year on.
func (d *DB) Care(ctx context.Context, limit int) (CareList, error) {
	now := d.now()
	loc := now.Location()
	today := model.DayOf(now)
	tiers, days, err := careSettings(ctx, d.r)
	if err != nil {
		return CareList{}, err
	}
	cl := CareList{From: today, To: today.AddDays(days), Tiers: tiers}
	tierIn := make([]string, len(tiers))
	for i, t := range tiers {
		tierIn[i] = "'" + string(t) + "'"
	}
	in := strings.Join(tierIn, ",")
	// Month-days of the window ('MM-DD'); 02-29 also when the window holds
	// 28 February of a year without a 29th.
	var mds []any
	for day := cl.From; day <= cl.To; day++ {
		t := day.UTC()
		mds = append(mds, t.Format("01-02"))
		if t.Month() == 2 && t.Day() == 28 && day.AddDays(1).UTC().Day() == 1 {
			mds = append(mds, "02-29")
		}
	}
	var items []CareItem
	// greetedSince: an outbound contact on or after this day counts as the greeting.
	greeted := func(cid int64, on model.Day) (bool, error) {
		var n int
		err := d.r.QueryRowContext(ctx, `SELECT count(*) FROM interactions WHERE customer_id = ? AND occurred_at >= ? AND direction = 'outbound' AND kind <> 'note' AND archived_at IS NULL`,
			cid, on.AddDays(-days).In(loc).Unix()).Scan(&n)
		return n > 0, err
	}
	rows, err := d.r.QueryContext(ctx, `SELECT cd.kind, cd.label, cd.day, cd.yearly, c.id, c.name, c.tier, coalesce(ct.name, '')
		FROM care_dates cd INDEXED BY care_dates_month_day JOIN customers c ON c.id = cd.customer_id LEFT JOIN contacts ct ON ct.id = cd.contact_id
		WHERE substr(cd.day, -5) IN (`+placeholders(len(mds))+`) AND cd.archived_at IS NULL AND c.archived_at IS NULL AND c.lifecycle <> 'churned'
		AND c.tier IN (`+in+`) AND (cd.contact_id IS NULL OR ct.archived_at IS NULL)`, mds...)
	if err != nil {
		return cl, err
	}
	for rows.Next() {
		var it CareItem
		var day, tier string
		var yearly bool
		if err := rows.Scan(&it.Kind, &it.Label, &day, &yearly, &it.CustomerID, &it.Customer, &tier, &it.Contact); err != nil {
			rows.Close()
			return cl, err
		}
		on, ok := model.NextCareDay(day, yearly, today)
		if !ok || on > cl.To {
			continue
		}
		it.Tier, it.On, it.InDays, it.Years = model.Tier(tier), on, int(on-today), model.CareYears(day, on)
		items = append(items, it)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return cl, err
	}
	first, err := d.firstOrderAnniversaries(ctx, in, cl)
	if err != nil {
		return cl, err
	}
	items = append(items, first...)
	kept := items[:0]
	for _, it := range items {
		g, err := greeted(it.CustomerID, it.On)
		if err != nil {
			return cl, err
		}
		if !g {
			kept = append(kept, it)
		}
	}
	items = kept
	hol, total, err := d.holidayCare(ctx, in, cl, days, limit)
	if err != nil {
		return cl, err
	}
	kindOrder := map[string]int{"birthday": 0, "anniversary": 1, "date": 2, CareHoliday: 3}
	items = append(items, hol...)
	sort.SliceStable(items, func(i, j int) bool {
		a, b := items[i], items[j]
		if a.On != b.On {
			return a.On < b.On
		}
		if kindOrder[a.Kind] != kindOrder[b.Kind] {
			return kindOrder[a.Kind] < kindOrder[b.Kind]
		}
		if a.Tier != b.Tier {
			return a.Tier < b.Tier
		}
		return a.Customer < b.Customer
	})
	cl.Total = len(items) - len(hol) + total
	if limit > 0 && len(items) > limit {
		items = items[:limit]
	}
	cl.Items = items
	return cl, nil
}

// firstOrderAnniversaries are the anniversaries of first orders in the
// window, for customers of the tiers with no anniversary set.
func (d *DB) firstOrderAnniversaries(ctx context.Context, tierIn string, cl CareList) ([]CareItem, error) {
	zone := d.now().Location()
	rows, err := d.r.QueryContext(ctx, `SELECT c.id, c.name, c.tier, (SELECT min(o.ordered_at) FROM orders o WHERE o.customer_id = c.id AND o.archived_at IS NULL)
		FROM customer_stats s JOIN customers c ON c.id = s.customer_id
		WHERE s.active = 1 AND s.order_count > 0 AND c.tier IN (`+tierIn+`)
		AND NOT EXISTS (SELECT 1 FROM care_dates cd WHERE cd.customer_id = c.id AND cd.kind = 'anniversary' AND cd.archived_at IS NULL)`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []CareItem
	for rows.Next() {
		var it CareItem
		var tier string
		var first *int64
		if err := rows.Scan(&it.CustomerID, &it.Customer, &tier, &first); err != nil {
			return nil, err
		}
		if first == nil {
			continue
		}
		day := model.DayOfUnix(*first, zone).String()
		on, ok := model.NextCareDay(day, true, cl.From)
		if !ok || on > cl.To || model.CareYears(day, on) < 1 {
			continue
		}
		it.Kind, it.Tier, it.On, it.InDays, it.Years, it.FirstOrder = string(model.CareAnniversary), model.Tier(tier), on, int(on-cl.From), model.CareYears(day, on), true
		out = append(out, it)
	}
	return out, rows.Err()
}

// holidayCare are the holiday rows: every customer of the tiers not yet
// greeted, for each holiday in the window (holidays on one day share a
// row). It returns up to limit rows per day and the count of all of them.
func (d *DB) holidayCare(ctx context.Context, tierIn string, cl CareList, days, limit int) ([]CareItem, int, error) {
	hs, err := holidays(ctx, d.r)
	if err != nil {
		return nil, 0, err
	}
	byDay := map[model.Day][]string{}
	for _, h := range hs {
		if on := h.Next(cl.From); on <= cl.To {
			byDay[on] = append(byDay[on], h.Name)
		}
	}
	loc := d.now().Location()
	var out []CareItem
	total := 0
	lim := ""
	if limit > 0 {
		lim = fmt.Sprintf(" LIMIT %d", limit)
	}
	for on, names := range byDay {
		since := on.AddDays(-days).In(loc).Unix()
		where := `FROM customer_stats s JOIN customers c ON c.id = s.customer_id WHERE s.active = 1 AND c.tier IN (` + tierIn + `)
			AND NOT EXISTS (SELECT 1 FROM interactions i WHERE i.customer_id = c.id AND i.occurred_at >= ?1 AND i.direction = 'outbound' AND i.kind <> 'note' AND i.archived_at IS NULL)`
		var n int
		if err := d.r.QueryRowContext(ctx, `SELECT count(*) `+where, since).Scan(&n); err != nil {
			return nil, 0, err
		}
		total += n
		rows, err := d.r.QueryContext(ctx, `SELECT c.id, c.name, c.tier `+where+` ORDER BY c.tier, c.name, c.id`+lim, since)
		if err != nil {
			return nil, 0, err
		}
		label := strings.Join(names, " / ")
		for rows.Next() {
			it := CareItem{Kind: CareHoliday, Label: label, On: on, InDays: int(on - cl.From)}
			var tier string
			if err := rows.Scan(&it.CustomerID, &it.Customer, &tier); err != nil {
				rows.Close()
				return nil, 0, err
			}
			it.Tier = model.Tier(tier)
			out = append(out, it)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, 0, err
		}
	}
	return out, total, nil
}
