"""The click command ``cpts serve``: start the questionnaire in the browser on the founder's computer.

Only click is imported here: Starlette, uvicorn and the questionnaire load when the command runs,
so ``cpts check`` and ``cpts render`` stay as light as before.
"""

from __future__ import annotations

import ipaddress
import secrets
from pathlib import Path

import click

from generator.errors import UsageError

DEFAULT_PORT = 8017


def loopback(host: str) -> bool:
    """Tell whether ``host`` is this computer only (127.0.0.1, ::1, localhost)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def start(dossier: str, port: int, hote: str, navigateur: bool) -> int:
    """Serve the drafts of ``dossier`` until Ctrl-C."""
    import threading  # noqa: PLC0415
    import webbrowser  # noqa: PLC0415

    import uvicorn  # noqa: PLC0415

    from generator.web.app import Settings, create_app  # noqa: PLC0415

    folder = Path(dossier)
    if not folder.is_dir():
        raise UsageError(f"« {dossier} » n'est pas un dossier : donnez le dossier des fichiers de réponses")
    local = loopback(hote)
    jeton = None if local else secrets.token_urlsafe(18)
    app = create_app(Settings(folder.resolve(), jeton=jeton, loopback=local))
    shown = f"[{hote}]" if ":" in hote else hote
    url = f"http://{shown}:{port}/" + (f"?jeton={jeton}" if jeton else "")
    click.echo(f"Questionnaire CPTS : {url}")
    click.echo(f"Fichiers de réponses : {folder.resolve()}")
    if jeton is not None:
        click.echo(
            "Attention : la page n'a pas de comptes ; quiconque a cette adresse avec son jeton peut "
            "lire et modifier les réponses. Ne la partagez qu'avec les fondateurs."
        )
    click.echo("Ctrl-C arrête le questionnaire (les réponses sont déjà enregistrées).")
    if navigateur:
        threading.Timer(0.8, webbrowser.open, [url]).start()
    uvicorn.run(app, host=hote, port=port, log_level="warning")
    return 0


def register(group: click.Group) -> None:
    """Add ``cpts serve`` to the ``cpts`` group (its French command class, its error handling)."""

    @group.command("serve")
    @click.argument("dossier", required=False, default=".", type=click.Path())
    @click.option(
        "--port",
        type=click.IntRange(1, 65535),
        default=DEFAULT_PORT,
        show_default=True,
        help="Port d'écoute.",
    )
    @click.option(
        "--hote",
        default="127.0.0.1",
        show_default=True,
        help="Adresse d'écoute ; une autre que 127.0.0.1 exige le jeton affiché au lancement.",
    )
    @click.option("--sans-navigateur", is_flag=True, help="N'ouvre pas le navigateur.")
    @click.pass_context
    def serve_command(ctx: click.Context, dossier: str, port: int, hote: str, sans_navigateur: bool) -> int:
        """Ouvre le questionnaire des fondateurs dans le navigateur."""
        from generator.cli import _run  # noqa: PLC0415 (the cli imports this module)

        return _run(ctx.obj["debug"], lambda: start(dossier, port, hote, not sans_navigateur))
