package history

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/conflictq/conflictq/quiz/fileio"
	"github.com/conflictq/conflictq/quiz/fsrs"
)

// The state file beside a history file keeps every question's memory as of a
// place in the history, so that a review reads only the lines after it. It
// is a cache: written whole to a new file that then takes its name, never
// needed (a missing or stale one means reading the whole history), and
// deleted with the history.

// stateVersion changes whenever what a replay computes changes: the FSRS
// parameters, the grades, the fields kept.
const stateVersion = 9 // 4: the memories in binary (memcodec.go); 5: the scores raw; 6: checksums; 7: sessions numbered (scorecodec.go); 8: the latest scores apart, the memories raw; 9: sessions by their microsecond (SessionID)

// saveAfter is how many lines read beyond the state make saving a new one
// worth it; refreshAfter how many bytes a quiz's end may leave unread.
const (
	saveAfter    = 2000
	refreshAfter = 256 << 10 // about 1,100 answers
)

// latestSessions is how many of each memory's latest sessions the state
// keeps apart: what the text of progress shows (TextSessions).
const latestSessions = TextSessions

// StatePath is the state file of the history file at path.
func StatePath(path string) string { return path + ".state" }

// A state file is a header line (JSON), the memories (memcodec.go) and a
// newline, then their scores (scorecodec.go), all three in binary, then the scores of each
// memory's latest sessions again (encodeScores), to the end of the file:
// the text of conflictq progress shows each line's latest sessions only,
// and reading a year's scores (190 KB) was a fifth of its time.
//
// The header gives the length and CRC-32 of the memories and of the
// scores. A disk, sync or backup tool that flips a bit, cuts the file or
// adds bytes to it would otherwise be read as real data, and the next
// SaveState would make the loss permanent: any doubt means reading the
// history again, which the state only caches.
type stateHeader struct {
	Version int      `json:"version"`
	Head    string   `json:"head"` // sha256 of the history's first bytes, to tell a new file
	At      position `json:"at"`
	// Memories' sum covers At too (memSum), so that a damaged line count in
	// the header is caught as well.
	Memories section `json:"memories"`
	Scores   section `json:"scores"`
	// Latest are the scores of each memory's latest LatestSessions
	// sessions, as a prefix of the ones in Scores.
	Latest         section `json:"latest"`
	LatestSessions int     `json:"latest_sessions"`
}

// headerLine is the header as its line: JSON, written and read with this
// format rather than encoding/json, whose first use in a process took
// longer than reading the rest of the state. Only a line this format
// writes again byte for byte is read (parseHeader): any other is stale.
const headerLine = `{"version":%d,"head":%q,"at":{"offset":%d,"line":%d},"memories":{"len":%d,"crc32":%d},"scores":{"len":%d,"crc32":%d},"latest":{"len":%d,"crc32":%d},"latest_sessions":%d}` + "\n"

func (h *stateHeader) line() []byte {
	return fmt.Appendf(nil, headerLine, h.Version, h.Head, h.At.Offset, h.At.Line, h.Memories.Len, h.Memories.Sum, h.Scores.Len, h.Scores.Sum, h.Latest.Len, h.Latest.Sum, h.LatestSessions)
}

// parseHeader reads a header line (with its newline). It walks headerLine
// itself rather than calling fmt.Sscanf, whose first use took a fifth of
// reading the state: its verbs are whole numbers (%d) and the head's hex
// digits (%q); any other text must be there as it is.
func parseHeader(line []byte) (stateHeader, bool) {
	var h stateHeader
	dst := [...]any{&h.Version, &h.Head, &h.At.Offset, &h.At.Line, &h.Memories.Len, &h.Memories.Sum, &h.Scores.Len, &h.Scores.Sum, &h.Latest.Len, &h.Latest.Sum, &h.LatestSessions}
	b, next := line, 0
	for f := headerLine; f != ""; {
		if f[0] != '%' {
			if len(b) == 0 || b[0] != f[0] {
				return h, false
			}
			b, f = b[1:], f[1:]
			continue
		}
		if len(f) < 2 || next == len(dst) {
			return h, false
		}
		verb := f[1]
		f = f[2:]
		n := 0 // the length of the value in b
		if verb == 'q' {
			if len(b) == 0 || b[0] != '"' {
				return h, false
			}
			for n = 1; n < len(b) && (b[n] >= '0' && b[n] <= '9' || b[n] >= 'a' && b[n] <= 'f'); n++ {
			}
			if n == len(b) || b[n] != '"' {
				return h, false
			}
			*dst[next].(*string) = string(b[1:n])
			n++
		} else {
			neg := len(b) > 0 && b[0] == '-'
			if neg {
				n++
			}
			var v uint64
			start := n
			for ; n < len(b) && b[n] >= '0' && b[n] <= '9' && n-start < 19; n++ {
				v = v*10 + uint64(b[n]-'0')
			}
			if n == start || n < len(b) && b[n] >= '0' && b[n] <= '9' || v > math.MaxInt64 {
				return h, false
			}
			x := int64(v)
			if neg {
				x = -x
			}
			switch p := dst[next].(type) {
			case *int:
				*p = int(x)
			case *int64:
				*p = x
			case *uint32:
				if x < 0 || x > math.MaxUint32 {
					return h, false
				}
				*p = uint32(x)
			}
		}
		b = b[n:]
		next++
	}
	return h, len(b) == 0 && next == len(dst) && bytes.Equal(h.line(), line)
}

