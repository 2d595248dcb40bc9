package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model"
)

// riskCLIBook builds a book of 120 customers who order on their own
// rhythm (every 10 to 130 days), a third of them stopping at some point.
func riskCLIBook(t *testing.T) string {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "book.db")
	now := reportNow()
	d, err := db.Open(ctx, path, db.Options{Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	err = d.Write(ctx, "book", func(tx *db.Tx) error {
		for i := 0; i < 120; i++ {
			id, err := tx.CreateCustomer(&model.Customer{Name: fmt.Sprintf("Customer %03d", i)})
			if err != nil {
				return err
			}
			gap := 10 + (i*37)%121
			stop := 0
			if i%3 == 0 {
				stop = 30 + (i*53)%300
			}
			for ago := 600 - i%7; ago > stop; ago -= gap {
				o := model.Order{CustomerID: id, AmountMinor: int64(1000 + (i*7919)%90000), Currency: "USD", OrderedAt: now.AddDate(0, 0, -ago).Unix()}
				if _, err := tx.CreateOrder(&o); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return path
}

func TestRiskRefitVerb(t *testing.T) {
	path := riskCLIBook(t)
	code, out, errs := runReportCLI(t, path, "risk", "refit")
	if code != ExitOK {
		t.Fatalf("risk refit: exit %d\n%s%s", code, out, errs)
	}
	for _, want := range []string{"risk model fitted on 2026-11-23 from 120 customers (their orders as of 2026-08-25",
		"weights: intercept ", "in this book, ", "self-check: 120 customers as of 2026-08-25, scored with weights fitted as of 2026-05-27", "  AUC 0."} {
		if !strings.Contains(out, want) {
			t.Errorf("risk refit output lacks %q:\n%s", want, out)
		}
	}
	code, out, errs = runReportCLI(t, path, "risk", "refit", "--json")
	if code != ExitOK {
		t.Fatalf("risk refit --json: exit %d\n%s%s", code, out, errs)
	}
	var ck db.RiskCheck
	if err := json.Unmarshal([]byte(out), &ck); err != nil {
		t.Fatalf("risk refit --json: %v\n%s", err, out)
	}
	if !ck.Shown || ck.Customers != 120 || ck.Training != 120 || ck.AUC <= 0.5 || ck.Precision.D != ck.AtRisk {
		t.Fatalf("risk_check %+v", ck)
	}
	// report --json carries the same check.
	code, out, _ = runReportCLI(t, path, "report", "--json")
	var rep struct {
		RiskCheck db.RiskCheck `json:"risk_check"`
	}
	if err := json.Unmarshal([]byte(out), &rep); code != ExitOK || err != nil || rep.RiskCheck != ck {
		t.Fatalf("report --json risk_check %+v (exit %d, %v), want %+v", rep.RiskCheck, code, err, ck)
	}
	if code, _, errs := runReportCLI(t, path, "risk", "fit"); code != ExitUsage || !strings.Contains(errs, "refit") {
		t.Fatalf("risk fit: exit %d %s", code, errs)
	}
	if code, _, errs := runReportCLI(t, path, "risk", "refit", "extra"); code != ExitUsage {
		t.Fatalf("risk refit extra: exit %d %s", code, errs)
	}
	if code, _, errs := runReportCLI(t, filepath.Join(t.TempDir(), "missing.db"), "risk", "refit"); code != ExitFailed || errs == "" {
		t.Fatalf("risk refit on a missing book: exit %d %s", code, errs)
	}
}

// TestRiskRefitSmallBook: fewer than 20 customers keep the standard weights
// and say so; the self-check says what it needs.
func TestRiskRefitSmallBook(t *testing.T) {
	path, _ := reportCLIBook(t)
	code, out, errs := runReportCLI(t, path, "risk", "refit")
	if code != ExitOK {
		t.Fatalf("exit %d %s", code, errs)
	}
	for _, want := range []string{"fewer than 20 customers to learn from", "intercept 0.000 · recency 0.500 · frequency -2.000 · value -0.350", "self-check: needs 50 customers"} {
		if !strings.Contains(out, want) {
			t.Errorf("lacks %q:\n%s", want, out)
		}
	}
}
