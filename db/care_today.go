package db

import (
	"context"
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
	// lastContact is the customer's last contact (unix seconds): a row
	// with none since the greeting window began needs no look at its history.
	lastContact int64
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
	greeted := func(it CareItem) (bool, error) {
		cid, on := it.CustomerID, it.On
		if it.lastContact < on.AddDays(-days).In(loc).Unix() {
			return false, nil // no contact at all since: not greeted
		}
		var n int
		err := d.r.QueryRowContext(ctx, `SELECT count(*) FROM interactions WHERE customer_id = ? AND occurred_at >= ? AND direction = 'outbound' AND kind <> 'note' AND archived_at IS NULL`,
			cid, on.AddDays(-days).In(loc).Unix()).Scan(&n)
		return n > 0, err
	}
	rows, err := d.r.QueryContext(ctx, `SELECT cd.kind, cd.label, cd.day, cd.yearly, c.id, c.name, s.tier, coalesce(ct.name, ''), coalesce(s.last_contact_at, 0)
		FROM care_dates cd INDEXED BY care_dates_month_day JOIN customer_stats s ON s.customer_id = cd.customer_id JOIN customers c ON c.id = cd.customer_id
		LEFT JOIN contacts ct ON ct.id = cd.contact_id
		WHERE substr(cd.day, -5) IN (`+placeholders(len(mds))+`) AND cd.archived_at IS NULL AND s.active = 1
		AND s.tier IN (`+in+`) AND (cd.contact_id IS NULL OR ct.archived_at IS NULL)`, mds...)
	if err != nil {
		return cl, err
	}
	for rows.Next() {
		var it CareItem
		var day, tier string
		var yearly bool
		if err := rows.Scan(&it.Kind, &it.Label, &day, &yearly, &it.CustomerID, &it.Customer, &tier, &it.Contact, &it.lastContact); err != nil {
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
		g, err := greeted(it)
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
// window, for customers of the tiers with no anniversary set: for each
// earlier year, an index range of first_orders (kept by triggers on
// orders) over the window's days that year.
func (d *DB) firstOrderAnniversaries(ctx context.Context, tierIn string, cl CareList) ([]CareItem, error) {
	zone := d.now().Location()
	var first int64
	if err := d.r.QueryRowContext(ctx, `SELECT coalesce(min(first_at), 0) FROM first_orders`).Scan(&first); err != nil || first == 0 {
		return nil, err
	}
	fromY, thisY := model.DayOfUnix(first, zone).UTC().Year(), cl.From.UTC().Year()
	var parts []string
	var args []any
	for y := fromY; y < thisY; y++ {
		back := thisY - y
		start := model.DayOf(cl.From.UTC().AddDate(-back, 0, 0)).In(zone).Unix()
		end := model.DayOf(cl.To.UTC().AddDate(-back, 0, 1)).In(zone).Unix()
		parts = append(parts, `SELECT customer_id, first_at FROM first_orders INDEXED BY first_orders_at WHERE first_at >= ? AND first_at < ?`)
		args = append(args, start, end)
	}
	if len(parts) == 0 {
		return nil, nil
	}
	rows, err := d.r.QueryContext(ctx, `WITH cand(cid, first_at) AS MATERIALIZED (`+strings.Join(parts, " UNION ALL ")+`)
		SELECT c.id, c.name, s.tier, cand.first_at, coalesce(s.last_contact_at, 0)
		FROM cand CROSS JOIN customer_stats s ON s.customer_id = cand.cid CROSS JOIN customers c ON c.id = cand.cid
		WHERE s.active = 1 AND s.tier IN (`+tierIn+`)
		AND NOT EXISTS (SELECT 1 FROM care_dates cd WHERE cd.customer_id = c.id AND cd.kind = 'anniversary' AND cd.archived_at IS NULL)`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []CareItem
	for rows.Next() {
		var it CareItem
		var tier string
		var first int64
		if err := rows.Scan(&it.CustomerID, &it.Customer, &tier, &first, &it.lastContact); err != nil {
			return nil, err
		}
		day := model.DayOfUnix(first, zone).String()
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
// row), tier by tier in name order. It returns up to limit rows per day
// and the count of all of them. Who was greeted comes from the outbound
// contacts since (the interactions_at index), not from a look at every
// customer's history.
func (d *DB) holidayCare(ctx context.Context, tierIn string, cl CareList, days, limit int) ([]CareItem, int, error) {
	hs, err := holidays(ctx, d.r)
	if err != nil {
		return nil, 0, err
	}
	byDay := map[model.Day][]string{}
	var order []model.Day
	for _, h := range hs {
		if on := h.Next(cl.From); on <= cl.To {
			if byDay[on] == nil {
				order = append(order, on)
			}
			byDay[on] = append(byDay[on], h.Name)
		}
	}
	if len(order) == 0 {
		return nil, 0, nil
	}
	var everyone int
	if err := d.r.QueryRowContext(ctx, `SELECT count(*) FROM customer_stats WHERE active = 1 AND tier IN (`+tierIn+`)`).Scan(&everyone); err != nil {
		return nil, 0, err
	}
	loc := d.now().Location()
	var out []CareItem
	total := 0
	for _, on := range order {
		since := on.AddDays(-days).In(loc).Unix()
		greeted := map[int64]bool{}
		rows, err := d.r.QueryContext(ctx, `SELECT DISTINCT i.customer_id FROM interactions i INDEXED BY interactions_at
			CROSS JOIN customer_stats s ON s.customer_id = i.customer_id
			WHERE i.occurred_at >= ? AND i.direction = 'outbound' AND i.kind <> 'note' AND i.archived_at IS NULL
			AND s.active = 1 AND s.tier IN (`+tierIn+`)`, since)
		if err != nil {
			return nil, 0, err
		}
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return nil, 0, err
			}
			greeted[id] = true
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, 0, err
		}
		total += everyone - len(greeted)
		label := strings.Join(byDay[on], " / ")
		got := 0
		// Tier by tier, walking the name index: a page needs only the
		// first names of each tier, never a sort of everyone.
		for _, tier := range cl.Tiers {
			if limit > 0 && got >= limit {
				break
			}
			rows, err := d.r.QueryContext(ctx, `SELECT c.id, c.name FROM customers c INDEXED BY customers_name CROSS JOIN customer_stats s ON s.customer_id = c.id
				WHERE s.tier = ? AND s.active = 1 ORDER BY c.name COLLATE NOCASE`, string(tier))
			if err != nil {
				return nil, 0, err
			}
			for rows.Next() && (limit <= 0 || got < limit) {
				it := CareItem{Kind: CareHoliday, Label: label, On: on, InDays: int(on - cl.From), Tier: tier}
				if err := rows.Scan(&it.CustomerID, &it.Customer); err != nil {
					rows.Close()
					return nil, 0, err
				}
				if greeted[it.CustomerID] {
					continue
				}
				out = append(out, it)
				got++
			}
			rows.Close()
			if err := rows.Err(); err != nil {
				return nil, 0, err
			}
		}
	}
	return out, total, nil
}
