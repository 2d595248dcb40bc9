package transfer

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/rapportcrm/rapport/model/i18n"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// Source is an import file opened for reading: what it is (CSV text or an
// .xlsx workbook), its encoding, delimiter and header, and its data rows,
// read one at a time so a big file is never held whole.
type Source struct {
	Format     string // "csv" or "xlsx"
	Encoding   string // CSV: the detected or chosen encoding; xlsx: "xlsx"
	Delimiter  rune   // CSV only
	Sheet      string // xlsx only: the sheet read
	HeaderLine int
	Header     []string
	// Lenient lists the lines read leniently (a quote out of place).
	Lenient []LineError
	// Damaged warns that the file was read as UTF-8 despite a few invalid
	// bytes (shown as U+FFFD), naming their lines.
	Damaged []LineError

	known   int // how many header cells name a known column
	pending []Row
	rest    func() (Row, error)
	counter *countingReader
	size    int64
}

// Next returns the next data row; io.EOF after the last.
func (s *Source) Next() (Row, error) {
	if len(s.pending) > 0 {
		r := s.pending[0]
		s.pending = s.pending[1:]
		return r, nil
	}
	if s.rest == nil {
		return Row{}, io.EOF
	}
	return s.rest()
}

// Progress returns how many bytes of the file were read and its size (0
// when unknown).
func (s *Source) Progress() (read, size int64) {
	if s.counter == nil {
		return s.size, s.size
	}
	return s.counter.n, s.size
}

// countingReader counts the bytes read through it, for progress.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// sniffSize is how much of the file decides its kind and encoding.
const sniffSize = 1 << 20

// OpenSource opens r (size bytes; 0 if unknown) for import. encodingName
// overrides detection for CSV; sheet picks an .xlsx sheet (the first when
// empty); known says whether a header cell names a column the import
// reads, to find the header below instruction rows.
func OpenSource(r io.Reader, size int64, encodingName, sheet string, known func(string) bool) (*Source, error) {
	cr := &countingReader{r: r}
	br := bufio.NewReaderSize(cr, sniffSize)
	head, err := br.Peek(sniffSize)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		return nil, err
	}
	if len(head) == 0 {
		return nil, i18n.Errorf("the file is empty: there is no header line")
	}
	if isZip(head) {
		data, err := io.ReadAll(br)
		if err != nil {
			return nil, err
		}
		return openXLSX(data, sheet, known)
	}
	if msg := binaryKind(head); msg != "" {
		return nil, errors.New(msg)
	}
	if sheet != "" {
		return nil, i18n.Errorf("--sheet is for .xlsx workbooks; this file is CSV text")
	}
	canon, enc, bom, damaged, err := detectEncoding(head, len(head) < sniffSize, encodingName)
	if err != nil {
		return nil, err
	}
	if _, err := br.Discard(bom); err != nil {
		return nil, err
	}
	var text io.Reader = br
	if enc != nil {
		text = transform.NewReader(br, enc.NewDecoder())
	}
	tb := bufio.NewReaderSize(text, 64<<10)
	sample, _ := tb.Peek(64 << 10)
	if bytes.IndexByte(sample, '\r') >= 0 && bytes.IndexByte(sample, '\n') < 0 {
		// Old Mac Excel ends lines with CR alone.
		tb = bufio.NewReaderSize(crLines{tb}, 64<<10)
		sample, _ = tb.Peek(64 << 10)
	}
	s := &Source{Format: "csv", Encoding: canon, Delimiter: detectDelimiter(string(sample)), counter: cr, size: size}
	if len(damaged) > 0 {
		s.Damaged = []LineError{damageWarning(damaged)}
	}
	skipped := 0
	// Excel's "sep=;" first line names the delimiter.
	if first, _, _ := strings.Cut(string(sample), "\n"); len(first) <= 8 && strings.HasPrefix(strings.ToLower(strings.TrimSpace(first)), "sep=") {
		if d := strings.TrimSpace(first)[4:]; len(d) == 1 {
			s.Delimiter = rune(d[0])
		} else if strings.HasPrefix(strings.ToLower(d), "\\t") || d == "" {
			s.Delimiter = '\t'
		}
		if _, err := tb.Discard(len(first) + 1); err != nil && !errors.Is(err, io.EOF) {
			return nil, err
		}
		skipped = 1
	}
	rr := &recordReader{r: tb, delim: byte(s.Delimiter), line: skipped}
	read := func() (Row, error) {
		rec, err := rr.next()
		if err != nil {
			return Row{}, err
		}
		if rec.stray {
			s.Lenient = append(s.Lenient, lineError(rec.line, i18n.Errorf("a quote is out of place; the row was read leniently (check its values)")))
		}
		return Row{Line: rec.line, Fields: rec.fields}, nil
	}
	if err := s.findHeader(read, known); err != nil {
		return nil, err
	}
	return s, nil
}

