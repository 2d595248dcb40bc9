package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/model/i18n"
)

// goalRow reads goals.
var goalRow = rowShape[goalScan]{
	table: "goals",
	cols:  `id, measure, period, target, currency, created_at, updated_at, coalesce(archived_at, 0), version`,
	dest: func(g *goalScan) []any {
		return []any{&g.ID, &g.Measure, &g.period, &g.Target, &g.Currency, &g.CreatedAt, &g.UpdatedAt, &g.ArchivedAt, &g.Version}
	},
}

// goalScan is a goal as stored: its period as text.
type goalScan struct {
	model.Goal
	period string
}

func (g goalScan) goal() (model.Goal, error) {
	p, err := model.ParseGoalPeriod(g.period)
	if err != nil {
		return model.Goal{}, &RowError{Table: "goals", ID: g.ID, Column: "period", Err: err}
	}
	out := g.Goal
	out.Period = p
	return out, nil
}

// SetGoal sets the target of a measure for a period: it creates the goal,
// or changes the target of the live one. Money goals default to the book
// currency.
func (d *DB) SetGoal(ctx context.Context, g model.Goal) (model.Goal, error) {
	var out model.Goal
	err := d.Write(ctx, fmt.Sprintf("set goal %s %s", g.Measure.Label(), g.Period), func(t *Tx) error {
		if g.Measure.IsMoney() && g.Currency == "" {
			set, err := loadSettings(ctx, t.tx)
			if err != nil {
				return err
			}
			g.Currency = set.Currency
		}
		if !g.Measure.IsMoney() {
			g.Currency = ""
		}
		if err := g.Validate(); err != nil {
			return err
		}
		cur, err := liveGoal(ctx, t.tx, g.Measure, g.Period)
		switch {
		case errors.Is(err, model.ErrNotFound):
			id, err := t.Insert("goals", []string{"measure", "period", "target", "currency"},
				[]any{string(g.Measure), g.Period.String(), g.Target, g.Currency})
			if err != nil {
				return mapError(err)
			}
			g.ID = id
		case err != nil:
			return err
		default:
			if err := t.Update("goals", cur.ID, cur.Version, []string{"target", "currency"}, []any{g.Target, g.Currency}); err != nil {
				return err
			}
			g.ID = cur.ID
		}
		out = g
		return nil
	})
	return out, err
}

// RemoveGoal archives the live goal of a measure for a period.
func (d *DB) RemoveGoal(ctx context.Context, m model.GoalMeasure, p model.GoalPeriod) (model.Goal, error) {
	var out model.Goal
	err := d.Write(ctx, fmt.Sprintf("remove goal %s %s", m.Label(), p), func(t *Tx) error {
		g, err := liveGoal(ctx, t.tx, m, p)
		if err != nil {
			return err
		}
		out = g
		return t.Update("goals", g.ID, g.Version, []string{"archived_at"}, []any{t.now.Unix()})
	})
	return out, err
}

func liveGoal(ctx context.Context, q Querier, m model.GoalMeasure, p model.GoalPeriod) (model.Goal, error) {
	gs, err := goalRow.all(ctx, q, `WHERE measure = ? AND period = ? AND archived_at IS NULL`, string(m), p.String())
	if err != nil {
		return model.Goal{}, err
	}
	if len(gs) == 0 {
		return model.Goal{}, i18n.Errorf("no %s goal for %s: %w", m.Label(), p, model.ErrNotFound)
	}
	return gs[0].goal()
}

// Goals returns the live goals, by period then measure.
func (d *DB) Goals(ctx context.Context) ([]model.Goal, error) {
	return goals(ctx, d.r)
}

func goals(ctx context.Context, q Querier) ([]model.Goal, error) {
	rows, err := goalRow.all(ctx, q, `WHERE archived_at IS NULL`)
	if err != nil {
		return nil, err
	}
	out := make([]model.Goal, 0, len(rows))
	for _, r := range rows {
		g, err := r.goal()
		if err != nil {
			return nil, err
		}
		out = append(out, g)
	}
	order := map[model.GoalMeasure]int{}
	for i, m := range model.GoalMeasures() {
		order[m] = i
	}
	sort.SliceStable(out, func(i, j int) bool {
		fi, _ := out[i].Period.Bounds()
		fj, _ := out[j].Period.Bounds()
		if fi != fj {
			return fi < fj
		}
		if out[i].Period.IsQuarter() != out[j].Period.IsQuarter() {
			return !out[i].Period.IsQuarter() // the month before its quarter
		}
		return order[out[i].Measure] < order[out[j].Measure]
	})
	return out, nil
}

