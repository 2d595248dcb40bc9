// Package reportview renders a db.Report as text: the one renderer behind
// both `rapport report` and the terminal app's Reports screen, so the two
// always show the same figures. The text is plain — bars and sparklines
// from ui/chart, no colour, no escape sequences — so it reads the same with
// NO_COLOR; every string that came from the database is sanitised, and no
// line is wider than asked.
package reportview

import (
	"strings"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model/i18n"
	"github.com/rapportcrm/rapport/ui/chart"
)

// MinWidth is the narrowest text Render and Lines produce: asked for less,
// they render at MinWidth and the caller cuts the lines.
const MinWidth = 20

// Line is one line of a rendered report.
type Line struct {
	Text string // plain, sanitised, at most the width asked for
	Head bool   // a section's title line ("FUNNEL  deals that reached …")
	// Drill says what the line's number stands for, on the lines whose
	// deals or customers can be listed (the Reports screen's enter); the
	// zero Drill on every other line.
	Drill Drill
}

// DrillKind is what a drillable line counts.
type DrillKind int

// The drillable lines.
const (
	DrillNone   DrillKind = iota
	DrillFunnel           // a funnel stage: Key is the stage's name
	DrillLost             // the lost reasons of the deals closed in the period
	DrillRisk             // the reasons of the customers at risk and to watch
)

// Drill names the figure behind a line.
type Drill struct {
	Kind DrillKind
	Key  string
}

// Render renders a report as text no wider than width cells (80 fits the
// SPEC's 80×24 terminal; narrower widths shrink the bars and truncate with
// …): the title line, then every section, each after a blank line. Every
// line ends with a newline.
func Render(r db.Report, width int) string { return RenderWith(r, width, Options{}) }

// Options tune the rendering.
type Options struct {
	// NoCharts draws bars and tables instead of line charts (a dumb
	// terminal). Line charts are also left out below chart.LineMinWidth.
	NoCharts bool
	// P says the report's words in the reader's language (nil: English).
	P *i18n.Printer
}

// RenderWith is Render with options.
func RenderWith(r db.Report, width int, o Options) string {
	var b strings.Builder
	b.WriteString(TitleWith(r, width, o))
	b.WriteByte('\n')
	for _, l := range LinesWith(r, width, o) {
		b.WriteString(l.Text)
		b.WriteByte('\n')
	}
	return b.String()
}

// Title is the report's first line: the period, its length and today.
func Title(r db.Report, width int) string { return TitleWith(r, width, Options{}) }

// TitleWith is Title with options (the printer of the reader's language).
func TitleWith(r db.Report, width int, o Options) string {
	p := r.Period
	return fit(o.P.T("Report %s … %s (%d days) · today %s", p.From, p.To, p.Days(), clean(r.Today)), max(width, MinWidth))
}

// Lines renders every section of a report (what follows Title), each
// section a blank line, its head line, then its figures. The Reports screen
// shows these under its own header; Render joins them for the command line.
func Lines(r db.Report, width int) []Line { return LinesWith(r, width, Options{}) }

// LinesWith is Lines with options.
func LinesWith(r db.Report, width int, o Options) []Line {
	w := &writer{width: max(width, MinWidth), p: o.P}
	w.charts = !o.NoCharts && w.width >= chart.LineMinWidth
	funnel(w, r)
	deals(w, r)
	pipeline(w, r)
	retention(w, r)
	repurchase(w, r)
	activity(w, r)
	risk(w, r)
	riskCheck(w, r)
	segments(w, r)
	goals(w, r)
	revenue(w, r)
	satisfaction(w, r)
	return w.lines
}
