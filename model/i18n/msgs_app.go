package i18n

// appMessages are the messages of the app's frame and shared parts (ui, ui/common, ui/components, ui/editor): tabs, help, keys, forms, prompts, status lines.
func appMessages() []Msg {
	return []Msg{}
}
