package form

import (
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textarea"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/ui/components/datefield"
	"github.com/rapportcrm/rapport/ui/components/textline"
)

// input is one field's definition and its live widget: a textinput (Text,
// Money, Integer), a textarea (Multiline), a date field (Date) or a plain
// index / flag (Choice, Bool).
type input struct {
	Field
	text   textinput.Model
	area   textarea.Model
	date   datefield.Model
	choice int
	on     bool
	// bare is set when the notes box is drawn without colour or
	// attributes: its cursor is then a character of its own (bareCursor)
	// and takes one cell, reserved in SetSize.
	bare bool
	// pick is a Customer field's list.
	pick picker
	// initial is raw() when the form opened: dirty means raw() differs.
	initial string
	// err is the message from the last submit (or the caller's SetError),
	// cleared when the field's text changes.
	err string
}

// newInput builds the widget of f.
func newInput(f Field, o Options) input {
	in := input{Field: f}
	st := o.Styles
	switch f.Kind {
	case Multiline:
		ta := textarea.New()
		ta.Prompt = ""
		ta.ShowLineNumbers = false
		ta.CharLimit = 0 // the limit is checked on submit, with a message
		ta.MaxHeight = 0
		plain := textarea.Style{Placeholder: st.Placeholder, Text: st.Text}
		ta.FocusedStyle, ta.BlurredStyle = plain, plain
		ta.Cursor.SetMode(cursor.CursorStatic)
		in.bare = textline.NoColor()
		if in.bare {
			ta.Cursor.Style = ta.Cursor.Style.Transform(bareCursor)
		}
		ta.KeyMap.InsertNewline = key.NewBinding(key.WithKeys("alt+enter", "ctrl+j"))
		ta.SetValue(strings.ReplaceAll(model.SanitizeMultiline(f.Initial), "\t", "    "))
		ta.Blur()
		in.area = ta
	case Date:
		in.date = datefield.New("", o.Now, o.DateOrder, f.Mode, st.Date)
		in.date.SetPrinter(o.P)
		in.date.SetValue(model.Sanitize(f.Initial))
	case Choice:
		for i, opt := range f.Options {
			if opt == f.Initial {
				in.choice = i
			}
		}
	case Bool:
		in.on = isYes(f.Initial)
	default: // Text, Money, Integer
		ti := textinput.New()
		ti.Prompt = ""
		ti.PlaceholderStyle = st.Placeholder
		ti.TextStyle = st.Text
		ti.Cursor.SetMode(cursor.CursorStatic)
		ti.SetValue(model.Sanitize(f.Initial))
		ti.CursorEnd()
		in.text = ti
	}
	in.initial = in.raw()
	return in
}

// raw is the field's text as it stands: what was typed, the chosen option,
// or "yes"/"no".
func (in *input) raw() string {
	switch in.Kind {
	case Multiline:
		return in.area.Value()
	case Date:
		return in.date.Value()
	case Choice:
		if len(in.Options) == 0 {
			return ""
		}
		return in.Options[in.choice]
	case Bool:
		return yesNo(in.on)
	}
	return in.text.Value()
}

// setText replaces a text field's text (what $EDITOR wrote).
func (in *input) setText(s string) {
	switch in.Kind {
	case Multiline:
		in.area.SetValue(s)
	case Date:
		in.date.SetValue(s)
	case Text, Money, Integer:
		in.text.SetValue(s)
	}
}

// dirty reports whether the field differs from how it opened.
func (in *input) dirty() bool { return in.raw() != in.initial }

// focus gives the widget the keyboard. The placeholder shows only in the
// focused field: without colour a placeholder would read as a value.
func (in *input) focus() tea.Cmd {
	switch in.Kind {
	case Multiline:
		in.area.Placeholder = in.Placeholder
		return in.area.Focus()
	case Date:
		return in.date.Focus()
	case Choice, Bool:
		return nil
	case Customer:
		in.pick.closed = false // the list shows again when the field is back
	}
	in.text.Placeholder = in.Placeholder
	return in.text.Focus()
}

// blur takes the keyboard away.
func (in *input) blur() {
	switch in.Kind {
	case Multiline:
		in.area.Placeholder = ""
		in.area.Blur()
	case Date:
		in.date.Blur()
	case Text, Money, Integer, Customer:
		in.text.Placeholder = ""
		in.text.Blur()
	}
}

