package db

import (
	"context"
	"strings"

	"github.com/rapportcrm/rapport/model"
)

// DrillRow is one deal or customer behind a figure of the report (a
// funnel stage, the lost reasons, the risk reasons).
type DrillRow struct {
	CustomerID int64
	Customer   string
	DealID     int64  // 0 on a customer row
	Deal       string // the deal's title ("" on a customer row)
	// Note says why the row counts: the furthest stage the deal reached in
	// the period, its lost reason, or the customer's risk level.
	Note string
	// Reasons are a customer's risk reason codes (risk rows only).
	Reasons []string
}

// drillLimit bounds a drill-down list; a number behind it larger than this
// is cut, and the caller says so.
const drillLimit = 2000

// FunnelDeals lists the deals that reached stage (by name), or a later one,
// during p, as the funnel counts them: furthest first, then by id.
func (d *DB) FunnelDeals(ctx context.Context, p Period, stage string) ([]DrillRow, error) {
	stages, err := listStages(ctx, d.r)
	if err != nil {
		return nil, mapError(err)
	}
	s, err := FindStage(stages, stage)
	if err != nil {
		return nil, err
	}
	loc := d.now().Location()
	from, to := p.From.In(loc).Unix(), p.To.AddDays(1).In(loc).Unix()
	rows, err := d.r.QueryContext(ctx, `SELECT d.id, d.title, c.id, c.name, ms.name FROM (
		SELECT h.deal_id AS id, max(s.position) AS m FROM deal_stage_history h JOIN stages s ON s.id = h.to_stage_id
		WHERE h.changed_at >= ? AND h.changed_at < ? AND s.kind <> 'lost' GROUP BY h.deal_id) x
		JOIN deals d ON d.id = x.id JOIN customers c ON c.id = d.customer_id
		JOIN stages ms ON ms.position = x.m AND ms.kind <> 'lost'
		WHERE x.m >= ? AND `+dealsLive+` ORDER BY x.m DESC, d.id LIMIT ?`, from, to, s.Position, drillLimit)
	if err != nil {
		return nil, mapError(err)
	}
	return scanDrill(rows, func(r *DrillRow, note string) { r.Note = "reached " + note })
}

// LostDeals lists the deals lost in p with their reasons (the figures of
// the report's Lost reasons line), by reason then close date.
func (d *DB) LostDeals(ctx context.Context, p Period) ([]DrillRow, error) {
	loc := d.now().Location()
	from, to := p.From.In(loc).Unix(), p.To.AddDays(1).In(loc).Unix()
	rows, err := d.r.QueryContext(ctx, `SELECT d.id, d.title, c.id, c.name, trim(d.lost_reason)
		FROM deals d JOIN customers c ON c.id = d.customer_id
		WHERE d.status = 'lost' AND d.closed_at >= ? AND d.closed_at < ? AND `+dealsLive+`
		ORDER BY lower(trim(d.lost_reason)), d.closed_at, d.id LIMIT ?`, from, to, drillLimit)
	if err != nil {
		return nil, mapError(err)
	}
	return scanDrill(rows, func(r *DrillRow, note string) {
		r.Note = note
		if note == "" {
			r.Note = "no reason given"
		}
	})
}

// scanDrill reads deal rows (deal id, title, customer id, name, note).
func scanDrill(rows interface {
	Next() bool
	Scan(...any) error
	Err() error
	Close() error
}, note func(*DrillRow, string)) ([]DrillRow, error) {
	defer rows.Close()
	out := []DrillRow{}
	for rows.Next() {
		var r DrillRow
		var n string
		if err := rows.Scan(&r.DealID, &r.Deal, &r.CustomerID, &r.Customer, &n); err != nil {
			return nil, mapError(err)
		}
		note(&r, n)
		out = append(out, r)
	}
	return out, mapError(rows.Err())
}

// RiskCustomers lists the customers at risk and to watch (those the
// report's Risk line counts), highest score first, with their reason codes.
func (d *DB) RiskCustomers(ctx context.Context) ([]DrillRow, error) {
	set, err := loadSettings(ctx, d.r)
	if err != nil {
		return nil, mapError(err)
	}
	floor := min(set.Points.WatchThreshold, set.Points.AtRiskThreshold)
	rows, err := d.r.QueryContext(ctx, `SELECT c.id, c.name, s.risk_level,
		coalesce((SELECT group_concat(json_extract(j.value, '$.code'), ',') FROM json_each(CASE WHEN json_valid(s.risk_reasons) THEN s.risk_reasons ELSE '[]' END) j), '')
		FROM customer_stats s JOIN customers c ON c.id = s.customer_id
		WHERE s.active = 1 AND s.risk_score >= ? AND s.risk_level IN ('watch', 'at_risk')
		ORDER BY s.risk_score DESC, c.id LIMIT ?`, floor, drillLimit)
	if err != nil {
		return nil, mapError(err)
	}
	defer rows.Close()
	out := []DrillRow{}
	for rows.Next() {
		var r DrillRow
		var level, codes string
		if err := rows.Scan(&r.CustomerID, &r.Customer, &level, &codes); err != nil {
			return nil, mapError(err)
		}
		r.Note = "watch"
		if level == string(model.LevelAtRisk) {
			r.Note = "at risk"
		}
		for _, c := range strings.Split(codes, ",") {
			if c != "" {
				r.Reasons = append(r.Reasons, c)
			}
		}
		out = append(out, r)
	}
	return out, mapError(rows.Err())
}

// DrillLimit is the most rows a drill-down list returns.
func DrillLimit() int { return drillLimit }