// GoalProgress measures every live goal against the book as of today.
func (d *DB) GoalProgress(ctx context.Context) ([]model.GoalProgress, error) {
	gs, err := d.Goals(ctx)
	if err != nil {
		return nil, err
	}
	today := d.Today()
	out := make([]model.GoalProgress, 0, len(gs))
	for _, g := range gs {
		actual, err := goalActual(ctx, d.r, g, d.now().Location())
		if err != nil {
			return nil, err
		}
		out = append(out, model.Progress(g, actual, today))
	}
	return out, nil
}

// MainGoal is the goal the launch summary shows: this month's revenue
// goal, else this month's first goal, else this quarter's revenue goal,
// else this quarter's first; ok is false when there is none.
func (d *DB) MainGoal(ctx context.Context) (model.GoalProgress, bool, error) {
	all, err := d.GoalProgress(ctx)
	if err != nil {
		return model.GoalProgress{}, false, err
	}
	g, ok := mainGoal(all, d.Today())
	return g, ok, nil
}

func mainGoal(all []model.GoalProgress, today model.Day) (model.GoalProgress, bool) {
	for _, p := range []model.GoalPeriod{model.MonthOf(today), model.QuarterOf(today)} {
		var first *model.GoalProgress
		for i := range all {
			if all[i].Period != p {
				continue
			}
			if all[i].Measure == model.GoalRevenue {
				return all[i], true
			}
			if first == nil {
				first = &all[i]
			}
		}
		if first != nil {
			return *first, true
		}
	}
	return model.GoalProgress{}, false
}

// goalActual is what the book holds for a goal's measure in its period
// (archived rows and archived customers' rows do not count).
func goalActual(ctx context.Context, q Querier, g model.Goal, loc *time.Location) (int64, error) {
	from, to := g.Period.Bounds()
	lo, hi := from.In(loc).Unix(), to.AddDays(1).In(loc).Unix()
	var query string
	args := []any{lo, hi}
	switch g.Measure {
	case model.GoalRevenue:
		query = `SELECT coalesce(sum(o.amount_minor), 0) FROM orders o JOIN customers c ON c.id = o.customer_id
			WHERE o.ordered_at >= ? AND o.ordered_at < ? AND o.archived_at IS NULL AND c.archived_at IS NULL AND o.currency = ?`
		args = append(args, g.Currency)
	case model.GoalWon:
		query = `SELECT count(*) FROM deals d JOIN customers c ON c.id = d.customer_id
			WHERE d.status = 'won' AND d.closed_at >= ? AND d.closed_at < ? AND d.archived_at IS NULL AND c.archived_at IS NULL`
	case model.GoalWonValue:
		query = `SELECT coalesce(sum(d.value_minor), 0) FROM deals d JOIN customers c ON c.id = d.customer_id
			WHERE d.status = 'won' AND d.closed_at >= ? AND d.closed_at < ? AND d.archived_at IS NULL AND c.archived_at IS NULL AND d.currency = ?`
		args = append(args, g.Currency)
	case model.GoalNewCustomers:
		query = `SELECT count(*) FROM customers WHERE created_at >= ? AND created_at < ? AND archived_at IS NULL`
	case model.GoalInteractions:
		query = `SELECT count(*) FROM interactions i JOIN customers c ON c.id = i.customer_id
			WHERE i.occurred_at >= ? AND i.occurred_at < ? AND i.archived_at IS NULL AND c.archived_at IS NULL`
	default:
		return 0, fmt.Errorf("goal %d: unknown measure %q", g.ID, g.Measure)
	}
	var n sql.NullInt64
	if err := q.QueryRowContext(ctx, query, args...).Scan(&n); err != nil {
		return 0, overflowAs(err, fmt.Sprintf("%s for %s", g.Measure.Label(), g.Period))
	}
	return n.Int64, nil
}

// overflowAs turns SQLite's "integer overflow" from sum() into a
// TotalOverflowError naming what was totalled (some stored amount is far
// beyond what a business can hold); other errors pass through mapError.
func overflowAs(err error, what string) error {
	if err != nil && strings.Contains(err.Error(), "integer overflow") {
		return &model.TotalOverflowError{What: what}
	}
	return mapError(err)
}
