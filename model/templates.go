package model

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
)

// Template is a message template (话术): text with {placeholders}, for a
// purpose, optionally only for a tier or a tag.
type Template struct {
	Meta
	Name    string
	Purpose string
	Tier    Tier // "" for every tier
	Tag     string
	Body    string
}

// Template purposes. A purpose is a word; these are the ones rapport knows
// how to match to a follow-up or a care date.
const (
	PurposeFirstRevisit = "first_revisit"
	PurposeAfterSale    = "after_sale"
	PurposeWinBack      = "win_back"
	PurposeBirthday     = "birthday"
	PurposeAnniversary  = "anniversary"
	PurposeHoliday      = "holiday"
	PurposeComplaint    = "complaint"
	PurposeSatisfaction = "satisfaction"
	PurposeOther        = "other"
)

// Purposes lists the known purposes in the order help shows them.
func Purposes() []string {
	return []string{PurposeFirstRevisit, PurposeAfterSale, PurposeWinBack, PurposeBirthday, PurposeAnniversary, PurposeHoliday, PurposeComplaint, PurposeSatisfaction, PurposeOther}
}

// Placeholders lists what a template may say in braces.
func Placeholders() []string {
	return []string{"name", "contact", "company", "days_since_contact", "last_order", "deal", "stage", "due"}
}

// MaxTemplateLen is the longest template body.
const MaxTemplateLen = 20000

var placeholderRe = regexp.MustCompile(`\{([a-zA-Z_]+)\}`)

// Validate checks a template before it is written: a name, a known
// purpose, a tier A/B/C or none, a body, and only known placeholders.
func (t *Template) Validate() error {
	if err := ValidateName("name", t.Name); err != nil {
		return err
	}
	if len([]rune(t.Name)) > 80 {
		return Invalid("name", "is longer than 80 characters")
	}
	if !knownPurpose(t.Purpose) {
		return Invalid("purpose", "%q is not a purpose; purposes are %s", t.Purpose, strings.Join(Purposes(), ", "))
	}
	if t.Tier != "" && t.Tier != TierA && t.Tier != TierB && t.Tier != TierC {
		return Invalid("tier", "%q must be A, B, C or empty", t.Tier)
	}
	if strings.TrimSpace(t.Body) == "" {
		return Invalid("body", "is required")
	}
	if len([]rune(t.Body)) > MaxTemplateLen {
		return Invalid("body", "is longer than %d characters", MaxTemplateLen)
	}
	for _, m := range placeholderRe.FindAllStringSubmatch(t.Body, -1) {
		if !knownPlaceholder(m[1]) {
			return Invalid("body", "{%s} is not a placeholder; use %s", m[1], "{"+strings.Join(Placeholders(), "} {")+"}")
		}
	}
	return nil
}

func knownPurpose(p string) bool {
	for _, k := range Purposes() {
		if p == k {
			return true
		}
	}
	return false
}

func knownPlaceholder(p string) bool {
	for _, k := range Placeholders() {
		if p == k {
			return true
		}
	}
	return false
}

// NormalPurpose reads a purpose as typed: "after-sale", "After sale" and
// "after_sale" are one.
func NormalPurpose(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	return strings.NewReplacer("-", "_", " ", "_").Replace(s)
}

// TemplateValues are what a template's placeholders are filled with; an
// empty value reads as a neutral word (see Fill), never as "{deal}".
type TemplateValues struct {
	Name             string // the customer
	Contact          string // the primary contact, else the customer
	Company          string
	DaysSinceContact int // -1: never contacted
	LastOrder        string
	Deal             string
	Stage            string
	Due              string
	Chinese          bool // the template is written in Chinese: fallbacks in Chinese
}

// Fill replaces the placeholders of body with v. A value that is missing
// reads sensibly instead of leaving a hole: {contact} falls back to the
// customer's name, {company} to the name, {deal} to "our work together",
// {days_since_contact} to "some", {last_order} to "your last order" and
// {due} to "soon" (Chinese words in a Chinese template).
func Fill(body string, v TemplateValues) string {
	zh := v.Chinese || hasHan(body)
	pick := func(val, en, cn string) string {
		if strings.TrimSpace(val) != "" {
			return Sanitize(val)
		}
		if zh {
			return cn
		}
		return en
	}
	name := pick(v.Name, "there", "您")
	contact := v.Contact
	if strings.TrimSpace(contact) == "" {
		contact = v.Name
	}
	days := ""
	if v.DaysSinceContact >= 0 {
		days = fmt.Sprint(v.DaysSinceContact)
	}
	vals := map[string]string{
		"name":               name,
		"contact":            pick(contact, "there", "您"),
		"company":            pick(v.Company, name, name),
		"days_since_contact": pick(days, "some", "一些"),
		"last_order":         pick(v.LastOrder, "your last order", "上次订单"),
		"deal":               pick(v.Deal, "our work together", "我们的合作"),
		"stage":              pick(v.Stage, "the next step", "下一步"),
		"due":                pick(v.Due, "soon", "近期"),
	}
	return placeholderRe.ReplaceAllStringFunc(body, func(m string) string {
		if s, ok := vals[m[1:len(m)-1]]; ok {
			return s
		}
		return m
	})
}

// hasHan reports whether s holds a Chinese character.
func hasHan(s string) bool {
	for _, r := range s {
		if r >= 0x4E00 && r <= 0x9FFF {
			return true
		}
	}
	return false
}