// section is the length and checksum of one part of a state file.
type section struct {
	Len int64  `json:"len"`
	Sum uint32 `json:"crc32"`
}

// checksum is CRC-32 (IEEE), which amd64 and arm64 compute with special
// instructions: a year's scores in some microseconds. (CRC-32C, as fast,
// first builds tables of its own, a tenth of a millisecond.)
func checksum(b []byte) uint32 { return crc32.ChecksumIEEE(b) }

// memSum is the checksum of the memories (without their newline) and of
// the place in the history it describes.
func memSum(at position, line []byte) uint32 {
	var b [16]byte
	binary.LittleEndian.PutUint64(b[:], uint64(at.Offset))
	binary.LittleEndian.PutUint64(b[8:], uint64(at.Line))
	return crc32.Update(checksum(b[:]), crc32.IEEETable, line)
}

type savedMemory struct {
	Bank, Question, Digest string
	memory
}

// headSize is how much of a history identifies it: the file only grows, so
// its first bytes never change, and a history deleted and begun again starts
// with another time. The bytes just before the state's place are hashed too,
// so that a line edited by hand there makes the state stale.
const headSize = 4096

// head is the hash of the first n bytes of the file at path (the first and
// last headSize of them when n is larger). n below 0 counts as 0, as
// io.LimitReader counted it: the callers guard, but a negative offset read
// from a damaged state file must not panic.
func head(path string, n int64) (string, error) {
	f, err := openFile(path, os.O_RDONLY, 0)
	if err != nil {
		return "", err
	}
	defer f.Close()
	return headOf(f, n)
}

// headOf is head of the open file f.
func headOf(f *os.File, n int64) (string, error) {
	n = max(n, 0)
	// Both parts (at most 8 KB) are read into one buffer and hashed at once:
	// io.Copy allocated 32 KB for each run of progress or a review. A file
	// shorter than n is hashed as far as it goes (the sum then differs).
	var buf [2 * headSize]byte
	k, err := f.ReadAt(buf[:min(n, headSize)], 0)
	if err != nil && err != io.EOF {
		return "", err
	}
	data := buf[:k]
	if n > headSize {
		from := max(headSize, n-headSize)
		m, err := f.ReadAt(buf[k:k+int(n-from)], from)
		if err != nil && err != io.EOF {
			return "", err
		}
		data = buf[:k+m]
	}
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:]), nil
}

// Replay builds the schedule of the history file at path. It starts from the
// state file when that still describes the beginning of this history, and
// reads only the lines after it.
//
// Reading those lines on another goroutine while the state's memories are
// decoded was tried: on this two-core machine it took more time, not less
// (some 40 more page faults a run for the second processor's memory, and
// the hand-over), and more CPU.
//
// The history is opened once, under its shared lock, both to check that
// the state describes it and to read the lines after it.
func Replay(path string) (*Schedule, []error, error) {
	sc := NewSchedule(fsrs.NewScheduler())
	sc.path = path
	f, err := openHistory(path)
	if f == nil {
		return sc, nil, err
	}
	defer closeHistory(f)
	var from position
	if st, ok := sc.readState(f); ok && sc.useState(st) {
		from = st.h.At
	}
	warnings, to, err := scanOpen(path, f, from, sc.Add, true)
	sc.read = to.Line - from.Line
	sc.at = to
	return sc, warnings, err
}

// savedState is a state file's header and memories, read and checked but
// not decoded.
type savedState struct {
	h        stateHeader
	mem      []byte // the memories, without their newline
	latest   []byte // the latest sessions' scores; nil when they do not match their checksum
	info     os.FileInfo
	scoresAt int64 // where the scores start in the file
}

