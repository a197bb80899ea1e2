from __future__ import annotations

from collections.abc import Iterator

from ..api import (
    Applicability,
    Diagnostic,
    Example,
    FixBuilder,
    Rule,
    Severity,
    SourceFile,
    TerraformModule,
    admits_range,
    has_block,
    nested_blocks,
    parse_block,
    provider_constraint,
    quote,
    string_value,
)
from ..cst import nodes as n

__all__ = ["S3LifecycleRuleWithoutFilter"]


class S3LifecycleRuleWithoutFilter(Rule):
    """S3 lifecycle rule without `filter`, or with the deprecated rule-level `prefix`

    ## What it does
    Finds `rule` blocks of `aws_s3_bucket_lifecycle_configuration` (including
    the `content` of `dynamic "rule"`) that have no `filter`, or that use the
    deprecated rule-level `prefix` argument.

    ## Why is this bad?
    From AWS provider 5.90.0 on, a rule with neither `filter` nor `prefix`
    gets an "Invalid Attribute Combination" warning on every plan, which the
    provider says will become an error. Rule-level `prefix` is deprecated.
    S3 itself treats a rule without a filter, with `filter {}`, and with an
    empty prefix the same way: the rule applies to every object.

    ## Provider versions
    The rule reads the module's `required_providers` constraint for
    `hashicorp/aws`. When it admits no version from 5.90.0 on, a rule
    without a filter gets no warning and is not reported. Provider releases
    5.90 to 5.98 also warned about `filter {}` itself (provider issues
    #41710, #42126, #42515); when the constraint admits only those releases,
    the fix writes `filter { prefix = "" }` instead, which they accept.

    ## Example
    ```hcl
    resource "aws_s3_bucket_lifecycle_configuration" "logs" {
      bucket = aws_s3_bucket.logs.id

      rule {
        id     = "expire"
        status = "Enabled"

        expiration {
          days = 30
        }
      }
    }
    ```

    Use instead:
    ```hcl
    resource "aws_s3_bucket_lifecycle_configuration" "logs" {
      bucket = aws_s3_bucket.logs.id

      rule {
        id     = "expire"
        status = "Enabled"

        filter {}

        expiration {
          days = 30
        }
      }
    }
    ```

    ## Fix safety
    Inserting `filter {}` is safe: the provider documents it as identical to
    no filter, so the plan does not change. It goes after `id`/`status`,
    following the blank-line style of the rule.

    Moving a rule-level `prefix = X` into `filter { prefix = X }` is unsafe:
    it is the same rule, but the provider plans a one-time in-place update. S3
    rejects a configuration that mixes rule-level prefixes with filters, so
    every rule of the resource moves together (rules with neither get
    `filter {}` in the same fix). A rule with both `prefix` and `filter` is
    invalid in a way only the author can settle: display-only. The inline
    `lifecycle_rule` of `aws_s3_bucket` is a different, deprecated schema and
    is never touched.

    ## References
    - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket_lifecycle_configuration
    - https://docs.aws.amazon.com/AmazonS3/latest/userguide/intro-lifecycle-rules.html
    """

    code = "TFX102"
    name = "s3-lifecycle-rule-without-filter"
    severity = Severity.WARNING
    fixable = Applicability.SAFE

    valid = (
        'resource "aws_s3_bucket_lifecycle_configuration" "a" {\n  rule {\n    id     = "x"\n    status = "Enabled"\n    filter {}\n  }\n}\n',
        'resource "aws_s3_bucket_lifecycle_configuration" "a" {\n  rule {\n    id = "x"\n    filter {\n      prefix = "logs/"\n    }\n  }\n}\n',
        'resource "aws_s3_bucket" "a" {\n  lifecycle_rule {\n    enabled = true\n  }\n}\n',
    )
    invalid = (
        Example(
            'resource "aws_s3_bucket_lifecycle_configuration" "a" {\n  rule {\n    id     = "x"\n    status = "Enabled"\n    expiration {\n      days = 1\n    }\n  }\n}\n',
            'resource "aws_s3_bucket_lifecycle_configuration" "a" {\n  rule {\n    id     = "x"\n    status = "Enabled"\n    filter {}\n    expiration {\n      days = 1\n    }\n  }\n}\n',
        ),
        Example(
            'resource "aws_s3_bucket_lifecycle_configuration" "a" {\n  rule {\n    id     = "x"\n    prefix = "logs/"\n    status = "Enabled"\n  }\n}\n',
            'resource "aws_s3_bucket_lifecycle_configuration" "a" {\n  rule {\n    id = "x"\n    filter {\n      prefix = "logs/"\n    }\n    status = "Enabled"\n  }\n}\n',
            unsafe=True,
        ),
    )

    def check(self, module: TerraformModule) -> Iterator[Diagnostic]:
        found = list(module.blocks("resource", "aws_s3_bucket_lifecycle_configuration"))
        if not found:
            return
        versions = _Versions.of(module)
        for file, resource in found:
            yield from self._resource(module, file, resource, versions)

    def _resource(
        self, module: TerraformModule, file: SourceFile, resource: n.Block, versions: _Versions
    ) -> Iterator[Diagnostic]:
        rules = list(nested_blocks(resource.body, "rule"))
        with_prefix = [r for r in rules if r.body.attribute("prefix") is not None]
        if with_prefix:
            yield from self._prefixed(module, file, rules, with_prefix, versions)
            return
        if not versions.warns:
            return
        for rule in rules:
            if not has_block(rule.body, "filter"):
                rewrite = FixBuilder(module, file)
                _insert_filter(rewrite, rule, versions.empty_prefix)
                message = f"lifecycle rule{_rule_label(rule)} has no `filter`; {versions.advice()}"
                yield module.diagnostic(
                    self, file, rule.type, message, fix=rewrite.build(f"Add `{versions.block}`", Applicability.SAFE)
                )

    def _prefixed(
        self,
        module: TerraformModule,
        file: SourceFile,
        rules: list[n.Block],
        with_prefix: list[n.Block],
        versions: _Versions,
    ) -> Iterator[Diagnostic]:
        both = [r for r in with_prefix if has_block(r.body, "filter")]
        for rule in both:
            message = f"lifecycle rule{_rule_label(rule)} sets both `prefix` and `filter`; keep one (move the prefix into the filter)"
            yield module.diagnostic(self, file, rule.body.attribute("prefix"), message)  # type: ignore[arg-type]
        if both:
            return
        rewrite = FixBuilder(module, file)
        for rule in rules:
            prefix = rule.body.attribute("prefix")
            if prefix is not None:
                # the attribute itself moves, so its comments go with it
                rewrite.replace(prefix, parse_block("filter {\n}").with_changes(body=n.Body((prefix,))))
            elif not has_block(rule.body, "filter"):
                _insert_filter(rewrite, rule, versions.empty_prefix)
        moved = rewrite.build(
            "Move rule-level `prefix` into `filter { prefix = ... }` for every rule", Applicability.UNSAFE
        )
        for rule in with_prefix:
            message = f"lifecycle rule{_rule_label(rule)} uses the deprecated rule-level `prefix`; use `filter {{ prefix = ... }}`"
            yield module.diagnostic(self, file, rule.body.attribute("prefix"), message, fix=moved)  # type: ignore[arg-type]
        for rule in rules:
            if versions.warns and rule not in with_prefix and not has_block(rule.body, "filter"):
                message = f"lifecycle rule{_rule_label(rule)} has no `filter`; {versions.advice()}"
                yield module.diagnostic(self, file, rule.type, message, fix=moved)


