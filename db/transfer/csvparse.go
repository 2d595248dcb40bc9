package transfer

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/rapportcrm/rapport/model/i18n"
)

// recordReader reads CSV records from UTF-8 text as spreadsheets write
// them, one at a time (the file is never held whole). It reads strictly
// where the quoting is right and leniently where it is not: a quote that
// neither opens nor closes a cell (`Rahul "Ray" Iyer`, Thunderbird's
// `"""name"@""host"`) is kept as a character and the record is marked, so
// one stray quote costs neither the row nor the file.
type recordReader struct {
	r     *bufio.Reader
	delim byte
	line  int // lines consumed so far
	buf   []byte
	ends  []int
}

// record is one parsed CSV record.
type record struct {
	line   int      // the line it starts on (1-based)
	fields []string // the cells
	stray  bool     // a quote was out of place and kept as text
}

// maxQuotedLines bounds how many lines one quoted cell may span: a quote
// that is never closed would otherwise swallow the rest of the file.
const maxQuotedLines = 2000

func newRecordReader(r io.Reader, delim rune) *recordReader {
	return &recordReader{r: bufio.NewReaderSize(r, 64<<10), delim: byte(delim)}
}

// readLine returns the next physical line including its "\n" (or the
// last line without one); io.EOF when there is none.
func (rr *recordReader) readLine() ([]byte, error) {
	l, err := rr.r.ReadSlice('\n')
	if errors.Is(err, bufio.ErrBufferFull) {
		long := append([]byte(nil), l...)
		for errors.Is(err, bufio.ErrBufferFull) {
			l, err = rr.r.ReadSlice('\n')
			long = append(long, l...)
		}
		l = long
	}
	if len(l) > 0 {
		rr.line++
		if err == io.EOF {
			err = nil
		}
		return l, err
	}
	return nil, err
}

// next reads one record; blank lines are skipped. io.EOF ends the file.
func (rr *recordReader) next() (record, error) {
	var line []byte
	var err error
	for {
		line, err = rr.readLine()
		if err != nil {
			return record{}, err
		}
		if len(trimEOL(line)) > 0 {
			break
		}
	}
	rec := record{line: rr.line}
	rr.buf, rr.ends = rr.buf[:0], rr.ends[:0]
	d := rr.delim
	i := 0
	for {
		// At the start of a field.
		if i < len(line) && line[i] == '"' {
			i++
			start := rr.line
			for {
				j := bytes.IndexByte(line[i:], '"')
				if j < 0 {
					// The cell goes on over the line end.
					rr.buf = append(rr.buf, trimEOL(line[i:])...)
					rr.buf = append(rr.buf, '\n')
					if rr.line-start > maxQuotedLines {
						return record{}, i18n.Errorf("line %d: a quoted cell starts here and is not closed within %d lines: close the quote (a \" inside a quoted cell is written \"\")", start, maxQuotedLines)
					}
					line, err = rr.readLine()
					if err == io.EOF {
						return record{}, i18n.Errorf("line %d: a quoted cell starts here and is never closed: close the quote (a \" inside a quoted cell is written \"\")", start)
					}
					if err != nil {
						return record{}, err
					}
					i = 0
					continue
				}
				rr.buf = append(rr.buf, line[i:i+j]...)
				i += j + 1
				switch {
				case i < len(line) && line[i] == '"':
					rr.buf = append(rr.buf, '"') // "" is one quote
					i++
					continue
				case i >= len(line) || line[i] == d || line[i] == '\n' || (line[i] == '\r' && (i+1 == len(line) || line[i+1] == '\n')):
					// The closing quote.
				default:
					// A quote in the middle of a quoted cell: keep it.
					rec.stray = true
					rr.buf = append(rr.buf, '"')
					continue
				}
				break
			}
			// After the closing quote: text up to the delimiter is kept too.
			for i < len(line) && line[i] != d && line[i] != '\n' && line[i] != '\r' {
				rr.buf = append(rr.buf, line[i])
				rec.stray = true
				i++
			}
		} else {
			for i < len(line) && line[i] != d && line[i] != '\n' && !(line[i] == '\r' && (i+1 == len(line) || line[i+1] == '\n')) {
				if line[i] == '"' {
					rec.stray = true
				}
				rr.buf = append(rr.buf, line[i])
				i++
			}
		}
		rr.ends = append(rr.ends, len(rr.buf))
		if i < len(line) && line[i] == d {
			i++
			continue
		}
		break
	}
	s := string(rr.buf)
	valid := utf8.ValidString(s)
	rec.fields = make([]string, len(rr.ends))
	prev := 0
	for k, e := range rr.ends {
		f := s[prev:e]
		if !valid && !utf8.ValidString(f) {
			f = strings.ToValidUTF8(f, "\uFFFD") // a stray Latin-1 byte in a UTF-8 file
		}
		rec.fields[k] = f
		prev = e
	}
	return rec, nil
}

func trimEOL(l []byte) []byte {
	n := len(l)
	if n > 0 && l[n-1] == '\n' {
		n--
	}
	if n > 0 && l[n-1] == '\r' {
		n--
	}
	return l[:n]
}
