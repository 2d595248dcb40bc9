package transfer

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rapportcrm/rapport/db"
)

func fixture(t *testing.T, name string) []byte { return read(t, filepath.Join("testdata", name)) }

func mustImport(t *testing.T, d *db.DB, name string, opt Options) *Report {
	t.Helper()
	opt.Name = name
	rep, err := ImportCSV(context.Background(), d, fixture(t, name), opt)
	if err != nil {
		t.Fatalf("%s: %v (rejected %v)", name, err, rep)
	}
	return rep
}

func TestFixtures(t *testing.T) {
	ctx := context.Background()
	cases := []struct {
		file    string
		enc     string
		delim   string
		created int
		check   func(t *testing.T, d *db.DB, cs []customerRow)
	}{
		{"gbk_excel_chinese.csv", EncGB18030, "comma", 3, func(t *testing.T, d *db.DB, cs []customerRow) {
			c := byName(t, cs, "上海星海贸易有限公司")
			if c.Phone != "138 0013 8000" || c.Email != "wangfang@xinghai.cn" || c.Tags != "华东,重点" || c.Tier != "A" || c.Industry != "贸易" || c.Notes != "每月初对账" {
				t.Errorf("星海: %+v", c)
			}
			if c := byName(t, cs, "深圳㎡建材"); c.Tags != "华南,建材" || c.Notes != "需要报价，面积约500㎡" {
				t.Errorf("深圳: %+v", c)
			}
			var contact, phone string
			if err := d.Reader().QueryRow(`SELECT ct.name, ct.phone FROM contacts ct JOIN customers c ON c.id = ct.customer_id WHERE c.name = '北京远航科技' AND ct.is_primary`).Scan(&contact, &phone); err != nil || contact != "李强" || phone != "+86 139-1234-5678" {
				t.Errorf("联系人 becomes the primary contact: %q %q %v", contact, phone, err)
			}
		}},
		{"hubspot_bom.csv", EncUTF8, "comma", 3, func(t *testing.T, d *db.DB, cs []customerRow) {
			if c := byName(t, cs, "Ada Lovelace"); c.Company != "Analytical Engines Ltd" || c.Email != "ada@analytical.example" || c.Phone != "+44 20 7946 0018" {
				t.Errorf("Ada (first column after a BOM): %+v", c)
			}
			byName(t, cs, "王芳") // Chinese first and last name combine family first
			var life string
			d.Reader().QueryRow(`SELECT lifecycle FROM customers WHERE name = 'Grace Hopper'`).Scan(&life)
			if life != "prospect" {
				t.Errorf("HubSpot lead is a prospect, got %q", life)
			}
		}},
		{"european_semicolon.csv", EncCP1252, "semicolon", 2, func(t *testing.T, d *db.DB, cs []customerRow) {
			if c := byName(t, cs, "Jürgen Müller"); c.Company != "Müller & Söhne, GmbH" || c.Phone != "+49 30 1234567" || c.Notes != "Kunde seit 2019" {
				t.Errorf("Müller: %+v", c)
			}
			if c := byName(t, cs, "Zoë Dubois"); c.Company != "Café Crème" || c.Notes != "Préfère; le matin" {
				t.Errorf("Zoë: %+v", c)
			}
		}},
		{"google_contacts.csv", EncUTF8, "comma", 2, func(t *testing.T, d *db.DB, cs []customerRow) {
			c := byName(t, cs, "Maria Garcia")
			if c.Company != "Globex" || c.Email != "maria@globex.example" || c.Phone != "+1 415 555 0100" || c.Tags != "myContacts,VIP" {
				t.Errorf("Maria: %+v", c)
			}
			if !strings.Contains(c.Notes, "Met at the fair") || !strings.Contains(c.Notes, "maria.g@mail.example") || !strings.Contains(c.Notes, "+1 415 555 0199") {
				t.Errorf("second email and phone go to the notes: %q", c.Notes)
			}
		}},
	}
	for _, tc := range cases {
		t.Run(tc.file, func(t *testing.T) {
			d := openBook(t)
			rep := mustImport(t, d, tc.file, Options{})
			if rep.Encoding != tc.enc || rep.Delimiter != tc.delim || rep.Created != tc.created {
				t.Fatalf("report %+v", rep)
			}
			tc.check(t, d, customers(t, d))
			before := dump(t, d)
			rep = mustImport(t, d, tc.file, Options{})
			if rep.Created != 0 || rep.Merged != 0 || rep.Unchanged != tc.created {
				t.Errorf("re-import: %+v", rep)
			}
			if dump(t, d) != before {
				t.Error("re-importing changed the book")
			}
		})
	}
	_ = ctx
}

