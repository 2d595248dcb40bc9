package ui

import (
	"errors"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/ui/common"
)

// What the root does so that nothing is lost or wrong: undo asks before
// taking back a change made elsewhere, the app stops at once when its file
// is replaced on disk, and timed follow-ups become overdue on screen when
// their minute passes.

// undoAskedMsg says who made the last change (the root's askUndo).
type undoAskedMsg struct {
	Desc string
	Mine bool
	Err  error
}

// fileCheckedMsg says whether the book's file is still the one the app
// opened.
type fileCheckedMsg struct{ Replaced bool }

// minuteMsg fires at the start of the next minute of the app's clock.
type minuteMsg struct{}

// askUndo is u: the last change made in this window is undone at once; one
// made elsewhere (the command line, another window) is named first, and
// the next u undoes it.
func (a *App) askUndo() tea.Cmd {
	if a.undoAsked != "" {
		a.undoAsked = ""
		return a.undoCmd(false)
	}
	c := a.c
	return func() tea.Msg {
		ctx, cancel := c.DBCtx()
		defer cancel()
		desc, mine, err := c.DB.LastChangeFrom(ctx)
		return undoAskedMsg{Desc: desc, Mine: mine, Err: err}
	}
}

// undoAnswered undoes, or asks, once it is known who made the last change.
func (a *App) undoAnswered(msg undoAskedMsg) tea.Cmd {
	switch {
	case msg.Err != nil:
		a.status, a.statusErr = a.c.ErrorText(msg.Err), true
		return nil
	case msg.Desc == "":
		a.status, a.statusErr = a.c.T("Nothing to undo"), false
		return nil
	case msg.Mine:
		return a.undoCmd(false)
	}
	a.undoAsked = msg.Desc
	a.status, a.statusErr = a.c.T("The last change, %q, was made elsewhere (the command line or another window): u again undoes it", common.Clean(common.SayChange(a.c.P, msg.Desc))), true
	return nil
}

// checkFileCmd looks whether the book's file was replaced (compared with
// the one opened) after pollEvery, as the watch does.
func (a *App) checkFileCmd() tea.Cmd {
	c := a.c
	return tea.Tick(pollEvery, func(time.Time) tea.Msg {
		return fileCheckedMsg{Replaced: errors.Is(c.DB.CheckFile(), db.ErrReplaced)}
	})
}

// minuteCmd ticks at the start of the next minute: a follow-up due today at
// a time becomes overdue then.
func (a *App) minuteCmd() tea.Cmd {
	now := a.c.Now()
	next := now.Truncate(time.Minute).Add(time.Minute)
	return tea.Tick(max(time.Second, next.Sub(now)), func(time.Time) tea.Msg { return minuteMsg{} })
}

// guardUpdate handles the messages above; ok is false for other messages.
func (a *App) guardUpdate(msg tea.Msg) (tea.Cmd, bool) {
	switch msg := msg.(type) {
	case undoAskedMsg:
		return a.undoAnswered(msg), true
	case fileCheckedMsg:
		if !msg.Replaced {
			return a.checkFileCmd(), true
		}
		// Nothing more is written to the old file (db refuses too); Run
		// opens the new one and says so.
		a.replaced = true
		return tea.Quit, true
	case minuteMsg:
		if a.counts.DueToday == 0 {
			return a.minuteCmd(), true
		}
		// A follow-up due today at a time may have just become overdue: the
		// counts and the screens that mark overdue rows (Today, Customers'
		// Next column) read again; Reports and the board, whose figures do
		// not move with the minute, are left alone.
		cmds := []tea.Cmd{a.minuteCmd(), a.loadCountsCmd()}
		for _, id := range []common.ScreenID{common.ScreenToday, common.ScreenCustomers} {
			if id == a.active && len(a.stack) == 0 {
				cmds = append(cmds, a.toFocused(common.ReloadMsg{}))
			} else {
				a.stale[id] = true
			}
		}
		return tea.Batch(cmds...), true
	}
	return nil, false
}
