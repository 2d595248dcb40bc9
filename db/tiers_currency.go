package db

import (
	"context"
	"fmt"
	"math/big"
	"sort"
	"strings"
	"time"

	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/model/i18n"
)

// RateKey is the setting that holds the exchange rate of a currency: how
// many units of the book currency one unit of it is worth ("rate.CNY" =
// "0.14" in a USD book). RateKey+".on" holds the day it was set.
func RateKey(currency string) string { return "rate." + strings.ToUpper(currency) }

// Rates returns the exchange rates the user set, by currency code.
func (s Settings) Rates() map[string]*big.Rat { return s.rates }

// RateNotes describes each rate for reports: "1 CNY = 0.140000 USD, set 2026-11-23".
func (s Settings) RateNotes() []string {
	codes := make([]string, 0, len(s.rates))
	for c := range s.rates {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	out := make([]string, 0, len(codes))
	for _, c := range codes {
		out = append(out, fmt.Sprintf("1 %s = %s %s, set %s", c, s.rates[c].FloatString(6), s.Currency, s.RatesOn[c]))
	}
	return out
}

// validRate checks a rate value: a positive decimal number.
func validRate(v string) error {
	r, ok := new(big.Rat).SetString(strings.TrimSpace(v))
	if !ok || r.Sign() <= 0 || len(v) > 30 {
		return i18n.Errorf("%q is not an exchange rate: give how much one unit is worth in the book currency, like 0.14", v)
	}
	return nil
}

// UnrankedCurrencies lists the currencies with revenue in the window that
// have no exchange rate: their customers are ranked A/B/C among themselves.
func UnrankedCurrencies(ctx context.Context, q Querier, now time.Time) ([]string, error) {
	set, err := loadSettings(ctx, q)
	if err != nil {
		return nil, err
	}
	// The currencies alone, from the covering revenue index (no per-customer
	// sums: the report only names them).
	rows, err := q.QueryContext(ctx, `SELECT DISTINCT currency FROM orders INDEXED BY orders_revenue
		WHERE archived_at IS NULL AND ordered_at >= ? AND currency <> ?`, revenueFrom(model.DayOf(now), now.Location()), set.Currency)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var cur string
		if err := rows.Scan(&cur); err != nil {
			return nil, err
		}
		if set.rates[cur] == nil {
			out = append(out, cur)
		}
	}
	sort.Strings(out)
	return out, rows.Err()
}

// AssignTiers is the segmentation's tier rule for a book, for writers that
// load a whole book themselves (the demo): rev is each customer's revenue
// in the book currency over the window; orders in other currencies are
// read through q (see tiersAcrossCurrencies).
func AssignTiers(ctx context.Context, q Querier, rev map[int64]int64, now time.Time) (map[int64]model.Tier, error) {
	return tiersAcrossCurrencies(ctx, q, rev, now)
}

// tiersAcrossCurrencies assigns tiers from the book-currency revenue rev
// and the window's orders in other currencies: a currency with a rate is
// converted and ranked with the book currency; the customers of a currency
// without one are ranked among themselves. A customer ranked in several
// groups gets its best tier.
func tiersAcrossCurrencies(ctx context.Context, q Querier, rev map[int64]int64, now time.Time) (map[int64]model.Tier, error) {
	set, err := loadSettings(ctx, q)
	if err != nil {
		return nil, err
	}
	others, err := foreignRevenue(ctx, q, set.Currency, revenueFrom(model.DayOf(now), now.Location()))
	if err != nil {
		return nil, err
	}
	if len(others) == 0 {
		return model.AssignTiers(rev), nil
	}
	book := make(map[int64]int64, len(rev))
	for id, v := range rev {
		book[id] = v
	}
	var groups []map[int64]int64
	for cur, byCustomer := range others {
		rate := set.rates[cur]
		if rate == nil {
			groups = append(groups, byCustomer)
			continue
		}
		for id, minor := range byCustomer {
			book[id], _ = model.AddMinor(book[id], convertMinor(minor, cur, set.Currency, rate))
		}
	}
	tiers := model.AssignTiers(book)
	for _, g := range groups {
		for id, t := range model.AssignTiers(g) {
			if cur, ok := tiers[id]; !ok || t < cur {
				tiers[id] = t // "A" < "B" < "C"
			}
		}
	}
	return tiers, nil
}

// foreignRevenue sums the live orders since from per currency (other than
// book) and customer.
func foreignRevenue(ctx context.Context, q Querier, book string, from int64) (map[string]map[int64]int64, error) {
	rows, err := q.QueryContext(ctx, `SELECT o.currency, o.customer_id, sum(o.amount_minor) FROM orders o INDEXED BY orders_revenue
		JOIN customers c ON c.id = o.customer_id
		WHERE o.archived_at IS NULL AND o.ordered_at >= ? AND o.currency <> ? AND c.archived_at IS NULL
		GROUP BY o.currency, o.customer_id`, from, book)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]map[int64]int64{}
	for rows.Next() {
		var cur string
		var id, sum int64
		if err := rows.Scan(&cur, &id, &sum); err != nil {
			return nil, err
		}
		if out[cur] == nil {
			out[cur] = map[int64]int64{}
		}
		out[cur][id] = sum
	}
	return out, rows.Err()
}

// convertMinor converts an amount in minor units of from into minor units
// of to at rate (units of to per unit of from), rounded down, clamped.
func convertMinor(minor int64, from, to string, rate *big.Rat) int64 {
	v := new(big.Rat).SetInt64(minor)
	v.Mul(v, rate)
	v.Mul(v, new(big.Rat).SetFrac(pow10Int(model.CurrencyDigits(to)), pow10Int(model.CurrencyDigits(from))))
	n := new(big.Int).Quo(v.Num(), v.Denom())
	if !n.IsInt64() {
		return model.MaxAmountMinor(to)
	}
	return n.Int64()
}

func pow10Int(n int) *big.Int { return new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(n)), nil) }
