package transfer

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model"
)

// These tests import files built like the ones other products write (see
// testdata/README.md and testdata/gen): their headers, encodings and quirks.

func importFixture(t *testing.T, d *db.DB, name string, opt Options) *Report {
	t.Helper()
	opt.Name = name
	rep, err := ImportFile(context.Background(), d, filepath.Join("testdata", name), opt)
	if err != nil {
		t.Fatalf("%s: %v (report %+v)", name, err, rep)
	}
	return rep
}

func hasWarning(rep *Report, line int, part string) bool {
	for _, w := range rep.Warnings {
		if w.Line == line && strings.Contains(w.Reason, part) {
			return true
		}
	}
	return false
}

func contactOf(t *testing.T, d *db.DB, customer string) (name, role string) {
	t.Helper()
	d.Reader().QueryRow(`SELECT ct.name, ct.role FROM contacts ct JOIN customers c ON c.id = ct.customer_id WHERE c.name = ? AND ct.is_primary`, customer).Scan(&name, &role)
	return name, role
}

// TestThunderbirdChinese: a zh-CN Thunderbird export in GB18030 keeps every
// email and mobile, names rows by 显示名称 or their email, reads the
// malformed quote leniently, and keeps odd phone cells in the notes.
func TestThunderbirdChinese(t *testing.T) {
	d := openBook(t)
	rep := importFixture(t, d, "thunderbird_zh_cn.gb18030.csv", Options{})
	if rep.Encoding != EncGB18030 || rep.Created != 7 || len(rep.Rejected) != 0 {
		t.Fatalf("report %+v", rep)
	}
	cs := customers(t, d)
	withEmail := 0
	for _, c := range cs {
		if c.Email != "" {
			withEmail++
		}
	}
	if withEmail != 7 {
		t.Errorf("every row's email must land, got %d of 7", withEmail)
	}
	if c := byName(t, cs, "王芳"); c.Email != "wangfang@xinghai.cn" || c.Phone != "13800138000" || c.Company != "星海贸易" || !strings.Contains(c.Notes, "老客户，面积约500㎡") {
		t.Errorf("王芳: %+v", c)
	}
	if n, r := contactOf(t, d, "王芳"); n != "王芳" || r != "采购经理" {
		t.Errorf("职位 is kept as the person's role: %q %q", n, r)
	}
	if c := byName(t, cs, "李强"); c.Email != "liqiang@yuanhang.com.cn" || c.Phone != "010-62345678" {
		t.Errorf("a row named only in 显示名称: %+v", c)
	}
	c := byName(t, cs, "张伟")
	if c.Phone != "13770672328" || !strings.Contains(c.Notes, "移动电话号码: 13770672328(南)13911676175(北)") || !strings.Contains(c.Notes, "工作电话: 8021") {
		t.Errorf("two phones in one cell and an extension: %+v", c)
	}
	if !hasWarning(rep, 4, "holds 2 numbers") || !hasWarning(rep, 4, `"8021" is too short`) {
		t.Errorf("warnings name line 4: %v", rep.Warnings)
	}
	if c := byName(t, cs, "高成良"); c.Email != "gaochengliang@ku.edu.cn" || c.Company != "某大学" {
		t.Errorf("the malformed Thunderbird quote: %+v", c)
	}
	if !hasWarning(rep, 5, "quote is out of place") {
		t.Errorf("the lenient line is reported: %v", rep.Warnings)
	}
	byName(t, cs, "info@lianhe.cn")
	if c := byName(t, cs, "陈静"); c.Email != "chenjing@a.cn" || !strings.Contains(c.Notes, "chen.jing@b.cn") || !strings.Contains(c.Notes, "cj@c.cn") {
		t.Errorf("two emails in a cell and a second email column: %+v", c)
	}
	if c := byName(t, cs, "刘洋"); c.IM != "liuyang_qq" || !strings.Contains(c.Notes, "家庭地址: 北京市朝阳区") || !strings.Contains(c.Notes, "出生年份: 1985") || !strings.Contains(c.Notes, "部门: 销售部") {
		t.Errorf("刘洋: %+v", c)
	}
}

