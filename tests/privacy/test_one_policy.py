"""One disclosure rule in one place: only core/privacy reads the threshold or writes a marker.

A module that compares a count with the threshold itself, or writes "<5" or ".." itself, is a
second copy of the rule that the next change (a new threshold, a new marker, a new role that
sees raw counts) will miss. The scan reads the source of core/, ui/ and pages/ (and app.py).
"""

from __future__ import annotations

import ast
import re
from itertools import pairwise
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCANNED = ("core", "ui", "pages", "app.py")
PRIVACY = Path("core/privacy")
SETTINGS = Path("core/config.py")  # defines the setting (its field and environment variable)
SETTING = "suppression_threshold"
ENV_VAR = "SILTA_SUPPRESSION_THRESHOLD"
SMALL_MARKER = re.compile(r"<\d+")  # "<5" written out
FORMATTED_MARKER = re.compile(r"<(\{[^}]*\}|%[di])")  # "<{}".format(t), "<%d" % t, "<{n} = …"
SEPARATOR_METHODS = {"split", "rsplit", "partition", "rpartition", "join"}  # "a..b" in URLs
# Strings that look like a marker and are something else, each with its reason.
NOT_MARKERS = {(Path("core/codes.py"), "<18"): "an age band (AgeBand.UNDER_18)"}


def _not_markers(tree: ast.AST) -> set[int]:
    """ids of string constants that cannot be markers: separators passed to str.split & co.,
    and the pieces of f-strings (judged whole, format specs like {name:<24} left out)."""
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in SEPARATOR_METHODS
        ):
            skipped.update(id(argument) for argument in node.args)
        if isinstance(node, ast.JoinedStr):
            skipped.update(id(inner) for inner in ast.walk(node) if inner is not node)
    return skipped


def _ends_with_lt(node: ast.AST) -> bool:
    return isinstance(node, ast.Constant) and str(node.value).endswith("<")


def _marker_built(node: ast.AST, skipped: set[int]) -> bool:
    if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skipped:
        text = node.value
        return text == ".." or bool(SMALL_MARKER.fullmatch(text) or FORMATTED_MARKER.search(text))
    if isinstance(node, ast.JoinedStr) and id(node) not in skipped:  # f"<{threshold}"
        parts = node.values
        return any(
            _ends_with_lt(part) and isinstance(following, ast.FormattedValue)
            for part, following in pairwise(parts)
        )
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):  # "<" + str(threshold)
        left = node.left
        while isinstance(left, ast.BinOp) and isinstance(left.op, ast.Add):
            left = left.right
        right = node.right
        number = (
            isinstance(right, ast.Call)
            and isinstance(right.func, ast.Name)
            and right.func.id == "str"
        )
        return _ends_with_lt(left) and number
    return False


def _threshold_read(node: ast.AST) -> bool:
    if isinstance(node, ast.Attribute) and node.attr == SETTING:
        return True  # get_settings().suppression_threshold
    if isinstance(node, ast.Name) and node.id == SETTING and isinstance(node.ctx, ast.Load):
        return True
    if isinstance(node, ast.ImportFrom):
        return any(alias.name == SETTING for alias in node.names)
    return isinstance(node, ast.Constant) and node.value == ENV_VAR


def violations_in(source: str, path: Path) -> list[str]:
    """What `source` (the file at `path`, relative to the repository) does that only
    core/privacy may do."""
    if path.is_relative_to(PRIVACY):
        return []
    tree = ast.parse(source)
    skipped = _not_markers(tree)
    found = []
    for node in ast.walk(tree):
        where = f"{path}:{getattr(node, 'lineno', '?')}"
        if _threshold_read(node) and not (path == SETTINGS and isinstance(node, ast.Constant)):
            found.append(f"{where} reads the suppression threshold")
        elif (
            _marker_built(node, skipped) and (path, getattr(node, "value", None)) not in NOT_MARKERS
        ):
            found.append(f"{where} writes a suppression marker")
    return found


def violations(root: Path) -> list[str]:
    files = [
        path
        for name in SCANNED
        for path in ([root / name] if name.endswith(".py") else sorted((root / name).rglob("*.py")))
        if path.exists()
    ]
    assert len(files) > 50, f"the scan found too few files under {root}"
    return [
        problem
        for path in files
        for problem in violations_in(path.read_text(encoding="utf-8"), path.relative_to(root))
    ]


def test_only_core_privacy_knows_the_threshold_and_the_markers() -> None:
    assert violations(ROOT) == []


@pytest.mark.parametrize(
    "line",
    [
        "from core.privacy.rules import suppression_threshold",
        "limit = get_settings().suppression_threshold",
        "limit = suppression_threshold()",
        "limit = int(os.environ.get('SILTA_SUPPRESSION_THRESHOLD', 5))",
        "text = f'<{threshold}'",
        "text = 'fewer than ' + '<' + str(threshold)",
        "text = '<{}'.format(threshold)",
        "note = cell if shown else '<5'",
        "legend = '<{n} = fewer than {n} people'",
        "hidden = frame.mask(small, '..')",
    ],
)
def test_the_scan_catches_a_second_copy_of_the_rule(line: str) -> None:
    assert violations_in(line, Path("core/dashboards/example.py"))


@pytest.mark.parametrize(
    "line",
    [
        "start, end = raw.split('..')",
        "caption = t('dash.suppressed_view', threshold=rule.threshold, marker=rule.marker)",
        "html = '<br>'.join(lines)",
        "label = f'{start}..{end}'",
        "say(f'{user.username:<24} {label:<{width}}')",
        "values = struct.unpack_from('<' + fmt, data)",
        "'''Shown as \"<5\" or \"..\" (a docstring may say so).'''",
    ],
)
def test_the_scan_leaves_other_code_alone(line: str) -> None:
    assert violations_in(line, Path("ui/example.py")) == []


def test_core_privacy_itself_may_state_the_rule() -> None:
    assert violations_in("MARKER = '..'", Path("core/privacy/rules.py")) == []
    assert violations_in("UNDER_18 = '<18'", Path("core/codes.py")) == []
