package ui

import (
	"context"
	"fmt"
	"os"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/term"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model/i18n"
	"github.com/rapportcrm/rapport/ui/common"
)

// Run opens the book at path (creating it when missing), brings its risk up
// to date and runs the app in the alternate screen until the user quits.
// When the file is replaced on disk while the app is open (a sync tool, a
// copy saved over it), the app stops writing to the old one and Run opens
// the new one, saying so. It returns the process exit code: 0, or 1 with a
// message on stderr when the file cannot be opened or the terminal fails.
//
// lang is the language main decided; the book's `lang` setting applies
// under it.
func Run(ctx context.Context, path string, now func() time.Time, lang i18n.Choice) int {
	replaced := false
	for {
		reopen, code := runOnce(ctx, path, now, lang, replaced)
		if !reopen {
			return code
		}
		replaced = true
	}
}

// runOnce runs the app over the book once; reopen is true when it stopped
// because the file was replaced; replaced says the last run stopped so.
func runOnce(ctx context.Context, path string, now func() time.Time, lang i18n.Choice, replaced bool) (reopen bool, code int) {
	p := lang.Printer()
	d, err := db.Open(ctx, path, db.Options{Now: now})
	if err != nil {
		fmt.Fprintf(os.Stderr, "rapport: %s\n", p.Err(err))
		return false, 1
	}
	defer d.Close()
	if set, err := d.Settings(ctx); err == nil {
		p = lang.For(set.Lang)
	}
	// Reading keeps working when today's refresh cannot be saved (a
	// read-only book, a full disk): the app then shows a view computed on a
	// temporary copy and says so; it saves nothing.
	if due, err := d.RefitDue(ctx); err == nil && due && !isEmpty(ctx, d) {
		// The first launch of a month fits the risk model on the book again
		// and re-scores every customer with orders: a few seconds on a big
		// book, so say so before the screen opens.
		fmt.Fprintln(os.Stderr, "rapport: "+p.T("re-scoring the book's risk for the new month (a few seconds on a big book)…"))
	}
	view, _, err := d.RefreshForReading(ctx)
	if err != nil {
		fmt.Fprintf(os.Stderr, "rapport: %s\n", p.T("cannot bring %s up to date: %v", path, err))
		return false, 1
	}
	if view != d {
		defer view.Close()
	}
	opts := Options{NoCharts: os.Getenv("TERM") == "dumb", Printer: p}
	if replaced {
		opts.Notice = p.T("The book was replaced on disk (a sync tool or a copy saved over it): reopened it; a change made in the last second may not have been saved")
	}
	if ns := view.NotSaved(); ns != nil {
		opts.Notice = common.ErrorTextIn(p, ns)
	}
	if w, h, err := term.GetSize(os.Stdout.Fd()); err == nil {
		opts.Width, opts.Height = w, h
	}
	// Ask the terminal for its background once, before Bubble Tea owns the
	// input, so adaptive colours do not query it mid-frame.
	lipgloss.HasDarkBackground()
	app, err := NewApp(ctx, view, opts)
	if err != nil {
		fmt.Fprintf(os.Stderr, "rapport: %s\n", p.T("cannot read %s: %v", path, err))
		return false, 1
	}
	defer app.Close()
	prog := tea.NewProgram(app, tea.WithAltScreen(), tea.WithContext(ctx))
	if _, err := prog.Run(); err != nil && ctx.Err() == nil {
		fmt.Fprintf(os.Stderr, "rapport: %v\n", err)
		return false, 1
	}
	return app.replaced, 0
}

// isEmpty reports whether the book holds no customer (errors count as not
// empty: the refresh that follows reports them).
func isEmpty(ctx context.Context, d *db.DB) bool {
	empty, err := d.IsEmpty(ctx)
	return err == nil && empty
}
