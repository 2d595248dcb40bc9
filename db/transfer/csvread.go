package transfer

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Row is one data record of a CSV file with the line it starts on (1-based,
// counting the header, any preamble and the lines inside quoted fields).
type Row struct {
	Line   int
	Fields []string
}

// Table is a CSV file read for import.
type Table struct {
	Encoding   string
	Delimiter  rune
	HeaderLine int
	Header     []string
	Rows       []Row
}

// maxPreamble is how many records before the header ReadTable looks at:
// exports put a few lines of notes there (LinkedIn's Connections.csv).
const maxPreamble = 20

// ReadTable decodes raw CSV bytes (encoding "" detects it) and splits them
// into a header and rows. The delimiter (comma, semicolon or tab) is
// detected; the header is the first record that names a known column (or,
// failing that, the first with two or more fields). known reports whether
// a header cell is a known column.
func ReadTable(raw []byte, encodingName string, known func(string) bool) (*Table, error) {
	if bytes.HasPrefix(raw, []byte("PK\x03\x04")) {
		return nil, errors.New("line 1: this is an Excel workbook (.xlsx), not a CSV file: open it and save it as CSV (UTF-8) first")
	}
	text, enc, err := decodeText(raw, encodingName)
	if err != nil {
		return nil, err
	}
	t := &Table{Encoding: enc, Delimiter: detectDelimiter(text)}
	recs, err := readRecords(text, t.Delimiter)
	if err != nil {
		return nil, err
	}
	if len(recs) == 0 {
		return nil, errors.New("the file is empty: there is no header line")
	}
	hi := -1
	for i := 0; i < len(recs) && i < maxPreamble; i++ {
		if nonEmpty(recs[i].Fields) < 2 && len(recs) > 1 {
			continue
		}
		for _, h := range recs[i].Fields {
			if known(h) {
				hi = i
				break
			}
		}
		if hi >= 0 {
			break
		}
	}
	if hi < 0 {
		for i := 0; i < len(recs) && i < maxPreamble; i++ {
			if nonEmpty(recs[i].Fields) >= 2 {
				hi = i
				break
			}
		}
	}
	if hi < 0 {
		hi = 0
	}
	t.HeaderLine = recs[hi].Line
	t.Header = recs[hi].Fields
	for i := range t.Header {
		t.Header[i] = strings.TrimSpace(t.Header[i])
	}
	t.Rows = recs[hi+1:]
	return t, nil
}

func nonEmpty(fs []string) int {
	n := 0
	for _, f := range fs {
		if strings.TrimSpace(f) != "" {
			n++
		}
	}
	return n
}

// readRecords parses text strictly, and again with lazy quotes when a bare
// quote appears in an unquoted field (Rahul "Ray" Iyer). Other quoting
// errors are reported with their line.
func readRecords(text string, delim rune) ([]Row, error) {
	recs, err := parseCSV(text, delim, false)
	var pe *csv.ParseError
	if errors.As(err, &pe) && errors.Is(pe.Err, csv.ErrBareQuote) {
		recs, err = parseCSV(text, delim, true)
	}
	if err != nil {
		if errors.As(err, &pe) {
			return nil, fmt.Errorf("line %d: %s: fix the quotes on that line (a \" inside a quoted cell is written \"\")", pe.StartLine, pe.Err)
		}
		return nil, err
	}
	return recs, nil
}

func parseCSV(text string, delim rune, lazy bool) ([]Row, error) {
	r := csv.NewReader(strings.NewReader(text))
	r.Comma = delim
	r.FieldsPerRecord = -1
	r.LazyQuotes = lazy
	r.ReuseRecord = false
	var out []Row
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		line, _ := r.FieldPos(0)
		out = append(out, Row{Line: line, Fields: rec})
	}
}

// detectDelimiter picks comma, semicolon or tab: the one that splits the
// first lines into the most fields consistently (quotes respected).
func detectDelimiter(text string) rune {
	sample := text
	if len(sample) > 64<<10 {
		sample = sample[:64<<10]
		if i := strings.LastIndexByte(sample, '\n'); i > 0 {
			sample = sample[:i+1]
		}
	}
	best, bestScore := ',', -1
	for _, d := range []rune{',', ';', '\t'} {
		r := csv.NewReader(strings.NewReader(sample))
		r.Comma = d
		r.FieldsPerRecord = -1
		r.LazyQuotes = true
		score := 0
		for n := 0; n < 30; n++ {
			rec, err := r.Read()
			if err != nil {
				break
			}
			if len(rec) > 1 {
				score += len(rec) - 1
			}
		}
		if score > bestScore {
			best, bestScore = d, score
		}
	}
	return best
}
