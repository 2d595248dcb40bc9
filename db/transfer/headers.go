package transfer

import (
	"sort"
	"strings"
	"unicode"

	"github.com/rapportcrm/rapport/model/i18n"
)

// Field is what a CSV column holds, in rapport's words.
type Field string

// Fields a column can map to. Several columns may map to the same field
// (Google's "Phone 1 - Value" … "Phone 7 - Value"): the first usable value
// wins and the rest are kept in the notes.
const (
	FName      Field = "name"
	FFirst     Field = "first name"
	FMiddle    Field = "middle name"
	FLast      Field = "last name"
	FCompany   Field = "company"
	FEmail     Field = "email"
	FPhone     Field = "phone"
	FIM        Field = "im"
	FTags      Field = "tags"
	FTier      Field = "tier"
	FNotes     Field = "notes"
	FIndustry  Field = "industry"
	FSource    Field = "source"
	FLifecycle Field = "lifecycle"
	FChurn     Field = "churn reason"
	FCadence   Field = "cadence"
	FContact   Field = "contact"
	FRole      Field = "role"
	FDeleted   Field = "deleted"
	FIgnore    Field = "ignore"
	// FKeep columns are kept in the notes as "Header: value" (address,
	// birthday, department, web page …): rapport has no field for them.
	FKeep Field = "keep"
	// FPinned says whether the tier was set by hand (rapport's export).
	FPinned Field = "tier pinned"
	// FContacts holds contact people, one a line (rapport's export).
	FContacts Field = "contacts"
	// FBirthday is the birthday of the row's person: its contact's when the
	// row names one, else the customer's own (a person).
	FBirthday Field = "birthday"
	// FAnniversary is the customer's anniversary with us.
	FAnniversary Field = "anniversary"
	// FDates holds labelled care dates, one a line (rapport's export).
	FDates Field = "dates"
	// FSourceID is another system's id for the row (Salesforce's Id): kept
	// in the notes and used to find the customer of history rows.
	FSourceID Field = "source id"

	// History columns (--kind interactions|followups|orders|deals).
	FCustomer  Field = "customer"
	FDate      Field = "date"
	FSummary   Field = "summary"
	FKind      Field = "kind"
	FDirection Field = "direction"
	FOutcome   Field = "outcome"
	FBody      Field = "body"
	FTitle     Field = "title"
	FDue       Field = "due"
	FTime      Field = "time"
	FAmount    Field = "amount"
	FCurrency  Field = "currency"
	FNote      Field = "note"
	FValue     Field = "value"
	FStage     Field = "stage"
	FCreated   Field = "created"
	FEngaged   Field = "engaged"
	FClosed    Field = "closed"
	FExpected  Field = "expected close"
	FLost      Field = "lost reason"
	FProduct   Field = "product"
	FScore     Field = "score"
	FProb      Field = "probability"
)

