# conflictq — run `make help` for the targets.
GO      ?= go
BIN     ?= conflictq
PKG      = ./cmd/conflictq
FUZZTIME ?= 10s
# The version and commit conflictq version prints; make dist VERSION=v1.0.0.
# Built as the release archives are (cmd/dist): without cgo (one static file,
# no C library to load), and without the symbol table and debug information
# (-s -w), which only a debugger reads. BenchmarkStartup times conflictq so.
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
COMMIT  ?= $(shell git rev-parse HEAD 2>/dev/null)
LDFLAGS  = -s -w -X github.com/conflictq/conflictq/cmd.stampVersion=$(VERSION) -X github.com/conflictq/conflictq/cmd.stampCommit=$(COMMIT)

.PHONY: help build test race bench fuzz install cross dist dist-check completions man generate clean

help:
	@echo "make build        build ./$(BIN)"
	@echo "make test         go vet (also for macOS and Windows), then every test (the everyday check)"
	@echo "make race         every test again under the race detector (CI runs it after make test)"
	@echo "make bench        benchmarks, including every command's start-up against a do-nothing program"
	@echo "make fuzz         each fuzz target for $(FUZZTIME) (FUZZTIME=1m make fuzz)"
	@echo "make install      build and install conflictq into $$(go env GOPATH)/bin (or GOBIN)"
	@echo "make cross        check that conflictq builds for windows and darwin, amd64 and arm64"
	@echo "make dist         release archives for linux, darwin, windows (amd64, arm64) in dist/"
	@echo "make dist-check   check that dist/ holds every archive, complete, with checksums"
	@echo "make completions  shell completion scripts into completions/"
	@echo "make man          man pages into man/"
	@echo "make generate     recompile the embedded banks and glossary after editing assets/*/*.yaml"

build:
	CGO_ENABLED=0 $(GO) build -trimpath -ldflags '$(LDFLAGS)' -o $(BIN) $(PKG)

# The everyday check, under 30 s on two cores. Vetting for macOS and Windows
# keeps the tests compiling there; it runs beside the tests, which spend most
# of their time waiting on terminals and processes, and fails the target as
# the tests do (its messages may come among the tests').
test:
	$(GO) vet ./...
	@GOOS=darwin $(GO) vet ./... & darwin=$$!; \
	GOOS=windows $(GO) vet ./... & windows=$$!; \
	echo 'GOOS=darwin $(GO) vet ./... & GOOS=windows $(GO) vet ./... & $(GO) test ./...'; \
	$(GO) test ./...; status=$$?; \
	wait $$darwin || { echo 'make test: GOOS=darwin go vet failed'; status=1; }; \
	wait $$windows || { echo 'make test: GOOS=windows go vet failed'; status=1; }; \
	exit $$status

# The same tests under the race detector: about 2.5 times the CPU, so on two
# cores it cannot fit the everyday check's time (warm, at a load of 10: 79 s,
# quiz/sheet's tests 38 s and cmd's 34 s); CI runs it after make test.
# The race runtime sleeps 1 s as each process exits (to catch late reports);
# testscript starts a process per command, so the sleep is cut to 10 ms as
# CUE's CI does.
race:
	GORACE="atexit_sleep_ms=10 $$GORACE" $(GO) test -race ./...

# BenchmarkStartup times each command against the floor and prints a table (-v).
# BenchmarkGrade100k writes 100,000 JSON-lines sheets and grades them with the
# real binary beside jq (when installed); BenchmarkStartup/review takes a
# spaced review over a year's history (100,000 answers); the others are
# in-process.
bench:
	$(GO) test -run '^$$' -bench 'Startup' -benchtime 40x -v ./cmd
	$(GO) test -run '^$$' -bench 'Grade100k' -benchtime 1x ./cmd
	$(GO) test -run '^$$' -bench 'GradeReports10k' -benchtime 1x ./cmd
	$(GO) test -run '^$$' -bench 'InProcess|FirstPrompt|ProgressYear|ReviewYear' -benchmem ./cmd
	$(GO) test -run '^$$' -bench 'ClassPage10k' -benchtime 3x ./cmd
	$(GO) test -run '^$$' -bench . -benchmem ./quiz/... ./glossary ./assets

