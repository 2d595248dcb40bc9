package transfer

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
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
		"contact name", "姓名", "客户名称", "客户", "名称", "客户姓名", "名字", "全名", "客户全称")
	add(FFirst, "first name", "firstname", "given name", "first", "forename", "vorname", "名")
	add(FMiddle, "middle name", "additional name", "weitere vornamen")
	add(FLast, "last name", "lastname", "family name", "surname", "last", "nachname", "姓")
	add(FCompany, "company", "company name", "organization", "organisation", "organization name", "organisation name",
		"organization 1 - name", "org", "account", "account name", "employer", "firma", "unternehmen",
		"公司", "单位", "公司名称", "企业名称", "单位名称", "企业", "所属公司")
	add(FEmail, "email", "e-mail", "email address", "e-mail address", "mail", "email 1 - value", "e-mail 1 - value",
		"email 2 - value", "e-mail 2 - value", "e-mail 3 - value", "e-mail 4 - value", "work email", "home email",
		"other email", "personal email", "primary email", "e-mail-adresse", "e-mail 2: adresse", "e-mail 3: adresse",
		"邮箱", "电子邮箱", "电子邮件", "邮件", "邮箱地址", "email地址")
	add(FPhone, "phone", "phone number", "mobile", "mobile phone", "mobile number", "cell", "cell phone", "telephone", "tel",
		"work phone", "home phone", "business phone", "other phone", "primary phone", "main phone",
		"phone 1 - value", "phone 2 - value", "phone 3 - value", "phone 4 - value", "phone 5 - value", "phone 6 - value", "phone 7 - value",
		"mobiltelefon", "mobiltelefon 2", "telefon", "telefon geschäftlich", "telefon geschäftlich 2", "telefon (privat)",
		"telefon (privat 2)", "haupttelefon", "telefon firma", "weiteres telefon", "autotelefon",
		"电话", "手机", "手机号", "手机号码", "电话号码", "联系电话", "联系方式", "固话", "座机")
	add(FIM, "im", "wechat", "weixin", "qq", "skype", "slack", "whatsapp", "im address", "微信", "微信号", "qq号")
	add(FTags, "tags", "tag", "labels", "label", "categories", "category", "group membership", "groups", "kategorien", "标签", "分组", "客户标签")
	add(FTier, "tier", "level", "grade", "rating", "customer tier", "等级", "客户等级", "级别", "客户级别")
	add(FNotes, "notes", "note", "comments", "comment", "description", "remarks", "notizen", "备注", "需求", "说明", "描述")
	add(FIndustry, "industry", "sector", "行业", "所属行业", "类型", "客户类型")
	add(FSource, "source", "lead source", "来源", "客户来源", "线索来源")
	add(FLifecycle, "lifecycle", "lifecycle stage", "status", "customer status", "客户状态", "状态", "阶段")
	add(FChurn, "churn reason", "流失原因")
	add(FCadence, "cadence", "cadence days", "联系周期")
	add(FContact, "联系人", "contact", "contact person", "primary contact", "ansprechpartner")
	add(FRole, "title", "job title", "position", "organization title", "organization 1 - title", "职位", "职务")
	add(FDeleted, "isdeleted", "is deleted", "deleted")
	add(FIgnore, "id", "created") // rapport's own export
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
	add(FAmount, "amount", "total", "order total", "金额", "订单金额")
	add(FCurrency, "currency", "币种", "货币")
	add(FValue, "value", "deal value", "close value", "close_value", "amount", "金额")
	add(FStage, "stage", "deal stage", "deal_stage", "阶段")
	add(FCreated, "created", "created date", "created at", "opened", "open date", "创建日期")
	add(FEngaged, "engage date", "engage_date", "engaged", "engaged at")
	add(FClosed, "closed", "close date", "close_date", "closed at", "closed date", "成交日期")
	add(FExpected, "expected close", "expected close date", "close by", "预计成交")
	add(FLost, "lost reason", "loss reason", "reason", "丢单原因")
	add(FProduct, "product", "产品")
	add(FIgnore, "opportunity id", "opportunity_id", "sales agent", "sales_agent", "id")
	return m
}

// fieldNames lists the fields --map accepts for a kind.
func fieldNames(kind string) []string {
	fs := []Field{FName, FFirst, FMiddle, FLast, FCompany, FEmail, FPhone, FIM, FTags, FTier, FNotes, FIndustry, FSource,
		FLifecycle, FChurn, FCadence, FContact, FRole, FIgnore}
	if kind != KindCustomers {
		fs = append(fs, FCustomer, FDate, FSummary, FKind, FDirection, FOutcome, FScore, FBody, FTitle, FDue, FTime, FAmount,
			FCurrency, FNote, FValue, FStage, FCreated, FEngaged, FClosed, FExpected, FLost, FProduct)
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
}

// mapHeader maps a header with the built-in names, then the user's
// overrides (COLUMN=field, matched by header key; field "ignore" drops a
// column).
func mapHeader(header []string, names map[string]Field, overrides map[string]string, kind string) (Mapping, error) {
	m := Mapping{Cols: make([]Field, len(header))}
	valid := map[string]bool{}
	for _, f := range fieldNames(kind) {
		valid[f] = true
	}
	used := map[string]bool{}
	for i, h := range header {
		k := headerKey(h)
		if f, ok := names[k]; ok {
			m.Cols[i] = f
		}
		for col, field := range overrides {
			if headerKey(col) == k || col == h {
				f := Field(strings.ToLower(strings.TrimSpace(field)))
				if !valid[string(f)] {
					return m, fmt.Errorf("--map %s=%s: %q is not a field; fields are %s", col, field, field, strings.Join(fieldNames(kind), ", "))
				}
				m.Cols[i] = f
				used[col] = true
			}
		}
	}
	for col := range overrides {
		if !used[col] {
			return m, fmt.Errorf("--map %s=…: the file has no column %q (its columns: %s)", col, col, strings.Join(header, ", "))
		}
	}
	for i, h := range header {
		if m.Cols[i] == "" && strings.TrimSpace(h) != "" {
			m.Unknown = append(m.Unknown, h)
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
			return nil, fmt.Errorf("--map %q: write it as COLUMN=field, like --map \"Mobile Phone=phone\"", v)
		}
		out[strings.TrimSpace(col)] = strings.TrimSpace(f)
	}
	return out, nil
}
