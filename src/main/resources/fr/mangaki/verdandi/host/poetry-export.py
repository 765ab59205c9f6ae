"""Turns an application's poetry.lock into pip requirement files, without Poetry: run by
`deploy` with the release virtualenv's python, so that environment markers are evaluated
for the interpreter that will run the application (packaging and tomli come with pip).

Usage: poetry-export.py PROJECT_DIR MAIN_OUT OTHER_OUT

MAIN_OUT gets the locked main dependencies, OTHER_OUT those of every other group (dev,
test: what gates such as pytest need), each as `name==version --hash=...` lines for
`pip install --no-deps --require-hashes`; packages locked from git become
`name @ git+URL@COMMIT` lines in MAIN_OUT.vcs and OTHER_OUT.vcs (pip cannot hash a git
checkout). Which packages are main: lock files 1.x say so (`category`), 2.1 too
(`groups`); for 2.0 the dependency graph is walked from pyproject.toml's main
dependencies. Exit status 1 with one line naming the file on a problem.
"""
import re
import sys

try:
    import tomllib
except ImportError:  # Python < 3.11: pip vendors tomli
    from pip._vendor import tomli as tomllib
from pip._vendor.packaging.markers import Marker
from pip._vendor.packaging.requirements import Requirement


class Problem(Exception):
    pass


def norm(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def marker_ok(spec):
    if isinstance(spec, dict) and spec.get("optional"):
        return False  # only through an extra, see walk()
    markers = spec.get("markers") if isinstance(spec, dict) else None
    if not markers:
        return True
    try:
        return Marker(markers).evaluate({"extra": ""})
    except Exception as e:
        raise Problem(f"poetry.lock: marker {markers!r} is not understood: {e}")


def as_list(spec):
    return spec if isinstance(spec, list) else [spec]


def walk(roots, packages):
    """Every locked package reachable from roots [(name, extras)], following markers."""
    seen = {}
    todo = list(roots)
    while todo:
        name, extras = todo.pop()
        key = norm(name)
        package = packages.get(key)
        if package is None:
            continue  # e.g. python itself, or a dependency whose marker excluded it at lock time
        before = seen.get(key)
        wanted = set(extras) | (before or set())
        if before is not None and wanted == before:
            continue
        seen[key] = wanted
        for dep, spec in package.get("dependencies", {}).items():
            for one in as_list(spec):
                if marker_ok(one):
                    todo.append((dep, one.get("extras", []) if isinstance(one, dict) else []))
        for extra in wanted:
            for text in package.get("extras", {}).get(extra, []):
                req = Requirement(re.sub(r"\s*\((.*)\)", r"\1", text))
                if req.marker is None or req.marker.evaluate({"extra": extra}):
                    todo.append((req.name, list(req.extras)))
    return set(seen)


def roots(dependencies):
    out = []
    for name, spec in dependencies.items():
        if norm(name) == "python":
            continue
        for one in as_list(spec):
            if marker_ok(one):
                out.append((name, one.get("extras", []) if isinstance(one, dict) else []))
    return out


def pep621_roots(entries):
    out = []
    for text in entries:
        req = Requirement(text)
        if req.marker is None or req.marker.evaluate():
            out.append((req.name, list(req.extras)))
    return out


def select(project, lock):
    packages = {norm(p["name"]): p for p in lock.get("package", [])}
    version = str(lock.get("metadata", {}).get("lock-version", "1.0"))
    poetry = project.get("tool", {}).get("poetry", {})
    main_roots = roots(poetry.get("dependencies", {})) + pep621_roots(project.get("project", {}).get("dependencies", []))
    other_roots = roots(poetry.get("dev-dependencies", {}))
    for group in poetry.get("group", {}).values():
        other_roots += roots(group.get("dependencies", {}))
    main = walk(main_roots, packages)
    everything = walk(main_roots + other_roots, packages)
    if version.startswith("1."):
        main &= {k for k, p in packages.items() if p.get("category", "main") == "main"}
    elif any("groups" in p for p in packages.values()):
        main &= {k for k, p in packages.items() if "main" in p.get("groups", ["main"])}
    return packages, main, everything - main


def lines(packages, names):
    hashed, vcs = [], []
    for key in sorted(names):
        p = packages[key]
        source = p.get("source", {})
        kind = source.get("type")
        if kind == "git":
            vcs.append(f"{p['name']} @ git+{source['url']}@{source.get('resolved_reference') or source['reference']}")
            continue
        if kind not in (None, "legacy"):
            raise Problem(f"poetry.lock: {p['name']} comes from a {kind!r} source, which the deploy cannot install")
        hashes = [f["hash"] for f in p.get("files", []) if "hash" in f]
        if not hashes:
            raise Problem(f"poetry.lock: {p['name']} {p['version']} has no file hashes (run `poetry lock` again)")
        index = f"--extra-index-url {source['url']}\n" if kind == "legacy" else ""
        hashed.append(index + f"{p['name']}=={p['version']} " + " ".join(f"--hash={h}" for h in hashes))
    return hashed, vcs


def write(path, entries):
    with open(path, "w") as f:
        f.write("".join(e + "\n" for e in entries))


def main():
    directory, main_out, other_out = sys.argv[1:4]
    try:
        with open(f"{directory}/pyproject.toml", "rb") as f:
            project = tomllib.load(f)
        with open(f"{directory}/poetry.lock", "rb") as f:
            lock = tomllib.load(f)
    except (OSError, tomllib.TOMLDecodeError) as e:
        print(f"cannot read pyproject.toml or poetry.lock: {e}")
        return 1
    try:
        packages, main_names, other_names = select(project, lock)
        for out, names in ((main_out, main_names), (other_out, other_names)):
            hashed, vcs = lines(packages, names)
            write(out, hashed)
            write(out + ".vcs", vcs)
    except Problem as e:
        print(e)
        return 1
    print(f"poetry.lock (lock-version {lock.get('metadata', {}).get('lock-version', '?')}): "
          f"{len(main_names)} main package(s), {len(other_names)} in other groups")
    return 0


if __name__ == "__main__":
    sys.exit(main())
