package transfer

import (
	"errors"
	"strings"
	"testing"
)

// TestMostlyUTF8WithBadBytes: a UTF-8 file with two truncated characters
// (E2 80, an apostrophe's first bytes) on line 3 was taken for GB18030 and
// every name decoded through it; it is UTF-8 with a warning naming line 3,
// the damaged bytes shown as U+FFFD.
func TestMostlyUTF8WithBadBytes(t *testing.T) {
	d := openBook(t)
	rep := importFixture(t, d, "utf8_few_bad_bytes.csv", Options{})
	if rep.Encoding != EncUTF8 || rep.Created != 3 {
		t.Fatalf("encoding %s, created %d (want utf-8, 3): %+v", rep.Encoding, rep.Created, rep)
	}
	if !hasWarning(rep, 3, "invalid bytes (on line 3)") {
		t.Errorf("want a warning about the bad bytes on line 3: %+v", rep.Warnings)
	}
	c := byName(t, customers(t, d), "Pat O\uFFFDBrien")
	if c.Company != "Pat\uFFFDs Pub" || c.Email != "pat@example.com" {
		t.Errorf("damaged row: %+v", c)
	}
}

// TestHistoryDatesOutOfRange: interactions and orders dated in the future
// (year 9999, tomorrow) or before 1971 through the machine forms that skip
// model.ParseWhen are refused by line as the CLI and the stores refuse
// them; nothing is written, and --skip-bad imports the rest.
func TestHistoryDatesOutOfRange(t *testing.T) {
	for _, kind := range []string{KindInteractions, KindOrders} {
		t.Run(kind, func(t *testing.T) {
			d := openBook(t)
			importFixture(t, d, "history_dates.csv", Options{Kind: KindCustomers})
			before := count(t, d, kind)
			rep, err := ImportFile(t.Context(), d, "testdata/history_dates.csv", Options{Name: "history_dates.csv", Kind: kind})
			if !errors.Is(err, ErrBadRows) {
				t.Fatalf("want bad rows, got %v (%+v)", err, rep)
			}
			want := map[int]string{3: "future", 4: "future", 5: "1971", 6: "future"}
			if len(rep.Rejected) != len(want) {
				t.Errorf("rejected %+v, want lines 3-6", rep.Rejected)
			}
			for _, r := range rep.Rejected {
				if !strings.Contains(r.Reason, want[r.Line]) || !strings.Contains(r.Reason, "date") {
					t.Errorf("line %d: %q (want %q)", r.Line, r.Reason, want[r.Line])
				}
			}
			if n := count(t, d, kind); n != before {
				t.Fatalf("refused, yet %d %s were written", n-before, kind)
			}
			rep, err = ImportFile(t.Context(), d, "testdata/history_dates.csv", Options{Name: "history_dates.csv", Kind: kind, SkipBad: true})
			if err != nil || rep.Created != 2 || len(rep.Rejected) != 4 {
				t.Fatalf("skip-bad: %v created %d rejected %+v", err, rep.Created, rep.Rejected)
			}
			if n := count(t, d, kind); n != before+2 {
				t.Errorf("skip-bad wrote %d %s, want 2", n-before, kind)
			}
		})
	}
}

// TestDealDatesInFuture: a won deal closed in 9999 (its order would be
// dated then) and a deal created in 2030 are refused by line; an open
// deal's future close date is its expected close and is kept.
func TestDealDatesInFuture(t *testing.T) {
	d := openBook(t)
	importFixture(t, d, "history_dates.csv", Options{Kind: KindCustomers})
	rep, err := ImportFile(t.Context(), d, "testdata/deal_dates.csv", Options{Name: "deal_dates.csv", Kind: KindDeals})
	if !errors.Is(err, ErrBadRows) || len(rep.Rejected) != 2 {
		t.Fatalf("want lines 3 and 5 refused, got %v %+v", err, rep.Rejected)
	}
	if r := rep.Rejected[0]; r.Line != 3 || !strings.Contains(r.Reason, "closed date") || !strings.Contains(r.Reason, "future") {
		t.Errorf("line 3: %+v", r)
	}
	if r := rep.Rejected[1]; r.Line != 5 || !strings.Contains(r.Reason, "created date") || !strings.Contains(r.Reason, "future") {
		t.Errorf("line 5: %+v", r)
	}
	if count(t, d, "deals")+count(t, d, "orders") != 0 {
		t.Fatal("refused, yet deals or orders were written")
	}
	rep, err = ImportFile(t.Context(), d, "testdata/deal_dates.csv", Options{Name: "deal_dates.csv", Kind: KindDeals, SkipBad: true})
	if err != nil || rep.Created != 2 || count(t, d, "deals") != 2 || count(t, d, "orders") != 1 {
		t.Fatalf("skip-bad: %v created %d, %d deals %d orders", err, rep.Created, count(t, d, "deals"), count(t, d, "orders"))
	}
	var expected string
	d.Reader().QueryRow(`SELECT expected_close FROM deals WHERE title = 'Pilot'`).Scan(&expected)
	if !strings.HasPrefix(expected, "2027-03-01") {
		t.Errorf("open deal's close date is its expected close: %q", expected)
	}
}
