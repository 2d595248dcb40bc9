package demo

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// word is a Chinese word with the pinyin used for emails and domains.
type word struct{ zh, py string }

// industryWord is the middle of a Chinese company name and the industry it
// implies, in both languages.
type industryWord struct {
	zh, py, industryZH string
}

// enIndustry is the second word of an English company name with its industry.
type enIndustry struct{ name, industry string }

// nameTables are the fixed word lists names are built from. They are
// returned by a function (no package-level mutable state).
type nameTables struct {
	cities      []word
	brands      []word
	zhIndustry  []industryWord
	zhSuffix    []string
	surnames    []word
	given       []word
	enFirst     []string
	enIndustry  []enIndustry
	enSuffix    []string
	enPlaces    []string
	firstNames  []string
	lastNames   []string
	rolesZH     []string
	rolesEN     []string
	sourcesZH   []string
	sourcesEN   []string
	notesZH     []string
	notesEN     []string
	churnZH     []string
	churnEN     []string
	lostZH      []string
	lostEN      []string
	tags        []string
	regionTagZH []string
	regionTagEN []string
}

func newNameTables() *nameTables {
	return &nameTables{
		cities: []word{{"上海", "sh"}, {"北京", "bj"}, {"深圳", "sz"}, {"杭州", "hz"}, {"广州", "gz"}, {"成都", "cd"},
			{"南京", "nj"}, {"苏州", "suzhou"}, {"武汉", "wh"}, {"西安", "xa"}, {"天津", "tj"}, {"重庆", "cq"},
			{"宁波", "nb"}, {"厦门", "xm"}, {"青岛", "qd"}, {"长沙", "cs"}, {"合肥", "hf"}, {"郑州", "zz"},
			{"无锡", "wx"}, {"东莞", "dg"}, {"佛山", "fs"}, {"济南", "jn"}, {"大连", "dl"}, {"昆明", "km"}},
		brands: []word{{"云启", "yunqi"}, {"华信", "huaxin"}, {"瑞丰", "ruifeng"}, {"博远", "boyuan"}, {"金桥", "jinqiao"},
			{"恒通", "hengtong"}, {"星辰", "xingchen"}, {"远航", "yuanhang"}, {"明德", "mingde"}, {"嘉禾", "jiahe"},
			{"鼎盛", "dingsheng"}, {"新锐", "xinrui"}, {"宏图", "hongtu"}, {"天成", "tiancheng"}, {"锦程", "jincheng"},
			{"易达", "yida"}, {"智联", "zhilian"}, {"汇通", "huitong"}, {"盛世", "shengshi"}, {"长青", "changqing"},
			{"海纳", "haina"}, {"凯越", "kaiyue"}, {"创想", "chuangxiang"}, {"卓越", "zhuoyue"}, {"优品", "youpin"},
			{"万象", "wanxiang"}, {"青禾", "qinghe"}, {"聚力", "juli"}, {"蓝海", "lanhai"}, {"弘毅", "hongyi"},
			{"启明", "qiming"}, {"安泰", "antai"}, {"润达", "runda"}, {"永信", "yongxin"}, {"正元", "zhengyuan"},
			{"东方", "dongfang"}, {"立信", "lixin"}, {"华泰", "huatai"}, {"同创", "tongchuang"}, {"宝丰", "baofeng"}},
		zhIndustry: []industryWord{{"科技", "tech", "软件"}, {"信息技术", "it", "软件"}, {"贸易", "trade", "批发"},
			{"电子", "elec", "电子制造"}, {"医疗器械", "med", "医疗"}, {"物流", "logistics", "物流"}, {"食品", "food", "食品"},
			{"服饰", "fashion", "零售"}, {"家居", "home", "零售"}, {"教育科技", "edu", "教育"}, {"餐饮管理", "catering", "餐饮"},
			{"机械", "machinery", "制造业"}, {"新材料", "materials", "制造业"}, {"化工", "chem", "化工"},
			{"文化传媒", "media", "传媒"}, {"电子商务", "ecom", "电子商务"}, {"生物科技", "bio", "医疗"},
			{"建材", "build", "建筑"}, {"汽车配件", "auto", "汽车"}, {"包装", "pack", "制造业"}},
		zhSuffix: []string{"有限公司", "有限公司", "有限公司", "股份有限公司", "有限责任公司"},
		surnames: []word{{"王", "wang"}, {"李", "li"}, {"张", "zhang"}, {"刘", "liu"}, {"陈", "chen"}, {"杨", "yang"},
			{"黄", "huang"}, {"赵", "zhao"}, {"吴", "wu"}, {"周", "zhou"}, {"徐", "xu"}, {"孙", "sun"}, {"马", "ma"},
			{"朱", "zhu"}, {"胡", "hu"}, {"郭", "guo"}, {"何", "he"}, {"高", "gao"}, {"林", "lin"}, {"罗", "luo"},
			{"郑", "zheng"}, {"梁", "liang"}, {"谢", "xie"}, {"宋", "song"}, {"唐", "tang"}, {"许", "xu"},
			{"韩", "han"}, {"冯", "feng"}, {"邓", "deng"}, {"曹", "cao"}},
		given: []word{{"芳", "fang"}, {"伟", "wei"}, {"娜", "na"}, {"敏", "min"}, {"静", "jing"}, {"丽", "li"},
			{"强", "qiang"}, {"磊", "lei"}, {"军", "jun"}, {"洋", "yang"}, {"勇", "yong"}, {"艳", "yan"}, {"杰", "jie"},
			{"娟", "juan"}, {"涛", "tao"}, {"明", "ming"}, {"超", "chao"}, {"秀英", "xiuying"}, {"霞", "xia"},
			{"平", "ping"}, {"刚", "gang"}, {"桂英", "guiying"}, {"浩然", "haoran"}, {"子涵", "zihan"}, {"雨桐", "yutong"},
			{"思远", "siyuan"}, {"晓东", "xiaodong"}, {"建华", "jianhua"}, {"海燕", "haiyan"}, {"志强", "zhiqiang"},
			{"欣怡", "xinyi"}, {"俊杰", "junjie"}, {"佳琪", "jiaqi"}, {"文博", "wenbo"}, {"雪梅", "xuemei"},
			{"国平", "guoping"}, {"一鸣", "yiming"}, {"婷婷", "tingting"}, {"宇航", "yuhang"}, {"丹", "dan"}},
		enFirst: []string{"Acme", "Northwind", "Blue Harbor", "Summit", "Redwood", "Ironbridge", "Bright Path", "Cedar",
			"Falcon", "Greenfield", "Harbor Light", "Keystone", "Lakeside", "Meridian", "Oakline", "Pinecrest",
			"Quantum", "Riverbend", "Silverline", "Stonegate", "Sunrise", "Tidewater", "Vertex", "Westbrook",
			"Atlas", "Beacon", "Cobalt", "Evergreen", "Granite", "Horizon", "Juniper", "Kestrel", "Lumen", "Maple",
			"Nimbus", "Orchard", "Polar", "Sterling", "Trident", "Willow"},
		enIndustry: []enIndustry{{"Foods", "Food"}, {"Logistics", "Logistics"}, {"Software", "Software"},
			{"Systems", "Software"}, {"Supplies", "Wholesale"}, {"Trading", "Wholesale"}, {"Medical", "Healthcare"},
			{"Outfitters", "Retail"}, {"Labs", "Biotech"}, {"Analytics", "Software"}, {"Manufacturing", "Manufacturing"},
			{"Retail", "Retail"}, {"Furniture", "Retail"}, {"Print", "Media"}, {"Electronics", "Electronics"},
			{"Hospitality", "Hospitality"}, {"Learning", "Education"}, {"Media", "Media"}, {"Motors", "Automotive"},
			{"Packaging", "Manufacturing"}},
		enSuffix: []string{"Ltd", "Inc.", "LLC", "GmbH", "Co.", "Group", "& Co", "Pty Ltd"},
		enPlaces: []string{"Leeds", "Austin", "Denver", "Dublin", "Munich", "Toronto", "Sydney", "Boston", "Bristol",
			"Portland", "Seattle", "Oslo", "Lyon", "Perth", "Auckland", "Chicago", "Glasgow", "Vancouver", "Hamburg",
			"Singapore", "Melbourne", "Phoenix", "Atlanta", "Zurich", "Rotterdam", "Manchester", "Calgary", "Cork",
			"Adelaide", "Utrecht"},
		firstNames: []string{"Jane", "John", "Emma", "Liam", "Olivia", "Noah", "Ava", "Ethan", "Sophia", "Mason",
			"Mia", "Lucas", "Amelia", "James", "Harper", "Benjamin", "Ella", "Henry", "Grace", "Daniel", "Chloe",
			"Samuel", "Zoe", "David", "Lily", "Michael", "Hannah", "Jack", "Nora", "Owen", "Ruby", "Leo", "Alice",
			"Oscar", "Isla", "Thomas", "Ivy", "Adam", "Clara", "Ryan", "Maya", "Nathan", "Sarah", "Peter", "Laura",
			"Mark", "Anna", "Paul", "Rachel", "Simon"},
		lastNames: []string{"Cooper", "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis",
			"Wilson", "Anderson", "Taylor", "Thomas", "Moore", "Martin", "Jackson", "Thompson", "White", "Harris",
			"Clark", "Lewis", "Walker", "Hall", "Young", "King", "Wright", "Scott", "Green", "Baker", "Adams",
			"Nelson", "Hill", "Campbell", "Mitchell", "Roberts", "Carter", "Phillips", "Evans", "Turner", "Parker",
			"Collins", "Edwards", "Stewart", "Morris", "Murphy", "Cook", "Rogers", "Bell", "Reed", "Howard"},
		rolesZH:     []string{"采购经理", "总经理", "财务主管", "技术负责人", "运营总监", "行政主管", "销售总监", "项目经理"},
		rolesEN:     []string{"Purchasing Manager", "CEO", "Finance Lead", "CTO", "Operations Director", "Office Manager", "Head of Sales", "Project Manager"},
		sourcesZH:   []string{"转介绍", "展会", "官网", "微信", "电话开发", "合作伙伴"},
		sourcesEN:   []string{"Referral", "Trade show", "Website", "LinkedIn", "Cold call", "Partner"},
		notesZH:     []string{"偏好微信沟通，邮件回复慢", "只在上午接电话", "财年从四月开始，预算三月定", "决策需要总部审批", "对价格敏感，看重交期", "老板亲自参与采购"},
		notesEN:     []string{"Prefers WeChat over email", "Only takes calls in the morning", "Fiscal year ends in March; budget set in Q1", "Decisions need sign-off from head office", "Price-sensitive, cares about lead times", "Founder still signs every purchase order"},
		churnZH:     []string{"转向更便宜的竞争对手", "公司业务调整，不再需要", "预算削减", "对售后服务不满意", "被收购，集团统一采购"},
		churnEN:     []string{"Switched to a cheaper competitor", "Business changed, no longer needs us", "Budget cuts", "Unhappy with support", "Acquired; group buys centrally now"},
		lostZH:      []string{"价格太高", "选择了竞争对手", "预算冻结", "项目搁置", "决定自研"},
		lostEN:      []string{"Price too high", "Went with a competitor", "Budget frozen", "Project shelved", "Chose an in-house solution"},
		tags:        []string{"vip", "reseller", "wholesale", "key-account", "trial", "partner", "华东", "华南", "华北", "west-coast", "emea", "新客户"},
		regionTagZH: []string{"华东", "华南", "华北"},
		regionTagEN: []string{"west-coast", "emea"},
	}
}

