package db

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// BenchmarkPlaybookTimePass times what the time-based playbook rules add
// to a daily refresh: the at-risk, unanswered and every-N passes and the
// recompute of the customers they gave a follow-up. Each iteration is the
// next day: the refresh itself runs untimed with the rules off, then the
// rules' pass runs timed with them on. It needs a reference book made by
// `rapport demo --customers 100000 --generate-only` at the path in
// RAPPORT_PLAYBOOK_BOOK, with RAPPORT_TODAY set to the day it was built:
//
//	RAPPORT_PLAYBOOK_BOOK=/tmp/book.db RAPPORT_TODAY=2026-12-04 go test ./db/ -run '^$' -bench PlaybookTimePass -benchtime 10x
func BenchmarkPlaybookTimePass(b *testing.B) {
	src, day := os.Getenv("RAPPORT_PLAYBOOK_BOOK"), os.Getenv("RAPPORT_TODAY")
	if src == "" || day == "" {
		b.Skip("set RAPPORT_PLAYBOOK_BOOK to a 100k demo book and RAPPORT_TODAY to the day it was built")
	}
	start, err := time.ParseInLocation("2006-01-02", day, time.Local)
	if err != nil {
		b.Fatal(err)
	}
	path := filepath.Join(b.TempDir(), "book.db")
	if err := copyFile(src, path); err != nil {
		b.Fatal(err)
	}
	clock := start.Add(9 * time.Hour)
	d, err := Open(context.Background(), path, Options{Now: func() time.Time { return clock }, MustExist: true})
	if err != nil {
		b.Fatal(err)
	}
	defer d.Close()
	ctx := context.Background()
	set := func(on int) {
		if _, err := d.w.ExecContext(ctx, `UPDATE playbooks SET enabled = ?`, on); err != nil {
			b.Fatal(err)
		}
	}
	var run PlaybookRun
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		clock = clock.AddDate(0, 0, 1)
		if clock.Day() == 1 {
			clock = clock.AddDate(0, 0, 1) // not a refit day
		}
		set(0)
		if _, err := d.Refresh(ctx); err != nil {
			b.Fatal(err)
		}
		set(1)
		b.StartTimer()
		if err := d.Write(ctx, "", func(t *Tx) error {
			r, err := t.fireTimeRules(true)
			run.AtRisk += r.AtRisk
			run.Unanswered += r.Unanswered
			run.Every += r.Every
			return err
		}); err != nil {
			b.Fatal(err)
		}
	}
	n := float64(b.N)
	b.ReportMetric(float64(run.AtRisk)/n, "winbacks/op")
	b.ReportMetric(float64(run.Unanswered)/n, "otherchannel/op")
	b.ReportMetric(float64(run.Every)/n, "quarterly/op")
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
