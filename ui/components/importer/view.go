package importer

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/rapportcrm/rapport/db/transfer"
	"github.com/rapportcrm/rapport/model"
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
		add(s.Section.Title.Render(m.c.T("Import customers from a CSV or Excel file")))
		add(m.path.View())
		add(s.Item.Dim.Render(m.c.T("enter checks the file first (nothing is written yet) · esc cancels")))
	case checking:
		add(s.Section.Title.Render(m.c.T("Checking %s…", common.Clean(filepath.Base(m.file)))))
		add(s.Table.Loading.Render(progressText(m.c, m.prog)))
		add(s.Item.Dim.Render(m.c.T("esc cancels")))
	case running:
		add(s.Section.Title.Render(m.c.T("Importing %s…", common.Clean(filepath.Base(m.file)))))
		add(s.Table.Loading.Render(progressText(m.c, m.prog)))
		add(s.Item.Dim.Render(m.c.T("esc cancels: the import is one transaction, nothing is written until it ends")))
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
func progressText(c *common.Common, p transfer.Progress) string {
	t := c.T("Reading and checking… %s rows", common.Thousands(p.Rows))
	if p.Phase == transfer.PhaseWrite {
		t = c.T("Writing… %s rows", common.Thousands(p.Rows))
	}
	if p.Total > 0 {
		t += fmt.Sprintf(" (%d%%)", min(100, p.Done*100/p.Total))
	}
	return t
}

// summaryLines is the dry run's report and the question.
func (m *Model) summaryLines() []string {
	s := m.c.Styles
	r := m.rep
	c := m.c
	out := []string{s.Section.Title.Render(c.T("%s: %s rows (%s)", common.Clean(filepath.Base(m.file)), common.Thousands(r.Rows), common.Clean(source(c, r))))}
	out = append(out, c.T("Would import: %d created, %d merged into existing customers, %d unchanged, %d skipped",
		r.Created, r.Merged, r.Unchanged, r.Skipped))
	var mapped, dropped []string
	for _, col := range r.Columns {
		switch col.Field {
		case "":
			if col.Values > 0 {
				dropped = append(dropped, common.Clean(col.Header))
			}
		case transfer.KeptInNotes:
			mapped = append(mapped, common.Clean(col.Header)+" → "+m.c.T("notes"))
		default:
			mapped = append(mapped, common.Clean(col.Header)+" → "+model.FieldName(m.c.P, col.Field))
		}
	}
	if len(mapped) > 0 {
		out = append(out, c.T("Columns: %s", strings.Join(mapped, c.T(", "))))
	}
	if len(dropped) > 0 {
		out = append(out, c.T("Not imported: %s", strings.Join(dropped, c.T(", "))))
	}
	if n := len(r.Warnings); n > 0 {
		out = append(out, c.T("%d warnings (the rows are imported; the values are kept in the notes):", n))
		out = append(out, listed(c, r.Warnings)...)
	}
	if n := len(r.Rejected); n > 0 {
		out = append(out, s.App.StatusError.Render(c.T("%d bad rows, left out if you import:", n)))
		out = append(out, listed(c, r.Rejected)...)
	}
	out = append(out, "")
	if m.importable() {
		out = append(out, s.Help.ShortKey.Render("y")+" "+c.T("import now (u undoes it as a whole)")+"    "+s.Help.ShortKey.Render("n")+" "+c.T("cancel"))
	} else {
		out = append(out, c.T("Nothing to import from this file")+" · "+s.Help.ShortKey.Render("n")+" "+c.T("closes"))
	}
	return out
}

// source says how the file was read.
func source(c *common.Common, r *transfer.Report) string {
	switch {
	case r.Format == "xlsx":
		return c.T("Excel workbook, sheet %s", r.Sheet)
	case r.Delimiter != "":
		return c.T("%s, %s-separated, header on line %d", r.Encoding, r.Delimiter, r.HeaderLine)
	}
	return r.Encoding
}

// listed names the first rows of a list, and how many more there are.
func listed(c *common.Common, rows []transfer.LineError) []string {
	var out []string
	for i, r := range rows {
		if i == maxListed {
			out = append(out, "  "+c.T("…and %d more (rapport import csv FILE --dry-run lists them all)", len(rows)-i))
			break
		}
		out = append(out, "  "+common.Clean(c.T("line %d: %s", r.Line, r.ReasonIn(c.P))))
	}
	return out
}
