// Package editor is the form and question host (SPEC §4 Forms): every
// change made in a form goes request → load → form → save through it.
// Screens only say what their keys mean (common.EditRequestMsg); the root
// hands the request to Model.Request, which reads the row fresh from the
// file (so a save checks its version), opens the form of components/form
// in the app's styles (or asks before archiving), saves it in a tea.Cmd as
// one undoable command and tells the root with a ResultMsg. While a form
// is open the editor owns the keyboard; the screen underneath keeps
// reloading when the book changes.
package editor

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/rapportcrm/rapport/model/i18n"
	"github.com/rapportcrm/rapport/ui/common"
	"github.com/rapportcrm/rapport/ui/components/exteditor"
	"github.com/rapportcrm/rapport/ui/components/form"
)

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
	fkStageDeal // Pipeline's n: a new deal in a stage, for a customer typed in
	fkNewOrder
	fkOrder
	fkNewContact
	fkContact
	fkNext     // "schedule the next follow-up?" after logging
	fkGoal     // a goal for a month or a quarter
	fkPlaybook // a playbook rule
)

// ResultMsg tells the root what the editor did. Produced by the editor's
// commands and Update; handled by the root, which shows Status (an error
// when Err), and when Changed reloads the screens (the file changed), hands
// Edited to the screen that asked and closes the Detail of customer Close.
type ResultMsg struct {
	Status  string
	Err     bool
	Changed bool
	Edited  common.EditedMsg
	Close   int64
}

// Model is the editor: nothing, or the one open form or question.
type Model struct {
	c    *common.Common
	seq  int // drops answers to requests it no longer waits for
	open *session
	// compose is the open template picker (m), when open is nil.
	compose *compose
	w, h    int
}

// session is the open form or question.
type session struct {
	req  common.EditRequestMsg
	kind formKind
	t    target
	form *form.Model // nil while asking
	ask  string      // the y/n question ("Archive customer Acme Ltd?")
	busy bool        // the question was answered; its write is on the way
	pick bool        // the form asks for its customer (form.WithCustomerPicker)
	keys confirmKeys
}

// confirmKeys answer the editor's yes/no question.
type confirmKeys struct {
	Yes key.Binding
	No  key.Binding
}

func newConfirmKeys() confirmKeys {
	return confirmKeys{
		Yes: key.NewBinding(key.WithKeys("y", "Y"), key.WithHelp("y", i18n.N("archive"))),
		No:  key.NewBinding(key.WithKeys("n", "N", "esc", "q"), key.WithHelp("n/esc", i18n.N("keep it"))),
	}
}

// New builds the editor; nothing is open.
func New(c *common.Common) *Model { return &Model{c: c} }

// Active reports whether a form, question or the template picker is open.
func (m *Model) Active() bool { return m.open != nil || m.compose != nil }

// Form returns the open form, nil when none (for tests).
func (m *Model) Form() *form.Model {
	if m.open == nil {
		return nil
	}
	return m.open.form
}

// Mode is ModeModal while asking, ModeForm while a form is open.
func (m *Model) Mode() common.Mode {
	if m.open != nil && m.open.form == nil || m.compose != nil && m.compose.asking {
		return common.ModeModal
	}
	return common.ModeForm
}

// SetSize gives the editor the body: a form takes it all under the line
// naming the customer.
func (m *Model) SetSize(w, h int) {
	m.w, m.h = w, h
	if m.open == nil || m.open.form == nil {
		return
	}
	if m.open.showContext(h) {
		h--
	}
	m.open.form.SetSize(w, h)
}

// Request starts what an edit key asked for: restore and resolve write at
// once; everything else loads its row first (Update opens the form).
func (m *Model) Request(req common.EditRequestMsg) tea.Cmd {
	switch req.Action {
	case common.ActRestore:
		return archiveCmd(m.c, m.seq, req.Sel, false)
	case common.ActResolve:
		return resolveCmd(m.c, m.seq, req.Sel)
	case common.ActMessage:
		m.seq++
		return loadComposeCmd(m.c, m.seq, req)
	}
	m.seq++
	return loadEditCmd(m.c, m.seq, req)
}

