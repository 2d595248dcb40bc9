package db

import (
	"context"
	"database/sql"
	"errors"
	"math/big"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/model/i18n"
)

// Settings are the book's configuration, read from the settings table with
// defaults for everything missing.
type Settings struct {
	Currency       string
	DateOrder      model.DateOrder
	Cadence        map[model.Tier]int
	Points         model.RiskPoints
	RhythmOverride int                 // 0 = compute g from the book
	Rhythm         int                 // g as last computed (before the override)
	RefreshedOn    model.Day           // the local date of the last daily refresh
	RevenueFrom    int64               // the revenue window start customer_stats.revenue_365 is kept for
	Demo           string              // the date the demo book was built, "" for a real book
	TimeZone       string              // the book's IANA time zone ("" before one was set: the process's)
	Lang           i18n.Lang           // the language the book is shown in ("" = auto: the locale's)
	rates          map[string]*big.Rat // exchange rates into the book currency (see Rates)
	RatesOn        map[string]string   // the day each rate was set
	Horizon        int                 // H of the lapse model in days (risk.horizon, default 90)
	Lapse          *LapseModel         // the stored lapse fit (risk.fit); nil when none or unreadable
}

// EffectiveRhythm returns the g the risk engine uses.
func (s Settings) EffectiveRhythm() int {
	if s.RhythmOverride > 0 {
		return s.RhythmOverride
	}
	if s.Rhythm > 0 {
		return s.Rhythm
	}
	return 30
}

// configKey describes one user-settable setting.
type configKey struct {
	help  string
	check func(string) error
}

func intRange(lo, hi int) func(string) error {
	return func(v string) error {
		n, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil || n < lo || n > hi {
			return i18n.Errorf("%q must be a whole number from %d to %d", v, lo, hi)
		}
		return nil
	}
}

func intList(n, lo, hi int) func(string) error {
	return func(v string) error {
		parts := strings.Split(v, ",")
		if len(parts) != n {
			return i18n.Errorf("%q must be %d numbers separated by commas", v, n)
		}
		for _, p := range parts {
			if err := intRange(lo, hi)(p); err != nil {
				return err
			}
		}
		return nil
	}
}

// ConfigKeys lists the settings a user may read and change, with help text.
func ConfigKeys() map[string]string {
	out := map[string]string{}
	for k, v := range configKeys() {
		out[k] = v.help
	}
	return out
}

func configKeys() map[string]configKey {
	return map[string]configKey{
		"currency": {"book currency (ISO 4217 code, e.g. USD, CNY)", func(v string) error {
			if !model.ValidCurrency(v) {
				return i18n.Errorf("%q is not a currency code like USD or CNY", v)
			}
			return nil
		}},
		"timezone": {"the book's time zone (IANA name, e.g. Asia/Shanghai): every process dates the book's days in it", func(v string) error {
			if _, err := time.LoadLocation(v); err != nil || v == "" || v == "Local" {
				return i18n.Errorf("%q is not a time zone name like Asia/Shanghai, Europe/Berlin or UTC", v)
			}
			return nil
		}},
		"lang": {"the language rapport speaks: zh, en or auto (the locale's: LC_ALL, LC_MESSAGES, LANG)", func(v string) error {
			_, err := i18n.ParseSetting(v)
			return err
		}},
		"date_order": {"how 12/01 reads: mdy (December 1) or dmy (12 January)", func(v string) error {
			if v != "mdy" && v != "dmy" {
				return i18n.Errorf("%q must be mdy or dmy", v)
			}
			return nil
		}},
		"cadence.A":             {"days between touches for tier A (default 14)", intRange(1, 3650)},
		"cadence.B":             {"days between touches for tier B (default 30)", intRange(1, 3650)},
		"cadence.C":             {"days between touches for tier C (default 60)", intRange(1, 3650)},
		"rhythm":                {"override the book's rhythm g in days (0 = compute it)", intRange(0, 365)},
		"risk.silence":          {"points for silence at 1x,1.5x,2x,3x the rhythm (default 20,30,40,50)", intList(4, 0, 100)},
		"risk.horizon":          {"days without an order that count as lost, for the lapse model (default 90; a change refits it)", intRange(14, 365)},
		"risk.unanswered":       {"points for 2, 3+ unanswered outreaches (default 20,30)", intList(2, 0, 100)},
		"risk.complaint_open":   {"points for an open complaint (default 25)", intRange(0, 100)},
		"risk.complaint_recent": {"points for a complaint resolved in the last 60 days (default 10)", intRange(0, 100)},
		"risk.detractor":        {"points for a low rating or negative last contact (default 15)", intRange(0, 100)},
		"risk.cooling":          {"points for contact frequency halving (default 10)", intRange(0, 100)},
		"risk.stalled_deal":     {"points for a rotting deal (default 10)", intRange(0, 100)},
		"risk.overdue":          {"points for an overdue follow-up (default 10)", intRange(0, 100)},
		"risk.watch":            {"score from which a customer is on watch (default 25)", intRange(1, 100)},
		"risk.at_risk":          {"score from which a customer is at risk (default 50)", intRange(1, 100)},
		careTiersKey:            {"tiers whose birthdays, anniversaries and holidays Today's Care section shows (default A,B)", func(v string) error { _, err := parseCareTiers(v); return err }},
		careDaysKey:             {"days ahead Today's Care section looks (default 7)", intRange(0, 60)},
	}
}

