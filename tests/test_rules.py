"""Every rule has an invalid fixture that triggers it at the declared line and path.

A fixture in ``tests/fixtures/invalid/`` starts with comment lines such as::

    # attendu: E-COLLEGES ligne 12 chemin membres.fondateurs[1].college

one per expected finding (``chemin (racine)`` for the whole file). A fixture must produce exactly
the findings it declares, no more: a rule that fires where it should not fails here too.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator import api
from generator.cli import cli
from generator.errors import Severity
from generator.rules import RULES

TESTS = Path(__file__).parent
INVALID = TESTS / "fixtures" / "invalid"
EXAMPLES = TESTS.parent / "examples"

ATTENDU = re.compile(r"^# attendu: (?P<rule>[A-Z][A-Z0-9-]*) ligne (?P<line>\d+) chemin (?P<path>\S+)\s*$")
RACINE = "(racine)"

Expected = tuple[str, int, str]


def _expectations(path: Path) -> list[Expected]:
    """Read the leading ``# attendu:`` comment lines of a fixture."""
    expected: list[Expected] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        match = ATTENDU.match(line)
        if match is not None:
            where = match["path"]
            expected.append((match["rule"], int(match["line"]), "" if where == RACINE else where))
        elif line.startswith("# attendu"):
            pytest.fail(f"{path.name}: ligne « attendu » mal formée : {line!r}")
    return expected


FIXTURES = sorted(INVALID.glob("*.yaml"))
EXAMPLE_FILES = sorted(EXAMPLES.glob("*.yaml"))


def test_fixtures_exist() -> None:
    assert FIXTURES, f"aucune fixture dans {INVALID}"
    assert len(EXAMPLE_FILES) >= 5, f"exemples manquants dans {EXAMPLES}"


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.stem)
def test_fixture_declares_expectations(fixture: Path) -> None:
    assert _expectations(fixture), f"{fixture.name} ne déclare aucune ligne « # attendu: »"


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.stem)
def test_fixture_findings(fixture: Path) -> None:
    expected = _expectations(fixture)
    result = api.check_file(fixture)
    found = [(f.rule, f.line, f.path) for f in result.findings]
    missing = Counter(expected) - Counter(found)
    unexpected = Counter(found) - Counter(expected)
    report = "\n".join(f.format() for f in result.findings)
    assert not missing, f"constats attendus absents : {sorted(missing)}\nconstats :\n{report}"
    assert not unexpected, f"constats inattendus : {sorted(unexpected)}\nconstats :\n{report}"
    for finding in result.findings:
        assert finding.file == str(fixture)
        assert finding.message, "un constat a toujours un message"
        assert finding.source, "un constat cite toujours sa source"


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.stem)
def test_fixture_validity(fixture: Path) -> None:
    """E-* and schema fixtures refuse the file; W-* fixtures keep it valid, with the warning."""
    result = api.check_file(fixture)
    rules = {rule for rule, _, _ in _expectations(fixture)}
    if fixture.stem.startswith("w-"):
        assert result.valid, "\n".join(f.format() for f in result.errors)
        assert result.model is not None
        assert rules <= {f.rule for f in result.warnings}
        assert all(f.rule in rules for f in result.model.avertissements)
    else:
        assert not result.valid
        assert result.model is None
        assert any(f.severity is Severity.ERREUR and f.rule in rules for f in result.findings)


def test_fixture_name_matches_a_declared_rule() -> None:
    """``e-bureau-ca.yaml`` and ``e-bureau-ca-xxx.yaml`` expect E-BUREAU-CA."""
    for fixture in FIXTURES:
        if fixture.stem.startswith("schema-"):
            continue
        rules = {rule.lower() for rule, _, _ in _expectations(fixture)}
        assert any(fixture.stem == r or fixture.stem.startswith(f"{r}-") for r in rules), fixture.name


def test_every_rule_has_a_fixture() -> None:
    covered = {rule for fixture in FIXTURES for rule, _, _ in _expectations(fixture)}
    missing = [r.id for r in RULES if r.id not in covered]
    assert not missing, f"règles sans fixture dans {INVALID} : {missing}"
    for r in RULES:
        assert (INVALID / f"{r.id.lower()}.yaml").is_file(), f"fixture {r.id.lower()}.yaml manquante"


def test_rule_ids_are_unique_and_severity_matches_prefix() -> None:
    ids = [r.id for r in RULES]
    assert len(ids) == len(set(ids))
    for r in RULES:
        prefix = "E-" if r.severity is Severity.ERREUR else "W-"
        assert r.id.startswith(prefix), r.id
        assert r.source


def test_schema_fixtures_cover_schema_and_duplicate_keys() -> None:
    covered = {rule for fixture in FIXTURES for rule, _, _ in _expectations(fixture)}
    assert {"SCHEMA", "YAML-CLE-DOUBLE"} <= covered


