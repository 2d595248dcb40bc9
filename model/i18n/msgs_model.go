package i18n

// modelMessages are the messages of model and db: risk reason texts, dates, amounts and errors the user reads.
func modelMessages() []Msg {
	return []Msg{}
}
