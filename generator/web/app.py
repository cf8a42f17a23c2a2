"""The Starlette application of ``cpts serve``: pages, one answer saved at a time, downloads.

Security, for a tool that runs on a founder's computer: it listens on 127.0.0.1 unless told
otherwise, and then every request must carry the secret token printed at start (the page has no
accounts); on loopback the Host header must name the loopback (no DNS rebinding). Every form and
every change carries a per-process CSRF token; uploads are bounded like the loader (1 MiB); the
client names drafts only by a plain name looked up in the folder; a change made on an older
version of a draft is refused with a message (two tabs never lose an answer silently).
"""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from starlette.applications import Starlette
from starlette.datastructures import UploadFile
from starlette.middleware import Middleware
from starlette.middleware.base import BaseHTTPMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from generator import api, bundle, loader
from generator.errors import UserMessageError
from generator.init import lignes, themes
from generator.init.donnees import DELETE, lookup, pattern_of
from generator.init.schema_view import MISSING
from generator.web import detail, formulaire
from generator.web.brouillons import MAX_BYTES, ConflictError, Folder, UnknownDraftError, set_value
from generator.web.verification import DOCUMENTS, verify

_HERE = Path(__file__).resolve().parent
LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1", "[::1]"})
COOKIE = "cpts_jeton"
_HEADERS = {
    "Cache-Control": "no-store",
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "frame-ancestors 'none'; form-action 'self'; base-uri 'none'"
    ),
}
TITRES_DOCUMENTS = {
    "statuts": "Statuts",
    "reglement-interieur": "Règlement intérieur",
    "pv-ag-constitutive": "PV de l'AG constitutive",
    "bulletin-adhesion": "Bulletin d'adhésion",
    "liste-dirigeants": "Liste des dirigeants",
    "verification": "Rapport de vérification",
}


@dataclass(frozen=True, slots=True)
class Form:
    """What a POST carried: its text fields (each a list of values) and its one file, if any."""

    fields: dict[str, list[str]]
    upload: tuple[str, bytes] | None = None

    def get(self, key: str, fallback: str = "") -> str:
        """Return the first value of a field."""
        values = self.fields.get(key)
        return values[0] if values else fallback

    def getlist(self, key: str) -> list[str]:
        """Return every value of a field."""
        return list(self.fields.get(key, []))


