package i18n

// appComponentMessages: the date field, filter bar, prompt, one-line input
// and importer of ui/components.
func appComponentMessages() []Msg {
	return []Msg{}
}

// appWelcomeMessages: the welcome screen of an empty book.
func appWelcomeMessages() []Msg {
	return []Msg{}
}
