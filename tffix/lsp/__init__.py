"""The tffix language server (``tffix lsp``). ``server`` imports pygls;
``positions``, ``config`` and ``analysis`` do not."""

from __future__ import annotations

__all__ = ["serve"]


def serve() -> None:
    from .server import serve as _serve

    _serve()