@dataclass(frozen=True, slots=True)
class Settings:
    """How the application is served: the folder, and the token when off loopback."""

    folder: Path
    jeton: str | None = None
    loopback: bool = True


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(_HERE / "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["TITRES_DOCUMENTS"] = TITRES_DOCUMENTS
    env.globals["vote_modes"] = detail.VOTE_MODES
    env.globals["vote_counts"] = detail.VOTE_COUNTS
    env.globals["presents_modes"] = detail.PRESENTS_MODES
    return env


class _Guard(BaseHTTPMiddleware):
    """Token off loopback, Host on loopback, security headers on every answer."""

    def __init__(self, app: Any, settings: Settings) -> None:
        super().__init__(app)
        self.settings = settings

    async def dispatch(
        self, request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        set_cookie = False
        if self.settings.jeton is not None:
            given = request.query_params.get("jeton") or request.cookies.get(COOKIE) or ""
            if not hmac.compare_digest(given.encode(), self.settings.jeton.encode()):
                return _plain_error(
                    403, "Jeton manquant ou faux : ouvrez l'adresse affichée au lancement de cpts serve."
                )
            set_cookie = "jeton" in request.query_params
        elif self.settings.loopback and request.url.hostname not in LOOPBACK:
            return _plain_error(403, "Adresse refusée : ce questionnaire ne répond qu'à 127.0.0.1.")
        response = await call_next(request)
        for key, value in _HEADERS.items():
            response.headers.setdefault(key, value)
        if set_cookie and self.settings.jeton is not None:
            response.set_cookie(COOKIE, self.settings.jeton, httponly=True, samesite="strict")
        return response


def _plain_error(status: int, message: str) -> Response:
    return HTMLResponse(
        f"<!doctype html><html lang=fr><meta charset=utf-8><title>cpts serve</title><p>{message}</p>",
        status_code=status,
        headers=_HEADERS,
    )


class _Pages:
    """The handlers, sharing the folder, the templates and the CSRF token."""

    def __init__(self, settings: Settings) -> None:
        self.folder = Folder(settings.folder)
        self.env = _environment()
        self.csrf = secrets.token_urlsafe(24)

    def page(self, name: str, status: int = 200, **context: Any) -> HTMLResponse:
        context.setdefault("erreur", "")
        return HTMLResponse(self.env.get_template(name).render(csrf=self.csrf, **context), status_code=status)

    async def form(self, request: Request) -> Form:
        """Return the fields of a POST (files read, at most 1 MiB), its CSRF token checked."""
        length = int(request.headers.get("content-length") or 0)
        if length > MAX_BYTES + 64 * 1024:
            raise UserMessageError(f"fichier trop gros : au plus {MAX_BYTES // 1024} Kio")
        fields: dict[str, list[str]] = {}
        upload: tuple[str, bytes] | None = None
        async with request.form(max_files=1, max_fields=400, max_part_size=MAX_BYTES + 1) as data:
            for key, value in data.multi_items():
                if isinstance(value, UploadFile):
                    upload = (value.filename or "reponses.yaml", await value.read(MAX_BYTES + 1))
                else:
                    fields.setdefault(key, []).append(value)
        given = (fields.get("csrf") or [request.headers.get("x-csrf") or ""])[0]
        if not hmac.compare_digest(given.encode(), self.csrf.encode()):
            raise PermissionError("jeton de formulaire manquant ou faux : rechargez la page")
        return Form(fields, upload)

    def refused(self, error: Exception, status: int) -> Response:
        if isinstance(error, PermissionError):
            status = 403
        return self.page("erreur.html", status, message=str(error), noms=self.folder.names())

    async def accueil(self, request: Request) -> Response:
        return self.page("accueil.html", noms=self.folder.names())

    async def nouveau(self, request: Request) -> Response:
        try:
            data = await self.form(request)
            nom = self.folder.create(data.get("nom", "reponses"))
        except (UserMessageError, PermissionError) as error:
            return self.refused(error, 400)
        return RedirectResponse(f"/b/{nom}", status_code=303)

    async def ouvrir(self, request: Request) -> Response:
        try:
            data = await self.form(request)
            if data.upload is None or not data.upload[1]:
                raise UserMessageError("aucun fichier choisi")
            nom = self.folder.upload(*data.upload)
        except (UserMessageError, PermissionError) as error:
            return self.refused(error, 400)
        return RedirectResponse(f"/b/{nom}", status_code=303)

    async def reprendre(self, request: Request) -> Response:
        nom = request.path_params["nom"]
        try:
            draft = self.folder.read(nom)
        except UserMessageError as error:
            return self.refused(error, 404)
        complete = api.check_loaded(loader.load_text(draft.text, f"{nom}.yaml")).valid
        # A finished file opens at its first theme; a draft at its first unanswered question.
        theme, champ = (themes.THEMES[0].cle, "") if complete else formulaire.first_unanswered(draft.data)
        # A query, not a fragment: Chrome ignores autofocus on a page opened at a fragment.
        where = f"?question={champ}" if champ else ""
        return RedirectResponse(f"/b/{nom}/{theme}{where}", status_code=303)

    async def theme_page(self, request: Request) -> Response:
        nom = request.path_params["nom"]
        chosen = themes.theme(request.path_params["theme"])
        try:
            draft = self.folder.read(nom)
        except UserMessageError as error:
            return self.refused(error, 404)
        if chosen is None:
            return self.refused(UnknownDraftError("thème inconnu"), 404)
        document = request.query_params.get("document", DOCUMENTS[0])
        document = document if document in DOCUMENTS else DOCUMENTS[0]
        found = verify(draft.data, document)
        return self.page(
            "theme.html",
            nom=nom,
            version=draft.version,
            themes=themes.THEMES,
            theme=chosen,
            page=formulaire.page(chosen, draft.data),
            verification=found,
            documents=DOCUMENTS,
            document=document,
            question=request.query_params.get("question", ""),
        )

    def _answer(self, found: Any, draft_version: str, reload: bool) -> JSONResponse:
        return JSONResponse(
            {
                "version": draft_version,
                "recharger": reload,
                "messages": {
                    path: [
                        {"message": f.message, "regle": f.rule, "gravite": f.severity.value} for f in items
                    ]
                    for path, items in found.messages.items()
                },
                "autres": [{"message": f.message, "regle": f.rule} for f in found.autres],
                "apercu": found.apercu,
                "complet": found.complet,
            }
        )

    async def champ(self, request: Request) -> Response:
        nom = request.path_params["nom"]
        try:
            data = await self.form(request)
            chosen = themes.theme(data.get("theme"))
            path = formulaire.parse_path(data.get("chemin"))
            fields_before: list[str] = []

            def edit(d: dict[str, Any]) -> None:
                # Read, check and change under the folder's lock: the page as the draft stands now.
                fields = formulaire.page(chosen, d).champs() if chosen else []
                field = next((c for c in fields if c.nom == data.get("chemin")), None)
                if field is None or path is None:
                    raise UserMessageError("cette question n'est pas sur la page : rechargez-la")
                fields_before.extend(c.nom for c in fields)
                set_value(d, path, _value(path, field, data, d))

            after = self.folder.change(nom, data.get("version"), edit)
        except ConflictError as error:
            return JSONResponse({"conflit": str(error)}, status_code=409)
        except PermissionError as error:
            return JSONResponse({"erreur": str(error)}, status_code=403)
        except UserMessageError as error:
            return JSONResponse({"erreur": str(error)}, status_code=400)
        document = data.get("document", DOCUMENTS[0])
        return self._answer(
            verify(after.data, document), after.version, fields_before != _names(chosen, after.data)
        )

    async def ligne(self, request: Request) -> Response:
        nom = request.path_params["nom"]
        try:
            data = await self.form(request)
            path = formulaire.parse_path(data.get("tableau"))
            if path is None or not isinstance(
                lookup(self.folder.read(nom).data, path), (list, type(MISSING))
            ):
                raise UserMessageError("tableau inconnu")
            index = data.get("supprimer")

            def edit(d: dict[str, Any]) -> None:
                rows = lookup(d, path)
                rows = rows if isinstance(rows, list) else []
                if index.isdigit() and int(index) < len(rows):
                    rows[int(index)] = DELETE
                else:
                    rows.append({})
                set_value(d, path, rows)

            self.folder.change(nom, data.get("version"), edit)
        except (UserMessageError, PermissionError) as error:
            return self.refused(error, 409 if isinstance(error, ConflictError) else 400)
        theme = data.get("theme") if themes.theme(data.get("theme")) else ""
        return RedirectResponse(f"/b/{nom}/{theme}#{data.get('tableau')}", status_code=303)

    async def apercu(self, request: Request) -> Response:
        """Return the preview of one document as HTML (the page asks it when another is chosen)."""
        nom, document = request.path_params["nom"], request.path_params["document"]
        try:
            draft = self.folder.read(nom)
        except UserMessageError as error:
            return self.refused(error, 404)
        found = verify(draft.data, document if document in DOCUMENTS else None)
        html = found.apercu.get(document, "<p>Aperçu indisponible tant que des réponses sont à revoir.</p>")
        return HTMLResponse(html)

    async def reponses(self, request: Request) -> Response:
        nom = request.path_params["nom"]
        try:
            draft = self.folder.read(nom)
        except UserMessageError as error:
            return self.refused(error, 404)
        return Response(
            draft.text.encode("utf-8"),
            media_type="application/yaml",
            headers={"Content-Disposition": f'attachment; filename="{nom}.yaml"'},
        )

    async def documents(self, request: Request) -> Response:
        nom = request.path_params["nom"]
        try:
            draft = self.folder.read(nom)
            result = api.check_loaded(loader.load_text(draft.text, f"{nom}.yaml"))
        except UserMessageError as error:
            return self.refused(error, 404)
        if result.model is None:
            return self.page(
                "erreur.html",
                409,
                message="Le fichier de réponses n'est pas encore complet.",
                noms=self.folder.names(),
                constats=result.errors,
                nom=nom,
            )
        files = api.render_bundle(result.model)
        return Response(
            bundle.zip_bytes(files),
            media_type="application/zip",
            headers={"Content-Disposition": f'attachment; filename="{nom}.zip"'},
        )


def create_app(settings: Settings) -> Starlette:
    """Return the application serving the drafts of ``settings.folder``."""
    p = _Pages(settings)
    routes = [
        Route("/", p.accueil),
        Route("/favicon.ico", lambda request: Response(status_code=204)),
        Route("/nouveau", p.nouveau, methods=["POST"]),
        Route("/ouvrir", p.ouvrir, methods=["POST"]),
        Route("/b/{nom}", p.reprendre),
        Route("/b/{nom}/reponses.yaml", p.reponses),
        Route("/b/{nom}/documents.zip", p.documents),
        Route("/b/{nom}/champ", p.champ, methods=["POST"]),
        Route("/b/{nom}/apercu/{document}", p.apercu),
        Route("/b/{nom}/ligne", p.ligne, methods=["POST"]),
        Route("/b/{nom}/{theme}", p.theme_page),
        Mount("/static", StaticFiles(directory=_HERE / "static"), name="static"),
    ]
    return Starlette(routes=routes, middleware=[Middleware(_Guard, settings=settings)])


def _names(theme: themes.Theme | None, data: dict[str, Any]) -> list[str]:
    if theme is None:
        return []
    return [c.nom for c in formulaire.page(theme, data).champs()]


def _value(path: tuple[str | int, ...], field: formulaire.Champ, sent: Form, data: dict[str, Any]) -> Any:
    """Turn what the form sent for a field into the answer to store (``DELETE``: no answer)."""
    from generator.init.engine import Choice, convert  # noqa: PLC0415 (ruamel and the rules, on demand)

    values = sent.getlist("valeur")
    if field.genre in detail.PARSERS:
        parts = {k.removeprefix("partie."): v for k, v in sent.fields.items() if k.startswith("partie.")}
        return detail.answer(field.genre, path, parts, [code for code, _ in field.options])
    if field.genre == "fixe":
        raise UserMessageError("cette réponse détaillée se modifie dans le fichier de réponses")
    if field.genre == "interrupteur":
        text = values[0] if values else ""
        current = lookup(data, path)
        if text == "oui":
            return current if isinstance(current, dict) else {}
        return None if text == "non" else DELETE
    if field.genre == "cases":
        choices = [Choice(code) for code, _ in field.options]
        return [convert((*path, 0), v, choices, False) for v in values if v]
    if field.genre == "lignes":
        key = pattern_of(path)
        read = lignes.LIGNES[key][0] if key in lignes.LIGNES else str.strip
        try:
            lines = [read(line) for text in values for line in text.splitlines() if line.strip()]
        except ValueError as problem:
            raise UserMessageError(str(problem)) from None
        return lines if lines else DELETE
    text = values[0].strip() if values else ""
    if not text:
        return DELETE
    pairs = field.options if field.genre == "choix" else field.suggestions
    choices = [Choice(code, label) for code, label in pairs]
    return convert(path, text, choices, True)
