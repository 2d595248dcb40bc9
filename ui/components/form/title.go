package form

// SetTitle changes the form's first line (the next follow-up question
// names a follow-up that is already open).
func (m *Model) SetTitle(title string) { m.spec.Title = title }
