package grade

import (
	"bufio"
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/conflictq/conflictq/quiz/fileio"
	"github.com/conflictq/conflictq/quiz/sheet"
	"github.com/conflictq/conflictq/quiz/text"
)

// Batch grades many sheets on every core: files, directories searched
// recursively for sheets (.yaml, .yml, .json, .jsonl), and "-" or .jsonl files
// read one sheet per line.
type Batch struct {
	Grader *Grader
	Inputs []string
	Stdin  io.Reader // read for the input "-"
	// Skip, when set, leaves out files a directory holds that are not sheets
	// (the run's own outputs).
	Skip func(path string) bool
	// Workers is how many sheets are graded at once; 0 means one at first,
	// then GOMAXPROCS once the batch proves long (Run).
	Workers int
	// Left, when set, gathers what the directories' walk left out (hidden
	// files and folders, links to folders), for a note once Run returns. A
	// directory with no sheets names them in its own message instead.
	Left *LeftOut
	// Long, when set, is called once, on Run's goroutine, as the workers
	// start: the batch has proved long (or Workers asked for them). A
	// command may then set up what a short run need not pay for (cmd
	// grade: removing its outputs' temporary files on a signal).
	Long func()

	// inline, when set (tests), says whether to grade the next sheet (left:
	// job.left) on the caller's goroutine, before any worker starts; nil
	// means pace's rule.
	inline func(left int) bool

	// What may be in flight, when set (tests): 0 means ReadAheadBytes and
	// ReadAheadSheets; waiting, when set, is told each time the reader
	// waits for room, with what is in flight then.
	aheadBytes, aheadSheets int
	waiting                 func(bytes, sheets int)
}

// What a batch reads ahead of the results it has handed over: sheets queued,
// being graded, and graded but waiting for a slower one before them. A line
// of JSON lines may be up to 10 MB, and a class's file or folder of such
// sheets queued 256 deep held gigabytes (attack17 F3); sheets as students
// write them are a few kilobytes, so the workers never wait for these
// bounds. A sheet's bytes count from the moment it is read until its result
// is handed over, for what grading it builds and its result grow with them:
// so memory stays bounded whatever the number of cores. One sheet larger
// than ReadAheadBytes is read alone. The count bounds the results waiting for
// a slow sheet before them, however small the sheets.
const (
	ReadAheadBytes  = 16 << 20
	ReadAheadSheets = 512
)

// flight counts the sheets read and not yet handed over, and makes the
// reader wait while there is no room for the next.
type flight struct {
	mu                  sync.Mutex
	room                sync.Cond
	bytes, sheets       int // in flight now
	maxBytes, maxSheets int
	waiting             func(bytes, sheets int)
}

func newFlight(maxBytes, maxSheets int, waiting func(int, int)) *flight {
	f := &flight{maxBytes: maxBytes, maxSheets: maxSheets, waiting: waiting}
	f.room.L = &f.mu
	return f
}

// take waits for room for a sheet of n bytes and counts it in flight. A
// sheet larger than the whole budget waits until nothing else is in flight.
func (f *flight) take(n int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for f.sheets > 0 && (f.bytes+n > f.maxBytes || f.sheets >= f.maxSheets) {
		if f.waiting != nil {
			f.waiting(f.bytes, f.sheets)
		}
		f.room.Wait()
	}
	f.bytes += n
	f.sheets++
}

// give counts a sheet of n bytes out of flight, once its result is handed
// over.
func (f *flight) give(n int) {
	f.mu.Lock()
	f.bytes -= n
	f.sheets--
	f.mu.Unlock()
	f.room.Signal()
}

// Item is one graded sheet, or an input that could not be read or graded.
type Item struct {
	Result *SheetResult // nil when Err is set
	Err    error        // names the file (and line) and the problem
	Where  string       // the input: file, or file:line for JSON lines
	// Key is set, with no Result, for an answer key (its student is
	// sheet.KeyStudent, as sheet --key writes it) among a class's sheets:
	// found in a directory, named with other inputs (a glob), or a line of
	// JSON lines. No student's sheet, so not graded. A key that is the one
	// file named, or the one sheet piped to "-" alone, is graded like any
	// sheet (a teacher checks it scores 100%).
	Key bool
}