// TestWeComWorkbook: the .xlsx template's eight instruction rows and its
// example row are skipped; numbers read as digits, dates as dates.
func TestWeComWorkbook(t *testing.T) {
	d := openBook(t)
	rep := importFixture(t, d, "wecom_members.xlsx", Options{DryRun: true})
	if rep.Format != "xlsx" || rep.Sheet != "成员信息" || rep.HeaderLine != 9 || rep.Created != 3 || rep.Skipped != 1 || len(rep.Rejected) != 0 {
		t.Fatalf("dry run %+v", rep)
	}
	if it := rep.Items[0]; it.Line != 10 || it.Action != "skip" || !strings.Contains(it.Detail, "example") {
		t.Errorf("the example row: %+v", it)
	}
	if count(t, d, "customers") != 0 {
		t.Fatal("a dry run wrote")
	}
	importFixture(t, d, "wecom_members.xlsx", Options{})
	cs := customers(t, d)
	if len(cs) != 3 {
		t.Fatalf("customers %+v", cs)
	}
	c := byName(t, cs, "黄磊")
	// 生日 is a birthday now (issue 24), not a line of the notes.
	hl, _ := d.FindCustomer(context.Background(), "黄磊")
	if day, err := d.CareDay(context.Background(), hl.ID, 0, model.CareBirthday); day != "1985-03-05" || err != nil || strings.Contains(c.Notes, "生日") {
		t.Errorf("黄磊's birthday: %q %v; notes %q", day, err, c.Notes)
	}
	if c.Phone != "13912345678" || c.Email != "huanglei@qq.com" ||
		!strings.Contains(c.Notes, "座机: 0755-86013388-8021") || !strings.Contains(c.Notes, "职务: 销售总监") || !strings.Contains(c.Notes, "别名: Leo") {
		t.Errorf("黄磊: %+v", c)
	}
	if c := byName(t, cs, "何静"); c.Phone != "8613511112222" || c.Email != "hejing@126.com" {
		t.Errorf("a long number stays digits: %+v", c)
	}
	if _, err := ImportFile(context.Background(), d, filepath.Join("testdata", "wecom_members.xlsx"), Options{Sheet: "nope"}); err == nil || !strings.Contains(err.Error(), "成员信息, 部门列表") {
		t.Errorf("--sheet that does not exist: %v", err)
	}
}

// TestBinaryFilesRefused: a .xls, a PNG or other binary gets one clear line
// and nothing is written.
func TestBinaryFilesRefused(t *testing.T) {
	d := openBook(t)
	for file, want := range map[string]string{"old_excel.xls": "old Excel workbook (.xls", "screenshot.png": "PNG image"} {
		_, err := ImportFile(context.Background(), d, filepath.Join("testdata", file), Options{})
		if err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), ".xlsx") && file == "old_excel.xls" || strings.ContainsRune(err.Error(), '\uFFFD') {
			t.Errorf("%s: %v", file, err)
		}
	}
	if _, err := ImportCSV(context.Background(), d, []byte("\x00\x01\x02\x03binary\x00\x00\x00stuff\x05\x06"), Options{}); err == nil || !strings.Contains(err.Error(), "binary") {
		t.Errorf("binary bytes: %v", err)
	}
	if count(t, d, "change_batches") != 0 {
		t.Error("a refused file wrote")
	}
}

