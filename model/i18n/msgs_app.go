package i18n

// appMessages are the messages of the app's frame and shared parts (ui, ui/common, ui/components, ui/editor): tabs, help, keys, forms, prompts, status lines.
func appMessages() []Msg {
	var out []Msg
	for _, part := range [][]Msg{appFrameMessages(), appKeyMessages(), appChangeMessages(), appFormMessages(), appEditorMessages(), appComponentMessages(), appWelcomeMessages(), appPickerMessages()} {
		out = append(out, part...)
	}
	return out
}

// appFrameMessages: the tabs, the launch summary, the help's frame, the
// status lines of the root and ui/common.
func appFrameMessages() []Msg {
	return []Msg{
		{Key: "Today", Zh: "今日"},
		{Key: "Customers", Zh: "客户"},
		{Key: "Pipeline", Zh: "商机"},
		{Key: "Reports", Zh: "报表"},
		{Key: "window too small: needs %d×%d, is %d×%d", Zh: "窗口太小：至少需要 %d×%d，现在是 %d×%d"},

		{Key: "%s overdue", Zh: "%s 项逾期"},
		{Key: "%s due today", Zh: "%s 项今日到期"},
		{Key: "%s at risk", Zh: "%s 位有流失风险"},
		{Key: "%[2]s rotting deals", One: "%[2]s rotting deal", Zh: "%[2]s 个停滞商机"},
		{Key: "%s to touch", Zh: "%s 位待联系"},
		{Key: "%s %s of %s", Zh: "%s %s，目标 %s"},
		{Key: "%s %d%% of %s", Zh: "%s 完成 %d%%，目标 %s"},
		{Key: "starts in %s", Zh: "%s后开始"},
		{Key: "ended", Zh: "已结束"},
		{Key: "%s left", Zh: "剩 %s"},
		{Key: "pace %s", Zh: "预计 %s"},
		{Key: "%d days", One: "%d day", Zh: "%d 天"},
		{Key: "! behind", Zh: "! 落后"},
		{Key: "%[2]s %[1]d", Zh: "%[1]d年%[2]s"},
		{Key: "Jan", Zh: "1月"}, {Key: "Feb", Zh: "2月"}, {Key: "Mar", Zh: "3月"}, {Key: "Apr", Zh: "4月"},
		{Key: "May", Zh: "5月"}, {Key: "Jun", Zh: "6月"}, {Key: "Jul", Zh: "7月"}, {Key: "Aug", Zh: "8月"},
		{Key: "Sep", Zh: "9月"}, {Key: "Oct", Zh: "10月"}, {Key: "Nov", Zh: "11月"}, {Key: "Dec", Zh: "12月"},

		{Key: "Keys — ? or esc closes", Zh: "按键 — ? 或 esc 关闭"},
		{Key: "Keys — j/k scroll · ? or esc closes", Zh: "按键 — j/k 滚动 · ? 或 esc 关闭"},
		{Key: "↓ %s more lines · j", Zh: "↓ 还有 %s 行 · j"},

		{Key: "Nothing to undo", Zh: "没有可撤销的操作"},
		{Key: "Undone: %s (ctrl+r redoes)", Zh: "已撤销：%s（ctrl+r 重做）"},
		{Key: "Redone: %s (u undoes)", Zh: "已重做：%s（u 撤销）"},
		{Key: "The last change, %q, was made elsewhere (the command line or another window): u again undoes it", Zh: "最近的修改 %q 是在别处做的（命令行或另一个窗口）：再按 u 撤销它"},
		{Key: "Cannot watch the file for other writers: %s", Zh: "无法监视文件是否被其他程序写入：%s"},
		{Key: "Midnight refresh failed: %s", Zh: "午夜刷新失败：%s"},
		{Key: "The book was replaced on disk (a sync tool or a copy saved over it): reopened it; a change made in the last second may not have been saved", Zh: "账本文件在磁盘上被替换了（同步工具或覆盖保存的副本）：已重新打开；最后一秒内的修改可能没有保存"},
		{Key: "re-scoring the book's risk for the new month (a few seconds on a big book)…", Zh: "正在为新的月份重新评估账本的流失风险（大账本需要几秒钟）…"},
		{Key: "cannot bring %s up to date: %v", Zh: "无法更新 %s：%v"},
		{Key: "cannot read %s: %v", Zh: "无法读取 %s：%v"},

		{Key: "The book took too long to answer (another program may be busy with it): press r or try again in a moment", Zh: "账本响应太慢（可能有其他程序正在使用它）：按 r 或稍后再试"},
		{Key: "Stopped before it finished: nothing was changed", Zh: "未完成就停止了：没有任何修改"},
		{Key: "Not found: it may have been removed in another window", Zh: "找不到：可能已在另一个窗口中删除"},
		{Key: "Done: %s. Log what happened? (esc skips)", Zh: "已完成：%s。记录一下发生了什么？（esc 跳过）"},
		{Key: "Done: %s (u undoes)", Zh: "已完成：%s（u 撤销）"},
		{Key: "Snoozed to %s: %s", Zh: "已推迟到%s：%s"},
		{Key: "Snoozed a day, to %s: %s", Zh: "已推迟一天，到%s：%s"},
		{Key: "Deal snoozed to %s: %s", Zh: "商机已推迟到%s：%s"},
		{Key: "Select a row first", Zh: "请先选中一行"},
		{Key: "R restores an archived customer: list them with / archived:yes", Zh: "R 恢复已归档的客户：用 / archived:yes 列出它们"},
		{Key: "%s is archived: R restores it first", Zh: "%s 已归档：先按 R 恢复"},
		{Key: "r resolves a complaint: select an open one in the timeline", Zh: "r 解决投诉：在时间线中选中一条未解决的投诉"},
		{Key: "Nothing to edit here: select a customer, contact, deal, follow-up, order or interaction", Zh: "这里没有可编辑的内容：请选中客户、联系人、商机、跟进、订单或沟通记录"},
	}
}

