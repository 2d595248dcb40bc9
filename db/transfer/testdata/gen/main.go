// Command gen writes the import fixtures that imitate files from other
// products (see ../README.md). Run from db/transfer: go run ./testdata/gen
package main

import (
	"bytes"
	"log"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
)

func main() {
	dir := "testdata"
	write := func(name string, b []byte) {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			log.Fatal(err)
		}
	}
	crlf := func(s string) []byte { return []byte(strings.ReplaceAll(s, "\n", "\r\n")) }
	gbk := func(s string) []byte {
		b, err := simplifiedchinese.GB18030.NewEncoder().Bytes(crlf(s))
		if err != nil {
			log.Fatal(err)
		}
		return b
	}
	write("thunderbird_zh_cn.gb18030.csv", gbk(thunderbirdZH))
	write("company_directory.gbk.csv", gbk(directory))
	write("salesforce_accounts.csv", crlf(sfAccounts))
	write("salesforce_opportunities.csv", crlf(sfOpportunities))
	write("crm_leads.csv", append([]byte("\xEF\xBB\xBF"), crlf(leads)...))
	write("outlook_en.csv", crlf(outlook))
	write("nextcloud_im.vcf", crlf(nextcloud))
	// An old Excel workbook: the OLE2 compound file signature, then a
	// header sector as Excel 97–2003 writes it.
	xls := append([]byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"), make([]byte, 16)...)
	xls = append(xls, 0x3E, 0x00, 0x03, 0x00, 0xFE, 0xFF, 0x09, 0x00, 0x06, 0x00)
	xls = append(xls, bytes.Repeat([]byte{0xFF, 0x00, 0x41, 0x12}, 500)...)
	write("old_excel.xls", xls)
	png := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82")
	write("screenshot.png", png)
	wecom(filepath.Join(dir, "wecom_members.xlsx"))
}

// Thunderbird's "Export… → CSV" in the zh-CN build, saved in the system
// code page. Line 5 has the malformed quoting Thunderbird writes for an
// address that contained quotes.
const thunderbirdZH = `名,姓,显示名称,昵称,主要电子邮件,次要电子邮件,屏幕名,工作电话,家庭电话,传真号码,寻呼机号码,移动电话号码,家庭地址,家庭地址 2,家庭所在城市,家庭所在省/市/自治区,家庭邮政编码,家庭所在国家/地区,工作地址,工作地址 2,工作所在城市,工作所在省/市/自治区,工作邮政编码,工作所在国家/地区,职位,部门,单位,网页 1,网页 2,出生年份,出生月份,出生日期,自定义 1,自定义 2,自定义 3,自定义 4,注释,
芳,王,王芳,,wangfang@xinghai.cn,,,,,,,13800138000,,,,,,,,,,,,,采购经理,,星海贸易,,,,,,,,,,老客户，面积约500㎡,
,,李强,,liqiang@yuanhang.com.cn,,,010-62345678,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,
,,张伟,,zhangwei@example.cn,,,8021,,,,13770672328(南)13911676175(北),,,,,,,,,,,,,,,,,,,,,,,,,,
,,高成良,,"""gaochengliang"@""ku.edu.cn",,,,,,,,,,,,,,,,,,,,,,某大学,,,,,,,,,,,
,,,,info@lianhe.cn,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,
,,陈静,,chenjing@a.cn;chen.jing@b.cn,cj@c.cn,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,
,,刘洋,小刘,liuyang@example.cn,,liuyang_qq,,,,,,北京市朝阳区,,北京,,,,,,,,,,,销售部,,,,1985,7,12,,,,,,
`

// A company phone list kept in Excel and saved as CSV: everyone's 电话 is
// the switchboard, with a 4-digit 分机; mobiles only for some.
const directory = `姓名,部门,职务,电话,分机,手机,邮箱
赵一,总经办,总经理,010-6500 1000,8001,13900000001,zhao1@huaxin.cn
钱二,总经办,助理,010-6500 1000,8002,,qian2@huaxin.cn
孙三,销售部,销售总监,010-6500 1000,8101,13900000003,sun3@huaxin.cn
李四,销售部,销售经理,010-6500 1000,8102,13900000004,
周五,销售部,销售代表,010-6500 1000,8103,,
吴六,财务部,财务经理,010-6500 1000,8201,13900000006,wu6@huaxin.cn
郑七,财务部,会计,010-6500 1000,8202,,zheng7@huaxin.cn
王八,技术部,工程师,010-6500 1000,8301,13900000008,
冯九,技术部,工程师,010-6500 1000,8302,,feng9@huaxin.cn
陈十,前台,前台,010-6500 1000,8000,,
`

