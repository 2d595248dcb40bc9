package i18n

// appComponentMessages: the date field, filter bar, prompt, one-line input
// and importer of ui/components.
func appComponentMessages() []Msg {
	return []Msg{
		{Key: "tomorrow, fri, +3d, 12/01, 明天", Zh: "明天、周五、+3d、12/01、下周一"},
		{Key: "%s is in the past: pick today or later", Zh: "%s 已经过去：请选今天或以后"},
		{Key: "type a date: today, tomorrow, fri, +3d, 2026-12-01, 12/01, 明天", Zh: "请输入日期：今天、明天、周五、+3d、2026-12-01、12/01"}}
}

// appWelcomeMessages: the welcome screen of an empty book.
func appWelcomeMessages() []Msg {
	return []Msg{}
}
