"""The loader's guarantees: strict, safe YAML with positions (see spec/hostile-inputs.md)."""

from __future__ import annotations

import time
import unicodedata
from pathlib import Path

import pytest
from _answers import MINIMAL

from generator import api
from generator.errors import Severity, UnreadableInputError
from generator.loader import MAX_BYTES, MAX_DEPTH, LoadedAnswers, Position, load_file, load_text

HOSTILE = Path(__file__).parent / "fixtures" / "hostile"


ALIAS_BOMB = (
    'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    + "".join(f"{b}: &{b} [{', '.join(['*' + a] * 9)}]\n" for a, b in zip("abcdefg", "bcdefgh", strict=True))
    + "i: ["
    + ", ".join(["*h"] * 9)
    + "]\n"
)


def load(text: str) -> LoadedAnswers:
    return load_text(text, "t.yaml")


def refused(text: str) -> str:
    """Load ``text``, expect a refusal, and return its message."""
    with pytest.raises(UnreadableInputError) as caught:
        load(text)
    return str(caught.value)


def write(tmp_path: Path, raw: bytes, name: str = "reponses.yaml") -> Path:
    target = tmp_path / name
    target.write_bytes(raw)
    return target


# --- anchors, aliases, tags, nesting -------------------------------------------------------------


def test_alias_bomb_is_refused_quickly() -> None:
    assert len(ALIAS_BOMB.encode()) < 600
    start = time.perf_counter()
    message = refused(ALIAS_BOMB)
    assert time.perf_counter() - start < 0.5
    assert "t.yaml:1:" in message
    assert "ancre" in message
    assert "&a" in message


def test_alias_bomb_fixture_is_refused_quickly() -> None:
    start = time.perf_counter()
    with pytest.raises(UnreadableInputError, match="ancre"):
        load_file(HOSTILE / "alias-bomb.yaml")
    assert time.perf_counter() - start < 0.5


def test_any_anchor_is_refused_even_unused() -> None:
    message = refused("a: &x 1\nb: 2\n")
    assert message.startswith("t.yaml:1:4:")
    assert "« &x »" in message
    assert "recopiez la valeur" in message


def test_an_alias_without_anchor_is_refused() -> None:
    # An undefined alias is a composer error in PyYAML; ours refuses it at the alias itself.
    message = refused("a: 1\nb: *a\n")
    assert message.startswith("t.yaml:2:4:")
    assert "alias" in message


def test_anchor_in_a_valid_file_is_refused() -> None:
    with pytest.raises(UnreadableInputError, match=r"ancre\.yaml:8:5: ancre YAML « &ps »"):
        load_file(HOSTILE / "ancre.yaml")


@pytest.mark.parametrize(
    "value",
    [
        "!!python/object/apply:os.system ['echo pwned']",
        "!!python/name:os.system",
        "!!binary aGVsbG8=",
        "!!set {a, b}",
        "!!timestamp 2024-06-01",
        "!!float .nan",
        "!!str 01500",
        "!!int 12",
        "!custom x",
        "!<tag:example.com,2024:x> y",
    ],
)
def test_explicit_tags_are_refused(value: str) -> None:
    message = refused(f"a:\n  b: {value}\n")
    assert message.startswith("t.yaml:2:6:")
    assert "étiquette YAML explicite" in message


def test_tag_on_a_collection_is_refused() -> None:
    assert "étiquette" in refused("a: !!omap [{x: 1}]\n")


def test_tag_directive_with_unknown_handle_is_refused() -> None:
    message = refused("a: !e!x 1\n")
    assert "YAML illisible" in message
    assert "étiquette" in message


@pytest.mark.parametrize("opening", ["[", "{", "{a: ", "- "])
def test_deep_nesting_is_refused_cleanly(opening: str) -> None:
    start = time.perf_counter()
    message = refused("a: " + opening * 5000 if opening != "- " else opening * 5000 + "x\n")
    assert time.perf_counter() - start < 2
    assert "imbrication trop profonde" in message
    assert f"plus de {MAX_DEPTH} niveaux" in message


