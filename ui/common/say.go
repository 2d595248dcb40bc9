package common

import (
	"context"
	"database/sql"
	"errors"

	"github.com/charmbracelet/bubbles/key"

	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/model/i18n"
)

// T says a catalog message in the reader's language (c.P.T).
func (c *Common) T(key string, args ...any) string { return c.P.T(key, args...) }

// ErrorText is ErrorTextIn in the reader's language.
func (c *Common) ErrorText(err error) string { return ErrorTextIn(c.P, err) }

// ErrorText is an error as one clean line for the status bar, in English
// (ErrorTextIn with no printer).
func ErrorText(err error) string { return ErrorTextIn(nil, err) }

// ErrorTextIn is an error as one clean line for the status bar, in words a
// salesperson can act on, in p's language: the Go library errors that
// carry no meaning for them (a deadline, a cancel, "no rows") are said in
// words, with what to do; a *model.ValidationError and an error of the
// catalog (i18n.Errorf) are said through p.
func ErrorTextIn(p *i18n.Printer, err error) string {
	ve, _ := err.(*model.ValidationError)
	switch {
	case err == nil:
		return ""
	case errors.Is(err, context.DeadlineExceeded):
		return p.T("The book took too long to answer (another program may be busy with it): press r or try again in a moment")
	case errors.Is(err, context.Canceled):
		return p.T("Stopped before it finished: nothing was changed")
	case errors.Is(err, sql.ErrNoRows):
		return p.T("Not found: it may have been removed in another window")
	case ve != nil:
		return Clean(ve.SayIn(p))
	}
	return Clean(p.Err(err))
}

// SayKeys returns copies of bs whose help text is said in p's language:
// bindings keep their English help (marked with i18n.N) and the help is
// translated where it is drawn, so ShortHelp and FullHelp stay pure. The
// key names (enter, esc, ctrl+s) are keys and stay as they are.
func SayKeys(p *i18n.Printer, bs []key.Binding) []key.Binding {
	if p == nil || len(bs) == 0 {
		return bs
	}
	out := make([]key.Binding, len(bs))
	for i, b := range bs {
		h := b.Help()
		if h.Desc != "" {
			b.SetHelp(h.Key, p.T(h.Desc))
		}
		out[i] = b
	}
	return out
}

// SayGroups is SayKeys for each column of a full help.
func SayGroups(p *i18n.Printer, groups [][]key.Binding) [][]key.Binding {
	if p == nil {
		return groups
	}
	out := make([][]key.Binding, len(groups))
	for i, g := range groups {
		out[i] = SayKeys(p, g)
	}
	return out
}
