package db

import (
	"context"
	"time"
)

// Instruments for the external tests of this package (db_test).

// SetAfterSnapshot makes SetConfig's snapshot path call f between the
// stats' computation and the write lock.
func SetAfterSnapshot(d *DB, f func()) { d.afterSnapshot = f }

// SetLockHook makes SetConfig's snapshot path tell f how long it held the
// write lock.
func SetLockHook(d *DB, f func(time.Duration)) { d.lockHook = f }

// SetConfigInLock is SetConfig recomputing inside the write lock, as it
// did before the snapshot path.
func SetConfigInLock(ctx context.Context, d *DB, key, value string) error {
	return d.setConfigInLock(ctx, key, value)
}

// ConfigAttempts is configAttempts.
const ConfigAttempts = configAttempts
