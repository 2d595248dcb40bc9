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
)

// Run opens the book at path (creating it when missing), brings its risk up
// to date and runs the app in the alternate screen until the user quits.
// It returns the process exit code: 0, or 1 with a message on stderr when
// the file cannot be opened or the terminal fails.
func Run(ctx context.Context, path string, now func() time.Time) int {
	d, err := db.Open(ctx, path, db.Options{Now: now})
	if err != nil {
		fmt.Fprintf(os.Stderr, "rapport: %v\n", err)
		return 1
	}
	defer d.Close()
	if _, err := d.Refresh(ctx); err != nil {
		fmt.Fprintf(os.Stderr, "rapport: cannot bring %s up to date: %v\n", path, err)
		return 1
	}
	opts := Options{NoCharts: os.Getenv("TERM") == "dumb"}
	if w, h, err := term.GetSize(os.Stdout.Fd()); err == nil {
		opts.Width, opts.Height = w, h
	}
	// Ask the terminal for its background once, before Bubble Tea owns the
	// input, so adaptive colours do not query it mid-frame.
	lipgloss.HasDarkBackground()
	app, err := NewApp(ctx, d, opts)
	if err != nil {
		fmt.Fprintf(os.Stderr, "rapport: cannot read %s: %v\n", path, err)
		return 1
	}
	defer app.Close()
	p := tea.NewProgram(app, tea.WithAltScreen(), tea.WithContext(ctx))
	if _, err := p.Run(); err != nil && ctx.Err() == nil {
		fmt.Fprintf(os.Stderr, "rapport: %v\n", err)
		return 1
	}
	return 0
}
