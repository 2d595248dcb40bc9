package i18n

// cliMessages are the messages of the command line (ui/cli, main.go): human output, --help, usage and errors.
func cliMessages() []Msg {
	return []Msg{}
}
