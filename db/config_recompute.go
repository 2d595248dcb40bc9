package db

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/rapportcrm/rapport/model"
)

// configAttempts is how many times SetConfig computes the book's stats on
// a snapshot before it gives up on that and recomputes them inside the
// write lock (the book kept changing while it computed).
const configAttempts = 3

// errSnapshotMoved says the book changed between the snapshot the stats
// were computed on and the write lock.
var errSnapshotMoved = errors.New("the book changed while its stats were computed")

// recomputesAll reports whether changing a setting changes every
// customer's stats.
func recomputesAll(key string) bool {
	return strings.HasPrefix(key, "risk.") || strings.HasPrefix(key, "cadence.") || key == "rhythm" || key == "currency" || key == "timezone"
}

// setConfigFromSnapshot changes a setting that changes every customer's
// stats without holding the write lock while they are computed: the stats
// are computed on a read snapshot with the new setting, compared with the
// stored rows there, and only the writes that differ are made under a
// short write transaction, which first checks that nothing was committed
// since the snapshot (errSnapshotMoved when something was; nothing is
// written then). The result is what recomputing inside the lock gives.
func (d *DB) setConfigFromSnapshot(ctx context.Context, key, value string) error {
	now := d.now()
	if key == "timezone" {
		loc, _ := time.LoadLocation(value)
		now = now.In(loc)
	}
	snap, err := d.openSnapshot(ctx)
	if err != nil {
		return mapError(err)
	}
	defer snap.close()
	plan, err := planConfig(ctx, snap, key, value, now)
	if err != nil {
		return mapError(err)
	}
	if err := snap.end(ctx); err != nil {
		return mapError(err)
	}
	if d.afterSnapshot != nil {
		d.afterSnapshot()
	}
	var locked time.Time // when the write transaction began: the lock is held from then on
	err = d.Write(ctx, "config "+key+" = "+value, func(t *Tx) error {
		locked = time.Now()
		if model.DayOf(t.now.In(now.Location())) != model.DayOf(now) {
			return errSnapshotMoved // midnight passed: the rows are yesterday's
		}
		moved, err := snap.moved(ctx)
		if err != nil {
			return err
		}
		if moved {
			return errSnapshotMoved
		}
		t.now = t.now.In(now.Location())
		if err := t.setSetting(key, value); err != nil {
			return err
		}
		// Every row's revenue now counts from today's window start (as a
		// whole-book writeStats records).
		if err := setSystemSetting(ctx, t.tx, "revenue.from", strconv.FormatInt(revenueFrom(model.DayOf(now), now.Location()), 10)); err != nil {
			return err
		}
		if err := plan.exec(ctx, t.tx); err != nil {
			return err
		}
		// As a recompute inside the lock does (Tx.settle): customers the
		// new setting puts at risk get their at-risk rules' follow-ups,
		// and those customers' stats are recomputed when the command ends.
		if t.quiet {
			return nil
		}
		_, err = t.fireAtRisk(nil)
		return err
	})
	if err == nil && d.lockHook != nil {
		// Through the commit (and the checkpoint after it, which can take
		// the lock for a moment at its end).
		d.lockHook(time.Since(locked))
	}
	return err
}

// planConfig computes, on the snapshot, every customer's stats with the
// setting changed, and the writes that bring the stored rows to them.
func planConfig(ctx context.Context, snap *snapshot, key, value string, now time.Time) (*statsPlan, error) {
	q := snap.conns
	set, err := loadSettings(ctx, q[0])
	if err != nil {
		return nil, err
	}
	applySetting(&set, key, value)
	accs, order, err := gatherInputsOn(ctx, [4]Querier{q[0], q[1], q[2], q[3]}, nil, now.Location(), model.DayOf(now), set.Currency)
	if err != nil {
		return nil, err
	}
	var old map[int64][]any
	var oldDeals map[int64]storedDeal
	done := make(chan error, 1)
	go func() {
		var err error
		oldDeals, err = readStoredDeals(ctx, q[1], nil)
		done <- err
	}()
	old, err = readStoredStats(ctx, q[0], nil)
	if derr := <-done; err == nil {
		err = derr
	}
	if err != nil {
		return nil, err
	}
	return planStatsDelta(set, accs, order, old, oldDeals, now), nil
}

// snapshot is four reader connections, each in its own read transaction,
// with the data_version each saw when its transaction began. When none of
// them sees a new data_version later, nothing was committed since the
// first of them began: they all saw the same book, the one still there.
type snapshot struct {
	conns    []*sql.Conn
	versions []int64
	open     bool
}

// openSnapshot pins four reader connections and begins a read transaction
// on each (a plain BEGIN: deferred, so it takes no write lock; its first
// read fixes what it sees).
func (d *DB) openSnapshot(ctx context.Context) (*snapshot, error) {
	s := &snapshot{open: true}
	for range 4 {
		c, err := d.r.Conn(ctx)
		if err != nil {
			s.close()
			return nil, err
		}
		s.conns = append(s.conns, c)
		var v int64
		if _, err := c.ExecContext(ctx, "BEGIN"); err != nil {
			s.close()
			return nil, err
		}
		if err := c.QueryRowContext(ctx, "PRAGMA data_version").Scan(&v); err != nil {
			s.close()
			return nil, err
		}
		s.versions = append(s.versions, v)
	}
	return s, nil
}

// end ends the read transactions (the connections stay pinned).
func (s *snapshot) end(ctx context.Context) error {
	if !s.open {
		return nil
	}
	s.open = false
	var first error
	for _, c := range s.conns {
		if _, err := c.ExecContext(ctx, "COMMIT"); err != nil && first == nil {
			first = err
		}
	}
	return first
}

// moved reports whether anything was committed since the snapshot began.
func (s *snapshot) moved(ctx context.Context) (bool, error) {
	for i, c := range s.conns {
		var v int64
		if err := c.QueryRowContext(ctx, "PRAGMA data_version").Scan(&v); err != nil {
			return false, err
		}
		if v != s.versions[i] {
			return true, nil
		}
	}
	return false, nil
}

// close ends the read transactions if need be and hands the connections
// back to the pool.
func (s *snapshot) close() {
	if s.open {
		for _, c := range s.conns {
			c.ExecContext(context.Background(), "ROLLBACK")
		}
		s.open = false
	}
	for _, c := range s.conns {
		c.Close()
	}
}
