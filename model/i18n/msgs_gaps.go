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

		// Import warnings (db/transfer): the row was imported.
		{Key: "tier: %q is not a tier (A, B or C, or Hot/Warm/Cold); kept in the notes", Zh: "分层：%q 不是分层（A、B、C，或 Hot/Warm/Cold）；已保留在备注中"},
		{Key: "lifecycle: %q is not a lifecycle (prospect, customer or churned); kept in the notes", Zh: "生命周期：%q 不是生命周期（prospect、customer 或 churned）；已保留在备注中"},
		{Key: "cadence: %q is not a number of days between 1 and 3650; kept in the notes", Zh: "跟进周期：%q 不是 1 到 3650 之间的天数；已保留在备注中"},
		{Key: "email: %q is not an email address; kept in the notes", Zh: "邮箱：%q 不是邮箱地址；已保留在备注中"},
		{Key: "email: %q read as %s", Zh: "邮箱：%q 读作 %s"},
		{Key: "email: %q holds %d addresses: %s is the email, the others are in the notes", Zh: "邮箱：%q 含有 %d 个地址：%s 作为邮箱，其余保留在备注中"},
		{Key: "phone: %q is not a phone number; kept in the notes", Zh: "电话：%q 不是电话号码；已保留在备注中"},
		{Key: "phone: %q is too short for a phone number (an extension?); kept in the notes", Zh: "电话：%q 太短，不像电话号码（是分机号吗？）；已保留在备注中"},
		{Key: "phone: %q holds %d numbers: %s is the phone, the cell is kept in the notes", Zh: "电话：%q 含有 %d 个号码：%s 作为电话，整个单元格保留在备注中"},
		{Key: "phone: %q read as %s, the cell is kept in the notes", Zh: "电话：%q 读作 %s，单元格保留在备注中"},
		{Key: "%s: %q is not a date (1988-05-12 or 05-12); kept in the notes", Zh: "%s：%q 不是日期（1988-05-12 或 05-12）；已保留在备注中"},
		{Key: "dates: %q is not \"label | date\"; kept in the notes", Zh: "日期：%q 不是“名称 | 日期”格式；已保留在备注中"},
		{Key: "dates: %q is not \"label | date\" with a date like 2027-03-31 (or 03-31 every year); kept in the notes", Zh: "日期：%q 不是“名称 | 日期”格式（日期如 2027-03-31，每年的写 03-31）；已保留在备注中"},
		{Key: "%s: NUL bytes removed", Zh: "%s：已删除 NUL 字节"},
		{Key: "%s: %d characters, cut to %d", Zh: "%s：%d 个字符，已截为 %d 个"},
		{Key: "%s: %d characters is too long for the field; kept in the notes", Zh: "%s：%d 个字符，超出字段长度；已保留在备注中"},
		{Key: "notes: %d characters, cut to %d", Zh: "备注：%d 个字符，已截为 %d 个"},
		{Key: "tag %q is longer than 60 characters; left out", Zh: "标签 %q 超过 60 个字符；未导入"},
		{Key: "%s: %q is not a date; kept in the notes", Zh: "%s：%q 不是日期；已保留在备注中"},
		{Key: "a quote is out of place; the row was read leniently (check its values)", Zh: "引号位置不对；这一行已宽松读取（请检查其中的值）"},
		{Key: "phone %s is on %d rows (a switchboard?): it does not make them one customer", Zh: "电话 %s 出现在 %d 行（总机？）：不会因此把它们当作同一客户"},
		{Key: "the file is UTF-8 apart from a few invalid bytes (on line %s and %d more), shown as \uFFFD: check those values, or give --encoding if the file is in another encoding", Zh: "文件除少数无效字节外是 UTF-8（第 %s 行及另外 %d 行），显示为 \uFFFD：请检查这些值；如果文件是其他编码，请用 --encoding 指定"},
		{Key: "the file is UTF-8 apart from a few invalid bytes (on line %s), shown as \uFFFD: check those values, or give --encoding if the file is in another encoding", Zh: "文件除少数无效字节外是 UTF-8（第 %s 行），显示为 \uFFFD：请检查这些值；如果文件是其他编码，请用 --encoding 指定"},
		// What the rules scheduled in answer to a command (rapport log, add).
		{Key: "rule %s scheduled follow-up %d: %s, due %s", Zh: "规则 %s 已安排跟进 %d：%s，%s 到期"},

		// model.ParseMoney's refusals.
		{Key: "12,000, 12000.50, $3.5k or ¥12,000", Zh: "12,000、12000.50、$3.5k、¥12,000 或 1.2万"},
		{Key: "enter an amount, like %s", Zh: "请输入金额，如 %s"},
		{Key: "%s is too long for an amount; try %s", Zh: "%s 太长，不是金额；可以输入 %s"},
		{Key: "%s is not an amount; try %s", Zh: "%s 不是金额；可以输入 %s"},
		{Key: "%s is negative; amounts can't be below zero", Zh: "%s 是负数；金额不能小于零"},
		{Key: "%s names two currencies; give one", Zh: "%s 写了两种货币；请只写一种"},
		{Key: "%s names no currency; add one, like USD 1,200 or ¥12,000", Zh: "%s 没有写货币；请加上，如 USD 1,200 或 ¥12,000"},
		{Key: "%s names two currencies (%s and %s); give one", Zh: "%s 写了两种货币（%s 和 %s）；请只写一种"},
		{Key: "%s has misplaced separators; try %s", Zh: "%s 的分隔符位置不对；可以输入 %s"},
		{Key: "%s has decimals, but %s has no minor unit; give a whole number", Zh: "%s 有小数，但 %s 没有辅币单位；请写整数"},
		{Key: "%s has more decimal places than %s allows (%d)", Zh: "%s 的小数位数超过 %s 允许的位数（%d）"},
		{Key: "%s is too large an amount", Zh: "%s 金额太大"},
	}
}
