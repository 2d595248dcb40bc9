package transfer

import (
	"context"
	"errors"
	"strings"
	"testing"
)

func TestPipelineDeals(t *testing.T) {
	ctx := context.Background()
	d := openBook(t)
	raw := read(t, realFile(t, "pipeline/sales_pipeline.csv"))
	// The accounts first, as customers (account → name, sector → industry).
	rep, err := ImportCSV(ctx, d, read(t, realFile(t, "pipeline/accounts.csv")), Options{Name: "accounts.csv"})
	if err != nil || rep.Created != 85 {
		t.Fatalf("accounts: %+v %v", rep, err)
	}
	if c := byName(t, customers(t, d), "Acme Corporation"); c.Industry != "technolgy" {
		t.Errorf("account: %+v", c)
	}
	// 1,425 open rows name no account: refused by line, nothing written.
	rep, err = ImportCSV(ctx, d, raw, Options{Name: "sales_pipeline.csv", Kind: KindDeals})
	if !errors.Is(err, ErrBadRows) || len(rep.Rejected) != 1425 || !strings.Contains(rep.Rejected[0].Reason, "customer") {
		t.Fatalf("want 1425 rows without a customer, got %v (%d)", err, len(rep.Rejected))
	}
	if count(t, d, "deals") != 0 {
		t.Fatal("refused, yet deals were written")
	}
	rep, err = ImportCSV(ctx, d, raw, Options{Name: "sales_pipeline.csv", Kind: KindDeals, SkipBad: true})
	if err != nil || rep.Created != 8800-1425 {
		t.Fatalf("skip-bad: %+v %v", rep.Created, err)
	}
	var won, lost, open, orders, hist int
	q := d.Reader()
	q.QueryRow(`SELECT count(*) FROM deals WHERE status = 'won'`).Scan(&won)
	q.QueryRow(`SELECT count(*) FROM deals WHERE status = 'lost' AND lost_reason <> ''`).Scan(&lost)
	q.QueryRow(`SELECT count(*) FROM deals WHERE status = 'open'`).Scan(&open)
	q.QueryRow(`SELECT count(*) FROM orders WHERE deal_id IS NOT NULL`).Scan(&orders)
	q.QueryRow(`SELECT count(*) FROM deal_stage_history`).Scan(&hist)
	if won != 4238 || lost != 2473 || open != 8800-1425-4238-2473 {
		t.Errorf("won %d lost %d open %d", won, lost, open)
	}
	if orders != won {
		t.Errorf("every won deal with a value records its order: %d orders for %d won", orders, won)
	}
	// 1C1I7A6R: Cancity, GTX Plus Basic, won, engaged 2016-10-20, closed 2017-03-01, 1054.
	var title, stage, status string
	var value int64
	var closedDay, createdDay string
	err = q.QueryRow(`SELECT d.title, s.name, d.status, d.value_minor, date(d.closed_at, 'unixepoch', 'localtime'), date(d.created_at, 'unixepoch', 'localtime')
		FROM deals d JOIN stages s ON s.id = d.stage_id JOIN customers c ON c.id = d.customer_id WHERE c.name = 'Cancity' ORDER BY d.id LIMIT 1`).
		Scan(&title, &stage, &status, &value, &closedDay, &createdDay)
	if err != nil || title != "GTX Plus Basic" || stage != "Won" || status != "won" || value != 105400 || closedDay != "2017-03-01" || createdDay != "2016-10-20" {
		t.Errorf("first deal: %s %s %s %d closed %s created %s %v", title, stage, status, value, closedDay, createdDay, err)
	}
	var path string
	q.QueryRow(`SELECT group_concat(coalesce(f.name, '-') || '>' || s.name || '@' || date(h.changed_at, 'unixepoch', 'localtime'), ' ')
		FROM deal_stage_history h JOIN stages s ON s.id = h.to_stage_id LEFT JOIN stages f ON f.id = h.from_stage_id
		WHERE h.deal_id = (SELECT min(id) FROM deals)`).Scan(&path)
	if path != "->Qualified@2016-10-20 Qualified>Won@2017-03-01" {
		t.Errorf("history: %q", path)
	}
	if rep, err := d.Check(ctx); err != nil || !rep.OK() {
		t.Errorf("check: %+v %v", rep, err)
	}
	// The Excel re-save (m/d/y dates) reads the same; with --create-customers
	// into an empty book the accounts are created from the rows.
	d2 := openBook(t)
	rep, err = ImportCSV(ctx, d2, read(t, realFile(t, "pipeline/sales_pipeline_excel_mdy.csv")), Options{Name: "mdy.csv", Kind: KindDeals, SkipBad: true, CreateCustomers: true})
	if err != nil || rep.Created != 8800-1425 || rep.CustomersCreated != 85 {
		t.Fatalf("mdy: %d deals, %d customers, %v", rep.Created, rep.CustomersCreated, err)
	}
	var a, b string
	d.Reader().QueryRow(`SELECT group_concat(title || status || value_minor || closed_at || stage_changed_at || created_at, ',') FROM deals`).Scan(&a)
	d2.Reader().QueryRow(`SELECT group_concat(title || status || value_minor || closed_at || stage_changed_at || created_at, ',') FROM deals`).Scan(&b)
	if a != b {
		t.Error("ISO and m/d/y files give different deals")
	}
	// Undo removes the whole import.
	if _, err := d2.Undo(ctx); err != nil {
		t.Fatal(err)
	}
	if count(t, d2, "deals") != 0 || count(t, d2, "customers") != 0 || count(t, d2, "orders") != 0 {
		t.Error("undo left rows behind")
	}
}