// TestSharedPhonesDoNotMerge: accounts sharing the org's phone, a
// directory with a switchboard, and rows with different emails stay
// apart; the merges that do happen name both lines.
func TestSharedPhonesDoNotMerge(t *testing.T) {
	d := openBook(t)
	rep := importFixture(t, d, "salesforce_accounts.csv", Options{})
	if rep.Created != 7 || rep.Merged != 0 || !hasWarning(rep, 2, "on 5 rows") {
		t.Fatalf("accounts %+v", rep)
	}
	d2 := openBook(t)
	rep = importFixture(t, d2, "company_directory.gbk.csv", Options{})
	if rep.Created != 10 || rep.Merged != 0 {
		t.Fatalf("directory %+v", rep)
	}
	if c := byName(t, customers(t, d2), "赵一"); c.Phone != "13900000001" || !strings.Contains(c.Notes, "电话: 010-6500 1000") || !strings.Contains(c.Notes, "分机: 8001") {
		t.Errorf("the mobile is the phone, the switchboard and extension are notes: %+v", c)
	}
	d3 := openBook(t)
	csv := "name,email,phone\nAnn,ann@a.example,+1 415 555 0100\nBen,ben@b.example,+1 415 555 0100\nCat,,+1 415 555 0199\nCathy,,+1 (415) 555-0199\n"
	rep, err := ImportCSV(context.Background(), d3, []byte(csv), Options{Name: "p.csv"})
	if err != nil || rep.Created != 3 || rep.Merged != 1 {
		t.Fatalf("different emails never merge: %+v %v", rep, err)
	}
	if len(rep.Items) != 1 || rep.Items[0].Line != 5 || rep.Items[0].Action != "merge" || !strings.Contains(rep.Items[0].Detail, "line 4 Cat") {
		t.Errorf("the import report names both lines of a merge: %+v", rep.Items)
	}
}

// TestOddValuesKeepTheRow: tier and status words, two emails in a cell, an
// extension alone, a row with only an email.
func TestOddValuesKeepTheRow(t *testing.T) {
	d := openBook(t)
	rep := importFixture(t, d, "crm_leads.csv", Options{})
	if rep.Created != 4 || len(rep.Rejected) != 0 {
		t.Fatalf("report %+v", rep)
	}
	cs := customers(t, d)
	if c := byName(t, cs, "Bertha Boxer"); c.Tier != "A" || c.Phone != "(850) 644-4200 x204" || c.Company != "Farmers Coop. of Florida" {
		t.Errorf("Hot is tier A: %+v", c)
	}
	if n, r := contactOf(t, d, "Bertha Boxer"); n != "Bertha Boxer" || r != "Director of Vendor Relations" {
		t.Errorf("the title is kept as the person's role: %q %q", n, r)
	}
	if c := byName(t, cs, "Phyllis Cotton"); c.Tier != "B" || c.Email != "pcotton@abbottins.net" || !strings.Contains(c.Notes, "Email: phyllis.cotton@gmail.com") {
		t.Errorf("Phyllis: %+v", c)
	}
	c := byName(t, cs, "Jeff Glimpse")
	if c.Phone != "+886 2 2378 9009" || !strings.Contains(c.Notes, "Phone: 4021") || !strings.Contains(c.Notes, "Rating: Lukewarm") || !strings.Contains(c.Notes, "Lead Status: Recycled") {
		t.Errorf("Jeff: %+v", c)
	}
	for _, w := range []string{`"4021" is too short`, `"Lukewarm" is not a tier`, `"Recycled" is not a lifecycle`} {
		if !hasWarning(rep, 4, w) {
			t.Errorf("no warning %q on line 4: %v", w, rep.Warnings)
		}
	}
	byName(t, cs, "mike@braund.example")
	var owner ColumnUse
	for _, u := range rep.Columns {
		if u.Header == "Lead Owner" {
			owner = u
		}
	}
	if owner.Field != "" || owner.Values != 4 {
		t.Errorf("a column not imported is listed with its count: %+v", rep.Columns)
	}
}

