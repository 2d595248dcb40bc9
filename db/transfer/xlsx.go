package transfer

import (
	"bytes"
	"errors"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/rapportcrm/rapport/model/i18n"
	"github.com/xuri/excelize/v2"
)

// openXLSX reads a workbook's sheet (the first when sheet is empty) as a
// Source. Cells come as Excel shows them, except that numbers are plain
// digits (a phone stored as a number has no ".0" or exponent) and dates
// are ISO (2024-03-05), whatever the cell's number format. Line numbers
// are the sheet's row numbers.
func openXLSX(data []byte, sheet string, known func(string) bool) (*Source, error) {
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{ShortDatePattern: "yyyy-mm-dd", LongTimePattern: "hh:mm"})
	if err != nil {
		if errors.Is(err, excelize.ErrWorkbookFileFormat) || strings.Contains(err.Error(), "zip") {
			return nil, i18n.Errorf("this file is a ZIP archive but not an Excel workbook (.xlsx): unpack it, or save the sheet as .xlsx or CSV (UTF-8)")
		}
		if errors.Is(err, excelize.ErrWorkbookPassword) || strings.Contains(strings.ToLower(err.Error()), "password") {
			return nil, i18n.Errorf("the workbook is protected by a password: open it in Excel and save a copy without one")
		}
		return nil, i18n.Errorf("cannot read the workbook: %w (save it again as .xlsx or CSV from Excel)", err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return nil, i18n.Errorf("the workbook has no sheet")
	}
	if sheet != "" {
		name := ""
		for _, s := range sheets {
			if strings.EqualFold(strings.TrimSpace(s), strings.TrimSpace(sheet)) {
				name = s
			}
		}
		if name == "" {
			return nil, i18n.Errorf("--sheet %q: the workbook has no such sheet (its sheets: %s)", sheet, strings.Join(sheets, ", "))
		}
		return sheetSource(f, name, len(data), known)
	}
	// The first sheet, unless it names no known column and a later one
	// does (a template whose first sheet is its instructions).
	var first *Source
	var firstErr error
	for i, name := range sheets {
		src, err := sheetSource(f, name, len(data), known)
		if i == 0 {
			firstErr = err
		}
		if err == nil && first == nil {
			first = src
		}
		if err == nil && src.known > 0 {
			return src, nil
		}
	}
	if first != nil {
		return first, nil
	}
	return nil, firstErr
}

// sheetSource reads one sheet as a Source.
func sheetSource(f *excelize.File, name string, size int, known func(string) bool) (*Source, error) {
	shown, err := f.GetRows(name)
	if err != nil {
		return nil, i18n.Errorf("sheet %s: %w", name, err)
	}
	raw, err := f.GetRows(name, excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, i18n.Errorf("sheet %s: %w", name, err)
	}
	var rows []Row
	for i, cells := range shown {
		var rawCells []string
		if i < len(raw) {
			rawCells = raw[i]
		}
		out := make([]string, len(cells))
		for j, c := range cells {
			r := c
			if j < len(rawCells) {
				r = rawCells[j]
			}
			out[j] = xlsxCell(c, r)
		}
		if blank(out) {
			continue
		}
		rows = append(rows, Row{Line: i + 1, Fields: out})
	}
	s := &Source{Format: "xlsx", Encoding: "xlsx", Sheet: name, size: int64(size)}
	if len(rows) == 0 {
		return nil, i18n.Errorf("sheet %s is empty: there is no header row", name)
	}
	next := 0
	read := func() (Row, error) {
		if next >= len(rows) {
			return Row{}, io.EOF
		}
		next++
		return rows[next-1], nil
	}
	if err := s.findHeader(read, known); err != nil {
		return nil, err
	}
	return s, nil
}

// xlsxCell turns a cell as shown (formatted) and as stored (raw) into the
// text an import reads.
func xlsxCell(shown, raw string) string {
	if shown == raw {
		return shown
	}
	v, err := strconv.ParseFloat(raw, 64)
	if err != nil {
		return shown
	}
	plain := strings.NewReplacer(",", "", " ", "", "\u00a0", "").Replace(shown)
	if sv, err := strconv.ParseFloat(plain, 64); err == nil || strings.ContainsAny(shown, "Ee") && !looksDate(shown) {
		// A number shown with separators, decimals or an exponent.
		if err == nil && math.Abs(sv-v) > 0.5 && !strings.ContainsAny(shown, "Ee") {
			return shown // rounded or scaled display: keep what Excel shows
		}
		return plainNumber(v)
	}
	if looksDate(shown) && v >= 1 && v < 2958466 {
		t, err := excelize.ExcelDateToTime(v, false)
		if err == nil {
			if v != math.Trunc(v) {
				return t.Format("2006-01-02 15:04")
			}
			return t.Format("2006-01-02")
		}
	}
	return shown
}

// looksDate says whether Excel's display of a number is a date.
func looksDate(s string) bool {
	if !strings.ContainsAny(s, "0123456789") || strings.ContainsAny(s, "$€¥£%") {
		return false
	}
	return strings.ContainsAny(s, "/年月日") || strings.Count(s, "-") >= 2 || strings.Count(s, ".") >= 2
}

// plainNumber writes a number without exponent or a trailing ".0":
// 13770672328, 1.5.
func plainNumber(v float64) string {
	if v == math.Trunc(v) && math.Abs(v) < 1e18 {
		return strconv.FormatInt(int64(v), 10)
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}