// Salesforce Data Loader export of Account: API names in capitals, every
// cell quoted; five accounts share the org's default phone.
const sfAccounts = `"ID","ISDELETED","NAME","TYPE","BILLINGSTREET","BILLINGCITY","BILLINGSTATE","BILLINGPOSTALCODE","BILLINGCOUNTRY","PHONE","FAX","ACCOUNTNUMBER","WEBSITE","INDUSTRY","ANNUALREVENUE","NUMBEROFEMPLOYEES","RATING","OWNERID","CREATEDDATE"
"0015g00000A1aaaAAA","false","Edge Communications","Customer - Direct","312 Constitution Place","Austin","TX","","","(555) 555-1212","(512) 757-9000","CD451796","http://edgecomm.com","Electronics","139000000","1000","Hot","0055g000001XyzAAA","2021-03-01T10:00:00.000Z"
"0015g00000A1bbbAAA","false","Burlington Textiles Corp of America","Customer - Direct","525 S. Lexington Ave","Burlington","NC","27215","USA","(555) 555-1212","(336) 222-8000","CD656092","www.burlington.com","Apparel","350000000","9000","Warm","0055g000001XyzAAA","2021-03-01T10:00:00.000Z"
"0015g00000A1cccAAA","false","Pyramid Construction Inc.","Customer - Channel","2 Place Jussieu","Paris","","75251","France","(555) 555-1212","(014) 427-4428","CC213425","www.pyramid.com","Construction","950000000","2680","","0055g000001XyzAAA","2021-03-01T10:00:00.000Z"
"0015g00000A1dddAAA","false","Dickenson plc","Customer - Channel","1301 Hoch Drive","Lawrence","KS","66045","USA","(555) 555-1212","(785) 241-6299","CC634267","dickenson-consulting.com","Consulting","50000000","120","Cold","0055g000001XyzAAA","2021-03-01T10:00:00.000Z"
"0015g00000A1eeeAAA","false","Grand Hotels & Resorts Ltd","Customer - Direct","2334 N. Michigan Avenue, Suite 1500","Chicago","IL","60601","USA","(555) 555-1212","(312) 596-1230","CD439877","www.grandhotels.com","Hospitality","500000000","5600","Warm","0055g000001XyzAAA","2021-03-01T10:00:00.000Z"
"0015g00000A1fffAAA","false","United Oil & Gas Corp.","Customer - Direct","1301 Avenue of the Americas","New York","NY","10019","USA","(212) 842-5500","(212) 842-5501","CD355118","http://www.uos.com","Energy","5600000000","145000","Hot","0055g000001XyzAAA","2021-03-01T10:00:00.000Z"
"0015g00000A1gggAAA","false","Express Logistics and Transport","Customer - Channel","620 SW 5th Avenue Suite 400","Portland","OR","","USA","(503) 421-7800","(503) 421-7801","CC947211","www.expressl&t.net","Transportation","950000000","12300","Cold","0055g000001XyzAAA","2021-03-01T10:00:00.000Z"
`

// Salesforce Data Loader export of Opportunity for the accounts above,
// with the default stages, two of which rapport does not know by name.
const sfOpportunities = `"ID","ACCOUNTID","NAME","STAGENAME","AMOUNT","PROBABILITY","CLOSEDATE","TYPE","LEADSOURCE","ISCLOSED","ISWON","FORECASTCATEGORY"
"0065g00000B1aaaAAA","0015g00000A1aaaAAA","Edge Emergency Generator","Id. Decision Makers","35000","60","2027-02-15","New Customer","Web","false","false","Pipeline"
"0065g00000B1bbbAAA","0015g00000A1bbbAAA","Burlington Textiles Weaving Plant Generator","Closed Won","235000","100","2026-06-10","New Customer","Web","true","true","Closed"
"0065g00000B1cccAAA","0015g00000A1cccAAA","Pyramid Emergency Generators","Prospecting","100000","10","2027-01-20","","Phone Inquiry","false","false","Pipeline"
"0065g00000B1dddAAA","0015g00000A1dddAAA","Dickenson Mobile Generators","Value Proposition","15000","50","2027-03-01","New Customer","Purchased List","false","false","Pipeline"
"0065g00000B1eeeAAA","0015g00000A1eeeAAA","Grand Hotels Kitchen Generator","Closed Lost","15000","0","2026-05-02","Existing Customer - Upgrade","External Referral","true","false","Omitted"
"0065g00000B1fffAAA","0015g00000A1fffAAA","United Oil Refinery Generators","Negotiation/Review","270000","90","2027-01-31","New Customer","Partner","false","false","Commit"
"0065g00000B1gggAAA","0015g00000A1gggAAA","Express Logistics Portable Truck Generators","Perception Analysis","80000","70","2027-02-28","Existing Customer - Upgrade","Web","false","false","Pipeline"
`

