from __future__ import annotations

import re

from ..api import Applicability, Example, FixBuilder, Module, Node, NodeContext, Rule, Severity, Token, Transformer

__all__ = ["SlashComment"]

#: every comment of a piece of trivia, so that `//` inside `#` or `/* */` is not one
_COMMENT = re.compile(r"#[^\r\n]*|//[^\r\n]*|/\*.*?\*/", re.DOTALL)
_SLASHES = re.compile(r"/+")


class SlashComment(Rule):
    """Comment written with `//` instead of `#`

    ## What it does
    Finds line comments that start with `//` and rewrites them to start
    with `#`. Comments between `/*` and `*/` are left as they are.

    ## Why is this bad?
    Terraform reads three comment syntaxes, but `#` is the one its style
    guide and `terraform fmt` users write; a file that mixes `//` and `#`
    reads as two people's code. `/* */` is kept: on one line it can sit in
    the middle of an expression, and over several lines it is a deliberate
    block that `#` on every line would only make noisier.

    ## Example
    ```hcl
    // the web tier
    resource "aws_instance" "web" {
      ami = var.ami // pinned per region
    }
    ```

    Use instead:
    ```hcl
    # the web tier
    resource "aws_instance" "web" {
      ami = var.ami # pinned per region
    }
    ```

    ## Fix safety
    Safe: only the comment marker changes (`//` becomes `#`, a longer run of
    slashes one `#` fewer, so a ruler line stays a ruler). Comments in
    strings and heredocs are text, never touched.

    ## References
    - https://developer.hashicorp.com/terraform/language/syntax/configuration#comments
    - https://developer.hashicorp.com/terraform/language/style#code-formatting
    """

    code = "TFX204"
    name = "slash-comment"
    severity = Severity.INFO
    fixable = Applicability.SAFE

    valid = (
        '# fine\nlocals {\n  a = "http://example.com" # url\n  b = 1 /* inline */ + 2\n}\n',
        "locals {\n  a = <<EOT\n// text in a heredoc\nEOT\n}\n",
    )
    invalid = (
        Example("// top\nlocals {\n  a = 1 // one\n}\n", "# top\nlocals {\n  a = 1 # one\n}\n"),
        Example("locals {\n  ////////\n  a = 1\n}\n", "locals {\n  #######\n  a = 1\n}\n"),
    )

    def visit_Module(self, tree: Module, ctx: NodeContext) -> None:
        if "//" not in ctx.file.text:
            return  # most files: no token's trivia can hold one
        offset = len(tree.bom)
        for token in tree.tokens():
            at = offset
            for field in ("lead", "trail"):
                trivia: str = getattr(token, field)
                if field == "trail":
                    at += len(token.text)
                if "//" not in trivia:
                    at += len(trivia)
                    continue
                for match in _COMMENT.finditer(trivia):
                    if match.group().startswith("//"):
                        slashes = _SLASHES.match(match.group())
                        assert slashes is not None
                        new = token._replace(**{field: _hashed(trivia, match.start(), slashes.end())})
                        rewrite = FixBuilder(ctx.module, ctx.file)
                        rewrite.transform(_SwapToken(token, new))
                        ctx.report(
                            (at + match.start(), at + match.end()),
                            "comment starts with `//`; write `#`",
                            fix=rewrite.build("Use #", Applicability.SAFE),
                        )
                at += len(trivia)
            offset = at


def _hashed(trivia: str, start: int, width: int) -> str:
    """``trivia`` with the ``width`` slashes at ``start`` as one ``#`` fewer."""
    return "".join((trivia[:start], "#" * (width - 1), trivia[start + width :]))


class _SwapToken(Transformer):
    """Put ``new`` where the token ``old`` is (by identity)."""

    def __init__(self, old: Token, new: Token) -> None:
        self.old, self.new = old, new

    def on_leave(self, original: Node, updated: Node) -> Node:
        changes: dict[str, object] = {}
        for name in updated.__match_args__:
            value = getattr(updated, name)
            if value is self.old:
                changes[name] = self.new
            elif type(value) is tuple and any(item is self.old for item in value):
                changes[name] = tuple(self.new if item is self.old else item for item in value)
        return updated.with_changes(**changes) if changes else updated
