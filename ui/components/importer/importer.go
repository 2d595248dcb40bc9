// Package importer is the in-app import of a customer file (CSV or .xlsx),
// shared by the welcome screen and Customers: a path prompt, then the dry
// run's summary, then, after y, the import itself, with its progress while
// it reads and writes. It runs db/transfer.ImportFile in a tea.Cmd and
// forwards its progress as messages; esc while it runs cancels it (the
// import is one transaction: nothing is written).
package importer

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/rapportcrm/rapport/db/transfer"
	"github.com/rapportcrm/rapport/model/i18n"
	"github.com/rapportcrm/rapport/ui/common"
)

// importTimeout bounds one run (100,000 rows take well under a minute).
const importTimeout = 30 * time.Minute

// state is where the import is.
type state int

const (
	closed   state = iota
	asking         // the path prompt
	checking       // the dry run is running
	summary        // the dry run's report, asking to confirm
	running        // the import is running
)

// progressMsg is one progress report of a run; more follow on ch.
type progressMsg struct {
	seq int
	p   transfer.Progress
	ch  <-chan tea.Msg
}

// finishedMsg is the end of a run (a dry run or the import).
type finishedMsg struct {
	seq int
	dry bool
	rep *transfer.Report
	err error
}

// DoneMsg tells the host screen that an import was written: it shows the
// status and reloads (the welcome screen moves to Customers).
type DoneMsg struct {
	Status string
	Report *transfer.Report
}

// Keys are the import's keys.
type Keys struct {
	Confirm key.Binding
	Cancel  key.Binding
	Yes     key.Binding
	No      key.Binding
}

// Model is the import flow. Its zero state is closed; Open starts it.
type Model struct {
	c      *common.Common
	keys   Keys
	st     state
	path   textinput.Model
	file   string // the path being imported
	rep    *transfer.Report
	prog   transfer.Progress
	err    string
	seq    int
	cancel context.CancelFunc
}

// New builds a closed import flow.
func New(c *common.Common) *Model {
	in := textinput.New()
	in.Prompt = c.T("File: ")
	in.Placeholder = c.T("path to a .csv or .xlsx file of customers")
	in.Cursor.SetMode(cursor.CursorStatic)
	return &Model{c: c, path: in, keys: Keys{
		Confirm: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", i18n.N("check the file"))),
		Cancel:  key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", i18n.N("cancel"))),
		Yes:     key.NewBinding(key.WithKeys("y", "Y", "enter"), key.WithHelp("y", i18n.N("import"))),
		No:      key.NewBinding(key.WithKeys("n", "N", "esc"), key.WithHelp("n", i18n.N("cancel"))),
	}}
}

// Open shows the path prompt.
func (m *Model) Open() tea.Cmd {
	m.st, m.err, m.rep = asking, "", nil
	m.path.SetValue("")
	return m.path.Focus()
}

// SetWidth sizes the path prompt for an area w cells wide (the host's
// SetSize calls it).
func (m *Model) SetWidth(w int) { m.path.Width = max(1, w-len(m.path.Prompt)-1) }

// Active reports whether the flow is on screen (it then owns the keyboard).
func (m *Model) Active() bool { return m.st != closed }

// Typing reports whether the path prompt has the keyboard (a form mode;
// the other states are questions).
func (m *Model) Typing() bool { return m.st == asking }

// ShortHelp is the footer's help while the flow is open.
func (m *Model) ShortHelp() []key.Binding {
	switch m.st {
	case asking:
		return []key.Binding{m.keys.Confirm, m.keys.Cancel}
	case summary:
		return []key.Binding{m.keys.Yes, m.keys.No}
	case checking, running:
		return []key.Binding{m.keys.Cancel}
	}
	return nil
}

// Update handles the flow's keys and the messages of its runs. The host
// hands it every message while Active, and its own (progress, finished)
// always.
func (m *Model) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case progressMsg:
		if msg.seq != m.seq {
			return wait(msg.ch) // a cancelled run: drain it so it can end
		}
		m.prog = msg.p
		return wait(msg.ch)
	case finishedMsg:
		if msg.seq != m.seq {
			return nil
		}
		return m.finished(msg)
	case tea.KeyMsg:
		return m.key(msg)
	}
	if m.st == asking {
		var cmd tea.Cmd
		m.path, cmd = m.path.Update(msg)
		return cmd
	}
	return nil
}

func (m *Model) key(msg tea.KeyMsg) tea.Cmd {
	switch m.st {
	case asking:
		switch {
		case key.Matches(msg, m.keys.Cancel):
			m.close()
			return nil
		case key.Matches(msg, m.keys.Confirm):
			return m.check()
		}
		var cmd tea.Cmd
		m.path, cmd = m.path.Update(msg)
		m.err = ""
		return cmd
	case summary:
		switch {
		case key.Matches(msg, m.keys.Yes):
			if m.rep == nil || !m.importable() {
				return nil
			}
			return m.start(false)
		case key.Matches(msg, m.keys.No):
			m.close()
			return common.StatusCmd(m.c.T("Import cancelled: nothing was written"))
		}
	case checking, running:
		if key.Matches(msg, m.keys.Cancel) {
			was := m.st
			m.close()
			if was == running {
				return common.StatusCmd(m.c.T("Import cancelled: nothing was written"))
			}
		}
	}
	return nil
}