// Update handles the editor's own messages (the loaded row, the open
// form's reports, the end of a save) and, while it is open, the keys.
func (m *Model) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case editLoadedMsg:
		if msg.Seq != m.seq {
			return nil
		}
		if msg.Err != nil {
			return result(ResultMsg{Status: m.c.ErrorText(msg.Err), Err: true})
		}
		return m.openOn(msg)
	case composeLoadedMsg:
		if msg.Seq != m.seq {
			return nil
		}
		if msg.Err != nil {
			return result(ResultMsg{Status: common.ErrorText(msg.Err), Err: true})
		}
		m.compose = newCompose(msg)
		return nil
	case exteditor.DoneMsg:
		switch {
		case msg.ID == composeEditID && m.compose != nil:
			return m.compose.editedText(m.c.P, msg)
		case m.open != nil && m.open.form != nil:
			f, cmd := m.open.form.Update(msg)
			*m.open.form = f
			return cmd
		}
		return nil
	case editSavedMsg:
		return m.saved(msg)
	case pickedMsg:
		return m.picked(msg)
	case form.SubmittedMsg:
		if !m.ownsForm(msg.Form) {
			return nil
		}
		if m.open.pick {
			// Whose it is was typed in the form: find them first.
			return pickCmd(m.c, m.seq, m.open.req, msg.Values)
		}
		cmd, err := m.open.saveCmd(m.c, m.seq, msg.Values)
		if err != nil {
			m.open.form.SetError(err)
			return nil
		}
		return cmd
	case form.CancelledMsg:
		if !m.ownsForm(msg.Form) {
			return nil
		}
		text := m.c.T("Nothing saved")
		switch {
		case m.open.req.Draft != nil:
			text = m.c.P.T("The message was not logged")
		case m.open.kind == fkNext:
			text = m.c.T("No follow-up scheduled")
		case m.open.req.Heading != "" && m.open.req.Sel.Label != "":
			// The log x offered after completing a follow-up: the completion stands.
			text = m.c.T("Done: %s (u undoes) · no contact logged", common.Clean(m.open.req.Sel.Label))
		}
		m.open = nil
		return result(ResultMsg{Status: text})
	case form.ReloadRequestedMsg:
		if !m.ownsForm(msg.Form) {
			return nil
		}
		// The row changed in the file: read it again for the form, and
		// let the screen underneath show it too.
		m.seq++
		return tea.Batch(loadEditCmd(m.c, m.seq, m.open.req), result(ResultMsg{Changed: true}))
	case tea.KeyMsg:
		if m.open != nil {
			return m.key(msg)
		}
		if m.compose != nil {
			return m.composeKey(msg)
		}
	}
	if m.open != nil && m.open.form != nil {
		f, cmd := m.open.form.Update(msg)
		*m.open.form = f
		return cmd
	}
	return nil
}

// result hands a ResultMsg to the root.
func result(r ResultMsg) tea.Cmd { return func() tea.Msg { return r } }

// ownsForm reports whether the open form sent a form message.
func (m *Model) ownsForm(id string) bool {
	return m.open != nil && m.open.form != nil && m.open.form.ID() == id
}

// openOn opens the form (or the archive question) over the loaded row. A
// reload after a conflict replaces the open form with a fresh one.
func (m *Model) openOn(msg editLoadedMsg) tea.Cmd {
	reloaded := m.open != nil && m.open.form != nil && m.open.req == msg.Req
	e := &session{req: msg.Req, t: msg.T, keys: newConfirmKeys()}
	if msg.Req.Action == common.ActArchive {
		e.ask = archiveQuestion(m.c, msg.Req.Sel, msg.T)
	} else {
		e.kind = formKindOf(msg.Req)
		f := buildForm(e.kind, msg.Req, msg.T, m.formOptions(msg.T.Currency), m.c.P)
		if e.pick = picks(e.kind, msg.Req); e.pick {
			f = form.WithCustomerPicker(f)
		}
		e.form = &f
	}
	m.open = e
	m.SetSize(m.w, m.h)
	if reloaded {
		return common.StatusCmd(m.c.T("Reloaded: the form shows what the file holds now"))
	}
	return nil
}

