package transfer

import (
	"strings"
	"testing"
)

// FuzzCSV feeds arbitrary bytes to the CSV reader and the customer row
// builder: no panic, rows come in file order below the header, and a row
// that passes clean() is valid and free of escape sequences.
func FuzzCSV(f *testing.F) {
	f.Add([]byte("name,email\nAda,ada@example.com\n"))
	f.Add([]byte("\xef\xbb\xbfFirst Name;Last Name;Phone Number\r\n\"Ada\";Lovelace;+44 20 7946 0018\r\n"))
	f.Add([]byte("Notes:\n\"a, b\"\n\nname\tcompany\nX\t\"multi\nline\"\n"))
	f.Add([]byte("\xbf\xcd\xbb\xa7\xc3\xfb\xb3\xc6,\xca\xd6\xbb\xfa\r\n\xd5\xc5,138\r\n"))
	known := func(h string) bool { _, ok := customerHeaders()[headerKey(h)]; return ok }
	f.Fuzz(func(t *testing.T, raw []byte) {
		tab, err := ReadTable(raw, "", known)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "line ") && !strings.Contains(err.Error(), "empty") && !strings.Contains(err.Error(), "cannot read") && !strings.HasPrefix(err.Error(), "this file is") {
				t.Fatalf("error without a line: %v", err)
			}
			return
		}
		m, err := mapHeader(tab.Header, customerHeaders(), nil, KindCustomers)
		if err != nil {
			t.Fatal(err)
		}
		last := tab.HeaderLine
		for _, r := range tab.Rows {
			if r.Line <= last {
				t.Fatalf("row line %d after %d", r.Line, last)
			}
			last = r.Line
			cd, err := candidateFromRow(r, tab.Header, m, importOptions{keepExtra: true})
			if err != nil || cd.skip != "" {
				continue
			}
			if cd.clean() != nil {
				continue
			}
			if err := cd.c.Validate(); err != nil {
				t.Fatalf("clean passed an invalid customer: %v", err)
			}
			for _, s := range []string{cd.c.Name, cd.c.Company, cd.c.Email, cd.c.Phone, cd.c.Notes} {
				if strings.ContainsAny(s, "\x1b\x00\u009b") {
					t.Fatalf("control characters survived: %q", s)
				}
			}
		}
	})
}

// FuzzVCard feeds arbitrary bytes to the vCard parser and card mapping: no
// panic; a refusal names a line; a parsed file has cards whose customers,
// once cleaned, are valid.
func FuzzVCard(f *testing.F) {
	f.Add([]byte("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada\r\nEMAIL:ada@example.com\r\nEND:VCARD\r\n"))
	f.Add([]byte("BEGIN:VCARD\nVERSION:2.1\nN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=E7=8E=8B=\n=E8=8A=B3;;;;\nTEL;CELL;PREF:138\nEND:VCARD\n"))
	f.Add([]byte("BEGIN:VCARD\nitem1.EMAIL;type=INTERNET:a@b.c\nNOTE:long\n  folded\\, text\\n\nCATEGORIES:a,b\\,c\nEND:VCARD"))
	f.Add([]byte("BEGIN:VCAR\nEND:VCARD"))
	f.Fuzz(func(t *testing.T, raw []byte) {
		cards, err := parseVCards(raw)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "line ") {
				t.Fatalf("error without a line: %v", err)
			}
			return
		}
		if len(cards) == 0 {
			t.Fatal("no error and no cards")
		}
		for _, c := range cards {
			cd := cardCandidate(c, EncUTF8)
			if cd.skip != "" || cd.clean() != nil {
				continue
			}
			if err := cd.c.Validate(); err != nil {
				t.Fatalf("clean passed an invalid customer: %v", err)
			}
		}
	})
}
