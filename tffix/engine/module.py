"""The module context moved to ``tffix.context.module`` (below rules and the
engine); this module re-exports it for code written against the old path."""

from ..context.module import MODULE_SUFFIX, RuleIdentity, SourceFile, TerraformModule, fix

__all__ = ["MODULE_SUFFIX", "RuleIdentity", "SourceFile", "TerraformModule", "fix"]