// crLines reads text whose lines end with CR alone as lines ending in LF.
type crLines struct{ r io.Reader }

func (c crLines) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	for i := 0; i < n; i++ {
		if p[i] == '\r' {
			p[i] = '\n'
		}
	}
	return n, err
}

// findHeader reads up to maxPreamble records and takes as the header the
// one naming the most known columns (the earliest on a tie), else the
// first with two or more cells; the records after it are data.
func (s *Source) findHeader(read func() (Row, error), known func(string) bool) error {
	var first []Row
	eof := false
	for len(first) < maxPreamble {
		r, err := read()
		if errors.Is(err, io.EOF) {
			eof = true
			break
		}
		if err != nil {
			return err
		}
		first = append(first, r)
	}
	if len(first) == 0 {
		return i18n.Errorf("the file is empty: there is no header line")
	}
	hi, best := -1, 0
	for i, r := range first {
		if nonEmpty(r.Fields) < 2 && len(first) > 1 {
			continue
		}
		n := 0
		for _, h := range r.Fields {
			if known(h) {
				n++
			}
		}
		if n > best {
			hi, best = i, n
		}
	}
	if hi < 0 {
		for i, r := range first {
			if nonEmpty(r.Fields) >= 2 {
				hi = i
				break
			}
		}
	}
	if hi < 0 {
		hi = 0
	}
	s.HeaderLine, s.known = first[hi].Line, best
	s.Header = make([]string, len(first[hi].Fields))
	for i, h := range first[hi].Fields {
		s.Header[i] = strings.TrimSpace(strings.TrimPrefix(h, utf8BOM))
	}
	// Lenient reading before the header is not the user's data.
	kept := s.Lenient[:0]
	for _, l := range s.Lenient {
		if l.Line > s.HeaderLine {
			kept = append(kept, l)
		}
	}
	s.Lenient = kept
	s.pending = first[hi+1:]
	if !eof {
		s.rest = read
	}
	return nil
}

// detectEncoding decides how to decode a file from its first bytes (all of
// it when whole): name overrides; a BOM says UTF-8 or UTF-16; valid UTF-8
// is UTF-8, and so is UTF-8 with a few invalid bytes (see utf8Damage; their
// lines are returned as damaged); else GB18030 or Windows-1252 by how the
// high bytes pair up. It returns the decoder (nil for UTF-8) and how many
// BOM bytes to skip.
func detectEncoding(head []byte, whole bool, name string) (string, encoding.Encoding, int, []int, error) {
	bom := 0
	if strings.HasPrefix(string(head), utf8BOM) {
		bom = 3
	}
	if name != "" {
		canon, enc, ok := lookupEncoding(name)
		if !ok {
			return "", nil, 0, nil, i18n.Errorf("%q is not an encoding rapport reads: use one of %s", name, strings.Join(EncodingNames(), ", "))
		}
		return canon, enc, bom, nil, nil
	}
	if bom > 0 {
		return EncUTF8, nil, 3, nil, nil
	}
	switch {
	case len(head) >= 2 && head[0] == 0xFF && head[1] == 0xFE:
		return EncUTF16, unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), 0, nil, nil
	case len(head) >= 2 && head[0] == 0xFE && head[1] == 0xFF:
		return EncUTF16, unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), 0, nil, nil
	}
	if le, ok := utf16NoBOM(head); ok {
		if le {
			return EncUTF16, unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), 0, nil, nil
		}
		return EncUTF16, unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), 0, nil, nil
	}
	sample := head
	if !whole {
		// The sample may end inside a character.
		for k := 0; k < 3 && len(sample) > 0 && !utf8.Valid(sample); k++ {
			sample = sample[:len(sample)-1]
		}
	}
	if utf8.Valid(sample) {
		return EncUTF8, nil, 0, nil, nil
	}
	canon := guessLegacy(head)
	if lines, ok := utf8Damage(head, canon == EncGB18030); ok {
		return EncUTF8, unicode.UTF8, 0, lines, nil
	}
	_, enc, _ := lookupEncoding(canon)
	return canon, enc, 0, nil, nil
}

