// Package exteditor writes long text in the user's editor ($VISUAL, else
// $EDITOR, else vi), as git does for commit messages: the text goes to a
// temporary file, the editor runs on it with the terminal, and the file's
// text comes back when the editor exits. The app runs it through
// tea.ExecProcess (the program gives the terminal away meanwhile); the
// command line runs it directly.
package exteditor

import (
	"errors"
	"os"
	"os/exec"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/rapportcrm/rapport/model/i18n"
)

// Runner runs the editor's command and calls back when it exits. The app
// passes tea.ExecProcess; tests pass one that runs the command at once.
type Runner func(c *exec.Cmd, fn tea.ExecCallback) tea.Cmd

// DoneMsg carries the edited text back (Err set when the editor failed or
// the file could not be read; the text is then the one given).
type DoneMsg struct {
	ID   string
	Text string
	Err  error
}

// EditorLine is the editor command line from the environment: $VISUAL,
// else $EDITOR, else vi. It may hold arguments ("code --wait").
func EditorLine(getenv func(string) string) string {
	for _, k := range []string{"VISUAL", "EDITOR"} {
		if v := strings.TrimSpace(getenv(k)); v != "" {
			return v
		}
	}
	return "vi"
}

// Prepare writes text to a new temporary file (suffix names its type, for
// the editor's syntax: ".txt", ".md") and returns the editor's command over
// it and the file's path.
func Prepare(getenv func(string) string, text, suffix string) (*exec.Cmd, string, error) {
	f, err := os.CreateTemp("", "rapport-*"+suffix)
	if err != nil {
		return nil, "", i18n.Errorf("cannot write the text for the editor: %w", err)
	}
	if _, err := f.WriteString(text); err != nil {
		f.Close()
		os.Remove(f.Name())
		return nil, "", err
	}
	if err := f.Close(); err != nil {
		os.Remove(f.Name())
		return nil, "", err
	}
	words := strings.Fields(EditorLine(getenv))
	c := exec.Command(words[0], append(words[1:], f.Name())...)
	return c, f.Name(), nil
}

// Finish reads the edited file back and removes it. One trailing newline
// (editors add it) is dropped; so are Windows line ends.
func Finish(path string, runErr error) (string, error) {
	defer os.Remove(path)
	if runErr != nil {
		var ee *exec.ExitError
		if errors.As(runErr, &ee) {
			return "", i18n.Errorf("the editor exited with status %d: the text was left as it was", ee.ExitCode())
		}
		return "", i18n.Errorf("cannot run the editor (%v): set $EDITOR to one that is installed", runErr)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	s := strings.ReplaceAll(string(b), "\r\n", "\n")
	return strings.TrimSuffix(s, "\n"), nil
}

// Cmd edits text in the editor through run and reports a DoneMsg with id.
func Cmd(id, text, suffix string, getenv func(string) string, run Runner) tea.Cmd {
	c, path, err := Prepare(getenv, text, suffix)
	if err != nil {
		return func() tea.Msg { return DoneMsg{ID: id, Text: text, Err: err} }
	}
	return run(c, func(runErr error) tea.Msg {
		out, err := Finish(path, runErr)
		if err != nil {
			return DoneMsg{ID: id, Text: text, Err: err}
		}
		return DoneMsg{ID: id, Text: out}
	})
}

// RunNow is a Runner that runs the command at once, without a terminal to
// give away (tests, and the command line, which owns its terminal).
func RunNow(c *exec.Cmd, fn tea.ExecCallback) tea.Cmd {
	err := c.Run()
	return func() tea.Msg { return fn(err) }
}
