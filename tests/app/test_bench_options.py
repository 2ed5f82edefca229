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


def test_selfcheck_fails_a_reference_that_misses_an_extra_instance(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from app.commands.bench import bench_app
    from benchmarks.suites.base import Item, Suite, Verdict, register
    from modeler.result import ModelResult

    @register
    class _TwoInstances(Suite):
        name = "toy-two-instances"

        def items(self, data_dir):
            return [Item(id="a", text="a"), Item(id="b", text="b")]

        def reference(self, item):
            return ModelResult(status="optimal")

        def score(self, item, result):
            mia = 0.0 if item.id == "b" else 1.0  # b passes its default instance only
            return Verdict(id=item.id, passed=True, category="passed", message=f"{item.id} checked",
                           metrics={"sia": 1.0, "mia": mia})

        def summarize(self, verdicts):
            return {"accuracy": sum(v.passed for v in verdicts) / len(verdicts)}

    monkeypatch.setenv("OPTIPILOT_DATA", str(tmp_path))
    r = CliRunner().invoke(bench_app, ["selfcheck", "toy-two-instances", "--out", str(tmp_path / "out"),
                                       "--no-progress"])
    assert r.exit_code == 1, r.output
    assert "FAIL toy-two-instances b: not every instance passes" in r.output
    assert "toy-two-instances a:" not in r.output
