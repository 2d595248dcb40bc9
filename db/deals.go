package db

import (
	"context"
	"fmt"
	"strings"

	"github.com/rapportcrm/rapport/model"
)

// dealRow reads deals; dealDest is shared with the joined lists.
var dealRow = rowShape[model.Deal]{
	table: "deals",
	cols: `id, customer_id, title, value_minor, currency, stage_id, coalesce(probability, -1), expected_close,
	stage_changed_at, status, coalesce(closed_at, 0), lost_reason, snoozed_until, snooze_reason,
	created_at, updated_at, coalesce(archived_at, 0), version`,
	dest: dealDest,
}

func dealDest(d *model.Deal) []any {
	return []any{&d.ID, &d.CustomerID, &d.Title, &d.ValueMinor, &d.Currency, &d.StageID, &d.Probability, &d.ExpectedClose,
		&d.StageChangedAt, &d.Status, &d.ClosedAt, &d.LostReason, &d.SnoozedUntil, &d.SnoozeReason, &d.CreatedAt, &d.UpdatedAt, &d.ArchivedAt, &d.Version}
}

// Deal loads one deal.
func (d *DB) Deal(ctx context.Context, id int64) (model.Deal, error) { return getDeal(ctx, d.r, id) }

func getDeal(ctx context.Context, q Querier, id int64) (model.Deal, error) {
	return dealRow.one(ctx, q, "deal", id, "")
}

func dayOrNil(d model.Day) any {
	if d.IsZero() {
		return nil
	}
	return d.String()
}

func probOrNil(p int) any {
	if p < 0 {
		return nil
	}
	return p
}

// CreateDeal opens a deal inside t (in the first open stage when StageID is 0)
// and records its first stage in the history.
func (t *Tx) CreateDeal(dl *model.Deal) (int64, error) {
	dl.Title = strings.TrimSpace(dl.Title)
	if dl.Currency == "" {
		set, err := loadSettings(t.ctx, t.tx)
		if err != nil {
			return 0, err
		}
		dl.Currency = set.Currency
	}
	dl.Currency = strings.ToUpper(dl.Currency)
	stages, err := listStages(t.ctx, t.tx)
	if err != nil {
		return 0, err
	}
	if dl.StageID == 0 {
		for _, s := range stages {
			if s.Kind == model.StageOpen {
				dl.StageID = s.ID
				break
			}
		}
	}
	st, ok := stageByID(stages, dl.StageID)
	if !ok {
		return 0, model.Invalid("stage", "stage %d does not exist (see rapport stages)", dl.StageID)
	}
	dl.Status = statusFor(st.Kind)
	dl.StageChangedAt = t.now.Unix()
	if dl.Status != model.DealOpen {
		dl.ClosedAt = t.now.Unix()
	}
	if dl.Probability == 0 {
		dl.Probability = -1
	}
	if err := dl.Validate(); err != nil {
		return 0, err
	}
	if err := t.checkCustomer(dl.CustomerID); err != nil {
		return 0, err
	}
	id, err := t.Insert("deals", []string{"customer_id", "title", "value_minor", "currency", "stage_id", "probability", "expected_close",
		"stage_changed_at", "status", "closed_at", "lost_reason", "snoozed_until", "snooze_reason"},
		[]any{dl.CustomerID, dl.Title, dl.ValueMinor, dl.Currency, dl.StageID, probOrNil(dl.Probability), dayOrNil(dl.ExpectedClose),
			dl.StageChangedAt, string(dl.Status), nullInt(dl.ClosedAt), dl.LostReason, dayOrNil(dl.SnoozedUntil), dl.SnoozeReason})
	if err != nil {
		return 0, err
	}
	dl.ID = id
	if _, err := t.Insert("deal_stage_history", []string{"deal_id", "from_stage_id", "to_stage_id", "changed_at"}, []any{id, nil, dl.StageID, t.now.Unix()}); err != nil {
		return 0, err
	}
	t.Touch(dl.CustomerID)
	t.noticeDeal(dl.CustomerID, id, dl.StageID, st.Kind)
	return id, nil
}

// UpdateDeal saves a deal's own fields (title, value, currency, probability,
// expected close) checking its version; stage moves go through MoveDeal.
func (t *Tx) UpdateDeal(dl *model.Deal) error {
	dl.Title = strings.TrimSpace(dl.Title)
	dl.Currency = strings.ToUpper(dl.Currency)
	if err := dl.Validate(); err != nil {
		return err
	}
	if err := t.Update("deals", dl.ID, dl.Version, []string{"title", "value_minor", "currency", "probability", "expected_close", "snoozed_until", "snooze_reason"},
		[]any{dl.Title, dl.ValueMinor, dl.Currency, probOrNil(dl.Probability), dayOrNil(dl.ExpectedClose), dayOrNil(dl.SnoozedUntil), dl.SnoozeReason}); err != nil {
		return err
	}
	t.Touch(dl.CustomerID)
	return nil
}