// company is a generated company with the words its email domain and
// industry come from.
type company struct {
	name, domain, industry string
	zh                     bool
}

// zhCombos and enCombos are the sizes of the company name spaces.
func (n *nameTables) zhCombos() int {
	return len(n.cities) * len(n.brands) * len(n.zhIndustry) * len(n.zhSuffix)
}

func (n *nameTables) enCombos() int { return len(n.enFirst) * len(n.enIndustry) * len(n.enSuffix) }

// permute maps k onto 0..size-1 without repeats for k < size (an affine map
// with a multiplier coprime to size), so companies are unique while they last.
func permute(k, size int) int {
	const a = 7919 // prime; sizes here are not multiples of it
	return (k*a + 104729) % size
}

// zhCompany returns the k-th Chinese company (unique for k < zhCombos; later
// ones are branches: 上海云启科技有限公司苏州分公司).
func (n *nameTables) zhCompany(k int) company {
	size := n.zhCombos()
	i := permute(k%size, size)
	city := n.cities[i%len(n.cities)]
	i /= len(n.cities)
	brand := n.brands[i%len(n.brands)]
	i /= len(n.brands)
	ind := n.zhIndustry[i%len(n.zhIndustry)]
	i /= len(n.zhIndustry)
	suffix := n.zhSuffix[i%len(n.zhSuffix)]
	c := company{name: city.zh + brand.zh + ind.zh + suffix, domain: brand.py + ind.py + "." + city.py + ".cn", industry: ind.industryZH, zh: true}
	if round := k / size; round > 0 {
		br := n.cities[(round+k)%len(n.cities)]
		if br == city {
			br = n.cities[(round+k+1)%len(n.cities)]
		}
		c.name += br.zh + "分公司"
		if round > 1 {
			c.name += fmt.Sprintf("%d", round)
		}
	}
	return c
}

