package db

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/rapportcrm/rapport/model"
)

// Sort orders of the customer list.
const (
	SortRisk    = "risk"
	SortName    = "name"
	SortContact = "contact"
	SortNext    = "next"
	SortValue   = "value"
)

// Sorts lists the customer sort orders in the order `s` cycles them.
func Sorts() []string { return []string{SortRisk, SortName, SortContact, SortNext, SortValue} }

// CustomerQuery selects customers for the list.
type CustomerQuery struct {
	Filter model.Filter
	AtRisk bool // only at-risk customers (besides Filter.Risk)
	Sort   string
	Offset int
	Limit  int
	// Tags fills in CustomerRow.Tags (one more query per page).
	Tags bool
}

// CustomerRow is one line of the customer list.
type CustomerRow struct {
	ID           int64
	Name         string
	Company      string
	Email        string
	Phone        string
	Tier         model.Tier
	Lifecycle    model.Lifecycle
	Status       string
	LastContact  model.Day // NoDay when never contacted
	NextDue      model.Day
	NextTime     string
	NextOverdue  bool
	OpenPipeline int64 // in Currency (the book currency)
	Currency     string
	OpenDeals    int
	RiskScore    int
	RiskLevel    model.Level
	Reasons      []model.Reason
	Cadence      int
	Archived     bool
	// Tags are the customer's tag names, sorted (case folded), when the
	// query asked for them (CustomerQuery.Tags).
	Tags []string
}

// customerWhere renders the WHERE clause and ORDER prefix for q.
func customerWhere(q CustomerQuery, atRiskScore int) (where string, args []any, fieldRank string, rankArgs []any) {
	f := q.Filter
	conds := []string{"c.archived_at IS NULL"}
	if f.Archived {
		conds[0] = "c.archived_at IS NOT NULL"
	}
	if f.MatchesNothing() {
		conds = append(conds, "0") // a filter word that was not understood matches nothing
	}
	for _, tag := range f.Tags {
		conds = append(conds, "c.id IN (SELECT ct.customer_id FROM customer_tags ct JOIN tags t ON t.id = ct.tag_id WHERE t.name = ? COLLATE NOCASE)")
		args = append(args, tag)
	}
	if f.Tier != "" {
		conds = append(conds, "c.tier = ?")
		args = append(args, string(f.Tier))
	}
	if f.Risk != "" {
		conds = append(conds, "s.active = 1 AND s.risk_level = ?")
		args = append(args, string(f.Risk))
	}
	if q.AtRisk {
		conds = append(conds, "s.active = 1 AND s.risk_score >= ?")
		args = append(args, atRiskScore)
	}
	if f.Stage != "" {
		conds = append(conds, `c.id IN (SELECT d.customer_id FROM deals d JOIN stages st ON st.id = d.stage_id
			WHERE d.archived_at IS NULL AND d.status = 'open' AND st.name LIKE ? ESCAPE '\')`)
		args = append(args, likePrefix(f.Stage))
	}
	var fieldConds []string
	for _, term := range f.Terms {
		fc, fa := fieldMatch(term)
		if utf8.RuneCountInString(term) >= 3 {
			conds = append(conds, "("+fc+` OR c.id IN (SELECT i.customer_id FROM interactions i WHERE i.archived_at IS NULL
				AND i.id IN (SELECT rowid FROM interactions_fts WHERE interactions_fts MATCH ?)))`)
			args = append(args, fa...)
			args = append(args, ftsPhrase(term))
		} else {
			// A trigram index cannot match 1–2 characters: scan the customer
			// fields with instr (interaction text is searched from 3 characters).
			conds = append(conds, fc)
			args = append(args, fa...)
		}
		fieldConds = append(fieldConds, fc)
		rankArgs = append(rankArgs, fa...)
	}
	where = strings.Join(conds, " AND ")
	if len(fieldConds) > 0 {
		fieldRank = "(CASE WHEN " + strings.Join(fieldConds, " AND ") + " THEN 0 ELSE 1 END), "
	}
	return where, args, fieldRank, rankArgs
}

