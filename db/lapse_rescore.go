package db

import (
	"cmp"
	"context"
	"encoding/json"
	"slices"
	"strconv"
	"strings"

	"github.com/rapportcrm/rapport/model"
)

// The daily refresh's short way (SPEC §3): most rows that come due on a
// new day are due only because their lapse points moved with the calendar
// (they move with ln(1 + days since the last order)). Such a row is
// re-scored from what it stores — its order summary, the reasons a person
// caused and their points — without reading its interactions, follow-ups
// and deals again; only its four risk columns are written.

// encodeLapseState renders a stored lapse state ("" for none).
func encodeLapseState(st *model.LapseState) string {
	if st == nil {
		return ""
	}
	b := make([]byte, 0, 48)
	for i, v := range []int64{int64(st.LastOrder), int64(st.OrderDays), int64(st.BookOrders), st.BookMinor, int64(st.UsualGap), int64(st.Leaves)} {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendInt(b, v, 10)
	}
	return string(b)
}

// parseLapseState reads encodeLapseState's text; ok is false for "" or
// anything else that is not six whole numbers (a row edited by hand is
// then recomputed the long way).
func parseLapseState(s string) (model.LapseState, bool) {
	var v [6]int64
	for i := range v {
		part := s
		if j := strings.IndexByte(s, ','); j >= 0 {
			part, s = s[:j], s[j+1:]
		} else if i != len(v)-1 {
			return model.LapseState{}, false
		} else {
			s = ""
		}
		n, err := strconv.ParseInt(part, 10, 64)
		if err != nil {
			return model.LapseState{}, false
		}
		v[i] = n
	}
	if s != "" || v[0] <= 0 || v[0] > int64(maxDay) || v[5] < 0 || v[5] > int64(maxDay) {
		return model.LapseState{}, false
	}
	return model.LapseState{LastOrder: model.Day(v[0]), OrderDays: int(v[1]), BookOrders: int(v[2]), BookMinor: v[3],
		UsualGap: int(v[4]), Leaves: model.Day(v[5])}, true
}

// lapseRow is a due row that can be re-scored from what it stores.
type lapseRow struct {
	id           int64
	score        int    // as stored
	level        string // as stored
	st           model.LapseState
	person       string // the person-caused reasons, stored JSON
	personPoints int
	personUntil  model.Day
}

// readDueRows splits the rows due on today (expired and not stale) into
// those the short way re-scores and the ids of the others. With refit,
// every row scored by the lapse model is re-scored (the weights changed,
// nothing else did), and a row that should carry a lapse state but does
// not (written before there was one) goes the long way.
func readDueRows(ctx context.Context, q Querier, today model.Day, refit bool) ([]lapseRow, []int64, error) {
	query := `SELECT customer_id, risk_score, risk_level, lapse_state, person_reasons, person_points, person_valid_until,
		risk_valid_until <= ?1, lapse_state = '' AND last_order_at IS NOT NULL AND active = 1
		FROM customer_stats INDEXED BY customer_stats_valid WHERE risk_valid_until <= ?1 AND stale = 0`
	if refit {
		query = `SELECT customer_id, risk_score, risk_level, lapse_state, person_reasons, person_points, person_valid_until,
		risk_valid_until <= ?1, lapse_state = '' AND last_order_at IS NOT NULL AND active = 1
		FROM customer_stats WHERE stale = 0 AND (risk_valid_until <= ?1 OR lapse_state <> '' OR (last_order_at IS NOT NULL AND active = 1))`
	}
	rows, err := q.QueryContext(ctx, query, today.String())
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	var fast []lapseRow
	var slow []int64
	for rows.Next() {
		var r lapseRow
		var state, until string
		var due, missing bool
		if err := rows.Scan(&r.id, &r.score, &r.level, &state, &r.person, &r.personPoints, &until, &due, &missing); err != nil {
			return nil, nil, err
		}
		st, ok := parseLapseState(state)
		pu, err := model.ParseDay(until)
		if !ok || err != nil || pu <= today || (st.Leaves != model.NoDay && st.Leaves <= today) ||
			r.person != "[]" && (len(r.person) < 2 || r.person[0] != '[' || r.person[len(r.person)-1] != ']' || !json.Valid([]byte(r.person))) {
			if due || missing {
				slow = append(slow, r.id)
			}
			continue
		}
		r.st, r.personUntil = st, pu
		fast = append(fast, r)
	}
	return fast, slow, rows.Err()
}

