package ui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/rapportcrm/rapport/ui/components/form"
)

// The editor is the form or question the root shows over the focused
// screen while a change is made (SPEC §4 Forms). Screens only say what
// their keys mean (editRequestMsg); the root loads the row, opens the form,
// saves it in a tea.Cmd and reloads. While it is open it owns the
// keyboard; the screen underneath keeps reloading when the book changes.

// formKind is which form the editor shows.
type formKind int

const (
	fkNone formKind = iota // a question, no form
	fkNewCustomer
	fkCustomer
	fkTags
	fkLog // a new interaction
	fkInteraction
	fkNewFollowup
	fkFollowup
	fkNewDeal
	fkDeal
	fkNewOrder
	fkOrder
	fkNewContact
	fkContact
	fkNext // "schedule the next follow-up?" after logging
)

// editor is the open form or question.
type editor struct {
	req  editRequestMsg
	kind formKind
	t    editTarget
	form *form.Model // nil while asking
	ask  string      // the y/n question ("Archive customer Acme Ltd?")
	busy bool        // the question was answered; its write is on the way
	keys confirmKeys
}

// confirmKeys answer the editor's yes/no question.
type confirmKeys struct {
	Yes key.Binding
	No  key.Binding
}

func newConfirmKeys() confirmKeys {
	return confirmKeys{
		Yes: key.NewBinding(key.WithKeys("y", "Y"), key.WithHelp("y", "archive")),
		No:  key.NewBinding(key.WithKeys("n", "N", "esc", "q"), key.WithHelp("n/esc", "keep it")),
	}
}

// Editing reports whether a form or question is open over the screen.
func (a *App) Editing() bool { return a.editor != nil }

// EditorForm returns the open form, nil when none (for tests).
func (a *App) EditorForm() *form.Model {
	if a.editor == nil {
		return nil
	}
	return a.editor.form
}

// editorUpdate handles the editor's messages: a request from a screen, the
// row it loaded, the open form's reports and the end of a save. Form
// messages of other forms (the board's) go to the screens.
func (a *App) editorUpdate(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case editRequestMsg:
		switch msg.Action {
		case actRestore:
			return archiveCmd(a.c, a.editSeq, msg.Sel, false)
		case actResolve:
			return resolveCmd(a.c, a.editSeq, msg.Sel)
		}
		a.editSeq++
		return loadEditCmd(a.c, a.editSeq, msg)
	case editLoadedMsg:
		if msg.Seq != a.editSeq {
			return nil
		}
		if msg.Err != nil {
			a.status, a.statusErr = errorText(msg.Err), true
			return nil
		}
		a.openEditor(msg)
		return nil
	case editSavedMsg:
		return a.editSaved(msg)
	case form.SubmittedMsg:
		if !a.ownsForm(msg.Form) {
			return a.broadcast(msg)
		}
		return a.editorSubmit(msg.Values)
	case form.CancelledMsg:
		if !a.ownsForm(msg.Form) {
			return a.broadcast(msg)
		}
		text := "Nothing saved"
		if a.editor.kind == fkNext {
			text = "No follow-up scheduled"
		}
		a.editor = nil
		a.status, a.statusErr = text, false
		return nil
	case form.ReloadRequestedMsg:
		if !a.ownsForm(msg.Form) {
			return a.broadcast(msg)
		}
		a.editSeq++
		return loadEditCmd(a.c, a.editSeq, a.editor.req)
	}
	return nil
}

// ownsForm reports whether the editor's form sent a form message.
func (a *App) ownsForm(id string) bool {
	return a.editor != nil && a.editor.form != nil && a.editor.form.ID() == id
}

// openEditor opens the form (or the archive question) over the loaded row.
// A reload after a conflict replaces the open form with a fresh one.
func (a *App) openEditor(msg editLoadedMsg) {
	reloaded := a.editor != nil && a.editor.form != nil && a.editor.req == msg.Req
	e := &editor{req: msg.Req, t: msg.T, keys: newConfirmKeys()}
	if msg.Req.Action == actArchive {
		e.ask = archiveQuestion(msg.Req.Sel, msg.T)
	} else {
		e.kind = formKindOf(msg.Req)
		m := buildForm(e.kind, msg.T, a.formOptions(msg.T.Currency))
		e.form = &m
	}
	a.editor = e
	a.resize(a.width, a.height)
	if reloaded {
		a.status, a.statusErr = "Reloaded: the form shows what the file holds now", false
	}
}

