package importer

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/rapportcrm/rapport/db/transfer"
	"github.com/rapportcrm/rapport/ui/common"
)

// maxListed is how many rejected rows and warnings the summary names.
const maxListed = 3

// Lines is the flow's text, each line at most w cells (the host places
// it; SetWidth sized the path prompt). It only reads.
func (m *Model) Lines(w int) []string {
	s := m.c.Styles
	var out []string
	add := func(line string) { out = append(out, common.Truncate(line, w)) }
	switch m.st {
	case asking:
		add(s.Section.Title.Render("Import customers from a CSV or Excel file"))
		add(m.path.View())
		add(s.Item.Dim.Render("enter checks the file first (nothing is written yet) · esc cancels"))
	case checking:
		add(s.Section.Title.Render("Checking " + common.Clean(filepath.Base(m.file)) + "…"))
		add(s.Table.Loading.Render(progressText(m.prog)))
		add(s.Item.Dim.Render("esc cancels"))
	case running:
		add(s.Section.Title.Render("Importing " + common.Clean(filepath.Base(m.file)) + "…"))
		add(s.Table.Loading.Render(progressText(m.prog)))
		add(s.Item.Dim.Render("esc cancels: the import is one transaction, nothing is written until it ends"))
	case summary:
		for _, l := range m.summaryLines() {
			add(l)
		}
	}
	if m.err != "" {
		add(s.App.StatusError.Render(common.Clean(m.err)))
	}
	return out
}

// progressText says how far a run is.
func progressText(p transfer.Progress) string {
	verb := "Reading and checking"
	if p.Phase == transfer.PhaseWrite {
		verb = "Writing"
	}
	t := fmt.Sprintf("%s… %s rows", verb, common.Thousands(p.Rows))
	if p.Total > 0 {
		t += fmt.Sprintf(" (%d%%)", min(100, p.Done*100/p.Total))
	}
	return t
}

// summaryLines is the dry run's report and the question.
func (m *Model) summaryLines() []string {
	s := m.c.Styles
	r := m.rep
	out := []string{s.Section.Title.Render(fmt.Sprintf("%s: %s rows (%s)", common.Clean(filepath.Base(m.file)), common.Thousands(r.Rows), common.Clean(source(r))))}
	out = append(out, fmt.Sprintf("Would import: %d created, %d merged into existing customers, %d unchanged, %d skipped",
		r.Created, r.Merged, r.Unchanged, r.Skipped))
	var mapped, dropped []string
	for _, c := range r.Columns {
		switch c.Field {
		case "":
			if c.Values > 0 {
				dropped = append(dropped, common.Clean(c.Header))
			}
		case transfer.KeptInNotes:
			mapped = append(mapped, common.Clean(c.Header)+" → notes")
		default:
			mapped = append(mapped, common.Clean(c.Header)+" → "+c.Field)
		}
	}
	if len(mapped) > 0 {
		out = append(out, "Columns: "+strings.Join(mapped, ", "))
	}
	if len(dropped) > 0 {
		out = append(out, "Not imported: "+strings.Join(dropped, ", "))
	}
	if n := len(r.Warnings); n > 0 {
		out = append(out, fmt.Sprintf("%d warnings (the rows are imported; the values are kept in the notes):", n))
		out = append(out, listed(r.Warnings)...)
	}
	if n := len(r.Rejected); n > 0 {
		out = append(out, s.App.StatusError.Render(fmt.Sprintf("%d bad rows, left out if you import:", n)))
		out = append(out, listed(r.Rejected)...)
	}
	out = append(out, "")
	if m.importable() {
		out = append(out, s.Help.ShortKey.Render("y")+" import now (u undoes it as a whole)    "+s.Help.ShortKey.Render("n")+" cancel")
	} else {
		out = append(out, "Nothing to import from this file · "+s.Help.ShortKey.Render("n")+" closes")
	}
	return out
}

// source says how the file was read.
func source(r *transfer.Report) string {
	switch {
	case r.Format == "xlsx":
		return fmt.Sprintf("Excel workbook, sheet %s", r.Sheet)
	case r.Delimiter != "":
		return fmt.Sprintf("%s, %s-separated, header on line %d", r.Encoding, r.Delimiter, r.HeaderLine)
	}
	return r.Encoding
}

// listed names the first rows of a list, and how many more there are.
func listed(rows []transfer.LineError) []string {
	var out []string
	for i, r := range rows {
		if i == maxListed {
			out = append(out, fmt.Sprintf("  …and %d more (rapport import csv FILE --dry-run lists them all)", len(rows)-i))
			break
		}
		out = append(out, "  "+common.Clean(r.String()))
	}
	return out
}
