# The course's commands. `make setup` once, then `make grade` as often as you like.
PYTHON ?= python3
SUBMISSION ?= exercises
ONLY ?=

.PHONY: help setup grade test stubs check-stubs

help:
	@echo "make setup        install what the exercises and the grader need"
	@echo "make grade        grade exercises/ (ONLY=ex07_conv or ONLY=ex07_conv.pad2d for one part)"
	@echo "make bench        time your functions against torch's own (SUBMISSION=solutions for the reference)"
	@echo "make test         the project's own tests (maintainers)"
	@echo "make stubs        regenerate exercises/ from solutions/ (maintainers)"

setup:
	$(PYTHON) -m pip install -r requirements.txt

grade:
	$(PYTHON) -m grader $(SUBMISSION) $(if $(ONLY),--only $(ONLY))

test: check-stubs
	$(PYTHON) -m pytest tests

stubs:
	$(PYTHON) tools/make_stubs.py

check-stubs:
	$(PYTHON) tools/make_stubs.py --check

.PHONY: bench
bench:  # time SUBMISSION against torch (make bench SUBMISSION=solutions)
	$(PYTHON) tools/bench.py $(SUBMISSION)
