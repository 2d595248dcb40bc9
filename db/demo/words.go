package demo

import "math/rand/v2"

// phrase is one line of text in both languages.
type phrase struct{ en, zh string }

func (p phrase) in(zh bool) string {
	if zh {
		return p.zh
	}
	return p.en
}

// pick returns a random phrase of ps in the customer's language.
func pick(r *rand.Rand, zh bool, ps []phrase) string { return ps[r.IntN(len(ps))].in(zh) }

// textTables are the interaction summaries, follow-up titles and deal titles
// the simulation writes, by situation.
type textTables struct {
	touch      map[string][]phrase // key: kind/direction/outcome class
	noReply    []phrase
	orderNote  []phrase
	complaint  []phrase
	apology    []phrase
	resolved   []phrase
	goodFb     []phrase
	badFb      []phrase
	negative   []phrase
	followups  []phrase
	chase      []phrase
	dealTitles []phrase
	stageTouch [4][]phrase // entering Lead, Qualified, Proposal, Negotiation
	dealFresh  []phrase
	won        []phrase
	lost       []phrase
	churnNote  phrase
	bodies     []phrase
	snooze     []phrase
	products   []phrase
}

func newTextTables() *textTables {
	return &textTables{
		touch: map[string][]phrase{
			"call/outbound/ok": {{"Called about next month's order", "电话沟通下月订单"}, {"Checked in on delivery schedule", "电话确认交货时间"},
				{"Call: walked through the new price list", "电话介绍新价格表"}, {"Quick call, all fine on their side", "简单通话，对方一切正常"},
				{"Called to confirm quantities", "电话确认数量"}},
			"call/inbound/ok": {{"They called asking about lead times", "客户来电询问交期"}, {"Inbound call: wants a sample", "客户来电索要样品"},
				{"Called back re. invoice question", "客户回电咨询发票"}},
			"email/outbound/ok": {{"Sent updated catalogue", "发送最新产品目录"}, {"Emailed quote for restock", "邮件发送补货报价"},
				{"Sent shipping confirmation", "发送发货确认"}, {"Shared case study", "分享客户案例"}, {"Emailed renewal terms", "邮件发送续约条款"}},
			"email/inbound/ok": {{"Asked for a volume discount", "来邮件询问批量折扣"}, {"Sent their forecast for next quarter", "发来下季度需求预测"},
				{"Requested product specs", "索要产品规格书"}, {"Confirmed receipt of goods", "确认收货"}},
			"message/outbound/ok": {{"WeChat: sent new arrivals", "微信发送新品信息"}, {"Slack: shared release notes", "Slack 分享更新说明"},
				{"Messaged about stock levels", "消息告知库存情况"}},
			"message/inbound/ok": {{"WeChat: asked about promo", "微信询问促销活动"}, {"Messaged a thumbs-up on delivery", "消息反馈到货满意"},
				{"Asked if we ship to their new site", "询问能否发到新仓库"}},
			"meeting/outbound/ok": {{"Quarterly review meeting", "季度回顾会议"}, {"Video call: roadmap walkthrough", "视频会议：介绍产品路线图"},
				{"Met buyer and finance lead", "与采购和财务负责人会面"}},
			"meeting/inbound/ok": {{"They came in to see the showroom", "客户来访参观展厅"}, {"Lunch meeting with the owner", "与老板共进午餐"}},
			"visit/outbound/ok": {{"Site visit: saw their new warehouse", "实地拜访新仓库"}, {"Visited the factory floor", "拜访工厂车间"},
				{"On-site training session", "上门培训"}},
			"visit/inbound/ok": {{"Visited our office", "来公司拜访"}},
			"note/internal/ok": {{"Note: budget approved for H2", "备注：下半年预算已批"}, {"Note: new buyer starts next month", "备注：下月换新采购"},
				{"Note: prefers invoices in PDF", "备注：发票要 PDF"}, {"Note: competitor pitched them last week", "备注：上周竞争对手来拜访过"}},
		},
		noReply: []phrase{{"Emailed to check in — no reply", "发邮件跟进，未回复"}, {"Called, went to voicemail", "打电话，无人接听"},
			{"Sent reorder reminder, no answer", "发送补货提醒，未回复"}, {"WeChat follow-up, unread", "微信跟进，未读"},
			{"Left a message with reception", "给前台留言"}},
		orderNote: []phrase{{"Restock", "补货"}, {"Monthly order", "月度订单"}, {"Rush order", "加急订单"}, {"Seasonal stock", "季节备货"}, {"", ""}},
		complaint: []phrase{{"Complaint: shipment arrived damaged", "投诉：到货破损"}, {"Complaint: invoice was wrong twice", "投诉：发票两次开错"},
			{"Complaint: late delivery held up their launch", "投诉：延迟交货影响上市"}, {"Complaint: quality below sample", "投诉：质量不如样品"},
			{"Complaint: support never called back", "投诉：售后一直没回电"}},
		apology:  []phrase{{"Apologised, arranging replacement", "致歉，安排补发"}, {"Called to apologise and explain", "电话致歉并解释原因"}},
		resolved: []phrase{{"Replacement delivered, they're satisfied", "补发到货，客户满意"}, {"Credit note issued, issue closed", "已开红字发票，问题解决"}},
		goodFb: []phrase{{"Feedback survey: happy with service", "满意度回访：服务满意"}, {"Rated us after delivery", "到货后评分"},
			{"NPS survey response", "NPS 调查回复"}},
		badFb: []phrase{{"Feedback: unhappy with delivery times", "反馈：对交期不满"}, {"Survey: says prices went up too much", "调查：认为涨价太多"},
			{"Rated support poorly", "对售后评分很低"}},
		negative: []phrase{{"Call: they're reviewing other suppliers", "电话：对方在考察其他供应商"}, {"Told us the last batch disappointed", "反馈上一批货让人失望"}},
		followups: []phrase{{"Send quote", "发送报价"}, {"Call back about renewal", "回电讨论续约"}, {"Send samples", "寄送样品"},
			{"Confirm delivery date", "确认交货日期"}, {"Check stock for reorder", "核对补货库存"}, {"Prepare quarterly review", "准备季度回顾"},
			{"Send contract draft", "发送合同草稿"}, {"Follow up on invoice", "跟进发票"}},
		chase: []phrase{{"Chase reply about quote", "催报价回复"}, {"Try calling again", "再打一次电话"}, {"Ask why orders stopped", "询问为何停止下单"},
			{"Book a visit before they drift", "尽快安排拜访"}},
		dealTitles: []phrase{{"Annual renewal", "年度续约"}, {"Expansion: new site", "二期扩容"}, {"Bulk order", "批量采购"},
			{"Pilot project", "试点项目"}, {"Service contract", "维保合同"}, {"New product line", "新品线合作"}, {"Framework agreement", "框架协议"}},
		stageTouch: [4][]phrase{
			{{"Intro call", "初次沟通"}, {"Inbound enquiry", "客户询价"}},
			{{"Discovery call: needs and budget", "需求与预算沟通"}, {"Qualified: decision by the owner", "确认决策人为老板"}},
			{{"Sent proposal", "发送方案"}, {"Proposal presented", "方案汇报"}},
			{{"Negotiating terms", "商务谈判"}, {"Discussed discount and payment terms", "讨论折扣与付款条件"}},
		},
		dealFresh: []phrase{{"Answered questions on the proposal", "解答方案问题"}, {"Sent revised pricing", "发送调整后报价"}, {"Demo for their team", "为对方团队做演示"}},
		won:       []phrase{{"Contract signed", "合同签订"}, {"PO received", "收到采购订单"}},
		lost:      []phrase{{"Deal lost", "丢单"}},
		churnNote: phrase{"Marked as churned", "标记为流失"},
		bodies: []phrase{{"Agreed next steps; they will confirm volumes by end of month.", "约定下一步：月底前确认采购量。"},
			{"Mentioned they are opening a second store in spring.", "提到春天要开第二家门店。"},
			{"Asked us to copy their finance team on invoices.", "要求发票抄送财务部。"}},
		snooze:   []phrase{{"Buyer on leave until next month", "采购负责人休假至下月"}, {"Waiting for their board meeting", "等待对方董事会决议"}},
		products: []phrase{{"Starter kit", "入门套装"}, {"Pro plan", "专业版"}, {"Spare parts", "备件"}},
	}
}
