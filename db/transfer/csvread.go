package transfer

import (
	"bytes"
	"encoding/csv"
	"errors"
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

// maxPreamble is how many records before the header are looked at:
// exports put a few lines of notes there (LinkedIn's Connections.csv), and
// templates rows of instructions (WeCom's has eight).
const maxPreamble = 20

// ReadTable reads a whole CSV file (or .xlsx workbook) given as bytes:
// encoding "" detects it; known reports whether a header cell is a known
// column (see OpenSource).
func ReadTable(raw []byte, encodingName string, known func(string) bool) (*Table, error) {
	src, err := OpenSource(bytes.NewReader(raw), int64(len(raw)), encodingName, "", known)
	if err != nil {
		return nil, err
	}
	return src.table()
}

// table reads the rest of the source into a Table.
func (s *Source) table() (*Table, error) {
	t := &Table{Encoding: s.Encoding, Delimiter: s.Delimiter, HeaderLine: s.HeaderLine, Header: s.Header}
	for {
		r, err := s.Next()
		if errors.Is(err, io.EOF) {
			return t, nil
		}
		if err != nil {
			return nil, err
		}
		t.Rows = append(t.Rows, r)
	}
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
