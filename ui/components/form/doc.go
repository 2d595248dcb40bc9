// Package form is rapport's keyboard form: a column of labelled fields
// (text, multi-line text, date, money, choice, whole number, yes/no) that
// the user fills in and saves, plus the concrete forms of SPEC §4 —
// customer, contact, deal, interaction, follow-up, order, tags and the
// "schedule the next follow-up?" prompt — with the functions that turn what
// was typed into model types through the same validation as the command
// line.
//
// The package touches no database. A screen opens a form from values it
// already has, routes every message to it while it is open (the form owns
// the keyboard: InputFocused is always true) and reacts to what it reports:
//
//	f := form.CustomerForm(cu, opts)          // focused, ready for typing
//	f.SetSize(w, h)
//	…
//	f, cmd = f.Update(msg)                     // in the screen's Update
//	…
//	case form.SubmittedMsg:                    // every field parsed, the
//		cu, err := form.ToCustomer(cu, msg.Values) // Validate hook passed
//		// save cu in a tea.Cmd; on success close the form; on failure:
//		//   f.SetError(err)  — a *model.ValidationError goes beside its field,
//		//                      model.ErrConflict opens the conflict question,
//		//                      anything else shows at the bottom
//		//   f.SetConflict("Wang Fang was changed in another window")
//	case form.CancelledMsg:                    // esc (after "Discard changes? y/n")
//		// close the form, write nothing
//	case form.ReloadRequestedMsg:              // r on the conflict question
//		// load the row again and open a fresh form over it
//
// Every message carries the form's ID so a screen that chains forms (log an
// interaction, then NextFollowupPrompt) knows which one answered.
//
// Keys: tab / shift+tab (and ↓ / ↑ outside multi-line fields) move between
// fields; enter moves to the next field and saves on the last one; ctrl+s
// saves from anywhere; esc cancels, asking first when something was typed.
// In a multi-line field enter also moves on (as in charmbracelet/huh):
// alt+enter or ctrl+j starts a new line. Choices and yes/no fields change
// with ←/→ or space. Nothing else is a shortcut: q and ? are letters.
package form
