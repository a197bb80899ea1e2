"""The module context a rule receives: a Terraform module's files, their
trees and the offset helpers fixes are built with (``module``), what a run
reads besides the files (``inputs``), suppression comments
(``suppressions``), and rules' node handlers fed from one walk (``visit``).
It sits below rules and the engine: both use it, and it imports neither."""

from .inputs import Inputs
from .module import MODULE_SUFFIX, RuleIdentity, SourceFile, TerraformModule, fix
from .suppressions import PEERS, Suppression, apply_suppressions, find_suppressions
from .visit import NodeContext, visit_module

__all__ = [
    "MODULE_SUFFIX",
    "PEERS",
    "Inputs",
    "NodeContext",
    "RuleIdentity",
    "SourceFile",
    "Suppression",
    "TerraformModule",
    "apply_suppressions",
    "find_suppressions",
    "fix",
    "visit_module",
]