// saved ends a save: an error goes back into the form (a conflict as its
// reload question); success closes it — or, after logging an interaction,
// offers the next follow-up — and tells the root the file changed.
func (m *Model) saved(msg editSavedMsg) tea.Cmd {
	if msg.Seq != m.seq {
		return nil
	}
	e := m.open
	if msg.Err != nil {
		switch {
		case e != nil && e.form != nil && msg.Conflict != "":
			e.form.SetConflict(msg.Conflict)
		case e != nil && e.form != nil:
			e.form.SetError(msg.Err)
		default:
			m.open = nil
			return result(ResultMsg{Status: m.c.ErrorText(msg.Err), Err: true})
		}
		return nil
	}
	m.open = nil
	if msg.Logged != nil && e != nil {
		e.kind, e.t.Interaction, e.t.Completed = fkNext, *msg.Logged, msg.Completed
		f := buildForm(fkNext, e.req, e.t, m.formOptions(e.t.Currency), m.c.P)
		e.form = &f
		m.open = e
		m.SetSize(m.w, m.h)
	}
	r := ResultMsg{Status: msg.Status, Changed: true, Edited: msg.Edited}
	if msg.Back {
		r.Close = msg.CustomerID
	}
	return result(r)
}

// key routes a key to the open form, or answers the question.
func (m *Model) key(msg tea.KeyMsg) tea.Cmd {
	e := m.open
	if e.form != nil {
		f, cmd := e.form.Update(msg)
		*e.form = f
		return cmd
	}
	if e.busy {
		return nil
	}
	switch {
	case key.Matches(msg, e.keys.Yes):
		e.busy = true
		return archiveCmd(m.c, m.seq, e.req.Sel, true)
	case key.Matches(msg, e.keys.No):
		m.open = nil
		return result(ResultMsg{Status: m.c.T("Nothing archived")})
	}
	return nil
}

// ShortHelp is the footer's help while the editor is open.
func (m *Model) ShortHelp() []key.Binding {
	e := m.open
	if e == nil && m.compose != nil {
		return m.compose.help()
	}
	switch {
	case e == nil || e.busy:
		return nil
	case e.form != nil:
		return e.form.ShortHelp()
	}
	return []key.Binding{e.keys.Yes, e.keys.No}
}

// View draws the editor in the body: a form takes the whole body under a
// line naming the customer; a question takes the last two lines, the
// screen (under, as it drew itself) staying visible above it.
func (m *Model) View(under string) string {
	if m.open == nil && m.compose != nil {
		return m.composeView()
	}
	s := m.c.Styles
	e := m.open
	w, h := m.w, m.h
	if e.form == nil {
		lines := common.SplitLines(under)
		lines = lines[:max(0, min(len(lines), h-2))]
		for len(lines) < h-2 {
			lines = append(lines, "")
		}
		hint := archiveNote(m.c, e.req.Sel.Kind)
		if e.busy {
			hint = m.c.T("archiving…")
		}
		lines = append(lines, s.App.SummaryWarm.Render(common.Truncate(e.ask, w)), s.Item.Dim.Render(common.Truncate(hint, w)))
		return common.Frame(lines[max(0, len(lines)-h):], w, h)
	}
	var out []string
	if e.showContext(h) {
		out = append(out, s.Item.Dim.Render(common.Truncate(e.context(), w)))
	}
	out = append(out, common.SplitLines(e.form.View())...) // sized by SetSize
	return common.Frame(out, w, h)
}

// showContext is whether the line naming the customer fits above the form.
func (e *session) showContext(h int) bool { return e.context() != "" && h >= 6 }

// context is the line above the form: whose record it is.
func (e *session) context() string {
	cu := e.t.Customer
	if cu.ID == 0 {
		return ""
	}
	out := common.Clean(cu.Name)
	if cu.Company != "" && cu.Company != cu.Name {
		out += " · " + common.Clean(cu.Company)
	}
	return out
}