// enCompany returns the k-th English company (unique for k < enCombos;
// later ones name their city: Acme Foods Ltd (Leeds)).
func (n *nameTables) enCompany(k int) company {
	size := n.enCombos()
	i := permute(k%size, size)
	first := n.enFirst[i%len(n.enFirst)]
	i /= len(n.enFirst)
	indIdx := i % len(n.enIndustry)
	ind := n.enIndustry[indIdx]
	i /= len(n.enIndustry)
	suffix := n.enSuffix[i%len(n.enSuffix)]
	slug := strings.ToLower(strings.ReplaceAll(first, " ", ""))
	name := first + " " + ind.name + " " + suffix
	if indIdx == 0 { // one in twenty is just "Acme Ltd" (still unique)
		name = first + " " + suffix
	}
	c := company{name: name, domain: slug + strings.ToLower(ind.name) + ".com", industry: ind.industry}
	if round := k / size; round > 0 {
		c.name += " (" + n.enPlaces[(round*7+k)%len(n.enPlaces)] + ")"
		if round > len(n.enPlaces) {
			c.name += fmt.Sprintf(" %d", round)
		}
	}
	return c
}

// person is a generated person.
type person struct{ name, local string }

func (n *nameTables) zhPerson(r *rand.Rand) person {
	s := n.surnames[r.IntN(len(n.surnames))]
	g := n.given[r.IntN(len(n.given))]
	return person{name: s.zh + g.zh, local: g.py + "." + s.py}
}

func (n *nameTables) enPerson(r *rand.Rand) person {
	f := n.firstNames[r.IntN(len(n.firstNames))]
	l := n.lastNames[r.IntN(len(n.lastNames))]
	return person{name: f + " " + l, local: strings.ToLower(f + "." + l)}
}

// phone returns a plausible phone number for the language.
func phone(r *rand.Rand, zh bool) string {
	if zh {
		pre := []string{"138", "139", "136", "186", "150", "177", "133", "158"}[r.IntN(8)]
		return fmt.Sprintf("+86 %s %04d %04d", pre, r.IntN(10000), r.IntN(10000))
	}
	switch r.IntN(3) {
	case 0:
		return fmt.Sprintf("+1 %03d 555 %04d", 200+r.IntN(700), r.IntN(10000))
	case 1:
		return fmt.Sprintf("+44 20 7946 %04d", r.IntN(10000))
	}
	return fmt.Sprintf("+61 2 9%03d %04d", r.IntN(1000), r.IntN(10000))
}
