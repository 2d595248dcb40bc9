package cli

// reportVerbs returns the verbs defined in this file.
func reportVerbs() map[string]Verb { return map[string]Verb{} }
