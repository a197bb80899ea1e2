from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

from ..api import (
    PLACEHOLDER_WORDS,
    Applicability,
    Diagnostic,
    Example,
    FixBuilder,
    Nested,
    Option,
    Rule,
    Severity,
    SourceFile,
    TerraformModule,
    function_calls,
    multiline_object,
    parse_attribute,
    references,
    string_value,
    to_node,
    trampoline,
    walk,
    with_comments,
)
from ..cst import nodes as n

__all__ = ["BackendWithDynamicValues"]

STRATEGIES = ("comment-out", "partial-configuration")
# whole words only: "acme-replacement" and "exchange-messages" are real names
_PLACEHOLDER = PLACEHOLDER_WORDS
#: what replaces each argument of a `cloud` block at init time
CLOUD_ENV = {"organization": "TF_CLOUD_ORGANIZATION", "hostname": "TF_CLOUD_HOSTNAME", "workspaces": "TF_WORKSPACE",
             "project": "TF_CLOUD_PROJECT", "token": "TF_TOKEN_<hostname>"}  # fmt: skip


@dataclass
class _Offender:
    item: n.Attribute | n.Block
    why: str


class BackendWithDynamicValues(Rule):
    """Backend or cloud block using variables, functions or placeholders

    ## What it does
    Finds `backend` and `cloud` blocks in `terraform {}` whose arguments use a
    variable, local, `path.*`, `terraform.workspace`, any other reference,
    a function call or an interpolation, or hold a placeholder such as
    `REPLACE_ME`, `CHANGEME`, `<bucket-name>` or `your-bucket`.

    ## Why is this bad?
    Terraform configures the backend before it evaluates anything else, so it
    only accepts literal values: `terraform init` fails with "Variables not
    allowed" or "Functions may not be called here". A placeholder passes init
    and then fails on the first state access, against a bucket nobody owns.

    ## Example
    ```hcl
    terraform {
      backend "s3" {
        bucket = "terraform-state-${var.environment_suffix}"
        key    = "app/terraform.tfstate"
        region = "us-east-1"
      }
    }
    ```

    Use instead (partial configuration, the `default` profile's strategy):
    ```hcl
    terraform {
      backend "s3" {
        key    = "app/terraform.tfstate"
        region = "us-east-1"
      }
    }
    ```
    with the removed arguments in a new `main.s3.tfbackend.example` file, their
    original expressions kept in comments, passed at init time with
    `terraform init -backend-config=main.s3.tfbackend`.

    ## Fix safety
    Both strategies are unsafe: they change where state lives or how `init`
    is run. `partial-configuration` keeps the backend with its static
    arguments and moves the others to `<file>.<backend>.tfbackend.example`; it
    never overwrites an existing file (the finding is then display-only), and
    a `cloud` block, which partial configuration does not cover, is only
    reported. `comment-out` (the `ephemeral` profile's strategy, and the fix
    it intends: QA stacks keep state locally) turns the block into comments
    that keep its text verbatim, headed by how to restore it with
    `terraform init -backend-config=...` (object values such as `assume_role`
    keep their static parts; a `cloud` block is restored with
    `TF_CLOUD_ORGANIZATION` / `TF_WORKSPACE` instead, since
    `-backend-config` does not apply to it). Hard-coded real names are fine;
    placeholders are matched as whole words (`acme-replacement` is a name).

    ## References
    - https://developer.hashicorp.com/terraform/language/backend#partial-configuration
    - https://developer.hashicorp.com/terraform/language/backend/s3
    - https://developer.hashicorp.com/terraform/cli/commands/init#backend-initialization
    """

    code = "TFX103"
    name = "backend-with-dynamic-values"
    severity = Severity.ERROR
    fixable = Applicability.UNSAFE
    options: ClassVar[dict[str, Option]] = {
        "strategy": Option(
            "partial-configuration",
            "comment-out: turn the block into comments (state falls back to local); "
            "partial-configuration: move the dynamic arguments to a .tfbackend.example file.",
            choices=STRATEGIES,
        ),
    }

    valid = (
        'terraform {\n  backend "s3" {\n    bucket = "acme-terraform-state"\n    key    = "app/terraform.tfstate"\n    region = "us-east-1"\n  }\n}\n',
        'terraform {\n  backend "s3" {}\n}\n',
        'terraform {\n  required_version = ">= 1.0"\n}\n',
    )
    invalid = (
        Example(
            'terraform {\n  backend "s3" {\n    bucket = "state-${var.env}"\n    key    = "app.tfstate"\n  }\n}\n',
            'terraform {\n  # backend "s3" commented out by tffix (TFX103): it used values Terraform\n'
            "  # cannot use there (variables, functions) or placeholders, so state is\n"
            "  # local until it is restored. To restore it, uncomment the block, delete\n"
            "  # the bucket argument from it, and run:\n"
            '  #   terraform init -backend-config="bucket=VALUE"\n'
            '  # backend "s3" {\n  #   bucket = "state-${var.env}"\n  #   key    = "app.tfstate"\n  # }\n}\n',
            unsafe=True,
            options={"strategy": "comment-out"},
        ),
        Example(
            'terraform {\n  backend "s3" {\n    bucket = "bucket-REPLACE_ME"\n  }\n}\n',
            'terraform {\n  # backend "s3" commented out by tffix (TFX103): it used values Terraform\n'
            "  # cannot use there (variables, functions) or placeholders, so state is\n"
            "  # local until it is restored. To restore it, uncomment the block, delete\n"
            "  # the bucket argument from it, and run:\n"
            '  #   terraform init -backend-config="bucket=VALUE"\n'
            '  # backend "s3" {\n  #   bucket = "bucket-REPLACE_ME"\n  # }\n}\n',
            profile="ephemeral",
        ),
    )

    def check(self, module: TerraformModule) -> Iterator[Diagnostic]:
        for file, terraform in module.blocks("terraform"):
            for block in terraform.body.blocks():
                if block.type.text not in ("backend", "cloud"):
                    continue
                offenders = _offenders(block.body)
                if offenders:
                    yield self._diagnostic(module, file, block, offenders)

    def _diagnostic(
        self, module: TerraformModule, file: SourceFile, block: n.Block, offenders: list[_Offender]
    ) -> Diagnostic:
        what = _title(block)
        details = "; ".join(f"{_name(o.item)}: {o.why}" for o in offenders)
        message = f"{what} cannot be initialised ({details})"
        anchor = offenders[0].item
        target: n.Node | n.Token = anchor.value if type(anchor) is n.Attribute else anchor.type
        rewrite = FixBuilder(module, file)
        if self.settings["strategy"] == "comment-out":
            rewrite.comment_out(block, _restore_note(file, block, offenders))
            fix = rewrite.build(f"Comment out {what}", Applicability.UNSAFE)
            return module.diagnostic(self, file, target, message, fix=fix)
        if block.type.text == "cloud":
            message += "; set it with TF_CLOUD_ORGANIZATION / TF_WORKSPACE or comment it out"
            return module.diagnostic(self, file, target, message)
        backend = block.label_values[0] if block.labels else "backend"
        example = module.directory / f"{file.path.stem}.{backend}.tfbackend.example"
        if example in module.existing:
            return module.diagnostic(
                self, file, target, f"{message}; {example.name} exists, so tffix will not write it"
            )
        for offender in offenders:
            rewrite.remove(offender.item)
        rewrite.new_file(example.name, *_example_items(file, backend, offenders))
        them = "them" if len(offenders) > 1 else "it"
        return module.diagnostic(
            self, file, target, f"{message}; move {them} to {example.name} (partial configuration)",
            fix=rewrite.build(f"Move the dynamic arguments to {example.name}", Applicability.UNSAFE),
        )  # fmt: skip