// appKeyMessages: the help of the root's, the lists' and the edit keys.
func appKeyMessages() []Msg {
	return []Msg{
		{Key: "quit", Zh: "退出"},
		{Key: "help", Zh: "帮助"},
		{Key: "back", Zh: "返回"},
		{Key: "back/clear", Zh: "返回/清除"},
		{Key: "next screen", Zh: "下一屏"},
		{Key: "previous screen", Zh: "上一屏"},
		{Key: "undo", Zh: "撤销"},
		{Key: "redo", Zh: "重做"},

		{Key: "move", Zh: "移动"},
		{Key: "up", Zh: "上移"},
		{Key: "down", Zh: "下移"},
		{Key: "top", Zh: "到顶"},
		{Key: "bottom", Zh: "到底"},
		{Key: "half page down", Zh: "下翻半页"},
		{Key: "half page up", Zh: "上翻半页"},
		{Key: "page down", Zh: "下翻一页"},
		{Key: "page up", Zh: "上翻一页"},

		{Key: "add customer", Zh: "添加客户"},
		{Key: "edit", Zh: "编辑"},
		{Key: "log interaction", Zh: "记录沟通"},
		{Key: "follow-up", Zh: "跟进"},
		{Key: "new deal", Zh: "新建商机"},
		{Key: "record order", Zh: "记录订单"},
		{Key: "tags", Zh: "标签"},
		{Key: "add contact", Zh: "添加联系人"},
		{Key: "archive", Zh: "归档"},
		{Key: "restore archived", Zh: "恢复已归档"},
		{Key: "resolve complaint", Zh: "解决投诉"},
		{Key: "edit/churn/pin tier", Zh: "编辑/流失/固定分层"},
		{Key: "edit customer", Zh: "编辑客户"},
		{Key: "edit contact", Zh: "编辑联系人"},
		{Key: "edit deal", Zh: "编辑商机"},
		{Key: "edit interaction", Zh: "编辑沟通记录"},
		{Key: "edit follow-up", Zh: "编辑跟进"},
		{Key: "edit order", Zh: "编辑订单"},
		{Key: "edit item", Zh: "编辑条目"},
		{Key: "archive customer", Zh: "归档客户"},
		{Key: "archive contact", Zh: "归档联系人"},
		{Key: "archive deal", Zh: "归档商机"},
		{Key: "archive interaction", Zh: "归档沟通记录"},
		{Key: "archive follow-up", Zh: "归档跟进"},
		{Key: "archive order", Zh: "归档订单"},
		{Key: "archive item", Zh: "归档条目"},

		{Key: "next field", Zh: "下一项"},
		{Key: "previous field", Zh: "上一项"},
		{Key: "next / save", Zh: "下一项/保存"},
		{Key: "save", Zh: "保存"},
		{Key: "cancel", Zh: "取消"},
		{Key: "change", Zh: "切换"},
		{Key: "new line", Zh: "换行"},
		{Key: "discard", Zh: "放弃"},
		{Key: "keep editing", Zh: "继续编辑"},
		{Key: "reload", Zh: "重新载入"},
	}
}

