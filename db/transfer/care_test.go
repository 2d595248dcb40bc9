package transfer

import (
	"bytes"
	"context"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model"
)

// careBook is a book with care dates of every kind: 王芳's own birthday
// without a year, her anniversary and two labelled dates (one once), and
// Acme's contact Jane with a birthday.
func careBook(t *testing.T, d *db.DB) {
	t.Helper()
	err := d.Write(context.Background(), "care", func(tx *db.Tx) error {
		wang := model.Customer{Name: "王芳", Email: "wang@example.cn"}
		id1, err := tx.CreateCustomer(&wang)
		if err != nil {
			return err
		}
		acme := model.Customer{Name: "Acme", Email: "sales@acme.example"}
		id2, err := tx.CreateCustomer(&acme)
		if err != nil {
			return err
		}
		jane, err := tx.CreateContact(&model.Contact{CustomerID: id2, Name: "Jane Doe", Role: "buyer", IsPrimary: true})
		if err != nil {
			return err
		}
		for _, f := range []func() error{
			func() error { return tx.SetCareDay(id1, 0, model.CareBirthday, "--05-12") },
			func() error { return tx.SetCareDay(id1, 0, model.CareAnniversary, "2019-06-01") },
			func() error { return tx.SetCareDay(id2, jane, model.CareBirthday, "1980-11-25") },
			func() error {
				_, err := tx.AddCareDate(&model.CareDate{CustomerID: id1, Kind: model.CareLabelled, Label: "contract renewal", Day: "2027-03-31"})
				return err
			},
			func() error {
				_, err := tx.AddCareDate(&model.CareDate{CustomerID: id1, Kind: model.CareLabelled, Label: "公司周年 | 庆典", Day: "--09-09", Yearly: true})
				return err
			},
		} {
			if err := f(); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// careDump lists a book's live care dates as "customer [contact] kind
// label day yearly", sorted, so two books compare by names, not ids.
func careDump(t *testing.T, d *db.DB) string {
	t.Helper()
	rows, err := d.Reader().QueryContext(context.Background(), `SELECT c.name, coalesce(ct.name, ''), cd.kind, cd.label, cd.day, cd.yearly
		FROM care_dates cd JOIN customers c ON c.id = cd.customer_id LEFT JOIN contacts ct ON ct.id = cd.contact_id WHERE cd.archived_at IS NULL`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var a, b, c, l, day string
		var y bool
		if err := rows.Scan(&a, &b, &c, &l, &day, &y); err != nil {
			t.Fatal(err)
		}
		out = append(out, strings.Join([]string{a, b, c, l, day}, "/")+map[bool]string{true: " yearly", false: " once"}[y])
	}
	sort.Strings(out)
	return strings.Join(out, "\n")
}

// TestCareCSVRoundTrip: the CSV export's birthday, anniversary, dates and
// contacts columns import back into a new book as the same care dates.
func TestCareCSVRoundTrip(t *testing.T) {
	ctx := context.Background()
	d := openBook(t)
	careBook(t, d)
	var buf bytes.Buffer
	if _, err := ExportCSV(ctx, d, &buf, false); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, w := range []string{"birthday,anniversary,dates", "--05-12,2019-06-01", "contract renewal | 2027-03-31 | once", "Jane Doe | buyer |  |  | 1980-11-25"} {
		if !strings.Contains(out, w) {
			t.Errorf("export lacks %q:\n%s", w, out)
		}
	}
	d2 := openAt(t, filepath.Join(t.TempDir(), "again.db"))
	if _, err := ImportCSV(ctx, d2, buf.Bytes(), Options{}); err != nil {
		t.Fatal(err)
	}
	want := careDump(t, d)
	if got := careDump(t, d2); got != want {
		t.Errorf("after the round trip:\n%s\nwant\n%s", got, want)
	}
	// The import is one undoable batch, care dates with it.
	if _, err := d2.Undo(ctx); err != nil {
		t.Fatal(err)
	}
	if got := careDump(t, d2); got != "" || count(t, d2, "customers") != 0 {
		t.Errorf("undo left %q", got)
	}
}

// TestCareCSVHeaders: 生日 and 纪念日, Birthday and Anniversary columns are
// read; a birthday that is not a date stays in the notes with a warning and
// the row still imports; a row with a contact gives the contact the birthday.
func TestCareCSVHeaders(t *testing.T) {
	ctx := context.Background()
	d := openBook(t)
	csvText := "姓名,公司,联系人,生日,纪念日\n王芳,,,1988年5月12日,2020-06-01\n李强,星海贸易,张伟,05-20,\n" +
		"\nName,Birthday,Anniversary\n"
	rep, err := ImportCSV(ctx, d, []byte(csvText[:strings.Index(csvText, "\n\n")+1]), Options{})
	if err != nil || rep.Created != 2 {
		t.Fatalf("import: %+v %v", rep, err)
	}
	en := "Name,Birthday,Anniversary\nBob,soon,--12-24\nAnn,1990-02-29,\n"
	rep, err = ImportCSV(ctx, d, []byte(en), Options{})
	if err != nil || rep.Created != 2 {
		t.Fatalf("import: %+v %v", rep, err)
	}
	warned := 0
	for _, w := range rep.Warnings {
		if strings.Contains(w.Reason, "birthday: \"soon\" is not a date") || strings.Contains(w.Reason, "\"1990-02-29\" is not a date") {
			warned++
		}
	}
	if warned != 2 {
		t.Errorf("warnings %+v", rep.Warnings)
	}
	got := careDump(t, d)
	want := strings.Join([]string{
		"Bob//anniversary//--12-24 yearly",
		"李强/张伟/birthday//--05-20 yearly",
		"王芳//anniversary//2020-06-01 yearly",
		"王芳//birthday//1988-05-12 yearly",
	}, "\n")
	if got != want {
		t.Errorf("care dates:\n%s\nwant\n%s", got, want)
	}
	if c := byName(t, customers(t, d), "Bob"); !strings.Contains(c.Notes, "Birthday: soon") {
		t.Errorf("the bad birthday is not in the notes: %q", c.Notes)
	}
}

// TestCareVCard: BDAY and ANNIVERSARY in vCard 2.1, 3.0 and 4.0 forms (and
// Apple's no-year 1604) are read; the export writes them back, with
// labelled dates as X-RAPPORT-DATE, and imports into the same dates.
func TestCareVCard(t *testing.T) {
	ctx := context.Background()
	d := openBook(t)
	cards := strings.Join([]string{
		"BEGIN:VCARD", "VERSION:2.1", "N:Wang;Fang", "FN:Wang Fang", "BDAY:19880512", "X-ANNIVERSARY:20150601", "END:VCARD",
		"BEGIN:VCARD", "VERSION:4.0", "FN:Li Qiang", "BDAY:--0520", "ANNIVERSARY:2018-09-09T00:00:00Z", "END:VCARD",
		"BEGIN:VCARD", "VERSION:3.0", "FN:Zhang Wei", "BDAY;X-APPLE-OMIT-YEAR=1604:1604-07-01", "END:VCARD",
		"BEGIN:VCARD", "VERSION:3.0", "FN:Jane Doe", "ORG:Acme", "TITLE:Buyer", "BDAY:1980-11-25", "END:VCARD",
		"BEGIN:VCARD", "VERSION:3.0", "FN:Bob", "BDAY:next tuesday", "END:VCARD",
	}, "\r\n") + "\r\n"
	rep, err := ImportVCard(ctx, d, []byte(cards), Options{})
	if err != nil || rep.Created != 5 {
		t.Fatalf("import %+v %v", rep, err)
	}
	want := strings.Join([]string{
		"Jane Doe/Jane Doe/birthday//1980-11-25 yearly",
		"Li Qiang//anniversary//2018-09-09 yearly",
		"Li Qiang//birthday//--05-20 yearly",
		"Wang Fang//anniversary//2015-06-01 yearly",
		"Wang Fang//birthday//1988-05-12 yearly",
		"Zhang Wei//birthday//--07-01 yearly",
	}, "\n")
	if got := careDump(t, d); got != want {
		t.Errorf("care dates:\n%s\nwant\n%s", got, want)
	}
	if c := byName(t, customers(t, d), "Bob"); !strings.Contains(c.Notes, "Birthday: next tuesday") {
		t.Errorf("the bad BDAY is not in the notes: %q", c.Notes)
	}

	src := openAt(t, filepath.Join(t.TempDir(), "src.db"))
	careBook(t, src)
	var buf bytes.Buffer
	if _, err := ExportVCard(ctx, src, &buf); err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"BDAY:--0512", "ANNIVERSARY:2019-06-01", "X-RAPPORT-DATE:2027-03-31;once;contract renewal", "BDAY:1980-11-25"} {
		if !strings.Contains(buf.String(), w) {
			t.Errorf("vCard export lacks %q:\n%s", w, buf.String())
		}
	}
	d2 := openAt(t, filepath.Join(t.TempDir(), "again.db"))
	if _, err := ImportVCard(ctx, d2, buf.Bytes(), Options{}); err != nil {
		t.Fatal(err)
	}
	// Contact cards are not imported (rapport's import makes customers of
	// cards): the customers' own dates come back whole.
	var own []string
	for _, l := range strings.Split(careDump(t, src), "\n") {
		if !strings.HasPrefix(l, "Acme/") {
			own = append(own, l)
		}
	}
	if got := careDump(t, d2); got != strings.Join(own, "\n") {
		t.Errorf("vCard round trip:\n%s\nwant\n%s", got, strings.Join(own, "\n"))
	}
}

// TestCareJSONRoundTrip: care dates, an edited holiday list and a new
// template come back exactly from the JSON export.
func TestCareJSONRoundTrip(t *testing.T) {
	ctx := context.Background()
	d := openBook(t)
	careBook(t, d)
	if err := d.Write(ctx, "lists", func(tx *db.Tx) error {
		if err := tx.RemoveHoliday("Christmas"); err != nil {
			return err
		}
		if _, err := tx.AddHoliday(&model.Holiday{Name: "腊八", Calendar: model.Lunar, Month: 12, Day: 8}); err != nil {
			return err
		}
		_, err := tx.AddTemplate(&model.Template{Name: "Renewal", Purpose: "other", Body: "Hi {contact},\nyour {deal} renews {due}."})
		return err
	}); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := ExportJSON(ctx, d, &buf); err != nil {
		t.Fatal(err)
	}
	d2 := openAt(t, filepath.Join(t.TempDir(), "restored.db"))
	if _, err := ImportJSON(ctx, d2, buf.Bytes()); err != nil {
		t.Fatal(err)
	}
	for _, table := range []string{"care_dates", "holidays", "templates"} {
		if a, b := dumpTable(t, d, table), dumpTable(t, d2, table); a != b {
			t.Errorf("%s differs after the restore:\n%s\nvs\n%s", table, a, b)
		}
	}
	hs, _ := d2.Holidays(ctx)
	if len(hs) != 8 {
		t.Errorf("restored holidays: %d, want 8 (one removed, one added)", len(hs))
	}
}