func statusFor(k model.StageKind) model.DealStatus {
	switch k {
	case model.StageWon:
		return model.DealWon
	case model.StageLost:
		return model.DealLost
	}
	return model.DealOpen
}

// MoveResult tells what a stage move did.
type MoveResult struct {
	Deal    model.Deal
	From    model.Stage
	To      model.Stage
	OrderID int64 // the order recorded for a won deal, 0 when none
}

// MoveDeal moves a deal to a stage inside t: records the history, restarts
// the rotting clock, clears a snooze, closes it as won or lost by the
// stage's kind (lost needs a reason), and for won records an order for its
// value when recordOrder is set.
func (t *Tx) MoveDeal(dealID, stageID int64, reason string, recordOrder bool) (MoveResult, error) {
	var res MoveResult
	dl, err := getDeal(t.ctx, t.tx, dealID)
	if err != nil {
		return res, err
	}
	if dl.ArchivedAt != 0 {
		return res, model.Invalid("deal", "deal %d is archived: restore it first", dealID)
	}
	stages, err := listStages(t.ctx, t.tx)
	if err != nil {
		return res, err
	}
	from, _ := stageByID(stages, dl.StageID)
	to, ok := stageByID(stages, stageID)
	if !ok {
		return res, model.Invalid("stage", "stage %d does not exist", stageID)
	}
	if from.ID == to.ID {
		return res, model.Invalid("stage", "deal %d is already in %s", dealID, to.Name)
	}
	reason = strings.TrimSpace(reason)
	status := statusFor(to.Kind)
	if status == model.DealLost && reason == "" {
		return res, model.Invalid("reason", "say why the deal was lost (--reason \"went with a competitor\")")
	}
	var closedAt any
	if status != model.DealOpen {
		closedAt = t.now.Unix()
	}
	lost := ""
	if status == model.DealLost {
		lost = reason
	}
	if err := t.Update("deals", dl.ID, 0, []string{"stage_id", "stage_changed_at", "status", "closed_at", "lost_reason", "snoozed_until", "snooze_reason"},
		[]any{to.ID, t.now.Unix(), string(status), closedAt, lost, nil, ""}); err != nil {
		return res, err
	}
	if _, err := t.Insert("deal_stage_history", []string{"deal_id", "from_stage_id", "to_stage_id", "changed_at"}, []any{dl.ID, from.ID, to.ID, t.now.Unix()}); err != nil {
		return res, err
	}
	if dl.Status != status || status == model.DealOpen {
		t.noticeDeal(dl.CustomerID, dl.ID, to.ID, to.Kind)
	}
	if status == model.DealWon && recordOrder && dl.Status != model.DealWon {
		o := model.Order{CustomerID: dl.CustomerID, DealID: dl.ID, AmountMinor: dl.ValueMinor, Currency: dl.Currency, OrderedAt: t.now.Unix(), Note: "Won: " + dl.Title}
		if res.OrderID, err = t.CreateOrder(&o); err != nil {
			return res, err
		}
	}
	t.Touch(dl.CustomerID)
	res.Deal, _ = getDeal(t.ctx, t.tx, dl.ID)
	res.From, res.To = from, to
	return res, nil
}

// MoveDeal moves a deal as one command (see Tx.MoveDeal).
func (d *DB) MoveDeal(ctx context.Context, dealID, stageID int64, reason string, recordOrder bool) (MoveResult, error) {
	var res MoveResult
	err := d.Write(ctx, fmt.Sprintf("move deal %d", dealID), func(t *Tx) error {
		if dl, err := getDeal(ctx, t.tx, dealID); err == nil {
			if stages, err := listStages(ctx, t.tx); err == nil {
				if st, ok := stageByID(stages, stageID); ok {
					t.Describe(fmt.Sprintf("move %q to %s", model.Sanitize(dl.Title), model.Sanitize(st.Name)))
				}
			}
		}
		var err error
		res, err = t.MoveDeal(dealID, stageID, reason, recordOrder)
		return err
	})
	return res, err
}