def _offenders(body: n.Body) -> list[_Offender]:
    """The arguments that need values from elsewhere, and the nested blocks
    holding such arguments (at any depth)."""
    return trampoline(_nested_offenders(body))


def _nested_offenders(body: n.Body) -> Nested[list[_Offender]]:
    # Recursive in form only: each ``yield`` is a call run by ``trampoline``.
    out = []
    for item in body.items:
        if type(item) is n.Attribute:
            why = _why(item.value)
            if why:
                out.append(_Offender(item, why))
        elif isinstance(item, n.Block):
            inner = yield _nested_offenders(item.body)
            if inner:
                out.append(_Offender(item, "; ".join(f"{_name(o.item)}: {o.why}" for o in inner)))
    return out


def _why(expr: n.Node) -> str | None:
    refs = sorted({".".join(p for p in ref if p != "[]") for ref in references(expr)})
    if refs:
        return "uses " + ", ".join(refs[:3]) + (" ..." if len(refs) > 3 else "")
    calls = sorted({call.function_name + "()" for call in function_calls(expr)})
    if calls:
        return "calls " + ", ".join(calls)
    for node in _strings(expr):
        text = string_value(node)
        if text is None:
            return "uses an interpolation"
        if _PLACEHOLDER.search(text):
            return f'placeholder "{text}"'
    return None