// appChangeMessages: the undo journal's descriptions, said back in
// "Undone: …" (ui/changes.go).
func appChangeMessages() []Msg {
	return []Msg{
		{Key: "log %s with %s and complete %q", Zh: "记录与 %[2]s 的%[1]s并完成 %[3]q"},
		{Key: "log %s with %s", Zh: "记录与 %[2]s 的%[1]s"},
		{Key: "complete %q", Zh: "完成 %q"},
		{Key: "snooze %q a day", Zh: "把 %q 推迟一天"},
		{Key: "snooze %q to %s", Zh: "把 %q 推迟到 %s"},
		{Key: "snooze deal %q", Zh: "推迟商机 %q"},
		{Key: "move %q to %s", Zh: "把 %q 移到 %s"},
		{Key: "resolve complaint %q", Zh: "解决投诉 %q"},
		{Key: "new deal %q", Zh: "新建商机 %q"},
		{Key: "edit deal %s and move it to %s", Zh: "编辑商机 %s 并移到 %s"},
		{Key: "edit tags of %s", Zh: "编辑 %s 的标签"},
		{Key: "edit order from %s", Zh: "编辑 %s 的订单"},
		{Key: "order from %s", Zh: "记录订单：%s"},
		{Key: "add contact %s at %s", Zh: "为 %[2]s 添加联系人 %[1]s"},
		{Key: "schedule next follow-up with %s", Zh: "安排与 %s 的下次跟进"},
		{Key: "follow up %s: %s", Zh: "跟进 %s：%s"},
		{Key: "edit follow-up %s", Zh: "编辑跟进 %s"},
		{Key: "edit customer %s", Zh: "编辑客户 %s"},
		{Key: "edit contact %s", Zh: "编辑联系人 %s"},
		{Key: "edit deal %s", Zh: "编辑商机 %s"},
		{Key: "edit %s with %s", Zh: "编辑与 %[2]s 的%[1]s"},
		{Key: "add customer %s", Zh: "添加客户 %s"},
		{Key: "add deal %s", Zh: "添加商机 %s"},
		{Key: "archive customer %s", Zh: "归档客户 %s"},
		{Key: "archive contact %s", Zh: "归档联系人 %s"},
		{Key: "archive deal %s", Zh: "归档商机 %s"},
		{Key: "archive interaction %s", Zh: "归档沟通记录 %s"},
		{Key: "archive follow-up %s", Zh: "归档跟进 %s"},
		{Key: "archive followup %s", Zh: "归档跟进 %s"},
		{Key: "archive order %s", Zh: "归档订单 %s"},
		{Key: "archive item %s", Zh: "归档条目 %s"},
		{Key: "restore customer %s", Zh: "恢复客户 %s"},
		{Key: "restore contact %s", Zh: "恢复联系人 %s"},
		{Key: "restore deal %s", Zh: "恢复商机 %s"},
		{Key: "restore interaction %s", Zh: "恢复沟通记录 %s"},
		{Key: "restore follow-up %s", Zh: "恢复跟进 %s"},
		{Key: "restore followup %s", Zh: "恢复跟进 %s"},
		{Key: "restore order %s", Zh: "恢复订单 %s"},
		{Key: "restore item %s", Zh: "恢复条目 %s"},
		{Key: "tag customer", Zh: "给客户加标签"},
		{Key: "set goal %s", Zh: "设定目标 %s"},
		{Key: "remove goal %s", Zh: "删除目标 %s"},
		{Key: "segment customers", Zh: "客户分层"},
		{Key: "config %s", Zh: "设置 %s"},
		{Key: "change stage %s", Zh: "修改阶段 %s"},
		{Key: "add stage %s", Zh: "添加阶段 %s"},
		{Key: "rename stage %s", Zh: "重命名阶段 %s"},
		{Key: "move stage %s", Zh: "移动阶段 %s"},
		{Key: "remove stage %s", Zh: "删除阶段 %s"},
	}
}

// appPickerMessages: the customer picker of the forms (issue 21).
func appPickerMessages() []Msg {
	return []Msg{
		// The customer picker of the forms (issue 21).
		{Key: "Customer", Zh: "客户"},
		{Key: "part of a name, a company or #id", Zh: "姓名或公司的一部分，或 #编号"},
		{Key: "looking…", Zh: "查找中…"},
		{Key: "no customer matches: type less of the name, or #id", Zh: "没有匹配的客户：少输入几个字，或用 #编号"},
		{Key: "… more: type more of the name", Zh: "…还有更多：请多输入几个字"},
		{Key: "the list could not be read: %s", Zh: "无法读取列表：%s"},
		{Key: "↑/↓ choose · enter picks · esc closes the list", Zh: "↑/↓ 选择 · enter 选定 · esc 关闭列表"},
		{Key: "choose", Zh: "选择"},
		{Key: "pick", Zh: "选定"},
		{Key: "close list", Zh: "关闭列表"},
		{Key: "%d customers match: %s — pick one from the list", Zh: "有%d位客户匹配：%s——请从列表中选一位"},
	}
}
