"""The model of one CPTS, ``Cpts``, and its queries on the roster.

Built once by :mod:`generator.model.builder` from answers that passed the schema; the derived
facts (ACI size, expected subsidies, commissaire aux comptes, Alsace-Moselle local law, the legal
parameters in force) are computed there, so that no template computes anything legal.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import NamedTuple

from generator import facts, params
from generator.errors import Finding
from generator.model.records import (
    Adhesion,
    AgConstitutive,
    Assemblees,
    Association,
    Bureau,
    Clause,
    College,
    ConseilAdministration,
    Designation,
    Dirigeant,
    Finances,
    Indemnisation,
    Membre,
    Objet,
    nom_designation,
)
from generator.values import Montant


class MembresParId:
    """The founding and honorary members by id, built once; the first member wins a shared id."""

    __slots__ = ("_fondateurs", "_honneur", "par_id")

    def __init__(self, fondateurs: tuple[Membre, ...], honneur: tuple[Membre, ...]) -> None:
        """Index ``fondateurs`` then ``honneur`` (E-MEMBRES reports a shared id)."""
        found: dict[str, Membre] = {}
        for membre in (*fondateurs, *honneur):
            found.setdefault(membre.id, membre)
        self._fondateurs = fondateurs
        self._honneur = honneur
        self.par_id: Mapping[str, Membre] = MappingProxyType(found)

    def indexe(self, fondateurs: tuple[Membre, ...], honneur: tuple[Membre, ...]) -> bool:
        """Tell whether this index was built from these very tuples."""
        return fondateurs is self._fondateurs and honneur is self._honneur

    def __repr__(self) -> str:
        """Keep the model's repr short: the index repeats the roster."""
        return f"MembresParId({len(self.par_id)} membres)"

    def __eq__(self, other: object) -> bool:
        """Compare by content, so that two models built from the same answers are equal."""
        if not isinstance(other, MembresParId):
            return NotImplemented
        return self.par_id == other.par_id

    __hash__ = None  # type: ignore[assignment]  # compared by content: unhashable, as a dict is


