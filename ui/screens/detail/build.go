package detail

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/lipgloss"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/model/i18n"
	"github.com/rapportcrm/rapport/ui/common"
)

// build renders every line of the view as plain text.
func (v *Model) build() {
	s, p := v.c.Styles, v.c.P
	d := &v.d
	cu := &d.Customer
	today := v.c.Today()
	loc := v.c.Now().Location()
	items := v.items[:0]
	add := func(kind detailItemKind, idx int, st *lipgloss.Style, text string) {
		items = append(items, detailItem{kind: kind, idx: idx, text: text, style: st})
	}
	name := common.Clean(cu.Name)
	if cu.Company != "" {
		name += " · " + common.Clean(cu.Company)
	}
	if cu.ArchivedAt != 0 {
		name += p.T(" (archived)")
	}
	add(itemCustomer, 0, &s.Item.Name, name)
	card := p.T("Tier %s", cu.Tier)
	if cu.TierPinned {
		card += p.T(" (pinned)")
	}
	card += p.T(" · %s · every %d d", lifecycleText(p, cu.Lifecycle), d.Cadence)
	if cu.Lifecycle == model.Churned && cu.ChurnReason != "" {
		card += p.T(" · churned: %s", common.Clean(cu.ChurnReason))
	}
	add(itemText, 0, nil, card)
	var reach []string
	for _, f := range []string{cu.Email, cu.Phone, cu.IM} {
		if f != "" {
			reach = append(reach, common.Clean(f))
		}
	}
	if len(reach) > 0 {
		add(itemText, 0, nil, strings.Join(reach, " · "))
	}
	var about []string
	if cu.Industry != "" {
		about = append(about, p.T("Industry: %s", common.Clean(cu.Industry)))
	}
	if cu.Source != "" {
		about = append(about, p.T("Source: %s", common.Clean(cu.Source)))
	}
	if len(about) > 0 {
		add(itemText, 0, nil, strings.Join(about, " · "))
	}
	if notes := strings.TrimSpace(model.SanitizeMultiline(cu.Notes)); notes != "" {
		add(itemText, 0, &s.Item.Dim, p.T("Notes:"))
		for _, l := range strings.Split(notes, "\n") {
			add(itemText, 0, nil, "  "+common.Clean(l))
		}
	}
	if len(d.Tags) > 0 {
		tags := make([]string, len(d.Tags))
		for i, t := range d.Tags {
			tags[i] = "#" + common.Clean(t)
		}
		add(itemText, 0, &s.Item.Dim, p.T("Tags: %s", strings.Join(tags, " ")))
	}
	for i, ct := range d.Contacts {
		line := p.T("Contact: %s", common.Clean(ct.Name))
		var extra []string
		for _, f := range []string{ct.Role, ct.Email, ct.Phone} {
			if f != "" {
				extra = append(extra, common.Clean(f))
			}
		}
		if len(extra) > 0 {
			line += p.T(" (%s)", strings.Join(extra, p.T(", ")))
		}
		if ct.IsPrimary {
			line += p.T(" · primary")
		}
		add(itemContact, i, nil, line)
	}
	st := d.Stats
	last := p.T("never contacted")
	if st.LastContactAt > 0 {
		last = p.T("last contact %s", common.AgoIn(p, model.DayOfUnix(st.LastContactAt, loc), today))
	}
	add(itemText, 0, &s.Item.Dim, last)
	add(itemText, 0, &s.Item.Dim, p.T("Revenue %s in the last 365 d · %s in all", amounts(d.Revenue.Last365, d.Currency), amounts(d.Revenue.Lifetime, d.Currency)))
	if len(d.Scores) > 0 {
		parts := make([]string, 0, len(d.Scores))
		for _, sc := range d.Scores {
			parts = append(parts, fmt.Sprintf("%d/10 %s", sc.Score, common.AgoIn(p, model.DayOfUnix(sc.At, loc), today)))
		}
		add(itemText, 0, &s.Item.Dim, p.T("Last scores: %s", strings.Join(parts, " · ")))
	}

	add(itemText, 0, nil, "")
	riskSt := s.RiskStyle(st.RiskLevel)
	riskTitle := p.T("Risk %d · %s", st.RiskScore, levelText(p, st.RiskLevel))
	if st.RiskLevel == model.LevelAtRisk {
		riskTitle = common.MarkAtRisk + " " + riskTitle
	}
	add(itemTitle, 0, &riskSt, riskTitle)
	if len(st.Reasons) == 0 {
		add(itemText, 0, &s.Item.Dim, "  "+p.T("no risk signals"))
	}
	for _, r := range st.Reasons {
		add(itemText, 0, nil, fmt.Sprintf("  %-4s %s", fmt.Sprintf("%+d", r.Points), common.Clean(r.TextIn(p, today))))
	}

	add(itemText, 0, nil, "")
	add(itemTitle, 0, &s.Section.Title, p.T("Open deals (%d)", len(d.Deals)))
	for i, dl := range d.Deals {
		line := fmt.Sprintf("  %s · %s · %s", common.Clean(dl.Title), common.Clean(d.StageName[dl.StageID]), common.MoneyLong(dl.ValueMinor, dl.Currency))
		if !dl.ExpectedClose.IsZero() {
			line += p.T(" · close %s", dl.ExpectedClose.String())
		}
		if !dl.SnoozedUntil.IsZero() && dl.SnoozedUntil >= today {
			line += p.T(" · snoozed to %s", dl.SnoozedUntil.String())
		}
		add(itemDeal, i, nil, line)
	}
	v.buildClosed(func(kind detailItemKind, idx int, text string) {
		st := &s.Item.Dim
		if kind == itemTitle {
			st = &s.Section.Title
		}
		add(kind, idx, st, text)
	})

	add(itemText, 0, nil, "")
	add(itemTitle, 0, &s.Section.Title, p.T("Open follow-ups (%d)", len(d.Followups)))
	for i, f := range d.Followups {
		due := common.DueIn(p, f.Due, today)
		stl := &s.Item.Today
		switch {
		case cu.ArchivedAt != 0 && f.Due < today:
			// Nothing is overdue on an archived customer: the date only.
			due, stl = p.T("due %s", common.AgoIn(p, f.Due, today)), &s.Item.Dim
		case model.FollowupOverdue(f.Due, f.DueTime, v.c.Now()):
			due, stl = common.MarkOverdue+" "+due, &s.Item.Overdue
		case f.DueTime != "":
			due += " " + f.DueTime
		}
		add(itemFollowup, i, stl, fmt.Sprintf("%s  %s", common.Cell(due, 13), common.Clean(common.RuleMade(v.c.P, f.Title, d.Rules[f.PlaybookID]))))
	}

	if len(d.Done) > 0 {
		add(itemText, 0, &s.Item.Dim, "  "+p.T("done lately:"))
		for _, f := range d.Done {
			add(itemText, 0, &s.Item.Dim, fmt.Sprintf("  ✓ %s  %s", common.Cell(common.AgoIn(p, model.DayOfUnix(f.DoneAt, loc), today), 11), common.Clean(common.RuleMade(p, f.Title, d.Rules[f.PlaybookID]))))
		}
	}

	add(itemText, 0, nil, "")
	add(itemTitle, 0, &s.Section.Title, p.T("Recent orders"))
	if len(d.Orders) == 0 {
		add(itemText, 0, &s.Item.Dim, "  "+p.T("none"))
	}
	for i, o := range d.Orders {
		line := fmt.Sprintf("  %s  %s", model.DayOfUnix(o.OrderedAt, loc), common.MoneyLong(o.AmountMinor, o.Currency))
		if o.Note != "" {
			line += "  " + common.Clean(o.Note)
		}
		add(itemOrder, i, nil, line)
	}

	add(itemText, 0, nil, "")
	add(itemTitle, 0, &s.Section.Title, p.T("Timeline (%d)", d.Total))
	for i := range v.timeline {
		it := &v.timeline[i]
		add(itemTimeline, i, nil, timelineText(p, it, loc))
		if v.read[it.ID] {
			for _, l := range readLines(p, it, loc, d.StageName, d.Deals) {
				add(itemText, 0, &s.Item.Dim, l)
			}
		}
	}
	if len(v.timeline) < d.Total {
		add(itemText, 0, &s.Item.Dim, "  "+p.T("… %d older", d.Total-len(v.timeline)))
	}
	v.items = items
	v.sel = v.sel[:0]
	for i, it := range items {
		if it.kind.selectable() {
			v.sel = append(v.sel, i)
		}
	}
}

