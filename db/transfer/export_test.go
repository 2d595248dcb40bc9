package transfer

import (
	"bytes"
	"context"
	"encoding/csv"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model"
)

// sampleBook fills a book with one of everything: customers with tags and
// a contact, an archived customer, interactions, follow-ups (one with a
// time, one done), an order, an open and a won deal.
func sampleBook(t *testing.T, d *db.DB) {
	t.Helper()
	ctx := context.Background()
	today := model.DayOf(fixedNow())
	err := d.Write(ctx, "sample", func(tx *db.Tx) error {
		wang := model.Customer{Name: "王芳", Company: "星海, 贸易; 有限公司", Email: "wang@example.cn", Phone: "+86 138 0013 8000", Notes: "line one\nline two, with \\ backslash"}
		id1, err := tx.CreateCustomer(&wang)
		if err != nil {
			return err
		}
		if err := tx.SetTags(id1, []string{"vip", "华东"}, nil); err != nil {
			return err
		}
		evil := model.Customer{Name: "=HYPERLINK(\"http://x\")", Company: "+Plus Co", Email: "", Phone: "-5550100", Notes: "@cmd"}
		id2, err := tx.CreateCustomer(&evil)
		if err != nil {
			return err
		}
		gone := model.Customer{Name: "Archived Person"}
		id3, err := tx.CreateCustomer(&gone)
		if err != nil {
			return err
		}
		if _, err := tx.CreateContact(&model.Contact{CustomerID: id1, Name: "李强", Role: "采购", Email: "li@example.cn", IsPrimary: true}); err != nil {
			return err
		}
		if _, err := tx.LogInteraction(&model.Interaction{CustomerID: id1, Summary: "Called about the quote", Kind: model.KindCall, Outcome: model.OutcomePositive, OccurredAt: fixedNow().Add(-48 * time.Hour).Unix()}); err != nil {
			return err
		}
		long := strings.Repeat("Send the revised quote, with the discount; ", 5)
		if _, err := tx.CreateFollowup(&model.Followup{CustomerID: id1, Title: long[:190], Due: today.AddDays(3), DueTime: "14:30"}); err != nil {
			return err
		}
		if _, err := tx.CreateFollowup(&model.Followup{CustomerID: id2, Title: "Check, then call", Due: today.AddDays(-2)}); err != nil {
			return err
		}
		done := model.Followup{CustomerID: id2, Title: "Already done", Due: today}
		if _, err := tx.CreateFollowup(&done); err != nil {
			return err
		}
		if _, err := tx.Q().ExecContext(ctx, `UPDATE followups SET done_at = ? WHERE id = ?`, fixedNow().Unix(), done.ID); err != nil {
			return err
		}
		if _, err := tx.CreateOrder(&model.Order{CustomerID: id1, AmountMinor: 1200050, Currency: "CNY", Note: "first order"}); err != nil {
			return err
		}
		dl := model.Deal{CustomerID: id1, Title: "Renewal 2027", ValueMinor: 5000000, Currency: "CNY"}
		if _, err := tx.CreateDeal(&dl); err != nil {
			return err
		}
		won := model.Deal{CustomerID: id2, Title: "Pilot", ValueMinor: 99900, Currency: "USD"}
		if _, err := tx.CreateDeal(&won); err != nil {
			return err
		}
		stages, err := d.Stages(ctx)
		if err != nil {
			return err
		}
		w, _ := db.FindStage(stages, "Won")
		if _, err := tx.MoveDeal(won.ID, w.ID, "", true); err != nil {
			return err
		}
		_ = id3
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var id3 int64
	d.Reader().QueryRow(`SELECT id FROM customers WHERE name = 'Archived Person'`).Scan(&id3)
	if err := d.SetArchived(ctx, "customer", id3, true); err != nil {
		t.Fatal(err)
	}
}

func TestExportCSVFormulaSafeAndReimport(t *testing.T) {
	ctx := context.Background()
	d := openBook(t)
	sampleBook(t, d)
	var buf bytes.Buffer
	n, err := ExportCSV(ctx, d, &buf, true)
	if err != nil || n != 2 {
		t.Fatalf("export: %d %v", n, err)
	}
	if !bytes.HasPrefix(buf.Bytes(), []byte(utf8BOM)) {
		t.Error("Excel export must start with a BOM")
	}
	recs, err := csv.NewReader(bytes.NewReader(buf.Bytes()[3:])).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	evil := recs[2]
	for h, want := range map[string]string{"name": `'=HYPERLINK("http://x")`, "company": "'+Plus Co", "phone": "'-5550100", "notes": "'@cmd"} {
		if evil[col[h]] != want {
			t.Errorf("column %s = %q, want %q", h, evil[col[h]], want)
		}
	}
	if recs[1][col["phone"]] != "'+86 138 0013 8000" || recs[1][col["tags"]] != "vip; 华东" || recs[1][col["contacts"]] != "*李强 | 采购 | li@example.cn" {
		t.Errorf("row 1: %q", recs[1])
	}
	var plain bytes.Buffer
	ExportCSV(ctx, d, &plain, false)
	if bytes.HasPrefix(plain.Bytes(), []byte(utf8BOM)) {
		t.Error("--excel=false must leave the BOM out")
	}
	// Our export imports back into a new book as the same customers.
	d2 := openBook(t)
	rep, err := ImportCSV(ctx, d2, buf.Bytes(), Options{Name: "export.csv"})
	if err != nil || rep.Created != 2 || len(rep.Unknown) != 0 {
		t.Fatalf("re-import: %+v %v", rep, err)
	}
	a, b := customers(t, d), customers(t, d2)
	if len(a) != len(b) {
		t.Fatalf("%d vs %d", len(a), len(b))
	}
	for i := range a {
		if a[i] != b[i] {
			t.Errorf("CSV round trip:\n got %+v\nwant %+v", b[i], a[i])
		}
	}
}

func TestJSONRoundTrip(t *testing.T) {
	ctx := context.Background()
	d := openBook(t)
	sampleBook(t, d)
	mustImport(t, d, "gbk_excel_chinese.csv", Options{})
	if _, err := d.SetGoal(ctx, model.Goal{Measure: model.GoalRevenue, Period: model.MonthOf(d.Today()), Target: 5_000_00}); err != nil {
		t.Fatal(err)
	}
	// A book in use has been refreshed (at launch, by every verb that reads
	// risk), so it holds its risk fit; the export carries it.
	if _, err := d.Refresh(ctx); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := ExportJSON(ctx, d, &buf); err != nil {
		t.Fatal(err)
	}
	d2 := openAt(t, filepath.Join(t.TempDir(), "restored.db"))
	counts, err := ImportJSON(ctx, d2, buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if counts["customers"] != 6 || counts["deal_stage_history"] != 3 {
		t.Errorf("counts %v", counts)
	}
	for _, table := range append(jsonTables(), "customer_stats", "deal_stats") {
		if a, b := dumpTable(t, d, table), dumpTable(t, d2, table); a != b {
			t.Errorf("table %s differs after the restore:\n%s\nvs\n%s", table, a, b)
		}
	}
	if _, err := ImportJSON(ctx, d2, buf.Bytes()); err == nil || !strings.Contains(err.Error(), "empty book") {
		t.Errorf("a second restore into a book with data must be refused: %v", err)
	}
	if _, err := ImportJSON(ctx, openBook(t), []byte(`{"format":"rapport-export","version":1,"schema":1,"tables":{"customers":[{"id":1,"name":"x","created_at":1,"updated_at":1,"evil) --":1}]}}`)); err == nil {
		t.Error("an unknown column must be refused")
	}
	if _, err := ImportJSON(ctx, openBook(t), []byte(`{"format":"rapport-export","version":99,"tables":{}}`)); err == nil {
		t.Error("a newer format must be refused")
	}
	if rep, err := d2.Check(ctx); err != nil || !rep.OK() {
		t.Errorf("check after restore: %+v %v", rep, err)
	}
}