// A sheet to grade: a whole file, or one line of a JSON-lines input. The
// readers of JSON lines lend data for the call to send, which copies it once
// there is room for it.
type job struct {
	seq   int
	file  string
	line  int
	data  []byte
	alone bool // the one input, a sheet's file or the one sheet on "-": a key is graded (Item.Key)
	// left is about how many sheets follow: the files left of a folder and
	// of the inputs, the lines left of a JSON-lines file by its size; -1
	// when it cannot be known (standard input).
	left int
}

type done struct {
	seq  int
	size int // the sheet's bytes, in flight until it is handed over
	Item
}

// Run grades every sheet and calls handle with each in input order, whatever
// order the workers finish in, inputs that cannot be read among them. handle is called on one goroutine at a time (the caller's,
// then, once workers start, the one that puts their results in order), and
// every call returns before Run does. A result must not be kept after handle
// returns: its storage is reused for later sheets.
//
// Without Workers the sheets are graded on the caller's goroutine, one after
// another, and workers start only once what is left would take inlineCPU
// (pace): a pool of goroutines for a class's 30 sheets cost more than it
// saved (threads started, a result and a copy of each sheet's bytes for
// every sheet in flight where one reused result does: 166 fewer page faults
// and 0.3 to 0.8 ms less CPU for 30 JSON-lines sheets), while a folder of
// paper sheets or thousands of lines is graded on every core after its
// first two sheets.
func (b *Batch) Run(handle func(Item)) {
	hand := func(d done) {
		handle(d.Item)
		if d.Result != nil {
			b.Grader.release(d.Result)
		}
	}
	pc := newPace()
	inline := b.inline
	if inline == nil {
		inline = pc.inline
	}
	var p *pool // the workers, once started
	start := func(first int) *pool {
		if b.Long != nil {
			b.Long()
		}
		return b.startPool(first, hand)
	}
	if b.Workers > 0 {
		p = start(0)
	}
	send := func(j job, lent bool) {
		if p == nil && inline(j.left) {
			// Graded and handed over before the reader reuses the lent
			// bytes, and nothing read keeps them: every string a sheet or
			// report is read into is a copy (sheet's scanner, yaml.v3,
			// encoding/json), so the grader's caches never alias them
			// (TestBatchKeepsNoLentBytes). A copy was 3 KB a sheet of the
			// class's 30, a sixth of what each student cost.
			var d done
			pc.time(func() { d = b.gradeOne(j) })
			hand(d)
			return
		}
		if p == nil {
			p = start(j.seq)
		}
		p.ahead.take(len(j.data))
		if lent {
			j.data = bytes.Clone(j.data) // once there is room for it
		}
		p.jobs <- j
	}
	bad := func(seq int, where string, err error) {
		d := done{seq: seq, Item: Item{Err: err, Where: where}}
		if p == nil {
			hand(d)
			return
		}
		p.results <- d
	}
	b.enumerate(send, bad)
	if p != nil {
		close(p.jobs)
		<-p.handed
	}
}

// inlineCPU is the grading that starts workers: a batch grades on the
// caller's goroutine while what is left of it would take less. Measured on
// the 2-core test machine with the runs at real-time priority (as on a quiet
// machine): the class's 30 JSON-lines sheets (2.5 ms of grading) took 3.97
// ms inline and 4.03 ms on two workers, which used 0.8 ms more CPU; its 30
// paper sheets (12 ms of grading) took 13.4 ms inline and 8.7 ms on two.
const inlineCPU = 5 * time.Millisecond

// pace times the grading of the sheets graded inline (not their handing
// over, which workers would not share) and says when to start workers: once
// the sheets left (job.left) at the pace of those after the first (which
// loads the banks) would take inlineCPU; when what is left cannot be known
// (standard input), once the grading has taken inlineCPU in all. Time is CPU
// time where it can be had: on a busy machine the clock runs on while the
// batch waits for a core, and workers would not help.
type pace struct {
	clock        func() time.Duration
	graded       int
	first, spent time.Duration // the first sheet's grading, and all of it
}

func newPace() *pace {
	if _, ok := cpuTime(); ok {
		return &pace{clock: func() time.Duration { d, _ := cpuTime(); return d }}
	}
	start := time.Now()
	return &pace{clock: func() time.Duration { return time.Since(start) }}
}