// TestOutlookAndNextcloudKeepRolesAndHandles: Outlook's honorific Title
// and Job Title, every vCard IM handle and TITLE.
func TestOutlookAndNextcloudKeepRolesAndHandles(t *testing.T) {
	d := openBook(t)
	importFixture(t, d, "outlook_en.csv", Options{})
	c := byName(t, customers(t, d), "Ada Lovelace")
	if c.Email != "ada@analytical.example" || c.Phone != "+44 7700 900123" || !strings.Contains(c.Notes, "Title: Ms.") ||
		!strings.Contains(c.Notes, "Department: Research") || !strings.Contains(c.Notes, "Business Phone: +44 20 7946 0018") || c.Tags != "Research,VIP" {
		t.Errorf("Ada: %+v", c)
	}
	if n, r := contactOf(t, d, "Ada Lovelace"); n != "Ada Lovelace" || r != "Chief Mathematician" {
		t.Errorf("Job Title: %q %q", n, r)
	}
	d2 := openBook(t)
	rep, err := ImportVCard(context.Background(), d2, fixture(t, "nextcloud_im.vcf"), Options{Name: "n.vcf"})
	if err != nil || rep.Created != 1 {
		t.Fatalf("%+v %v", rep, err)
	}
	c = byName(t, customers(t, d2), "Wang Lei")
	if c.IM != "wx_wanglei" || !strings.Contains(c.Notes, "IM (qq): 10001") || !strings.Contains(c.Notes, "IM (whatsapp): +8613900000011") || !strings.Contains(c.Notes, "IM (skype): wang.lei.hx") {
		t.Errorf("every IM handle is kept: %+v", c)
	}
	if n, r := contactOf(t, d2, "Wang Lei"); n != "Wang Lei" || r != "Purchasing Manager" {
		t.Errorf("TITLE: %q %q", n, r)
	}
}

// TestSalesforceDeals: STAGENAME, AMOUNT, CLOSEDATE and ACCOUNTID are read
// without --map; unknown stages are mapped and listed; --map-stage
// corrects one.
func TestSalesforceDeals(t *testing.T) {
	ctx := context.Background()
	d := openBook(t)
	importFixture(t, d, "salesforce_accounts.csv", Options{})
	rep := importFixture(t, d, "salesforce_opportunities.csv", Options{Kind: KindDeals, DryRun: true})
	if rep.Created != 7 || len(rep.Rejected) != 0 {
		t.Fatalf("dry run %+v", rep)
	}
	stages := strings.Join(rep.Stages, "\n")
	for _, want := range []string{"Value Proposition → Qualified", "Id. Decision Makers → Qualified", "Perception Analysis → Proposal", "Closed Won → Won"} {
		if !strings.Contains(stages, want) {
			t.Errorf("stage mapping %q missing:\n%s", want, stages)
		}
	}
	rep = importFixture(t, d, "salesforce_opportunities.csv", Options{Kind: KindDeals, MapStages: map[string]string{"Value Proposition": "Proposal"}})
	if rep.Created != 7 || !rep.Written {
		t.Fatalf("import %+v", rep)
	}
	q := func(title string) (stage, status, expected string, value int64, customer string) {
		d.Reader().QueryRow(`SELECT s.name, dl.status, coalesce(dl.expected_close, ''), dl.value_minor, c.name FROM deals dl JOIN stages s ON s.id = dl.stage_id
			JOIN customers c ON c.id = dl.customer_id WHERE dl.title = ?`, title).Scan(&stage, &status, &expected, &value, &customer)
		return
	}
	if st, _, _, _, cu := q("Dickenson Mobile Generators"); st != "Proposal" || cu != "Dickenson plc" {
		t.Errorf("--map-stage: %s %s", st, cu)
	}
	if st, status, exp, v, cu := q("Edge Emergency Generator"); st != "Qualified" || status != "open" || exp != "2027-02-15" || v != 3500000 || cu != "Edge Communications" {
		t.Errorf("open deal: %s %s %q %d %s", st, status, exp, v, cu)
	}
	if _, status, _, _, _ := q("Burlington Textiles Weaving Plant Generator"); status != "won" {
		t.Errorf("Closed Won: %s", status)
	}
	// A stage no table knows goes by the row's probability.
	all, _ := d.Stages(ctx)
	csv := "account,deal,stage,probability\nEdge Communications,Odd one,Technical Review,40\n"
	rep, err := ImportCSV(ctx, d, []byte(csv), Options{Name: "x.csv", Kind: KindDeals, DryRun: true})
	if err != nil || len(rep.Stages) != 1 || !strings.Contains(rep.Stages[0], "by probability 40%") {
		t.Fatalf("by probability: %+v %v (stages %+v)", rep, err, all)
	}
	if _, err := ImportCSV(ctx, d, []byte(csv), Options{Name: "x.csv", Kind: KindDeals, MapStages: map[string]string{"Technical Review": "Nope"}}); err == nil || !strings.Contains(err.Error(), "no stage") {
		t.Errorf("--map-stage to a stage that does not exist: %v", err)
	}
}

