"""The Python API on a Dask cluster: ``lint_paths(..., executor=...)`` with
``distributed.Client.get_executor()`` gives the findings of a sequential run.
Skipped when the ``dask`` extra is not installed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from audit import lint
from audit.config import load_config
from audit.lint import lint_paths
from audit.pipeline import load_path
from tests.conftest import SEED_001, SEED_002, SEED_004

distributed = pytest.importorskip("distributed")


def test_local_dask_cluster_gives_the_sequential_findings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(lint, "MIN_CHUNK_BYTES", 1)
    monkeypatch.setattr(lint, "MAX_CHUNK_BYTES", 1)
    paths = []
    for index, table in enumerate([SEED_002, SEED_001, SEED_004, SEED_001]):
        target = tmp_path / f"{index}-{table.name}"
        shutil.copy(table, target)
        paths.append(str(target))
    paths.append(str(tmp_path / "missing.txt"))
    # A rule written in YAML is a closure: it reaches the workers by value.
    config_file = tmp_path / "custom.yaml"
    config_file.write_text(
        "rules:\n  no-count:\n    type: pattern\n    field: indicator\n"
        "    must_not_match: '人数'\n    message: 指标含「{text}」\n    severity: info\n",
        encoding="utf-8",
    )
    config = load_config(str(config_file), discover=False)
    sequential = lint_paths(paths, config, load_path)
    assert any(f.rule == "no-count" for f in sequential.findings)

    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        on_cluster = lint_paths(
            paths, config, load_path, executor=client.get_executor(), keep_documents=False
        )

    assert [f.path for f in on_cluster.files] == paths
    assert [(f.error, f.findings) for f in on_cluster.files] == [
        (f.error, f.findings) for f in sequential.files
    ]
    assert on_cluster.summary() == sequential.summary()
    assert len(sequential.findings) > 100
