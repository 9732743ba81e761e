"""Benchmark: counting real idea rounds (pabulib files) as whole processes.

    python bench/rounds.py                       # Świecie 2023 under mes-add1, 3 runs
    python bench/rounds.py --repeat 5 --all      # every shared file under its declared rule
    python bench/rounds.py --pabutools PYTHON    # pabutools too, from a venv with it

The figures are the median wall and CPU time of --repeat runs of a fresh Python process that reads the
file and counts it (start-up and import included), the way ``smederij round count --pb FILE``
will run it. pabutools (GPL-3, never a dependency of smederij) is timed side by side when the
given interpreter (default: this one) can import it: the same file, ``method_of_equal_shares``
with cost satisfaction and ``voter_budget_increment=1``. The target for Świecie 2023 (2.553
ballots, 22 ideas) is under 1 second; pabutools needs about 30.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CANDIDATES = [parent / "shared" / "data" / "pabulib" for parent in ROOT.parents[:3]]

OURS = """
import sys
from smederij_cli.rounds.pabulib import count_file
result = count_file(sys.argv[1], rule=sys.argv[2] or None)
print(len(result.winners), result.left_cents)
"""

THEIRS = """
import sys
from pabutools.election import parse_pabulib, Cost_Sat
from pabutools.rules import method_of_equal_shares
inst, prof = parse_pabulib(sys.argv[1])
out = method_of_equal_shares(inst, prof, sat_class=Cost_Sat, voter_budget_increment=1)
print(len(out))
"""


def timed(argv: list[str], repeat: int) -> tuple[float, float]:
    """Median wall seconds and median CPU seconds (user + system) of ``repeat`` whole-process
    runs. On a shared machine the CPU figure is the steadier one."""
    times, cpus = [], []
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        proc = subprocess.run(argv, cwd=ROOT, capture_output=True, text=True)
        times.append(time.perf_counter() - started)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        if proc.returncode != 0:
            raise RuntimeError(f"{' '.join(argv[:3])} failed: {proc.stderr[-500:]}")
    return statistics.median(times), statistics.median(cpus)


def has_pabutools(python: str) -> bool:
    return subprocess.run([python, "-c", "import pabutools"], capture_output=True).returncode == 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=next(
        (p for p in CANDIDATES if p.is_dir()), CANDIDATES[0]))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--all", action="store_true", help="every shared file, declared rule")
    parser.add_argument("--pabutools", default=sys.executable,
                        help="a Python that can import pabutools (default: this one)")
    args = parser.parse_args()
    if not args.data.is_dir():
        sys.exit(f"no pabulib data in {args.data}; give --data DIR")

    cases = [("Poland_Swiecie_2023.pb", "mes-add1")]
    if args.all:
        cases += [(p.name, "") for p in sorted(args.data.glob("*.pb"))]
    theirs = has_pabutools(args.pabutools)
    print(f"{'file':<50} {'rule':<12} {'smederij wall':>14} {'(cpu)':>8} {'pabutools':>10}")
    for name, rule in cases:
        path = str(args.data / name)
        seconds, cpu = timed([sys.executable, "-c", OURS, path, rule], args.repeat)
        other = "-"
        if theirs and rule == "mes-add1":
            other_s, _ = timed([args.pabutools, "-c", THEIRS, path], 1)
            other = f"{other_s:.2f} s"
        print(f"{name[:50]:<50} {rule or '(declared)':<12} {seconds:>12.2f} s {cpu:>6.2f} s "
              f"{other:>10}")
    if not theirs:
        print("pabutools not importable: pass --pabutools PYTHON to time it side by side")


if __name__ == "__main__":
    main()
