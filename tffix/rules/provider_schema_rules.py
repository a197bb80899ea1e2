"""What the rules that read provider schemas (TFX401-TFX405) share: their
``provider_schemas`` option, a check of the files it names, and how a
finding names where it is."""

from __future__ import annotations

from ..api import Option, SchemaFinding, load_schema_file

__all__ = ["PROVIDER_SCHEMAS", "refuse_unusable", "where"]

PROVIDER_SCHEMAS = Option(
    [], "Files printed by `terraform providers schema -json`; they win over the shipped snapshots."
)


def refuse_unusable(paths: list[str]) -> None:
    """Load each schema file now, so one that cannot be used is refused with
    the settings (raises ValueError), not halfway through a run."""
    for path in paths:
        load_schema_file(path)


def where(finding: SchemaFinding) -> str:
    """``aws_instance.web`` or ``data.aws_ami.x``, and the nested block path."""
    labels = finding.resource.label_values
    prefix = "data." if finding.resource.type.text == "data" else ""
    return f"{prefix}{labels[0]}.{labels[1]}" + (f" (in {'.'.join(finding.path)})" if finding.path else "")
