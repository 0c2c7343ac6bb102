"""Routing a post to its nearest policy: resolved once per folder, not once per post."""

from __future__ import annotations

from pathlib import Path

from brandguard.policy.resolution import Resolver


def _tree(tmp_path: Path) -> list[str]:
    (tmp_path / "it").mkdir()
    (tmp_path / "it" / ".brandguard.yaml").write_text(
        "policy: it\nlanguage: it\n", encoding="utf-8"
    )
    names = ["a.md", "it/b.md", "it/c.md", "it/b.md", "a.md"]
    for name in names:
        (tmp_path / name).write_text("A post.", encoding="utf-8")
    return [str(tmp_path / name) for name in names]


def test_for_file_answers_as_for_path_does(tmp_path: Path) -> None:
    paths = _tree(tmp_path)
    expected = [Resolver(tmp_path).for_path(p) for p in paths]
    resolver = Resolver(tmp_path)
    assert [resolver.for_file(p) for p in paths] == expected
    assert expected[1] is not None and expected[1][0] == tmp_path / "it" / ".brandguard.yaml"
    for special in (None, "-", "<text>"):
        assert resolver.for_file(special) == resolver.fallback()


def test_for_file_resolves_each_folder_once(tmp_path: Path, monkeypatch) -> None:
    paths = _tree(tmp_path)
    resolver = Resolver(tmp_path)
    asked: list[str | None] = []
    real = resolver.for_path

    def counting(path: str | None):  # type: ignore[no-untyped-def]
        asked.append(path)
        return real(path)

    monkeypatch.setattr(resolver, "for_path", counting)
    for _ in range(3):
        for path in paths:
            resolver.for_file(path)
    assert len(asked) == 2  # the root folder and it/
