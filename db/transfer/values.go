package transfer

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/rapportcrm/rapport/model"
)

// rowValues are the cells of one record, read through its mapping.
type rowValues struct {
	fields []string
	header []string
	m      *Mapping
}

func gather(r Row, header []string, m Mapping) rowValues {
	return rowValues{fields: r.Fields, header: header, m: &m}
}

func (v rowValues) cell(i int) string {
	if i >= len(v.fields) {
		return ""
	}
	return unguard(strings.TrimSpace(v.fields[i]))
}

func (v rowValues) label(i int) string {
	if i < len(v.header) && v.header[i] != "" {
		return v.header[i]
	}
	return fmt.Sprintf("column %d", i+1)
}

// one returns the first non-empty value of field f.
func (v rowValues) one(f Field) string {
	for _, i := range v.m.columns(f) {
		if s := v.cell(i); s != "" {
			return s
		}
	}
	return ""
}

// each returns every non-empty value of field f with its column's header.
func (v rowValues) each(f Field) []labelled {
	var out []labelled
	for _, i := range v.m.columns(f) {
		if s := v.cell(i); s != "" {
			out = append(out, labelled{v.label(i), s})
		}
	}
	return out
}

// extra returns "Header: value" for the unknown columns.
func (v rowValues) extra() []string {
	var out []string
	for i, f := range v.m.Cols {
		if f == "" {
			if s := v.cell(i); s != "" {
				out = append(out, v.label(i)+": "+s)
			}
		}
	}
	for i := len(v.m.Cols); i < len(v.fields); i++ {
		if s := v.cell(i); s != "" {
			out = append(out, v.label(i)+": "+s)
		}
	}
	return out
}

// unguard undoes the formula guard spreadsheets and our own CSV export put
// before a value: "'+86 138…" was written for "+86 138…".
func unguard(s string) string {
	if len(s) >= 2 && s[0] == '\'' && strings.ContainsRune("=+-@\t\r", rune(s[1])) {
		return s[1:]
	}
	return s
}

type labelled struct{ label, value string }

func validEmail(s string) bool { return model.ValidateEmail("", s) == nil }
func validPhone(s string) bool { return model.ValidatePhone("", s) == nil }

// emailsIn finds the addresses in a cell that is not one clean address:
// "a@x.cn; b@y.cn", "Wang <w@x.cn>", "mailto:a@x.cn", and Thunderbird's
// mangled `"gaochengliang"@"ku.edu.cn`.
func emailsIn(s string) []string {
	t := strings.NewReplacer(`"`, "", "'", "", "mailto:", " ", "MAILTO:", " ", "<", " ", ">", " ", "（", " ", "）", " ", "(", " ", ")", " ").Replace(s)
	var out []string
	for _, tok := range strings.FieldsFunc(t, func(r rune) bool {
		return r == ' ' || r == ';' || r == ',' || r == '/' || r == '、' || r == '，' || r == '；' || r == '|' || r == '\n' || r == '\t'
	}) {
		tok = strings.Trim(tok, ".:")
		if strings.Contains(tok, "@") && validEmail(tok) {
			out = append(out, tok)
		}
	}
	return out
}

// phoneRun matches a phone number inside other text: digits with the
// separators phones are written with, and an optional extension.
var phoneRun = regexp.MustCompile(`\(?\+?[0-9０-９][0-9０-９\-–\s().]{4,}[0-9０-９](\s*(x|ext\.?|extension|转|分机)\s*[0-9]{1,8})?`)

// phonesIn finds the phone numbers in a cell that is not one clean number:
// "13770672328(南)13911676175(北)", "010-1234567 / 139 1111 2222".
func phonesIn(s string) []string {
	var out []string
	for _, sub := range phoneRun.FindAllStringSubmatch(s, -1) {
		m := strings.TrimSpace(strings.TrimRight(strings.TrimSpace(sub[0]), "(-–."))
		if !validPhone(m) && sub[1] != "" {
			// An extension written as 转 8001: the number without it.
			m = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(sub[0]), strings.TrimSpace(sub[1])))
		}
		if validPhone(m) {
			out = append(out, m)
		}
	}
	return out
}

// parseTierWord reads a tier: A, B, C, and the words sheets use for them
// (Salesforce's Hot/Warm/Cold rating, 重点/一般, A级).
func parseTierWord(s string) (model.Tier, bool) {
	if t, err := model.ParseTier(s); err == nil {
		return t, true
	}
	switch headerKey(s) {
	case "a", "a级", "a类", "tiera", "hot", "vip", "key", "strategic", "high", "1", "重点", "重要", "核心", "高", "大客户", "重点客户", "vip客户":
		return model.TierA, true
	case "b", "b级", "b类", "tierb", "warm", "medium", "normal", "2", "一般", "中", "普通", "普通客户", "一般客户":
		return model.TierB, true
	case "c", "c级", "c类", "tierc", "cold", "low", "3", "低", "小客户", "潜力":
		return model.TierC, true
	}
	return "", false
}

// parseLifecycle reads lifecycle words from rapport, HubSpot, Salesforce
// and Chinese sheets: customers and evangelists are customers; churned,
// lost and former are churned; leads, subscribers, opportunities … are
// prospects.
func parseLifecycle(s string) (model.Lifecycle, bool) {
	switch headerKey(s) {
	case "customer", "active", "client", "evangelist", "won", "closedconverted", "converted", "客户", "成交", "成交客户", "老客户", "已成交", "合作中", "签约客户", "正式客户":
		return model.Active, true
	case "churned", "churn", "lost", "former", "formercustomer", "inactive", "流失", "已流失", "流失客户", "停止合作":
		return model.Churned, true
	case "prospect", "lead", "subscriber", "marketingqualifiedlead", "salesqualifiedlead", "opportunity", "other", "new",
		"open", "opennotcontacted", "workingcontacted", "working", "nurturing", "contacted", "qualified", "unqualified",
		"closednotconverted", "潜在客户", "潜在", "意向客户", "线索", "新客户", "跟进中", "意向":
		return model.Prospect, true
	}
	return "", false
}

// exampleRow says whether a row is a template's example ("张三（示例）",
// "Jane Doe (example)"), which the user never meant to import.
func exampleRow(vals ...string) bool {
	for _, s := range vals {
		l := strings.ToLower(s)
		for _, mark := range []string{"（示例）", "(示例)", "【示例】", "[示例]", "示例：", "(example)", "(sample)", "[example]", "e.g. "} {
			if strings.Contains(l, mark) {
				return true
			}
		}
		if l == "示例" || l == "example" || l == "sample" {
			return true
		}
	}
	return false
}
