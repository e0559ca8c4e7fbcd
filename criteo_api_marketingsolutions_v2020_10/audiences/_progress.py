"""An upload's progress, counted in identifiers, through the package's shared ``Progress`` (callback, bar, nothing)."""

from __future__ import annotations

from typing import Optional, cast

from criteo_api_marketingsolutions_v2020_10._progress import Progress, ProgressArgument, ProgressCallback
from criteo_api_marketingsolutions_v2020_10.exceptions import ApiTypeError

__all__ = ["ProgressArgument", "ProgressCallback", "ProgressSink"]


class ProgressSink:
    """Adds up the identifiers done (accepted, failed, or skipped per the checkpoint) and reports the total so far.

    Args:
        progress: ``None``/``False``, ``True`` for a ``tqdm`` bar (``ImportError``
            with the install command when tqdm is missing), or
            ``progress(identifiers_done, total)``.
        total: identifiers in the input, when known.
        description: the bar's label.
    """

    def __init__(self, progress: ProgressArgument, total: Optional[int], description: str) -> None:
        setting = cast(object, progress)  # checked at run time: callers may not be type-checked
        if setting is not None and not isinstance(setting, bool) and not callable(setting):
            raise ApiTypeError(
                "progress must be None, True or a callable progress(identifiers_done, total), "
                f"got {type(setting).__name__}",
                ["progress"],
            )
        self.total = total
        self.done = 0
        self._progress = Progress(progress, unit=" identifiers", description=description)

    def advance(self, identifiers: int) -> None:
        """``identifiers`` more are done."""
        self.done += identifiers
        self._progress.update(self.done, self.total)

    def close(self) -> None:
        """The upload ended, however it ended: close the bar, if one was drawn."""
        self._progress.close()
