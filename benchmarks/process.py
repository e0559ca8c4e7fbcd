"""Figures measured in fresh processes: import time (6) and peak memory (7).

Each measurement runs in a new interpreter so nothing is already imported
or cached; SDK and raw runs alternate so both see the same machine state.
The memory children are ``benchmarks/memory_child.py``.
"""

from __future__ import annotations

import atexit
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
from typing import TYPE_CHECKING, Dict, List

from benchmarks.common import FORM_BODY, ROOT, Row, Settings, median

if TYPE_CHECKING:
    from benchmarks.server import LoopbackServer

PACKAGE = "criteo_api_marketingsolutions_v2020_10"

_IMPORTS = {
    "urllib3": "import urllib3",
    "sdk": f"""
        from {PACKAGE} import ApiClient, Configuration
        from {PACKAGE}.api.o_auth_api import OAuthApi
        from {PACKAGE}.model.jwt_model import JwtModel
    """,
    "everything": f"""
        import {PACKAGE}.apis as apis
        import {PACKAGE}.models as models
        for module in (apis, models):
            for name in module.__all__:
                getattr(module, name)
    """,
}

_TIMED = """
import time
_start = time.perf_counter()
{code}
print(time.perf_counter() - _start)
"""


_bytecode_dir: List[str] = []


def _child_env() -> Dict[str, str]:
    """The children's environment: the repository importable, and bytecode cached.

    A user's installed SDK has compiled bytecode, as urllib3 has here, so
    children may write and read ``.pyc`` files, in a temporary directory
    (``PYTHONPYCACHEPREFIX``) removed at exit rather than in the source tree.
    """
    if not _bytecode_dir:
        _bytecode_dir.append(tempfile.mkdtemp(prefix="benchmarks-pycache-"))
        atexit.register(shutil.rmtree, _bytecode_dir[0], True)
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH")) if p)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = _bytecode_dir[0]
    return env


def _run_child(args: List[str], through_shell: bool = False) -> str:
    command = [sys.executable, *args]
    if through_shell:
        # Linux keeps a process's ru_maxrss across exec, so a child spawned
        # straight from this (large) process would report our peak, not its
        # own. A shell that forks the child (it is not the last command, so
        # the shell cannot exec it) hands it a small starting peak instead.
        command = ["/bin/sh", "-c", '"$@"; exit $?', "sh", *command]
    done = subprocess.run(command, cwd=str(ROOT), env=_child_env(), capture_output=True, text=True, timeout=120)
    if done.returncode != 0:
        raise RuntimeError(f"child {args[:2]} failed:\n{done.stderr}")
    return done.stdout.strip()


def _import_seconds(kind: str) -> float:
    code = _TIMED.format(code=textwrap.dedent(_IMPORTS[kind]).strip())
    return float(_run_child(["-c", code]))


# ------------------------------------------------------------ 6. import time


def import_time(settings: Settings) -> Row:
    runs = 7 if settings.quick else 21
    kinds = list(_IMPORTS)
    for kind in kinds:  # untimed: writes the bytecode caches
        _import_seconds(kind)
    samples: Dict[str, List[float]] = {kind: [] for kind in kinds}
    for index in range(runs):
        for kind in kinds if index % 2 == 0 else kinds[::-1]:
            samples[kind].append(_import_seconds(kind))
    raw_t, sdk_t, all_t = (median(samples[kind]) for kind in kinds)
    return Row(
        "6. import for one token call (fresh process)",
        f"{sdk_t * 1000:.1f} ms",
        f"{raw_t * 1000:.1f} ms",
        sdk_t / raw_t,
        1.15,
        notes=[
            f"raw = `import urllib3`; SDK = ApiClient, Configuration, OAuthApi, JwtModel; medians of {runs} "
            "interleaved runs, timed inside the child (interpreter start-up excluded), bytecode cached",
            f"every API and model through `apis`/`models` (all of __all__): {all_t * 1000:.1f} ms "
            f"({all_t / raw_t:.2f}x import urllib3, no target)",
        ],
    )


# ------------------------------------------------------------ 7. peak memory


def peak_memory(server: LoopbackServer, settings: Settings, calls: int = 1000) -> Row:
    from benchmarks.calls import sdk_token_headers

    port = str(server.port)
    user_agent = sdk_token_headers()["User-Agent"]
    runs = 1 if settings.quick else 5
    sides = ["sdk", "raw", "idle"]
    samples: Dict[str, List[float]] = {side: [] for side in sides}

    def run(side: str, count: int) -> float:
        args = ["-m", "benchmarks.memory_child", side, port, str(count), FORM_BODY.decode(), user_agent]
        return float(_run_child(args, through_shell=True)) / 1024

    for side in sides:  # untimed: writes the bytecode caches
        run(side, 1)
    for index in range(runs):
        for side in sides if index % 2 == 0 else sides[::-1]:
            samples[side].append(run(side, calls))
    sdk_mb, raw_mb, idle_mb = (median(samples[side]) for side in sides)
    return Row(
        f"7. peak RSS, {calls:,} token calls (fresh process)",
        f"{sdk_mb:.1f} MiB",
        f"{raw_mb:.1f} MiB",
        sdk_mb / raw_mb,
        1.05,
        notes=[
            f"ru_maxrss, median of {runs} run(s): the SDK child peaks {sdk_mb - raw_mb:+.1f} MiB above the raw one, "
            f"which peaks {raw_mb - idle_mb:+.1f} MiB above an idle interpreter ({idle_mb:.1f} MiB)",
        ],
    )