// rescoreLapseRows writes the re-scored risk of rows: score, level,
// reasons (the lapse reasons, then the stored person-caused ones) and the
// new valid-until day, one prepared single-row UPDATE each, in id order.
// (One UPDATE per batch from a JSON array cost a third more on the
// reference book: each row's fields were parsed out of the JSON again, and
// a statement that changes many rows keeps a statement journal.) The
// scores are worked out on another goroutine while the UPDATEs run.
func rescoreLapseRows(ctx context.Context, q Querier, set Settings, rows []lapseRow, today model.Day) error {
	if len(rows) == 0 {
		return nil
	}
	up, err := prepare(ctx, q, `UPDATE customer_stats SET risk_score = ?, risk_level = ?, risk_reasons = ?, risk_valid_until = ? WHERE customer_id = ?`)
	if err != nil {
		return err
	}
	defer up.Close()
	// Rows whose score and level stay keep the list index as it is.
	upText, err := prepare(ctx, q, `UPDATE customer_stats SET risk_reasons = ?, risk_valid_until = ? WHERE customer_id = ?`)
	if err != nil {
		return err
	}
	defer upText.Close()
	slices.SortFunc(rows, func(a, b lapseRow) int { return cmp.Compare(a.id, b.id) })
	batches := make(chan []rescoredRow, 4)
	go scoreLapseRows(set, rows, today, batches)
	for batch := range batches {
		for _, x := range batch {
			if err == nil {
				if x.same {
					_, err = upText.ExecContext(ctx, x.reasons, x.until, x.id)
				} else {
					_, err = up.ExecContext(ctx, x.score, x.level, x.reasons, x.until, x.id)
				}
			}
		}
	}
	return err
}

// rescoredRow is one row's new risk, as rescoreLapseRows writes it.
type rescoredRow struct {
	id             int64
	score          int
	level, reasons string
	until          string
	same           bool // score and level as stored
}

// rescoreChunk is how many rows scoreLapseRows hands over at a time.
const rescoreChunk = 512

// scoreLapseRows re-scores rows with the settings' fit and sends them to
// out in chunks, then closes it.
func scoreLapseRows(set Settings, rows []lapseRow, today model.Day, out chan<- []rescoredRow) {
	defer close(out)
	fit := set.lapseFitFor()
	var reasons []byte
	batch := make([]rescoredRow, 0, rescoreChunk)
	for _, r := range rows {
		personCaused := r.person != "[]"
		risk := model.RescoreLapseStored(r.st, fit, set.Currency, r.personPoints, personCaused, r.personUntil, today, set.Points)
		// The reasons: "[lapse…" + "," + "person…]".
		reasons = appendReasons(reasons[:0], risk.Reasons)
		reasons = reasons[:len(reasons)-1]
		if personCaused {
			reasons = append(reasons, ',')
			reasons = append(reasons, r.person[1:]...)
		} else {
			reasons = append(reasons, ']')
		}
		batch = append(batch, rescoredRow{id: r.id, score: risk.Score, level: string(risk.Level), reasons: string(reasons),
			until: risk.ValidUntil.String(), same: risk.Score == r.score && string(risk.Level) == r.level})
		if len(batch) == rescoreChunk {
			out <- batch
			batch = make([]rescoredRow, 0, rescoreChunk)
		}
	}
	if len(batch) > 0 {
		out <- batch
	}
}
