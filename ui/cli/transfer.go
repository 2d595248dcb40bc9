package cli

// transferVerbs returns the verbs defined in this file.
func transferVerbs() map[string]Verb { return map[string]Verb{} }