// headerKey reduces a header cell to a lookup key: lower case, without
// spaces, punctuation, quotes and a leading '*' (HubSpot marks required
// columns), so "E-mail 1 - Value", "e_mail1value" and "EMAIL 1 VALUE" meet.
func headerKey(h string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(strings.TrimSpace(h)) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// bareKey is headerKey without bracketed remarks and required-markers:
// "姓名（必填）", "Email (required)", "手机号码*" → 姓名, email, 手机号码.
func bareKey(h string) string {
	var b strings.Builder
	depth := 0
	for _, r := range h {
		switch r {
		case '(', '（', '[', '【', '<', '《':
			depth++
			continue
		case ')', '）', ']', '】', '>', '》':
			if depth > 0 {
				depth--
			}
			continue
		}
		if depth == 0 {
			b.WriteRune(r)
		}
	}
	k := headerKey(b.String())
	for _, suffix := range []string{"必填", "选填", "可选", "required", "optional"} {
		if t := strings.TrimSuffix(k, suffix); t != "" {
			k = t
		}
	}
	return k
}

// lookupHeader finds a header's field: by its key, then without remarks.
func lookupHeader(names map[string]Field, h string) (Field, bool) {
	if f, ok := names[headerKey(h)]; ok {
		return f, true
	}
	if k := bareKey(h); k != "" {
		f, ok := names[k]
		return f, ok
	}
	return "", false
}

// customerHeaders maps header keys to customer fields, in English, Chinese
// and the German of Outlook's localized export.
func customerHeaders() map[string]Field {
	m := map[string]Field{}
	add := func(f Field, names ...string) {
		for _, n := range names {
			m[headerKey(n)] = f
		}
	}
	add(FName, "name", "full name", "fullname", "display name", "customer", "customer name", "client", "client name",
		"contact name", "account name", "person name", "person - name", "姓名", "客户名称", "客户", "名称", "客户姓名", "名字", "全名", "客户全称", "显示名称", "联系人姓名", "账户名称")
	add(FFirst, "first name", "firstname", "given name", "first", "forename", "vorname", "名")
	add(FMiddle, "middle name", "additional name", "weitere vornamen", "中间名")
	add(FLast, "last name", "lastname", "family name", "surname", "last", "nachname", "姓", "姓氏")
	add(FCompany, "company", "company name", "organization", "organisation", "organization name", "organisation name",
		"organization 1 - name", "org", "account", "employer", "firma", "unternehmen", "business name",
		"organization - name", "person - organization", "company name (account)",
		"公司", "单位", "公司名称", "企业名称", "单位名称", "企业", "所属公司", "企业简称", "公司简称", "客户公司", "工作单位")
	add(FEmail, "email", "e-mail", "email address", "e-mail address", "mail", "email 1 - value", "e-mail 1 - value",
		"email 2 - value", "e-mail 2 - value", "e-mail 3 - value", "e-mail 4 - value", "work email", "home email",
		"other email", "personal email", "primary email", "secondary email", "e-mail 2 address", "e-mail 3 address",
		"email1", "email2", "person - email", "person - email - work", "person - email - home", "e-mail-adresse", "e-mail 2: adresse", "e-mail 3: adresse",
		"邮箱", "电子邮箱", "电子邮件", "邮件", "邮箱地址", "email地址", "个人邮箱", "企业邮箱", "工作邮箱", "主要电子邮件", "次要电子邮件",
		"电子邮件地址", "邮件地址", "e-mail地址")
	add(FPhone, "phone", "phone number", "mobile", "mobile phone", "mobile number", "cell", "cell phone", "telephone", "tel",
		"work phone", "home phone", "business phone", "business phone 2", "home phone 2", "other phone", "primary phone", "main phone",
		"company main phone", "mobilephone", "mobile phone number", "phone number (mobile)", "person - phone", "person - phone - work",
		"person - phone - mobile", "person - phone - home", "phone 1 - value", "phone 2 - value", "phone 3 - value", "phone 4 - value", "phone 5 - value",
		"phone 6 - value", "phone 7 - value", "mobiltelefon", "mobiltelefon 2", "telefon", "telefon geschäftlich", "telefon geschäftlich 2",
		"telefon (privat)", "telefon (privat 2)", "haupttelefon", "telefon firma", "weiteres telefon", "autotelefon",
		"电话", "手机", "手机号", "手机号码", "电话号码", "联系电话", "联系方式", "固话", "座机", "移动电话", "移动电话号码", "工作电话",
		"办公电话", "家庭电话", "单位电话", "公司电话", "联系手机", "手机号码1", "手机号码2", "其他电话", "住宅电话")
	add(FIM, "im", "wechat", "weixin", "qq", "skype", "skype id", "slack", "whatsapp", "telegram", "line", "im address", "screen name",
		"im handle", "微信", "微信号", "qq号", "网名", "屏幕名", "钉钉", "即时通讯")
	add(FTags, "tags", "tag", "labels", "label", "categories", "category", "group membership", "groups", "kategorien",
		"标签", "分组", "客户标签", "客户分组", "客户分类", "客户类别", "person - label", "organization - label")
	add(FTier, "tier", "level", "grade", "rating", "customer tier", "priority", "等级", "客户等级", "级别", "客户级别", "客户分级", "重要程度")
	add(FPinned, "tier pinned", "tierpinned")
	add(FNotes, "notes", "note", "comments", "comment", "description", "remarks", "notizen", "备注", "需求", "说明", "描述", "注释", "备注信息")
	add(FIndustry, "industry", "sector", "行业", "所属行业", "类型", "客户类型")
	add(FSource, "source", "lead source", "leadsource", "来源", "客户来源", "线索来源", "渠道")
	add(FLifecycle, "lifecycle", "lifecycle stage", "status", "customer status", "lead status", "客户状态", "状态", "阶段")
	add(FChurn, "churn reason", "流失原因")
	add(FCadence, "cadence", "cadence days", "联系周期")
	add(FContact, "联系人", "contact", "contact person", "primary contact", "ansprechpartner")
	add(FContacts, "contacts")
	add(FRole, "title", "job title", "jobtitle", "position", "organization title", "organization 1 - title", "role", "person - job title",
		"职位", "职务", "岗位", "头衔", "position title")
	add(FKeep, "extension", "ext", "分机", "分机号", "department", "organization 1 - department", "abteilung", "部门", "所属部门",
		"nickname", "昵称", "别名", "alias", "gender", "性别",
		"birth year", "birth month", "birth day", "出生年份", "出生月份",
		"address", "street", "city", "state", "zip", "zip code", "postal code", "country", "region", "province",
		"home address", "home address 2", "home city", "home state", "home zipcode", "home country",
		"work address", "work address 2", "work city", "work state", "work zipcode", "work country",
		"business street", "business city", "business state", "business postal code", "business country/region",
		"billing street", "billing city", "billing state", "billing postal code", "billing country",
		"mailing street", "mailing city", "mailing state", "mailing postal code", "mailing country",
		"address 1 - formatted", "address 1 - street", "address 1 - city", "address 1 - region", "address 1 - postal code", "address 1 - country",
		"地址", "详细地址", "联系地址", "公司地址", "家庭地址", "工作地址", "省份", "城市", "区域", "所在地区", "邮编", "邮政编码", "国家",
		"家庭地址 2", "家庭所在城市", "家庭所在省/市/自治区", "家庭邮政编码", "家庭所在国家/地区",
		"工作地址 2", "工作所在城市", "工作所在省/市/自治区", "工作邮政编码", "工作所在国家/地区",
		"website", "website 1 - value", "website 2 - value", "web page", "web page 1", "web page 2", "url",
		"organization department", "street address", "state/region", "country/region", "postal code (zip)", "twitter", "facebook",
		"straße geschäftlich", "ort geschäftlich", "postleitzahl geschäftlich", "land/region geschäftlich", "bundesland/kanton geschäftlich",
		"straße privat", "ort privat", "postleitzahl privat", "land/region privat", "bundesland/kanton privat", "webseite",
		"fax geschäftlich", "fax privat", "spitzname", "geschlecht",
		"mailing zip", "mailing country", "billing zip", "billing country", "mailing state/province", "billing state/province", "homepage", "网站", "网址", "网页 1", "网页 2", "主页",
		"fax", "fax number", "business fax", "home fax", "传真", "传真号码", "pager", "pager number", "寻呼机号码", "寻呼机",
		"custom 1", "custom 2", "custom 3", "custom 4", "自定义 1", "自定义 2", "自定义 3", "自定义 4",
		"account number", "employees", "annual revenue", "numberofemployees", "annualrevenue", "ownership", "ticker symbol",
		"connected on", "linkedin", "linkedin url", "账号", "工号", "员工编号", "对外职务", "视频号", "直属上级",
		"负责人", "owner", "客户负责人", "所属销售", "跟进人", "最后跟进时间", "下次跟进时间", "创建人", "创建时间",
		"家庭邮编", "工作邮编", "英文名", "入职日期", "是否部门负责人", "客户简称", "开户银行", "开户行", "银行账号", "税号", "纳税人识别号",
		"业务员", "所属地区", "信用额度", "法人", "法定代表人", "注册资本", "成立日期", "经营范围", "网址", "传真号")
	add(FBirthday, "birthday", "birth date", "date of birth", "birthdate", "bday", "dob", "生日", "出生日期", "出生年月日", "公历生日", "geburtstag")
	add(FAnniversary, "anniversary", "anniversary date", "纪念日", "周年纪念日", "合作纪念日", "jahrestag")
	add(FDates, "dates", "care dates")
	add(FSourceID, "id", "salesforce id", "record id", "lead id", "contact id", "account id", "客户编号", "客户编码", "客户代码", "客户id", "编号")
	add(FDeleted, "isdeleted", "is deleted", "deleted")
	add(FIgnore, "created") // rapport's own export (its numeric "id" is ignored too)
	return m
}

// historyHeaders maps header keys for the history kinds; customer columns
// (name, email, phone, company) still identify the customer.
func historyHeaders() map[string]Field {
	m := customerHeaders()
	add := func(f Field, names ...string) {
		for _, n := range names {
			m[headerKey(n)] = f
		}
	}
	add(FCustomer, "customer", "customer name", "client", "account", "account name", "客户", "客户名称")
	add(FDate, "date", "occurred", "occurred at", "when", "time stamp", "timestamp", "ordered", "order date", "ordered at", "日期", "时间", "下单日期")
	add(FSummary, "summary", "subject", "what", "摘要", "内容", "主题")
	add(FKind, "kind", "type", "activity", "activity type", "类型", "方式")
	add(FDirection, "direction", "方向")
	add(FOutcome, "outcome", "result", "结果")
	add(FScore, "score", "rating", "评分")
	add(FBody, "body", "details", "notes", "note", "详情", "备注")
	add(FTitle, "title", "task", "deal", "deal name", "opportunity", "opportunity name", "标题", "任务", "商机")
	add(FDue, "due", "due date", "deadline", "到期", "截止日期")
	add(FTime, "time", "due time", "time of day", "时刻")
	add(FAmount, "amount", "total", "order total", "金额", "订单金额", "商机金额")
	add(FCurrency, "currency", "币种", "货币")
	add(FValue, "value", "deal value", "close value", "close_value", "amount", "金额")
	add(FStage, "stage", "deal stage", "deal_stage", "stagename", "stage name", "opportunity stage", "阶段", "销售阶段", "商机阶段")
	add(FProb, "probability", "probability (%)", "win probability", "赢率", "成交概率", "赢单率")
	add(FCustomer, "accountid", "account id", "account name", "account", "客户名称", "客户")
	add(FCreated, "created", "created date", "created at", "opened", "open date", "创建日期")
	add(FEngaged, "engage date", "engage_date", "engaged", "engaged at")
	add(FClosed, "closed", "close date", "close_date", "closedate", "closed at", "closed date", "成交日期", "结单日期")
	add(FExpected, "expected close", "expected close date", "close by", "预计成交")
	add(FLost, "lost reason", "loss reason", "reason", "丢单原因")
	add(FProduct, "product", "产品")
	add(FIgnore, "opportunity id", "opportunity_id", "sales agent", "sales_agent", "id", "ownerid", "owner id",
		"expectedrevenue", "expected revenue", "forecastcategory", "forecastcategoryname", "fiscal", "fiscalquarter", "fiscalyear",
		"isclosed", "iswon", "nextstep", "createddate", "lastmodifieddate", "systemmodstamp", "campaignid", "pricebook2id")
	return m
}

// fieldNames lists the fields --map accepts for a kind.
func fieldNames(kind string) []string {
	fs := []Field{FName, FFirst, FMiddle, FLast, FCompany, FEmail, FPhone, FIM, FTags, FTier, FNotes, FIndustry, FSource,
		FLifecycle, FChurn, FCadence, FContact, FRole, FIgnore, FKeep, FPinned, FContacts, FSourceID, FBirthday, FAnniversary, FDates}
	if kind != KindCustomers {
		fs = append(fs, FCustomer, FDate, FSummary, FKind, FDirection, FOutcome, FScore, FBody, FTitle, FDue, FTime, FAmount,
			FCurrency, FNote, FValue, FStage, FCreated, FEngaged, FClosed, FExpected, FLost, FProduct, FProb)
	}
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = string(f)
	}
	sort.Strings(out)
	return out
}

