package form

import (
	"errors"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/model/i18n"
)

// KeyCustomer is the key of the customer field WithCustomerPicker adds.
const KeyCustomer = "customer"

// pickShown is how many customers the list under a customer field shows;
// PickAsk is how many a PickFunc is asked for (one more says "more").
const (
	pickShown = 5
	// PickAsk is how many customers a PickFunc should return at most.
	PickAsk = pickShown + 1
)

// Suggestion is one customer a customer field offers.
type Suggestion struct {
	ID      int64
	Name    string
	Company string
	Tier    string
}

// PickFunc answers a customer field: the customers for what was typed,
// best first, at most PickAsk. The form calls it in a tea.Cmd, after the
// typing pause (Options.Debounce), never on the UI goroutine.
type PickFunc func(text string) ([]Suggestion, error)

// pickTickMsg fires Debounce after a keystroke in a customer field; only
// the newest one of that field asks. Produced and handled by the form.
type pickTickMsg struct {
	form, key string
	seq       int
}

// pickAnswerMsg is what a PickFunc answered for text. Produced and handled
// by the form; an answer to older typing (seq) is dropped.
type pickAnswerMsg struct {
	form, key string
	seq       int
	text      string
	items     []Suggestion
	err       error
}

// picker is the state of a customer field's list.
type picker struct {
	items   []Suggestion
	answer  string // the text items answer
	sel     int
	seq     int
	pending bool // an answer is on its way
	closed  bool // esc closed the list until the next keystroke
	picked  Suggestion
	err     string // why the list could not be read
	more    bool   // more customers match than are shown
}

// WithCustomerPicker puts a customer field first in m (a log, follow-up,
// deal or order form opened where no customer is fixed): typing part of a
// name (or a company, an email, a phone, #id) lists the matching customers
// under it, name · company · tier, best first; ↑/↓ or ctrl+p/ctrl+n choose,
// enter or tab picks, esc closes the list. The picked customer's id comes
// with the values (Values.Customer) and the form's own check uses it; a
// name typed and not picked is taken when exactly one customer has it, else
// the caller resolves the text when saving. Options.Pick answers the list.
func WithCustomerPicker(m Model) Model {
	spec := m.spec
	spec.Fields = append([]Field{CustomerField(m.opts.P)}, spec.Fields...)
	if check := spec.Validate; check != nil {
		spec.Validate = func(v Values) error {
			err := check(v)
			var ve *model.ValidationError
			if id, _ := v.Customer(); id == 0 && errors.As(err, &ve) && ve.Field == KeyCustomer {
				return nil // a name not picked is resolved when saving
			}
			return err
		}
	}
	return New(spec, m.opts)
}

// CustomerField is the customer field of a form that always asks for one
// (the board's new deal): WithCustomerPicker's field, for a Spec, labelled
// in p's language.
func CustomerField(p *i18n.Printer) Field {
	return Field{Key: KeyCustomer, Label: p.T("Customer"), Kind: Customer, Required: true, MaxLen: model.MaxNameLen,
		Placeholder: p.T("part of a name, a company or #id")}
}

// pickedInto sets *id to the customer picked in the form's customer field,
// if there is one.
func pickedInto(id *int64, v Values) {
	if c, _ := v.Customer(); c != 0 {
		*id = c
	}
}

// open reports whether the list shows under the field: typed text that is
// not the picked customer, not closed with esc.
func (p *picker) open(text string) bool {
	return !p.closed && strings.TrimSpace(text) != "" && !(p.picked.ID != 0 && p.picked.Name == text)
}

// choosing reports whether ↑/↓, enter and tab act on the list.
func (p *picker) choosing(text string) bool {
	return p.open(text) && len(p.items) > 0 && p.answer == text
}

// exact is the one customer whose name is text (case folded), when there
// is exactly one in the answer for text.
func (p *picker) exact(text string) (Suggestion, bool) {
	t := strings.TrimSpace(text)
	var found Suggestion
	n := 0
	for _, s := range p.items {
		if strings.EqualFold(strings.TrimSpace(s.Name), t) {
			found = s
			n++
		}
	}
	return found, n == 1 && p.answer == text
}

