package db_test

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/db/internal/shareddata"
	"github.com/rapportcrm/rapport/db/transfer"
	"github.com/rapportcrm/rapport/model"
)

// The real-data replay of SPEC §3: real purchase histories are cut at a
// date, what came before is imported with `import csv --kind orders` (the
// same code path), the book is refreshed on the cut day, and the risk list
// is compared with who really did not order in the next 90 days.

// purchase is one order of a real purchase history.
type purchase struct {
	customer string
	day      string // YYYY-MM-DD
	minor    int64
}

// retentionData returns the path of a file under shared/data/retention
// (skipped when it is missing; a failure with CI=true).
func retentionData(t testing.TB, name string) string {
	t.Helper()
	return shareddata.Path(t, "retention/"+name)
}

func loadCDNOW(t testing.TB) []purchase {
	f, err := os.Open(retentionData(t, "CDNOW_master.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []purchase
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fs := strings.Fields(sc.Text())
		if len(fs) != 4 || len(fs[1]) != 8 || fs[0] == "customer_id" {
			continue
		}
		v, err := strconv.ParseFloat(fs[3], 64)
		if err != nil {
			t.Fatalf("CDNOW line %q: %v", sc.Text(), err)
		}
		out = append(out, purchase{customer: fs[0], day: fs[1][:4] + "-" + fs[1][4:6] + "-" + fs[1][6:], minor: int64(math.Round(v * 100))})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func loadRetail(t testing.TB) []purchase {
	f, err := os.Open(retentionData(t, "online_retail_invoices.csv.gz"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	r := csv.NewReader(gz)
	var out []purchase
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		// Cancellations (C…) and invoices without a customer are not orders.
		if rec[0] == "invoice" || strings.HasPrefix(rec[0], "C") || rec[1] == "" || rec[1] == "NA" || len(rec[2]) < 10 {
			continue
		}
		v, err := strconv.ParseFloat(rec[4], 64)
		if err != nil || v <= 0 {
			continue
		}
		out = append(out, purchase{customer: rec[1], day: rec[2][:10], minor: int64(math.Round(v * 100))})
	}
	return out
}

// ordersCSV renders purchases as an orders sheet: customer, date, amount.
func ordersCSV(ps []purchase) []byte {
	var b bytes.Buffer
	b.WriteString("customer,date,amount\n")
	for _, p := range ps {
		fmt.Fprintf(&b, "Customer %s,%s,%d.%02d\n", p.customer, p.day, p.minor/100, p.minor%100)
	}
	return b.Bytes()
}

// replay imports the purchases up to cut into a new book through the CSV
// import, refreshes it on the cut day, and returns the book and, per
// customer name, whether it ordered in the 90 days after the cut.
func replay(t *testing.T, all []purchase, cut string) (*db.DB, map[string]bool) {
	t.Helper()
	cutDay, err := model.ParseDay(cut)
	if err != nil {
		t.Fatal(err)
	}
	horizon := cutDay.AddDays(90).String()
	boughtAfter := map[string]bool{}
	var before []purchase
	for _, p := range all {
		switch {
		case p.day <= cut:
			before = append(before, p)
		case p.day <= horizon:
			boughtAfter["Customer "+p.customer] = true
		}
	}
	now := cutDay.In(time.Local).Add(23 * time.Hour)
	d, err := db.Open(context.Background(), filepath.Join(t.TempDir(), "real.db"), db.Options{Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	ctx := context.Background()
	rep, err := transfer.ImportCSV(ctx, d, ordersCSV(before), transfer.Options{Name: "orders.csv", Kind: "orders", CreateCustomers: true})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Created != len(before) || len(rep.Rejected) > 0 {
		t.Fatalf("imported %d of %d orders; rejected %v", rep.Created, len(before), rep.Rejected)
	}
	if _, err := d.Refresh(ctx); err != nil {
		t.Fatal(err)
	}
	// The import (a bulk load) fitted the lapse model on the history it brought.
	if set, err := d.Settings(ctx); err != nil || set.Lapse == nil || set.Lapse.Fit.On != cutDay {
		t.Fatalf("no lapse fit as of the cut day after the import: %+v %v", set.Lapse, err)
	}
	return d, boughtAfter
}

// rankAUC is the probability that a random positive scores above a random
// negative (ties count half).
func rankAUC(scores []float64, labels []bool) float64 {
	idx := make([]int, len(scores))
	for i := range idx {
		idx[i] = i
	}
	sort.Slice(idx, func(i, j int) bool { return scores[idx[i]] < scores[idx[j]] })
	var pos, neg, rankSum float64
	for i := 0; i < len(idx); {
		j := i
		for j < len(idx) && scores[idx[j]] == scores[idx[i]] {
			j++
		}
		for k := i; k < j; k++ {
			if labels[idx[k]] {
				rankSum += float64(i+j+1) / 2
				pos++
			} else {
				neg++
			}
		}
		i = j
	}
	if pos == 0 || neg == 0 {
		return 0.5
	}
	return (rankSum - pos*(pos+1)/2) / (pos * neg)
}

// TestRiskRankingOnRealPurchases: the risk list (its order, as the app
// shows it) ranks the customers who did not order in the next 90 days above
// those who did better than plain days since the last order, on CDNOW cut
// at 1997-09-30 and on the giftware wholesaler cut at 2011-06-30 (at least
// 0.74 there); the reasons add up to the score, and risk_check is present.
func TestRiskRankingOnRealPurchases(t *testing.T) {
	if testing.Short() {
		t.Skip("real-data replay skipped in -short")
	}
	cases := []struct {
		name   string
		load   func(testing.TB) []purchase
		cut    string
		minAUC float64
	}{
		{"CDNOW", loadCDNOW, "1997-09-30", 0},
		{"wholesaler", loadRetail, "2011-06-30", 0.74},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			all := c.load(t)
			if len(all) < 1000 {
				t.Fatalf("only %d purchases loaded", len(all))
			}
			d, boughtAfter := replay(t, all, c.cut)
			ctx := context.Background()
			today, _ := model.ParseDay(c.cut)
			rows, err := d.ListCustomers(ctx, db.CustomerQuery{Sort: db.SortRisk, Limit: 1 << 30})
			if err != nil {
				t.Fatal(err)
			}
			var rank, recency []float64
			var lost []bool
			var atRisk, atRiskLost, lapsed int
			for i, r := range rows {
				churned := !boughtAfter[r.Name]
				lost = append(lost, churned)
				rank = append(rank, float64(len(rows)-i)) // first in the list ranks highest
				recency = append(recency, float64(today-r.LastContact))
				sum := 0
				for _, x := range r.Reasons {
					sum += x.Points
					if x.Text == "" {
						t.Fatalf("%s: reason %s has no text", r.Name, x.Code)
					}
				}
				if min(max(sum, 0), 100) != r.RiskScore {
					t.Fatalf("%s: reasons %+v add up to %d, score is %d", r.Name, r.Reasons, sum, r.RiskScore)
				}
				if churned {
					lapsed++
				}
				if r.RiskLevel == model.LevelAtRisk {
					atRisk++
					if churned {
						atRiskLost++
					}
				}
			}
			aRisk, aRecency := rankAUC(rank, lost), rankAUC(recency, lost)
			rep, err := d.Report(ctx, db.Period{From: today.AddDays(-89), To: today})
			if err != nil {
				t.Fatal(err)
			}
			rc := rep.RiskCheck
			t.Logf("%s cut %s: %d customers, %d did not order in 90 d; AUC risk list %.3f vs days since last order %.3f; at risk %d (precision %.2f, recall %.2f)",
				c.name, c.cut, len(rows), lapsed, aRisk, aRecency, atRisk, float64(atRiskLost)/math.Max(1, float64(atRisk)), float64(atRiskLost)/math.Max(1, float64(lapsed)))
			t.Logf("%s risk_check: scored %s with weights of %s, %d customers, %d lapsed; AUC %.3f vs recency %.3f; at risk %d, precision %s, recall %s; weights %+v on %d; %s",
				c.name, rc.ScoredAsOf, rc.FittedAsOf, rc.Customers, rc.Lapsed, rc.AUC, rc.RecencyAUC, rc.AtRisk, rc.Precision.Percent(), rc.Recall.Percent(), rc.Weights, rc.Training, rc.InWords)
			if len(rows) < 2000 {
				t.Fatalf("only %d customers in the list", len(rows))
			}
			if aRisk <= aRecency {
				t.Errorf("risk list AUC %.3f does not beat days since last order (%.3f)", aRisk, aRecency)
			}
			if aRisk < c.minAUC {
				t.Errorf("risk list AUC %.3f is under %.2f", aRisk, c.minAUC)
			}
			if !rc.Shown || rc.Customers < 50 || rc.AUC <= 0.5 || rc.InWords == "" || rc.Training == 0 {
				t.Errorf("risk_check missing or not sensible: %+v", rc)
			}
		})
	}
}