func ftsPhrase(term string) string {
	return `"` + strings.ReplaceAll(term, `"`, `""`) + `"`
}

// fieldMatch matches a term against the customer's own fields.
func fieldMatch(term string) (string, []any) {
	if utf8.RuneCountInString(term) >= 3 {
		return "c.id IN (SELECT rowid FROM customers_fts WHERE customers_fts MATCH ?)", []any{ftsPhrase(term)}
	}
	// A term without letters that have case (王芳, 42) is a plain substring
	// test; otherwise LIKE, which folds ASCII case.
	if strings.ToLower(term) == strings.ToUpper(term) {
		return `(instr(c.name, ?) > 0 OR instr(c.company, ?) > 0 OR instr(c.phone, ?) > 0 OR instr(c.email, ?) > 0 OR instr(c.notes, ?) > 0)`,
			[]any{term, term, term, term, term}
	}
	t := "%" + strings.TrimSuffix(likePrefix(term), "%") + "%"
	return `(c.name LIKE ? ESCAPE '\' OR c.company LIKE ? ESCAPE '\' OR c.email LIKE ? ESCAPE '\' OR c.phone LIKE ? ESCAPE '\' OR c.notes LIKE ? ESCAPE '\')`,
		[]any{t, t, t, t, t}
}

func orderBy(sort string) string {
	// Each order matches an index of customer_stats (migration 0003), so a
	// page is read in order instead of sorting the book.
	switch sort {
	case SortName:
		return "c.name COLLATE NOCASE, c.id"
	case SortContact:
		return "s.last_contact_day, s.customer_id"
	case SortNext:
		return "coalesce(s.next_followup_due, '9999-12-31'), coalesce(s.next_followup_time, ''), s.customer_id"
	case SortValue:
		return "s.open_pipeline_minor DESC, s.customer_id"
	}
	return "s.active DESC, s.risk_score DESC, s.last_contact_day, s.customer_id"
}

