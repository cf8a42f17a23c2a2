"""French messages produced from the JSON Schema's errors, and the schema file itself."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import pytest
from _answers import MINIMAL
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from generator import api, schema, schema_checks
from generator.errors import Finding, Severity
from generator.loader import load_text
from generator.resources import schema_path

AG = """\
ag_constitutive:
  date: DATE
  lieu: Lille
  presidence_seance: a
  secretariat_seance: a
"""

FORMAT = re.compile(r"^t\.yaml:(\d+):(\d+): (\(racine\)|[\w.\[\]]+): \[[A-Z][A-Z0-9-]*\] \S.*$")
# Words of jsonschema's English messages that must never reach a user.
ENGLISH = re.compile(r"is not|is a required|does not match|is too long|Additional properties|is not valid")


def validate(text: str) -> list[Finding]:
    return schema.validate(load_text(text, "t.yaml"))


def edited(old: str, new: str, base: str = MINIMAL) -> str:
    assert old in base, old
    return base.replace(old, new, 1)


def only(findings: list[Finding], path: str) -> Finding:
    matching = [f for f in findings if f.path == path]
    assert len(matching) == 1, [f.format() for f in findings]
    return matching[0]


def assert_french(findings: list[Finding]) -> None:
    for finding in findings:
        assert finding.rule == "SCHEMA"
        assert finding.severity is Severity.ERREUR
        assert finding.line >= 1
        assert finding.column >= 1
        assert FORMAT.match(finding.format()), finding.format()
        assert not ENGLISH.search(finding.message), finding.message


def test_minimal_file_has_no_finding() -> None:
    assert validate(MINIMAL) == []


# --- unknown and missing keys --------------------------------------------------------------------


def test_unknown_key_with_a_suggestion() -> None:
    findings = validate(edited("  territoire: Test\n", "  teritoire: Test\n"))
    assert_french(findings)
    unknown = only(findings, "association.teritoire")
    assert unknown.message == "clé inconnue « teritoire » ; vouliez-vous dire « territoire » ?"
    assert (unknown.line, unknown.column) == (3, 3)  # the key itself, not its value
    missing = only(findings, "association")
    assert missing.message == "il manque la clé « territoire » (Territoire)"


def test_unknown_key_without_close_match_lists_the_allowed_keys() -> None:
    findings = validate(MINIMAL + "zzz: 1\n")
    assert_french(findings)
    finding = only(findings, "zzz")
    assert finding.message.startswith("clé inconnue « zzz » ; clés possibles : version, modele, association")
    assert (finding.line, finding.column) == (14, 1)


def test_unknown_key_deep_in_a_list() -> None:
    findings = validate(
        edited("{id: b, structure: MSP, college: esp}", "{id: b, structure: MSP, colege: esp}")
    )
    assert_french(findings)
    finding = only(findings, "membres.fondateurs[1].colege")
    assert "vouliez-vous dire « college » ?" in finding.message
    assert finding.line == 13


def test_missing_required_key_names_the_key_and_its_title() -> None:
    findings = validate(edited('  siege: {adresse: "1 rue X", code_postal: "59000", commune: Lille}\n', ""))
    assert_french(findings)
    finding = only(findings, "association")
    assert finding.message == "il manque la clé « siege » (Siège social)"
    assert finding.line == 2


def test_missing_top_level_key_is_reported_at_the_root() -> None:
    findings = validate(MINIMAL.split("membres:")[0])
    assert_french(findings)
    finding = only(findings, "")
    assert finding.format() == "t.yaml:1:1: (racine): [SCHEMA] il manque la clé « membres » (Membres)"


def test_conditional_required_key() -> None:
    findings = validate(edited("{code: ps, cotisation: 20}", "{code: kine, cotisation: 20}"))
    assert_french(findings)
    assert "il manque la clé « intitule »" in only(findings, "colleges[0]").message


# --- enums, consts, alternatives -----------------------------------------------------------------


def test_wrong_enum_lists_the_allowed_values_and_suggests_one() -> None:
    findings = validate(edited("{code: ps, cotisation: 20}", "{code: ps, cotisation: 20, voix: deliberativ}"))
    assert_french(findings)
    finding = only(findings, "colleges[0].voix")
    assert finding.message == (
        "« deliberativ » n'est pas une valeur permise (valeurs possibles : deliberative, consultative) ; "
        "vouliez-vous dire « deliberative » ?"
    )
    assert finding.line == 8


def test_wrong_enum_without_close_match_has_no_suggestion() -> None:
    findings = validate(MINIMAL + "modele: association\n")
    finding = only(findings, "modele")
    assert "(valeurs possibles : cpts, inter_cpts)" in finding.message
    assert "vouliez-vous dire" not in finding.message


def test_const() -> None:
    findings = validate(MINIMAL + "version: 2\n")
    assert_french(findings)
    assert only(findings, "version").message == "doit valoir « 1 », pas « 2 »"


def test_alternative_lists_the_values_and_types_it_accepts() -> None:
    findings = validate(edited("  territoire: Test\n", "  territoire: Test\n  duree: toujours\n"))
    assert_french(findings)
    assert only(findings, "association.duree").message == (
        "doit être « illimitee » ou un nombre entier, pas « toujours »"
    )


def test_alternative_reports_the_branch_that_fits() -> None:
    findings = validate(edited("  territoire: Test\n", "  territoire: Test\n  duree: 0\n"))
    assert_french(findings)
    assert only(findings, "association.duree").message == "doit être au moins 1, pas « 0 »"


def test_member_neither_person_nor_structure() -> None:
    findings = validate(edited("{id: a, nom: A, prenom: B, college: ps}", "{id: a, college: ps}"))
    assert_french(findings)
    assert only(findings, "membres.fondateurs[0]").message == (
        "doit décrire personne physique (nom et prénom) ou personne morale (structure)"
    )


# --- types ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "path", "message"),
    [
        (
            "cotisation: 20",
            "cotisation: vingt",
            "colleges[0].cotisation",
            "doit être un nombre, pas un texte « vingt »",
        ),
        (
            "communes: [Lille]",
            "communes: Lille",
            "association.communes",
            "doit être une liste, pas un texte « Lille »",
        ),
        (
            'siege: {adresse: "1 rue X", code_postal: "59000", commune: Lille}',
            "siege: [Lille]",
            "association.siege",
            'doit être un dictionnaire (clé: valeur), pas une liste « ["Lille"] »',
        ),
        (
            "cotisation: 20",
            "cotisation: true",
            "colleges[0].cotisation",
            "doit être un nombre, pas une valeur vrai/faux « true »",
        ),
        ("cotisation: 20", "cotisation:", "colleges[0].cotisation", "valeur manquante : doit être un nombre"),
        (
            'nom: "CPTS Test"',
            "nom: [a, b]",
            "association.nom",
            'doit être un texte, pas une liste « ["a", "b"] »',
        ),
    ],
)
def test_type_errors(old: str, new: str, path: str, message: str) -> None:
    findings = validate(edited(old, new))
    assert_french(findings)
    assert only(findings, path).message == message


def test_plain_numbers_are_accepted_where_text_is_expected() -> None:
    loaded = load_text(edited('departement: "59"', "departement: 59", edited('"59000"', "59190")), "t.yaml")
    assert loaded.data["association"]["departement"] == 59  # as YAML reads it
    assert schema.validate(loaded) == []
    assert loaded.data["association"]["departement"] == "59"  # given back as written
    assert loaded.data["association"]["siege"]["code_postal"] == "59190"
    result = api.check_loaded(load_text(edited('"59000"', "01500"), "t.yaml"))
    assert result.model is not None
    assert result.model.association.siege.code_postal == "01500"


def test_plain_number_as_text_keeps_what_was_written() -> None:
    loaded = load_text(edited('nom: "CPTS Test"', "nom: 1.50"), "t.yaml")
    assert schema.validate(loaded) == []
    assert loaded.data["association"]["nom"] == "1.50"  # not "1.5"


def test_departement_out_of_range_says_what_is_expected() -> None:
    findings = validate(edited('departement: "59"', "departement: 99"))
    assert_french(findings)
    assert only(findings, "association.departement").message == (
        "« 99 » ne convient pas : attendu un code de département INSEE, par exemple « 59 », « 2A » ou « 971 »"
    )


# --- formats -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "date", ["2024-02-30", "2023-02-29", "2024-13-01", "24/06/2024", "20240601", "'2024-02-30'"]
)
def test_impossible_or_malformed_date_is_refused(date: str) -> None:
    findings = validate(MINIMAL + AG.replace("DATE", date))
    assert_french(findings)
    finding = only(findings, "ag_constitutive.date")
    assert "attendu une date AAAA-MM-JJ qui existe" in finding.message
    assert finding.line == 15


@pytest.mark.parametrize("date", ["2024-02-29", "2024-06-01", "'2024-06-01'"])
def test_real_date_is_accepted(date: str) -> None:
    findings = validate(MINIMAL + AG.replace("DATE", date))
    assert [f for f in findings if f.path == "ag_constitutive.date"] == []


@pytest.mark.parametrize("email", ["a@b", "a@b.", "a@@b.fr", "a b@c.fr", "@b.fr", "a@b.f"])
def test_email_must_have_a_dotted_domain(email: str) -> None:
    findings = validate(
        edited(
            "{id: a, nom: A, prenom: B, college: ps}",
            f"{{id: a, nom: A, prenom: B, college: ps, email: '{email}'}}",
        )
    )
    assert_french(findings)
    finding = only(findings, "membres.fondateurs[0].email")
    assert finding.message.endswith("n'est pas une adresse électronique valide")


def test_valid_email_is_accepted() -> None:
    assert validate(edited("college: ps}", "college: ps, email: marie.dupont@sante.example.fr}")) == []


# --- numbers -------------------------------------------------------------------------------------


@pytest.mark.parametrize("value", [".nan", ".NaN", ".inf", "-.inf", "1e400"])
def test_nan_and_infinity_are_refused_where_a_number_is_expected(value: str) -> None:
    findings = validate(edited("cotisation: 20", f"cotisation: {value}"))
    assert_french(findings)
    assert only(findings, "colleges[0].cotisation").message.startswith("doit être un nombre")


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("-5", "doit être au moins 0, pas « -5 »"),
        ("100000001", "doit être au plus 100000000, pas « 100000001 »"),
    ],
)
def test_bounds(value: str, message: str) -> None:
    findings = validate(edited("cotisation: 20", f"cotisation: {value}"))
    assert only(findings, "colleges[0].cotisation").message == message


# --- lengths -------------------------------------------------------------------------------------


def test_300_character_name_is_refused() -> None:
    findings = validate(edited('nom: "CPTS Test"', "nom: " + "x" * 300))
    assert_french(findings)
    assert only(findings, "association.nom").message == "texte trop long (300 caractères ; au plus 200)"


def test_one_megabyte_string_is_refused_without_being_echoed() -> None:
    findings = validate(edited('nom: "CPTS Test"', 'nom: "' + "x" * 1_000_000 + '"'))
    assert_french(findings)
    finding = only(findings, "association.nom")
    assert finding.message == "texte trop long (1000000 caractères ; au plus 200)"
    assert (finding.line, finding.column) == (2, 8)


def test_empty_string_is_refused() -> None:
    findings = validate(edited('nom: "CPTS Test"', 'nom: ""'))
    assert only(findings, "association.nom").message == "ne doit pas être vide"


def test_shown_values_are_cut_at_about_60_characters() -> None:
    findings = validate(MINIMAL + "modele: " + "z" * 500 + "\n")
    message = only(findings, "modele").message
    shown = re.match(r"« (.*?) »", message)
    assert shown is not None
    assert len(shown.group(1)) <= 60
    assert shown.group(1).endswith("…")


def test_shown_values_make_invisible_characters_visible() -> None:
    findings = validate(MINIMAL + 'modele: "cpts\\u202e"\n')
    message = only(findings, "modele").message
    assert "\u202e" not in message
    assert "\\u202e" in message


def test_lists_items_and_uniqueness() -> None:
    findings = validate(edited("communes: [Lille]", "communes: [Lille, Roubaix, Lille]"))
    assert only(findings, "association.communes").message == (
        "la liste contient deux fois « Lille » ; chaque élément ne doit y être qu'une fois"
    )
    findings = validate(edited("communes: [Lille]", "communes: []"))
    assert "au moins 1 élément" in only(findings, "association.communes").message


# --- several findings ----------------------------------------------------------------------------


def test_all_findings_are_collected_sorted_and_formatted() -> None:
    text = MINIMAL + "zzz: 1\n"
    text = edited("cotisation: 50", "cotisation: beaucoup", text)
    text = edited('departement: "59"', "departement: 99", text)
    text = edited("{id: a, nom: A, prenom: B, college: ps}", "{id: A, nom: A, prenom: B, college: ps}", text)
    findings = validate(text)
    assert_french(findings)
    assert [(f.line, f.path) for f in findings] == [
        (4, "association.departement"),
        (9, "colleges[1].cotisation"),
        (12, "membres.fondateurs[0].id"),
        (14, "zzz"),
    ]
    assert [(f.line, f.column) for f in findings] == sorted((f.line, f.column) for f in findings)
    for finding in findings:
        assert finding.format().startswith(
            f"t.yaml:{finding.line}:{finding.column}: {finding.path}: [SCHEMA] "
        )


def test_check_sorts_duplicate_keys_and_schema_findings_together() -> None:
    text = edited("  territoire: Test\n", "  territoire: Test\n  territoire: Test\n") + "version: 3\n"
    result = api.check_loaded(load_text(text, "t.yaml"))
    assert [(f.rule, f.line) for f in result.errors] == [("YAML-CLE-DOUBLE", 4), ("SCHEMA", 15)]


def test_json_form_of_a_finding() -> None:
    [finding] = validate(MINIMAL + "version: 2\n")
    assert finding.as_dict() == {
        "fichier": "t.yaml",
        "ligne": 14,
        "colonne": 10,
        "chemin": "version",
        "regle": "SCHEMA",
        "gravite": "erreur",
        "message": "doit valoir « 1 », pas « 2 »",
        "source": finding.source,
    }
    assert "schéma" in finding.source


# --- the schema file -----------------------------------------------------------------------------


def schema_document() -> dict[str, Any]:
    with schema_path().open(encoding="utf-8") as handle:
        document: dict[str, Any] = json.load(handle)
    return document


def test_schema_is_a_valid_2020_12_schema() -> None:
    document = schema_document()
    assert document["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(document)
    assert schema.load_schema() == document


def test_every_local_ref_resolves() -> None:
    document = schema_document()
    refs = re.findall(r'"\$ref": "#/([^"]+)"', schema_path().read_text(encoding="utf-8"))
    assert refs
    for ref in refs:
        target: Any = document
        for part in ref.split("/"):
            target = target[part]
        assert isinstance(target, dict)


def untitled_properties(node: Any, where: str = "#") -> Iterator[str]:
    """Yield the JSON pointer of every property definition that has neither ``title`` nor ``$ref``.

    ``if``/``not`` sub-schemas are conditions, not definitions: their properties need no title.
    """
    if isinstance(node, dict):
        for name, sub in node.get("properties", {}).items():
            if isinstance(sub, dict) and "title" not in sub and "$ref" not in sub:
                yield f"{where}/properties/{name}"
        for key, value in node.items():
            if key in {"if", "not"}:
                continue
            yield from untitled_properties(value, f"{where}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from untitled_properties(value, f"{where}/{index}")


# Known gaps in schemas/questionnaire.schema.json (not owned by these tests): drop each entry once
# its property gets a French title. The test fails if an entry is no longer needed.


def test_every_property_has_a_french_title_or_a_ref() -> None:
    assert set(untitled_properties(schema_document())) == set(), "propriétés sans titre"


def test_titles_are_french_text() -> None:
    def titles(node: Any) -> Iterator[str]:
        if isinstance(node, dict):
            if isinstance(node.get("title"), str):
                yield node["title"]
            for value in node.values():
                yield from titles(value)
        elif isinstance(node, list):
            for value in node:
                yield from titles(value)

    found = list(titles(schema_document()))
    assert len(found) > 50
    for title in found:
        assert title.strip() == title
        assert title
        assert not re.search(r"\b(the|of|and|name|address)\b", title, re.IGNORECASE), title


def test_walker_finds_an_untitled_property() -> None:
    sample = {"properties": {"a": {"type": "string"}, "b": {"$ref": "#/x"}, "c": {"title": "C"}}}
    assert list(untitled_properties(sample)) == ["#/properties/a"]
    assert list(untitled_properties({"if": {"properties": {"x": {"const": 1}}}})) == []


# --- Patterns match the whole text (JSON Schema's ECMA-262 « $ »), every list is bounded ---------


def schema_patterns() -> list[str]:
    found: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("pattern"), str):
                found.add(node["pattern"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(schema.load_schema())
    return sorted(found)


@pytest.mark.parametrize("pattern", schema_patterns())
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_a_pattern_never_accepts_a_trailing_line_feed_its_body_refuses(
    pattern: str, data: st.DataObject
) -> None:
    # Hypothesis never draws surrogates: the range is left out of the pattern it draws from.
    text = data.draw(st.from_regex(pattern.replace("\\ud800-\\udfff", ""), fullmatch=True))
    compiled = schema_checks._ecma_pattern(pattern)
    assert compiled.search(text)
    body_takes_line_feeds = compiled.search("a\nb") is not None
    if not body_takes_line_feeds:
        assert compiled.search(text + "\n") is None, repr(text)


@pytest.mark.parametrize(
    ("old", "new", "path"),
    [
        ('departement: "59"', 'departement: "59\\n"', "association.departement"),
        ('code_postal: "59000"', 'code_postal: "59000\\n"', "association.siege.code_postal"),
        ("{id: a, nom: A,", '{id: "a\\n", nom: A,', "membres.fondateurs[0].id"),
        ("{id: a, nom: A,", '{id: a, rpps: "10001234567\\n", nom: A,', "membres.fondateurs[0].rpps"),
        ("{id: a, nom: A,", '{id: a, telephone: "0328000000\\n", nom: A,', "membres.fondateurs[0].telephone"),
        ("structure: MSP,", 'structure: MSP, siret: "12345678901234\\n",', "membres.fondateurs[1].siret"),
    ],
)
def test_a_value_with_a_trailing_line_feed_is_refused(old: str, new: str, path: str) -> None:
    findings = validate(edited(old, new))
    assert_french(findings)
    assert "contient un caractère invisible ou de contrôle interdit (U+000A)" in only(findings, path).message


def test_an_hour_with_a_trailing_line_feed_is_refused() -> None:
    text = MINIMAL + AG.replace("DATE", "2024-06-20") + '  heure: "19:30\\n"\n'
    assert validate(text.replace('  heure: "19:30\\n"\n', '  heure: "19:30"\n')) == []
    finding = only(validate(text), "ag_constitutive.heure")
    assert "(U+000A)" in finding.message


@pytest.mark.parametrize("char", ["\\x01", "\\x1b", "\\uFFFE", "\\uFFFF", "\\u202E", "\\u200B", "\\x85"])
def test_the_association_email_refuses_control_and_invisible_characters(char: str) -> None:
    text = edited("  territoire: Test\n", f'  territoire: Test\n  email: "contact{char}@cpts.example.org"\n')
    finding = only(validate(text), "association.email")
    assert "contient un caractère invisible ou de contrôle interdit" in finding.message


def test_the_association_email_still_takes_a_plain_address() -> None:
    assert (
        validate(edited("  territoire: Test\n", "  territoire: Test\n  email: contact@cpts.example.org\n"))
        == []
    )


@pytest.mark.parametrize(
    ("date", "valid"),
    [
        ("2107-12-31", True),
        ("2108-01-01", False),
        ("9999-12-31", False),
        ("1900-12-31", False),
        ("1901-01-01", True),
    ],
)
def test_dates_stay_within_what_every_document_can_carry(date: str, valid: bool) -> None:
    findings = validate(MINIMAL + AG.replace("DATE", date))
    if valid:
        assert findings == []
    else:
        assert (
            "est hors des dates possibles (du 01/01/1901 au 31/12/2107)"
            in only(findings, "ag_constitutive.date").message
        )


def test_every_list_of_the_schema_has_a_bound() -> None:
    unbounded: list[str] = []

    def walk(node: Any, where: str) -> None:
        if isinstance(node, dict):
            if (node.get("type") == "array" or "items" in node) and not isinstance(node.get("maxItems"), int):
                unbounded.append(where)
            for key, value in node.items():
                walk(value, f"{where}/{key}")
        elif isinstance(node, list):
            for index, value in enumerate(node):
                walk(value, f"{where}/{index}")

    walk(schema.load_schema(), "#")
    assert unbounded == []


@pytest.mark.parametrize("item", ["1", "{}", "[]", "x"])
def test_a_list_over_its_bound_is_reported_alone_without_comparing_its_items(item: str) -> None:
    text = edited("communes: [Lille]", "communes: [" + ", ".join([item] * 30_000) + "]")
    findings = validate(text)
    assert [f.message for f in findings] == ["la liste doit compter au plus 500 éléments ; elle en a 30000"]


def test_past_the_bound_on_findings_one_note_says_how_many_are_shown() -> None:
    members = "".join(
        f"    - {{id: m{i}, nom: A, prenom: B, college: ps, "
        + ", ".join(f"k{j}: 1" for j in range(40))
        + "}\n"
        for i in range(50)
    )
    findings = validate(edited("  fondateurs:\n", "  fondateurs:\n" + members))
    assert len(findings) == schema.MAX_FINDINGS + 1
    assert findings[-1].message.startswith(f"plus de {schema.MAX_FINDINGS} erreurs")