// time grades one sheet (grade), timing it.
func (p *pace) time(grade func()) {
	start := p.clock()
	grade()
	d := p.clock() - start
	if p.graded == 0 {
		p.first = d
	}
	p.spent += d
	p.graded++
}

// inline says whether to grade the next sheet inline, with left after it.
func (p *pace) inline(left int) bool {
	switch {
	case p.graded < 2:
		return true
	case left < 0:
		return p.spent < inlineCPU
	}
	perSheet := (p.spent - p.first) / time.Duration(p.graded-1)
	return perSheet*time.Duration(left) < inlineCPU
}

// pool is a batch's workers and the goroutine that hands their results over
// in input order.
type pool struct {
	jobs    chan job
	results chan done
	ahead   *flight
	handed  chan struct{} // closed once every result is handed over
}

// startPool starts the workers, and the goroutine that hands their results
// over in order from the sheet numbered first.
func (b *Batch) startPool(first int, hand func(done)) *pool {
	p := &pool{jobs: make(chan job, 256), results: make(chan done, 256), handed: make(chan struct{}),
		ahead: newFlight(cmp.Or(b.aheadBytes, ReadAheadBytes), cmp.Or(b.aheadSheets, ReadAheadSheets), b.waiting)}
	workers := b.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for j := range p.jobs {
				p.results <- b.gradeOne(j)
			}
		})
	}
	go func() {
		wg.Wait()
		close(p.results)
	}()
	go func() {
		defer close(p.handed)
		pending := map[int]done{}
		next := first
		for d := range p.results {
			pending[d.seq] = d
			for {
				d, ok := pending[next]
				if !ok {
					break
				}
				delete(pending, next)
				next++
				hand(d)
				p.ahead.give(d.size)
			}
		}
	}()
	return p
}

func (b *Batch) gradeOne(j job) done {
	d := done{seq: j.seq, size: len(j.data)}
	d.Where = j.where()
	if sheet.IsReport(j.data) { // a quiz's report, gathered like a sheet
		d.Result, d.Err = b.Grader.GradeReportAt(j.file, j.line, j.data)
		return d
	}
	s, err := sheet.Read(j.file, j.line, j.data)
	if err != nil {
		d.Err = err
		return d
	}
	if !j.alone && sheet.IsKey(s.Student) {
		// A key left in the class's folder, or caught by a glob, would be a
		// student with every answer right, in the results and the class
		// statistics (attack16 #4).
		d.Key = true
		return d
	}
	d.Result, d.Err = b.Grader.Grade(s)
	if d.Err != nil {
		d.Err = fmt.Errorf("%s: %w", j.where(), d.Err)
	}
	return d
}

func (j job) where() string {
	if j.line > 0 {
		return fmt.Sprintf("%s:%d", j.file, j.line)
	}
	return j.file
}

// enumerate turns the inputs into jobs for send: files, directories searched
// recursively, and "-" or .jsonl files read line by line (lent: the reader
// reuses the line's bytes once send returns). Inputs that cannot be opened
// are told to badAt, so that the rest still runs.
//
// An input that cannot be read (a file that cannot be opened, a line of JSON
// lines that is skipped) is numbered as a sheet is, so that it is handed
// over in its place, whether the batch runs inline or on workers
// (attack19 M2: it came first inline before, and anywhere once workers ran).
func (b *Batch) enumerate(send func(j job, lent bool), badAt func(seq int, where string, err error)) {
	e := &enumerator{b: b, send: send, badAt: badAt, seen: map[string]bool{}}
	for i, in := range b.Inputs {
		e.inputsAfter, e.filesAfter = len(b.Inputs)-1-i, 0
		if in == "-" {
			e.stdin()
			continue
		}
		st, err := os.Stat(in)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				e.bad(in, fmt.Errorf("%s: no such file or directory", in))
			} else {
				e.bad(in, err)
			}
			continue
		}
		if !st.IsDir() {
			e.emit(in, len(b.Inputs) == 1)
			continue
		}
		paths := b.walk(in, e.bad)
		for k, path := range paths {
			e.filesAfter = len(paths) - 1 - k
			e.emit(path, false)
		}
	}
}

