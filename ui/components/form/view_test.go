package form

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/rapportcrm/rapport/model"
)

// formStates are forms in every state worth drawing.
func formStates(t *testing.T) map[string]Model {
	t.Helper()
	o := testOptions()
	wang := model.Customer{Meta: model.Meta{ID: 5}, Name: "王芳", Company: "华东贸易有限公司", Email: "wang@example.cn",
		Phone: "+86 138 0013 8000", Tier: model.TierA, TierPinned: true, Lifecycle: model.Active,
		Notes: "Prefers WeChat after 10am.\nAsk about the Q1 order."}
	st := map[string]Model{
		"customer_new":  CustomerForm(model.Customer{}, o),
		"customer_edit": CustomerForm(wang, o),
		"contact":       ContactForm(model.Contact{CustomerID: 1}, o),
		"deal":          DealForm(model.Deal{CustomerID: 1}, o),
		"interaction":   InteractionForm(model.Interaction{CustomerID: 1}, o),
		"followup":      FollowupForm(model.Followup{CustomerID: 1}, o),
		"order":         OrderForm(model.Order{CustomerID: 1}, o),
		"tags":          TagsForm([]string{"vip", "华东"}, o),
		"next":          NextFollowupPrompt(model.DayOf(testNow).AddDays(30), o),
	}
	st["customer_errors"], _ = press(t, CustomerForm(model.Customer{}, o), "tab", "tab", "text:bob@", "ctrl+s")
	st["customer_bad_email"], _ = press(t, CustomerForm(model.Customer{}, o), "text:Acme", "tab", "tab", "text:bob@", "ctrl+s")
	st["discard"], _ = press(t, CustomerForm(model.Customer{}, o), "text:Acme", "esc")
	conflict, _ := press(t, CustomerForm(wang, o), "ctrl+s")
	conflict.SetConflict("王芳 was changed in another window")
	st["conflict"] = conflict
	st["deal_typed"], _ = press(t, DealForm(model.Deal{CustomerID: 1}, o), "text:Renewal 2027 — 三年框架协议", "tab", "text:-5", "tab", "text:someday")
	st["picker_list"] = pickerList(t, o)
	st["interaction_body"], _ = press(t, InteractionForm(model.Interaction{CustomerID: 1}, o),
		"text:电话回访，客户对新报价满意", "shift+tab", "text:"+strings.Repeat("long words ", 30), "alt+enter", "text:second line")
	return st
}

func TestViewFitsEverySize(t *testing.T) {
	sizes := [][2]int{{40, 12}, {80, 24}, {120, 40}, {200, 60}, {1, 1}, {10, 2}, {20, 3}, {33, 5}, {39, 11}, {41, 13}}
	for name, f := range formStates(t) {
		for _, sz := range sizes {
			t.Run(fmt.Sprintf("%s_%dx%d", name, sz[0], sz[1]), func(t *testing.T) {
				f.SetSize(sz[0], sz[1])
				out := f.View()
				lines := strings.Split(out, "\n")
				if len(lines) != sz[1] {
					t.Fatalf("%d lines, want %d:\n%s", len(lines), sz[1], out)
				}
				for i, l := range lines {
					if w := lipgloss.Width(l); w > sz[0] {
						t.Fatalf("line %d is %d wide (max %d): %q", i, w, sz[0], l)
					}
				}
			})
		}
	}
}

// The focused field carries a text marker, so it shows without colour, and
// the focused field stays on screen however far down it is.
func TestFocusedFieldVisibleAndMarked(t *testing.T) {
	for _, h := range []int{5, 12, 24} {
		f := CustomerForm(model.Customer{}, testOptions())
		for i := 0; i < 13; i++ {
			f.SetSize(40, h)
			var marked []string
			for _, l := range strings.Split(ansi.Strip(f.View()), "\n") {
				if strings.HasPrefix(l, "› ") {
					marked = append(marked, l)
				}
			}
			want := f.find(f.Focused()).Label
			if len(marked) != 1 || !strings.Contains(marked[0], want[:min(len(want), 8)]) {
				t.Fatalf("h=%d field %s: marked lines %q", h, f.Focused(), marked)
			}
			f, _ = press(t, f, "tab")
		}
	}
}

func TestGolden(t *testing.T) {
	st := formStates(t)
	for _, name := range []string{"customer_edit", "customer_bad_email", "interaction", "interaction_body"} {
		t.Run(name, func(t *testing.T) {
			f := st[name]
			f.SetSize(80, 24)
			golden.RequireEqual(t, []byte(trimRight(ansi.Strip(f.View()))))
		})
	}
}

// trimRight drops trailing spaces: inputs pad to their width, and the
// snapshot compares what is written, not the padding.
func trimRight(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.Join(lines, "\n") + "\n"
}
