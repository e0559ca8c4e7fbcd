"""Command line: ``python -m codegen [--check] [--out DIR]``.

Without options the generated files of this repository are rewritten in
place. ``--check`` writes nothing and exits with status 1, listing the files
that differ, when the committed output is not what the generator would write.
``--out DIR`` writes the output under another root instead (the README
tables are then this repository's ``README.md`` with its generated sections
filled in, written to ``DIR/README.md``).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Dict, List, Optional, Sequence

from codegen import GENERATED_DIRS, ROOT, generate
from codegen.render_python import GENERATED_NOTE


def stale_files(root: Path, files: Dict[str, str]) -> List[str]:
    """Modules in the generated folders that the generator no longer writes."""
    stale = []
    for folder in GENERATED_DIRS:
        for path in sorted((root / folder).glob("*.py")):
            relative = path.relative_to(root).as_posix()
            if path.name != "__init__.py" and relative not in files:
                stale.append(relative)
    return stale


def differences(root: Path, files: Dict[str, str]) -> List[str]:
    """``changed: path``, ``missing: path`` and ``stale: path`` lines for what differs under ``root``."""
    out = []
    for relative, text in files.items():
        path = root / relative
        if not path.is_file():
            out.append(f"missing: {relative}")
        elif path.read_bytes() != text.encode("utf-8"):
            out.append(f"changed: {relative}")
    out += [f"stale: {relative}" for relative in stale_files(root, files)]
    return out


def write(root: Path, files: Dict[str, str]) -> List[str]:
    """Write the files that differ, delete stale generated modules; return what changed."""
    touched = []
    for relative, text in files.items():
        path = root / relative
        data = text.encode("utf-8")
        if path.is_file() and path.read_bytes() == data:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        touched.append(f"wrote: {relative}")
    for relative in stale_files(root, files):
        path = root / relative
        if GENERATED_NOTE in path.read_text(encoding="utf-8"):
            path.unlink()
            touched.append(f"removed: {relative}")
    return touched


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Run the generator; the return value is the process exit status."""
    parser = argparse.ArgumentParser(prog="python -m codegen", description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="write nothing; fail if committed output differs")
    parser.add_argument("--out", type=Path, default=None, help="write under this root instead of the repository")
    args = parser.parse_args(argv)
    files = generate(ROOT)
    target = args.out if args.out is not None else ROOT
    if args.check:
        diff = differences(target, files)
        for line in diff:
            print(line)
        if diff:
            print(f"{len(diff)} generated file(s) out of date: run `python -m codegen`", file=sys.stderr)
            return 1
        print(f"{len(files)} generated files up to date")
        return 0
    for line in write(target, files):
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
