# The two commands of the README. Both install what is missing first (see install.sh).
.PHONY: install demo test lint bench

install:
	./install.sh

demo: install
	.venv/bin/optipilot solve modeler/examples/furniture.txt

test: install
	.venv/bin/ruff check .
	OPTIPILOT_DATA=$${OPTIPILOT_DATA:-../shared/data} .venv/bin/python -m pytest -q -n 2

lint: install
	.venv/bin/ruff check .