def _strings(expr: n.Node) -> Iterator[n.Template | n.Heredoc]:

    return (node for node in walk(expr) if isinstance(node, (n.Template, n.Heredoc)))


def _title(block: n.Block) -> str:
    return f'backend "{block.label_values[0]}"' if block.type.text == "backend" and block.labels else "cloud block"


def _listing(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _items(item: n.Attribute | n.Block) -> list[n.Attribute | n.ObjectItem] | None:
    """The arguments of an object value or a nested block, else None."""
    if type(item) is n.Attribute:
        if type(item.value) is not n.Object:
            return None
        return [i for i in item.value.items if type(i) is n.ObjectItem]
    return list(item.body.attributes())


def _key(item: n.Attribute | n.ObjectItem) -> str:
    return item.name.text if type(item) is n.Attribute else (item.key_name or "?")


def _flag_value(file: SourceFile, item: n.Attribute | n.Block) -> str:
    """The value to pass with -backend-config: VALUE, or for an object the
    static parts kept and the others as VALUE (a string is not an object)."""
    parts = _items(item)
    if parts is None:
        return "VALUE"
    shown = [
        f"{_key(p)}={file.source(p.value) if _why(p.value) is None else chr(34) + 'VALUE' + chr(34)}" for p in parts
    ]
    return "{" + ", ".join(shown) + "}"


def _example_value(item: n.Attribute | n.Block) -> n.Expression:
    """What the example file sets: ``""`` for a value to fill in, or for an
    object its static parts kept and the others ``""``, one a line."""
    parts = _items(item)
    if parts is None:
        return to_node("")
    return multiline_object({_key(p): p.value if _why(p.value) is None else "" for p in parts})


def _name(item: n.Attribute | n.Block) -> str:
    return item.name.text if type(item) is n.Attribute else item.type.text


def _restore_note(file: SourceFile, block: n.Block, offenders: list[_Offender]) -> str:
    """What a reader of the commented-out block needs to restore it."""
    names = [_name(o.item) for o in offenders]
    kinds = {"argument" if type(o.item) is n.Attribute else "block" for o in offenders}
    noun = "/".join(sorted(kinds)) + ("s" if len(names) > 1 else "")
    if block.type.text == "cloud":
        command = " ".join(f"{CLOUD_ENV.get(name, name.upper())}=VALUE" for name in names) + " terraform init"
    else:
        flags = []
        for o in offenders:
            value = _flag_value(file, o.item)
            quote = "'" if value.startswith("{") else '"'
            flags.append(f"-backend-config={quote}{_name(o.item)}={value}{quote}")
        command = "terraform init " + " ".join(flags)
    return (
        f"{_title(block)} commented out by tffix (TFX103): it used values Terraform\n"
        "cannot use there (variables, functions) or placeholders, so state is\n"
        "local until it is restored. To restore it, uncomment the block, delete\n"
        f"the {_listing(names)} {noun} from it, and run:\n"
        f"  {command}\n"
    )


def _example_items(file: SourceFile, backend: str, offenders: list[_Offender]) -> list[n.Attribute]:
    """The example file's settings, each under its old lines commented out
    (nesting kept), the first under a header saying what to do with it."""
    name = f"{file.path.stem}.{backend}.tfbackend"
    header: list[str | None] = [
        f'Settings for the "{backend}" backend, moved out of {file.path.name} by tffix (TFX103):',
        "a backend block cannot use variables, functions or placeholders.",
        f"Copy this file to {name}, fill in real values, and run",
        f"  terraform init -backend-config={name}",
        None,
    ]
    items = []
    for i, offender in enumerate(offenders):
        start, end = file.owned_span(offender.item)
        lines = file.text[start:end].rstrip("\r\n").splitlines()
        depth = min((len(x) - len(x.lstrip(" \t")) for x in lines if x.strip()), default=0)
        old = [line[depth:] for line in lines]
        setting = parse_attribute("{0} = {1}", _name(offender.item), _example_value(offender.item))
        items.append(with_comments(setting, *(header if i == 0 else []), *old))
    return items
