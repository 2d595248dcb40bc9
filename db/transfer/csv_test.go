package transfer

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
)

func TestRealCSVFiles(t *testing.T) {
	ctx := context.Background()
	type check func(t *testing.T, cs []customerRow)
	cases := []struct {
		file    string
		rows    int
		refuse  []string // expected "line N: …" prefixes when the file is refused
		created int
		check   check
	}{
		{file: "csv/google_legacy_roundcube.csv", created: 1, check: func(t *testing.T, cs []customerRow) {
			c := byName(t, cs, "Prefix Firstname Middle Lastname Suffix")
			if c.Email != "home@aaa.pl" || c.Company != "company" || c.Tags != "Test" {
				t.Errorf("roundcube row: %+v", c)
			}
			if !strings.HasPrefix(c.Notes, `note"note`) || !strings.Contains(c.Notes, "work@email.pl") || !strings.Contains(c.Notes, "pager") {
				t.Errorf("doubled quotes and the other emails and phones belong in the notes: %q", c.Notes)
			}
		}},
		{file: "csv/google_legacy_tine20_crlf.csv", created: 5, check: func(t *testing.T, cs []customerRow) {
			if c := byName(t, cs, "axel"); c.Email != "abc@here.de" || c.Phone != "+4921234435" || c.Tags != "kunden" || c.Notes != "rutan" {
				t.Errorf("axel: %+v", c)
			}
			if c := byName(t, cs, "Bus Winsen"); c.Phone != "021224351809" {
				t.Errorf("Bus Winsen (row with a CRLF inside a quoted cell): %+v", c)
			}
		}},
		{file: "csv/google_new_format_rolomind.csv", created: 4, check: func(t *testing.T, cs []customerRow) {
			if c := byName(t, cs, "John Doe"); c.Company != "Acme Corp" || c.Email != "john@example.com" || c.Phone != "+1-555-0123" {
				t.Errorf("John Doe: %+v", c)
			}
			if c := byName(t, cs, "Alice Brown"); c.Company != "AI Labs" || c.Email != "alice.brown@email.com" {
				t.Errorf("Alice Brown (last line without newline): %+v", c)
			}
		}},
		{file: "csv/linkedin_connections_preamble.csv", refuse: []string{"line 9: name"}},
		{file: "csv/outlook2013_de_cp1252.csv", created: 2, check: func(t *testing.T, cs []customerRow) {
			c := byName(t, cs, "Cornelius Weiß")
			if c.Company != "unittest" || c.Email != "c.weiss@unittest.de" || c.Phone != "040 6432131545" || !strings.Contains(c.Notes, "0176 164321545") {
				t.Errorf("Cornelius Weiß (Windows-1252, ragged rows): %+v", c)
			}
			if c := byName(t, cs, "Christian Baumann"); c.Phone != "+49 (0) 40 6432131-550" || c.Email != "c.baumann@unittest.de" {
				t.Errorf("Christian Baumann: %+v", c)
			}
		}},
		{file: "csv/salesforce_contacts_export.csv", created: 1, check: func(t *testing.T, cs []customerRow) {
			if len(cs) != 1 {
				t.Errorf("the soft-deleted row must not be imported: %+v", cs)
			}
			if c := byName(t, cs, "Ada Lovelace"); c.Email != "ada@example.invalid" || c.Phone != "+1-617-555-0101" {
				t.Errorf("Ada: %+v", c)
			}
		}},
		{file: "cn/kehu_import_template.gbk.csv", created: 3, check: checkKehu},
		{file: "cn/kehu_import_template.utf8.csv", created: 3, check: checkKehu},
	}
	for _, tc := range cases {
		t.Run(filepath.Base(tc.file), func(t *testing.T) {
			d := openBook(t)
			rep, err := ImportCSV(ctx, d, read(t, realFile(t, tc.file)), Options{Name: filepath.Base(tc.file)})
			if tc.refuse != nil {
				if !errors.Is(err, ErrBadRows) {
					t.Fatalf("want the file refused, got %v", err)
				}
				for i, want := range tc.refuse {
					if i >= len(rep.Rejected) || !strings.HasPrefix(rep.Rejected[i].String(), want) {
						t.Errorf("rejected %v, want %q", rep.Rejected, want)
					}
				}
				if n := count(t, d, "customers"); n != 0 {
					t.Errorf("a refused file wrote %d customers", n)
				}
				if n := count(t, d, "change_batches"); n != 0 {
					t.Errorf("a refused file left %d undo batches", n)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if rep.Created != tc.created || len(rep.Rejected) != 0 {
				t.Fatalf("created %d (want %d), rejected %v", rep.Created, tc.created, rep.Rejected)
			}
			cs := customers(t, d)
			tc.check(t, cs)
			// Importing the same file again changes nothing.
			before := dump(t, d)
			rep2, err := ImportCSV(ctx, d, read(t, realFile(t, tc.file)), Options{Name: filepath.Base(tc.file)})
			if err != nil {
				t.Fatal(err)
			}
			if rep2.Created != 0 || rep2.Merged != 0 || rep2.Written {
				t.Errorf("re-import: %+v", rep2)
			}
			if after := dump(t, d); after != before {
				t.Errorf("re-import changed the book")
			}
		})
	}
}

func checkKehu(t *testing.T, cs []customerRow) {
	c := byName(t, cs, "YY建材市场")
	if c.Phone != "13900139002" || c.Email != "li@yy.com" || c.IM != "li_wechat" || c.Industry != "商业" {
		t.Errorf("YY建材市场: %+v", c)
	}
	if !strings.Contains(c.Notes, "市场门口需要安装大型遮阳棚") || !strings.Contains(c.Notes, "预算10万左右") {
		t.Errorf("YY notes: %q", c.Notes)
	}
	if c := byName(t, cs, "XX小区物业管理处"); !strings.HasPrefix(c.Notes, "小区需要新建电动车停车棚，约200㎡\n") || !strings.Contains(c.Notes, "地址: 上海市浦东新区XX路100号") {
		t.Errorf("㎡ (outside GB2312) must survive: %q", c.Notes)
	}
}
