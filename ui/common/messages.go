package common

import "github.com/rapportcrm/rapport/model"

// Cross-screen messages. Screens speak in meanings; the root model decides
// where to go. Messages internal to one screen live in that screen's
// package; the root hands the answer of a command to the screen that
// started it (see ui.App), so no message carries an owner.

// OpenCustomerMsg asks to open a customer's detail view. Sent by Today
// (enter on any row), Customers (enter) and Pipeline (enter on a card); handled by the root, which
// pushes a Detail screen.
type OpenCustomerMsg struct{ ID int64 }

// OpenPlaybooksMsg asks to open the Playbooks screen. Sent by Reports (b);
// handled by the root, which pushes it like a 360.
type OpenPlaybooksMsg struct{}

// BackMsg asks to leave the pushed screen. Sent by Detail (q/esc are
// handled by the root directly); handled by the root, which pops it and
// reloads the screen below.
type BackMsg struct{}

// SwitchScreenMsg asks to show a top-level screen. Sent by Welcome after
// sample data was loaded or a first customer added; handled by the root.
type SwitchScreenMsg struct{ ID ScreenID }

// ChangedMsg says a screen wrote to the book (completed, snoozed, added…).
// Sent by Today, Detail and Welcome after a successful write; handled by the
// root: it shows Status, reloads the summary and marks the other screens
// stale so they reload when shown.
type ChangedMsg struct{ Status string }

// StatusMsg puts a line in the footer. Sent by any screen (mostly errors
// and hints); handled by the root.
type StatusMsg struct {
	Text string
	Err  bool
	// Say, when set, is a catalog message (i18n.Errorf) the root says in
	// the reader's language instead of Text: for a part that has no
	// printer at hand (the edit keys' reasons).
	Say error
}

// ReloadMsg tells a screen to load its data again, keeping its cursor.
// Sent by the root to the visible screen when another process changed the
// file, after undo/redo, at midnight, and when a stale screen is shown.
type ReloadMsg struct{}

// EditRequestMsg asks for a form or question over the focused screen: add
// a customer, edit or archive the selected item, log an interaction, a
// follow-up, a deal, an order, tags, a contact, restore, resolve. Sent by
// Today, Customers, Detail (their edit keys) and Pipeline (n, e); handled by the root, which
// loads the row and has ui/editor open its form; Pipeline asks for a new
// deal in a stage (Stage).
type EditRequestMsg struct {
	Action EditAction
	Sel    Selection
	Stage  model.Stage // ActDealInStage: the stage a new deal goes into; ActEdit of a deal: the stage its form opens on (the 360's >, <, w, X)
	// Heading replaces the form's title ("Done: Send quote. Log what
	// happened?" when x offers to log the contact).
	Heading string
	// Draft prefills the log form (ActLog): the message m composed from a
	// template, to log as an outbound message once it was sent.
	Draft *model.Interaction
}

// EditedMsg tells the screen that asked for a form what it saved: the kind
// and id of the row (a new deal's id, so the board can put its cursor on
// it). Sent by the root when ui/editor reports a save, before the screen
// reloads.
type EditedMsg struct {
	Kind string
	ID   int64
}
