package editor

import (
	"strings"

	"github.com/aymanbagabas/go-osc52/v2"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/model/i18n"
	"github.com/rapportcrm/rapport/ui/common"
	"github.com/rapportcrm/rapport/ui/components/exteditor"
)

// m on a customer or follow-up row (issue 24): pick a template (the one for
// the follow-up's purpose, or the Care row's, first), see it filled in for
// the customer, then copy it to the clipboard with OSC 52 (works over SSH)
// or write it in $EDITOR; sending is the user's, and the editor then offers
// to log it as an outbound message (the log form, prefilled).

// composeLoadedMsg carries the templates, ranked, and the customer's
// values. Produced by loadComposeCmd; handled by Model.Update.
type composeLoadedMsg struct {
	Seq       int
	Req       common.EditRequestMsg
	Ctx       db.TemplateContext
	Templates []model.Template
	Err       error
}

// composeEditID names the $EDITOR round trip of the composed text.
const composeEditID = "compose"

func loadComposeCmd(c *common.Common, seq int, req common.EditRequestMsg) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := c.DBCtx()
		defer cancel()
		fid := int64(0)
		if req.Sel.Kind == common.KindFollowup {
			fid = req.Sel.ItemID
		}
		tc, err := c.DB.TemplateContext(ctx, req.Sel.CustomerID, fid)
		if err != nil {
			return composeLoadedMsg{Seq: seq, Req: req, Err: err}
		}
		if req.Sel.Purpose != "" {
			tc.For.Purpose = req.Sel.Purpose
		}
		ts, err := c.DB.Templates(ctx)
		return composeLoadedMsg{Seq: seq, Req: req, Ctx: tc, Templates: model.RankTemplates(ts, tc.For), Err: err}
	}
}

// composeKeys are the keys of the template picker and its question.
type composeKeys struct {
	Up, Down key.Binding
	Copy     key.Binding
	Edit     key.Binding
	Log      key.Binding
	Cancel   key.Binding
	Yes, No  key.Binding
}

func newComposeKeys() composeKeys {
	return composeKeys{
		Up:     key.NewBinding(key.WithKeys("k", "up"), key.WithHelp("↑/k", i18n.N("previous"))),
		Down:   key.NewBinding(key.WithKeys("j", "down"), key.WithHelp("↓/j", i18n.N("next template"))),
		Copy:   key.NewBinding(key.WithKeys("enter", "c"), key.WithHelp("enter/c", i18n.N("copy"))),
		Edit:   key.NewBinding(key.WithKeys("e", "ctrl+e"), key.WithHelp("e", i18n.N("edit in $EDITOR"))),
		Log:    key.NewBinding(key.WithKeys("l"), key.WithHelp("l", i18n.N("log as sent"))),
		Cancel: key.NewBinding(key.WithKeys("esc", "q"), key.WithHelp("esc", i18n.N("close"))),
		Yes:    key.NewBinding(key.WithKeys("y", "Y", "enter"), key.WithHelp("y", i18n.N("log it"))),
		No:     key.NewBinding(key.WithKeys("n", "N", "esc"), key.WithHelp("n", i18n.N("not now"))),
	}
}

// compose is the open template picker.
type compose struct {
	req       common.EditRequestMsg
	ctx       db.TemplateContext
	templates []model.Template
	cursor    int
	text      string // the selected template filled in, or as edited
	edited    bool   // text came back from $EDITOR
	asking    bool   // "Copied: log it as an outbound message?"
	keys      composeKeys
}

func newCompose(msg composeLoadedMsg) *compose {
	cp := &compose{req: msg.Req, ctx: msg.Ctx, templates: msg.Templates, keys: newComposeKeys()}
	cp.fill()
	return cp
}

// fill puts the selected template, filled in, as the text.
func (cp *compose) fill() {
	cp.edited = false
	if len(cp.templates) == 0 {
		cp.text = ""
		return
	}
	cp.text = model.Fill(cp.templates[cp.cursor].Body, cp.ctx.Values)
}

func (cp *compose) name() string {
	if len(cp.templates) == 0 {
		return "Message"
	}
	return cp.templates[cp.cursor].Name
}

// composeKey handles a key of the open picker.
func (m *Model) composeKey(msg tea.KeyMsg) tea.Cmd {
	cp := m.compose
	if cp.asking {
		switch {
		case key.Matches(msg, cp.keys.Yes):
			return m.logComposed()
		case key.Matches(msg, cp.keys.No):
			m.compose = nil
			return result(ResultMsg{Status: m.c.P.T("Copied to the clipboard · not logged")})
		}
		return nil
	}
	switch {
	case key.Matches(msg, cp.keys.Cancel):
		m.compose = nil
		return result(ResultMsg{Status: m.c.P.T("No message")})
	case key.Matches(msg, cp.keys.Up) && len(cp.templates) > 0:
		cp.cursor = (cp.cursor + len(cp.templates) - 1) % len(cp.templates)
		cp.fill()
	case key.Matches(msg, cp.keys.Down) && len(cp.templates) > 0:
		cp.cursor = (cp.cursor + 1) % len(cp.templates)
		cp.fill()
	case key.Matches(msg, cp.keys.Edit):
		return m.c.EditText(composeEditID, cp.text)
	case key.Matches(msg, cp.keys.Copy) && strings.TrimSpace(cp.text) != "":
		if err := copyToClipboard(m.c, cp.text); err != nil {
			return errorCmd(i18n.Errorf("cannot copy to the clipboard: %w", err))
		}
		cp.asking = true
	case key.Matches(msg, cp.keys.Log) && strings.TrimSpace(cp.text) != "":
		return m.logComposed()
	}
	return nil
}