class Cpts(NamedTuple):
    """Everything the documents say about one CPTS association, with derived facts."""

    fichier: str
    modele: str
    association: Association
    objet: Objet
    colleges: tuple[College, ...]
    fondateurs: tuple[Membre, ...]
    honneur: tuple[Membre, ...]
    conseil_administration: ConseilAdministration | None
    bureau: Bureau
    assemblees: Assemblees
    cotisation_echeance: str
    adhesion: Adhesion
    indemnisation: Indemnisation
    finances: Finances
    ag_constitutive: AgConstitutive | None
    # Derived facts, computed once.
    taille_aci: int | None
    financement_maximum: Montant | None
    subventions_attendues: Montant | None
    cac: facts.DecisionCac
    droit_local: bool
    # The legal parameters in force on the constitutive assembly's date, each with its source.
    parametres: params.Parametres
    avertissements: tuple[Finding, ...] = ()
    # Members by id, built once by the builder (see ``membre``).
    index_membres: MembresParId | None = None
    # Free articles added to the statuts or the RI (``clauses_supplementaires``).
    clauses_supplementaires: tuple[Clause, ...] = ()

    @property
    def inter_cpts(self) -> bool:
        """Tell whether this is a departmental association of CPTS."""
        return self.modele == "inter_cpts"

    def college(self, code: str) -> College | None:
        """Return the collège with this code, if any."""
        return next((c for c in self.colleges if c.code == code), None)

    def membre(self, member_id: str) -> Membre | None:
        """Return the founding or honorary member with this id, if any (the first one, if twice).

        Rules and templates ask it thousands of times on a large roster: the builder's index
        answers in constant time. A model whose roster was replaced since (``_replace``) is
        indexed again.
        """
        index = self.index_membres
        if index is None or not index.indexe(self.fondateurs, self.honneur):
            index = MembresParId(self.fondateurs, self.honneur)
        return index.par_id.get(member_id)

    def nom(self, designation: Designation | str) -> str:
        """Return the name of a member, by id or designation (the id when unknown: rules refuse it)."""
        if isinstance(designation, str):
            designation = Designation(designation, None, ())
        membre = self.membre(designation.membre)
        if membre is None:
            return designation.membre
        return nom_designation(membre, designation.personne)

    def nom_representant(self, member_id: str) -> str:
        """Return a member's name, with the person who represents it when it is a legal person.

        « Dr Samir Haddad (CPTS Châteauroux Agglomération) »: the natural person who acts, then the
        structure, as every designated member's name reads (nom_designation).
        """
        membre = self.membre(member_id)
        if membre is None or not membre.personne_morale or membre.representant is None:
            return self.nom(member_id)
        return nom_designation(membre, membre.representant)

    def votants(self) -> tuple[str, ...]:
        """Return the ids of the founders present or represented at the constitutive assembly who vote.

        Honorary members and the members of a consultative collège attend without voting.
        """
        ag = self.ag_constitutive
        if ag is None:
            return ()
        ids = (*ag.presents, *(r.membre for r in ag.representes))
        return tuple(member_id for member_id in ids if self.a_voix(member_id))

    def a_voix(self, member_id: str) -> bool:
        """Tell whether a member votes at the assemblies: a founder of a deliberative collège.

        Honorary members and the members of a consultative collège attend without voting; an
        unknown collège is left to E-COLLEGES, and its members are counted.
        """
        membre = self.membre(member_id)
        if membre is None or membre.honneur:
            return False
        college = self.college(membre.college) if membre.college else None
        return college is None or college.deliberatif

    @property
    def fondateurs_adherents(self) -> tuple[Membre, ...]:
        """Return the founders who adopted the statuts: all but ag_constitutive.refus_statuts.

        Founding is a contract (loi 1901, art. 1er): who voted against the statuts or abstained
        did not consent; he is no member, signs nothing and votes no later resolution.
        """
        ag = self.ag_constitutive
        if ag is None or not ag.refus_statuts:
            return self.fondateurs
        refus = frozenset(ag.refus_statuts)
        return tuple(f for f in self.fondateurs if f.id not in refus)

    def fondateurs_signataires(self) -> tuple[Membre, ...]:
        """Return the founders present who adopted the statuts: who sign them at the meeting."""
        ag = self.ag_constitutive
        presents = frozenset(() if ag is None else ag.presents)
        return tuple(f for f in self.fondateurs_adherents if f.id in presents)

    def votants_membres(self) -> tuple[str, ...]:
        """Return who votes once the statuts are adopted: the voters but those who refused them."""
        ag = self.ag_constitutive
        refus = frozenset(() if ag is None else ag.refus_statuts)
        return tuple(v for v in self.votants() if v not in refus)

    def elus_par_college(self) -> tuple[tuple[College, tuple[Designation, ...]], ...]:
        """Return, for every collège with seats on the CA, the administrators it elected."""
        ag = self.ag_constitutive
        elus = ag.administrateurs_elus if ag is not None else ()
        result = []
        for college in self.colleges:
            siens = tuple(d for d in elus if (m := self.membre(d.membre)) and m.college == college.code)
            if college.sieges_ca > 0 or siens:
                result.append((college, siens))
        return tuple(result)

    def dirigeants(self) -> tuple[Dirigeant, ...]:
        """Return everyone who administers the association, bureau first in the order of its functions.

        With a CA, that is every elected administrator (an administrator on the bureau once, with
        his functions); without one, the members of the bureau. Empty without a constitutive
        assembly: the liste des dirigeants is then a blank form.
        """
        ag = self.ag_constitutive
        if ag is None:
            return ()
        lignes: list[tuple[Membre, str | None, list[str], bool]] = []
        ordre = {fonction: rang for rang, fonction in enumerate(self.bureau.fonctions)}
        # A collegial bureau's administrateurs délégués come first: they stand where a président would.
        delegues = (("administrateur_delegue", ag.administrateurs_delegues),) if self.bureau.collegial else ()
        bureau = sorted(ag.bureau_elu, key=lambda item: ordre.get(item[0], len(ordre)))
        for fonction, personnes in (*delegues, *bureau):
            for d in personnes:
                membre = self.membre(d.membre)
                if membre is None:
                    continue
                ligne = next((ln for ln in lignes if ln[0] is membre and ln[1] == d.personne), None)
                if ligne is None:
                    lignes.append((membre, d.personne, [fonction], False))
                else:
                    ligne[2].append(fonction)
        for d in ag.administrateurs_elus if self.conseil_administration is not None else ():
            membre = self.membre(d.membre)
            if membre is None:
                continue
            # A legal person's administrator seat and its person on the bureau are one line.
            index = next(
                (
                    i
                    for i, ln in enumerate(lignes)
                    if ln[0] is membre and (d.personne is None or ln[1] == d.personne)
                ),
                None,
            )
            if index is None:
                lignes.append((membre, d.personne, [], True))
            else:
                found = lignes[index]
                lignes[index] = (found[0], found[1], found[2], True)
        # A designated person's own data, wherever the answers give them (bureau or CA seat).
        donnees = {
            (d.membre, d.personne): d.donnees
            for d in (*(d for _, ds in ag.bureau_elu for d in ds), *ag.administrateurs_elus)
            if d.donnees is not None
        }
        return tuple(Dirigeant(m, p, tuple(f), a, donnees.get((m.id, p))) for m, p, f, a in lignes)