# --- the command line --------------------------------------------------------------------


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def test_cli_check_invalid_fixture(runner: CliRunner) -> None:
    fixture = INVALID / "e-bureau-cumul.yaml"
    [(rule, line, path)] = _expectations(fixture)
    result = runner.invoke(cli, ["check", str(fixture)])
    assert result.exit_code == 1, result.output
    assert f"[{rule}]" in result.output
    assert f"{fixture}:{line}:" in result.output
    assert f": {path}: [{rule}]" in result.output
    assert "invalide" in result.output


def test_cli_check_warning_fixture_is_valid(runner: CliRunner) -> None:
    fixture = INVALID / "w-renouvellement-total.yaml"
    [(rule, line, _)] = _expectations(fixture)
    result = runner.invoke(cli, ["check", str(fixture)])
    assert result.exit_code == 0, result.output
    assert f"{fixture}:{line}:" in result.output
    assert f"[{rule}]" in result.output


def test_cli_check_examples(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["check", *map(str, EXAMPLE_FILES)])
    assert result.exit_code == 0, result.output
    for example in EXAMPLE_FILES:
        assert f"{example} : valide" in result.output
    assert "[E-" not in result.output


# --- the examples ------------------------------------------------------------------------

EXAMPLE_WARNINGS = {
    "cpts-petite-bureau": set(),
    "cpts-avecsante": set(),
    "cpts-copresidence": {"W-REMUNERATION-RESSOURCES"},
    "inter-cpts-departementale": set(),
    "cpts-moselle-droit-local": {"W-RENOUVELLEMENT-TOTAL", "W-DIRECTION-MARGE"},
    "cpts-classe-unique-ca-collegial": {"W-MODELE-COLLEGES", "W-MODELE-VICE-PRESIDENT"},
    "cpts-deux-departements": {"W-CHARTE"},
}


@pytest.mark.parametrize("example", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_example_is_valid_with_its_known_warnings(example: Path) -> None:
    first = example.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../schemas/questionnaire.schema.json"
    result = api.check_file(example)
    assert result.valid, "\n".join(f.format() for f in result.errors)
    assert result.model is not None
    assert result.model.ag_constitutive is not None
    assert {f.rule for f in result.warnings} == EXAMPLE_WARNINGS.get(example.stem, set())


def test_examples_show_their_variants() -> None:
    models = {p.stem: api.load_answers(p) for p in EXAMPLE_FILES}
    petite = models["cpts-petite-bureau"]
    assert petite.conseil_administration is None and petite.taille_aci == 1
    assert petite.bureau.elu_par == "assemblee_generale"
    avec = models["cpts-avecsante"]
    assert [c.code for c in avec.colleges] == ["ps", "esp", "structures", "usagers"]
    assert avec.taille_aci == 3
    assert avec.conseil_administration is not None
    assert avec.conseil_administration.renouvellement_fraction == "1/3"
    assert any(m.personne_morale for m in avec.fondateurs)
    copres = models["cpts-copresidence"]
    assert copres.bureau.co_presidence and copres.indemnisation.remuneration_dirigeants
    assert copres.ag_constitutive is not None
    assert len(dict(copres.ag_constitutive.bureau_elu)["president"]) == 2
    assert {"qualite_pertinence", "accompagnement_professionnels"} <= set(copres.objet.missions_aci)
    inter = models["inter-cpts-departementale"]
    assert inter.inter_cpts and inter.conseil_administration is None
    assert sum(1 for f in inter.fondateurs if f.college == "cpts") >= 3
    moselle = models["cpts-moselle-droit-local"]
    assert moselle.droit_local and len(moselle.fondateurs) >= 7


def test_a_vote_counted_on_the_votes_cast_passes_where_the_model_s_count_refuses():
    """The same vote (2 pour, 1 contre, 1 abstention among 4 voters) fails on the members present
    or represented (the model's count, where an abstention weighs as a vote against) and passes
    on the votes cast, when the answers choose that count."""
    fixture = INVALID / "e-ag-constitutive-majorite.yaml"
    text = fixture.read_text(encoding="utf-8")
    refused = api.check_loaded(_loaded(text, fixture.name))
    assert "E-AG-CONSTITUTIVE" in {f.rule for f in refused.errors}
    choice = "gouvernance:\n  assemblees:\n    decompte_majorites: suffrages_exprimes\n"
    chosen = text.replace("ag_constitutive:\n", choice + "ag_constitutive:\n", 1)
    accepted = api.check_loaded(_loaded(chosen, fixture.name))
    assert accepted.errors == ()
    assert accepted.model is not None


def _loaded(text: str, name: str):
    from generator import loader

    return loader.load_text(text, name)