func levelText(p *i18n.Printer, l model.Level) string {
	switch l {
	case model.LevelAtRisk:
		return p.T("at risk")
	case model.LevelWatch:
		return p.T("watch")
	case model.LevelHealthy:
		return p.T("healthy")
	}
	return p.T("not scored")
}

// timelineText is one interaction: date, kind, direction and outcome, summary.
func timelineText(p *i18n.Printer, i *model.Interaction, loc *time.Location) string {
	dir := map[model.Direction]string{model.Outbound: "→", model.Inbound: "←", model.Internal: "·"}[i.Direction]
	what := kindText(p, i.Kind)
	switch {
	case i.Kind == model.KindComplaint && i.ResolvedAt == 0:
		what += p.T(" (open)")
	case i.Kind == model.KindFeedback && i.Score >= 0:
		what += fmt.Sprintf(" %d/10", i.Score)
	}
	out := fmt.Sprintf("%s %s %s", model.DayOfUnix(i.OccurredAt, loc), dir, padCells(what, 10))
	if i.Outcome != "" && i.Outcome != model.OutcomeNone {
		out += " [" + outcomeText(p, i.Outcome) + "]"
	}
	return out + " " + common.Clean(i.Summary)
}

// readLines are an interaction opened in full under its timeline row: when
// exactly, the deal it is about, the body as typed, a complaint's
// resolution. e edits it.
func readLines(p *i18n.Printer, i *model.Interaction, loc *time.Location, stage map[int64]string, deals []model.Deal) []string {
	const bar = "    │ "
	out := []string{bar + whenText(p, time.Unix(i.OccurredAt, 0).In(loc)) + " · " + kindText(p, i.Kind) + " · " + directionText(p, i.Direction)}
	if i.DealID != 0 {
		deal := p.T("deal %d", i.DealID)
		for _, dl := range deals {
			if dl.ID == i.DealID {
				deal = common.Clean(dl.Title) + p.T(" (%s)", common.Clean(stage[dl.StageID]))
			}
		}
		out = append(out, bar+p.T("about %s", deal))
	}
	body := strings.TrimSpace(model.SanitizeMultiline(i.Body))
	if body == "" {
		out = append(out, bar+p.T("(no details written; e adds them)"))
	}
	for _, l := range strings.Split(body, "\n") {
		if body != "" {
			out = append(out, bar+common.Clean(l))
		}
	}
	if i.Kind == model.KindComplaint {
		if i.ResolvedAt != 0 {
			out = append(out, bar+p.T("resolved %s", model.DayOfUnix(i.ResolvedAt, loc).String()))
		} else {
			out = append(out, bar+p.T("open: r resolves it"))
		}
	}
	return out
}

// amounts is money per currency ("$1,200.00 · €300.00"), or none in the
// book currency.
func amounts(as []db.Amount, book string) string {
	if len(as) == 0 {
		return common.MoneyLong(0, book)
	}
	parts := make([]string, 0, len(as))
	for _, a := range as {
		parts = append(parts, common.MoneyLong(a.Minor, a.Currency))
	}
	return strings.Join(parts, " · ")
}
