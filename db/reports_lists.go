package db

import (
	"context"
	"database/sql"
	"fmt"
)

// intLists is one row of n group_concat'ed integer lists, read tuple by
// tuple. The aggregates of one query step over the same rows in the same
// order, so the lists are aligned.
//
// The report scans hundreds of thousands of rows; handing them to Go as
// one text value per column costs far less than one driver row each.
type intLists struct {
	cols []sql.NullString
	pos  []int
	v    []int64
}

// queryIntLists runs a query that returns n integer lists followed by one
// column for each of extra (scanned into them).
func queryIntLists(ctx context.Context, q Querier, n int, extra []any, query string, args ...any) (*intLists, error) {
	l := &intLists{cols: make([]sql.NullString, n), pos: make([]int, n), v: make([]int64, n)}
	dest := make([]any, 0, n+len(extra))
	for i := range l.cols {
		dest = append(dest, &l.cols[i])
	}
	dest = append(dest, extra...)
	if err := q.QueryRowContext(ctx, query, args...).Scan(dest...); err != nil {
		return nil, err
	}
	return l, nil
}

// each calls fn with each tuple, in order.
func (l *intLists) each(fn func(v []int64)) error {
	n := len(l.cols)
	for {
		for i := range n {
			s, p := l.cols[i].String, l.pos[i]
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
			l.v[i], l.pos[i] = x, p+1
		}
		fn(l.v)
	}
}

// scanIntLists runs a query that returns one row of n group_concat'ed
// integer lists and calls fn with each tuple.
func scanIntLists(ctx context.Context, q Querier, n int, fn func(v []int64), query string, args ...any) error {
	l, err := queryIntLists(ctx, q, n, nil, query, args...)
	if err != nil {
		return err
	}
	return l.each(fn)
}
