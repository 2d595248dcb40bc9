package ui

import (
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/rapportcrm/rapport/db"
)

// watchCmd opens the dedicated connection PRAGMA data_version is read on
// (the value is per connection, so a pooled handle would not do).
func (a *App) watchCmd() tea.Cmd {
	c := a.c
	return func() tea.Msg {
		ctx, cancel := c.DBCtx()
		defer cancel()
		conn, err := c.DB.WatchConn(c.Ctx)
		if err != nil {
			return watchReadyMsg{Err: err}
		}
		v, err := db.DataVersion(ctx, conn)
		if err != nil {
			conn.Close()
			return watchReadyMsg{Err: err}
		}
		return watchReadyMsg{Conn: conn, Version: v}
	}
}

// pollCmd reads data_version again after pollEvery.
func (a *App) pollCmd() tea.Cmd {
	c, conn := a.c, a.conn
	return tea.Tick(pollEvery, func(time.Time) tea.Msg {
		ctx, cancel := c.DBCtx()
		defer cancel()
		v, err := db.DataVersion(ctx, conn)
		return dataVersionMsg{Version: v, Err: err}
	})
}

// midnightCmd fires at the next local midnight of the app's clock.
func (a *App) midnightCmd() tea.Cmd {
	now := a.c.Now()
	next := a.c.Today().AddDays(1).In(now.Location())
	return tea.Tick(max(time.Second, next.Sub(now)), func(time.Time) tea.Msg { return midnightMsg{} })
}

// watchUpdate handles the watch connection, its polls and midnight.
func (a *App) watchUpdate(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case watchReadyMsg:
		if msg.Err != nil {
			a.status, a.statusErr = a.c.T("Cannot watch the file for other writers: %s", a.c.ErrorText(msg.Err)), true
			return nil
		}
		a.conn, a.version = msg.Conn, msg.Version
		return a.pollCmd()
	case dataVersionMsg:
		if a.conn == nil {
			return nil
		}
		if msg.Err != nil {
			// Try again next time; a busy file is not worth a message.
			return a.pollCmd()
		}
		if msg.Version == a.version {
			return a.pollCmd()
		}
		a.version = msg.Version
		return tea.Batch(a.pollCmd(), a.dataChanged(true))
	case midnightMsg:
		c := a.c
		return tea.Batch(a.midnightCmd(), func() tea.Msg {
			ctx, cancel := c.DBCtx()
			defer cancel()
			_, err := c.DB.Refresh(ctx)
			return refreshedMsg{Err: err}
		})
	case refreshedMsg:
		if msg.Err != nil {
			a.status, a.statusErr = a.c.T("Midnight refresh failed: %s", a.c.ErrorText(msg.Err)), true
		}
		return a.dataChanged(true)
	}
	return nil
}
