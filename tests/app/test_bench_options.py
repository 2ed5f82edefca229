"""`optipilot bench ... -O KEY=VALUE`: suite settings reach the suite, typos are refused clearly."""

from __future__ import annotations

import pickle

import pytest

from app.commands.bench import _options
from benchmarks.runner import RunnerError
from benchmarks.suites import get_suite


def test_options_are_typed():
    assert _options(["max_instances=3", "timeout=2.5", "instances=false", "cache_dir=/tmp/x"]) == {
        "max_instances": 3, "timeout": 2.5, "instances": False, "cache_dir": "/tmp/x"}


@pytest.mark.parametrize("bad", ["novalue", "=3", "two words=1"])
def test_malformed_options_refused(bad):
    with pytest.raises(RunnerError, match="KEY=VALUE"):
        _options([bad])


def test_suite_gets_options_and_they_survive_pickling_to_workers():
    suite = get_suite("cpbench", max_instances=2, timeout=30.0)
    again = pickle.loads(pickle.dumps(suite))
    assert (again.max_instances, again.timeout) == (2, 30.0)


def test_unknown_option_is_a_clear_error():
    with pytest.raises(KeyError, match="does not take these options"):
        get_suite("cpbench", bogus=1)