// SnoozeDeal hides a rotting deal from the rotting lists until a date, with a reason.
func (d *DB) SnoozeDeal(ctx context.Context, dealID int64, until model.Day, reason string) (model.Deal, error) {
	var out model.Deal
	err := d.Write(ctx, fmt.Sprintf("snooze deal %d", dealID), func(t *Tx) error {
		dl, err := getDeal(ctx, t.tx, dealID)
		if err != nil {
			return err
		}
		if dl.Status != model.DealOpen {
			return model.Invalid("deal", "deal %d is %s: only open deals can be snoozed", dealID, dl.Status)
		}
		t.Describe(fmt.Sprintf("snooze deal %q", model.Sanitize(dl.Title)))
		if until <= t.Today() {
			return model.Invalid("date", "snooze until a date after today")
		}
		dl.SnoozedUntil, dl.SnoozeReason = until, strings.TrimSpace(reason)
		if err := t.UpdateDeal(&dl); err != nil {
			return err
		}
		out = dl
		return nil
	})
	return out, err
}

// DealRow is a deal with what lists and the board show beside it.
type DealRow struct {
	model.Deal
	Customer    string
	Stage       string
	StageKind   model.StageKind
	StagePos    int
	Probability int // effective: the deal's override or the stage's
	DaysInStage int
	Rotting     bool
	NextDue     model.Day // the earliest open follow-up of the deal's customer for this deal, NoDay if none
	NextTime    string
}

// DealFilter narrows ListDeals; nil fields are not applied.
type DealFilter struct {
	StageID *int64
	Status  *model.DealStatus
	Rotting bool
	Limit   int
}

// ListDeals returns deals with their stage and customer, ordered by stage
// position then value (largest first).
func (d *DB) ListDeals(ctx context.Context, f DealFilter) ([]DealRow, error) {
	today := d.Today()
	where := []string{"d.archived_at IS NULL", "c.archived_at IS NULL"}
	var args []any
	if f.StageID != nil {
		where = append(where, "d.stage_id = ?")
		args = append(args, *f.StageID)
	}
	if f.Status != nil {
		where = append(where, "d.status = ?")
		args = append(args, string(*f.Status))
	}
	if f.Rotting {
		where = append(where, "d.status = 'open' AND ds.rot_on IS NOT NULL AND ds.rot_on <= ?")
		args = append(args, today.String())
	}
	q := `SELECT d.id, d.customer_id, d.title, d.value_minor, d.currency, d.stage_id, coalesce(d.probability, -1), d.expected_close,
		d.stage_changed_at, d.status, coalesce(d.closed_at, 0), d.lost_reason, d.snoozed_until, d.snooze_reason,
		d.created_at, d.updated_at, coalesce(d.archived_at, 0), d.version,
		c.name, s.name, s.kind, s.position, s.probability, ds.stage_since, ds.rot_on,
		coalesce((SELECT min(f.due_date || ' ' || coalesce(f.due_time, '')) FROM followups f WHERE f.deal_id = d.id AND f.done_at IS NULL AND f.archived_at IS NULL), '')
		FROM deals d JOIN customers c ON c.id = d.customer_id JOIN stages s ON s.id = d.stage_id
		LEFT JOIN deal_stats ds ON ds.deal_id = d.id
		WHERE ` + strings.Join(where, " AND ") + ` ORDER BY s.position, d.value_minor DESC, d.id`
	if f.Limit > 0 {
		q += fmt.Sprintf(" LIMIT %d", f.Limit)
	}
	rows, err := d.r.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	return collect(rows, func(sc rowScanner) (DealRow, error) {
		var r DealRow
		var since, rotOn model.Day
		var next string
		var stageProb int
		if err := scanRow(sc, "deals", append(dealDest(&r.Deal), &r.Customer, &r.Stage, &r.StageKind, &r.StagePos, &stageProb, &since, &rotOn, &next)...); err != nil {
			return r, err
		}
		r.Probability = stageProb
		if r.Deal.Probability >= 0 {
			r.Probability = r.Deal.Probability
		}
		if !since.IsZero() {
			r.DaysInStage = int(today - since)
		}
		if !rotOn.IsZero() && r.Status == model.DealOpen {
			r.Rotting = rotOn <= today
		}
		var err error
		r.NextDue, r.NextTime, err = splitNext(next)
		return r, rowErr(err, "deals", r.ID, "the due date of its next follow-up")
	})
}

// CustomerDeals returns a customer's deals (open first).
func (d *DB) CustomerDeals(ctx context.Context, customerID int64) ([]model.Deal, error) {
	return dealRow.all(ctx, d.r, `WHERE customer_id = ? AND archived_at IS NULL ORDER BY status <> 'open', id DESC`, customerID)
}
