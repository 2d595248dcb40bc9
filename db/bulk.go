package db

import (
	"context"
	"time"
)

// BulkLoad runs fn in one write transaction made for loading many rows at
// once (the demo generator, large imports): the full-text triggers are
// dropped for its duration and recreated after it, the search index is
// rebuilt once, and every customer's stats and risk are recomputed once,
// all before the single commit. desc names the command for the undo
// journal ("" for none); fn may record what it inserted with
// Tx.JournalRange.
func (d *DB) BulkLoad(ctx context.Context, desc string, fn func(t *Tx) error) error {
	return d.Write(ctx, desc, func(t *Tx) error {
		trig, err := ftsTriggers(ctx, t.tx)
		if err != nil {
			return err
		}
		for name := range trig {
			if _, err := t.tx.ExecContext(ctx, "DROP TRIGGER "+name); err != nil {
				return err
			}
		}
		if err := fn(t); err != nil {
			return err
		}
		for _, sql := range trig {
			if _, err := t.tx.ExecContext(ctx, sql); err != nil {
				return err
			}
		}
		for _, fts := range []string{"customers_fts", "interactions_fts"} {
			// A bigger in-memory hash (16 MB; FTS5's default is 1 MB) makes the
			// rebuild write fewer segments and merge far less: about 2.5×
			// faster for 100,000 customers with notes. The default is put
			// back afterwards.
			for _, cmd := range []string{"INSERT INTO " + fts + " (" + fts + ", rank) VALUES ('hashsize', 16777216)",
				"INSERT INTO " + fts + " (" + fts + ") VALUES ('rebuild')",
				"INSERT INTO " + fts + " (" + fts + ", rank) VALUES ('hashsize', 1048576)"} {
				if _, err := t.tx.ExecContext(ctx, cmd); err != nil {
					return err
				}
			}
		}
		t.touched = map[int64]struct{}{}
		// A bulk load brings a history: fit the lapse model on it first, so
		// the stats are built once, with it (the next Refresh need not refit).
		if err := refitIfDue(ctx, t.tx, t.now); err != nil {
			return err
		}
		if err := d.recomputeStats(ctx, t.tx, nil, t.now); err != nil {
			return err
		}
		return startRulesFromNow(ctx, t.tx, t.Today())
	})
}

func ftsTriggers(ctx context.Context, q Querier) (map[string]string, error) {
	rows, err := q.QueryContext(ctx, `SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%\_fts\_%' ESCAPE '\'`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var n, s string
		if err := rows.Scan(&n, &s); err != nil {
			return nil, err
		}
		out[n] = s
	}
	return out, rows.Err()
}

// SetNow replaces the book's clock (tests and RAPPORT_NOW).
func (d *DB) SetNow(now func() time.Time) { d.now = now }