// Mapping says which field each column of a table holds.
type Mapping struct {
	Cols    []Field  // per column; "" = unknown
	Unknown []string // the headers of unknown columns, in order
	byField map[Field][]int
}

// columns returns the indexes of the columns that hold f, in order.
func (m *Mapping) columns(f Field) []int { return m.byField[f] }

// mapHeader maps a header with the built-in names, then the user's
// overrides (COLUMN=field, matched by header key; field "ignore" drops a
// column).
func mapHeader(header []string, names map[string]Field, overrides map[string]string, kind string) (Mapping, error) {
	m := Mapping{Cols: make([]Field, len(header)), byField: map[Field][]int{}}
	valid := map[string]bool{}
	for _, f := range fieldNames(kind) {
		valid[f] = true
	}
	used := map[string]bool{}
	for i, h := range header {
		k := headerKey(h)
		if f, ok := lookupHeader(names, h); ok {
			m.Cols[i] = f
		}
		for col, field := range overrides {
			if headerKey(col) == k || col == h {
				f := Field(strings.ToLower(strings.TrimSpace(field)))
				if !valid[string(f)] {
					return m, i18n.Errorf("--map %s=%s: %q is not a field; fields are %s", col, field, field, strings.Join(fieldNames(kind), ", "))
				}
				m.Cols[i] = f
				used[col] = true
			}
		}
	}
	for col := range overrides {
		if !used[col] {
			return m, i18n.Errorf("--map %s=…: the file has no column %q (its columns: %s)", col, col, strings.Join(header, ", "))
		}
	}
	// A contacts export's "Account Name" (Zoho, Salesforce reports) is the
	// person's company when the person has name columns of their own.
	person := false
	for _, c := range m.Cols {
		if c == FFirst || c == FLast {
			person = true
		}
	}
	if person {
		for i, h := range header {
			if k := headerKey(h); m.Cols[i] == FName && (k == "accountname" || k == "account") {
				m.Cols[i] = FCompany
			}
		}
	}
	if kind == KindDeals {
		// Salesforce's opportunities: Name is the deal's, AccountId the
		// customer's.
		has := func(f Field) bool {
			for _, c := range m.Cols {
				if c == f {
					return true
				}
			}
			return false
		}
		if has(FCustomer) && !has(FTitle) {
			for i, c := range m.Cols {
				if c == FName {
					m.Cols[i] = FTitle
				}
			}
		}
	}
	for i, h := range header {
		if m.Cols[i] == "" && strings.TrimSpace(h) != "" {
			m.Unknown = append(m.Unknown, h)
		}
		if m.Cols[i] != "" {
			m.byField[m.Cols[i]] = append(m.byField[m.Cols[i]], i)
		}
	}
	return m, nil
}

// ParseMaps reads --map COLUMN=field values.
func ParseMaps(vals []string) (map[string]string, error) {
	out := map[string]string{}
	for _, v := range vals {
		col, f, ok := strings.Cut(v, "=")
		if !ok || strings.TrimSpace(col) == "" || strings.TrimSpace(f) == "" {
			return nil, i18n.Errorf("--map %q: write it as COLUMN=field, like --map \"Mobile Phone=phone\"", v)
		}
		out[strings.TrimSpace(col)] = strings.TrimSpace(f)
	}
	return out, nil
}