// readState reads the state file and checks that it describes the
// beginning of this history, open as hist; false when it is missing or
// stale. The latest sessions' scores are read with the memories, from the
// same file: what the text of progress needs is then read with one open.
func (sc *Schedule) readState(hist *os.File) (*savedState, bool) {
	f, err := openFile(StatePath(sc.path), os.O_RDONLY, 0) // a link is no cache
	if err != nil {
		return nil, false
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, false
	}
	first, ok := readHeaderLine(f)
	if !ok {
		return nil, false
	}
	h, ok := sc.checkHeader(first, hist)
	if !ok {
		return nil, false
	}
	// A file of another length than the header says (cut, or bytes added)
	// or memories that are not the ones written: read the whole history.
	if h.Memories.Len < 0 || h.Scores.Len < 0 || h.Latest.Len < 0 || h.Memories.Len > info.Size() || h.Scores.Len > info.Size() || h.Latest.Len > info.Size() {
		return nil, false
	}
	scoresAt := int64(len(first)) + h.Memories.Len + 1 // the memories' newline
	if info.Size() != scoresAt+h.Scores.Len+h.Latest.Len {
		return nil, false
	}
	// The memories and the latest scores in one array.
	buf := make([]byte, h.Memories.Len+1+h.Latest.Len)
	memLine, latest := buf[:h.Memories.Len+1], buf[h.Memories.Len+1:]
	if _, err := f.ReadAt(memLine, int64(len(first))); err != nil || memLine[h.Memories.Len] != '\n' {
		return nil, false
	}
	memLine = memLine[:h.Memories.Len]
	if memSum(h.At, memLine) != h.Memories.Sum {
		return nil, false
	}
	if _, err := f.ReadAt(latest, scoresAt+h.Scores.Len); err != nil || checksum(latest) != h.Latest.Sum {
		latest = nil // Summarize reads all the scores instead
	}
	return &savedState{h: h, mem: memLine, latest: latest, info: info, scoresAt: scoresAt}, true
}

// readHeaderLine reads a state file's first line, its header, with its
// newline; false when there is none in the first kilobyte.
func readHeaderLine(f *os.File) ([]byte, bool) {
	var buf [1024]byte
	n, err := f.ReadAt(buf[:], 0)
	if err != nil && err != io.EOF {
		return nil, false
	}
	i := bytes.IndexByte(buf[:n], '\n')
	if i < 0 {
		return nil, false
	}
	return bytes.Clone(buf[:i+1]), true
}

// useState fills the schedule from the state's memories; false when they
// cannot be decoded, and then the schedule is left empty.
func (sc *Schedule) useState(st *savedState) bool {
	mems, ok := decodeMemories(st.mem)
	if !ok {
		return false
	}
	// The scores, a megabyte in a year, are read when Summarize or
	// SaveState needs them: a review does not. Their checksum is checked
	// then.
	//
	// The memories stay where decodeMemories put them, in one array: a
	// copy of each was a sixth of what a review allocated before its first
	// question, and fresh memory costs a fresh process a page fault a page.
	sc.stored = make([]*memory, len(mems))
	sc.mem = make(map[version]*memory, len(mems)+16) // and room for some new questions: more room, as much again, was a fifth of the memories' memory
	sc.state = st.info
	sc.scores = stateSection{st.scoresAt, st.h.Scores}
	sc.latest = stateSection{st.scoresAt + st.h.Scores.Len, st.h.Latest}
	sc.latestScores = st.latest
	sc.latestSessions = st.h.LatestSessions
	for i := range mems {
		m := &mems[i]
		m.slot = i + 1
		sc.mem[version{m.Bank, m.Question, m.Digest}] = &m.memory
		sc.stored[i] = &m.memory
	}
	return true
}

// loadScores puts the state file's scores before those of the lines read
// since. When the state file has been replaced since loadState (another
// quiz ended meanwhile), or its scores cannot be read, do not match their
// checksum or cannot be decoded, the scores are read from the history
// itself, up to where the replay stopped. Leaving them out would lose them
// for good at the next SaveState, and the state is only a cache of the
// history. When even that fails, SaveState saves nothing (sc.partial).
func (sc *Schedule) loadScores() {
	if sc.stored == nil {
		return
	}
	line, ok := sc.readSection(sc.scores)
	if ok {
		room := make([]int, len(sc.stored))
		for i, m := range sc.stored {
			room[i] = len(m.Scores)
		}
		var scores [][]score
		if scores, ok = decodeScores(line, room); ok {
			for i, m := range sc.stored {
				m.Scores = append(scores[i], m.Scores...) // into its room
			}
		}
	}
	if !ok {
		sc.partial = sc.rescore()
	}
	sc.stored, sc.state, sc.latestScores = nil, nil, nil
}

