package i18n

// screenMessages are the messages of the screens (ui/screens/..., ui/reportview, ui/chart): section titles, columns, rows, reports.
func screenMessages() []Msg {
	return slicesConcat(todayMessages(), customerMessages(), detailMessages(), pipelineMessages(), reportMessages())
}

// slicesConcat joins the screens' message lists.
func slicesConcat(lists ...[]Msg) []Msg {
	var out []Msg
	for _, l := range lists {
		out = append(out, l...)
	}
	return out
}

// todayMessages are the Today screen's: its sections, rows and hints.
func todayMessages() []Msg {
	return []Msg{
		{Key: "open", Zh: "打开"},
		{Key: "done", Zh: "完成"},
		{Key: "a day later", Zh: "推迟一天"},
		{Key: "snooze to", Zh: "推迟到"},
		{Key: "show all/fewer", Zh: "展开/收起"},
		{Key: "Overdue follow-ups", Zh: "逾期"},
		{Key: "Due today", Zh: "今日到期"},
		{Key: "At risk", Zh: "流失风险"},
		{Key: "Rotting deals", Zh: "停滞商机"},
		{Key: "Due for a touch", Zh: "待联系"},
		{Key: "%s (%s)", Zh: "%s（%s）"},
		{Key: "%s · none", Zh: "%s · 无"},
		{Key: "… %s more · space shows them", Zh: "… 还有 %s 项 · 空格键展开"},
		{Key: "… %s more", Zh: "… 还有 %s 项"},
		{Key: "Snooze to:", Zh: "推迟到："},
		{Key: "Snooze until:", Zh: "推迟至："},
		{Key: "x marks a follow-up done: select one in the first two sections", Zh: "x 将跟进标记为完成：请在前两个分组中选择一项"},
		{Key: "z snoozes a follow-up or a rotting deal", Zh: "z 推迟一项跟进或一个停滞商机"},
		{Key: "Z snoozes a follow-up or a rotting deal to a date", Zh: "Z 将跟进或停滞商机推迟到某一天"},
		{Key: "Every section is shown whole: space folds them when they do not fit", Zh: "所有分组都已完整显示：放不下时空格键可收起"},
		{Key: "Loading today's triage…", Zh: "正在载入今日待办…"},
		{Key: "%dd overdue", Zh: "逾期%d天"},
		{Key: "overdue %s", Zh: "逾期 %s"},
		{Key: "today %s", Zh: "今日 %s"},
		{Key: "risk %d", Zh: "风险 %d"},
		{Key: "%dd stuck", Zh: "停滞%d天"},
		{Key: "%q in %s · %s", Zh: "%q 停在%s · %s"},
		{Key: "%dd/%dd", Zh: "%d天/%d天"},
		{Key: "no contact for %s d (every %s d for tier %s)", Zh: "%[1]s 天未联系（%[3]s 类客户每 %[2]s 天联系一次）"},
		{Key: "no contact for %s d (own cadence %s d)", Zh: "%s 天未联系（自定周期 %s 天）"},
	}
}

