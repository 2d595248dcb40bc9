package db

import (
	"context"
	"database/sql"
	"fmt"
	"maps"
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
	// Converted revenue goes onto a copy of rev (the caller's map stays as
	// it was); with no rate to convert at, rev is ranked as it is.
	book, copied := rev, false
	var groups []map[int64]int64
	for cur, byCustomer := range others {
		rate := set.rates[cur]
		if rate == nil {
			groups = append(groups, byCustomer)
			continue
		}
		if !copied {
			book, copied = make(map[int64]int64, len(rev)), true
			maps.Copy(book, rev)
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
// book) and customer, leaving out archived customers. The orders come
// straight off the covering revenue index and are added up here: a join
// with customers and a GROUP BY (a sort of every foreign order of the
// year) cost three times the scan itself on the reference book.
func foreignRevenue(ctx context.Context, q Querier, book string, from int64) (map[string]map[int64]int64, error) {
	archived, err := archivedCustomers(ctx, q)
	if err != nil {
		return nil, err
	}
	rows, err := q.QueryContext(ctx, `SELECT currency, customer_id, amount_minor FROM orders INDEXED BY orders_revenue
		WHERE archived_at IS NULL AND ordered_at >= ? AND currency <> ?`, from, book)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]map[int64]int64{}
	var cur string
	var sums map[int64]int64
	for rows.Next() {
		var c sql.RawBytes
		var id, amount int64
		if err := rows.Scan(&c, &id, &amount); err != nil {
			return nil, err
		}
		if archived[id] {
			continue
		}
		if sums == nil || string(c) != cur {
			cur = string(c)
			if sums = out[cur]; sums == nil {
				sums = map[int64]int64{}
				out[cur] = sums
			}
		}
		sums[id], _ = model.AddMinor(sums[id], amount) // clamped, never wrapped
	}
	return out, rows.Err()
}

// archivedCustomers returns the ids of the archived customers.
func archivedCustomers(ctx context.Context, q Querier) (map[int64]bool, error) {
	ids, err := queryIDs(ctx, q, `SELECT id FROM customers WHERE archived_at IS NOT NULL`)
	if err != nil {
		return nil, err
	}
	out := make(map[int64]bool, len(ids))
	for _, id := range ids {
		out[id] = true
	}
	return out, nil
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