// ListCustomers returns one page of the customer list.
func (d *DB) ListCustomers(ctx context.Context, q CustomerQuery) ([]CustomerRow, error) {
	set, err := loadSettings(ctx, d.r)
	if err != nil {
		return nil, err
	}
	where, args, rank, rankArgs := customerWhere(q, set.Points.AtRiskThreshold)
	if q.Limit <= 0 {
		q.Limit = 100
	}
	query := `SELECT c.id, c.name, c.company, c.email, c.phone, c.tier, c.lifecycle, coalesce(c.cadence_days, 0), c.archived_at IS NOT NULL,
		coalesce(s.last_contact_at, 0), s.next_followup_due, coalesce(s.next_followup_time, ''), s.open_pipeline_minor, s.open_deals,
		s.risk_score, s.risk_level, s.risk_reasons, s.last_contact_day
		FROM customers c JOIN customer_stats s ON s.customer_id = c.id
		WHERE ` + where + ` ORDER BY ` + rank + orderBy(q.Sort) + fmt.Sprintf(" LIMIT %d OFFSET %d", q.Limit, q.Offset)
	rows, err := d.r.QueryContext(ctx, query, append(args, rankArgs...)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	now := d.now()
	today := model.DayOf(now)
	var out []CustomerRow
	for rows.Next() {
		var r CustomerRow
		var reasons string
		var lastDay model.Day
		var lastAt int64
		if err := scanRow(rows, "customer_stats", &r.ID, &r.Name, &r.Company, &r.Email, &r.Phone, &r.Tier, &r.Lifecycle, &r.Cadence, &r.Archived, &lastAt, &r.NextDue, &r.NextTime,
			&r.OpenPipeline, &r.OpenDeals, &r.RiskScore, &r.RiskLevel, &reasons, &lastDay); err != nil {
			return nil, err
		}
		r.Currency = set.Currency
		if lastAt > 0 {
			r.LastContact = model.DayOfUnix(lastAt, now.Location())
		}
		if !r.NextDue.IsZero() {
			r.NextOverdue = model.FollowupOverdue(r.NextDue, r.NextTime, now)
		}
		if r.Cadence == 0 {
			r.Cadence = set.Cadence[r.Tier]
		}
		r.Reasons = decodeReasons(reasons, today)
		since := 0
		if !lastDay.IsZero() {
			since = int(today - lastDay)
		}
		r.Status = model.ActivityStatus(r.Lifecycle == model.Churned, r.RiskLevel, since, r.Cadence)
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows.Close()
	if !q.Tags {
		return out, nil
	}
	return out, d.pageTags(ctx, out)
}

// tagChunk is how many customers one tag query of pageTags covers.
const tagChunk = 500

// pageTags fills in the tags of a page of the list, one query per
// tagChunk customers (the page's ids, through customer_tags' primary key),
// so their cost follows the page, not the filter's matches.
func (d *DB) pageTags(ctx context.Context, page []CustomerRow) error {
	for lo := 0; lo < len(page); lo += tagChunk {
		part := page[lo:min(lo+tagChunk, len(page))]
		at := make(map[int64]int, len(part))
		args := make([]any, len(part))
		for i := range part {
			at[part[i].ID] = i
			args[i] = part[i].ID
		}
		rows, err := d.r.QueryContext(ctx, `SELECT ct.customer_id, t.name FROM customer_tags ct JOIN tags t ON t.id = ct.tag_id
			WHERE ct.customer_id IN (?`+strings.Repeat(",?", len(part)-1)+`) ORDER BY ct.customer_id, t.name COLLATE NOCASE`, args...)
		if err != nil {
			return err
		}
		for rows.Next() {
			var id int64
			var name string
			if err := scanRow(rows, "customer_tags", &id, &name); err != nil {
				rows.Close()
				return err
			}
			if i, ok := at[id]; ok {
				part[i].Tags = append(part[i].Tags, name)
			}
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return err
		}
	}
	return nil
}

// CountCustomers counts the customers a query selects.
func (d *DB) CountCustomers(ctx context.Context, q CustomerQuery) (int, error) {
	set, err := loadSettings(ctx, d.r)
	if err != nil {
		return 0, err
	}
	where, args, _, _ := customerWhere(q, set.Points.AtRiskThreshold)
	var n int
	err = d.r.QueryRowContext(ctx, `SELECT count(*) FROM customers c JOIN customer_stats s ON s.customer_id = c.id WHERE `+where, args...).Scan(&n)
	return n, err
}

// likePrefix escapes s for a case-insensitive LIKE prefix match.
func likePrefix(s string) string {
	r := strings.NewReplacer(`\`, `\\`, "%", `\%`, "_", `\_`)
	return r.Replace(s) + "%"
}

// CustomerIndex returns the position (0-based) of customer id in the list
// q selects, in q's order, and false when the filter does not select it.
// Screens use it to keep the cursor on the same customer when the list is
// reloaded or re-sorted.
func (d *DB) CustomerIndex(ctx context.Context, q CustomerQuery, id int64) (int, bool, error) {
	set, err := loadSettings(ctx, d.r)
	if err != nil {
		return 0, false, err
	}
	where, args, rank, rankArgs := customerWhere(q, set.Points.AtRiskThreshold)
	var in int
	if err := d.r.QueryRowContext(ctx, `SELECT count(*) FROM customers c JOIN customer_stats s ON s.customer_id = c.id WHERE c.id = ? AND `+where,
		append([]any{id}, args...)...).Scan(&in); err != nil || in == 0 {
		return 0, false, err
	}
	var idx int
	err = d.r.QueryRowContext(ctx, `SELECT rn FROM (SELECT c.id AS id, row_number() OVER (ORDER BY `+rank+orderBy(q.Sort)+`) - 1 AS rn
		FROM customers c JOIN customer_stats s ON s.customer_id = c.id WHERE `+where+`) WHERE id = ?`,
		append(append(rankArgs, args...), id)...).Scan(&idx)
	if err != nil {
		return 0, false, err
	}
	return idx, true, nil
}