// editedText takes the text back from $EDITOR.
func (cp *compose) editedText(p *i18n.Printer, msg exteditor.DoneMsg) tea.Cmd {
	if msg.Err != nil {
		return errorCmd(msg.Err)
	}
	cp.text, cp.edited = msg.Text, true
	return common.StatusCmd(p.T("Edited: enter copies it, l logs it as sent"))
}

// logComposed opens the log form prefilled with the message: kind message,
// outbound, the template's name as the summary and the text as details.
func (m *Model) logComposed() tea.Cmd {
	cp := m.compose
	m.compose = nil
	req := common.EditRequestMsg{Action: common.ActLog, Sel: cp.req.Sel, Heading: m.c.P.T("Sent? Log the message (ctrl+s saves, esc skips)"),
		Draft: &model.Interaction{Kind: model.KindMessage, Direction: model.Outbound, Summary: cp.name(), Body: cp.text}}
	m.seq++
	return loadEditCmd(m.c, m.seq, req)
}

// copyToClipboard writes text to the terminal's clipboard with OSC 52
// (wrapped for tmux and screen, which otherwise swallow it). The terminal
// decides whether to honour it; over SSH it reaches the local one.
func copyToClipboard(c *common.Common, text string) error {
	seq := osc52.New(text)
	getenv := c.Getenv
	switch {
	case getenv == nil:
	case getenv("TMUX") != "":
		seq = seq.Tmux()
	case strings.HasPrefix(getenv("TERM"), "screen"):
		seq = seq.Screen()
	}
	_, err := seq.WriteTo(c.Terminal())
	return err
}

// composeHelp is the footer's help while the picker is open.
func (cp *compose) help() []key.Binding {
	if cp.asking {
		return []key.Binding{cp.keys.Yes, cp.keys.No}
	}
	return []key.Binding{cp.keys.Down, cp.keys.Copy, cp.keys.Edit, cp.keys.Log, cp.keys.Cancel}
}

// composeView draws the picker in the body: whose message, the templates
// (a window around the cursor), then the filled text, wrapped.
func (m *Model) composeView() string {
	cp := m.compose
	s := m.c.Styles
	w, h := m.w, m.h
	p := m.c.P
	title := p.T("Message for %s", common.Clean(cp.ctx.Values.Name))
	if cp.ctx.FollowupTitle != "" {
		title += " · " + common.Clean(cp.ctx.FollowupTitle)
	}
	out := []string{s.Section.Title.Render(common.Truncate(title, w))}
	if len(cp.templates) == 0 {
		out = append(out, s.Item.Dim.Render(common.Truncate(p.T("No templates: add one with rapport template add"), w)))
		return common.Frame(out, w, h)
	}
	// The list takes up to a third of the body; the text gets the rest
	// (two lines go to the title and the hint).
	listH := min(len(cp.templates), max(1, (h-2)/3))
	top := common.Clamp(cp.cursor-listH/2, 0, max(0, len(cp.templates)-listH))
	for i := top; i < top+listH && i < len(cp.templates); i++ {
		t := cp.templates[i]
		line := "  " + common.Clean(t.Name) + " · " + t.Purpose
		if t.Tier != "" {
			line += " · " + p.T("tier %s", string(t.Tier))
		}
		if t.Tag != "" {
			line += " · #" + common.Clean(t.Tag)
		}
		if i == cp.cursor {
			out = append(out, s.Table.Selected.Render(common.Truncate(common.MarkSelected+line[1:], w)))
		} else {
			out = append(out, common.Truncate(line, w))
		}
	}
	hint := p.T("enter copies it to the clipboard · e edits it in $EDITOR · l logs it as sent")
	if cp.edited {
		hint = p.T("edited · %s", hint)
	}
	if cp.asking {
		hint = p.T("Copied. Sent it? y logs it as an outbound message · n not now")
	}
	room := h - len(out) - 1
	var body []string
	for _, para := range strings.Split(model.SanitizeMultiline(cp.text), "\n") {
		body = append(body, strings.Split(ansi.Wrap(para, max(1, w-2), " "), "\n")...)
	}
	for i := 0; i < len(body) && i < room; i++ {
		out = append(out, "  "+body[i])
	}
	for len(out) < h-1 {
		out = append(out, "")
	}
	st := s.Item.Dim
	if cp.asking {
		st = s.App.SummaryWarm
	}
	out = append(out, st.Render(common.Truncate(hint, w)))
	return common.Frame(out, w, h)
}

// errorCmd puts err in the footer as an error.
func errorCmd(err error) tea.Cmd {
	return func() tea.Msg { return common.StatusMsg{Text: common.ErrorText(err), Err: true} }
}
