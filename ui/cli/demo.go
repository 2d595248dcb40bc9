package cli

// demoVerbs returns the verbs defined in this file.
func demoVerbs() map[string]Verb { return map[string]Verb{} }
