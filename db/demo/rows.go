package demo

import "github.com/rapportcrm/rapport/model"

// customerBuf holds the rows of the customer being simulated; its slices are
// reused from one customer to the next so a big book streams through a
// small, constant amount of memory.
type customerBuf struct {
	id                                                int64
	name, company, email, phone, im, industry, source string
	lifecycle, churnReason, notes                     string
	tier                                              model.Tier
	pinned                                            bool
	cadence                                           int
	created, updated                                  int64
	zh                                                bool
	contacts                                          []contactRow
	tags                                              []string
	deals                                             []dealRow
	ix                                                []ixRow
	orders                                            []orderRow
	followups                                         []followupRow
}

func (c *customerBuf) reset() {
	contacts, tags, deals, ix, orders, fus := c.contacts[:0], c.tags[:0], c.deals[:0], c.ix[:0], c.orders[:0], c.followups[:0]
	*c = customerBuf{contacts: contacts, tags: tags, deals: deals, ix: ix, orders: orders, followups: fus}
}

type contactRow struct {
	id                       int64
	name, role, email, phone string
	primary                  bool
}

type stageMove struct {
	from, to int64 // from 0: the deal was created in stage to
	at       int64
}

type dealRow struct {
	id               int64
	title            string
	value            int64
	currency         string
	stageID          int64
	probability      int
	expectedClose    model.Day
	stageChanged     int64
	status           string
	closed           int64
	lostReason       string
	snoozedUntil     model.Day
	snoozeReason     string
	created, updated int64
	moves            []stageMove
}

type ixRow struct {
	deal               int64
	kind, dir, outcome string
	score              int // -1: none
	summary, body      string
	at, resolved       int64
}

type orderRow struct {
	deal     int64
	amount   int64
	currency string
	at       int64
	note     string
}

type followupRow struct {
	deal    int64
	title   string
	due     model.Day
	time    string
	done    int64
	snoozes int
	created int64
	rule    int64 // the playbook rule that made it (0: the salesperson's own)
}
