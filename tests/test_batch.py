"""The batch: one subfolder per association, worker processes, and nothing left half-done."""

from __future__ import annotations

import shutil
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from _answers import MINIMAL
from hypothesis import given
from hypothesis import strategies as st

from generator import batch, bundle
from generator.batch import Options, Outcome

EXAMPLES = Path(__file__).parent.parent / "examples"
HOSTILE = Path(__file__).parent / "fixtures" / "hostile"
OPTIONS = Options(documents=("statuts", "reglement-interieur"), formats=("md",))


def answers(tmp_path: Path, name: str, nom: str = "CPTS Test") -> Path:
    path = tmp_path / name
    path.write_text(MINIMAL.replace('nom: "CPTS Test"', f'nom: "{nom}"'), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("CPTS du Val de Loire", "cpts-du-val-de-loire"),
        ("CPTS Société « Âge d'or »", "cpts-societe-age-d-or"),
        ("../../etc/passwd", "etc-passwd"),
        ("CON", "con-association"),
        ("lpt1", "lpt1-association"),
        ("《》", "association"),
        ("x" * 300, "x" * 60),
    ],
)
def test_slug(name: str, expected: str) -> None:
    assert batch.slug(name) == expected


@given(st.text(max_size=300))
def test_a_slug_is_always_one_plain_folder_name(name: str) -> None:
    folder = batch.slug(name)
    assert 0 < len(folder) <= batch.SLUG_MAX
    assert Path(folder).name == folder
    assert folder not in {".", ".."}
    assert set(folder) <= set("abcdefghijklmnopqrstuvwxyz0123456789-")
    assert not folder.startswith("-")


def test_collect_expands_folders_and_drops_repeats(tmp_path: Path) -> None:
    a = answers(tmp_path, "a.yaml")
    answers(tmp_path, "b.yml")
    (tmp_path / "notes.txt").write_text("pas des réponses", encoding="utf-8")
    assert batch.collect([str(tmp_path), str(a)]) == [tmp_path / "a.yaml", tmp_path / "b.yml"]


def test_collect_refuses_a_folder_without_answers(tmp_path: Path) -> None:
    with pytest.raises(batch.UsageError, match="aucun fichier de réponses"):
        batch.collect([str(tmp_path)])


def test_same_names_get_numbered_folders_in_input_order(tmp_path: Path) -> None:
    staged = [Outcome(f"{n}.yaml", 0, name="CPTS Test", staging=f"/s/{n}") for n in "abc"]
    failed = Outcome("d.yaml", 1)
    folders = [o.folder for o in batch.assign_folders([*staged[:2], failed, staged[2]])]
    assert folders == ["cpts-test", "cpts-test-2", None, "cpts-test-3"]


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_mixed_batch_writes_every_valid_bundle(tmp_path: Path, jobs: int) -> None:
    inputs = tmp_path / "reponses"
    inputs.mkdir()
    for example in ("cpts-avecsante.yaml", "cpts-petite-bureau.yaml"):
        shutil.copy(EXAMPLES / example, inputs / example)
    shutil.copy(HOSTILE / "nan.yaml", inputs / "invalide.yaml")
    shutil.copy(HOSTILE / "tabulation.yaml", inputs / "illisible.yaml")
    shutil.copy(HOSTILE / "nom-chemin.yaml", inputs / "zz-nom-chemin.yaml")
    seen: list[str] = []
    root = tmp_path / "sortie"
    outcomes = batch.run([str(inputs)], root, OPTIONS, jobs, progress=lambda o: seen.append(o.file))

    assert [Path(o.file).name for o in outcomes] == sorted(p.name for p in inputs.iterdir())
    assert sorted(seen) == sorted(o.file for o in outcomes)
    codes = {Path(o.file).name: o.code for o in outcomes}
    assert codes == {
        "cpts-avecsante.yaml": 0,
        "cpts-petite-bureau.yaml": 0,
        "illisible.yaml": 2,
        "invalide.yaml": 1,
        "zz-nom-chemin.yaml": 0,
    }
    assert batch.worst(outcomes) == 2
    assert sorted(p.name for p in root.iterdir()) == [
        "cpts-du-pays-de-la-double",
        "cpts-loire-layon-aubance",
        "etc-passwd",
    ]
    for outcome in outcomes:
        if outcome.code == 0:
            assert outcome.folder is not None
            assert sorted((root / outcome.folder).iterdir()) == sorted(Path(p) for p in outcome.written)
            assert {Path(p).name for p in outcome.written} == {"statuts.md", "reglement-interieur.md"}
        else:
            assert outcome.folder is None and outcome.written == ()
    invalid = next(o for o in outcomes if o.code == 1)
    assert any("colleges[0].cotisation" in error for error in invalid.errors)
    assert not [p for p in root.iterdir() if p.name.startswith(bundle.STAGING_PREFIX)]


