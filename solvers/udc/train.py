"""Train UDC's two policies for one problem: `python -m solvers.udc.train --problem tsp|cvrp|kp [options]`.

The options after --problem go to that problem's trainer (solvers/udc/train_<problem>.py, `--help` there
lists them); each writes its weights and a JSON log into solvers/udc/artifacts/.
"""

from __future__ import annotations

import argparse
import importlib
import sys

_TRAINERS = {"tsp": "solvers.udc.train_tsp", "cvrp": "solvers.udc.train_cvrp", "kp": "solvers.udc.train_kp"}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m solvers.udc.train", description=__doc__.splitlines()[0])
    ap.add_argument("--problem", choices=sorted(_TRAINERS), required=True)
    args, rest = ap.parse_known_args(argv)
    return int(importlib.import_module(_TRAINERS[args.problem]).train_main(rest) or 0)


if __name__ == "__main__":
    sys.exit(main())