#: the AWS provider release from which a rule with neither `filter` nor `prefix` gets a plan warning
WARNS_FROM = "5.90.0"
#: releases that also warned about `filter {}` itself (fixed from this one on)
EMPTY_FILTER_WARNS = ("5.90.0", "5.99.0")


class _Versions:
    """What the module's AWS provider constraint says about the finding."""

    def __init__(self, constraint: str | None) -> None:
        def admitted(low: str, high: str | None = None) -> bool:
            answer = admits_range(constraint, low, high) if constraint is not None else True
            return answer is not False  # a constraint tffix cannot read admits anything

        #: some admitted release warns about a rule without a filter
        self.warns = admitted(WARNS_FROM)
        #: every admitted release warning about it warns about `filter {}` too
        self.empty_prefix = constraint is not None and not admitted(EMPTY_FILTER_WARNS[1])
        self.block = 'filter { prefix = "" }' if self.empty_prefix else "filter {}"
        self.constraint = constraint

    def advice(self) -> str:
        """What the finding's message advises, and for which releases."""
        if self.empty_prefix:
            why = f"AWS provider 5.90-5.98, which `{self.constraint}` admits, warn without one and about `filter {{}}` too"
        else:
            why = f"AWS provider {WARNS_FROM} and later warn without one"
        return f"add `{self.block}` (applies to all objects; {why})"

    @classmethod
    def of(cls, module: TerraformModule) -> _Versions:
        trees = (file.tree for file in module.files.values() if file.tree is not None)
        return cls(provider_constraint(trees, "hashicorp/aws"))


def _rule_label(rule: n.Block) -> str:
    """`` "<id>"`` naming the rule in messages, or nothing when it has no id."""
    ident = rule.body.attribute("id")
    text = string_value(ident.value) if ident is not None else None
    return " ".join(("", quote(text))) if text else ""


def _insert_filter(rewrite: FixBuilder, rule: n.Block, empty_prefix: bool = False) -> None:
    """``filter {}`` (or ``filter { prefix = "" }``) after ``id``/``status``,
    keeping the blank-line style: when a blank line follows the anchor, the
    new block gets one above it too."""
    new = parse_block('filter {\n  prefix = ""\n}' if empty_prefix else "filter {}")
    items = rule.body.items
    anchors = [i for i, item in enumerate(items) if type(item) is n.Attribute and item.name.text in ("id", "status")]
    first = next((item for item in items if type(item) is not n.EmptyLine), None)
    if rule.open_newline is None or first is None:  # `rule { id = "x" }` opens up; `rule {\n}` gets a line
        rewrite.append(rule, new)
    elif anchors:
        anchor = items[anchors[-1]]
        assert type(anchor) is n.Attribute
        follows = items[anchors[-1] + 1] if anchors[-1] + 1 < len(items) else None
        blank = type(follows) is n.EmptyLine and follows.comment is None
        rewrite.insert_after(anchor, new, blank_line=blank)
    else:
        assert type(first) is n.Attribute or type(first) is n.Block
        rewrite.insert_before(first, new, blank_line=False)
