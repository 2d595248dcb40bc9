package cli

import (
	"fmt"
	"strconv"

	"github.com/rapportcrm/rapport/model"
)

// runStages lists the stages, or dispatches a change to them.
func runStages(e *Env, args []string) int {
	subs := map[string]func(*Env, []string) int{
		"set": runStageSet, "add": runStageAdd, "rename": runStageRename, "move": runStageMove, "remove": runStageRemove,
	}
	if len(args) > 0 {
		if run, ok := subs[args[0]]; ok {
			return run(e, args[1:])
		}
	}
	c := newCommand(e, "stages [--json]", "Lists the pipeline stages in board order. Changes:\n"+
		"  rapport stages set NAME [--probability P] [--rot-days D]\n"+
		"  rapport stages add NAME --after S [--probability P] [--rot-days D]\n"+
		"  rapport stages rename OLD NEW\n"+
		"  rapport stages move NAME --after S\n"+
		"  rapport stages remove NAME   (refused while it holds deals)")
	asJSON := c.boolean("json", "print a JSON array")
	pos, code, done := c.parse(args, 0, 1)
	if done {
		return code
	}
	if len(pos) > 0 {
		return c.usageErr("%q is not a stages command; use set, add, rename, move or remove", pos[0])
	}
	b, err := openBook(e, true)
	if err != nil {
		return fail(e, "stages", err)
	}
	defer b.Close()
	stages, err := b.Stages(e.Ctx)
	if err != nil {
		return fail(e, "stages", err)
	}
	if *asJSON {
		type stageJSON struct {
			ID          int64  `json:"id"`
			Name        string `json:"name"`
			Position    int    `json:"position"`
			Probability int    `json:"probability"`
			RotDays     int    `json:"rot_days"`
			Kind        string `json:"kind"`
		}
		out := make([]stageJSON, 0, len(stages))
		for _, s := range stages {
			out = append(out, stageJSON{s.ID, clean(s.Name), s.Position, s.Probability, s.RotDays, string(s.Kind)})
		}
		return emitJSON(e, "stages", out)
	}
	p := e.P()
	t := newTable(e.Stdout)
	t.row(p.T("STAGE"), p.T("PROBABILITY"), p.T("ROTS AFTER"), p.T("KIND"))
	for _, s := range stages {
		rot := p.T("never")
		if s.RotDays > 0 {
			rot = p.T("%dd", s.RotDays)
		}
		if s.Kind != model.StageOpen {
			rot = "-"
		}
		t.row(clean(s.Name), strconv.Itoa(s.Probability)+"%", rot, stageKindWord(p, string(s.Kind)))
	}
	t.flush()
	return ExitOK
}

// stageNumbers declares --probability and --rot-days.
func stageNumbers(c *command) (prob, rot *int) {
	return c.num("probability", 0, "win `PERCENT` (0–100)"), c.num("rot-days", 0, "a deal rots after `DAYS` in the stage (0 = never)")
}

func runStageSet(e *Env, args []string) int {
	c := newCommand(e, "stages set NAME [--probability P] [--rot-days D]", "Changes a stage's win probability and rotting time.")
	prob, rot := stageNumbers(c)
	pos, code, done := c.parse(args, 1, 1)
	if done {
		return code
	}
	var p, r *int
	if c.given("probability") {
		p = prob
	}
	if c.given("rot-days") {
		r = rot
	}
	if p == nil && r == nil {
		return c.usageErr("nothing to change: give --probability or --rot-days")
	}
	b, err := openBook(e, false)
	if err != nil {
		return fail(e, "stages set", err)
	}
	defer b.Close()
	s, err := b.UpdateStage(e.Ctx, pos[0], p, r)
	if err != nil {
		return fail(e, "stages set", err)
	}
	fmt.Fprintln(e.Stdout, e.P().T("stage %s: %d%%, rots after %dd", clean(s.Name), s.Probability, s.RotDays))
	return ExitOK
}

func runStageAdd(e *Env, args []string) int {
	c := newCommand(e, "stages add NAME --after S [--probability P] [--rot-days D]", "Adds an open stage after another one.")
	after := c.str("after", "", "the `STAGE` it follows (required)")
	prob, rot := stageNumbers(c)
	pos, code, done := c.parse(args, 1, 1)
	if done {
		return code
	}
	if *after == "" {
		return c.usageErr("--after STAGE is required")
	}
	name, err := cleanArg("name", pos[0], model.MaxNameLen, false)
	if err != nil {
		return fail(e, "stages add", err)
	}
	b, err := openBook(e, false)
	if err != nil {
		return fail(e, "stages add", err)
	}
	defer b.Close()
	s, err := b.AddStage(e.Ctx, name, *after, *prob, *rot)
	if err != nil {
		return fail(e, "stages add", err)
	}
	fmt.Fprintln(e.Stdout, e.P().T("stage %d created: %s", s.ID, clean(s.Name)))
	return ExitOK
}

func runStageRename(e *Env, args []string) int {
	c := newCommand(e, "stages rename OLD NEW", "Renames a stage.")
	pos, code, done := c.parse(args, 2, 2)
	if done {
		return code
	}
	name, err := cleanArg("name", pos[1], model.MaxNameLen, false)
	if err != nil {
		return fail(e, "stages rename", err)
	}
	b, err := openBook(e, false)
	if err != nil {
		return fail(e, "stages rename", err)
	}
	defer b.Close()
	s, err := b.RenameStage(e.Ctx, pos[0], name)
	if err != nil {
		return fail(e, "stages rename", err)
	}
	fmt.Fprintln(e.Stdout, e.P().T("stage %d renamed: %s", s.ID, clean(s.Name)))
	return ExitOK
}

func runStageMove(e *Env, args []string) int {
	c := newCommand(e, "stages move NAME --after S", "Places an open stage right after another open stage.")
	after := c.str("after", "", "the `STAGE` it follows (required)")
	pos, code, done := c.parse(args, 1, 1)
	if done {
		return code
	}
	if *after == "" {
		return c.usageErr("--after STAGE is required")
	}
	b, err := openBook(e, false)
	if err != nil {
		return fail(e, "stages move", err)
	}
	defer b.Close()
	if err := b.MoveStage(e.Ctx, pos[0], *after); err != nil {
		return fail(e, "stages move", err)
	}
	fmt.Fprintln(e.Stdout, e.P().T("stage %s moved after %s", clean(pos[0]), clean(*after)))
	return ExitOK
}

func runStageRemove(e *Env, args []string) int {
	c := newCommand(e, "stages remove NAME", "Removes an open stage; refused while it holds deals.")
	pos, code, done := c.parse(args, 1, 1)
	if done {
		return code
	}
	b, err := openBook(e, false)
	if err != nil {
		return fail(e, "stages remove", err)
	}
	defer b.Close()
	if err := b.RemoveStage(e.Ctx, pos[0]); err != nil {
		return fail(e, "stages remove", err)
	}
	fmt.Fprintln(e.Stdout, e.P().T("stage %s removed", clean(pos[0])))
	return ExitOK
}
