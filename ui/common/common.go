package common

import (
	"context"
	"io"
	"os"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/model/i18n"
	"github.com/rapportcrm/rapport/ui/components/exteditor"
	"github.com/rapportcrm/rapport/ui/components/prompt"
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
	// P says the app's words in the reader's language (New makes it
	// English when none is given).
	P *i18n.Printer
	// NoCharts draws reports with bars and tables instead of line charts
	// (a dumb terminal).
	NoCharts bool
	// Term is where escape sequences for the terminal itself go (OSC 52
	// copies to the clipboard): the program's output.
	Term io.Writer
	// Getenv reads the environment ($EDITOR, $TMUX); tests give their own.
	Getenv func(string) string
	// Exec runs the editor with the terminal (tea.ExecProcess; tests run it
	// at once with exteditor.RunNow).
	Exec exteditor.Runner
}

// EditText opens text in the user's editor and reports an
// exteditor.DoneMsg with id.
func (c *Common) EditText(id, text string) tea.Cmd {
	getenv, run := c.Getenv, c.Exec
	if getenv == nil {
		getenv = os.Getenv
	}
	if run == nil {
		run = tea.ExecProcess
	}
	return exteditor.Cmd(id, text, ".txt", getenv, run)
}

// Terminal is where terminal escape sequences go (Term, else stdout).
func (c *Common) Terminal() io.Writer {
	if c.Term == nil {
		return os.Stdout
	}
	return c.Term
}

// longReads bounds a read that walks much of the book (the report, the
// board): on a 100k-customer book under load it can take seconds, and
// the screen says it is loading meanwhile.
const longReads = time.Minute

// LongDBCtx returns a context for a long read from a tea.Cmd.
func (c *Common) LongDBCtx() (context.Context, context.CancelFunc) {
	return context.WithTimeout(c.Ctx, max(c.Timeout, longReads))
}

// DBCtx returns a context for one database call from a tea.Cmd.
func (c *Common) DBCtx() (context.Context, context.CancelFunc) {
	return context.WithTimeout(c.Ctx, c.Timeout)
}

// PromptOptions are the snooze prompt's clock, date order and looks.
func (c *Common) PromptOptions() prompt.Options {
	return prompt.Options{Now: c.Now, DateOrder: c.DateOrder, Styles: c.Styles.Prompt, P: c.P}
}

// Today is the local calendar date of the clock.
func (c *Common) Today() model.Day { return model.DayOf(c.Now()) }

// New builds the Common of an open book: its clock and date order, the
// styles of theme, the bounds of database calls and filter typing, and the
// printer of the reader's language (nil: English, with its plural forms).
func New(ctx context.Context, d *db.DB, theme Theme, timeout, debounce time.Duration, p *i18n.Printer) (*Common, error) {
	set, err := d.Settings(ctx)
	if err != nil {
		return nil, err
	}
	if p == nil {
		p = i18n.New(i18n.En)
	}
	return &Common{Ctx: ctx, DB: d, Now: d.Now, Styles: NewStyles(theme), Timeout: timeout, Debounce: debounce, DateOrder: set.DateOrder, P: p,
		Term: os.Stdout, Getenv: os.Getenv, Exec: tea.ExecProcess}, nil
}
