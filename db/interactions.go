package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/model/i18n"
)

// interactionRow reads interactions.
var interactionRow = rowShape[model.Interaction]{
	table: "interactions",
	cols: `id, customer_id, coalesce(deal_id, 0), kind, direction, outcome, coalesce(score, -1), summary, body,
	occurred_at, coalesce(resolved_at, 0), created_at, updated_at, coalesce(archived_at, 0), version`,
	dest: func(i *model.Interaction) []any {
		return []any{&i.ID, &i.CustomerID, &i.DealID, &i.Kind, &i.Direction, &i.Outcome, &i.Score, &i.Summary, &i.Body, &i.OccurredAt, &i.ResolvedAt,
			&i.CreatedAt, &i.UpdatedAt, &i.ArchivedAt, &i.Version}
	},
}

func interactionValues(i *model.Interaction) ([]string, []any) {
	return []string{"customer_id", "deal_id", "kind", "direction", "outcome", "score", "summary", "body", "occurred_at", "resolved_at"},
		[]any{i.CustomerID, nullInt(i.DealID), string(i.Kind), string(i.Direction), string(i.Outcome), nullScore(i.Score),
			strings.TrimSpace(i.Summary), i.Body, i.OccurredAt, nullInt(i.ResolvedAt)}
}

func normalizeInteraction(i *model.Interaction) {
	if i.Kind == "" {
		i.Kind = model.KindCall
	}
	if i.Direction == "" {
		i.Direction = model.Outbound
		if i.Kind == model.KindNote {
			i.Direction = model.Internal
		}
	}
	if i.Outcome == "" {
		i.Outcome = model.OutcomeNone
	}
	if i.Score == 0 && i.Kind != model.KindFeedback {
		i.Score = -1
	}
}

// checkDeal makes sure a referenced deal exists and belongs to the customer.
func (t *Tx) checkDeal(dealID, customerID int64) error {
	if dealID == 0 {
		return nil
	}
	var cid int64
	err := t.tx.QueryRowContext(t.ctx, `SELECT customer_id FROM deals WHERE id = ? AND archived_at IS NULL`, dealID).Scan(&cid)
	if errors.Is(err, sql.ErrNoRows) {
		return model.Invalid("deal", "deal %d does not exist (see rapport deal list)", dealID)
	}
	if err != nil {
		return err
	}
	if cid != customerID {
		return model.Invalid("deal", "deal %d belongs to another customer", dealID)
	}
	return nil
}

func (t *Tx) checkCustomer(id int64) error {
	var archived bool
	err := t.tx.QueryRowContext(t.ctx, `SELECT archived_at IS NOT NULL FROM customers WHERE id = ?`, id).Scan(&archived)
	if errors.Is(err, sql.ErrNoRows) {
		return i18n.Errorf("customer %d: %w", id, model.ErrNotFound)
	}
	if err != nil {
		return err
	}
	if archived {
		return model.Invalid("customer", "customer %d is archived: restore it first (rapport restore customer %d)", id, id)
	}
	return nil
}

// LogInteraction records an interaction inside t and returns its id.
func (t *Tx) LogInteraction(i *model.Interaction) (int64, error) {
	normalizeInteraction(i)
	if i.OccurredAt == 0 {
		i.OccurredAt = t.now.Unix()
	}
	if err := i.Validate(); err != nil {
		return 0, err
	}
	if err := t.checkCustomer(i.CustomerID); err != nil {
		return 0, err
	}
	if err := t.checkDeal(i.DealID, i.CustomerID); err != nil {
		return 0, err
	}
	cols, vals := interactionValues(i)
	id, err := t.Insert("interactions", cols, vals)
	if err != nil {
		return 0, err
	}
	i.ID = id
	t.Touch(i.CustomerID)
	return id, t.noticeInteraction(i)
}

// UpdateInteraction saves an edited interaction (checking its version).
func (t *Tx) UpdateInteraction(i *model.Interaction) error {
	normalizeInteraction(i)
	if err := i.Validate(); err != nil {
		return err
	}
	if err := t.checkDeal(i.DealID, i.CustomerID); err != nil {
		return err
	}
	var oldCustomer int64
	if err := t.tx.QueryRowContext(t.ctx, `SELECT customer_id FROM interactions WHERE id = ?`, i.ID).Scan(&oldCustomer); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return i18n.Errorf("interaction %d: %w", i.ID, model.ErrNotFound)
		}
		return err
	}
	cols, vals := interactionValues(i)
	if err := t.Update("interactions", i.ID, i.Version, cols, vals); err != nil {
		return err
	}
	t.Touch(oldCustomer)
	t.Touch(i.CustomerID)
	return nil
}

// Interaction loads one interaction.
func (d *DB) Interaction(ctx context.Context, id int64) (model.Interaction, error) {
	return interactionRow.one(ctx, d.r, "interaction", id, "")
}

// ResolveComplaint marks a complaint resolved now, as one command.
func (d *DB) ResolveComplaint(ctx context.Context, id int64) (model.Interaction, error) {
	var out model.Interaction
	err := d.Write(ctx, fmt.Sprintf("resolve complaint %d", id), func(t *Tx) error {
		i, err := interactionRow.one(t.ctx, t.tx, "interaction", id, " AND archived_at IS NULL")
		if err != nil {
			return err
		}
		if i.Kind != model.KindComplaint {
			return model.Invalid("interaction", "interaction %d is a %s, not a complaint", id, i.Kind)
		}
		if i.ResolvedAt != 0 {
			return model.Invalid("interaction", "complaint %d is already resolved", id)
		}
		t.Describe(fmt.Sprintf("resolve complaint %q", model.Sanitize(i.Summary)))
		i.ResolvedAt = t.now.Unix()
		if err := t.Update("interactions", id, i.Version, []string{"resolved_at"}, []any{i.ResolvedAt}); err != nil {
			return err
		}
		t.Touch(i.CustomerID)
		out = i
		return nil
	})
	return out, err
}

// Timeline returns a customer's interactions, newest first, paged.
func (d *DB) Timeline(ctx context.Context, customerID int64, offset, limit int) ([]model.Interaction, error) {
	return interactionRow.all(ctx, d.r, `WHERE customer_id = ? AND archived_at IS NULL
		ORDER BY occurred_at DESC, id DESC LIMIT ? OFFSET ?`, customerID, limit, offset)
}