// enumerator is enumerate's state as it goes through the inputs.
type enumerator struct {
	b     *Batch
	send  func(j job, lent bool)
	badAt func(seq int, where string, err error)
	seq   int // the next sheet's (or unreadable input's) number
	// What follows the sheet being sent: the inputs after this one, the
	// files after this one in its folder, the lines of a JSON-lines file
	// by its size and its lines so far (size -1: standard input).
	inputsAfter, filesAfter int
	size, read, lines       int64
	// A file named twice (grade ana.yaml ., or the same file twice) is
	// graded once: a second row would count the student twice. seen holds
	// the names, so that a file named again the same way is not read
	// again; files holds the files, so that one named another way (a
	// link, a hard link) is graded once too, and said (Left).
	seen  map[string]bool
	files fileio.Seen
	cwd   string // the working folder, looked up at the first relative path
	wd    bool   // cwd looked up
	// buf is the storage the last file was read into, lent to send (as a
	// line of JSON lines is) and read into again for the next: a folder's
	// 30 sheets graded on the caller's goroutine took 30 × 18 KB of fresh
	// memory (a page fault each 4 KB) for one file at a time.
	buf []byte
}

// cwd is the working folder, or "" when it cannot be found.
func cwd() string {
	wd, _ := os.Getwd()
	return wd
}

// namedBefore reports whether the file at path, looked up as st, was sent
// before under another name (a link to it, a hard link), and tells Left.
func (e *enumerator) namedBefore(path string, st os.FileInfo) bool {
	first := e.files.Add(path, st)
	if first == "" {
		return false
	}
	e.b.Left.addSame(path, first)
	return true
}

// bad numbers an input that cannot be read and hands it over.
func (e *enumerator) bad(where string, err error) {
	e.badAt(e.seq, where, err)
	e.seq++
}

// queue sends a sheet read whole; lent says the reader reuses its bytes
// (e.buf) once send returns.
func (e *enumerator) queue(j job, lent bool) {
	j.left = e.filesAfter + e.inputsAfter
	e.send(j, lent)
}

// maxKeptBuffer is the most storage the reader keeps for the next file: a
// sheet as students write them is a few kilobytes, and a 10 MB one is not
// held for the rest of the run.
const maxKeptBuffer = 1 << 20

// queueLent sends a line of JSON lines, whose bytes the reader reuses.
func (e *enumerator) queueLent(j job) {
	e.read += int64(len(j.data)) + 1
	e.lines++
	j.left = -1
	if e.size >= 0 {
		j.left = int(max(e.size-e.read, 0)*e.lines/e.read) + e.filesAfter + e.inputsAfter
	}
	e.send(j, true)
}

// emit sends the sheets of a file: one, or a line each of JSON lines.
func (e *enumerator) emit(path string, alone bool) {
	if !alone { // the one file given is named twice by nothing
		key := filepath.Clean(path)
		if !filepath.IsAbs(key) {
			if !e.wd {
				e.cwd, e.wd = cwd(), true // once, not a system call per file
			}
			if e.cwd != "" {
				key = filepath.Join(e.cwd, key)
			}
		}
		if e.seen[key] {
			return
		}
		e.seen[key] = true
	}
	if fileio.FormatOf(path, "jsonl") == "" {
		data, st, err := fileio.ReadFileInfo(path, e.buf)
		if cap(data) <= maxKeptBuffer { // one large file is not kept for the rest
			e.buf = data[:0]
		}
		if err != nil {
			e.bad(path, err)
			return
		}
		if !alone && e.namedBefore(path, st) {
			return
		}
		e.queue(job{seq: e.seq, file: path, data: data, alone: alone}, true)
		e.seq++
		return
	}
	st, err := os.Stat(path)
	if err == nil && !st.Mode().IsRegular() {
		e.bad(path, fmt.Errorf("%s: is not a regular file (a device or a pipe); use - to read from standard input", path))
		return
	}
	if err == nil && !alone && e.namedBefore(path, st) {
		return
	}
	fh, err := fileio.Open(path)
	if err != nil {
		e.bad(path, err)
		return
	}
	e.size, e.read, e.lines = st.Size(), 0, 0
	readLines(path, fh, &e.seq, e.queueLent, e.bad)
	fh.Close()
}