def test_two_runs_give_the_same_folders_and_bytes(tmp_path: Path) -> None:
    files = [
        str(answers(tmp_path, f"{n}.yaml", nom))
        for n, nom in [("a", "CPTS Un"), ("b", "CPTS Un"), ("c", "X")]
    ]
    first = batch.run(files, tmp_path / "un", OPTIONS, 2)
    second = batch.run(files, tmp_path / "deux", OPTIONS, 2)
    assert [Path(o.folder or "").name for o in first] == ["cpts-un", "cpts-un-2", "x"]
    assert [Path(o.folder or "").name for o in second] == ["cpts-un", "cpts-un-2", "x"]
    for one, two in zip(first, second, strict=True):
        for a, b in zip(one.written, two.written, strict=True):
            assert Path(a).read_bytes() == Path(b).read_bytes()


def test_an_existing_bundle_is_refused_without_force_and_the_others_are_written(tmp_path: Path) -> None:
    files = [str(answers(tmp_path, "a.yaml", "CPTS Un")), str(answers(tmp_path, "b.yaml", "CPTS Deux"))]
    root = tmp_path / "sortie"
    (root / "cpts-un").mkdir(parents=True)
    (root / "cpts-un" / "statuts.md").write_text("signé", encoding="utf-8")
    outcomes = batch.run(files, root, OPTIONS, 1)
    assert [o.code for o in outcomes] == [3, 0]
    assert "--force" in outcomes[0].message
    assert (root / "cpts-un" / "statuts.md").read_text(encoding="utf-8") == "signé"
    assert sorted(p.name for p in root.iterdir()) == ["cpts-deux", "cpts-un"]
    forced = batch.run(files, root, replace(OPTIONS, force=True), 1)
    assert [o.code for o in forced] == [0, 0]
    assert (root / "cpts-un" / "statuts.md").read_text(encoding="utf-8").startswith("# Statuts")


def test_nothing_valid_leaves_no_output_folder(tmp_path: Path) -> None:
    root = tmp_path / "sortie"
    outcomes = batch.run([str(HOSTILE / "nan.yaml"), str(HOSTILE / "vide.yaml")], root, OPTIONS, 2)
    assert [o.code for o in outcomes] == [1, 1]
    assert not root.exists()


def test_a_missing_file_is_reported_with_the_others(tmp_path: Path) -> None:
    files = [str(tmp_path / "absent.yaml"), str(answers(tmp_path, "a.yaml"))]
    outcomes = batch.run(files, tmp_path / "sortie", OPTIONS, 2)
    assert [o.code for o in outcomes] == [2, 0]
    assert "absent.yaml" in outcomes[0].message


def broken_render(model: object, options: Options) -> dict[str, bytes]:
    raise KeyError("champ")


def test_an_internal_error_in_a_worker_is_an_outcome(tmp_path: Path) -> None:
    files = [str(answers(tmp_path, "a.yaml")), str(answers(tmp_path, "b.yaml"))]
    outcomes = batch.run(files, tmp_path / "sortie", OPTIONS, 2, render_files=broken_render)
    assert [o.code for o in outcomes] == [70, 70]
    assert all("KeyError" in o.message for o in outcomes)
    assert not (tmp_path / "sortie").exists()


def test_an_interruption_removes_every_staged_bundle(tmp_path: Path) -> None:
    files = [str(answers(tmp_path, f"{n}.yaml", f"CPTS {n}")) for n in "abcd"]
    root = tmp_path / "sortie"

    def interrupt(outcome: Outcome) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        batch.run(files, root, OPTIONS, 2, progress=interrupt)
    assert not root.exists()


def test_an_interruption_leaves_an_existing_output_folder_as_it_was(tmp_path: Path) -> None:
    root = tmp_path / "sortie"
    (root / "ancien").mkdir(parents=True)
    files = [str(answers(tmp_path, f"{n}.yaml", f"CPTS {n}")) for n in "ab"]

    def interrupt(outcome: Outcome) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        batch.run(files, root, OPTIONS, 1, progress=interrupt)
    assert [p.name for p in root.iterdir()] == ["ancien"]


def test_an_archive_holds_a_folder_per_association(tmp_path: Path) -> None:
    files = [
        str(answers(tmp_path, "a.yaml", "CPTS Un")),
        str(HOSTILE / "nan.yaml"),
        str(answers(tmp_path, "b.yaml", "CPTS Un")),
    ]
    archive = tmp_path / "region.zip"
    options = replace(OPTIONS, archive=True)
    outcomes = batch.run(files, archive, options, 2)
    assert [o.code for o in outcomes] == [0, 1, 0]
    with zipfile.ZipFile(archive) as opened:
        assert opened.namelist() == [
            "cpts-un-2/reglement-interieur.md",
            "cpts-un-2/statuts.md",
            "cpts-un/reglement-interieur.md",
            "cpts-un/statuts.md",
        ]
        assert opened.read("cpts-un/statuts.md").decode("utf-8").startswith("# Statuts")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.yaml", "b.yaml", "region.zip"]
    first = archive.read_bytes()
    with pytest.raises(batch.OutputRefusedError, match="--force"):
        batch.run(files, archive, options, 1)
    batch.run(files, archive, replace(OPTIONS, archive=True, force=True), 1)
    assert archive.read_bytes() == first  # same answers, same bytes
