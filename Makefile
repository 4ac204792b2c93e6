# The course's commands. `make setup` once, then `make grade` as often as you like.
PYTHON ?= python3
SUBMISSION ?= exercises
ONLY ?=

.PHONY: help setup grade bench watch hint test stubs check-stubs notebooks check-notebooks release gradescope

help:
	@echo "make setup        install what the exercises and the grader need"
	@echo "make grade        grade exercises/ (ONLY=ex07_conv or ONLY=ex07_conv.pad2d for one part)"
	@echo "make bench        time your functions against torch's own (SUBMISSION=solutions for the reference)"
	@echo "make watch        re-grade each module when you save it (Ctrl-C to stop)"
	@echo "make hint ONLY=ex05.softmax   the next hint for one function"
	@echo "make release DEST=dir   a student repository: stubs and public checks only (instructors)"
	@echo "make gradescope   the Gradescope autograder zip (instructors)"
	@echo "make notebooks    regenerate notebooks/ from exercises/ (maintainers)"
	@echo "make test         the project's own tests (maintainers)"
	@echo "make stubs        regenerate exercises/ from solutions/ (maintainers)"

setup:
	$(PYTHON) -m pip install -r requirements.txt

grade:
	$(PYTHON) -m grader $(SUBMISSION) $(if $(ONLY),--only $(ONLY))

bench:  # time SUBMISSION against torch (make bench SUBMISSION=solutions)
	$(PYTHON) tools/bench.py $(SUBMISSION)

watch:
	$(PYTHON) -m grader watch $(SUBMISSION)

hint:
	$(PYTHON) -m grader hint $(ONLY)

test: check-stubs check-notebooks
	$(PYTHON) -m pytest tests

stubs:
	$(PYTHON) tools/make_stubs.py

check-stubs:
	$(PYTHON) tools/make_stubs.py --check

notebooks:
	$(PYTHON) tools/make_notebooks.py

check-notebooks:
	$(PYTHON) tools/make_notebooks.py --check

release:
	$(PYTHON) tools/release.py $(DEST)

gradescope:
	$(PYTHON) tools/gradescope.py