// customerMessages are the Customers screen's: columns, statuses, sorts, hints.
func customerMessages() []Msg {
	return []Msg{
		{Key: "Name", Zh: "姓名"},
		{Key: "Company", Zh: "公司"},
		{Key: "Tier", Zh: "分层"},
		{Key: "Status", Zh: "状态"},
		{Key: "Contacted", Zh: "上次联系"},
		{Key: "Next", Zh: "下次跟进"},
		{Key: "Pipeline", Zh: "商机金额"},
		{Key: "Risk", Zh: "风险"},
		{Key: "Deals", Zh: "商机"},
		{Key: "Email", Zh: "邮箱"},
		{Key: "Phone", Zh: "电话"},
		{Key: "Tags", Zh: "标签"}, // the wide Customers view's column (issue 21)
		{Key: "archived", Zh: "已归档"},
		{Key: "at risk", Zh: "流失风险"},
		{Key: "active", Zh: "活跃"},
		{Key: "dormant", Zh: "沉寂"},
		{Key: "churned", Zh: "已流失"},
		{Key: "due %s", Zh: "到期 %s"},
		{Key: "%dmo overdue", Zh: "逾期%d个月"},
		{Key: "sort", Zh: "排序"},
		{Key: "import a file", Zh: "导入文件"},
		{Key: "name, #tag, tier:A, risk:at, stage:proposal", Zh: "姓名、#标签、tier:A、risk:at、stage:proposal"},
		{Key: "/ filter · s sort", Zh: "/ 筛选 · s 排序"},
		{Key: "%s is no longer in this list", Zh: "%s 已不在此列表中"},
		{Key: "Loading customers…", Zh: "正在载入客户…"},
		{Key: "No customer matches this filter (esc clears it)", Zh: "没有符合筛选条件的客户（esc 清除筛选）"},
		{Key: "No customers yet: I imports a CSV or Excel file, a adds one", Zh: "还没有客户：I 导入 CSV 或 Excel 文件，a 新建一个"},
		{Key: "%s · sort: %s", Zh: "%s · 排序：%s"},
		{Key: "0 customers", Zh: "0 位客户"},
		{Key: "risk", Zh: "风险"},
		{Key: "name", Zh: "姓名"},
		{Key: "contact", Zh: "上次联系"},
		{Key: "next", Zh: "下次跟进"},
		{Key: "value", Zh: "金额"},
	}
}