// check reads the path and starts the dry run.
func (m *Model) check() tea.Cmd {
	p, err := cleanPath(m.path.Value())
	if err != nil {
		m.err = m.c.ErrorText(err)
		return nil
	}
	m.file = p
	return m.start(true)
}

// cleanPath trims what a terminal's drag and drop adds (quotes, spaces),
// expands ~ and checks the file is there.
func cleanPath(s string) (string, error) {
	p := strings.TrimSpace(s)
	p = strings.Trim(p, `"'`)
	if p == "" {
		return "", i18n.Errorf("type the path of a .csv or .xlsx file (~ is your home folder)")
	}
	if p == "~" || strings.HasPrefix(p, "~/") {
		if home, err := os.UserHomeDir(); err == nil {
			p = filepath.Join(home, strings.TrimPrefix(p, "~"))
		}
	}
	st, err := os.Stat(p)
	switch {
	case err != nil:
		return "", i18n.Errorf("cannot read %s: %v; check the path", common.Clean(p), err)
	case st.IsDir():
		return "", i18n.Errorf("%s is a folder: give a .csv or .xlsx file in it", common.Clean(p))
	}
	return p, nil
}

// importable reports whether the dry run leaves something to write.
func (m *Model) importable() bool {
	r := m.rep
	return r.Created+r.Merged > 0
}

// start runs the import (dry or not) in a command; its progress comes
// back as messages.
func (m *Model) start(dry bool) tea.Cmd {
	m.seq++
	m.prog, m.err = transfer.Progress{}, ""
	if dry {
		m.st = checking
	} else {
		m.st = running
	}
	ctx, cancel := context.WithTimeout(m.c.Ctx, importTimeout)
	m.cancel = cancel
	seq, d, path := m.seq, m.c.DB, m.file
	skipBad := !dry && m.rep != nil && len(m.rep.Rejected) > 0
	return func() tea.Msg {
		ch := make(chan tea.Msg, 8)
		go func() {
			defer cancel()
			opt := transfer.Options{Name: filepath.Base(path), DryRun: dry, SkipBad: skipBad, Progress: func(p transfer.Progress) {
				select {
				case ch <- progressMsg{seq: seq, p: p}:
				default: // the screen is behind: drop this report, a later one follows
				}
			}}
			rep, err := transfer.ImportFile(ctx, d, path, opt)
			ch <- finishedMsg{seq: seq, dry: dry, rep: rep, err: err}
			close(ch)
		}()
		return next(ch)
	}
}

// wait is the command that delivers the run's next message.
func wait(ch <-chan tea.Msg) tea.Cmd {
	return func() tea.Msg { return next(ch) }
}

// next reads the run's next message, giving progress the channel to wait on.
func next(ch <-chan tea.Msg) tea.Msg {
	msg, ok := <-ch
	if !ok {
		return nil
	}
	if p, isProgress := msg.(progressMsg); isProgress {
		p.ch = ch
		return p
	}
	return msg
}

// finished takes the end of a run: a dry run shows its summary, the
// import tells the host.
func (m *Model) finished(msg finishedMsg) tea.Cmd {
	m.cancel = nil
	if msg.dry {
		m.rep = msg.rep
		switch {
		case msg.err != nil && !errors.Is(msg.err, transfer.ErrBadRows):
			m.st, m.err = asking, m.c.ErrorText(msg.err)
			return m.path.Focus()
		case msg.rep == nil:
			m.st, m.err = asking, m.c.T("the file could not be read")
			return m.path.Focus()
		}
		m.st = summary
		return nil
	}
	if msg.err != nil {
		m.st, m.err = summary, m.c.T("Not imported: %s", m.c.ErrorText(msg.err))
		return nil
	}
	m.close()
	r := msg.rep
	st := m.c.T("Imported %s: %d created, %d merged, %d unchanged, %d skipped", common.Clean(filepath.Base(m.file)), r.Created, r.Merged, r.Unchanged, r.Skipped)
	if len(r.Rejected) > 0 {
		st += m.c.T(", %d bad rows left out", len(r.Rejected))
	}
	st += m.c.T(" (u undoes the whole import)")
	return func() tea.Msg { return DoneMsg{Status: st, Report: r} }
}

// close ends the flow, cancelling a run on its way.
func (m *Model) close() {
	if m.cancel != nil {
		m.cancel()
		m.cancel = nil
	}
	m.seq++ // a late answer of the cancelled run is dropped
	m.st = closed
	m.path.Blur()
}
