"""Progress of long jobs (report downloads, contact-list uploads): a callback, a bar, or nothing.

``progress`` arguments take ``None`` (nothing), a callable
``progress(done, total)`` (``total`` is ``None`` when unknown) or ``True`` for
a ``tqdm`` bar on stderr (``pip install
'criteo-api-marketingsolutions-v2020-10[progress]'``).
"""

from __future__ import annotations

import importlib
from typing import Any, Callable, Optional, Union

__all__ = ["Progress", "ProgressArgument", "ProgressCallback"]

#: Called with the amount done so far and the total, when known.
ProgressCallback = Callable[[int, Optional[int]], None]
#: What a ``progress`` parameter accepts.
ProgressArgument = Union[None, bool, ProgressCallback]

_EXTRA_HINT = "pip install 'criteo-api-marketingsolutions-v2020-10[progress]'"


def _tqdm() -> Any:
    try:
        return importlib.import_module("tqdm").tqdm
    except ImportError as exc:
        raise ImportError(f"progress=True needs the 'tqdm' package: {_EXTRA_HINT}") from exc


class Progress:
    """Reports progress to what a ``progress`` argument asked for.

    Args:
        progress: ``None``/``False``, ``True`` (a tqdm bar) or a callback.
        unit: the bar's unit (``"B"`` scales to kB, MB...).
        description: the bar's label.
    """

    def __init__(self, progress: ProgressArgument, *, unit: str = "B", description: str = "") -> None:
        if progress is not None and not isinstance(progress, bool) and not callable(progress):
            raise TypeError("progress must be None, True or a callable taking (done, total)")
        self._callback: Optional[ProgressCallback] = None if isinstance(progress, bool) else progress
        self._bar_class = _tqdm() if progress is True else None
        self._unit = unit
        self._description = description
        self._bar: Any = None

    def update(self, done: int, total: Optional[int]) -> None:
        """``done`` of ``total`` (``None``: unknown) are finished."""
        if self._callback is not None:
            self._callback(done, total)
        elif self._bar_class is not None:
            if self._bar is None:
                scale = self._unit == "B"
                self._bar = self._bar_class(
                    total=total, unit=self._unit, unit_scale=scale, unit_divisor=1024 if scale else 1000,
                    desc=self._description or None,
                )
            self._bar.update(done - self._bar.n)

    def close(self) -> None:
        """End the bar, if one was shown."""
        bar, self._bar = self._bar, None
        if bar is not None:
            bar.close()

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
