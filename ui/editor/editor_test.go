package editor

import (
	"context"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/ui/common"
	"github.com/rapportcrm/rapport/ui/internal/screentest"
	"github.com/rapportcrm/rapport/ui/internal/testbook"
)

// host drives the editor as the root does: its commands run, their
// answers come back to it, it is drawn after each, and what it tells the
// root is kept.
type host struct {
	t       *testing.T
	m       *Model
	results []ResultMsg
}

func newHost(t *testing.T, d *db.DB) *host {
	m := New(screentest.Common(t, d))
	m.SetSize(100, 30)
	return &host{t: t, m: m}
}

func (h *host) run(cmd tea.Cmd) {
	h.t.Helper()
	screentest.Pump(h.t, cmd, screentest.Patience, func(msg tea.Msg) tea.Cmd {
		switch msg := msg.(type) {
		case ResultMsg:
			h.results = append(h.results, msg)
			return nil
		case common.StatusMsg:
			return nil
		}
		next := h.m.Update(msg)
		if h.m.Active() {
			h.m.View("")
		}
		return next
	})
}

func (h *host) press(keys ...string) {
	h.t.Helper()
	for _, k := range keys {
		for _, msg := range screentest.KeyMsgs(k) {
			h.run(h.m.Update(msg))
		}
	}
}

func (h *host) last() ResultMsg {
	h.t.Helper()
	if len(h.results) == 0 {
		h.t.Fatal("the editor told the root nothing")
	}
	return h.results[len(h.results)-1]
}

func (h *host) view() string { return ansi.Strip(h.m.View("")) }

func TestAddCustomerThroughTheEditor(t *testing.T) {
	d, _ := testbook.Open(t)
	h := newHost(t, d)
	h.run(h.m.Request(common.EditRequestMsg{Action: common.ActAddCustomer}))
	if !h.m.Active() || h.m.Form() == nil || h.m.Mode() != common.ModeForm {
		t.Fatal("a did not open the customer form")
	}
	h.press("esc")
	if r := h.last(); h.m.Active() || r.Status != "Nothing saved" || r.Changed {
		t.Fatalf("esc on an untouched form: active %v, %+v", h.m.Active(), r)
	}
	h.run(h.m.Request(common.EditRequestMsg{Action: common.ActAddCustomer}))
	h.press("Nova Trading", "ctrl+s")
	r := h.last()
	if h.m.Active() || !r.Changed || !strings.Contains(r.Status, "Added customer Nova Trading") {
		t.Fatalf("save: active %v, %+v", h.m.Active(), r)
	}
	if cu, err := d.FindCustomer(context.Background(), "Nova"); err != nil || cu.Name != "Nova Trading" {
		t.Fatalf("in the file: %+v %v", cu, err)
	}
}

func TestArchiveAsksFirst(t *testing.T) {
	d, _ := testbook.Open(t)
	id, err := d.CreateCustomer(context.Background(), &model.Customer{Name: "Acme Ltd"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	h := newHost(t, d)
	sel := common.Selection{CustomerID: id, Customer: "Acme Ltd", Kind: common.KindCustomer, ItemID: id, Label: "Acme Ltd"}
	h.run(h.m.Request(common.EditRequestMsg{Action: common.ActArchive, Sel: sel}))
	if h.m.Mode() != common.ModeModal || !strings.Contains(h.view(), `Archive customer "Acme Ltd"?`) {
		t.Fatalf("D did not ask:\n%s", h.view())
	}
	h.press("n")
	if r := h.last(); h.m.Active() || r.Status != "Nothing archived" {
		t.Fatalf("n: %+v", r)
	}
	h.run(h.m.Request(common.EditRequestMsg{Action: common.ActArchive, Sel: sel}))
	h.press("y")
	if r := h.last(); h.m.Active() || !r.Changed || r.Close != id {
		t.Fatalf("y: %+v", r)
	}
	if cu, _ := d.Customer(context.Background(), id); cu.ArchivedAt == 0 {
		t.Fatal("not archived in the file")
	}
}

// TestBoardDealFormResolvesTheCustomer: the board's new-deal form is the
// editor's like every other (the app's styles); a customer that is not in
// the book is refused beside its field, and the saved deal's id goes back
// for the board to follow.
func TestBoardDealFormResolvesTheCustomer(t *testing.T) {
	d, f := testbook.Pipeline(t)
	h := newHost(t, d)
	lead := f.StageNamed(t, "Lead")
	h.run(h.m.Request(common.EditRequestMsg{Action: common.ActDealInStage, Stage: lead}))
	if !strings.Contains(h.view(), "New deal in Lead") {
		t.Fatalf("no form:\n%s", h.view())
	}
	h.press("Nobody", "tab", "Gears", "ctrl+s")
	if e := h.m.Form().FieldError("customer"); !strings.Contains(e, "no such customer") {
		t.Fatalf("customer error %q", e)
	}
	for range len("Nobody") {
		h.press("backspace")
	}
	h.press("acme", "ctrl+s")
	r := h.last()
	if h.m.Active() || !r.Changed || r.Edited.Kind != common.KindDeal || r.Edited.ID == 0 {
		t.Fatalf("save: active %v, %+v", h.m.Active(), r)
	}
	dl, err := d.Deal(context.Background(), r.Edited.ID)
	if err != nil || dl.Title != "Gears" || dl.CustomerID != f.Acme || dl.StageID != lead.ID {
		t.Fatalf("in the file: %+v %v", dl, err)
	}
}
