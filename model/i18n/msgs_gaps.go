package i18n

// gapMessages are the messages of the places issue 26 left in English:
// undo descriptions the command line and the care and playbook verbs
// write, the risk self-check's weights in words, import rejections and
// warnings, the playbook verbs and form, money and filter errors, and
// the rules a logged event scheduled.
func gapMessages() []Msg {
	return []Msg{
		// Undo descriptions (common.SayChange).
		{Key: "switch on playbook %q", Zh: "启用跟进规则 %q"},
		{Key: "switch off playbook %q", Zh: "停用跟进规则 %q"},
		{Key: "remove playbook %q", Zh: "删除跟进规则 %q"},
		{Key: "remove playbook", Zh: "删除跟进规则"},
		{Key: "add playbook %s", Zh: "添加跟进规则 %s"},
		{Key: "edit playbook %s", Zh: "编辑跟进规则 %s"},
		{Key: "switch the playbooks off", Zh: "停用全部跟进规则"},
		{Key: "add template %s", Zh: "添加话术 %s"},
		{Key: "edit template %s", Zh: "编辑话术 %s"},
		{Key: "remove template %s", Zh: "删除话术 %s"},
		{Key: "add holiday %s", Zh: "添加节日 %s"},
		{Key: "remove holiday %s", Zh: "删除节日 %s"},
		{Key: "add date %s", Zh: "添加纪念日期 %s"},
		{Key: "remove date", Zh: "删除纪念日期"},

		// The risk self-check's weights in words (db RiskCheck.WordsIn).
		{Key: "too few customers with orders to learn from yet: the standard weights are used", Zh: "有订单的客户还太少，无法学习：使用标准权重"},
		{Key: "how long since the last order", Zh: "距上次下单的时间"},
		{Key: "how often a customer orders", Zh: "下单频率"},
		{Key: "the size of their orders", Zh: "订单金额"},
		{Key: "in this book, %s matters most, then %s; %s hardly at all", Zh: "在本客户库中，%s影响最大，其次是%s；%s几乎没有影响"},
		{Key: "in this book, %s matters most, then %s, then %s", Zh: "在本客户库中，%s影响最大，其次是%s，再次是%s"},
		{Key: "a recent order counts as more risk, not less", Zh: "最近下过单反而算作风险更高"},
		{Key: "frequent buyers lapse more, not less", Zh: "常买的客户反而更易流失"},
		{Key: "larger orders lapse more, not less", Zh: "大额订单反而更易流失"},
		{Key: "%s; %s", Zh: "%s；%s"},
		{Key: "%s (unusual: %s)", Zh: "%s（异常：%s）"},
	}
}