// update hands a message to the widget. Choice and Bool read ←/→ and space.
func (in *input) update(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	switch in.Kind {
	case Multiline:
		in.area, cmd = in.area.Update(msg)
	case Date:
		in.date, cmd = in.date.Update(msg)
	case Choice:
		if k, ok := msg.(tea.KeyMsg); ok && len(in.Options) > 0 {
			switch k.String() {
			case "right", " ", "space":
				in.choice = (in.choice + 1) % len(in.Options)
			case "left":
				in.choice = (in.choice + len(in.Options) - 1) % len(in.Options)
			default:
				in.jumpTo(k)
			}
		}
	case Bool:
		if k, ok := msg.(tea.KeyMsg); ok {
			switch k.String() {
			case "right", "left", " ", "space", "x":
				in.on = !in.on
			case "y":
				in.on = true
			case "n":
				in.on = false
			}
		}
	default:
		in.text, cmd = in.text.Update(msg)
	}
	return cmd
}

// jumpTo selects the next option that starts with the typed letter, so
// "e" picks email and "f" feedback.
func (in *input) jumpTo(k tea.KeyMsg) {
	if k.Type != tea.KeyRunes || len(k.Runes) != 1 {
		return
	}
	r := strings.ToLower(string(k.Runes))
	n := len(in.Options)
	for i := 1; i <= n; i++ {
		j := (in.choice + i) % n
		if strings.HasPrefix(strings.ToLower(in.Options[j]), r) {
			in.choice = j
			return
		}
	}
}

// live is what shows beside the input while typing: the parsed date or
// amount (preview), or why the text does not parse (problem).
func (in *input) live(o Options) (preview, problem string) {
	switch in.Kind {
	case Date:
		if strings.TrimSpace(in.date.Value()) == "" {
			return "", ""
		}
		if in.date.Err() != nil {
			return "", in.date.Problem()
		}
		return in.date.Preview(), ""
	case Money:
		if strings.TrimSpace(in.text.Value()) == "" {
			return "", ""
		}
		m, err := model.ParseMoney(in.text.Value(), in.currency(o))
		if err != nil {
			return "", errorText(o.P, err)
		}
		return m.Format(), ""
	case Integer:
		if strings.TrimSpace(in.text.Value()) == "" {
			return "", ""
		}
		if _, err := parseInt(in.Field, in.text.Value()); err != nil {
			return "", errorText(o.P, err)
		}
	}
	return "", ""
}

// currency is the default currency of a Money field.
func (in *input) currency(o Options) string {
	if in.Currency != "" {
		return in.Currency
	}
	return o.Currency
}

// parse reads the field for submit: cleaned text, the date, the amount, the
// number. Errors are *model.ValidationError with Field set to the key.
func (in *input) parse(o Options, now time.Time) (Value, error) {
	raw := in.raw()
	v := Value{Raw: raw}
	empty := strings.TrimSpace(raw) == ""
	if empty && in.Kind != Choice && in.Kind != Bool {
		if in.Required {
			return v, requiredErr(in.Field)
		}
		return v, nil
	}
	v.Set = true
	switch in.Kind {
	case Text, Multiline:
		s, err := model.CleanInput(raw, in.MaxLen, in.Kind == Multiline)
		if err != nil {
			return v, withField(err, in.Key)
		}
		if s == "" && in.Required {
			return v, requiredErr(in.Field)
		}
		v.Text, v.Set = s, s != ""
	case Date:
		w, err := model.ParseWhen(raw, now, o.DateOrder, in.Mode)
		if err != nil {
			return v, model.Invalid(in.Key, "%v", err)
		}
		v.When, v.Text = w, strings.TrimSpace(raw)
	case Money:
		m, err := model.ParseMoney(raw, in.currency(o))
		if err != nil {
			return v, withField(err, in.Key)
		}
		v.Money, v.Text = m, m.Format()
	case Integer:
		n, err := parseInt(in.Field, raw)
		if err != nil {
			return v, err
		}
		v.Int, v.Text = n, strings.TrimSpace(raw)
	case Customer:
		s, err := model.CleanInput(raw, in.MaxLen, false)
		if err != nil {
			return v, withField(err, in.Key)
		}
		v.Text, v.Set = s, s != ""
		if c, ok := in.pick.chosen(raw); ok {
			v.ID = c.ID
		}
	case Choice:
		v.Text = raw
	case Bool:
		v.Bool, v.Text = in.on, raw
	}
	return v, nil
}

// requiredErr is the message of an empty required field.
func requiredErr(f Field) error {
	if f.Kind == Date {
		return model.Invalid(f.Key, "is required (like tomorrow, fri, +3d or 2026-12-01)")
	}
	if f.Kind == Money {
		return model.Invalid(f.Key, "is required (like 12,000, $3.5k or ¥12,000)")
	}
	return model.Invalid(f.Key, "is required")
}

// bareCursor draws a notes box's cursor when there is no colour to reverse
// it with (NO_COLOR, as textline does for one-line inputs): a block █ on
// the space after the text, else a bar ▌ before the character under it.
func bareCursor(s string) string {
	if s == " " || s == "" {
		return textline.Block
	}
	return textline.BarCursor + s
}
