// Package transfer moves data in and out of a rapport book: CSV and vCard
// imports of customers (with header mapping, deduplication and per-line
// error reports), CSV imports of history (interactions, follow-ups, orders,
// deals), a JSON export that import restores exactly, and CSV, vCard and
// iCalendar exports. Every import is one transaction and one undo batch.
package transfer

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"github.com/rapportcrm/rapport/model/i18n"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
)

// Encoding names the detected or chosen encoding of an import file.
const (
	EncUTF8    = "utf-8"
	EncGB18030 = "gb18030"
	EncCP1252  = "windows-1252"
	EncSJIS    = "shift_jis"
	EncBig5    = "big5"
	EncUTF16   = "utf-16"
)

// lookupEncoding maps a user's --encoding value (or a vCard CHARSET) to a
// decoder; nil means UTF-8. ok is false for an unknown name.
func lookupEncoding(name string) (canonical string, enc encoding.Encoding, ok bool) {
	n := strings.ToLower(strings.NewReplacer("-", "", "_", "", " ", "").Replace(strings.TrimSpace(name)))
	switch n {
	case "", "utf8", "utf8bom", "usascii", "ascii":
		return EncUTF8, nil, true
	case "gbk", "gb2312", "gb18030", "cp936", "euccn", "936":
		// GB18030 is a superset of GBK and GB2312: what Excel writes in a
		// Chinese locale decodes with it, including characters such as ㎡
		// that are outside GB2312.
		return EncGB18030, simplifiedchinese.GB18030, true
	case "windows1252", "cp1252", "latin1", "iso88591", "1252", "ansi":
		return EncCP1252, charmap.Windows1252, true
	case "shiftjis", "sjis", "cp932", "windows31j", "932":
		return EncSJIS, japanese.ShiftJIS, true
	case "big5", "cp950":
		return EncBig5, traditionalchinese.Big5, true
	}
	return "", nil, false
}

// EncodingNames lists the values --encoding accepts, for help and errors.
func EncodingNames() []string {
	return []string{"utf-8", "gbk", "gb18030", "windows-1252", "latin1", "shift_jis", "big5"}
}

const utf8BOM = "\xEF\xBB\xBF"

// decodeText turns raw file bytes into UTF-8 text. name overrides detection
// ("" detects): a UTF-8 BOM or valid UTF-8 is UTF-8; otherwise the bytes are
// GB18030 when their high bytes pair up as Chinese text does, else
// Windows-1252. It returns the text without a BOM and the encoding used.
func decodeText(raw []byte, name string) (string, string, error) {
	if name != "" {
		canon, enc, ok := lookupEncoding(name)
		if !ok {
			return "", "", i18n.Errorf("%q is not an encoding rapport reads: use one of %s", name, strings.Join(EncodingNames(), ", "))
		}
		raw = bytes.TrimPrefix(raw, []byte(utf8BOM))
		if enc == nil {
			return strings.ToValidUTF8(string(raw), "\uFFFD"), canon, nil
		}
		out, err := enc.NewDecoder().Bytes(raw)
		if err != nil {
			return "", "", i18n.Errorf("the file is not valid %s: %w", canon, err)
		}
		return string(out), canon, nil
	}
	if bytes.HasPrefix(raw, []byte(utf8BOM)) {
		return strings.ToValidUTF8(string(raw[3:]), "\uFFFD"), EncUTF8, nil
	}
	if bytes.HasPrefix(raw, []byte{0xFF, 0xFE}) || bytes.HasPrefix(raw, []byte{0xFE, 0xFF}) {
		// Excel's "Unicode Text": UTF-16 with a byte order mark.
		out, err := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder().Bytes(raw)
		if err != nil {
			return "", "", i18n.Errorf("cannot read the file as UTF-16: %w", err)
		}
		return string(out), EncUTF16, nil
	}
	if utf8.Valid(raw) {
		return string(raw), EncUTF8, nil
	}
	canon := guessLegacy(raw)
	_, enc, _ := lookupEncoding(canon)
	out, err := enc.NewDecoder().Bytes(raw)
	if err != nil {
		return "", "", i18n.Errorf("cannot read the file as %s (give --encoding): %w", canon, err)
	}
	return string(out), canon, nil
}

// guessLegacy tells GBK/GB18030 from Windows-1252 in text that is not UTF-8.
// In Chinese text nearly every high byte starts a pair whose second byte is
// high too; in Western text a high byte (ä, ß, é) is followed by ASCII.
func guessLegacy(raw []byte) string {
	pairs, singles := 0, 0
	for i := 0; i < len(raw); i++ {
		b := raw[i]
		if b < 0x80 {
			continue
		}
		if b >= 0x81 && b <= 0xFE && i+1 < len(raw) {
			n := raw[i+1]
			if n >= 0x80 && n <= 0xFE {
				pairs++
				i++
				continue
			}
			if n >= 0x40 && n <= 0x7E && pairs > singles {
				// GBK's extension area (e.g. ㎡ = A9 4F) in text that is
				// already Chinese.
				pairs++
				i++
				continue
			}
		}
		singles++
	}
	if pairs > singles {
		return EncGB18030
	}
	return EncCP1252
}

// decodeValue decodes one vCard value's bytes by its CHARSET parameter,
// falling back to fallback (the file's guessed encoding) for bytes that are
// not UTF-8 when no charset is given.
func decodeValue(b []byte, charset, fallback string) string {
	if charset != "" {
		if _, enc, ok := lookupEncoding(charset); ok && enc != nil {
			if out, err := enc.NewDecoder().Bytes(b); err == nil {
				return string(out)
			}
		}
	}
	if utf8.Valid(b) {
		return string(b)
	}
	if _, enc, ok := lookupEncoding(fallback); ok && enc != nil {
		if out, err := enc.NewDecoder().Bytes(b); err == nil {
			return string(out)
		}
	}
	return strings.ToValidUTF8(string(b), "\uFFFD")
}
