package db

import (
	"context"
	"database/sql"
	"strconv"
	"strings"

	"github.com/rapportcrm/rapport/model"
)

// riskUnrolled is how many reasons of a customer the risk summary reads
// by position in one pass; the model gives at most a dozen, and a longer
// list (or one that is not a JSON array) is read element by element.
const riskUnrolled = 12

// Separators of the risk summary's list: records, and fields in a record
// (control characters no reason code holds; one that did would be caught
// by the counts).
const (
	riskRecordSep = "\x1e"
	riskFieldSep  = "\x1f"
	riskOdd       = "x" // the record of a customer whose reasons are read apart
)

// riskWhere picks the customers at watch or at risk: their score is at or
// above the lower threshold (?1).
const riskWhere = `s.active = 1 AND s.risk_score >= ?1 AND s.risk_level IN ('watch', 'at_risk')`

// riskReasonsOK is an SQL test, true when a customer's reasons are read by position: a
// JSON array of at most riskUnrolled elements (a CASE, so the later tests
// only see valid JSON).
func riskReasonsOK() string {
	return `CASE WHEN NOT json_valid(s.risk_reasons) THEN 0 WHEN json_type(s.risk_reasons) <> 'array' THEN 0
	WHEN json_array_length(s.risk_reasons) > ` + strconv.Itoa(riskUnrolled) + ` THEN 0 ELSE 1 END`
}

// reportRisk fills the risk summary from customer_stats.
//
// Each customer at watch or at risk is one record: "1" (at risk) or "0"
// (watch), then the code of each of its first riskUnrolled reasons ("" past
// the end), read by position from the one parse SQLite keeps of the row's
// JSON. That is a third of the cost of a json_each row per reason sorted
// by a GROUP BY. A full scan of the (narrow) stats table costs less than
// visiting the rows by the risk index.
func reportRisk(ctx context.Context, rc *reportCtx) error {
	rs := RiskSummary{Reasons: []Count{}}
	if err := rc.d.r.QueryRowContext(ctx, `SELECT count(*) FROM customer_stats WHERE active = 1`).Scan(&rs.Active); err != nil {
		return err
	}
	floor := min(rc.set.Points.WatchThreshold, rc.set.Points.AtRiskThreshold)
	var codes strings.Builder
	for i := range riskUnrolled {
		codes.WriteString(` || char(31) || coalesce(s.risk_reasons ->> '$[` + strconv.Itoa(i) + `].code', '')`)
	}
	var list sql.NullString
	var n int
	if err := rc.d.r.QueryRowContext(ctx, `SELECT group_concat(CASE WHEN `+riskReasonsOK()+` THEN (s.risk_level = 'at_risk') || ''`+codes.String()+`
		ELSE '`+riskOdd+`' END, char(30)), count(*) FROM customer_stats s NOT INDEXED WHERE `+riskWhere, floor).Scan(&list, &n); err != nil {
		return err
	}
	byCode := map[string]int{}
	odd, ok := tallyRiskList(list.String, n, &rs, byCode)
	if !ok {
		// A code holding a separator: every customer element by element.
		rs.AtRisk, rs.Watch, odd = 0, 0, true
		clear(byCode)
	}
	if odd {
		only := ""
		if ok {
			only = ` AND NOT (` + riskReasonsOK() + `)`
		}
		if err := riskByElement(ctx, rc.d.r, floor, only, &rs, byCode); err != nil {
			return err
		}
	}
	for code, n := range byCode {
		rs.Reasons = append(rs.Reasons, Count{Name: code, Count: n})
	}
	sortCounts(rs.Reasons)
	rc.r.Risk = rs
	return nil
}

// tallyRiskList counts the records of reportRisk's list into rs and
// byCode. odd says some customers' reasons are to be read apart; ok is
// false when the list does not hold n well-formed records (nothing useful
// was counted then).
func tallyRiskList(list string, n int, rs *RiskSummary, byCode map[string]int) (odd, ok bool) {
	if n == 0 {
		return false, true
	}
	records := strings.Split(list, riskRecordSep)
	if len(records) != n {
		return false, false
	}
	for _, rec := range records {
		if rec == riskOdd {
			odd = true
			continue
		}
		fields := strings.Split(rec, riskFieldSep)
		if len(fields) != riskUnrolled+1 || (fields[0] != "0" && fields[0] != "1") {
			return false, false
		}
		if fields[0] == "1" {
			rs.AtRisk++
		} else {
			rs.Watch++
		}
		for _, code := range fields[1:] {
			if code != "" {
				byCode[code]++
			}
		}
	}
	return odd, true
}

// riskByElement counts customers and reason codes one json_each row per
// reason, for the customers that also match the condition only.
func riskByElement(ctx context.Context, q Querier, floor int, only string, rs *RiskSummary, byCode map[string]int) error {
	// Only an object has a code; json_extract of a string element (its
	// bare text) would fail on it.
	rows, err := q.QueryContext(ctx, `SELECT s.risk_level, coalesce(CASE WHEN j.type = 'object' THEN json_extract(j.value, '$.code') END, ''), j.key = 0 OR j.key IS NULL
		FROM customer_stats s NOT INDEXED LEFT JOIN json_each(CASE WHEN json_valid(s.risk_reasons) THEN s.risk_reasons ELSE '[]' END) j
		WHERE `+riskWhere+only, floor)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var level, code string
		var first bool
		if err := rows.Scan(&level, &code, &first); err != nil {
			return err
		}
		if first {
			if level == string(model.LevelAtRisk) {
				rs.AtRisk++
			} else {
				rs.Watch++
			}
		}
		if code != "" {
			byCode[code]++
		}
	}
	return rows.Err()
}
