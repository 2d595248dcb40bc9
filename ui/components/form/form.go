package form

import (
	"errors"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/model/i18n"
	"github.com/rapportcrm/rapport/ui/components/exteditor"
)

// Options are what every form needs from the app: the clock, the book's
// date-order and currency settings, and the styles.
type Options struct {
	// Now is the clock dates are relative to; nil means time.Now.
	Now func() time.Time
	// DateOrder is the book's setting for reading 12/01.
	DateOrder model.DateOrder
	// Currency is the book currency: the default of Money fields.
	Currency string
	// Styles are the form's looks; the zero Styles draws plain text.
	Styles Styles
	// P says what the form itself says (the customer list's lines) in the
	// reader's language; nil speaks English.
	P *i18n.Printer
	// Pick answers customer fields (WithCustomerPicker); nil lists nothing.
	Pick PickFunc
	// Debounce is how long typing in a customer field pauses before Pick
	// is asked (0: at once).
	Debounce time.Duration
	// External opens text in the user's editor and reports an
	// exteditor.DoneMsg with id (ctrl+e on a long text field); nil: ctrl+e
	// is not offered.
	External func(id, text string) tea.Cmd
}

// Spec describes a form: its fields and the check run on submit.
type Spec struct {
	// ID names the form in the messages it reports ("customer", …).
	ID string
	// Title is the first line of the form.
	Title string
	// Fields in order; the first one has focus when the form opens.
	Fields []Field
	// Validate runs after every field parsed, with the values about to be
	// submitted: the caller builds its model type and calls its Validate.
	// A *model.ValidationError goes beside the field whose Key or Aliases
	// match its Field; any other error shows at the bottom. nil = no check.
	Validate func(Values) error
	// NoDiscardQuestion makes esc cancel at once even after typing (for
	// one-field prompts where esc means "skip").
	NoDiscardQuestion bool
}

// SubmittedMsg reports that the form was saved: every field parsed and the
// Validate hook passed. The form then waits (stateSaving) until the caller
// closes it, or calls SetError, SetConflict or Resume.
type SubmittedMsg struct {
	Form   string
	Values Values
}

// CancelledMsg reports that the user left the form without saving (esc,
// and y to "Discard changes?" when something was typed).
type CancelledMsg struct {
	Form string
}

// ReloadRequestedMsg reports r on the conflict question: the caller loads
// the row again and opens a fresh form over it.
type ReloadRequestedMsg struct {
	Form string
}

// state is what the form is doing.
type state int

const (
	stateEditing  state = iota
	stateDiscard        // "Discard changes? y/n"
	stateConflict       // the row changed since the form opened
	stateSaving         // submitted; the caller is saving
	stateCancelled
)

// Model is a form. Build it with New or one of the concrete constructors;
// the zero value is not usable.
type Model struct {
	spec     Spec
	opts     Options
	keys     KeyMap
	inputs   []input
	focus    int
	state    state
	formErr  string // an error that belongs to no field, shown at the bottom
	conflict string
	width    int
	height   int
}

// New builds a form from spec with its first field focused, sized 80×24
// until SetSize says otherwise.
func New(spec Spec, opts Options) Model {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	spec.Title = model.Sanitize(spec.Title)
	m := Model{spec: spec, opts: opts, keys: DefaultKeyMap()}
	for _, f := range spec.Fields {
		m.inputs = append(m.inputs, newInput(f, opts))
	}
	m.say()
	if len(m.inputs) > 0 {
		m.inputs[0].focus()
	}
	m.SetSize(80, 24)
	return m
}

// Init returns nil: the cursors do not blink, so a form needs no ticks.
func (m Model) Init() tea.Cmd { return nil }

// ID returns the form's id (Spec.ID).
func (m Model) ID() string { return m.spec.ID }

// InputFocused is always true: while a form is open it owns the keyboard,
// so the app's global keys (q, ?, digits, u) reach it as text.
func (m Model) InputFocused() bool { return true }

// Dirty reports whether any field differs from how the form opened.
func (m Model) Dirty() bool {
	for i := range m.inputs {
		if m.inputs[i].dirty() {
			return true
		}
	}
	return false
}

// Focused returns the key of the focused field.
func (m Model) Focused() string {
	if len(m.inputs) == 0 {
		return ""
	}
	return m.inputs[m.focus].Key
}