# One target at a time: go test -fuzz takes a single target.
fuzz:
	$(GO) test -run '^$$' -fuzz '^FuzzNormalize$$' -fuzztime $(FUZZTIME) ./quiz/text
	$(GO) test -run '^$$' -fuzz '^FuzzParseBank$$' -fuzztime $(FUZZTIME) ./quiz
	$(GO) test -run '^$$' -fuzz '^FuzzParseSheet$$' -fuzztime $(FUZZTIME) ./quiz/grade
	$(GO) test -run '^$$' -fuzz '^FuzzParseSheetJSON$$' -fuzztime $(FUZZTIME) ./quiz/sheet
	$(GO) test -run '^$$' -fuzz '^FuzzLookup$$' -fuzztime $(FUZZTIME) ./glossary
	$(GO) test -run '^$$' -fuzz '^FuzzParse$$' -fuzztime $(FUZZTIME) ./quiz/gift
	$(GO) test -run '^$$' -fuzz '^FuzzParse$$' -fuzztime $(FUZZTIME) ./quiz/aiken
	$(GO) test -run '^$$' -fuzz '^FuzzParse$$' -fuzztime $(FUZZTIME) ./quiz/moodlexml
	$(GO) test -run '^$$' -fuzz '^FuzzTokensAsEncodingXML$$' -fuzztime $(FUZZTIME) ./quiz/moodlexml
	$(GO) test -run '^$$' -fuzz '^FuzzDecode$$' -fuzztime $(FUZZTIME) ./quiz/history
	$(GO) test -run '^$$' -fuzz '^FuzzResolveWritten$$' -fuzztime $(FUZZTIME) ./quiz
	$(GO) test -run '^$$' -fuzz '^FuzzReadCSV$$' -fuzztime $(FUZZTIME) ./quiz/marking
	$(GO) test -run '^$$' -fuzz '^FuzzWrapAsBefore$$' -fuzztime $(FUZZTIME) ./quiz/text
	$(GO) test -run '^$$' -fuzz '^FuzzSplitShortParts$$' -fuzztime $(FUZZTIME) ./quiz
	$(GO) test -run '^$$' -fuzz '^FuzzCutComments$$' -fuzztime $(FUZZTIME) ./quiz/internal/yamlnode
	$(GO) test -run '^$$' -fuzz '^FuzzFastAsYAML$$' -fuzztime $(FUZZTIME) ./quiz/internal/yamlnode

# Says where the binary went, and how to put that folder on PATH if it is not.
install:
	CGO_ENABLED=0 $(GO) install -trimpath -ldflags '$(LDFLAGS)' $(PKG)
	@dir=$$($(GO) env GOBIN); [ -n "$$dir" ] || dir=$$($(GO) env GOPATH)/bin; \
	echo "installed $$dir/$(BIN)"; \
	case ":$$PATH:" in *":$$dir:"*) ;; \
	*) echo "$$dir is not on your PATH; add this line to ~/.profile (or ~/.zshrc) and open a new terminal:"; \
	   echo "  export PATH=\"$$dir:\$$PATH\"";; esac

# Windows and macOS cannot be tested here; this checks that the command builds
# for them (make test already checks that the tests compile there).
cross:
	GOOS=windows GOARCH=amd64 $(GO) build -o /dev/null $(PKG)
	GOOS=windows GOARCH=arm64 $(GO) build -o /dev/null $(PKG)
	GOOS=darwin GOARCH=amd64 $(GO) build -o /dev/null $(PKG)
	GOOS=darwin GOARCH=arm64 $(GO) build -o /dev/null $(PKG)

# Archives for school computers without Go: dist/conflictq_VERSION_OS_ARCH.tar.gz
# (.zip for Windows), each with the binary, README.md, man/ and completions/,
# and dist/SHA256SUMS. cmd/dist checks each archive after writing it.
dist: man completions
	rm -rf dist
	$(GO) run ./cmd/dist -out dist -version '$(VERSION)' -commit '$(COMMIT)'

dist-check:
	$(GO) run ./cmd/dist -check dist

completions: build
	mkdir -p completions
	./$(BIN) completion bash > completions/$(BIN).bash
	./$(BIN) completion zsh > completions/_$(BIN)
	./$(BIN) completion fish > completions/$(BIN).fish
	./$(BIN) completion powershell > completions/$(BIN).ps1

man:
	$(GO) run ./cmd/gendocs man

generate:
	$(GO) generate ./assets

clean:
	rm -rf $(BIN) completions man dist
