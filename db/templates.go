package db

import (
	"context"
	"database/sql"
	"errors"
	"github.com/rapportcrm/rapport/model/i18n"
	"strings"

	"github.com/rapportcrm/rapport/model"
)

const templateCols = `id, name, purpose, tier, tag, body, created_at, updated_at, coalesce(archived_at, 0), version`

func scanTemplate(s interface{ Scan(...any) error }, t *model.Template) error {
	var tier string
	if err := s.Scan(&t.ID, &t.Name, &t.Purpose, &tier, &t.Tag, &t.Body, &t.CreatedAt, &t.UpdatedAt, &t.ArchivedAt, &t.Version); err != nil {
		return err
	}
	t.Tier = model.Tier(tier)
	return nil
}

// Templates returns the live message templates, by name.
func (d *DB) Templates(ctx context.Context) ([]model.Template, error) {
	rows, err := d.r.QueryContext(ctx, `SELECT `+templateCols+` FROM templates WHERE archived_at IS NULL ORDER BY name COLLATE NOCASE`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []model.Template
	for rows.Next() {
		var t model.Template
		if err := scanTemplate(rows, &t); err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// Template returns the live template called name (case-insensitive), or
// one whose name starts with it when only one does.
func (d *DB) Template(ctx context.Context, name string) (model.Template, error) {
	var t model.Template
	name = strings.TrimSpace(name)
	err := scanTemplate(d.r.QueryRowContext(ctx, `SELECT `+templateCols+` FROM templates WHERE name = ? COLLATE NOCASE AND archived_at IS NULL`, name), &t)
	if !errors.Is(err, sql.ErrNoRows) {
		return t, err
	}
	all, err := d.Templates(ctx)
	if err != nil {
		return t, err
	}
	var hits []model.Template
	for _, x := range all {
		if strings.HasPrefix(strings.ToLower(x.Name), strings.ToLower(name)) {
			hits = append(hits, x)
		}
	}
	switch len(hits) {
	case 1:
		return hits[0], nil
	case 0:
		return t, i18n.Errorf("template %q: %w (rapport template list shows them)", name, model.ErrNotFound)
	}
	names := make([]string, len(hits))
	for i, h := range hits {
		names[i] = h.Name
	}
	return t, i18n.Errorf("template %q is ambiguous: %s", name, strings.Join(names, ", "))
}

// AddTemplate adds a message template; a name in use is refused.
func (t *Tx) AddTemplate(tp *model.Template) (int64, error) {
	tp.Name = strings.TrimSpace(tp.Name)
	tp.Purpose = model.NormalPurpose(tp.Purpose)
	if err := tp.Validate(); err != nil {
		return 0, err
	}
	var n int
	if err := t.tx.QueryRowContext(t.ctx, `SELECT count(*) FROM templates WHERE name = ? COLLATE NOCASE AND archived_at IS NULL`, tp.Name).Scan(&n); err != nil {
		return 0, err
	}
	if n > 0 {
		return 0, model.Invalid("name", "%q is already a template: edit it with rapport template edit", tp.Name)
	}
	id, err := t.Insert("templates", []string{"name", "purpose", "tier", "tag", "body"}, []any{tp.Name, tp.Purpose, string(tp.Tier), tp.Tag, tp.Body})
	tp.ID = id
	return id, err
}

// UpdateTemplate saves an edited template (checking its version).
func (t *Tx) UpdateTemplate(tp *model.Template) error {
	tp.Name = strings.TrimSpace(tp.Name)
	tp.Purpose = model.NormalPurpose(tp.Purpose)
	if err := tp.Validate(); err != nil {
		return err
	}
	var n int
	if err := t.tx.QueryRowContext(t.ctx, `SELECT count(*) FROM templates WHERE name = ? COLLATE NOCASE AND archived_at IS NULL AND id <> ?`, tp.Name, tp.ID).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return model.Invalid("name", "%q is already another template's name", tp.Name)
	}
	return t.Update("templates", tp.ID, tp.Version, []string{"name", "purpose", "tier", "tag", "body"}, []any{tp.Name, tp.Purpose, string(tp.Tier), tp.Tag, tp.Body})
}

// RemoveTemplate archives a template.
func (t *Tx) RemoveTemplate(id int64) error {
	return t.Update("templates", id, 0, []string{"archived_at"}, []any{t.now.Unix()})
}