func TestHistoryKinds(t *testing.T) {
	ctx := context.Background()
	d := openBook(t)
	mustImport(t, d, "hubspot_bom.csv", Options{})
	inter := "customer,date,summary,kind,direction,outcome\n" +
		"Ada Lovelace,2026-11-02,Intro call,call,outbound,no reply\n" +
		"grace@navy.example,11/03/2026 14:30,Sent deck,email,outbound,replied\n" +
		"Nobody Known,2026-11-04,Lost soul,call,,\n" +
		"Ada Lovelace,not a date,Bad date,call,,\n" +
		"Ada Lovelace,2026-11-05,Weird,smoke signal,,\n"
	rep, err := ImportCSV(ctx, d, []byte(inter), Options{Name: "log.csv", Kind: KindInteractions})
	if !errors.Is(err, ErrBadRows) || len(rep.Rejected) != 3 {
		t.Fatalf("interactions: %v %v", err, rep.Rejected)
	}
	for i, want := range []string{"line 4: no customer \"Nobody Known\"", "line 5: date:", "line 6: kind:"} {
		if !strings.HasPrefix(rep.Rejected[i].String(), want) {
			t.Errorf("rejected %q, want %q", rep.Rejected[i], want)
		}
	}
	rep, err = ImportCSV(ctx, d, []byte(inter), Options{Name: "log.csv", Kind: KindInteractions, SkipBad: true})
	if err != nil || rep.Created != 2 {
		t.Fatalf("%+v %v", rep, err)
	}
	var streak int
	d.Reader().QueryRow(`SELECT s.unanswered_streak FROM customer_stats s JOIN customers c ON c.id = s.customer_id WHERE c.name = 'Ada Lovelace'`).Scan(&streak)
	if streak != 1 {
		t.Errorf("stats follow the imported interactions: streak %d", streak)
	}
	fu := "customer,title,due,time\nAda Lovelace,Send quote,2026-12-01,09:30\n王芳,回访,2026-12-02,\n"
	if rep, err := ImportCSV(ctx, d, []byte(fu), Options{Name: "fu.csv", Kind: KindFollowups}); err != nil || rep.Created != 2 {
		t.Fatalf("followups: %+v %v", rep, err)
	}
	var due, tm string
	d.Reader().QueryRow(`SELECT due_date, coalesce(due_time, '') FROM followups WHERE title = 'Send quote'`).Scan(&due, &tm)
	if due != "2026-12-01" || tm != "09:30" {
		t.Errorf("follow-up %s %s", due, tm)
	}
	ord := "email,date,amount,currency,note\nada@analytical.example,2026-10-01,\"1,200.50\",GBP,first\nwang@example.cn,3/15/2026,¥8000,,\n"
	if rep, err := ImportCSV(ctx, d, []byte(ord), Options{Name: "orders.csv", Kind: KindOrders}); err != nil || rep.Created != 2 {
		t.Fatalf("orders: %+v %v", rep, err)
	}
	var amount int64
	var cur string
	d.Reader().QueryRow(`SELECT amount_minor, currency FROM orders WHERE note = 'first'`).Scan(&amount, &cur)
	if amount != 120050 || cur != "GBP" {
		t.Errorf("order %d %s", amount, cur)
	}
	if rep, err := d.Check(ctx); err != nil || !rep.OK() {
		t.Errorf("check: %+v %v", rep, err)
	}
}
