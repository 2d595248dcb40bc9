package form

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/model/i18n"
)

// An answer to older typing is dropped: the list shows what the newest
// text asked for, whatever order the answers come back in. The form asks
// only after the typing pause, for the newest text.
func TestPickerDropsStaleAnswers(t *testing.T) {
	asked := []string{}
	o := testOptions()
	o.Pick = func(text string) ([]Suggestion, error) {
		asked = append(asked, text)
		return []Suggestion{{ID: int64(len(asked)), Name: text + " Ltd", Company: "answer to " + text}}, nil
	}
	f := WithCustomerPicker(FollowupForm(model.Followup{}, o))
	f.SetSize(80, 20)
	var ticks []tea.Msg
	for _, r := range "ab" {
		var cmd tea.Cmd
		f, cmd = f.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
		ticks = append(ticks, runAll(cmd)...)
	}
	if len(ticks) != 2 {
		t.Fatalf("%d ticks", len(ticks))
	}
	// The first tick is older than the second keystroke: it asks nothing.
	var cmd tea.Cmd
	f, cmd = f.Update(ticks[0])
	if cmd != nil {
		t.Fatal("an old tick asked for the list")
	}
	f, cmd = f.Update(ticks[1])
	newest := runAll(cmd)
	if len(newest) != 1 || strings.Join(asked, ",") != "ab" {
		t.Fatalf("asked %q", asked)
	}
	// An answer for "a" arriving late (as if its tick had fired in time)
	// does not replace the one for "ab".
	stale := pickAnswerMsg{form: f.ID(), key: KeyCustomer, seq: 1, text: "a", items: []Suggestion{{ID: 9, Name: "a Ltd"}}}
	f, _ = f.Update(newest[0])
	f, _ = f.Update(stale)
	view := ansi.Strip(f.View())
	if !strings.Contains(view, "› ab Ltd · answer to ab") {
		t.Fatalf("the list does not show the newest answer:\n%s", view)
	}
	if strings.Contains(view, " a Ltd") {
		t.Fatalf("a stale answer shows:\n%s", view)
	}
	// Picking gives the id; editing the name drops it again.
	f, _ = press(t, f, "enter")
	if f.Focused() != "title" {
		t.Fatalf("focus on %q after the pick", f.Focused())
	}
	f, msgs := press(t, f, "text:Call", "tab", "text:fri", "ctrl+s")
	if id, text := submitted(t, msgs).Customer(); id != 1 || text != "ab Ltd" {
		t.Fatalf("picked %d %q", id, text)
	}
	f.Resume()
	f, _ = press(t, f, "shift+tab", "shift+tab", "backspace")
	f, msgs = press(t, f, "ctrl+s")
	if id, text := submitted(t, msgs).Customer(); id != 0 || text != "ab Lt" {
		t.Fatalf("after editing: %d %q", id, text)
	}
}

// runAll runs cmd (and the commands of a batch) and returns their messages.
func runAll(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	msg := cmd()
	if b, ok := msg.(tea.BatchMsg); ok {
		var out []tea.Msg
		for _, c := range b {
			out = append(out, runAll(c)...)
		}
		return out
	}
	if msg == nil {
		return nil
	}
	return []tea.Msg{msg}
}

// What the list says, it says in the reader's language.
func TestPickerSpeaksChinese(t *testing.T) {
	o := testOptions()
	o.P = i18n.New(i18n.Zh)
	o.Pick = func(string) ([]Suggestion, error) { return nil, nil }
	f := WithCustomerPicker(OrderForm(model.Order{}, o))
	f.SetSize(80, 20)
	var cmd tea.Cmd
	f, cmd = f.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("张")})
	if view := ansi.Strip(f.View()); !strings.Contains(view, "› 客户") || !strings.Contains(view, "查找中…") {
		t.Fatalf("while looking:\n%s", view)
	}
	for _, msg := range runAll(cmd) {
		f, cmd = f.Update(msg)
		for _, answer := range runAll(cmd) {
			f, _ = f.Update(answer)
		}
	}
	if view := ansi.Strip(f.View()); !strings.Contains(view, "没有匹配的客户") {
		t.Fatalf("no match:\n%s", view)
	}
}

// pickerList is a log form whose customer field shows a full list (and
// "… more"), the second customer chosen: a state every size must draw.
func pickerList(t *testing.T, o Options) Model {
	t.Helper()
	o.Pick = func(text string) ([]Suggestion, error) {
		var out []Suggestion
		for i := 0; i < PickAsk; i++ {
			out = append(out, Suggestion{ID: int64(i + 1), Name: text + " 伟", Company: strings.Repeat("华东贸易有限公司", i+1), Tier: "A"})
		}
		return out, nil
	}
	f := WithCustomerPicker(InteractionForm(model.Interaction{Score: -1}, o))
	f.SetSize(80, 24)
	var cmd tea.Cmd
	f, cmd = f.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("王")})
	for _, tick := range runAll(cmd) {
		f, cmd = f.Update(tick)
		for _, answer := range runAll(cmd) {
			f, _ = f.Update(answer)
		}
	}
	f, _ = press(t, f, "down")
	if view := ansi.Strip(f.View()); !strings.Contains(view, "› 王 伟 · 华东贸易有限公司华东贸易有限公司 · A") || !strings.Contains(view, "… more") {
		t.Fatalf("the list is not open:\n%s", view)
	}
	return f
}

// TestPickerPlaceholderInChinese: the empty customer field's placeholder
// starts with 例如, as every other field's does, not with "e.g.".
func TestPickerPlaceholderInChinese(t *testing.T) {
	o := testOptions()
	o.P = i18n.New(i18n.Zh)
	o.Pick = func(string) ([]Suggestion, error) { return nil, nil }
	f := WithCustomerPicker(OrderForm(model.Order{}, o))
	f.SetSize(80, 20)
	view := ansi.Strip(f.View())
	if strings.Contains(view, "e.g.") || !strings.Contains(view, "例如") {
		t.Fatalf("the empty customer field:\n%s", view)
	}
}