// chosen is the customer the field stands for: the one picked while its
// name is in the field, else the only exact match.
func (p *picker) chosen(text string) (Suggestion, bool) {
	if p.picked.ID != 0 && p.picked.Name == text {
		return p.picked, true
	}
	return p.exact(text)
}

// changed starts over after the text changed: the pick is dropped and the
// list asks again after the typing pause.
func (m *Model) pickChanged(in *input) tea.Cmd {
	p := &in.pick
	text := in.raw()
	p.closed, p.err = false, ""
	if p.picked.ID != 0 && p.picked.Name != text {
		p.picked = Suggestion{}
	}
	p.seq++
	if strings.TrimSpace(text) == "" {
		p.items, p.answer, p.pending, p.more = nil, "", false, false
		return nil
	}
	p.pending = true
	msg := pickTickMsg{form: m.spec.ID, key: in.Key, seq: p.seq}
	if m.opts.Debounce <= 0 {
		return func() tea.Msg { return msg }
	}
	return tea.Tick(m.opts.Debounce, func(time.Time) tea.Msg { return msg })
}

// pickTick asks the PickFunc when the tick is the newest of its field.
func (m *Model) pickTick(msg pickTickMsg) tea.Cmd {
	in := m.find(msg.key)
	if msg.form != m.spec.ID || in == nil || in.Kind != Customer || msg.seq != in.pick.seq {
		return nil
	}
	ask, text := m.opts.Pick, in.raw()
	if ask == nil {
		in.pick.pending = false
		return nil
	}
	return func() tea.Msg {
		items, err := ask(text)
		return pickAnswerMsg{form: msg.form, key: msg.key, seq: msg.seq, text: text, items: items, err: err}
	}
}

// pickAnswer takes the newest answer; older ones are dropped.
func (m *Model) pickAnswer(msg pickAnswerMsg) {
	in := m.find(msg.key)
	if msg.form != m.spec.ID || in == nil || in.Kind != Customer || msg.seq != in.pick.seq {
		return
	}
	p := &in.pick
	p.pending, p.sel, p.answer, p.err = false, 0, msg.text, ""
	p.items, p.more = nil, false
	if msg.err != nil {
		p.err = m.opts.P.T("the list could not be read: %s", errorText(m.opts.P, msg.err))
		return
	}
	for i, s := range msg.items {
		if i == pickShown {
			p.more = true
			break
		}
		p.items = append(p.items, Suggestion{ID: s.ID, Name: model.Sanitize(s.Name), Company: model.Sanitize(s.Company), Tier: model.Sanitize(s.Tier)})
	}
}

// pickKey handles a key while the list is open; handled false lets the
// form treat it as usual.
func (m *Model) pickKey(in *input, k tea.KeyMsg) (cmd tea.Cmd, handled bool) {
	p := &in.pick
	text := in.raw()
	if !p.open(text) {
		return nil, false
	}
	if key.Matches(k, m.keys.PickClose) {
		p.closed = true
		return nil, true
	}
	if !p.choosing(text) {
		return nil, false
	}
	switch {
	case key.Matches(k, m.keys.PickDown):
		p.sel = (p.sel + 1) % len(p.items)
	case key.Matches(k, m.keys.PickUp):
		p.sel = (p.sel + len(p.items) - 1) % len(p.items)
	case key.Matches(k, m.keys.Pick):
		p.picked = p.items[p.sel]
		in.text.SetValue(p.picked.Name)
		in.text.CursorEnd()
		in.err, m.formErr = "", ""
		if m.focus < len(m.inputs)-1 {
			return m.move(1), true
		}
	default:
		return nil, false
	}
	return nil, true
}

// Customer returns the id of the customer picked in the customer field
// (0 when a name was typed and not picked: resolve the text) and its text.
func (v Values) Customer() (int64, string) {
	x := v.m[KeyCustomer]
	return x.ID, x.Text
}

// describe is the line of one customer in the list: name · company · tier.
func (s Suggestion) describe() string {
	out := s.Name
	if s.Company != "" && s.Company != s.Name {
		out += " · " + s.Company
	}
	if s.Tier != "" {
		out += " · " + s.Tier
	}
	return out
}