// savedScores reads the state file's scores without decoding them, for
// Summarize; false when they are not those loadState found, as loadScores.
// With latest, only each memory's scores in its latest sessions
// (sc.latestSessions of them) are read.
func (sc *Schedule) savedScores(latest bool) (savedScores, bool) {
	if latest && sc.latestScores != nil { // read with the memories
		return parseScores(sc.latestScores, len(sc.stored))
	}
	part := sc.scores
	if latest {
		part = sc.latest
	}
	line, ok := sc.readSection(part)
	if !ok {
		return savedScores{}, false
	}
	return parseScores(line, len(sc.stored))
}

// stateSection is where one part of the state file is, and its length
// and checksum.
type stateSection struct {
	at int64
	section
}

// readSection reads a part of the state file; false when the file is no
// longer the one loadState read or cannot be read, or the part does not
// match its checksum.
func (sc *Schedule) readSection(part stateSection) ([]byte, bool) {
	f, err := openFile(StatePath(sc.path), os.O_RDONLY, 0) // a link is no cache
	if err != nil {
		return nil, false
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil || !os.SameFile(info, sc.state) || info.Size() != sc.state.Size() || !info.ModTime().Equal(sc.state.ModTime()) {
		return nil, false
	}
	line := make([]byte, max(min(part.Len, info.Size()-part.at), 0))
	if _, err := io.ReadFull(io.NewSectionReader(f, part.at, int64(len(line))), line); err != nil {
		return nil, false
	}
	return line, checksum(line) == part.Sum
}

// rescore takes every memory's scores from the history read again up to
// where the replay stopped: the lines before it are whole and never change.
// An error leaves the scores partial.
func (sc *Schedule) rescore() error {
	f, err := openFile(sc.path, os.O_RDONLY, 0)
	if err != nil {
		return fmt.Errorf("the state file's scores are damaged and the history cannot be read again: %w", err)
	}
	defer f.Close()
	again := NewSchedule(sc.Scheduler)
	_, to, err := scan(sc.path, io.LimitReader(f, sc.at.Offset), position{}, again.Add, scanBuffer)
	if err == nil && to != sc.at {
		err = fmt.Errorf("%s: it ends at line %d, not %d as when it was read", sc.path, to.Line, sc.at.Line)
	}
	if err != nil {
		return fmt.Errorf("the state file's scores are damaged and the history cannot be read again: %w", err)
	}
	for v, m := range sc.mem {
		if a := again.mem[v]; a != nil {
			m.Scores = a.Scores
		} else {
			m.Scores = nil
		}
	}
	return nil
}

// checkHeader reads a state file's header and checks that it describes the
// beginning of this history, open as hist.
func (sc *Schedule) checkHeader(line []byte, hist *os.File) (stateHeader, bool) {
	h, ok := parseHeader(line)
	if !ok || h.Version != stateVersion || h.At.Offset <= 0 {
		return h, false
	}
	if info, err := hist.Stat(); err != nil || info.Size() < h.At.Offset {
		return h, false
	}
	if sum, err := headOf(hist, h.At.Offset); err != nil || sum != h.Head {
		return h, false
	}
	return h, true
}

// Refresh brings the state file of the history at path up to date when the
// history has grown well beyond it, so that the next review reads only a
// little. A quiz calls it as it ends, when the student has stopped waiting.
func Refresh(path string) error {
	info, err := os.Lstat(path)
	if err != nil || !info.Mode().IsRegular() {
		return nil // no history, or one refused (checkFile): nothing to do
	}
	behind := info.Size()
	if f, err := openFile(StatePath(path), os.O_RDONLY, 0); err == nil {
		line, _ := readHeaderLine(f)
		f.Close()
		if hist, err := openFile(path, os.O_RDONLY, 0); err == nil {
			sc := &Schedule{path: path}
			if h, ok := sc.checkHeader(line, hist); ok {
				behind -= h.At.Offset
			}
			hist.Close()
		}
	}
	if behind < refreshAfter {
		return nil
	}
	sc, _, err := Replay(path)
	if err != nil {
		return err
	}
	return sc.SaveState()
}

// SaveState saves the schedule's state beside its history when many lines
// had to be read beyond the last one, so that the next review starts at once.
// Call it after the quiz: the state says nothing of answers appended since
// Replay, which the next Replay reads.
func (sc *Schedule) SaveState() error {
	if sc.path == "" || sc.read < saveAfter || sc.at.Offset == 0 {
		return nil
	}
	h, err := head(sc.path, sc.at.Offset)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil // forgotten meanwhile
		}
		return err
	}
	if st, err := os.Lstat(StatePath(sc.path)); err == nil && !st.Mode().IsRegular() {
		return notRegular(StatePath(sc.path), st.Mode()) // written through, a link would replace the file it names
	}
	sc.loadScores()
	if sc.partial != nil {
		return sc.partial // never a state built on a partly read one
	}
	mems := make([]savedMemory, 0, len(sc.mem))
	for v, m := range sc.mem {
		mems = append(mems, savedMemory{v.Bank, v.Question, v.Digest, *m})
	}
	// In a stable order, so that the file says the same for the same history.
	slices.SortFunc(mems, func(a, b savedMemory) int {
		return cmp.Or(cmp.Compare(a.Bank, b.Bank), cmp.Compare(a.Question, b.Question), cmp.Compare(a.Digest, b.Digest))
	})
	memLine := encodeMemories(mems)
	scores, latest := encodeScores(mems, latestSessions)
	hdr := stateHeader{Version: stateVersion, Head: h, At: sc.at,
		Memories:       section{int64(len(memLine)), memSum(sc.at, memLine)},
		Scores:         section{int64(len(scores)), checksum(scores)},
		Latest:         section{int64(len(latest)), checksum(latest)},
		LatestSessions: latestSessions}
	// A cache, made again from the history: not synced.
	return fileio.WriteFilePerm(StatePath(sc.path), true, 0o600, fileio.Derived, func(w io.Writer) error {
		if _, err := w.Write(hdr.line()); err != nil {
			return err
		}
		if _, err := w.Write(append(memLine, '\n')); err != nil {
			return err
		}
		if _, err := w.Write(scores); err != nil {
			return err
		}
		_, err := w.Write(latest)
		return err
	})
}

