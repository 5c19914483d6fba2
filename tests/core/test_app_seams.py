"""The seams between apps stay visible: imports between apps sit at the top of modules (only
`AppConfig.ready` may import lazily, to connect receivers), and no two apps import each other.

The app order below is the house's floor plan, from the ground up; an app may import only the apps
below it. Anything an app needs from an app above it goes through a signal it sends
(activities.signals, members.signals) or a question it asks (activities.people).
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FLOORS = [
    "core",
    "home",
    "activities",
    "care",
    "members",
    "partners",
    "newsletter",
    "solidarity",
    "indicators",
    "search",
    "demo",
]
TOP_LEVEL = {"config", "bench"}  # configuration and scripts: may import any app
APPS = set(FLOORS) | TOP_LEVEL


def modules():
    for package in sorted(APPS):
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" not in path.parts:
                yield package, path


def imports_of(path):
    """(imported app, line, enclosing function or None) for each absolute import of a project app."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []

    def visit(node, function):
        for child in ast.iter_child_nodes(node):
            inner = child.name if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)) else function
            if isinstance(child, ast.Import):
                found.extend((alias.name.split(".")[0], child.lineno, function) for alias in child.names)
            elif isinstance(child, ast.ImportFrom) and not child.level and child.module:
                found.extend([(child.module.split(".")[0], child.lineno, function)])
            visit(child, inner)

    visit(tree, None)
    return [(app, line, function) for app, line, function in found if app in APPS]


def cross_app_imports():
    for package, path in modules():
        for app, line, function in imports_of(path):
            if app != package:
                yield package, app, f"{path.relative_to(ROOT)}:{line}", function


def test_no_import_between_apps_hides_inside_a_function():
    hidden = [
        f"{where} imports {app} inside {function}()"
        for package, app, where, function in cross_app_imports()
        if function is not None and function != "ready" and package not in TOP_LEVEL
    ]
    assert hidden == [], "Move these imports to the top of the module (or answer through a signal):\n" + "\n".join(
        hidden
    )


def test_apps_only_import_the_apps_below_them():
    upward = [
        f"{where}: {package} imports {app}"
        for package, app, where, _function in cross_app_imports()
        if package in FLOORS and app in FLOORS and FLOORS.index(app) > FLOORS.index(package) and _function != "ready"
    ]
    assert upward == [], "An app imports one above it (send a signal instead):\n" + "\n".join(upward)


@pytest.mark.parametrize("package", sorted(APPS))
def test_every_app_of_the_floor_plan_exists(package):
    assert (ROOT / package).is_dir(), f"{package} is in the floor plan but not in the tree"
