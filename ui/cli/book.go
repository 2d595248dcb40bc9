package cli

import (
	"fmt"
	"sort"
	"strings"
)

// bookVerbs returns the verbs that read and change the book itself
// (customers, interactions, follow-ups, orders, deals, stages, settings,
// undo, checks). Verbs with sub-commands (add customer, deal move, …) are
// registered under their first word.
func bookVerbs() map[string]Verb {
	return map[string]Verb{
		"today":   {Usage: "today [--json] [--exit-code] [--all]", Summary: "the launch triage: overdue, due today, at risk, rotting, to touch", Run: runToday},
		"list":    {Usage: "list [--json] [--filter T] [--tag T] [--tier A] [--at-risk] [--sort S] [--limit N]", Summary: "customers", Run: runList},
		"show":    {Usage: "show CUSTOMER [--json]", Summary: "a customer's 360° view", Run: runShow},
		"add":     {Usage: "add customer NAME [--company ..] [--email ..] [--phone ..] [--tier ..] [--tag ..]…", Summary: "add a customer", Run: sub("add", map[string]func(*Env, []string) int{"customer": runAddCustomer})},
		"edit":    {Usage: "edit customer CUSTOMER [--name ..] [--tier ..|--unpin] [--cadence D] [--lifecycle L] [--anniversary D]…", Summary: "change a customer", Run: sub("edit", map[string]func(*Env, []string) int{"customer": runEditCustomer})},
		"contact": {Usage: "contact add|edit CUSTOMER NAME [--birthday DATE]…", Summary: "add or change a person at a customer", Run: sub("contact", map[string]func(*Env, []string) int{"add": runContactAdd, "edit": runContactEdit})},
		"tag":     {Usage: "tag CUSTOMER +T -T…", Summary: "add and remove tags", Run: runTag},
		"log":     {Usage: "log CUSTOMER SUMMARY [--kind K] [--dir D] [--outcome O] [--at DATE] [--next DATE]…", Summary: "log an interaction (--next schedules a follow-up)", Run: runLog},
		"resolve": {Usage: "resolve INTERACTION_ID", Summary: "mark a complaint resolved", Run: runResolve},
		"follow":  {Usage: "follow CUSTOMER TITLE --due DATE [--time HH:MM] [--deal ID]", Summary: "schedule a follow-up", Run: runFollow},
		"done":    {Usage: "done FOLLOWUP_ID", Summary: "complete a follow-up", Run: runDone},
		"snooze":  {Usage: "snooze FOLLOWUP_ID [DATE]", Summary: "move a follow-up to another date (without DATE: a day later)", Run: runSnooze},
		"order":   {Usage: "order CUSTOMER AMOUNT [--at DATE] [--deal ID] [--note ..]", Summary: "record an order", Run: runOrder},
		"deal": {Usage: "deal add|move|list|snooze …", Summary: "deals (rapport deal --help)", Run: sub("deal", map[string]func(*Env, []string) int{
			"add": runDealAdd, "move": runDealMove, "list": runDealList, "snooze": runDealSnooze,
		})},
		"stages":  {Usage: "stages [set|add|rename|move|remove …]", Summary: "list or change the pipeline stages", Run: runStages},
		"archive": {Usage: "archive KIND ID", Summary: "archive a customer, contact, deal, interaction, followup or order", Run: runArchive(true)},
		"restore": {Usage: "restore KIND ID", Summary: "bring an archived row back", Run: runArchive(false)},
		"purge":   {Usage: "purge --archived-before DATE [--yes]", Summary: "remove archived rows for good (asks first)", Run: runPurge},
		"undo":    {Usage: "undo", Summary: "undo the last change (a whole command)", Run: runUndo(true)},
		"redo":    {Usage: "redo", Summary: "redo what undo undid", Run: runUndo(false)},
		"config":  {Usage: "config [KEY [VALUE]]", Summary: "read and change settings", Run: runConfig},
		"check":   {Usage: "check", Summary: "integrity, foreign keys, stats against a recompute, counts", Run: runCheck},
		"version": {Usage: "version", Summary: "rapport, schema and SQLite versions", Run: runVersion},
	}
}

// subUsage lists the sub-commands of the verbs that have them, for --help.
func subUsage(verb string) []string {
	if u := careSubUsage(verb); u != nil {
		return u
	}
	return map[string][]string{
		"add":     {"add customer NAME [--company ..] [--email ..] [--phone ..] [--tier A|B|C] [--tag T]…"},
		"edit":    {"edit customer CUSTOMER [--name ..] [--company ..] [--email ..] [--phone ..] [--tier ..|--unpin] [--cadence DAYS] [--lifecycle L --reason ..] [--birthday DATE] [--anniversary DATE]"},
		"contact": {"contact add CUSTOMER NAME [--role ..] [--email ..] [--phone ..] [--primary] [--birthday DATE]", "contact edit CUSTOMER CONTACT [--role ..] [--email ..] [--phone ..] [--primary] [--birthday DATE]"},
		"risk":    {"risk refit [--json]"},
		"deal": {
			"deal add CUSTOMER TITLE --value V [--stage S] [--close DATE] [--json]",
			"deal move ID STAGE [--reason R] [--no-order]",
			"deal list [--json] [--stage S] [--rotting] [--all]",
			"deal snooze ID DATE --reason R",
		},
		"playbook": playbookUsage,
		"goal": {
			"goal set MEASURE PERIOD TARGET   (revenue 2026-12 120000 · won 2026-Q1 8 · new_customers 2026-12 10)",
			"goal list [--json]",
			"goal rm MEASURE PERIOD",
		},
		"stages": {
			"stages [--json]",
			"stages set NAME [--probability P] [--rot-days D]",
			"stages add NAME --after S [--probability P] [--rot-days D]",
			"stages rename OLD NEW",
			"stages move NAME --after S",
			"stages remove NAME",
		},
	}[verb]
}

// sub dispatches a verb with sub-commands ("deal move …").
func sub(verb string, subs map[string]func(*Env, []string) int) func(*Env, []string) int {
	return func(e *Env, args []string) int {
		if len(args) == 0 || args[0] == "--help" || args[0] == "-h" || args[0] == "help" {
			w, code := e.Stderr, ExitUsage
			if len(args) > 0 {
				w, code = e.Stdout, ExitOK
			}
			p := e.P()
			fmt.Fprintln(w, p.T("usage:"))
			for _, u := range subUsage(verb) {
				fmt.Fprintf(w, "  rapport %s\n", u)
			}
			fmt.Fprintln(w, p.T("Each takes --help, e.g. rapport %s %s --help", verb, firstKey(subs)))
			return code
		}
		run, ok := subs[args[0]]
		if !ok {
			fmt.Fprintln(e.Stderr, e.P().T("rapport %s: %q is not a command of rapport %s; use %s", verb, args[0], verb, strings.Join(keys(subs), ", ")))
			return ExitUsage
		}
		return run(e, args[1:])
	}
}

func keys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func firstKey[V any](m map[string]V) string { return keys(m)[0] }
