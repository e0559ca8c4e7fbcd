"""Configuration logging settings are process-wide: a configuration undoes only what it turned on."""

from __future__ import annotations

import copy
import gc
import logging
import threading

import pytest

from criteo_api_marketingsolutions_v2020_10 import Configuration, _log_settings

PACKAGE_LOGGER = logging.getLogger("criteo_api_marketingsolutions_v2020_10")


@pytest.fixture
def info_level():
    """The package logger at INFO for the test (the suite runs it at DEBUG), restored after."""
    previous = PACKAGE_LOGGER.level
    PACKAGE_LOGGER.setLevel(logging.INFO)
    yield
    PACKAGE_LOGGER.setLevel(previous)


def test_debug_off_on_a_copy_or_another_configuration_keeps_the_original_at_debug(info_level) -> None:
    original = Configuration()
    original.debug = True
    clone = copy.deepcopy(original)
    assert clone.debug
    clone.debug = False
    assert PACKAGE_LOGGER.level == logging.DEBUG and original.debug
    other = Configuration()
    other.debug = True
    other.debug = False
    Configuration().debug = False
    assert PACKAGE_LOGGER.level == logging.DEBUG
    original.debug = False
    assert PACKAGE_LOGGER.level == logging.INFO  # the level from before the first debug comes back


def test_debug_is_held_while_any_configuration_has_it_on(info_level) -> None:
    first, second = Configuration(), Configuration()
    first.debug = True
    second.debug = True
    first.debug = True  # turning it on twice counts once
    first.debug = False
    assert PACKAGE_LOGGER.level == logging.DEBUG
    first.debug = False
    assert PACKAGE_LOGGER.level == logging.DEBUG
    second.debug = False
    assert PACKAGE_LOGGER.level == logging.INFO


def test_a_plain_configuration_never_resets_the_level_and_a_changed_level_is_kept(info_level) -> None:
    cfg = Configuration()
    cfg.debug = False
    cfg.logger_file = None
    copy.deepcopy(cfg).debug = False
    assert PACKAGE_LOGGER.level == logging.INFO
    cfg.debug = True
    PACKAGE_LOGGER.setLevel(logging.ERROR)  # changed by someone else meanwhile: left alone
    cfg.debug = False
    assert PACKAGE_LOGGER.level == logging.ERROR


def test_a_collected_configuration_gives_its_debug_back(info_level) -> None:
    cfg = Configuration()
    cfg.debug = True
    del cfg
    assert PACKAGE_LOGGER.level == logging.INFO
    try:
        held = Configuration()
        held.debug = True
        Configuration.set_default(held)  # the default is a copy: it holds debug of its own
        del held
        assert PACKAGE_LOGGER.level == logging.DEBUG and Configuration.get_default_copy().debug
    finally:
        Configuration.set_default(None)
    gc.collect()
    assert PACKAGE_LOGGER.level == logging.INFO


@pytest.mark.timeout(20)  # a deadlock fails instead of hanging
def test_a_configuration_collected_while_the_settings_are_busy_is_released_after(info_level) -> None:
    gc.disable()
    try:
        cfg = Configuration()
        cfg.refresh_api_key_hook = cfg.get_api_key_with_prefix  # a cycle: only the collector frees it
        cfg.debug = True
        del cfg
        assert PACKAGE_LOGGER.level == logging.DEBUG
        with _log_settings._locked():
            gc.collect()  # the release runs in this thread, which holds the lock: it waits, no deadlock
            assert PACKAGE_LOGGER.level == logging.DEBUG
    finally:
        gc.enable()
    assert PACKAGE_LOGGER.level == logging.INFO


def test_debug_claims_from_many_threads_balance(info_level) -> None:
    configs = [Configuration() for _ in range(8)]

    def toggle(cfg: Configuration) -> None:
        for _ in range(200):
            cfg.debug = True
            cfg.debug = False

    threads = [threading.Thread(target=toggle, args=(c,)) for c in configs]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert PACKAGE_LOGGER.level == logging.INFO


def _lines(path) -> list:
    return path.read_text().splitlines() if path.exists() else []


def test_logger_file_off_on_a_copy_keeps_the_original_writing(tmp_path) -> None:
    log = tmp_path / "sdk.log"
    handlers_before = list(PACKAGE_LOGGER.handlers)
    original = Configuration()
    original.logger_format = "%(message)s"
    original.logger_file = str(log)
    clone = copy.deepcopy(original)
    other = Configuration()
    other.logger_format = "%(message)s"
    other.logger_file = str(log)
    assert clone.logger_file == str(log) and clone.logger_file_handler is original.logger_file_handler
    assert other.logger_file_handler is original.logger_file_handler
    assert len(PACKAGE_LOGGER.handlers) == len(handlers_before) + 1  # one handler: each record written once
    clone.logger_file = None
    other.logger_file = None
    assert clone.logger_file_handler is None and original.logger_file_handler in PACKAGE_LOGGER.handlers
    PACKAGE_LOGGER.warning("still written")
    handler = original.logger_file_handler
    original.logger_file = None
    PACKAGE_LOGGER.warning("not written")
    assert _lines(log) == ["still written"]
    assert PACKAGE_LOGGER.handlers == handlers_before and handler is not None and handler.stream is None


def test_each_configuration_keeps_its_own_log_format(tmp_path) -> None:
    log = tmp_path / "sdk.log"
    first, second = Configuration(), Configuration()
    first.logger_format = second.logger_format = "A %(message)s"
    first.logger_file = second.logger_file = str(log)
    try:
        second.logger_format = "B %(message)s"
        assert first.logger_file_handler is not second.logger_file_handler
        PACKAGE_LOGGER.warning("x")
        second.logger_file = None
        PACKAGE_LOGGER.warning("y")
    finally:
        first.logger_file = second.logger_file = None
    assert sorted(_lines(log)) == ["A x", "A y", "B x"]


def test_a_file_that_cannot_be_opened_keeps_the_previous_file(tmp_path) -> None:
    cfg = Configuration()
    cfg.logger_file = str(tmp_path / "kept.log")
    handler = cfg.logger_file_handler
    try:
        with pytest.raises(OSError):
            cfg.logger_file = str(tmp_path / "missing-dir" / "x.log")
        assert cfg.logger_file == str(tmp_path / "kept.log") and cfg.logger_file_handler is handler
        assert handler in PACKAGE_LOGGER.handlers
    finally:
        cfg.logger_file = None
    assert handler not in PACKAGE_LOGGER.handlers