// stdin sends the sheets on standard input. Standard input as the one input
// with one sheet on it is that sheet on its own: a key piped alone is
// graded, as a key file named alone is (review-code25 #3). The first sheet
// is held back until a second one or the end shows which it is.
func (e *enumerator) stdin() {
	e.size = -1
	br := bufio.NewReaderSize(e.b.Stdin, 64<<10)
	var held *job
	// Text that cannot be read, met while the first sheet is held, is
	// handed over after it, as it came (recheck25 L2: it came first).
	var after []func()
	release := func() {
		if held != nil {
			e.queue(*held, false)
			held = nil
		}
		for _, f := range after {
			f()
		}
		after = nil
	}
	send := func(j job) {
		if len(e.b.Inputs) == 1 && held == nil && j.seq == 0 {
			j.data = bytes.Clone(j.data)
			held = &j
			return
		}
		release()
		e.queueLent(j)
	}
	bad := func(where string, err error) {
		if held == nil {
			e.bad(where, err)
			return
		}
		seq := e.seq
		e.seq++
		after = append(after, func() { e.badAt(seq, where, err) })
	}
	if spansLines(br) {
		readValues("-", br, &e.seq, send, bad)
	} else {
		readLines("-", br, &e.seq, send, bad)
	}
	if held != nil {
		held.alone = true
	}
	release()
}

// walk lists the sheets under dir, sorted. What the walk left out is kept in
// b.Left for the run's note; a directory with no sheets names it at once.
func (b *Batch) walk(dir string, bad func(string, error)) []string {
	var here LeftOut
	found := SheetsIn(dir, b.Skip, bad, here.Add)
	if len(found) == 0 {
		msg := fmt.Sprintf("%s: no sheets (%s files) in this directory", dir, fileio.ExtList(SheetFormats...))
		if note := here.Note("grade"); note != "" {
			msg += "; " + note
		}
		bad(dir, errors.New(msg))
		return nil
	}
	if b.Left != nil {
		for _, e := range here.entries {
			b.Left.Add(e)
		}
	}
	return found
}

// SettingsFile is the settings file a class folder may hold (conflictq
// reads it from the folder it runs in): no sheet, and left out without a
// note.
const SettingsFile = ".conflictq.yaml"

// Left is what SheetsIn leaves out that may be a student's sheet: a hidden
// file with a sheet's extension, a hidden folder that holds one, or a link to
// a folder (not followed: it may lead anywhere, round in a circle too).
type Left struct {
	Path string
	Dir  bool // a folder; nothing under it was read
	Link bool // a link to a folder
}

// LeftOut gathers what SheetsIn left out, for one note per run.
type LeftOut struct {
	entries []Left
	seen    map[string]bool
	same    [][2]string
}

// addSame records a file left out as the same file as one sent before
// (named another way: a link to it, a hard link); nothing when l is nil.
func (l *LeftOut) addSame(path, first string) {
	if l != nil {
		l.same = append(l.same, [2]string{path, first})
	}
}

// Same lists the files left out as the same file as one graded before,
// each beside that one, in the order they came.
func (l *LeftOut) Same() [][2]string {
	if l == nil {
		return nil
	}
	return l.same
}

// Add records one entry left out (once, however often it is walked).
func (l *LeftOut) Add(e Left) {
	if l.seen == nil {
		l.seen = map[string]bool{}
	}
	if l.seen[e.Path] {
		return
	}
	l.seen[e.Path] = true
	l.entries = append(l.entries, e)
}

