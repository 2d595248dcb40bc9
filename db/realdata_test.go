package db

import (
	"bufio"
	"compress/gzip"
	"context"
	"encoding/csv"
	"io"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/rapportcrm/rapport/db/internal/shareddata"
	"github.com/rapportcrm/rapport/model"
)

// purchase is one order of a real purchase history.
type purchase struct {
	customer string
	at       time.Time
	minor    int64
}

func sharedData(t testing.TB, rel string) string {
	t.Helper()
	return shareddata.Path(t, rel)
}

func loadCDNOW(t testing.TB) []purchase {
	f, err := os.Open(sharedData(t, "retention/CDNOW_master.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []purchase
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fs := strings.Fields(sc.Text())
		if len(fs) != 4 || fs[0] == "customer_id" {
			continue
		}
		at, err := time.ParseInLocation("20060102", fs[1], time.Local)
		if err != nil {
			continue
		}
		v, _ := strconv.ParseFloat(fs[3], 64)
		out = append(out, purchase{customer: fs[0], at: at.Add(12 * time.Hour), minor: int64(math.Round(v * 100))})
	}
	return out
}

func loadRetail(t testing.TB) []purchase {
	f, err := os.Open(sharedData(t, "retention/online_retail_invoices.csv.gz"))
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
		if rec[0] == "invoice" || strings.HasPrefix(rec[0], "C") || rec[1] == "" || rec[1] == "NA" {
			continue
		}
		at, err := time.ParseInLocation("2006-01-02 15:04:05", rec[2], time.Local)
		if err != nil {
			continue
		}
		v, _ := strconv.ParseFloat(rec[4], 64)
		if v <= 0 {
			continue
		}
		out = append(out, purchase{customer: rec[1], at: at, minor: int64(math.Round(v * 100))})
	}
	return out
}

// auc is the probability that a random positive ranks above a random
// negative (ties count half).
func auc(scores []float64, labels []bool) float64 {
	type pair struct {
		s float64
		l bool
	}
	ps := make([]pair, len(scores))
	for i := range scores {
		ps[i] = pair{scores[i], labels[i]}
	}
	sort.Slice(ps, func(i, j int) bool { return ps[i].s < ps[j].s })
	var pos, neg, rankSum float64
	for i := 0; i < len(ps); {
		j := i
		for j < len(ps) && ps[j].s == ps[i].s {
			j++
		}
		avg := float64(i+j+1) / 2 // ranks are 1-based
		for k := i; k < j; k++ {
			if ps[k].l {
				rankSum += avg
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

// TestRiskRankingOnRealPurchases loads real purchase histories up to a cut
// date, scores the book on that day, and checks the risk ranking against
// who really did not buy again in the next 90 days (SPEC §3).
func TestRiskRankingOnRealPurchases(t *testing.T) {
	if testing.Short() {
		t.Skip("real-data check skipped in -short")
	}
	cases := []struct {
		name string
		load func(testing.TB) []purchase
		cut  time.Time
	}{
		{"CDNOW", loadCDNOW, time.Date(1997, 9, 30, 23, 0, 0, 0, time.Local)},
		{"wholesaler", loadRetail, time.Date(2011, 6, 30, 23, 0, 0, 0, time.Local)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			all := c.load(t)
			if len(all) == 0 {
				t.Fatal("no purchases loaded")
			}
			horizon := c.cut.AddDate(0, 0, 90)
			boughtAfter := map[string]bool{}
			var before []purchase
			for _, p := range all {
				switch {
				case !p.at.After(c.cut):
					before = append(before, p)
				case !p.at.After(horizon):
					boughtAfter[p.customer] = true
				}
			}
			sort.Slice(before, func(i, j int) bool {
				if before[i].customer != before[j].customer {
					return before[i].customer < before[j].customer
				}
				return before[i].at.Before(before[j].at)
			})
			clk := &testClock{t: c.cut}
			d, err := Open(context.Background(), filepath.Join(t.TempDir(), "real.db"), Options{Now: clk.now})
			if err != nil {
				t.Fatal(err)
			}
			defer d.Close()
			ctx := context.Background()
			idOf := map[string]int64{}
			err = d.BulkLoad(ctx, "", func(tx *Tx) error {
				q := tx.Q()
				for _, p := range before {
					id, ok := idOf[p.customer]
					if !ok {
						res, err := q.ExecContext(ctx, `INSERT INTO customers (name, created_at, updated_at) VALUES (?, ?, ?)`, "Customer "+p.customer, p.at.Unix(), p.at.Unix())
						if err != nil {
							return err
						}
						id, _ = res.LastInsertId()
						idOf[p.customer] = id
					}
					if _, err := q.ExecContext(ctx, `INSERT INTO orders (customer_id, amount_minor, currency, ordered_at, created_at, updated_at) VALUES (?, ?, 'USD', ?, ?, ?)`,
						id, p.minor, p.at.Unix(), p.at.Unix(), p.at.Unix()); err != nil {
						return err
					}
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			res, err := d.Refresh(ctx)
			if err != nil {
				t.Fatal(err)
			}
			today := model.DayOf(c.cut)
			rows, err := d.r.QueryContext(ctx, `SELECT c.name, s.risk_score, s.risk_level, s.risk_reasons, s.last_order_at FROM customer_stats s JOIN customers c ON c.id = s.customer_id`)
			if err != nil {
				t.Fatal(err)
			}
			var rank, recency []float64
			var labels []bool
			var atRisk, atRiskLost, lost int
			for rows.Next() {
				var name, level, reasons string
				var score int
				var lastOrder int64
				if err := rows.Scan(&name, &score, &level, &reasons, &lastOrder); err != nil {
					t.Fatal(err)
				}
				days := float64(today - model.DayOfUnix(lastOrder, time.Local))
				churned := !boughtAfter[strings.TrimPrefix(name, "Customer ")]
				labels = append(labels, churned)
				// The list order: score, then days since last contact.
				rank = append(rank, float64(score)*100000+days)
				recency = append(recency, days)
				sum := 0
				for _, r := range decodeReasons(reasons, today) {
					sum += r.Points
					if r.Text == "" {
						t.Errorf("%s: reason %s has no text", name, r.Code)
					}
				}
				if sum > 100 {
					sum = 100
				}
				if sum != score {
					t.Errorf("%s: reasons add up to %d, score is %d", name, sum, score)
				}
				if churned {
					lost++
				}
				if level == string(model.LevelAtRisk) {
					atRisk++
					if churned {
						atRiskLost++
					}
				}
			}
			rows.Close()
			aRisk, aRecency := auc(rank, labels), auc(recency, labels)
			precision := float64(atRiskLost) / math.Max(1, float64(atRisk))
			recall := float64(atRiskLost) / math.Max(1, float64(lost))
			t.Logf("%s cut %s: %d customers, rhythm g=%d, %d did not buy in 90 d; AUC risk ranking %.3f vs days-since-last-order %.3f; at risk %d, precision %.2f recall %.2f",
				c.name, today, len(labels), res.Rhythm, lost, aRisk, aRecency, atRisk, precision, recall)
			if aRisk < aRecency-0.02 {
				t.Errorf("risk ranking AUC %.3f is more than 0.02 below recency's %.3f", aRisk, aRecency)
			}
		})
	}
}
