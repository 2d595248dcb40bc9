package ui

import (
	"fmt"
	"testing"
)

// i, f and o on a card open the log, follow-up and order forms of the
// deal's customer; what they save belongs to that customer and is linked
// to the deal (issue 21).
func TestPipelineCardLogsFollowupAndOrderForDealCustomer(t *testing.T) {
	d, f := pipelineBook(t)
	a, p := pipelineApp(t, d, 160, 40)
	selectDeal(t, a, p, f.Renewal) // Olivia Brown's "Renewal 2027"

	openForm(t, a, "i")
	mustContain(t, plain(a), "Log an interaction")
	press(t, a, "Talked renewal terms", "ctrl+s")
	if a.EditorForm() != nil && a.EditorForm().FormError() == "" {
		press(t, a, "esc") // the next follow-up question: skip it
	}
	mustClose(t, a)
	if got := text(t, d, `SELECT customer_id || '|' || IFNULL(deal_id, 0) FROM interactions WHERE summary = 'Talked renewal terms'`); got != fmt.Sprintf("%d|%d", f.Olivia, f.Renewal) {
		t.Fatalf("interaction customer|deal = %q, want Olivia|Renewal", got)
	}

	selectDeal(t, a, p, f.Renewal)
	openForm(t, a, "f")
	mustContain(t, plain(a), "New follow-up")
	press(t, a, "Send renewal quote", "tab", "tomorrow", "ctrl+s")
	mustClose(t, a)
	if got := text(t, d, `SELECT customer_id || '|' || IFNULL(deal_id, 0) FROM followups WHERE title = 'Send renewal quote'`); got != fmt.Sprintf("%d|%d", f.Olivia, f.Renewal) {
		t.Fatalf("follow-up customer|deal = %q, want Olivia|Renewal", got)
	}

	selectDeal(t, a, p, f.Renewal)
	openForm(t, a, "o")
	mustContain(t, plain(a), "Record an order")
	press(t, a, "$1,500", "ctrl+s")
	mustClose(t, a)
	if got := text(t, d, `SELECT customer_id || '|' || IFNULL(deal_id, 0) || '|' || amount_minor FROM orders WHERE amount_minor = 150000`); got != fmt.Sprintf("%d|%d|150000", f.Olivia, f.Renewal) {
		t.Fatalf("order customer|deal|amount = %q, want Olivia|Renewal|150000", got)
	}
	mustContain(t, a.Status(), "Olivia Brown")
}

// On an empty column i, f and o ask for the customer in the form (the
// picker), as on an empty Today (issue 21: the inline customer picker);
// what is saved belongs to the customer picked and to no deal.
func TestPipelineCustomerKeysOnEmptyColumnAskForTheCustomer(t *testing.T) {
	d, f := pipelineBook(t)
	a, _ := pipelineApp(t, d, 160, 40)
	// A filter that matches no deal leaves every column empty.
	press(t, a, "/", "nosuchdealxyz", "enter")
	for _, k := range []string{"i", "f", "o"} {
		press(t, a, k)
		if a.EditorForm() == nil || a.EditorForm().Focused() != "customer" {
			t.Fatalf("%s on an empty column did not ask for the customer:\n%s", k, plain(a))
		}
		press(t, a, "esc")
		if a.Editing() {
			press(t, a, "esc") // a discard question, if any
		}
	}
	press(t, a, "i", "Olivia Brown", "tab", "Called about next year", "ctrl+s")
	if a.EditorForm() != nil && a.EditorForm().FormError() == "" {
		press(t, a, "esc") // the next follow-up question: skip it
	}
	mustClose(t, a)
	if got := text(t, d, `SELECT customer_id || '|' || IFNULL(deal_id, 0) FROM interactions WHERE summary = 'Called about next year'`); got != fmt.Sprintf("%d|0", f.Olivia) {
		t.Fatalf("interaction customer|deal = %q, want Olivia|no deal", got)
	}
}