// Note says what was left out, naming the first few, or "" when nothing
// was: "left out 2 hidden files and folders (c/.bea.json, c/.sub/): name
// them to grade them". verb is what naming them does: "grade", "mark".
func (l *LeftOut) Note(verb string) string {
	if l == nil || len(l.entries) == 0 {
		return ""
	}
	var hidden, links []string
	files, dirs := 0, 0
	for _, e := range l.entries {
		name := text.EscapeControl(e.Path)
		if e.Dir {
			name += string(filepath.Separator)
		}
		switch {
		case e.Link:
			links = append(links, name)
		case e.Dir:
			dirs++
			hidden = append(hidden, name)
		default:
			files++
			hidden = append(hidden, name)
		}
	}
	var parts []string
	if len(hidden) > 0 {
		noun := "hidden files and folders"
		switch {
		case dirs == 0:
			noun = text.Plural(files, "hidden file", "hidden files")
		case files == 0:
			noun = text.Plural(dirs, "hidden folder", "hidden folders")
		}
		parts = append(parts, fmt.Sprintf("%d %s (%s)", len(hidden), noun, firstFew(hidden)))
	}
	if len(links) > 0 {
		parts = append(parts, fmt.Sprintf("%d %s, not followed (%s)", len(links), text.Plural(len(links), "link to a folder", "links to folders"), firstFew(links)))
	}
	return fmt.Sprintf("left out %s: name %s to %s %s", strings.Join(parts, " and "), text.Plural(len(l.entries), "it", "them"), verb, text.Plural(len(l.entries), "it", "them"))
}

// firstFew lists up to three names, then how many more.
func firstFew(names []string) string {
	const few = 3
	if len(names) <= few {
		return strings.Join(names, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(names[:few], ", "), len(names)-few)
}

// SheetsIn lists, sorted, the files under dir that a batch grades as sheets,
// leaving out those skip names (when set); bad, when set, is told of what
// cannot be read. A command checks its outputs against them, and mark reads
// the same list. Hidden files and folders (a name starting with ".": a
// folder's .conflictq.yaml settings, an editor's swap file, the "._" copies
// macOS leaves on a USB stick) are no student's sheet and are left out, and
// links to folders are not followed; left, when set, is told of each that
// may be a sheet (a hidden file with a sheet's extension, a hidden folder
// holding one, a link to a folder), so that a command can say so.
func SheetsIn(dir string, skip func(string) bool, bad func(string, error), left func(Left)) []string {
	var found []string
	root := dir
	if real, err := filepath.EvalSymlinks(dir); err == nil {
		root = real // WalkDir does not follow a link it starts from
	}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			if bad != nil {
				bad(path, err)
			}
			return nil
		}
		if path != root && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				if left != nil && holdsSheet(path) {
					left(Left{Path: path, Dir: true})
				}
				return filepath.SkipDir
			}
			if left != nil && d.Name() != SettingsFile && IsSheetFile(path) && (skip == nil || !skip(path)) {
				left(Left{Path: path})
			}
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 && left != nil {
			if st, err := os.Stat(path); err == nil && st.IsDir() {
				left(Left{Path: path, Dir: true, Link: true})
				return nil
			}
		}
		if !d.IsDir() && IsSheetFile(path) && (skip == nil || !skip(path)) {
			found = append(found, path)
		}
		return nil
	})
	if err != nil && bad != nil {
		bad(dir, err)
	}
	fileio.SortByName(found)
	return found
}

// holdsSheet reports whether a hidden folder holds a file with a sheet's
// extension, looking at its first few thousand entries; a version control
// folder (.git) holds none of a class's.
func holdsSheet(dir string) bool {
	switch filepath.Base(dir) {
	case ".git", ".hg", ".svn":
		return false
	}
	errFound := errors.New("found")
	n := 0
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		n++
		switch {
		case n > 5000:
			return filepath.SkipAll
		case err == nil && !d.IsDir() && IsSheetFile(path) && filepath.Base(path) != SettingsFile:
			return errFound
		}
		return nil
	})
	return err == errFound
}

// SheetFormats are the formats a sheet is written in (fileio's table names
// their extensions).
var SheetFormats = []string{"yaml", "json", "jsonl"}

// IsSheetFile reports whether a directory's file is graded as a sheet, by its
// extension.
func IsSheetFile(path string) bool {
	return fileio.FormatOf(path, SheetFormats...) != ""
}