// Forget deletes a student's history file and its state, and what a write of
// either killed midway left (Leftovers). It is not an error when there is
// none. A quiz that has the history open meanwhile finds it forgotten
// (markForgotten) and keeps nothing more, rather than making it again. A
// history or cache that is a link is refused (CheckForget), nothing deleted.
func Forget(path string) error {
	if err := CheckForget(path); err != nil {
		return err
	}
	// First, so that a quiz that holds no history and makes one meanwhile
	// finds it (ForgottenSince); a note that cannot be written stops the
	// forget before anything is deleted (recheck28b L-A).
	if err := leaveNote(path, time.Now()); err != nil {
		return fmt.Errorf("nothing was deleted: the forget's note could not be written: %w", err)
	}
	var errs []error
	if err := markForgotten(path); err != nil {
		errs = append(errs, err)
	}
	for _, p := range append([]string{path, StatePath(path)}, Leftovers(path)...) {
		if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// CheckForget refuses to forget a history, or a cache, that is not a
// regular file (checkFile): removing a link would leave every answer in the
// file it names, while saying the history is deleted (recheck26 L1), and
// deleting that file is not conflictq's to do. Call it before asking.
func CheckForget(path string) error {
	return errors.Join(checkFile(path), checkFile(StatePath(path)), checkNote(path))
}

// forgottenMark is all Forget leaves in a history before it deletes it, for
// a quiz that still has the file open to find (Log.follow): its answers
// then stop there, rather than make the history again (attack21 M1).
const forgottenMark = "{\"note\":\"forgotten\"}\n"

// markForgotten empties the history at path and leaves forgottenMark in it,
// then deletes it, all under its lock, so that no answer is appended between
// the two. A history that is not a regular file was refused (CheckForget).
func markForgotten(path string) error {
	f, err := openFile(path, os.O_WRONLY, 0)
	if err != nil {
		return nil // gone meanwhile, or not ours to open: Forget's remove says
	}
	defer f.Close()
	if err := fileio.Lock(f); err != nil {
		return fmt.Errorf("%s: lock: %w", path, err)
	}
	defer fileio.Unlock(f)
	if err := f.Truncate(0); err != nil {
		return err
	}
	if _, err := f.WriteAt([]byte(forgottenMark), 0); err != nil {
		return err
	}
	return os.Remove(path)
}

// Leftovers are what writes of the history at path or of its cache, killed
// midway, left beside them (fileio.Leftovers): they hold answers too.
func Leftovers(path string) []string {
	ours := func(name string) bool { return name == filepath.Base(path) || name == filepath.Base(StatePath(path)) }
	return fileio.Leftovers(filepath.Dir(path), ours)
}
