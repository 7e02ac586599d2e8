"""The base of every command: registration (`command`), output (`say`, `fail`), progress bars."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from core.errors import DomainError

Handler = Callable[[argparse.Namespace], int]
Arguments = Callable[[argparse.ArgumentParser], object]
COMMANDS: dict[str, tuple[str, Arguments | None, Handler]] = {}


def command(
    name: str, help: str, arguments: Arguments | None = None
) -> Callable[[Handler], Handler]:
    """Register a subcommand: its help line, how it reads its arguments, and its handler."""

    def register(handler: Handler) -> Handler:
        COMMANDS[name] = (help, arguments, handler)
        return handler

    return register


def say(message: str) -> None:
    print(message, flush=True)


def fail(problem: str | DomainError, note: str = "") -> int:
    """Say what went wrong on stderr and return the exit status 2.

    A DomainError is said in English on one line (a script reading stderr gets one line per
    failure), followed by `note`, e.g. "Nothing was written."
    """
    if isinstance(problem, DomainError):
        problem = " ".join(problem.message("en").split())
    text = f"{problem} {note}" if note else problem
    print(f"error: {text}", file=sys.stderr, flush=True)
    return 2


def count_bar(desc: str, unit: str, *, scale: bool = False) -> Callable[[int, int], None]:
    """A tqdm bar on stderr fed with (done, total); it closes itself when done. `scale`
    shows large counts (bytes) as k, M, G."""
    from tqdm import tqdm

    bar = tqdm(desc=desc, unit=unit, file=sys.stderr, unit_scale=scale)

    def report(done: int, total: int) -> None:
        bar.total = total
        bar.n = done
        bar.refresh()
        if done >= total:
            bar.close()

    return report


def progress_printer() -> Callable[[str, float], None]:
    from tqdm import tqdm

    bar = tqdm(total=100, unit="%", bar_format="{desc:<32} {bar} {n_fmt}%")

    def report(step: str, fraction: float) -> None:
        bar.set_description_str(step)
        bar.n = round(100 * fraction)
        bar.refresh()
        if fraction >= 1:
            bar.close()

    return report