// Value returns the text of the field key as it stands.
func (m Model) Value(key string) string {
	if in := m.find(key); in != nil {
		return in.raw()
	}
	return ""
}

// Preview returns what shows beside the field key as it stands: the parsed
// date or formatted amount, "" when there is none.
func (m Model) Preview(key string) string {
	if in := m.find(key); in != nil {
		p, _ := in.live(m.opts)
		return p
	}
	return ""
}

// FieldError returns the error shown at the field key: the message from the
// last submit, else why its text does not parse yet; "" when none.
func (m Model) FieldError(key string) string {
	in := m.find(key)
	if in == nil {
		return ""
	}
	if in.err != "" {
		return in.err
	}
	_, p := in.live(m.opts)
	return p
}

// FormError returns the error shown at the bottom, "" when none.
func (m Model) FormError() string { return m.formErr }

// Asking reports whether the form waits for y/n to "Discard changes?".
func (m Model) Asking() bool { return m.state == stateDiscard }

// Saving reports whether the form was submitted and waits for the caller.
func (m Model) Saving() bool { return m.state == stateSaving }

// InConflict reports whether the conflict question is shown.
func (m Model) InConflict() bool { return m.state == stateConflict }

// SetError shows an error from saving and returns the form to editing: a
// *model.ValidationError beside its field, model.ErrConflict as the
// conflict question, anything else at the bottom.
func (m *Model) SetError(err error) {
	if err == nil {
		m.Resume()
		return
	}
	if errors.Is(err, model.ErrConflict) {
		m.SetConflict(m.opts.P.T("This record was changed since you opened it"))
		return
	}
	m.state = stateEditing
	m.place(err)
}

// SetConflict shows msg with "r reload · esc keep editing": the row changed
// since the form opened. r reports ReloadRequestedMsg; esc goes back to the
// form as it is.
func (m *Model) SetConflict(msg string) {
	m.state = stateConflict
	m.conflict = msg
}

// Resume returns a submitted form to editing (a save the caller abandoned).
func (m *Model) Resume() { m.state = stateEditing }

// Update handles a key or any message for the focused widget.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	if len(m.inputs) == 0 {
		return m, nil
	}
	switch msg := msg.(type) {
	case pickTickMsg:
		return m, m.pickTick(msg)
	case pickAnswerMsg:
		m.pickAnswer(msg)
		return m, nil
	case exteditor.DoneMsg:
		return m.external(msg), nil
	}
	k, ok := msg.(tea.KeyMsg)
	if !ok {
		return m, m.inputs[m.focus].update(msg)
	}
	switch m.state {
	case stateDiscard:
		switch {
		case key.Matches(k, m.keys.Yes):
			return m.cancel()
		case key.Matches(k, m.keys.No):
			m.state = stateEditing
		}
		return m, nil
	case stateConflict:
		switch {
		case key.Matches(k, m.keys.Reload):
			id := m.spec.ID
			return m, func() tea.Msg { return ReloadRequestedMsg{Form: id} }
		case key.Matches(k, m.keys.Keep):
			m.state, m.conflict = stateEditing, ""
		}
		return m, nil
	case stateSaving, stateCancelled:
		return m, nil
	}
	in := &m.inputs[m.focus]
	if in.Kind == Customer {
		if cmd, ok := m.pickKey(in, k); ok {
			return m, cmd
		}
	}
	switch {
	case key.Matches(k, m.keys.External) && in.Kind == Multiline && m.opts.External != nil:
		return m, m.opts.External(m.spec.ID+"/"+in.Key, in.raw())
	case key.Matches(k, m.keys.Submit):
		return m.submit()
	case key.Matches(k, m.keys.Cancel):
		if m.Dirty() && !m.spec.NoDiscardQuestion {
			m.state = stateDiscard
			return m, nil
		}
		return m.cancel()
	case key.Matches(k, m.keys.Next):
		return m, m.move(1)
	case key.Matches(k, m.keys.Prev):
		return m, m.move(-1)
	case key.Matches(k, m.keys.Enter):
		if m.focus == len(m.inputs)-1 {
			return m.submit()
		}
		return m, m.move(1)
	case in.singleLine() && key.Matches(k, m.keys.Down):
		return m, m.move(1)
	case in.singleLine() && key.Matches(k, m.keys.Up):
		return m, m.move(-1)
	}
	before := in.raw()
	cmd := in.update(k)
	if in.raw() != before {
		in.err, m.formErr = "", ""
		if in.Kind == Customer {
			cmd = tea.Batch(cmd, m.pickChanged(in))
		}
	}
	return m, cmd
}