def test_deep_nesting_fixture_is_refused() -> None:
    with pytest.raises(UnreadableInputError, match="imbrication trop profonde"):
        load_file(HOSTILE / "imbrication-profonde.yaml")


def test_nesting_just_under_the_cap_is_accepted() -> None:
    depth = MAX_DEPTH - 1  # the root mapping is one level
    loaded = load("a: " + "[" * (depth - 1) + "x" + "]" * (depth - 1) + "\n")
    value = loaded.data["a"]
    for _ in range(depth - 2):
        value = value[0]
    assert value == ["x"]


# --- encodings and raw bytes ---------------------------------------------------------------------


def test_cp1252_is_refused_with_line_and_offset(tmp_path: Path) -> None:
    raw = "x: 1\nnom: Société\n".encode("cp1252")
    target = write(tmp_path, raw)
    with pytest.raises(UnreadableInputError) as caught:
        load_file(target)
    message = str(caught.value)
    offset = raw.index(b"\xe9")
    assert message.startswith(f"{target}:2:")
    assert "UTF-8" in message
    assert "0xE9" in message
    assert f"position {offset}" in message


def test_cp1252_fixture_is_refused() -> None:
    with pytest.raises(UnreadableInputError, match=r"cp1252\.yaml:2: le fichier n'est pas encodé en UTF-8"):
        load_file(HOSTILE / "cp1252.yaml")


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-le", "utf-16-be"])
def test_byte_order_marks_are_accepted(tmp_path: Path, encoding: str) -> None:
    text = 'nom: "Société"\n'
    raw = text.encode(encoding)
    if encoding == "utf-16-le":
        raw = b"\xff\xfe" + raw
    elif encoding == "utf-16-be":
        raw = b"\xfe\xff" + raw
    loaded = load_file(write(tmp_path, raw))
    assert loaded.data == {"nom": "Société"}
    # The BOM does not shift positions.
    assert loaded.positions[("nom",)] == Position(1, 6)


@pytest.mark.parametrize("name", ["utf8-bom.yaml", "utf16-bom.yaml"])
def test_bom_fixtures_are_valid(name: str) -> None:
    result = api.check_file(HOSTILE / name)
    assert result.valid, [f.format() for f in result.findings]


def test_utf16_without_bom_is_refused_as_binary(tmp_path: Path) -> None:
    with pytest.raises(UnreadableInputError, match="binaire"):
        load_file(write(tmp_path, "nom: x\n".encode("utf-16-le")))


def test_broken_utf16_is_refused(tmp_path: Path) -> None:
    with pytest.raises(UnreadableInputError, match="UTF-16 invalide"):
        load_file(write(tmp_path, b"\xff\xfe\x00"))


def test_binary_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(UnreadableInputError, match="binaire"):
        load_file(write(tmp_path, b"PK\x03\x04\x00\x00\x08\x00" + bytes(range(256))))
    with pytest.raises(UnreadableInputError, match="binaire"):
        load_file(HOSTILE / "binaire.yaml")


def test_nul_byte_far_in_the_file_is_refused(tmp_path: Path) -> None:
    # Beyond the first 8 KiB the binary sniffing stops; the YAML reader must still refuse it.
    raw = b"a: " + b"x" * 10_000 + b"\nb: c\x00d\n"
    with pytest.raises(UnreadableInputError) as caught:
        load_file(write(tmp_path, raw))
    assert ":2:5:" in str(caught.value)
    assert "U+0000" in str(caught.value)


@pytest.mark.parametrize("char", ["\x00", "\x07", "\x0b", "\x0c", "\x1b", "\x7f", "\x9f", "\ufffe", "\ud800"])
def test_raw_control_character_is_refused_with_its_line(char: str) -> None:
    message = refused(f"a: 1\nb: x{char}y\n")
    assert message.startswith("t.yaml:2:5:")
    assert "caractère interdit" in message
    assert f"U+{ord(char):04X}" in message


def test_raw_control_character_fixture_is_refused() -> None:
    with pytest.raises(UnreadableInputError, match=r"caractere-controle\.yaml:3:17: caractère interdit"):
        load_file(HOSTILE / "caractere-controle.yaml")


