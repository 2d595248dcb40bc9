package db

import (
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/rapportcrm/rapport/model"
)

// CustomerTags are tags to add to one customer.
type CustomerTags struct {
	CustomerID int64
	Tags       []string
}

// AddTagsBulk adds tags to many customers that this command created (a
// bulk import): each tag name is looked up or created once, the links are
// inserted with one prepared statement, and each link is journaled with
// its two ids, so undo and redo treat them as SetTags does.
func (t *Tx) AddTagsBulk(links []CustomerTags) error {
	ids := map[string]int64{}
	ins, err := t.tx.PrepareContext(t.ctx, `INSERT OR IGNORE INTO customer_tags (customer_id, tag_id) VALUES (?, ?)`)
	if err != nil {
		return err
	}
	defer ins.Close()
	jr, err := t.tx.PrepareContext(t.ctx, `INSERT INTO changes (batch_id, tbl, row_id, before, after) VALUES (?, 'customer_tags', ?, NULL, ?)`)
	if err != nil {
		return err
	}
	defer jr.Close()
	for _, l := range links {
		for _, name := range l.Tags {
			name = strings.TrimPrefix(strings.TrimSpace(model.Sanitize(name)), "#")
			if name == "" {
				continue
			}
			if len([]rune(name)) > 60 {
				return model.Invalid("tag", "%q is longer than 60 characters", name)
			}
			key := strings.ToLower(name)
			tagID, ok := ids[key]
			if !ok {
				err := t.tx.QueryRowContext(t.ctx, `SELECT id FROM tags WHERE name = ? COLLATE NOCASE`, name).Scan(&tagID)
				if errors.Is(err, sql.ErrNoRows) {
					tagID, err = t.Insert("tags", []string{"name"}, []any{name})
				}
				if err != nil {
					return err
				}
				ids[key] = tagID
			}
			res, err := ins.ExecContext(t.ctx, l.CustomerID, tagID)
			if err != nil {
				return err
			}
			if n, _ := res.RowsAffected(); n == 0 || t.desc == "" {
				continue
			}
			if err := t.ensureBatch(); err != nil {
				return err
			}
			img := fmt.Sprintf(`{"customer_id":%d,"tag_id":%d}`, l.CustomerID, tagID)
			if _, err := jr.ExecContext(t.ctx, t.batch, l.CustomerID, img); err != nil {
				return err
			}
		}
	}
	return nil
}

// InsertContactsBulk inserts contact people of customers that this command
// created (a bulk import), journaled compactly as ranges of ids. It does
// not demote other primaries: the customers are new.
func (t *Tx) InsertContactsBulk(cs []model.Contact) error {
	if len(cs) == 0 {
		return nil
	}
	ins, err := t.tx.PrepareContext(t.ctx, `INSERT INTO contacts (customer_id, name, role, email, phone, is_primary, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	defer ins.Close()
	now := t.now.Unix()
	var from, to int64
	flush := func() error {
		if from == 0 {
			return nil
		}
		return t.JournalRange("contacts", from, to)
	}
	for i := range cs {
		c := &cs[i]
		c.Name = strings.TrimSpace(c.Name)
		if err := c.Validate(); err != nil {
			return err
		}
		res, err := ins.ExecContext(t.ctx, c.CustomerID, c.Name, c.Role, c.Email, c.Phone, c.IsPrimary, now, now)
		if err != nil {
			return err
		}
		id, err := res.LastInsertId()
		if err != nil {
			return err
		}
		c.ID = id
		if from != 0 && id == to+1 {
			to = id
			continue
		}
		if err := flush(); err != nil {
			return err
		}
		from, to = id, id
	}
	return flush()
}