// TestCSVRoundTripRestoresTheBook: export csv then import csv into a new
// book keeps tier pins, a company equal to the name, and contact people.
func TestCSVRoundTripRestoresTheBook(t *testing.T) {
	ctx := context.Background()
	d := openBook(t)
	pinned := dbCustomer("Acme", "Acme", "info@acme.example", "")
	pinned.Tier, pinned.TierPinned = "A", true
	if _, err := d.CreateCustomer(ctx, pinned, nil); err != nil {
		t.Fatal(err)
	}
	free := dbCustomer("Bo Chen", "Initech", "bo@initech.example", "")
	free.Tier = "B"
	id, err := d.CreateCustomer(ctx, free, []string{"vip"})
	if err != nil {
		t.Fatal(err)
	}
	mustImport(t, d, "gbk_excel_chinese.csv", Options{})
	if err := d.Write(ctx, "contacts", func(tx *db.Tx) error {
		for _, c := range []struct {
			name, role string
			primary    bool
		}{{"Li Na", "buyer", true}, {"Wu Gang", "CFO", false}} {
			ct := modelContact(id, c.name, c.role, c.primary)
			if _, err := tx.CreateContact(&ct); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	var buf strings.Builder
	if _, err := ExportCSV(ctx, d, &buf, true); err != nil {
		t.Fatal(err)
	}
	d2 := openBook(t)
	rep, err := ImportCSV(ctx, d2, []byte(buf.String()), Options{Name: "export.csv"})
	if err != nil || len(rep.Warnings) != 0 {
		t.Fatalf("%+v %v", rep, err)
	}
	state := func(d *db.DB) string {
		return dumpQuery(t, d, `SELECT c.name, c.company, c.tier, c.tier_pinned, c.email, c.phone, c.notes,
			coalesce((SELECT group_concat(name || '/' || role || '/' || is_primary, ';') FROM (SELECT * FROM contacts WHERE customer_id = c.id ORDER BY is_primary DESC, id)), '')
			FROM customers c ORDER BY c.id`)
	}
	if a, b := state(d), state(d2); a != b {
		t.Errorf("round trip differs:\n%s\nvs\n%s", a, b)
	}
}

// TestDryRunReportsWithoutWriting is the error policy kept: one refused
// row and no --skip-bad write nothing; the dry run gives the same counts.
func TestDryRunMatchesImport(t *testing.T) {
	d := openBook(t)
	csv := "name,email\nA,a@x.example\n,\nB,b@x.example\n,,\n"
	dry, err := ImportCSV(context.Background(), d, []byte(csv), Options{Name: "a.csv", DryRun: true})
	if err != nil {
		t.Fatal(err)
	}
	real, err := ImportCSV(context.Background(), d, []byte(csv), Options{Name: "a.csv"})
	if err != nil || dry.Created != real.Created || real.Created != 2 {
		t.Fatalf("dry %+v real %+v %v", dry, real, err)
	}
	_, err = ImportCSV(context.Background(), openBook(t), []byte("name,phone\nA,1\n,call me\n"), Options{Name: "b.csv"})
	if !errors.Is(err, ErrBadRows) {
		t.Errorf("a row naming nobody refuses the file: %v", err)
	}
}

func modelContact(customerID int64, name, role string, primary bool) model.Contact {
	return model.Contact{CustomerID: customerID, Name: name, Role: role, IsPrimary: primary}
}

// dumpQuery renders a query's rows as text.
func dumpQuery(t *testing.T, d *db.DB, q string) string {
	t.Helper()
	rows, err := d.Reader().Query(q)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	var b strings.Builder
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		for _, v := range vals {
			if bs, ok := v.([]byte); ok {
				v = string(bs)
			}
			b.WriteString(strings.ReplaceAll(fmt.Sprint(v), "\n", `\n`) + "|")
		}
		b.WriteString("\n")
	}
	return b.String()
}

// TestImportProgress: an import reports reading (bytes of the file) and
// writing (customers), ending each phase at its total.
func TestImportProgress(t *testing.T) {
	path := filepath.Join(t.TempDir(), "c.csv")
	rows := writeRealisticCSV(t, path, 5000, 0)
	var got []Progress
	d := openBook(t)
	rep, err := ImportFile(context.Background(), d, path, Options{Name: "c.csv", Progress: func(p Progress) { got = append(got, p) }})
	if err != nil || rep.Created != rows {
		t.Fatalf("%+v %v", rep, err)
	}
	var lastRead, lastWrite Progress
	reads := 0
	for _, p := range got {
		switch p.Phase {
		case PhaseRead:
			reads++
			lastRead = p
		case PhaseWrite:
			lastWrite = p
		}
	}
	st, _ := os.Stat(path)
	if reads < 2 || lastRead.Rows != rows || lastRead.Total != st.Size() || lastRead.Done != st.Size() {
		t.Errorf("read progress: %d calls, last %+v (file %d bytes)", reads, lastRead, st.Size())
	}
	if lastWrite.Done != lastWrite.Total || lastWrite.Rows != rows {
		t.Errorf("write progress: last %+v", lastWrite)
	}
}

// TestBulkImportUndoRedo: a bulk import (tags and contact people on every
// row, merges inside the file) is one batch: undo removes all of it, redo
// puts back the same rows.
func TestBulkImportUndoRedo(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "c.csv")
	rows := writeRealisticCSV(t, path, 1500, 0)
	f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	// Line 1502 repeats line 2's email: a merge into a customer the file created.
	f.WriteString("Wei0,Zhang,,,,,user0@example0.com,,,,,,,,,,,,,,Extra note,,,,,,,,,,,,,,,,,,,,,,,\r\n")
	f.Close()
	d := openBook(t)
	rep, err := ImportFile(ctx, d, path, Options{Name: "c.csv"})
	if err != nil || rep.Created != rows || rep.Merged != 1 {
		t.Fatalf("%+v %v", rep, err)
	}
	if c := customers(t, d)[0]; c.Notes == "" || !strings.Contains(c.Tags, "Customers") {
		t.Errorf("first customer: %+v", c)
	}
	state := func() string {
		return dumpTable(t, d, "customers") + dumpTable(t, d, "contacts") + dumpTable(t, d, "customer_tags") + dumpTable(t, d, "tags")
	}
	before := state()
	if n := count(t, d, "contacts"); n != rows {
		t.Errorf("contacts %d, want %d", n, rows)
	}
	if n := count(t, d, "change_batches"); n != 1 {
		t.Errorf("one batch, got %d", n)
	}
	if _, err := d.Undo(ctx); err != nil {
		t.Fatal(err)
	}
	if count(t, d, "customers")+count(t, d, "contacts")+count(t, d, "customer_tags") != 0 {
		t.Fatal("undo left part of the import")
	}
	if _, err := d.Redo(ctx); err != nil {
		t.Fatal(err)
	}
	if after := state(); after != before {
		t.Error("redo did not restore the same rows")
	}
}

// TestOddFileShapes: Excel's "sep=;" line, old Mac Excel's CR-only lines,
// and Excel's "Unicode text" (UTF-16 with tabs) keep their line numbers.
func TestOddFileShapes(t *testing.T) {
	utf16 := []byte{0xFF, 0xFE}
	for _, r := range "Name\tEmail\r\n王芳\twang@x.cn\r\nBo\tbo@\r\n" {
		utf16 = append(utf16, byte(r), byte(r>>8))
	}
	for name, raw := range map[string][]byte{
		"sep":   []byte("sep=;\r\nName;Email\r\n王芳;wang@x.cn\r\nBo;bo@\r\n"),
		"cr":    []byte("Name,Email\r王芳,wang@x.cn\rBo,bo@\r"),
		"utf16": utf16,
	} {
		rep, err := ImportCSV(context.Background(), openBook(t), raw, Options{Name: name, DryRun: true})
		if err != nil || rep.Created != 2 || len(rep.Warnings) != 1 {
			t.Errorf("%s: %+v %v", name, rep, err)
			continue
		}
		want := 3
		if name == "sep" {
			want = 4
		}
		if rep.Warnings[0].Line != want || rep.Items[0].Name != "王芳" {
			t.Errorf("%s: warning %v, items %+v", name, rep.Warnings, rep.Items)
		}
	}
}

// TestValuesInCells: the phones and emails found in cells that hold more
// than one value, or one with its label.
func TestValuesInCells(t *testing.T) {
	for in, want := range map[string]string{
		"13770672328(南)13911676175(北)":         "13770672328|13911676175",
		"010-6500 1000 转 8001":                 "010-6500 1000",
		"(850) 644-4200 x204 / 139 1111 2222":  "(850) 644-4200 x204|139 1111 2222",
		"8021":                                 "",
		"office: +49 30 1234567, mobile: none": "+49 30 1234567",
	} {
		if got := strings.Join(phonesIn(in), "|"); got != want {
			t.Errorf("phonesIn(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{
		`"gaochengliang"@"ku.edu.cn`:        "gaochengliang@ku.edu.cn",
		"a@x.cn; b@y.cn":                    "a@x.cn|b@y.cn",
		"Wang Fang <wang@x.cn>":             "wang@x.cn",
		"mailto:li@x.cn":                    "li@x.cn",
		"not an address, and neither is @x": "",
	} {
		if got := strings.Join(emailsIn(in), "|"); got != want {
			t.Errorf("emailsIn(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestWorkbookWithInstructionSheet: when the first sheet is a template's
// instructions, the sheet with the customers is read, and says so.
func TestWorkbookWithInstructionSheet(t *testing.T) {
	f := excelize.NewFile()
	f.SetSheetName("Sheet1", "填写说明")
	f.SetCellValue("填写说明", "A1", "1. 客户名称必填")
	f.SetCellValue("填写说明", "A2", "2. 手机号请填写11位")
	f.NewSheet("客户")
	f.SetSheetRow("客户", "A1", &[]any{"客户名称", "联系人", "手机", "邮箱", "合作日期"})
	f.SetSheetRow("客户", "A2", &[]any{"上海星海贸易有限公司", "王芳", 13800138000, "wang@xinghai.cn", time.Date(2023, 4, 1, 0, 0, 0, 0, time.UTC)})
	path := filepath.Join(t.TempDir(), "kehu.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	d := openBook(t)
	rep, err := ImportFile(context.Background(), d, path, Options{Name: "kehu.xlsx"})
	if err != nil || rep.Sheet != "客户" || rep.Created != 1 {
		t.Fatalf("%+v %v", rep, err)
	}
	c := byName(t, customers(t, d), "上海星海贸易有限公司")
	if c.Phone != "13800138000" || c.Email != "wang@xinghai.cn" || c.Notes != "" {
		t.Errorf("%+v", c)
	}
	if n, _ := contactOf(t, d, "上海星海贸易有限公司"); n != "王芳" {
		t.Errorf("联系人: %q", n)
	}
	var kept bool
	for _, u := range rep.Columns {
		if u.Header == "合作日期" && u.Field == "" && u.Values == 1 {
			kept = true
		}
	}
	if !kept {
		t.Errorf("an unknown column is listed as not imported: %+v", rep.Columns)
	}
}

// TestAccountNameOfAPerson: in a contacts export (Zoho, Salesforce
// reports) "Account Name" is the person's company; alone it is the name.
func TestAccountNameOfAPerson(t *testing.T) {
	d := openBook(t)
	if _, err := ImportCSV(context.Background(), d, []byte("First Name,Last Name,Account Name,Email\nAda,Lovelace,Analytical Engines,ada@x.example\n"), Options{Name: "z.csv"}); err != nil {
		t.Fatal(err)
	}
	if c := byName(t, customers(t, d), "Ada Lovelace"); c.Company != "Analytical Engines" {
		t.Errorf("%+v", c)
	}
	d2 := openBook(t)
	if _, err := ImportCSV(context.Background(), d2, []byte("Account Name,Phone\nEdge Communications,(512) 757-6000\n"), Options{Name: "a.csv"}); err != nil {
		t.Fatal(err)
	}
	byName(t, customers(t, d2), "Edge Communications")
}