// utf16NoBOM recognises UTF-16 text without a byte order mark by its zero
// bytes: ASCII characters leave one in every pair, on the same side.
func utf16NoBOM(head []byte) (littleEndian, ok bool) {
	n := len(head) &^ 1
	if n < 8 {
		return false, false
	}
	var even, odd int
	for i := 0; i < n; i += 2 {
		if head[i] == 0 {
			even++
		}
		if head[i+1] == 0 {
			odd++
		}
	}
	pairs := n / 2
	switch {
	case odd*10 > pairs*4 && even*20 < pairs:
		return true, true
	case even*10 > pairs*4 && odd*20 < pairs:
		return false, true
	}
	return false, false
}

func isZip(head []byte) bool { return strings.HasPrefix(string(head), "PK\x03\x04") }

// binaryKind names a file that is not text, with what to do instead; ""
// for text.
func binaryKind(head []byte) string {
	h := string(head[:min(len(head), 16)])
	saveAs := "open it in Excel, LibreOffice or WPS and save it as an Excel workbook (.xlsx) or as CSV (UTF-8), then import that file"
	kinds := []struct{ magic, what string }{
		{"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", "an old Excel workbook (.xls, Excel 97–2003) or another old Office file; rapport reads .xlsx and CSV: " + saveAs},
		{"\x89PNG", "a PNG image, not a spreadsheet: import the .xlsx or CSV file it was taken from"},
		{"\xFF\xD8\xFF", "a JPEG image, not a spreadsheet: import the .xlsx or CSV file it was taken from"},
		{"GIF8", "a GIF image, not a spreadsheet"},
		{"%PDF", "a PDF document, not a spreadsheet: export the table from the program that made it as .xlsx or CSV"},
		{"\x1F\x8B", "a gzip archive: unpack it and import the file inside"},
		{"Rar!", "a RAR archive: unpack it and import the file inside"},
		{"7z\xBC\xAF", "a 7-Zip archive: unpack it and import the file inside"},
		{"SQLite format 3\x00", "a SQLite database (perhaps a rapport book): open it with --db instead of importing it"},
		{"{\\rtf", "an RTF document, not a spreadsheet: " + saveAs},
	}
	for _, k := range kinds {
		if strings.HasPrefix(h, k.magic) {
			return "this file is " + k.what
		}
	}
	if len(head) >= 2 && (head[0] == 0xFF && head[1] == 0xFE || head[0] == 0xFE && head[1] == 0xFF) {
		return ""
	}
	if _, ok := utf16NoBOM(head); ok {
		return ""
	}
	ctrl, nul := 0, 0
	for _, b := range head {
		if b == 0 {
			nul++
		}
		if b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != 0x0C && b != 0x1B {
			ctrl++
		}
	}
	if nul*200 > len(head) || nul > 0 && len(head) > 64 && nul*1000 > len(head) && ctrl*20 > len(head) {
		return "this file is binary data (it holds NUL bytes), not CSV text: " + saveAs
	}
	if ctrl*100 > len(head) {
		return "this file is binary data, not CSV text: " + saveAs
	}
	return ""
}
