"""Fixtures that several test modules share: the models of the examples they read most."""

from pathlib import Path

import pytest

from generator.api import load_answers
from generator.model import Cpts

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


# The model is immutable: one load serves every module of the session.
@pytest.fixture(scope="session")
def avecsante() -> Cpts:
    return load_answers(EXAMPLES / "cpts-avecsante.yaml")


@pytest.fixture(scope="session")
def copresidence() -> Cpts:
    return load_answers(EXAMPLES / "cpts-copresidence.yaml")