def test_raw_control_character_line_counts_crlf_once() -> None:
    assert refused("a: 1\r\nb: 2\r\nc: \x1b\r\n").startswith("t.yaml:3:4:")


# --- syntax errors in French ---------------------------------------------------------------------


def test_tab_indentation_gives_a_french_message_with_the_line() -> None:
    message = refused("association:\n  nom: X\n\tterritoire: Y\n")
    assert message.startswith("t.yaml:3:")
    assert "tabulation" in message
    assert "espaces" in message


def test_tab_fixture_is_refused() -> None:
    with pytest.raises(UnreadableInputError, match=r"tabulation\.yaml:3:\d+: YAML illisible : tabulation"):
        load_file(HOSTILE / "tabulation.yaml")


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("a: 'x\n", 2, "fin de fichier inattendue"),
        ("a: b: c\n", 1, "deux-points inattendu"),
        ("a: 1\n---\nb: 2\n", 2, "un seul document"),
        ("a: [1, 2\n", 2, "YAML illisible"),
    ],
)
def test_syntax_errors_are_french_with_a_line(text: str, line: int, words: str) -> None:
    message = refused(text)
    assert message.startswith(f"t.yaml:{line}:")
    assert words in message
    assert "found" not in message  # no English from PyYAML


def test_complex_key_is_refused() -> None:
    assert "une clé doit être un simple mot" in refused("? [a, b]\n: 1\n")


# --- scalars: YAML 1.2 core resolution -----------------------------------------------------------


@pytest.mark.parametrize(
    ("plain", "expected"),
    [
        ("no", "no"),
        ("NO", "NO"),
        ("off", "off"),
        ("on", "on"),
        ("yes", "yes"),
        ("Non", "Non"),
        ("y", "y"),
        ("01500", "01500"),
        ("1:30", "1:30"),
        ("0612345678", "0612345678"),
        ("0x1F", "0x1F"),
        ("0o17", "0o17"),
        ("1_000", "1_000"),
        ("2024-06-01", "2024-06-01"),
        (".nan", ".nan"),
        (".NaN", ".NaN"),
        (".inf", ".inf"),
        ("-.inf", "-.inf"),
        ("true", True),
        ("True", True),
        ("false", False),
        ("FALSE", False),
        ("12", 12),
        ("-3", -3),
        ("0", 0),
        ("1.5", 1.5),
        ("1e3", "1e3"),
        ("1.5e3", 1500.0),
        ("null", None),
        ("~", None),
        ("", None),
    ],
)
def test_plain_scalars_resolve_the_yaml_12_way(plain: str, expected: object) -> None:
    value = load(f"a: {plain}\n").data["a"]
    assert value == expected
    assert type(value) is type(expected)


@pytest.mark.parametrize("quoted", ["'true'", '"12"', "'null'", '"1.5"', "|\n  12\n"])
def test_quoted_and_block_scalars_are_always_text(quoted: str) -> None:
    value = load(f"a: {quoted}\n").data["a"]
    assert isinstance(value, str)


def test_huge_number_does_not_crash() -> None:
    digits = "9" * 5000
    start = time.perf_counter()
    loaded = load(f"a: {digits}\nb: -{digits}\nc: {digits}.5\n")
    assert time.perf_counter() - start < 1
    assert loaded.data == {"a": digits, "b": f"-{digits}", "c": f"{digits}.5"}


def test_huge_number_through_check_does_not_crash() -> None:
    text = MINIMAL.replace("cotisation: 20", "cotisation: " + "9" * 5000)
    result = api.check_loaded(load(text))
    assert not result.valid
    assert any(f.path == "colleges[0].cotisation" and f.line == 8 for f in result.errors)


def test_keys_are_always_text() -> None:
    assert load("1: a\ntrue: b\nnull: c\n").data == {"1": "a", "true": "b", "null": "c"}


# --- duplicate keys ------------------------------------------------------------------------------


