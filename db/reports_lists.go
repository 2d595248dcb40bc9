package db

import (
	"context"
	"database/sql"
	"fmt"
)

// scanIntLists runs a query that returns one row of n group_concat'ed
// integer lists and calls fn with each tuple. The aggregates of one query
// step over the same rows in the same order, so the lists are aligned.
//
// The report scans hundreds of thousands of rows; handing them to Go as
// one text value per column costs far less than one driver row each.
func scanIntLists(ctx context.Context, q Querier, n int, fn func(v []int64), query string, args ...any) error {
	cols := make([]sql.NullString, n)
	dest := make([]any, n)
	for i := range cols {
		dest[i] = &cols[i]
	}
	if err := q.QueryRowContext(ctx, query, args...).Scan(dest...); err != nil {
		return err
	}
	pos := make([]int, n)
	v := make([]int64, n)
	for {
		for i := range n {
			s, p := cols[i].String, pos[i]
			if p >= len(s) {
				if i == 0 {
					return nil
				}
				return fmt.Errorf("report: list %d ended early", i)
			}
			neg := s[p] == '-'
			if neg {
				p++
			}
			var x int64
			for ; p < len(s) && s[p] != ','; p++ {
				c := s[p]
				if c < '0' || c > '9' {
					return fmt.Errorf("report: %q is not an integer list", s[max(0, p-10):min(len(s), p+10)])
				}
				x = x*10 + int64(c-'0')
			}
			if neg {
				x = -x
			}
			v[i], pos[i] = x, p+1
		}
		fn(v)
	}
}