// ValidateConfig checks a setting before it is stored.
func ValidateConfig(key, value string) error {
	if code, ok := strings.CutPrefix(key, "rate."); ok {
		if !model.ValidCurrency(code) {
			return i18n.Errorf("%q is not a currency code like CNY: set a rate with rapport config rate CNY 0.14", code)
		}
		return validRate(value)
	}
	k, ok := configKeys()[key]
	if !ok {
		names := make([]string, 0)
		for n := range configKeys() {
			names = append(names, n)
		}
		sort.Strings(names)
		return i18n.Errorf("%q is not a setting; settings are: %s", key, strings.Join(names, ", "))
	}
	return k.check(value)
}

func loadSettings(ctx context.Context, q Querier) (Settings, error) {
	s := Settings{
		Currency: "USD",
		Cadence:  map[model.Tier]int{model.TierA: 14, model.TierB: 30, model.TierC: 60},
		Points:   model.DefaultRiskPoints(),
		Horizon:  model.LapseHorizonDays,
	}
	rows, err := q.QueryContext(ctx, `SELECT key, value FROM settings`)
	if err != nil {
		return s, err
	}
	defer rows.Close()
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			return s, err
		}
		applySetting(&s, k, v)
	}
	return s, rows.Err()
}

func atoi(v string) int {
	n, _ := strconv.Atoi(strings.TrimSpace(v))
	return n
}

func ints(v string) []int {
	var out []int
	for _, p := range strings.Split(v, ",") {
		out = append(out, atoi(p))
	}
	return out
}

func applySetting(s *Settings, k, v string) {
	p := &s.Points
	switch k {
	case "currency":
		s.Currency = v
	case "date_order":
		if v == "dmy" {
			s.DateOrder = model.DayFirst
		}
	case "cadence.A", "cadence.B", "cadence.C":
		if n := atoi(v); n > 0 {
			s.Cadence[model.Tier(k[len(k)-1:])] = n
		}
	case "rhythm":
		s.RhythmOverride = atoi(v)
	case "rhythm.computed":
		s.Rhythm = atoi(v)
	case "revenue.from":
		s.RevenueFrom, _ = strconv.ParseInt(v, 10, 64)
	case "refreshed_on":
		s.RefreshedOn, _ = model.ParseDay(v)
	case "timezone":
		s.TimeZone = v
	case "lang":
		s.Lang, _ = i18n.ParseSetting(v)
	default:
		if code, ok := strings.CutPrefix(k, "rate."); ok {
			if cur, on := strings.CutSuffix(code, ".on"); on {
				if s.RatesOn == nil {
					s.RatesOn = map[string]string{}
				}
				s.RatesOn[cur] = v
			} else if r, ok := new(big.Rat).SetString(v); ok && r.Sign() > 0 && model.ValidCurrency(code) {
				if s.rates == nil {
					s.rates = map[string]*big.Rat{}
				}
				s.rates[code] = r
			}
		}
	case "demo":
		s.Demo = v
	case "risk.silence":
		if x := ints(v); len(x) == 4 {
			copy(p.Silence[:], x)
		}
	case "risk.horizon":
		if n := atoi(v); n >= 14 && n <= 365 {
			s.Horizon = n
		}
	case lapseFitKey:
		if m, ok := parseFit(v); ok {
			s.Lapse = &m
		}
	case "risk.unanswered":
		if x := ints(v); len(x) == 2 {
			copy(p.Unanswered[:], x)
		}
	case "risk.complaint_open":
		p.ComplaintOpen = atoi(v)
	case "risk.complaint_recent":
		p.ComplaintRecent = atoi(v)
	case "risk.detractor":
		p.Detractor = atoi(v)
	case "risk.cooling":
		p.Cooling = atoi(v)
	case "risk.stalled_deal":
		p.StalledDeal = atoi(v)
	case "risk.overdue":
		p.Overdue = atoi(v)
	case "risk.watch":
		p.WatchThreshold = atoi(v)
	case "risk.at_risk":
		p.AtRiskThreshold = atoi(v)
	}
}