// external puts the text written in $EDITOR into its field (one of this
// form's: the id is "form/field"); an editor that failed leaves the field
// as it was and says why.
func (m Model) external(d exteditor.DoneMsg) Model {
	id, key, ok := strings.Cut(d.ID, "/")
	if !ok || id != m.spec.ID {
		return m
	}
	in := m.find(key)
	if in == nil {
		return m
	}
	if d.Err != nil {
		m.formErr = d.Err.Error()
		return m
	}
	in.setText(d.Text)
	in.err, m.formErr = "", ""
	return m
}

// move focuses the field delta away, wrapping around.
func (m *Model) move(delta int) tea.Cmd {
	n := len(m.inputs)
	return m.focusOn((m.focus + delta + n) % n)
}

func (m *Model) focusOn(i int) tea.Cmd {
	m.inputs[m.focus].blur()
	m.focus = i
	return m.inputs[i].focus()
}

func (m Model) cancel() (Model, tea.Cmd) {
	m.state = stateCancelled
	id := m.spec.ID
	return m, func() tea.Msg { return CancelledMsg{Form: id} }
}

// submit parses every field and runs the Validate hook; only when all pass
// does it report SubmittedMsg.
func (m Model) submit() (Model, tea.Cmd) {
	vals, ok := m.collect()
	if m.spec.Validate != nil {
		// The check runs even when a field failed to parse, so what it
		// refuses is marked in the same pass (every invalid field at once).
		if err := m.spec.Validate(vals); err != nil {
			if ok || !m.placeBeside(err) {
				m.place(err)
			}
			ok = false
		}
	}
	if !ok {
		m.focusFirstMarked()
		return m, nil
	}
	m.state = stateSaving
	id := m.spec.ID
	return m, func() tea.Msg { return SubmittedMsg{Form: id, Values: vals} }
}

// collect parses every field, marking the ones that fail and focusing the
// first of them.
func (m *Model) collect() (Values, bool) {
	vals := Values{now: m.opts.Now(), p: m.opts.P, m: make(map[string]Value, len(m.inputs))}
	first := -1
	m.formErr = ""
	for i := range m.inputs {
		in := &m.inputs[i]
		v, err := in.parse(m.opts, vals.now)
		in.err = ""
		if err != nil {
			in.err = errorText(m.opts.P, err)
			if first < 0 {
				first = i
			}
		}
		vals.keys = append(vals.keys, in.Key)
		vals.m[in.Key] = v
	}
	if first >= 0 {
		m.formErr = m.opts.P.T("fix the marked fields to save")
		return vals, false
	}
	return vals, true
}

// placeBeside marks the field a *model.ValidationError names, unless that
// field already shows a parse error (which says more). It reports whether
// err named a field of the form.
func (m *Model) placeBeside(err error) bool {
	var ve *model.ValidationError
	if !errors.As(err, &ve) {
		return false
	}
	for i := range m.inputs {
		if m.inputs[i].matches(ve.Field) {
			if m.inputs[i].err == "" {
				m.inputs[i].err = ve.MsgIn(m.opts.P)
			}
			return true
		}
	}
	return false
}

// focusFirstMarked moves the focus to the first field showing an error.
func (m *Model) focusFirstMarked() {
	for i := range m.inputs {
		if m.inputs[i].err != "" {
			m.focusOn(i)
			return
		}
	}
}

// place shows err beside the field it names, or at the bottom.
func (m *Model) place(err error) {
	var ve *model.ValidationError
	if errors.As(err, &ve) {
		for i := range m.inputs {
			if m.inputs[i].matches(ve.Field) {
				m.inputs[i].err = ve.MsgIn(m.opts.P)
				m.focusOn(i)
				m.formErr = ""
				return
			}
		}
	}
	m.formErr = sayError(m.opts.P, err)
}

// find returns the input of key, nil when there is none.
func (m Model) find(key string) *input {
	for i := range m.inputs {
		if m.inputs[i].Key == key {
			return &m.inputs[i]
		}
	}
	return nil
}

// focusedKind is the kind of the focused field.
func (m Model) focusedKind() Kind {
	if len(m.inputs) == 0 {
		return Text
	}
	return m.inputs[m.focus].Kind
}
