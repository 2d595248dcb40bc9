package db

import (
	"context"
	"strconv"
	"strings"

	"github.com/rapportcrm/rapport/model"
)

const stageCols = `id, name, position, probability, rot_days, kind, created_at, updated_at, coalesce(archived_at, 0), version`

func listStages(ctx context.Context, q Querier) ([]model.Stage, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+stageCols+` FROM stages WHERE archived_at IS NULL ORDER BY position, id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []model.Stage
	for rows.Next() {
		var s model.Stage
		var kind string
		if err := rows.Scan(&s.ID, &s.Name, &s.Position, &s.Probability, &s.RotDays, &kind, &s.CreatedAt, &s.UpdatedAt, &s.ArchivedAt, &s.Version); err != nil {
			return nil, err
		}
		s.Kind = model.StageKind(kind)
		out = append(out, s)
	}
	return out, rows.Err()
}

func stageByID(stages []model.Stage, id int64) (model.Stage, bool) {
	for _, s := range stages {
		if s.ID == id {
			return s, true
		}
	}
	return model.Stage{}, false
}

// Stages returns the pipeline stages in board order.
func (d *DB) Stages(ctx context.Context) ([]model.Stage, error) { return listStages(ctx, d.r) }

// FindStage resolves a stage by id, name (case-insensitive) or unique prefix.
func FindStage(stages []model.Stage, ref string) (model.Stage, error) {
	ref = strings.TrimSpace(ref)
	if id, err := strconv.ParseInt(ref, 10, 64); err == nil {
		if s, ok := stageByID(stages, id); ok {
			return s, nil
		}
	}
	var prefix []model.Stage
	for _, s := range stages {
		if strings.EqualFold(s.Name, ref) {
			return s, nil
		}
		if ref != "" && strings.HasPrefix(strings.ToLower(s.Name), strings.ToLower(ref)) {
			prefix = append(prefix, s)
		}
	}
	if len(prefix) == 1 {
		return prefix[0], nil
	}
	names := make([]string, len(stages))
	for i, s := range stages {
		names[i] = s.Name
	}
	return model.Stage{}, model.Invalid("stage", "%q is not a stage; stages are: %s", ref, strings.Join(names, ", "))
}

// UpdateStage changes a stage's probability and rot days (nil = keep).
func (d *DB) UpdateStage(ctx context.Context, ref string, probability, rotDays *int) (model.Stage, error) {
	var out model.Stage
	err := d.Write(ctx, "change stage "+ref, func(t *Tx) error {
		stages, err := listStages(ctx, t.tx)
		if err != nil {
			return err
		}
		s, err := FindStage(stages, ref)
		if err != nil {
			return err
		}
		if probability != nil {
			s.Probability = *probability
		}
		if rotDays != nil {
			s.RotDays = *rotDays
		}
		if err := s.Validate(); err != nil {
			return err
		}
		if err := t.Update("stages", s.ID, s.Version, []string{"probability", "rot_days"}, []any{s.Probability, s.RotDays}); err != nil {
			return err
		}
		out = s
		return t.touchStageCustomers(s.ID)
	})
	return out, err
}

func (t *Tx) touchStageCustomers(stageID int64) error {
	ids, err := queryIDs(t.ctx, t.tx, `SELECT DISTINCT customer_id FROM deals WHERE stage_id = ? AND status = 'open'`, stageID)
	for _, id := range ids {
		t.Touch(id)
	}
	return err
}

// AddStage inserts an open stage after another one.
func (d *DB) AddStage(ctx context.Context, name, after string, probability, rotDays int) (model.Stage, error) {
	var out model.Stage
	err := d.Write(ctx, "add stage "+name, func(t *Tx) error {
		stages, err := listStages(ctx, t.tx)
		if err != nil {
			return err
		}
		prev, err := FindStage(stages, after)
		if err != nil {
			return err
		}
		if prev.Kind != model.StageOpen {
			return model.Invalid("after", "new stages go among the open stages, before Won and Lost")
		}
		s := model.Stage{Name: strings.TrimSpace(model.Sanitize(name)), Position: prev.Position + 1, Probability: probability, RotDays: rotDays, Kind: model.StageOpen}
		if err := s.Validate(); err != nil {
			return err
		}
		for _, o := range stages {
			if strings.EqualFold(o.Name, s.Name) {
				return model.Invalid("name", "a stage called %s already exists", o.Name)
			}
		}
		if err := t.shiftStages(stages, prev.Position+1, 1); err != nil {
			return err
		}
		s.ID, err = t.Insert("stages", []string{"name", "position", "probability", "rot_days", "kind"}, []any{s.Name, s.Position, s.Probability, s.RotDays, string(s.Kind)})
		out = s
		return err
	})
	return out, err
}

func (t *Tx) shiftStages(stages []model.Stage, from, by int) error {
	for i := len(stages) - 1; i >= 0; i-- {
		s := stages[i]
		if s.Position >= from {
			if err := t.Update("stages", s.ID, 0, []string{"position"}, []any{s.Position + by}); err != nil {
				return err
			}
		}
	}
	return nil
}

// RenameStage renames a stage.
func (d *DB) RenameStage(ctx context.Context, old, name string) (model.Stage, error) {
	var out model.Stage
	err := d.Write(ctx, "rename stage "+old, func(t *Tx) error {
		stages, err := listStages(ctx, t.tx)
		if err != nil {
			return err
		}
		s, err := FindStage(stages, old)
		if err != nil {
			return err
		}
		s.Name = strings.TrimSpace(model.Sanitize(name))
		if err := s.Validate(); err != nil {
			return err
		}
		if err := t.Update("stages", s.ID, 0, []string{"name"}, []any{s.Name}); err != nil {
			return err
		}
		out = s
		return t.touchStageCustomers(s.ID)
	})
	return out, err
}

// MoveStage places an open stage right after another open stage.
func (d *DB) MoveStage(ctx context.Context, ref, after string) error {
	return d.Write(ctx, "move stage "+ref, func(t *Tx) error {
		stages, err := listStages(ctx, t.tx)
		if err != nil {
			return err
		}
		s, err := FindStage(stages, ref)
		if err != nil {
			return err
		}
		prev, err := FindStage(stages, after)
		if err != nil {
			return err
		}
		if s.Kind != model.StageOpen || prev.Kind != model.StageOpen {
			return model.Invalid("stage", "only open stages can be reordered, among open stages")
		}
		if s.ID == prev.ID {
			return model.Invalid("after", "a stage cannot follow itself")
		}
		var order []model.Stage
		for _, o := range stages {
			if o.ID == s.ID {
				continue
			}
			order = append(order, o)
			if o.ID == prev.ID {
				order = append(order, s)
			}
		}
		for i, o := range order {
			if o.Position != i+1 {
				if err := t.Update("stages", o.ID, 0, []string{"position"}, []any{i + 1}); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

// RemoveStage deletes an open stage that holds no deals (refused otherwise).
func (d *DB) RemoveStage(ctx context.Context, ref string) error {
	return d.Write(ctx, "remove stage "+ref, func(t *Tx) error {
		stages, err := listStages(ctx, t.tx)
		if err != nil {
			return err
		}
		s, err := FindStage(stages, ref)
		if err != nil {
			return err
		}
		if s.Kind != model.StageOpen {
			return model.Invalid("stage", "%s closes deals and cannot be removed", s.Name)
		}
		var n int
		if err := t.tx.QueryRowContext(ctx, `SELECT count(*) FROM deals WHERE stage_id = ?`, s.ID).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return model.Invalid("stage", "%s still holds %d deal(s): move them to another stage first", s.Name, n)
		}
		var hist int
		if err := t.tx.QueryRowContext(ctx, `SELECT count(*) FROM deal_stage_history WHERE from_stage_id = ?1 OR to_stage_id = ?1`, s.ID).Scan(&hist); err != nil {
			return err
		}
		if hist > 0 {
			// Reports still need the stage's name: archive it instead of deleting.
			return t.Update("stages", s.ID, 0, []string{"archived_at"}, []any{t.now.Unix()})
		}
		return t.Delete("stages", s.ID)
	})
}
