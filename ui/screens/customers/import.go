package customers

import (
	tea "github.com/charmbracelet/bubbletea"

	"github.com/rapportcrm/rapport/ui/common"
	"github.com/rapportcrm/rapport/ui/components/importer"
)

// importMode is the mode while the import flow (I) is open: a form while
// the path is typed, a question after.
func (m *Model) importMode() (common.Mode, bool) {
	switch {
	case m.imp.Typing():
		return common.ModeForm, true
	case m.imp.Active():
		return common.ModeModal, true
	}
	return common.ModeNormal, false
}

// importMsg hands the import flow its messages; a finished import shows
// its status, marks the other screens stale and reloads the list.
func (m *Model) importMsg(msg tea.Msg) tea.Cmd {
	if done, ok := msg.(importer.DoneMsg); ok {
		st := done.Status
		return tea.Batch(func() tea.Msg { return common.ChangedMsg{Status: st} }, m.fetchKeeping(m.selID))
	}
	return m.imp.Update(msg)
}