def test_duplicate_key_names_both_lines() -> None:
    loaded = load("a: 1\nb:\n  c: 2\n  d: 3\n  c: 4\n")
    assert loaded.data == {"a": 1, "b": {"c": 2, "d": 3}}  # the first value is kept
    [finding] = loaded.findings
    assert finding.rule == "YAML-CLE-DOUBLE"
    assert finding.severity is Severity.ERREUR
    assert finding.path == "b.c"
    assert (finding.line, finding.column) == (5, 3)
    assert "lignes 3 et 5" in finding.message
    assert "« c »" in finding.message


def test_duplicate_key_refuses_the_file() -> None:
    result = api.check_file(HOSTILE / "cle-double.yaml")
    assert not result.valid
    [double] = [f for f in result.errors if f.rule == "YAML-CLE-DOUBLE"]
    assert double.path == "association.territoire"
    assert "lignes 3 et 4" in double.message


def test_duplicate_key_after_nfc_normalisation() -> None:
    loaded = load("Société: 1\nSocie\u0301te\u0301: 2\n")
    assert [f.rule for f in loaded.findings] == ["YAML-CLE-DOUBLE"]


# --- normalisation -------------------------------------------------------------------------------


def test_strings_are_nfc_normalised() -> None:
    nfd = unicodedata.normalize("NFD", "Société")
    assert nfd != "Société"
    loaded = load(f'nom: {nfd}\ncitee: "{nfd}"\nliste: [{nfd}]\n{nfd}: cle\n')
    assert loaded.data == {"nom": "Société", "citee": "Société", "liste": ["Société"], "Société": "cle"}
    for text in [loaded.data["nom"], loaded.data["citee"], loaded.data["liste"][0], *loaded.data]:
        assert unicodedata.is_normalized("NFC", text)


# --- files ---------------------------------------------------------------------------------------


def test_file_over_one_mebibyte_is_refused(tmp_path: Path) -> None:
    target = write(tmp_path, b"a: " + b"x" * MAX_BYTES + b"\n")
    start = time.perf_counter()
    with pytest.raises(UnreadableInputError, match="fichier trop volumineux"):
        load_file(target)
    assert time.perf_counter() - start < 1


def test_file_just_under_the_limit_is_read(tmp_path: Path) -> None:
    target = write(tmp_path, b"a: " + b"x" * (MAX_BYTES - 4) + b"\n")
    assert len(load_file(target).data["a"]) == MAX_BYTES - 4


def test_missing_file_is_refused_in_french(tmp_path: Path) -> None:
    target = tmp_path / "absent.yaml"
    with pytest.raises(UnreadableInputError) as caught:
        load_file(target)
    assert str(caught.value) == f"{target}: fichier introuvable."


def test_directory_is_refused_in_french(tmp_path: Path) -> None:
    with pytest.raises(UnreadableInputError) as caught:
        load_file(tmp_path)
    assert str(caught.value) == f"{tmp_path}: c'est un dossier, pas un fichier de réponses."


@pytest.mark.parametrize("text", ["", "\n\n", "# rien\n", "# a\n\n# b\n", "---\n", "--- # rien\n...\n"])
def test_empty_file_gives_fichier_vide(text: str) -> None:
    loaded = load(text)
    assert loaded.data is None
    result = api.check_loaded(loaded)
    [finding] = result.findings
    assert finding.rule == "SCHEMA"
    assert finding.severity is Severity.ERREUR
    assert "fichier vide" in finding.message
    # An explicit "---" puts the (empty) document on the next line.
    assert (finding.line, finding.column) == (2 if text.startswith("---") else 1, 1)
    assert not result.valid
    assert result.model is None


@pytest.mark.parametrize("name", ["vide.yaml", "commentaires.yaml"])
def test_empty_fixtures_give_fichier_vide(name: str) -> None:
    result = api.check_file(HOSTILE / name)
    assert [f.rule for f in result.errors] == ["SCHEMA"]
    assert "fichier vide" in result.errors[0].message


# --- positions -----------------------------------------------------------------------------------


