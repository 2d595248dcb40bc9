package i18n

// modelMessages are the messages of model and db: risk reason texts, dates,
// amounts and errors the user reads.
func modelMessages() []Msg {
	return []Msg{
		// Relative days (model, ui/common).
		{Key: "today", Zh: "今天"},
		{Key: "yesterday", Zh: "昨天"},
		{Key: "tomorrow", Zh: "明天"},
		{Key: "never", Zh: "从未"},
		{Key: "%d d ago", Zh: "%d天前"},
		{Key: "%dd ago", Zh: "%d天前"},
		{Key: "%dmo ago", Zh: "%d个月前"},
		{Key: "%dy ago", Zh: "%d年前"},
		{Key: "%dd overdue", Zh: "逾期%d天"},
		{Key: "in %dd", Zh: "%d天后"},
		{Key: " (today)", Zh: "（今天）"},
		{Key: " (tomorrow)", Zh: "（明天）"},
		{Key: " (yesterday)", Zh: "（昨天）"},
		{Key: " (in %d days)", Zh: "（%d天后）"},
		{Key: " (%d days ago)", Zh: "（%d天前）"},

		// Risk reasons (SPEC §3), rendered when read.
		{Key: "No contact since added %s (usual rhythm %d d)", Zh: "添加后一直未联系，%s添加（通常每%d天联系一次）"},
		{Key: "No contact for %d d (usual rhythm %d d)", Zh: "%d天未联系（通常每%d天联系一次）"},
		{Key: "Last order %s", Zh: "最近一次下单：%s"},
		{Key: "No order for %d d", Zh: "%d天未下单"},
		{Key: "No order in 12 months", Zh: "近12个月没有订单"},
		{Key: "Only 1 order in 12 months", Zh: "近12个月仅1笔订单"},
		{Key: "1 order in 12 months", Zh: "近12个月1笔订单"},
		{Key: "Only %d orders in 12 months, usually every %d d", Zh: "近12个月仅%d笔订单，通常每%d天一笔"},
		{Key: "%d orders in 12 months, usually every %d d", Zh: "近12个月%d笔订单，通常每%d天一笔"},
		{Key: "Only %d orders in 12 months", Zh: "近12个月仅%d笔订单"},
		{Key: "%d orders in 12 months", Zh: "近12个月%d笔订单"},
		{Key: "Average order %s (book median %s)", Zh: "平均订单%s（客户库中位数%s）"},
		{Key: "Customers like this one in this book: %d", Zh: "本客户库中同类客户的基准：%d"},
		{Key: "Last %d outreaches unanswered", Zh: "最近%d次联系未获回复"},
		{Key: "Complaint resolved %s", Zh: "投诉已解决（%s）"},
		{Key: "%d open complaints", Zh: "%d个投诉未解决"},
		{Key: "%d open complaints, oldest %s", Zh: "%d个投诉未解决，最早的在%s"},
		{Key: "Open complaint", Zh: "投诉未解决"},
		{Key: "Open complaint from %s", Zh: "投诉未解决（%s）"},
		{Key: "Last contact was negative", Zh: "最近一次联系结果负面"},
		{Key: "Rated %d/10 on %s", Zh: "%[2]s评分%[1]d/10"},
		{Key: "Contact frequency down %d%%", Zh: "联系频率下降%d%%"},
		{Key: "\"%s\" stuck in %s %d d (+%d more)", Zh: "“%s”停滞在%s阶段%d天（另有%d个）"},
		{Key: "\"%s\" stuck in %s %d d", Zh: "“%s”停滞在%s阶段%d天"},
		{Key: "%d follow-ups overdue, oldest %d d", Zh: "%d个跟进逾期，最久%d天"},
		{Key: "Follow-up %d d overdue", Zh: "跟进逾期%d天"},
	}
}
