# conflictq — run `make help` for the targets.
GO      ?= go
BIN     ?= conflictq
PKG      = ./cmd/conflictq
FUZZTIME ?= 10s

.PHONY: help build test bench fuzz install completions man generate clean

help:
	@echo "make build        build ./$(BIN)"
	@echo "make test         go vet (also for macOS and Windows), then every test with the race detector"
	@echo "make bench        benchmarks, including every command's start-up against a do-nothing program"
	@echo "make fuzz         each fuzz target for $(FUZZTIME) (FUZZTIME=1m make fuzz)"
	@echo "make install      go install the command"
	@echo "make completions  shell completion scripts into completions/"
	@echo "make man          man pages into man/"
	@echo "make generate     recompile the embedded banks and glossary after editing assets/*/*.yaml"

build:
	$(GO) build -o $(BIN) $(PKG)

# The race runtime sleeps 1 s as each process exits (to catch late reports);
# testscript starts a process per command, so the sleep is cut to 10 ms as
# CUE's CI does. Vetting for macOS and Windows keeps the tests compiling there.
test:
	$(GO) vet ./...
	GOOS=darwin $(GO) vet ./...
	GOOS=windows $(GO) vet ./...
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
	$(GO) test -run '^$$' -bench 'InProcess|FirstPrompt' -benchmem ./cmd
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
	$(GO) test -run '^$$' -fuzz '^FuzzDecode$$' -fuzztime $(FUZZTIME) ./quiz/history

install:
	$(GO) install $(PKG)

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
	rm -rf $(BIN) completions man