// readLines makes one job per non-blank line of a JSON-lines input, lending
// send the line (it is read into the same buffer each time). A line over the
// size limit is named and skipped, and the lines after it are read: one bad
// sheet must not cost the rest of the class theirs.
func readLines(name string, r io.Reader, seq *int, send func(job), bad func(string, error)) {
	br := bufio.NewReaderSize(r, 64<<10)
	var buf []byte
	line := 0
	for {
		buf = buf[:0]
		tooLong := false
		var err error
		for {
			var chunk []byte
			chunk, err = br.ReadSlice('\n')
			if !tooLong {
				if len(buf)+len(chunk) > fileio.MaxFileSize+1 {
					tooLong, buf = true, buf[:0] // keep reading to the line's end, holding nothing
				} else {
					buf = append(buf, chunk...)
				}
			}
			if err != bufio.ErrBufferFull {
				break
			}
		}
		if len(buf) > 0 || tooLong || err == nil {
			line++
		}
		switch {
		case tooLong:
			bad(fmt.Sprintf("%s:%d", name, line), fmt.Errorf("%s:%d: sheet is larger than %d MB, the most conflictq reads; this line is skipped, the others are graded", name, line, fileio.MaxFileSize>>20))
		case len(bytes.TrimSpace(buf)) > 0:
			send(job{seq: *seq, file: name, line: line, data: bytes.TrimRight(buf, "\r\n")})
			*seq++
		}
		if err != nil {
			if err != io.EOF {
				bad(name, fmt.Errorf("%s: %w", name, err))
			}
			return
		}
	}
}

// spansLines reports whether standard input begins with a JSON object that
// spans lines, as a quiz's report does (jq ., cat r/*.json), rather than JSON
// lines: its first character (after spaces) is '{' and nothing follows it on
// its line.
func spansLines(br *bufio.Reader) bool {
	for n := 64; ; n *= 2 {
		data, err := br.Peek(n)
		head := bytes.TrimLeft(bytes.TrimPrefix(data, []byte("\ufeff")), " \t\r\n")
		if len(head) > 0 && head[0] != '{' {
			return false
		}
		if len(head) > 1 {
			rest := head[1:]
			if i := bytes.IndexByte(rest, '\n'); i >= 0 {
				return len(bytes.TrimSpace(rest[:i])) == 0
			}
		}
		if err != nil || n >= br.Size() {
			return false
		}
	}
}

// readValues makes one job per JSON object of a stream of objects that span
// lines (reports as quiz writes them, one after another), lending send the
// object as readLines lends a line; each is named by the line it begins on. Text between objects is named and skipped; an object
// over the size limit is named and skipped, and the rest are read.
func readValues(name string, br *bufio.Reader, seq *int, send func(job), bad func(string, error)) {
	var buf []byte
	line, start := 1, 0
	depth := 0
	inString, escaped, tooLong, stray := false, false, false, false
	for {
		c, err := br.ReadByte()
		if err != nil {
			if err != io.EOF {
				bad(name, fmt.Errorf("%s: %w", name, err))
			} else if depth > 0 {
				bad(fmt.Sprintf("%s:%d", name, start), fmt.Errorf("%s:%d: the input ends inside this report or sheet (a '}' is missing)", name, start))
			}
			return
		}
		if depth == 0 {
			switch {
			case c == '{':
				depth, start, buf, tooLong, stray = 1, line, append(buf[:0], c), false, false
			case c == '\n':
				line++
			case c == ' ' || c == '\t' || c == '\r' || c == 0xEF || c == 0xBB || c == 0xBF: // spaces, a byte order mark
			case !stray:
				stray = true
				bad(fmt.Sprintf("%s:%d", name, line), fmt.Errorf("%s:%d: expected a report or sheet beginning with '{'; the text up to the next one is skipped", name, line))
			}
			continue
		}
		if c == '\n' {
			line++
		}
		if !tooLong {
			if len(buf) >= fileio.MaxFileSize {
				tooLong, buf = true, buf[:0]
			} else {
				buf = append(buf, c)
			}
		}
		switch {
		case escaped:
			escaped = false
		case inString:
			switch c {
			case '\\':
				escaped = true
			case '"':
				inString = false
			}
		case c == '"':
			inString = true
		case c == '{' || c == '[':
			depth++
		case c == '}' || c == ']':
			depth--
		}
		if depth > 0 {
			continue
		}
		if tooLong {
			bad(fmt.Sprintf("%s:%d", name, start), fmt.Errorf("%s:%d: report is larger than %d MB, the most conflictq reads; it is skipped, the others are graded", name, start, fileio.MaxFileSize>>20))
			continue
		}
		send(job{seq: *seq, file: name, line: start, data: buf})
		*seq++
	}
}
