package form

import (
	"github.com/charmbracelet/lipgloss"

	"github.com/rapportcrm/rapport/ui/components/datefield"
	"github.com/rapportcrm/rapport/ui/components/textline"
)

// Palette is the handful of colours a form uses. Each adapts to light and
// dark backgrounds; under NO_COLOR they all drop and the text markers
// (› focused, ✗ error, → preview) carry the meaning.
type Palette struct {
	Text   lipgloss.AdaptiveColor
	Dim    lipgloss.AdaptiveColor
	Accent lipgloss.AdaptiveColor
	Error  lipgloss.AdaptiveColor
	Good   lipgloss.AdaptiveColor
	Warn   lipgloss.AdaptiveColor
}

// DefaultPalette matches the app's default theme (common.DefaultTheme).
func DefaultPalette() Palette {
	return Palette{
		Text:   lipgloss.AdaptiveColor{Light: "#1a1a1a", Dark: "#e4e4e4"},
		Dim:    lipgloss.AdaptiveColor{Light: "#767676", Dark: "#8a8a8a"},
		Accent: lipgloss.AdaptiveColor{Light: "#005fd7", Dark: "#5fafff"},
		Error:  lipgloss.AdaptiveColor{Light: "#c00000", Dark: "#ff5f5f"},
		Good:   lipgloss.AdaptiveColor{Light: "#2f7d32", Dark: "#87d787"},
		Warn:   lipgloss.AdaptiveColor{Light: "#b35900", Dark: "#ffaf00"},
	}
}

// Styles are the looks of a form, built once by NewStyles; View only
// applies them.
type Styles struct {
	Title        lipgloss.Style
	Label        lipgloss.Style
	FocusedLabel lipgloss.Style
	Marker       lipgloss.Style // the › before the focused field
	Text         lipgloss.Style // typed text of blurred fields, choices
	Placeholder  lipgloss.Style
	Preview      lipgloss.Style // → parsed date or amount
	Error        lipgloss.Style // ✗ message beside or below a field
	Hint         lipgloss.Style // muted help beside a field and at the bottom
	Question     lipgloss.Style // "Discard changes? y/n", the conflict question
	Date         datefield.Styles
}

// line is the look of a one-line input.
func (s Styles) line() textline.Styles {
	return textline.Styles{Text: s.Text, Placeholder: s.Placeholder}
}

// NewStyles derives a form's styles from a palette.
func NewStyles(p Palette) Styles {
	dim := lipgloss.NewStyle().Foreground(p.Dim)
	s := Styles{
		Title:        lipgloss.NewStyle().Bold(true).Foreground(p.Accent),
		Label:        lipgloss.NewStyle().Foreground(p.Dim),
		FocusedLabel: lipgloss.NewStyle().Bold(true).Foreground(p.Text),
		Marker:       lipgloss.NewStyle().Bold(true).Foreground(p.Accent),
		Text:         lipgloss.NewStyle().Foreground(p.Text),
		Placeholder:  dim,
		Preview:      lipgloss.NewStyle().Foreground(p.Good),
		Error:        lipgloss.NewStyle().Foreground(p.Error),
		Hint:         dim,
		Question:     lipgloss.NewStyle().Bold(true).Foreground(p.Warn),
	}
	s.Date = datefield.Styles{Label: s.Label, Preview: s.Preview, Error: s.Error, Line: s.line()}
	return s
}
