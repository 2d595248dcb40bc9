package common

import (
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/lipgloss"

	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/ui/components/datefield"
	"github.com/rapportcrm/rapport/ui/components/filterbar"
	"github.com/rapportcrm/rapport/ui/components/form"
	"github.com/rapportcrm/rapport/ui/components/prompt"
)

// Theme is the app's palette. Every colour adapts to light and dark
// terminal backgrounds; under NO_COLOR lipgloss drops them all and the text
// markers (›, !, ⚠) carry the meaning alone.
type Theme struct {
	Text      lipgloss.AdaptiveColor
	Dim       lipgloss.AdaptiveColor
	Accent    lipgloss.AdaptiveColor
	Selection lipgloss.AdaptiveColor
	Overdue   lipgloss.AdaptiveColor // red: overdue follow-ups, rotting deals
	AtRisk    lipgloss.AdaptiveColor // amber: at-risk customers
	Watch     lipgloss.AdaptiveColor // yellow: customers to watch
	Healthy   lipgloss.AdaptiveColor
	Good      lipgloss.AdaptiveColor // confirmations
}

// DefaultTheme is the palette used unless a caller supplies another.
func DefaultTheme() Theme {
	return Theme{
		Text:      lipgloss.AdaptiveColor{Light: "#1a1a1a", Dark: "#e4e4e4"},
		Dim:       lipgloss.AdaptiveColor{Light: "#767676", Dark: "#8a8a8a"},
		Accent:    lipgloss.AdaptiveColor{Light: "#005fd7", Dark: "#5fafff"},
		Selection: lipgloss.AdaptiveColor{Light: "#d0e4ff", Dark: "#303a4f"},
		Overdue:   lipgloss.AdaptiveColor{Light: "#c00000", Dark: "#ff5f5f"},
		AtRisk:    lipgloss.AdaptiveColor{Light: "#b35900", Dark: "#ffaf00"},
		Watch:     lipgloss.AdaptiveColor{Light: "#8a7300", Dark: "#d7d75f"},
		Healthy:   lipgloss.AdaptiveColor{Light: "#2f7d32", Dark: "#87d787"},
		Good:      lipgloss.AdaptiveColor{Light: "#2f7d32", Dark: "#87d787"},
	}
}

// Styles groups every style of the app by area. It is built once by
// NewStyles; View functions only apply these, never create styles.
type Styles struct {
	App struct {
		TabActive   lipgloss.Style
		TabInactive lipgloss.Style
		Summary     lipgloss.Style
		SummaryHot  lipgloss.Style // a non-zero overdue or rotting count
		SummaryWarm lipgloss.Style // a non-zero due-today or at-risk count
		Status      lipgloss.Style
		StatusError lipgloss.Style
		HelpTitle   lipgloss.Style
		TooSmall    lipgloss.Style
	}
	Section struct {
		Title lipgloss.Style
		Empty lipgloss.Style
	}
	Table struct {
		Header   lipgloss.Style
		Row      lipgloss.Style
		Selected lipgloss.Style
		Loading  lipgloss.Style
	}
	Item struct {
		Overdue lipgloss.Style
		Today   lipgloss.Style
		AtRisk  lipgloss.Style
		Watch   lipgloss.Style
		Healthy lipgloss.Style
		Rotting lipgloss.Style
		Dim     lipgloss.Style
		Label   lipgloss.Style
		Name    lipgloss.Style
	}
	Filter struct {
		Prompt lipgloss.Style
		Text   lipgloss.Style
		Hint   lipgloss.Style
	}
	// FilterBar is the filter line of Customers and Pipeline.
	FilterBar filterbar.Styles
	Help      help.Styles
	DateField datefield.Styles
	// Prompt is the snooze prompt under Today, Detail and Pipeline.
	Prompt prompt.Styles
	// Form is the look of the editor's forms (components/form).
	Form form.Styles
}

// NewStyles derives the styles of every area from a theme.
func NewStyles(t Theme) *Styles {
	s := &Styles{}
	base := lipgloss.NewStyle().Foreground(t.Text)
	dim := lipgloss.NewStyle().Foreground(t.Dim)
	s.App.TabActive = lipgloss.NewStyle().Bold(true).Foreground(t.Accent).Underline(true)
	s.App.TabInactive = dim
	s.App.Summary = base
	s.App.SummaryHot = lipgloss.NewStyle().Bold(true).Foreground(t.Overdue)
	s.App.SummaryWarm = lipgloss.NewStyle().Bold(true).Foreground(t.AtRisk)
	s.App.Status = lipgloss.NewStyle().Foreground(t.Good)
	s.App.StatusError = lipgloss.NewStyle().Bold(true).Foreground(t.Overdue)
	s.App.HelpTitle = lipgloss.NewStyle().Bold(true).Foreground(t.Accent)
	s.App.TooSmall = dim

	s.Section.Title = lipgloss.NewStyle().Bold(true).Foreground(t.Accent)
	s.Section.Empty = dim

	s.Table.Header = lipgloss.NewStyle().Bold(true).Foreground(t.Dim)
	s.Table.Row = base
	s.Table.Selected = lipgloss.NewStyle().Bold(true).Background(t.Selection)
	s.Table.Loading = dim

	s.Item.Overdue = lipgloss.NewStyle().Foreground(t.Overdue)
	s.Item.Today = lipgloss.NewStyle().Foreground(t.Accent)
	s.Item.AtRisk = lipgloss.NewStyle().Foreground(t.AtRisk)
	s.Item.Watch = lipgloss.NewStyle().Foreground(t.Watch)
	s.Item.Healthy = lipgloss.NewStyle().Foreground(t.Healthy)
	s.Item.Rotting = lipgloss.NewStyle().Foreground(t.Overdue)
	s.Item.Dim = dim
	s.Item.Label = lipgloss.NewStyle().Bold(true).Foreground(t.Dim)
	s.Item.Name = lipgloss.NewStyle().Bold(true).Foreground(t.Text)

	s.Filter.Prompt = lipgloss.NewStyle().Bold(true).Foreground(t.Accent)
	s.Filter.Text = base
	s.Filter.Hint = dim
	s.FilterBar = filterbar.Styles{Prompt: s.Filter.Prompt, Text: s.Filter.Text, Hint: s.Filter.Hint, Problem: s.Item.Overdue}

	s.Help = help.Styles{
		Ellipsis:       dim,
		ShortKey:       lipgloss.NewStyle().Bold(true).Foreground(t.Accent),
		ShortDesc:      dim,
		ShortSeparator: dim,
		FullKey:        lipgloss.NewStyle().Bold(true).Foreground(t.Accent),
		FullDesc:       base,
		FullSeparator:  dim,
	}
	s.DateField = datefield.Styles{
		Label:   lipgloss.NewStyle().Bold(true),
		Preview: lipgloss.NewStyle().Foreground(t.Good),
		Error:   lipgloss.NewStyle().Foreground(t.Overdue),
	}
	s.Prompt = prompt.Styles{Title: s.Section.Title, Error: s.Item.Overdue, DateField: s.DateField}
	s.Form = form.NewStyles(form.Palette{Text: t.Text, Dim: t.Dim, Accent: t.Accent, Error: t.Overdue, Good: t.Good, Warn: t.AtRisk})
	return s
}

// RiskStyle picks the style of a risk level: amber at risk, yellow to watch.
func (s *Styles) RiskStyle(l model.Level) lipgloss.Style {
	switch l {
	case model.LevelAtRisk:
		return s.Item.AtRisk
	case model.LevelWatch:
		return s.Item.Watch
	}
	return s.Item.Healthy
}
