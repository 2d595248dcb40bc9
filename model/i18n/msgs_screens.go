package i18n

// screenMessages are the messages of the screens (ui/screens/..., ui/reportview, ui/chart): section titles, columns, rows, reports.
func screenMessages() []Msg {
	return []Msg{}
}