// Settings reads the book's settings.
func (d *DB) Settings(ctx context.Context) (Settings, error) { return loadSettings(ctx, d.r) }

// Setting returns one raw setting value ("" when unset).
func (d *DB) Setting(ctx context.Context, key string) (string, error) {
	var v string
	err := d.r.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = ?`, key).Scan(&v)
	if err == sql.ErrNoRows {
		return "", nil
	}
	return v, err
}

// AllSettings returns every stored setting.
func (d *DB) AllSettings(ctx context.Context) (map[string]string, error) {
	rows, err := d.r.QueryContext(ctx, `SELECT key, value FROM settings`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			return nil, err
		}
		out[k] = v
	}
	return out, rows.Err()
}

// SetConfig changes a user setting as one undoable command. Settings that
// change risk, cadence, the rhythm, the currency or the time zone change
// every customer's stats: those are computed on a read snapshot outside
// the write lock, and written under a short transaction that first checks
// the book did not change meanwhile; when it keeps changing (configAttempts
// times), they are recomputed inside the lock as before.
func (d *DB) SetConfig(ctx context.Context, key, value string) error {
	value = strings.TrimSpace(value)
	if err := ValidateConfig(key, value); err != nil {
		return err
	}
	err := errSnapshotMoved
	if recomputesAll(key) && !d.readOnly {
		for attempt := 0; attempt < configAttempts && errors.Is(err, errSnapshotMoved); attempt++ {
			err = d.setConfigFromSnapshot(ctx, key, value)
		}
	}
	if errors.Is(err, errSnapshotMoved) {
		err = d.setConfigInLock(ctx, key, value)
	}
	if err == nil && key == "timezone" {
		loc, _ := time.LoadLocation(value)
		d.zone.Store(loc)
	}
	return err
}

// setConfigInLock changes a setting and recomputes what it changes in one
// write transaction.
func (d *DB) setConfigInLock(ctx context.Context, key, value string) error {
	return d.Write(ctx, "config "+key+" = "+value, func(t *Tx) error {
		if err := t.setSetting(key, value); err != nil {
			return err
		}
		if strings.HasPrefix(key, "rate.") {
			// The day it was set, shown beside it; tiers use it from the
			// next segmentation (rapport segment, or the next day).
			if err := t.setSetting(key+".on", t.Today().String()); err != nil {
				return err
			}
		}
		if key == "timezone" {
			// Every local date moves: recompute everyone in the new zone.
			loc, _ := time.LoadLocation(value)
			t.now = t.now.In(loc)
		}
		if recomputesAll(key) {
			t.TouchAll()
		}
		return nil
	})
}

// setSetting writes a setting, journaled like any row.
func (t *Tx) setSetting(key, value string) error {
	before, err := t.image("settings", key)
	if err != nil {
		return err
	}
	if _, err := t.tx.ExecContext(t.ctx, `INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, value); err != nil {
		return err
	}
	after, err := t.image("settings", key)
	if err != nil {
		return err
	}
	return t.journal("settings", 0, before, after)
}

// setSystemSetting writes bookkeeping settings that are not user commands.
func setSystemSetting(ctx context.Context, q Querier, key, value string) error {
	_, err := q.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, value)
	return err
}
