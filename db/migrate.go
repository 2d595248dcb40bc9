package db

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/model/i18n"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// migration is one embedded schema step.
type migration struct {
	version int
	name    string
	sql     string
}

func migrations() ([]migration, error) {
	entries, err := migrationFS.ReadDir("migrations")
	if err != nil {
		return nil, err
	}
	var ms []migration
	for _, e := range entries {
		var v int
		if _, err := fmt.Sscanf(e.Name(), "%04d_", &v); err != nil {
			return nil, fmt.Errorf("migration %s: name must start with NNNN_", e.Name())
		}
		b, err := migrationFS.ReadFile("migrations/" + e.Name())
		if err != nil {
			return nil, err
		}
		ms = append(ms, migration{version: v, name: e.Name(), sql: string(b)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	// Numbers rise; a gap is allowed, so work on branches can reserve its
	// numbers (0007 may land before 0006). A book records the highest number
	// applied, so a missing step must land before any book passes it.
	for i, m := range ms {
		if m.version < 1 || (i > 0 && m.version <= ms[i-1].version) {
			return nil, fmt.Errorf("migrations must be numbered upwards from 1 without repeats: %s", m.name)
		}
	}
	return ms, nil
}

// latest is the highest schema version of ms.
func latest(ms []migration) int {
	if len(ms) == 0 {
		return 0
	}
	return ms[len(ms)-1].version
}

// SchemaVersion is the schema version this binary writes: the number of its
// newest migration.
func SchemaVersion() int {
	ms, _ := migrations()
	return latest(ms)
}

// UserVersion returns the schema version stored in the file.
func (d *DB) UserVersion(ctx context.Context) (int, error) {
	var v int
	q := d.direct()
	err := q.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v)
	return v, err
}

func (d *DB) migrate(ctx context.Context, locale string, zone *time.Location) error {
	ms, err := migrations()
	if err != nil {
		return err
	}
	cur, err := d.UserVersion(ctx)
	if err != nil {
		return describeOpenError(d.path, err)
	}
	if cur > latest(ms) {
		return i18n.Errorf("%s has schema version %d but this rapport understands up to %d; the file was left untouched: upgrade rapport", d.path, cur, latest(ms))
	}
	if cur == latest(ms) {
		return nil
	}
	var tables int
	if err := d.w.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_master WHERE type='table'").Scan(&tables); err != nil {
		return describeOpenError(d.path, err)
	}
	if cur == 0 && tables > 0 {
		return i18n.Errorf("%s is an SQLite file but not a rapport database; nothing was changed: point --db at another file", d.path)
	}
	if cur > 0 {
		if err := d.backupBeforeUpgrade(ctx, cur); err != nil {
			return i18n.Errorf("backup before upgrading %s failed, nothing was changed: %w", d.path, err)
		}
	}
	for _, m := range ms {
		if m.version <= cur {
			continue
		}
		if err := d.applyMigration(ctx, m, locale, zone); err != nil {
			return i18n.Errorf("upgrading %s to schema %d (%s) failed, the file is unchanged: %w", d.path, m.version, m.name, err)
		}
	}
	return nil
}

func (d *DB) applyMigration(ctx context.Context, m migration, locale string, zone *time.Location) error {
	tx, err := d.w.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, m.sql); err != nil {
		return err
	}
	if m.version == 1 {
		now := d.now()
		if zone != nil && zone.String() != "Local" {
			now = now.In(zone)
			if err := setSystemSetting(ctx, tx, "timezone", zone.String()); err != nil {
				return err
			}
		}
		if err := seedBook(ctx, tx, now, locale); err != nil {
			return err
		}
	}
	if m.version == careMigration {
		if err := seedCare(ctx, tx, d.now()); err != nil {
			return err
		}
	}
	if m.version == playbooksVersion {
		if err := seedPlaybooks(ctx, tx, d.now(), locale); err != nil {
			return err
		}
	}
	// PRAGMA takes no bound parameters: format the integer.
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", m.version)); err != nil {
		return err
	}
	return tx.Commit()
}

// seedBook writes the default stages and settings of a new book; locale
// picks its currency (see CurrencyForLocale).
func seedBook(ctx context.Context, q Querier, now time.Time, locale string) error {
	ts := now.Unix()
	for _, s := range model.DefaultStages() {
		if _, err := q.ExecContext(ctx, `INSERT INTO stages (name, position, probability, rot_days, kind, created_at, updated_at) VALUES (?,?,?,?,?,?,?)`,
			s.Name, s.Position, s.Probability, s.RotDays, string(s.Kind), ts, ts); err != nil {
			return err
		}
	}
	if _, err := q.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES ('currency', ?)`, CurrencyForLocale(locale)); err != nil {
		return err
	}
	// An empty book's revenue window starts today (see revenueFrom).
	_, err := q.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES ('revenue.from', ?)`, strconv.FormatInt(revenueFrom(model.DayOf(now), now.Location()), 10))
	return err
}

// CurrencyForLocale is a new book's currency for the user's locale (as
// LANG spells it): CNY under a Chinese locale, else USD.
func CurrencyForLocale(locale string) string {
	if strings.HasPrefix(strings.ToLower(locale), "zh") {
		return "CNY"
	}
	return "USD"
}

// backupBeforeUpgrade keeps a verified copy of the book at schema cur
// before migrating it. A copy left by an earlier attempt that failed is
// reused, so retries do not pile up full-size files.
func (d *DB) backupBeforeUpgrade(ctx context.Context, cur int) error {
	old, _ := filepath.Glob(fmt.Sprintf("%s.v%d-*.bak", d.path, cur))
	for _, p := range old {
		if verifyVersion(ctx, p) == cur {
			return nil
		}
	}
	bak := fmt.Sprintf("%s.v%d-%s.bak", d.path, cur, d.now().UTC().Format("20060102T150405"))
	return writeVerifiedCopy(ctx, d.w, bak, cur)
}

// verifyVersion returns the schema version of a copy, or -1 when it cannot be read.
func verifyVersion(ctx context.Context, path string) int {
	c, err := sql.Open("sqlite", rawDSN(path, "mode=ro"))
	if err != nil {
		return -1
	}
	defer c.Close()
	v := -1
	if err := c.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return -1
	}
	return v
}

// tableMeta lists a table's columns and key columns, for journal images.
type tableMeta struct {
	cols []string
	keys []string
}

func loadTableMeta(ctx context.Context, q Querier) (map[string]tableMeta, error) {
	journaled := []string{"customers", "contacts", "tags", "customer_tags", "stages", "deals", "deal_stage_history", "interactions", "followups", "orders", "settings", "goals", "care_dates", "holidays", "templates", "playbooks", "playbook_marks"}
	out := make(map[string]tableMeta, len(journaled))
	for _, t := range journaled {
		rows, err := q.QueryContext(ctx, "SELECT name, pk FROM pragma_table_info(?) ORDER BY cid", t)
		if err != nil {
			return nil, err
		}
		var m tableMeta
		type kc struct {
			name string
			pk   int
		}
		var ks []kc
		for rows.Next() {
			var name string
			var pk int
			if err := rows.Scan(&name, &pk); err != nil {
				rows.Close()
				return nil, err
			}
			m.cols = append(m.cols, name)
			if pk > 0 {
				ks = append(ks, kc{name, pk})
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
		sort.Slice(ks, func(i, j int) bool { return ks[i].pk < ks[j].pk })
		for _, k := range ks {
			m.keys = append(m.keys, k.name)
		}
		out[t] = m
	}
	return out, nil
}
