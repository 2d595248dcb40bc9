package i18n

// appFormMessages: the forms of ui/components/form — labels, placeholders,
// hints, validation errors and the form's status line.
func appFormMessages() []Msg {
	return []Msg{}
}

// appEditorMessages: ui/editor — form titles, questions and what a save says.
func appEditorMessages() []Msg {
	return []Msg{}
}