func TestMultilineNotesAndLineNumbers(t *testing.T) {
	d := openBook(t)
	rep := mustImport(t, d, "multiline_notes.csv", Options{})
	// Alice's note spans lines 2–4, Bob is line 5, Carol (bad email) line 6:
	// her address is kept in the notes and the report warns about line 6.
	if rep.Created != 4 || len(rep.Rejected) != 0 || len(rep.Warnings) != 1 || rep.Warnings[0].Line != 6 || !strings.Contains(rep.Warnings[0].Reason, "email") {
		t.Fatalf("report %+v", rep)
	}
	if c := byName(t, customers(t, d), "Alice Smith"); c.Notes != "First line\nsecond line, with a comma\nthird line with \"quotes\"" {
		t.Errorf("multi-line note: %q", c.Notes)
	}
	if c := byName(t, customers(t, d), "Carol White"); c.Email != "" || c.Notes != "a note\nover two lines\nemail: not-an-email" {
		t.Errorf("a bad email is kept in the notes: %+v", c)
	}
	if c := byName(t, customers(t, d), "Dan Brown"); c.Email != "dan@example.com" {
		t.Errorf("row after the multi-line cells: %+v", c)
	}
}

// TestBadRows: odd values cost neither the row nor the file (each goes to
// the notes, or is cut, with a warning naming its line); only a row that
// names nobody is refused, and then nothing is imported without SkipBad.
func TestBadRows(t *testing.T) {
	d := openBook(t)
	rep, err := ImportCSV(context.Background(), d, fixture(t, "bad_rows.csv"), Options{Name: "bad_rows.csv"})
	if !errors.Is(err, ErrBadRows) {
		t.Fatalf("want ErrBadRows, got %v", err)
	}
	if len(rep.Rejected) != 1 || !strings.HasPrefix(rep.Rejected[0].String(), "line 9: name: is missing") {
		t.Fatalf("rejected %v", rep.Rejected)
	}
	want := []string{"line 4: email:", "line 5: name: 201 characters, cut to 200", "line 7: phone:", "line 8: name: NUL bytes removed"}
	if len(rep.Warnings) != len(want) {
		t.Fatalf("warnings %v", rep.Warnings)
	}
	for i, w := range want {
		if !strings.HasPrefix(rep.Warnings[i].String(), w) {
			t.Errorf("warnings[%d] = %q, want %q…", i, rep.Warnings[i], w)
		}
	}
	if count(t, d, "customers") != 0 || count(t, d, "change_batches") != 0 {
		t.Fatal("nothing may be written")
	}
	rep = mustImport(t, d, "bad_rows.csv", Options{SkipBad: true})
	if rep.Created != 7 {
		t.Fatalf("skip-bad: %+v", rep)
	}
	cs := customers(t, d)
	c := byName(t, cs, "Red Escape")
	if c.Company != "Acme" || strings.ContainsRune(c.Name+c.Company, 0x1b) {
		t.Errorf("escape sequences must be stripped as a form strips them: %+v", c)
	}
	if c := byName(t, cs, "nobody@example.com"); c.Email != "nobody@example.com" {
		t.Errorf("a row with only an email is named by it: %+v", c)
	}
	if c := byName(t, cs, "Bad Phone"); c.Phone != "" || c.Notes != "phone: call me maybe" {
		t.Errorf("a bad phone is kept in the notes: %+v", c)
	}
	byName(t, cs, "Nul Name")
	before := dump(t, d)
	rep, _ = ImportCSV(context.Background(), d, fixture(t, "bad_rows.csv"), Options{Name: "bad_rows.csv", SkipBad: true})
	if rep.Unchanged != 7 || dump(t, d) != before {
		t.Errorf("re-import with --skip-bad: %+v", rep)
	}
}

