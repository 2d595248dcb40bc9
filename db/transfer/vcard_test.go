package transfer

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
)

func TestRealVCardFiles(t *testing.T) {
	ctx := context.Background()
	cases := []struct {
		file    string
		broken  string // the start of the error for a broken file
		created int
		check   func(t *testing.T, cs []customerRow)
	}{
		{file: "broken_begin_vcar.vcard", broken: "line 1: expected BEGIN:VCARD"},
		{file: "broken_missing_end.vcf", broken: "line 3: the file ends inside the card that begins on line 1"},
		{file: "v21_android_qp_utf8.vcf", created: 5, check: func(t *testing.T, cs []customerRow) {
			// Cards with only an email are named by it; the card that shares
			// phone 123456 with another merges into it.
			if c := byName(t, cs, "john.doe@company.com"); c.Email != "john.doe@company.com" {
				t.Errorf("email-only card: %+v", c)
			}
			if c := byName(t, cs, "Ñ Ñ Ñ Ñ Ñ"); c.Phone != "123456789" {
				t.Errorf("QP UTF-8 name: %+v", c)
			}
			c := byName(t, cs, "ÑÑÑÑ")
			if c.Email != "henry@company.com" || c.Phone != "55556666" || !strings.HasPrefix(c.Company, "ÑÑÑÑ") {
				t.Errorf("QP ORG over soft breaks: %+v", c)
			}
		}},
		{file: "v21_evolution_chinese_qp.vcf", created: 1, check: func(t *testing.T, cs []customerRow) {
			c := byName(t, cs, "十城目管理大型知座") // QP soft break inside a UTF-8 character; ORG = name
			if c.Email != "weird@weird.com" || c.Company != "" || c.Phone != "" || !strings.Contains(c.Notes, "十城目管理大型知座") {
				t.Errorf("a TEL that is text goes to the notes: %+v", c)
			}
		}},
		{file: "v21_outlook2007_qp.vcf", created: 1, check: func(t *testing.T, cs []customerRow) {
			c := byName(t, cs, "Mr. Michael Angstadt Jr.")
			if c.Company != "TheCompany" || c.Email != "mike.angstadt@gmail.com" || c.Phone != "(111) 555-4444" {
				t.Errorf("outlook: %+v", c)
			}
			if !strings.HasPrefix(c.Notes, "This is the NOTE field") || !strings.Contains(c.Notes, "\nIt does not preserve the formatting") {
				t.Errorf("QP note with CRLFs: %q", c.Notes)
			}
		}},
		{file: "v21_shiftjis_qp.vcf", created: 1, check: func(t *testing.T, cs []customerRow) {
			if c := byName(t, cs, "安藤 ロイド 1"); c.Notes != "メモ" {
				t.Errorf("Shift_JIS raw and QP: %+v", c)
			}
		}},
		{file: "v30_chinese_names.vcf", created: 30, check: func(t *testing.T, cs []customerRow) {
			if c := byName(t, cs, "汤霞 朋友"); c.Phone != "1401326920" {
				t.Errorf("%+v", c)
			}
		}},
		{file: "v30_gmail_export.vcf", created: 1, check: func(t *testing.T, cs []customerRow) {
			c := byName(t, cs, "Mr. John Richter, James Doe Sr.")
			if c.Company != "IBM" || c.Email != "john.doe@ibm.com" || c.Phone != "905-555-1234" {
				t.Errorf("gmail: %+v", c)
			}
			if !strings.Contains(c.Notes, `CONTRIBUTORS "AS IS"`) || !strings.Contains(c.Notes, "LIMITED TO, THE") || !strings.HasSuffix(c.Notes, "\nFavotire Color: Blue\nPhone (home): 905-666-1234") {
				t.Errorf("folded, escaped note: %q", c.Notes)
			}
		}},
		{file: "v30_iphone_ios5_photo.vcf", created: 1, check: func(t *testing.T, cs []customerRow) {
			c := byName(t, cs, "Mr. John Richter James Doe Sr.")
			if c.Company != "IBM" || c.Email != "john.doe@ibm.com" || strings.Contains(c.Notes, "/9j/") {
				t.Errorf("iphone (photo skipped): %+v", c)
			}
		}},
		{file: "v30_sogo_categories_folded.vcf", created: 1, check: func(t *testing.T, cs []customerRow) {
			c := byName(t, cs, "Lars Kneschke")
			if c.Company != "Organisation" || c.Email != "l.kneschke@metaways.de" || c.Tags != "CATEGORY 1,CATEGORY 2" || !strings.HasPrefix(c.Notes, "Notes\nwith\nLine Break") {
				t.Errorf("sogo: %+v", c)
			}
		}},
		{file: "v40_fullcontact_multi.vcf", created: 1, check: func(t *testing.T, cs []customerRow) {
			c := byName(t, cs, "Prefix FirstName MiddleName LastName Suffix")
			if c.Company != "Organization1" || c.Email != "home@example.com" || c.Phone != "555-555-1113" || c.Tags != "Tag" || !strings.Contains(c.Notes, "work@example.com") {
				t.Errorf("fullcontact: %+v", c)
			}
		}},
	}
	for _, tc := range cases {
		t.Run(tc.file, func(t *testing.T) {
			d := openBook(t)
			raw := read(t, realFile(t, filepath.Join("vcard", tc.file)))
			rep, err := ImportVCard(ctx, d, raw, Options{Name: tc.file})
			if tc.broken != "" {
				if err == nil || !strings.HasPrefix(err.Error(), tc.broken) {
					t.Fatalf("want %q…, got %v", tc.broken, err)
				}
				if count(t, d, "customers") != 0 {
					t.Fatal("a broken file imported something")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if rep.Created != tc.created || len(rep.Rejected) > 0 {
				t.Fatalf("report %+v", rep)
			}
			tc.check(t, customers(t, d))
			before := dump(t, d)
			rep, err = ImportVCard(ctx, d, raw, Options{Name: tc.file})
			if err != nil || rep.Created != 0 || dump(t, d) != before {
				t.Errorf("re-import changed the book: %+v %v", rep, err)
			}
		})
	}
}

func TestVCardRoundTrip(t *testing.T) {
	ctx := context.Background()
	d := openBook(t)
	mustImport(t, d, "gbk_excel_chinese.csv", Options{})
	mustImport(t, d, "multiline_notes.csv", Options{SkipBad: true})
	mustImport(t, d, "european_semicolon.csv", Options{})
	var buf bytes.Buffer
	n, err := ExportVCard(ctx, d, &buf)
	if err != nil || n != 9 {
		t.Fatalf("export: %d %v", n, err)
	}
	for _, l := range strings.Split(buf.String(), "\r\n") {
		if len(l) > 75 {
			t.Errorf("line longer than 75 octets: %q", l)
		}
	}
	d2 := openBook(t)
	rep, err := ImportVCard(ctx, d2, buf.Bytes(), Options{Name: "export.vcf"})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Created != 9 || rep.Skipped != 3 { // 3 contact people are not customers
		t.Errorf("report %+v", rep)
	}
	a, b := customers(t, d), customers(t, d2)
	for i := range a {
		a[i].Tier, b[i].Tier = "", "" // the tier is not a vCard field
		if a[i] != b[i] {
			t.Errorf("round trip:\n got %+v\nwant %+v", b[i], a[i])
		}
	}
}
