"""The one module a rule or codemod author imports.

Everything a rule needs is here, under public names:

- the rule vocabulary: ``Rule`` (subclass it; implement ``check`` and, to
  report on suppression comments, ``check_suppressions``), ``Codemod`` (a
  one-off transformation, written as a rule is, run by ``tffix codemod``),
  their ``Option`` and ``Example`` declarations, and the ``RuleSet`` a run
  is made of;
- what a rule produces: ``Diagnostic``, ``Fix``, ``Edit``, with
  ``Applicability`` (how far a fix can be trusted) and ``Severity``; a
  finding about a secret passes its text as ``secrets=`` (``Diagnostic.secrets``)
  and every output shows ``MASK`` (``****``) in its place (``mask``);
- the module context a rule receives: ``TerraformModule`` (every ``.tf``
  file of one folder) and its ``SourceFile`` (text, tree, offset helpers),
  ``fix(...)`` to build a fix, and the run's ``Inputs``;
- the concrete syntax tree: every node class, ``Token``, ``Visitor`` and
  ``Transformer`` (LibCST-style traversal), ``walk`` / ``visit`` /
  ``replace`` / ``remove``, value helpers and positions;
- questions rules ask of trees: ``string_value``, ``traversal``,
  ``references``, ``nested_blocks`` (``dynamic`` blocks included),
  ``arguments``, ``function_calls``..., ``placeholder`` (does a value say
  "fill this in"?), ``policy_statements`` (the IAM statements of a
  ``jsonencode`` object, an ``aws_iam_policy_document`` block or a JSON
  ``policy``, as ``PolicyStatement`` values), and ``trampoline`` for
  recursion deeper than Python's;
- matchers (``matchers``, used as ``m.Block("resource", "aws_s3_bucket")``;
  ``find`` and ``matches``) to say which nodes a rule is about;
- snippet builders that parse HCL with holes into nodes
  (``parse_expression("{0}.name", ref)``, ``parse_block``, ``parse_body``,
  ``parse_attribute``) and quoting helpers (``quote``, ``string``,
  ``label``, ``key``, ``ref``...), so rules build code by parsing it rather
  than by pasting strings;
- ``FixBuilder``: fixes as tree edits (replace, remove, insert, set an
  attribute, run a ``Transformer``; queue ``ensure_variable`` and the other
  module follow-ups), turned into minimal text edits in the file's style;
  ``use_variable`` (a literal becomes a module variable), ``modern_type``
  and ``unwrapped_interpolation`` (``terraform fmt``'s own rewrites);
- provider schemas: ``module_schemas`` (the schemas a module's resources are
  checked against, shipped snapshots or the user's own file),
  ``check_block`` (a block read against them, as ``SchemaFinding`` s) and
  ``suggest`` (did-you-mean); ``provider_constraint`` (the version
  constraint a module gives a provider) with ``admits`` and ``admits_range``
  (does it admit a version, or some version of a range), for rules whose
  premise holds only on some provider versions.

Importing this module loads the tree, the parser and the module context,
but no built-in rule, no command line and no language server (a test checks
it), so a plugin or a script can build on it cheaply. Names here are the
stable surface; the modules they come from may move.
"""

from __future__ import annotations

from .context.inputs import Inputs
from .context.module import MODULE_SUFFIX, SourceFile, TerraformModule, fix, parse_beyond
from .context.schemas import schema_findings
from .context.suppressions import Suppression
from .context.visit import NodeContext
from .cst import matchers
from .cst.builders import first_token, last_token, with_first_token
from .cst.matchers import find, find_by_file, matches
from .cst.nodes import (
    Attribute,
    BinaryOp,
    Block,
    Body,
    BodyItem,
    Conditional,
    Element,
    ElseClause,
    EmptyLine,
    EndDirective,
    Expression,
    ForDirective,
    ForExpr,
    FunctionCall,
    GetAttr,
    Heredoc,
    IfDirective,
    Index,
    Interpolation,
    Label,
    Literal,
    Module,
    Node,
    Object,
    ObjectItem,
    Parens,
    Splat,
    Template,
    TemplateLiteral,
    TemplatePart,
    Tuple,
    UnaryOp,
    Variable,
    deep_equals,
)
from .cst.positions import CodeRange, position, positions, spans
from .cst.queries import (
    arguments,
    bool_literal,
    function_calls,
    has_block,
    is_null,
    nested_blocks,
    references,
    string_value,
    traversal,
)
from .cst.quoting import escape, is_identifier, key, label, quote, ref, string, template, unescape
from .cst.tokens import Token
from .cst.trampoline import Nested, trampoline
from .cst.values import NotLiteral, literal_value, template_text
from .cst.visitor import REMOVE, Transformer, Visitor, parents, remove, replace, visit, walk
from .diagnostics import MASK, Applicability, Diagnostic, Edit, Fix, Severity, mask
from .model.iam import PolicyStatement, policy_statements
from .model.placeholders import PLACEHOLDER_WORDS, placeholder
from .rewrite import (
    Fill,
    FixBuilder,
    Name,
    multiline_object,
    parse_attribute,
    parse_block,
    parse_body,
    parse_expression,
    to_node,
    with_comments,
)
from .rewrite.fmt_rewrites import modern_type, unwrapped_interpolation
from .rewrite.literal_variables import VariableUse, use_variable
from .rewrite.render import NEWLINE
from .rewrite.snippets import with_last_token
from .rewrite.variables import declared_type, may_be_null, type_fits
from .rule import DOC_SECTIONS, Codemod, Example, Option, Rule, RuleSet
from .schema import (
    KNOWN_CONFUSIONS,
    META_ARGUMENTS,
    AttributeSchema,
    BlockSchema,
    Candidates,
    NestedBlockSchema,
    ProviderSchema,
    SchemaError,
    SchemaFinding,
    SchemaSet,
    admits,
    admits_range,
    check_block,
    load_schema_file,
    module_schemas,
    provider_constraint,
    suggest,
)
from .syntax.errors import ParseError
from .syntax.parser import parse_module

