package ui

import (
	"context"
	"time"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model"
)

// Common is what every screen shares: the book, the clock, the styles and
// the app's context. It is built once by NewApp and handed to each screen's
// constructor; it holds nothing that changes while the app runs.
type Common struct {
	Ctx    context.Context
	DB     *db.DB
	Now    func() time.Time
	Styles *Styles
	// Timeout bounds every database call made from a tea.Cmd.
	Timeout time.Duration
	// Debounce is how long typing in a filter must pause before it runs.
	Debounce time.Duration
	// DateOrder is the book's setting for reading 12/01.
	DateOrder model.DateOrder
}

// dbCtx returns a context for one database call from a tea.Cmd.
func (c *Common) dbCtx() (context.Context, context.CancelFunc) {
	return context.WithTimeout(c.Ctx, c.Timeout)
}

// Today is the local calendar date of the clock.
func (c *Common) Today() model.Day { return model.DayOf(c.Now()) }