// A CRM's leads export: Hot/Warm/Cold ratings, lead statuses, two emails
// in one cell, an extension alone in a phone column, a row with only an
// email.
const leads = `Lead Owner,First Name,Last Name,Title,Company,Email,Phone,Mobile,Lead Source,Lead Status,Rating,Industry,Street,City,Description
Sam Seller,Bertha,Boxer,Director of Vendor Relations,Farmers Coop. of Florida,bertha@fcof.net,(850) 644-4200 x204,,Web,Working - Contacted,Hot,Agriculture,321 Westcott Building,Tallahassee,Met at the expo
Sam Seller,Phyllis,Cotton,CFO,Abbott Insurance,pcotton@abbottins.net; phyllis.cotton@gmail.com,(703) 757-1000,,Seminar - Internal,Open - Not Contacted,Warm,Finance,1621 Cedar Lane,Reston,
Sam Seller,Jeff,Glimpse,SVP Procurement,Jackson Controls,jeffg@jackson.com,4021,+886 2 2378 9009,Phone Inquiry,Recycled,Lukewarm,Technology,,Taipei,asked for a call back
Sam Seller,,,,,mike@braund.example,,,Web,Closed - Converted,Cold,,,,
`

// Outlook's English CSV export: "Title" is the honorific, "Job Title"
// the role.
const outlook = `"Title","First Name","Middle Name","Last Name","Suffix","Company","Department","Job Title","Business Street","Business City","Business Postal Code","Business Phone","Business Phone 2","Mobile Phone","E-mail Address","E-mail Type","E-mail Display Name","E-mail 2 Address","Notes","Categories"
"Ms.","Ada","","Lovelace","","Analytical Engines Ltd","Research","Chief Mathematician","12 St James's Square","London","SW1Y 4JH","+44 20 7946 0018","","+44 7700 900123","ada@analytical.example","SMTP","Ada Lovelace (ada@analytical.example)","ada.l@home.example","Prefers letters","VIP;Research"
"Mr.","Charles","","Babbage","","Analytical Engines Ltd","","Inventor","","","","","","","charles@analytical.example","SMTP","","","",""
`

// A Nextcloud contact with several IM handles and a job title.
const nextcloud = `BEGIN:VCARD
VERSION:3.0
PRODID:-//Sabre//Sabre VObject 4.4.2//EN
UID:6d9a2b34-1c0e-4a57-9a33-0b4fe3e1c8a1
FN:Wang Lei
N:Wang;Lei;;;
ORG:Huaxin Trading
TITLE:Purchasing Manager
EMAIL;TYPE=WORK:wang.lei@huaxin.example
TEL;TYPE=CELL:+86 139 0000 0011
IMPP;X-SERVICE-TYPE=WeChat:x-apple:wx_wanglei
IMPP;X-SERVICE-TYPE=QQ:x-apple:10001
IMPP;X-SERVICE-TYPE=WhatsApp:x-apple:+8613900000011
IMPP;X-SERVICE-TYPE=Skype:skype:wang.lei.hx
X-SOCIALPROFILE;TYPE=twitter:https://twitter.com/wanglei
END:VCARD
`

// wecom writes a WeCom (企业微信) member-import template: eight rows of
// instructions above the header, the template's example row, then members
// whose mobile numbers are stored as numbers and birthdays as dates.
func wecom(path string) {
	f := excelize.NewFile()
	sh := "成员信息"
	f.SetSheetName("Sheet1", sh)
	notes := []string{
		"填写说明：",
		"1. 姓名、手机为必填项，账号不填时系统自动生成；",
		"2. 手机号需为11位中国大陆手机号，或带国际区号的号码；",
		"3. 部门请填写完整路径，如：总部/销售部；多个部门用分号隔开；",
		"4. 性别填写男或女；",
		"5. 座机请填写区号-号码-分机；",
		"6. 请勿修改表头，示例行导入时会忽略；",
		"7. 单次最多导入5000名成员。",
	}
	for i, n := range notes {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		f.SetCellValue(sh, cell, n)
	}
	f.MergeCell(sh, "A1", "K1")
	header := []any{"姓名", "别名", "账号", "职务", "部门", "性别", "手机", "座机", "个人邮箱", "地址", "生日"}
	f.SetSheetRow(sh, "A9", &header)
	day := func(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }
	rows := [][]any{
		{"张三（示例）", "Zhang San", "zhangsan", "产品经理", "总部/产品部", "男", 13800000000, "010-12345678", "zhangsan@example.com", "北京市海淀区", day(1990, 1, 1)},
		{"黄磊", "Leo", "huanglei", "销售总监", "总部/销售部", "男", 13912345678, "0755-86013388-8021", "huanglei@qq.com", "深圳市南山区", day(1985, 3, 5)},
		{"林晓", "", "linxiao", "客户经理", "总部/销售部", "女", 13698765432, "", "linxiao@163.com", "", day(1992, 11, 20)},
		{"何静", "Jing", "", "财务", "总部/财务部", "女", 8613511112222, "0755-86013388", "hejing@126.com", "深圳市福田区", ""},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, 10+i)
		f.SetSheetRow(sh, cell, &r)
	}
	ymd := "yyyy/m/d"
	st, _ := f.NewStyle(&excelize.Style{CustomNumFmt: &ymd})
	f.SetCellStyle(sh, "K10", "K13", st)
	f.NewSheet("部门列表")
	f.SetCellValue("部门列表", "A1", "部门")
	f.SetCellValue("部门列表", "A2", "总部/销售部")
	if err := f.SaveAs(path); err != nil {
		log.Fatal(err)
	}
}
