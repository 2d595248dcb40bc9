package transfer

import (
	"bytes"
	"context"
	"testing"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model"
)

// TestJSONRoundTripKeepsPlaybooks: the rules (a user's own and a switched
// off default) and the rule that made each follow-up come back from a JSON
// export.
func TestJSONRoundTripKeepsPlaybooks(t *testing.T) {
	ctx := context.Background()
	src := openBook(t)
	p := model.Playbook{Name: "Order thanks", Event: model.EventOrder, Title: "Thank for the order", AfterDays: 2, Enabled: true}
	if _, err := src.CreatePlaybook(ctx, &p); err != nil {
		t.Fatal(err)
	}
	cb, err := src.FindPlaybook(ctx, "Complaint callback")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := src.SetPlaybookEnabled(ctx, cb.ID, false); err != nil {
		t.Fatal(err)
	}
	id, err := src.CreateCustomer(ctx, &model.Customer{Name: "Acme"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := src.Write(ctx, "order", func(tx *db.Tx) error {
		_, err := tx.CreateOrder(&model.Order{CustomerID: id, AmountMinor: 100, Currency: "USD"})
		return err
	}); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := ExportJSON(ctx, src, &buf); err != nil {
		t.Fatal(err)
	}
	dst := openBook(t)
	if _, err := ImportJSON(ctx, dst, buf.Bytes()); err != nil {
		t.Fatal(err)
	}
	rules, err := dst.Playbooks(ctx)
	if err != nil || len(rules) != 8 { // the seven defaults and the one added
		t.Fatalf("rules %+v %v", rules, err)
	}
	if got, _ := dst.FindPlaybook(ctx, "Complaint callback"); got.Enabled {
		t.Error("the switched-off rule came back on")
	}
	fs, err := dst.OpenFollowups(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	byRule := map[int64]bool{}
	for _, f := range fs {
		byRule[f.PlaybookID] = true
	}
	if !byRule[p.ID] || len(fs) != 2 {
		t.Fatalf("follow-ups %+v", fs)
	}
}