// detailMessages are the 360's: its panels, the risk panel, deals, the
// timeline and its words for kinds, outcomes and directions.
func detailMessages() []Msg {
	return []Msg{
		{Key: " (archived)", Zh: "（已归档）"},
		{Key: "Tier %s", Zh: "%s 类"},
		{Key: " (pinned)", Zh: "（固定）"},
		{Key: " · %s · every %d d", Zh: " · %s · 每 %d 天联系"},
		{Key: " · churned: %s", Zh: " · 流失原因：%s"},
		{Key: "Industry: %s", Zh: "行业：%s"},
		{Key: "Source: %s", Zh: "来源：%s"},
		{Key: "Notes:", Zh: "备注："},
		{Key: "Tags: %s", Zh: "标签：%s"},
		{Key: "Contact: %s", Zh: "联系人：%s"},
		{Key: " (%s)", Zh: "（%s）"},
		{Key: ", ", Zh: "，"},
		{Key: " · primary", Zh: " · 主要联系人"},
		{Key: "never contacted", Zh: "从未联系"},
		{Key: "last contact %s", Zh: "上次联系 %s"},
		{Key: "Revenue %s in the last 365 d · %s in all", Zh: "近 365 天收入 %s · 累计 %s"},
		{Key: "Last scores: %s", Zh: "最近评分：%s"},
		{Key: "Risk %d · %s", Zh: "风险 %d · %s"},
		{Key: "watch", Zh: "关注"},
		{Key: "healthy", Zh: "健康"},
		{Key: "not scored", Zh: "未评分"},
		{Key: "no risk signals", Zh: "无风险信号"},
		{Key: "Open deals (%d)", Zh: "进行中的商机（%d）"},
		{Key: " · close %s", Zh: " · 预计成交 %s"},
		{Key: " · snoozed to %s", Zh: " · 推迟到 %s"},
		{Key: "Open follow-ups (%d)", Zh: "待办跟进（%d）"},
		{Key: "done lately:", Zh: "最近完成："},
		{Key: "Recent orders", Zh: "最近订单"},
		{Key: "none", Zh: "无"},
		{Key: "Timeline (%d)", Zh: "时间线（%d）"},
		{Key: "… %d older", Zh: "… 还有 %d 条更早的"},
		{Key: " (open)", Zh: "（未解决）"},
		{Key: "deal %d", Zh: "商机 %d"},
		{Key: "about %s", Zh: "关于 %s"},
		{Key: "(no details written; e adds them)", Zh: "（没有写详情；e 可补充）"},
		{Key: "resolved %s", Zh: "已于 %s 解决"},
		{Key: "open: r resolves it", Zh: "未解决：r 标记为已解决"},
		{Key: "prospect", Zh: "潜在客户"},
		{Key: "customer", Zh: "客户"},
		{Key: "call", Zh: "电话"},
		{Key: "email", Zh: "邮件"},
		{Key: "meeting", Zh: "会议"},
		{Key: "message", Zh: "消息"},
		{Key: "visit", Zh: "拜访"},
		{Key: "note", Zh: "备注"},
		{Key: "complaint", Zh: "投诉"},
		{Key: "feedback", Zh: "反馈"},
		{Key: "replied", Zh: "已回复"},
		{Key: "no reply", Zh: "未回复"},
		{Key: "positive", Zh: "积极"},
		{Key: "neutral", Zh: "中立"},
		{Key: "negative", Zh: "消极"},
		{Key: "outbound", Zh: "我方发起"},
		{Key: "inbound", Zh: "客户发起"},
		{Key: "internal", Zh: "内部"},
		{Key: "won", Zh: "赢单"},
		{Key: "lost", Zh: "输单"},
		{Key: "Recently closed deals (%d)", Zh: "最近结束的商机（%d）"},
		{Key: ">, <, w and X move a deal: select one under Open deals or Recently closed deals", Zh: ">、<、w 和 X 用于推进商机：请在“进行中的商机”或“最近结束的商机”中选择一个"},
		{Key: "%s is archived: R restores it first", Zh: "%s 已归档：请先按 R 恢复"},
		{Key: "%q is %s: < reopens it", Zh: "%q 已%s：< 重新打开"},
		{Key: "%q is already %s", Zh: "%q 已经%s"},
		{Key: "%s is the last open stage: nothing after it (w marks the deal won, X lost)", Zh: "%s 是最后一个进行中阶段，后面没有阶段了（w 标记赢单，X 标记输单）"},
		{Key: "%s is the first stage: nothing before it", Zh: "%s 是第一个阶段，前面没有阶段了"},
		{Key: "This pipeline has no Won stage (see rapport stages)", Zh: "此销售管道没有赢单阶段（见 rapport stages）"},
		{Key: "This pipeline has no Lost stage (see rapport stages)", Zh: "此销售管道没有输单阶段（见 rapport stages）"},
		{Key: "deal to next stage", Zh: "商机进入下一阶段"},
		{Key: "deal to previous stage/reopen", Zh: "商机退回上一阶段/重新打开"},
		{Key: "deal won", Zh: "赢单"},
		{Key: "deal lost", Zh: "输单"},
		{Key: "back", Zh: "返回"},
		{Key: "read in full", Zh: "阅读全文"},
		{Key: "fold", Zh: "收起"},
		{Key: "%s (on a follow-up)", Zh: "%s（选中跟进时）"},
		{Key: "read (on a timeline row)", Zh: "阅读（选中时间线时）"},
		{Key: "This customer", Zh: "此客户"},
		{Key: "%s is no longer in the book (the change that added it was undone, or it was purged); closed its page", Zh: "%s 已不在客户簿中（添加它的操作已撤销，或已被清除）；已关闭其页面"},
		{Key: "x marks a follow-up done: select one under Open follow-ups", Zh: "x 将跟进标记为完成：请在“待办跟进”中选择一项"},
		{Key: "z snoozes a follow-up: select one under Open follow-ups", Zh: "z 推迟跟进：请在“待办跟进”中选择一项"},
		{Key: "Z snoozes a follow-up to a date: select one under Open follow-ups", Zh: "Z 将跟进推迟到某一天：请在“待办跟进”中选择一项"},
		{Key: "Loading customer…", Zh: "正在载入客户…"},
	}
}

func pipelineMessages() []Msg {
	return []Msg{}
}

func reportMessages() []Msg {
	return []Msg{}
}
