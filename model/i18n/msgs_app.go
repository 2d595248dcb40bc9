package i18n

// appMessages are the messages of the app's frame and shared parts (ui, ui/common, ui/components, ui/editor): tabs, help, keys, forms, prompts, status lines.
func appMessages() []Msg {
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
