"""Checks an application's Python requirement against an interpreter, before anything is
installed. Run by `deploy` with the host's python3 (3.11: tomllib).

Usage: python-check.py PYPROJECT INTERPRETER

Reads `[project] requires-python` (PEP 621) or `[tool.poetry.dependencies] python`
(Poetry's constraint syntax: ^, ~, *, ||, and PEP 440 comparisons). Exit status 0 when
the interpreter's version is allowed (or nothing is required), 1 with one line naming
both otherwise, 2 when the file cannot be read.
"""
import re
import subprocess
import sys
import tomllib


def release(text):
    parts = [int(p) for p in re.findall(r"\d+", text)[:3]]
    return tuple(parts + [0] * (3 - len(parts)))


def bump(text, index):
    """The version after the one given at position index: ^3.7 -> 4.0.0, ~3.9 -> 3.10.0."""
    parts = [int(p) for p in re.findall(r"\d+", text)]
    parts = (parts + [0, 0, 0])[:3]
    parts[index] += 1
    return tuple(parts[: index + 1] + [0] * (2 - index))


def allows(clause, version):
    clause = clause.strip()
    if clause in ("", "*"):
        return True
    if clause.startswith("^"):
        base = clause[1:].strip()
        numbers = re.findall(r"\d+", base)
        # ^ allows changes that do not modify the left-most non-zero part
        index = next((i for i, n in enumerate(numbers) if int(n) != 0), len(numbers) - 1)
        return release(base) <= version < bump(base, min(index, 2))
    if clause.startswith("~="):
        base = clause[2:].strip()
        count = len(re.findall(r"\d+", base))
        return release(base) <= version < bump(base, max(count - 2, 0))
    if clause.startswith("~"):
        base = clause[1:].strip()
        count = len(re.findall(r"\d+", base))
        return release(base) <= version < bump(base, 0 if count == 1 else 1)
    m = re.fullmatch(r"(===|==|!=|<=|>=|<|>)?\s*([0-9][0-9.]*)(\.\*)?", clause)
    if not m:
        raise ValueError(clause)
    op, base, wildcard = m.group(1) or "==", m.group(2), m.group(3)
    if wildcard or (op in ("==", "!=") and "*" in clause):
        count = len(re.findall(r"\d+", base))
        inside = version[:count] == release(base)[:count]
        return inside if op == "==" else not inside
    target = release(base)
    return {"==": version == target, "===": version == target, "!=": version != target,
            "<=": version <= target, ">=": version >= target, "<": version < target,
            ">": version > target}[op]


def satisfied(constraint, version):
    return any(all(allows(c, version) for c in re.split(r",|\s+(?=[<>=!~^])", part) if c.strip())
               for part in constraint.split("||"))


def main():
    path, interpreter = sys.argv[1], sys.argv[2]
    name = path.rsplit("/", 1)[-1]
    try:
        with open(path, "rb") as f:
            data = tomllib.load(f)
    except (OSError, tomllib.TOMLDecodeError) as e:
        print(f"{name}: cannot be read: {e}")
        return 2
    constraint = data.get("project", {}).get("requires-python")
    if constraint is None:
        python = data.get("tool", {}).get("poetry", {}).get("dependencies", {}).get("python")
        constraint = python.get("version") if isinstance(python, dict) else python
    if not constraint:
        return 0
    found = subprocess.run([interpreter, "-c", "import platform; print(platform.python_version())"],
                           capture_output=True, text=True, check=True).stdout.strip()
    try:
        ok = satisfied(constraint, release(found))
    except ValueError as e:
        print(f"{name}: python requirement {constraint!r} is not understood (at {e.args[0]!r})")
        return 2
    if ok:
        print(f"{name} requires python {constraint}; {interpreter} is {found}: allowed")
        return 0
    print(f"{name} requires python {constraint}; {interpreter} is {found}")
    return 1


if __name__ == "__main__":
    sys.exit(main())