// editorSubmit saves a submitted form.
func (a *App) editorSubmit(v form.Values) tea.Cmd {
	e := a.editor
	cmd, err := e.saveCmd(a.c, a.editSeq, v)
	if err != nil {
		e.form.SetError(err)
		return nil
	}
	return cmd
}

// editSaved ends a save: an error goes back into the form (a conflict as
// its reload question); success closes it — or, after logging an
// interaction, offers the next follow-up — and reloads what shows.
func (a *App) editSaved(msg editSavedMsg) tea.Cmd {
	if msg.Seq != a.editSeq {
		return nil
	}
	e := a.editor
	if msg.Err != nil {
		switch {
		case e != nil && e.form != nil && msg.Conflict != "":
			e.form.SetConflict(msg.Conflict)
		case e != nil && e.form != nil:
			e.form.SetError(msg.Err)
		default:
			a.editor = nil
			a.status, a.statusErr = errorText(msg.Err), true
		}
		return nil
	}
	a.editor = nil
	if msg.Logged != nil && e != nil {
		e.kind, e.t.Interaction = fkNext, *msg.Logged
		m := buildForm(fkNext, e.t, a.formOptions(e.t.Currency))
		e.form = &m
		a.editor = e
		a.resize(a.width, a.height)
	}
	a.status, a.statusErr = msg.Status, false
	var back tea.Cmd
	if msg.Back {
		if d, ok := a.Focused().(*Detail); ok && d.CustomerID() == msg.CustomerID {
			back = a.back()
		}
	}
	return tea.Batch(back, a.dataChanged(true))
}

// editorKey routes a key to the open form, or answers the question.
func (a *App) editorKey(msg tea.KeyMsg) tea.Cmd {
	e := a.editor
	if e.form != nil {
		m, cmd := e.form.Update(msg)
		*e.form = m
		return cmd
	}
	if e.busy {
		return nil
	}
	switch {
	case key.Matches(msg, e.keys.Yes):
		e.busy = true
		return archiveCmd(a.c, a.editSeq, e.req.Sel, true)
	case key.Matches(msg, e.keys.No):
		a.editor = nil
		a.status, a.statusErr = "Nothing archived", false
	}
	return nil
}

// editorHelp is the footer's help while the editor is open.
func (a *App) editorHelp() []key.Binding {
	e := a.editor
	if e.form != nil {
		return e.form.ShortHelp()
	}
	if e.busy {
		return nil
	}
	return []key.Binding{e.keys.Yes, e.keys.No}
}

// editorMode is ModeModal while asking, ModeForm while a form is open.
func (a *App) editorMode() Mode {
	if a.editor.form == nil {
		return ModeModal
	}
	return ModeForm
}

// editorView draws the editor in the body (w×h): a form takes the whole
// body under a line naming the customer; a question takes the last two
// lines of the screen, which stays visible above it.
func (a *App) editorView(w, h int) string {
	s := a.c.Styles
	e := a.editor
	if e.form == nil {
		lines := splitLines(a.Focused().View())
		lines = lines[:max(0, min(len(lines), h-2))]
		for len(lines) < h-2 {
			lines = append(lines, "")
		}
		hint := archiveNote(e.req.Sel.Kind)
		if e.busy {
			hint = "archiving…"
		}
		lines = append(lines, s.App.SummaryWarm.Render(truncate(e.ask, w)), s.Item.Dim.Render(truncate(hint, w)))
		return frame(lines[max(0, len(lines)-h):], w, h)
	}
	var out []string
	if e.showContext(h) {
		out = append(out, s.Item.Dim.Render(truncate(e.context(), w)))
	}
	out = append(out, splitLines(e.form.View())...) // sized by sizeEditor
	return frame(out, w, h)
}

// showContext is whether the line naming the customer fits above the form.
func (e *editor) showContext(h int) bool { return e.context() != "" && h >= 6 }

// sizeEditor gives the open form the body under its context line; resize
// calls it, so View only draws.
func (a *App) sizeEditor() {
	e := a.editor
	if e == nil || e.form == nil {
		return
	}
	w, h := a.bodySize()
	if e.showContext(h) {
		h--
	}
	e.form.SetSize(w, h)
}

// context is the line above the form: whose record it is.
func (e *editor) context() string {
	cu := e.t.Customer
	if cu.ID == 0 {
		return ""
	}
	out := clean(cu.Name)
	if cu.Company != "" && cu.Company != cu.Name {
		out += " · " + clean(cu.Company)
	}
	return out
}