func TestDedupeAndPolicies(t *testing.T) {
	ctx := context.Background()
	d := openBook(t)
	if _, err := d.CreateCustomer(ctx, dbCustomer("Ada Lovelace", "", "ADA@example.com", ""), []string{"vip"}); err != nil {
		t.Fatal(err)
	}
	csv := "name,company,email,phone,tags\n" +
		"Ada L.,Analytical,ada@example.com,+44 20 7946 0018,math\n" + // same email (case-insensitive) as the book's Ada
		"Bob,Acme,,+86 138-0013-8000,\n" +
		"Robert,Acme,bob@acme.example,0086 138 0013 8000,sales\n" + // same phone, normalised, as line 3
		"Carol,Initech,,,\n" +
		"carol,INITECH,c@initech.example,,\n" // same name+company as line 5
	rep, err := ImportCSV(ctx, d, []byte(csv), Options{Name: "dupes.csv", DryRun: true})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Created != 2 || rep.Merged != 3 || rep.Written || count(t, d, "customers") != 1 {
		t.Fatalf("dry run: %+v", rep)
	}
	rep, err = ImportCSV(ctx, d, []byte(csv), Options{Name: "dupes.csv"})
	if err != nil || rep.Created != 2 || rep.Merged != 3 {
		t.Fatalf("merge: %+v %v", rep, err)
	}
	cs := customers(t, d)
	if len(cs) != 3 {
		t.Fatalf("customers %+v", cs)
	}
	if a := byName(t, cs, "Ada Lovelace"); a.Email != "ADA@example.com" || a.Company != "Analytical" || a.Phone != "+44 20 7946 0018" || a.Tags != "math,vip" {
		t.Errorf("merge fills empty fields and adds tags, keeping what was there: %+v", a)
	}
	if b := byName(t, cs, "Bob"); b.Email != "bob@acme.example" || b.Tags != "sales" {
		t.Errorf("within-file merge by phone: %+v", b)
	}
	if c := byName(t, cs, "Carol"); c.Email != "c@initech.example" {
		t.Errorf("within-file merge by name+company: %+v", c)
	}
	// One import is one undo batch: undo removes the new customers and the merge.
	if desc, err := d.Undo(ctx); err != nil || desc != "import dupes.csv" {
		t.Fatalf("undo: %q %v", desc, err)
	}
	cs = customers(t, d)
	if len(cs) != 1 || cs[0].Company != "" || cs[0].Tags != "vip" {
		t.Fatalf("after undo: %+v", cs)
	}
	if _, err := d.Redo(ctx); err != nil {
		t.Fatal(err)
	}
	if n := len(customers(t, d)); n != 3 {
		t.Fatalf("after redo: %d customers", n)
	}

	d2 := openBook(t)
	rep, _ = ImportCSV(ctx, d2, []byte(csv), Options{Name: "x", OnDuplicate: DupSkip})
	if rep.Created != 3 || rep.Skipped != 2 {
		t.Errorf("skip: %+v", rep)
	}
	d3 := openBook(t)
	rep, _ = ImportCSV(ctx, d3, []byte(csv), Options{Name: "x", OnDuplicate: DupCreate})
	if rep.Created != 5 || count(t, d3, "customers") != 5 {
		t.Errorf("create: %+v", rep)
	}
}

func TestMapAndHeaderErrors(t *testing.T) {
	ctx := context.Background()
	d := openBook(t)
	csv := "Kunde,Handy,Whatever\nAcme GmbH,+49 30 1234567,x\n"
	if _, err := ImportCSV(ctx, d, []byte(csv), Options{Name: "m.csv"}); err == nil || !strings.Contains(err.Error(), "--map") {
		t.Fatalf("no name column must say how to map one: %v", err)
	}
	rep, err := ImportCSV(ctx, d, []byte(csv), Options{Name: "m.csv", Maps: map[string]string{"kunde": "name", "Handy": "phone"}, KeepExtra: true})
	if err != nil {
		t.Fatal(err)
	}
	if c := byName(t, customers(t, d), "Acme GmbH"); c.Phone != "+49 30 1234567" || c.Notes != "Whatever: x" {
		t.Errorf("mapped: %+v %+v", c, rep)
	}
	if _, err := ImportCSV(ctx, d, []byte(csv), Options{Name: "m.csv", Maps: map[string]string{"Kunde": "nonsense"}}); err == nil {
		t.Error("an unknown field must be refused")
	}
	if _, err := ImportCSV(ctx, d, []byte(csv), Options{Name: "m.csv", Maps: map[string]string{"Nope": "name"}}); err == nil {
		t.Error("a column the file does not have must be refused")
	}
	if _, err := ImportCSV(ctx, d, []byte("PK\x03\x04junk"), Options{Name: "x.xlsx"}); err == nil || !strings.Contains(err.Error(), "xlsx") {
		t.Errorf("an xlsx must be refused with a hint: %v", err)
	}
	if _, err := ImportCSV(ctx, d, []byte("name\n\"broken,\nx\n"), Options{Name: "q.csv"}); err == nil || !strings.Contains(err.Error(), "line ") {
		t.Errorf("a broken quote must be reported by line: %v", err)
	}
	// Tab-delimited UTF-16 (Excel's "Unicode Text").
	u16 := []byte{0xFF, 0xFE}
	for _, r := range "Name\tEmail\r\nZhang Wei\tzw@example.cn\r\n" {
		u16 = append(u16, byte(r), byte(r>>8))
	}
	rep, err = ImportCSV(ctx, d, u16, Options{Name: "u.txt"})
	if err != nil || rep.Delimiter != "tab" || byName(t, customers(t, d), "Zhang Wei").Email != "zw@example.cn" {
		t.Errorf("UTF-16 tab text: %+v %v", rep, err)
	}
}