__all__ = [  # noqa: RUF022 - grouped by topic, in the order the docstring lists them
    # the rule vocabulary
    "DOC_SECTIONS",
    "Codemod",
    "Example",
    "Option",
    "Rule",
    "RuleSet",
    # what rules produce
    "Applicability",
    "Diagnostic",
    "Edit",
    "Fix",
    "Severity",
    "MASK",
    "mask",
    # the module context
    "MODULE_SUFFIX",
    "Inputs",
    "NodeContext",
    "SourceFile",
    "Suppression",
    "TerraformModule",
    "fix",
    # the tree
    "Attribute",
    "BinaryOp",
    "Block",
    "Body",
    "BodyItem",
    "CodeRange",
    "Conditional",
    "Element",
    "ElseClause",
    "EmptyLine",
    "EndDirective",
    "Expression",
    "ForDirective",
    "ForExpr",
    "FunctionCall",
    "GetAttr",
    "Heredoc",
    "IfDirective",
    "Index",
    "Interpolation",
    "Label",
    "Literal",
    "Module",
    "Node",
    "NotLiteral",
    "Object",
    "ObjectItem",
    "Parens",
    "Splat",
    "Template",
    "TemplateLiteral",
    "TemplatePart",
    "Token",
    "Tuple",
    "UnaryOp",
    "Variable",
    "deep_equals",
    "first_token",
    "last_token",
    "literal_value",
    "position",
    "positions",
    "spans",
    "template_text",
    "with_first_token",
    "with_last_token",
    # questions rules ask of trees
    "arguments",
    "bool_literal",
    "function_calls",
    "has_block",
    "is_null",
    "nested_blocks",
    "references",
    "string_value",
    "traversal",
    "Nested",
    "trampoline",
    "PLACEHOLDER_WORDS",
    "placeholder",
    "PolicyStatement",
    "policy_statements",
    # traversal and rewriting
    "REMOVE",
    "Transformer",
    "Visitor",
    "parents",
    "remove",
    "replace",
    "visit",
    "walk",
    # matchers
    "matchers",
    "find",
    "find_by_file",
    "matches",
    # parsing, snippet builders and quoting
    "ParseError",
    "Fill",
    "Name",
    "parse_attribute",
    "parse_block",
    "parse_body",
    "parse_expression",
    "parse_beyond",
    "parse_module",
    "to_node",
    "with_comments",
    "multiline_object",
    "escape",
    "is_identifier",
    "key",
    "label",
    "quote",
    "ref",
    "string",
    "template",
    "unescape",
    # fixes as tree edits
    "FixBuilder",
    "VariableUse",
    "may_be_null",
    "declared_type",
    "NEWLINE",
    "modern_type",
    "type_fits",
    "unwrapped_interpolation",
    "use_variable",
    # provider schemas
    "KNOWN_CONFUSIONS",
    "META_ARGUMENTS",
    "AttributeSchema",
    "BlockSchema",
    "Candidates",
    "NestedBlockSchema",
    "ProviderSchema",
    "SchemaError",
    "SchemaFinding",
    "SchemaSet",
    "admits",
    "admits_range",
    "check_block",
    "load_schema_file",
    "module_schemas",
    "provider_constraint",
    "schema_findings",
    "suggest",
]  # fmt: skip