def test_positions_of_nested_nodes_are_one_based() -> None:
    loaded = load("a:\n  b:\n    - c: 1\n      d: [x, {e: 2}]\n")
    assert loaded.positions[()] == Position(1, 1)
    assert loaded.positions[("a",)] == Position(2, 3)
    assert loaded.positions[("a", "b")] == Position(3, 5)
    assert loaded.positions[("a", "b", 0)] == Position(3, 7)
    assert loaded.positions[("a", "b", 0, "c")] == Position(3, 10)
    assert loaded.positions[("a", "b", 0, "d")] == Position(4, 10)
    assert loaded.positions[("a", "b", 0, "d", 0)] == Position(4, 11)
    assert loaded.positions[("a", "b", 0, "d", 1)] == Position(4, 14)
    assert loaded.positions[("a", "b", 0, "d", 1, "e")] == Position(4, 18)
    assert loaded.key_positions[("a", "b", 0, "d")] == Position(4, 7)
    assert loaded.key_positions[("a", "b", 0, "d", 1, "e")] == Position(4, 15)


def test_position_of_a_missing_path_falls_back_to_its_closest_ancestor() -> None:
    loaded = load("a:\n  b: 1\n")
    assert loaded.position(("a", "zz", 3)) == Position(2, 3)
    assert loaded.position(("nothing",)) == Position(1, 1)


def test_positions_of_the_minimal_file() -> None:
    loaded = load(MINIMAL)
    lines = MINIMAL.splitlines()
    # Columns are counted from the text itself; a quoted scalar starts at its quote.
    assert loaded.positions[("membres", "fondateurs", 1, "structure")] == Position(
        13, lines[12].index("MSP") + 1
    )
    assert loaded.positions[("association", "siege", "code_postal")] == Position(
        6, lines[5].index('"59000"') + 1
    )
    assert loaded.key_positions[("association", "siege", "code_postal")] == Position(
        6, lines[5].index("code_postal") + 1
    )


# --- escaped invisible characters: accepted by YAML, refused by the schema -----------------------


@pytest.mark.parametrize(
    ("escape", "code"), [("\\u202e", "U+202E"), ("\\x00", "U+0000"), ("\\u2066", "U+2066")]
)
def test_escaped_invisible_character_is_refused_by_the_schema(escape: str, code: str) -> None:
    text = MINIMAL.replace('nom: "CPTS Test"', f'nom: "CPTS {escape}Test"')
    loaded = load(text)
    assert loaded.data["association"]["nom"].startswith("CPTS ")  # YAML itself accepts it
    result = api.check_loaded(loaded)
    assert not result.valid
    [finding] = result.errors
    assert finding.rule == "SCHEMA"
    assert finding.path == "association.nom"
    assert finding.line == 2
    assert code in finding.message
    assert finding.format().startswith("t.yaml:2:8: association.nom: [SCHEMA] ")


def test_escape_beyond_unicode_is_refused_with_its_position() -> None:
    # PyYAML's scanner calls chr() on « \U10001000 » and lets its ValueError out (exit 70 before).
    text = MINIMAL.replace('nom: "CPTS Test"', 'nom: "CPTS \\U10001000"')
    message = refused(text)
    assert message.startswith("t.yaml:2:16: YAML illisible : ")  # at the first digit of the escape
    assert "U+10FFFF" in message


@pytest.mark.parametrize("name", ["bidi-echappe.yaml", "nul-echappe.yaml"])
def test_escaped_invisible_fixtures_are_refused(name: str) -> None:
    result = api.check_file(HOSTILE / name)
    assert [(f.rule, f.path, f.line) for f in result.errors] == [("SCHEMA", "association.nom", 2)]


def test_minimal_file_is_valid() -> None:
    result = api.check_loaded(load(MINIMAL))
    assert result.valid, [f.format() for f in result.findings]
    assert result.model is not None


def test_yaml11_scalars_fixture_is_valid_with_text_values() -> None:
    loaded = load_file(HOSTILE / "yaml11-scalaires.yaml")
    assert loaded.data["association"]["siege"]["code_postal"] == "01500"
    assert loaded.data["association"]["siege"]["commune"] == "Non"
    result = api.check_loaded(loaded)
    assert result.valid, [f.format() for f in result.findings]
