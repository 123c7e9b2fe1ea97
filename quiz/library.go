package quiz

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"slices"
	"sort"
	"strings"

	"github.com/conflictq/conflictq/quiz/fileio"
	"github.com/conflictq/conflictq/quiz/text"
)

// Library finds banks: by name among the embedded ones, or by path on disk.
// Each bank is parsed once, when first asked for.
type Library struct {
	// Embedded holds the built-in banks as NAME.yaml at its root.
	Embedded fs.FS
	// Compiled, when set, returns the same banks already parsed (built at
	// build time), or nil for a name it does not have.
	Compiled func(name string) *Bank
	// CompiledJSON, when set, returns a compiled bank's JSON export, written
	// at build time by the JSON exporter, or nil for a name it does not have.
	CompiledJSON func(name string) []byte
	// CompiledDigests, when set, returns what Digest gives for a compiled
	// bank's questions together, then for each of them in order, computed at
	// build time, or nil (Bank.Digest, Bank.QuestionDigest).
	CompiledDigests func(name string) []string
	// CompiledNames, when set, returns the embedded banks' names, sorted, as
	// Names would list them from Embedded and Generated (listed at build
	// time: reading the folder was 3% of conflictq progress's samples).
	CompiledNames func() []string
	// Generated names built-in banks that only Compiled provides: they have no
	// YAML source (the vocabulary bank is made from the glossary).
	Generated []string
	// Formats read banks from files in other formats than YAML (GIFT, Aiken),
	// chosen by extension or by their Looks test; YAML is the default.
	Formats []Format
	cache   map[string]*Bank
	files   []string // the files read, in order
}

// Files returns the bank files read from disk so far: a command's outputs
// must not replace one of them.
func (l *Library) Files() []string { return l.files }

// Format reads banks written in another format than conflictq's YAML.
type Format struct {
	Name  string            // as fileio's table names it; the table gives its extensions
	Looks func([]byte) bool // recognises content whatever the extension, or nil
	Parse func(file string, data []byte) (*Bank, []Problem, error)
}

// parser picks how to read a file: by its extension, then by its content.
func (l *Library) parser(file string, data []byte) func(string, []byte) (*Bank, []Problem, error) {
	if fileio.FormatOf(file, "yaml", "json") != "" {
		return ParseBank
	}
	// Content first: an Aiken file saved as .txt is still Aiken.
	for _, f := range l.Formats {
		if f.Looks != nil && f.Looks(data) {
			return f.Parse
		}
	}
	if name := fileio.FormatOf(file); name != "" {
		for _, f := range l.Formats {
			if f.Name == name {
				return f.Parse
			}
		}
	}
	return ParseBank
}

// Exts lists the extensions, with the dot, of every format a bank file may be
// written in: conflictq's YAML or JSON and each of Formats.
func (l *Library) Exts() []string {
	names := []string{"yaml", "json"}
	for _, f := range l.Formats {
		names = append(names, f.Name)
	}
	return fileio.Exts(names...)
}

// Names lists the embedded banks' names, sorted.
func (l *Library) Names() []string {
	if l.CompiledNames != nil {
		return slices.Clone(l.CompiledNames())
	}
	entries, err := fs.ReadDir(l.Embedded, ".")
	if err != nil {
		return nil
	}
	var names []string
	for _, e := range entries {
		if name, ok := strings.CutSuffix(e.Name(), ".yaml"); ok && !e.IsDir() {
			names = append(names, name)
		}
	}
	names = append(names, l.Generated...)
	sort.Strings(names)
	return names
}

// IsPath reports whether a --bank value names a file rather than an embedded bank.
func IsPath(ref string) bool {
	if ref == "" {
		return false
	}
	return strings.ContainsAny(ref, `/\`) || strings.Contains(path.Base(ref), ".")
}

// Load returns the embedded bank called ref, or reads ref as a YAML file.
// Warnings are returned for a usable bank; errors as *InvalidError.
func (l *Library) Load(ref string) (*Bank, []Problem, error) {
	if b, ok := l.cache[ref]; ok {
		return b, nil, nil
	}
	var (
		data []byte
		err  error
		file = ref
	)
	if IsPath(ref) {
		l.files = append(l.files, ref)
		data, err = readBankFile(ref)
		if errors.Is(err, fs.ErrNotExist) {
			return nil, nil, fmt.Errorf("%s: no such file", ref)
		}
	} else if b, cerr := l.loadCompiled(ref); b != nil || cerr != nil {
		return b, nil, cerr
	} else {
		file = ref + ".yaml"
		data, err = fs.ReadFile(l.Embedded, file)
		if errors.Is(err, fs.ErrNotExist) {
			if _, serr := os.Stat(ref); serr == nil {
				l.files = append(l.files, ref)
				data, err = readBankFile(ref)
				file = ref
			} else {
				return nil, nil, fmt.Errorf("no bank named %q (built in: %s; or give a path to a YAML file)", ref, strings.Join(l.Names(), ", "))
			}
		}
	}
	if err != nil {
		return nil, nil, err
	}
	b, warnings, err := l.parser(file, data)(file, data)
	if err != nil {
		return nil, nil, err
	}
	if text.HasControl(b.Title) || text.HasControl(b.Description) {
		// The questions' text is checked by Question.Validate in every format.
		return nil, nil, &InvalidError{Problems: []Problem{{File: file, Field: "title", Msg: "the bank's title or description holds a control character; a bank holds text, not terminal codes"}}}
	}
	if l.cache == nil {
		l.cache = map[string]*Bank{}
	}
	l.cache[ref] = b
	return b, warnings, nil
}

// JSON returns the JSON export of the bank ref names, written at build time,
// when ref is a compiled bank (what Load returns for it); nil otherwise, and
// the bank is to be exported as any other.
func (l *Library) JSON(ref string) []byte {
	if l.CompiledJSON == nil || l.Compiled == nil || IsPath(ref) {
		return nil
	}
	return l.CompiledJSON(ref)
}

func (l *Library) loadCompiled(name string) (*Bank, error) {
	if l.Compiled == nil {
		return nil, nil
	}
	b := l.Compiled(name)
	if b == nil {
		return nil, nil // not compiled: read the YAML
	}
	if l.CompiledDigests != nil {
		if d := l.CompiledDigests(name); len(d) == len(b.Questions)+1 {
			b.digests, b.digested = d, slices.Clone(b.Questions)
		}
	}
	if l.cache == nil {
		l.cache = map[string]*Bank{}
	}
	l.cache[name] = b
	return b, nil
}

// readBankFile reads a bank file: Moodle XML streamed past its base64 images
// (fileio.ReadXMLLimited), which make real exports tens of megabytes; any
// other format whole, up to fileio.MaxFileSize.
func readBankFile(name string) ([]byte, error) {
	if fileio.FormatOf(name, "moodlexml") != "" {
		return fileio.ReadXMLLimited(name)
	}
	return fileio.ReadFileLimited(name)
}
