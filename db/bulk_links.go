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
// bulk import); see LinkWriter.
func (t *Tx) AddTagsBulk(links []CustomerTags) error {
	w, err := t.NewLinkWriter()
	if err != nil {
		return err
	}
	defer w.Close()
	for _, l := range links {
		if err := w.AddTags(l.CustomerID, l.Tags); err != nil {
			return err
		}
	}
	return w.Journal()
}

// InsertContactsBulk inserts contact people of customers that this command
// created (a bulk import); see LinkWriter.
func (t *Tx) InsertContactsBulk(cs []model.Contact) error {
	w, err := t.NewLinkWriter()
	if err != nil {
		return err
	}
	defer w.Close()
	for i := range cs {
		if err := w.AddContact(&cs[i]); err != nil {
			return err
		}
	}
	return w.Journal()
}

// LinkWriter inserts the tags and contact people of customers a bulk
// import creates, as the import reads them, and journals them when asked:
// after the customers' own journal range, so undo removes them before
// their customers and redo puts them back after. Each tag name is looked
// up (or created) once; a link is remembered as two ids and a contact as
// part of a range of ids until Journal, so memory stays small.
type LinkWriter struct {
	t          *Tx
	tagIDs     map[string]int64
	insLink    *sql.Stmt
	insContact *sql.Stmt
	links      [][2]int64
	from, to   []int64 // contact id ranges
}

// NewLinkWriter prepares a LinkWriter; Close it when done.
func (t *Tx) NewLinkWriter() (*LinkWriter, error) {
	w := &LinkWriter{t: t, tagIDs: map[string]int64{}}
	var err error
	if w.insLink, err = t.tx.PrepareContext(t.ctx, `INSERT OR IGNORE INTO customer_tags (customer_id, tag_id) VALUES (?, ?)`); err != nil {
		return nil, err
	}
	if w.insContact, err = t.tx.PrepareContext(t.ctx, `INSERT INTO contacts (customer_id, name, role, email, phone, is_primary, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`); err != nil {
		w.insLink.Close()
		return nil, err
	}
	return w, nil
}

// Close releases the prepared statements.
func (w *LinkWriter) Close() {
	w.insLink.Close()
	w.insContact.Close()
}

// AddTags links tags to a customer this command created.
func (w *LinkWriter) AddTags(customerID int64, tags []string) error {
	t := w.t
	for _, name := range tags {
		name = strings.TrimPrefix(strings.TrimSpace(model.Sanitize(name)), "#")
		if name == "" {
			continue
		}
		if len([]rune(name)) > 60 {
			return model.Invalid("tag", "%q is longer than 60 characters", name)
		}
		key := strings.ToLower(name)
		tagID, ok := w.tagIDs[key]
		if !ok {
			err := t.tx.QueryRowContext(t.ctx, `SELECT id FROM tags WHERE name = ? COLLATE NOCASE`, name).Scan(&tagID)
			if errors.Is(err, sql.ErrNoRows) {
				tagID, err = t.Insert("tags", []string{"name"}, []any{name})
			}
			if err != nil {
				return err
			}
			w.tagIDs[key] = tagID
		}
		res, err := w.insLink.ExecContext(t.ctx, customerID, tagID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n > 0 {
			w.links = append(w.links, [2]int64{customerID, tagID})
		}
	}
	return nil
}

// AddContact inserts a contact person of a customer this command created.
// It does not demote other primaries: the customer is new.
func (w *LinkWriter) AddContact(c *model.Contact) error {
	c.Name = strings.TrimSpace(c.Name)
	if err := c.Validate(); err != nil {
		return err
	}
	now := w.t.now.Unix()
	res, err := w.insContact.ExecContext(w.t.ctx, c.CustomerID, c.Name, c.Role, c.Email, c.Phone, c.IsPrimary, now, now)
	if err != nil {
		return err
	}
	id, err := res.LastInsertId()
	if err != nil {
		return err
	}
	c.ID = id
	if n := len(w.to); n > 0 && w.to[n-1]+1 == id {
		w.to[n-1] = id
		return nil
	}
	w.from, w.to = append(w.from, id), append(w.to, id)
	return nil
}

// Journal records the contacts and links written so far (and forgets
// them): contacts as ranges of ids, each link with its two ids, as SetTags
// journals one.
func (w *LinkWriter) Journal() error {
	t := w.t
	for i := range w.from {
		if err := t.JournalRange("contacts", w.from[i], w.to[i]); err != nil {
			return err
		}
	}
	w.from, w.to = nil, nil
	if len(w.links) == 0 || t.desc == "" {
		w.links = nil
		return nil
	}
	if err := t.ensureBatch(); err != nil {
		return err
	}
	jr, err := t.tx.PrepareContext(t.ctx, `INSERT INTO changes (batch_id, tbl, row_id, before, after) VALUES (?, 'customer_tags', ?, NULL, ?)`)
	if err != nil {
		return err
	}
	defer jr.Close()
	for _, l := range w.links {
		img := fmt.Sprintf(`{"customer_id":%d,"tag_id":%d}`, l[0], l[1])
		if _, err := jr.ExecContext(t.ctx, t.batch, l[0], img); err != nil {
			return err
		}
	}
	w.links = nil
	return nil
}
