package i18n

// screenMessages are the messages of the screens (ui/screens/..., ui/reportview, ui/chart): section titles, columns, rows, reports.
func screenMessages() []Msg {
	return []Msg{
		{Key: "Tags", Zh: "标签"}, // the wide Customers view's column (issue 21)
	}
}