// purposeWords are the words in a follow-up's title that say its purpose,
// in English and Chinese (the default playbooks' titles use them).
var purposeWords = map[string][]string{
	PurposeFirstRevisit: {"first revisit", "first visit", "首次回访", "首访"},
	PurposeAfterSale:    {"after-sale", "after sale", "aftersale", "售后"},
	PurposeWinBack:      {"win-back", "win back", "winback", "挽回", "召回"},
	PurposeBirthday:     {"birthday", "生日"},
	PurposeAnniversary:  {"anniversary", "纪念日", "周年"},
	PurposeHoliday:      {"holiday", "greet", "节日", "春节", "中秋", "端午", "元宵", "国庆", "元旦", "christmas", "new year"},
	PurposeComplaint:    {"complaint", "callback", "投诉"},
	PurposeSatisfaction: {"satisfaction", "quarterly", "满意度"},
}

// PurposeOf guesses the purpose of a follow-up from its title ("" when no
// purpose word is in it).
func PurposeOf(title string) string {
	t := strings.ToLower(title)
	for _, p := range Purposes() {
		for _, w := range purposeWords[p] {
			if strings.Contains(t, w) {
				return p
			}
		}
	}
	return ""
}

// TemplateFor is who a template is picked for: the purpose wanted (may be
// ""), the customer's tier and tags, and whether Chinese comes first.
type TemplateFor struct {
	Purpose string
	Tier    Tier
	Tags    []string
	Chinese bool
}

// RankTemplates orders ts for f: the purpose wanted first, then those for
// the customer's tier or one of its tags, then the language asked for,
// then by name. Templates for another tier or a tag the customer lacks
// go last (they still show: the user may pick any).
func RankTemplates(ts []Template, f TemplateFor) []Template {
	hasTag := func(tag string) bool {
		for _, t := range f.Tags {
			if strings.EqualFold(t, tag) {
				return true
			}
		}
		return false
	}
	score := func(t Template) int {
		s := 0
		if f.Purpose != "" && t.Purpose == f.Purpose {
			s += 100
		}
		switch {
		case t.Tier != "" && t.Tier == f.Tier, t.Tag != "" && hasTag(t.Tag):
			s += 10
		case t.Tier != "" || t.Tag != "":
			s -= 50
		}
		if hasHan(t.Body) == f.Chinese {
			s += 5
		}
		return s
	}
	out := append([]Template(nil), ts...)
	sort.SliceStable(out, func(i, j int) bool {
		si, sj := score(out[i]), score(out[j])
		if si != sj {
			return si > sj
		}
		return strings.ToLower(out[i].Name) < strings.ToLower(out[j].Name)
	})
	return out
}

// DefaultTemplates are the templates of a new book, in English and Chinese.
func DefaultTemplates() []Template {
	return []Template{
		{Name: "First revisit", Purpose: PurposeFirstRevisit, Body: "Hi {contact}, thanks for your time the other day. I wanted to check whether you had any questions, and whether a short call this week would help {company}."},
		{Name: "首次回访", Purpose: PurposeFirstRevisit, Body: "{contact}您好，感谢您前几天抽时间沟通。想了解一下您还有什么疑问，这周方便的话我们再通个电话？"},
		{Name: "After-sale revisit", Purpose: PurposeAfterSale, Body: "Hi {contact}, how is everything going since {last_order}? If anything about {deal} is not as expected, tell me and I will sort it out."},
		{Name: "售后回访", Purpose: PurposeAfterSale, Body: "{contact}您好，{last_order}之后使用得怎么样？关于{deal}如果有任何不满意的地方，请随时告诉我，我来处理。"},
		{Name: "Win-back", Purpose: PurposeWinBack, Body: "Hi {contact}, it has been {days_since_contact} days since we last spoke. We have a few new things that may suit {company}; could I show you in ten minutes?"},
		{Name: "客户挽回", Purpose: PurposeWinBack, Body: "{contact}您好，我们已经{days_since_contact}天没联系了。最近我们有一些新的方案可能适合{company}，方便的话我花十分钟给您介绍一下？"},
		{Name: "Birthday", Purpose: PurposeBirthday, Body: "Happy birthday, {contact}! Wishing you a wonderful year ahead."},
		{Name: "生日祝福", Purpose: PurposeBirthday, Body: "{contact}，祝您生日快乐，新的一岁万事顺意！"},
		{Name: "Anniversary", Purpose: PurposeAnniversary, Body: "Hi {contact}, another year of working together with {company}: thank you for your trust."},
		{Name: "合作纪念日", Purpose: PurposeAnniversary, Body: "{contact}您好，今天是我们与{company}合作的纪念日，感谢您一直以来的信任与支持！"},
		{Name: "Holiday greeting", Purpose: PurposeHoliday, Body: "Dear {contact}, season's greetings from all of us, and thank you for a great year with {company}."},
		{Name: "节日问候", Purpose: PurposeHoliday, Body: "{contact}您好，佳节将至，祝您和家人节日快乐、阖家幸福！感谢您对我们的支持。"},
		{Name: "Complaint callback", Purpose: PurposeComplaint, Body: "Hi {contact}, I am sorry about the trouble. I am looking into it now and will come back to you by {due}."},
		{Name: "投诉回电", Purpose: PurposeComplaint, Body: "{contact}您好，给您带来不便非常抱歉。我正在处理，会在{due}之前给您答复。"},
		{Name: "Satisfaction revisit", Purpose: PurposeSatisfaction, Tier: TierA, Body: "Hi {contact}, as one of our key customers your view matters: how satisfied are you with us this quarter, from 0 to 10?"},
		{Name: "满意度回访", Purpose: PurposeSatisfaction, Tier: TierA, Body: "{contact}您好，作为我们的重要客户，想听听您的意见：这个季度您对我们的服务满意吗？0到10分您会打几分？"},
	}
}
