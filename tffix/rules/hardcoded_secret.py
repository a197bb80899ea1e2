from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, ClassVar

from ..api import (
    Applicability,
    Diagnostic,
    Example,
    Fix,
    FixBuilder,
    Option,
    Rule,
    Severity,
    SourceFile,
    TerraformModule,
    is_identifier,
    module_schemas,
    parse_attribute,
    placeholder,
    ref,
    template,
    template_text,
)
from ..cst import nodes as n
from .provider_schema_rules import PROVIDER_SCHEMAS, refuse_unusable

__all__ = ["HardcodedSecret"]

#: how argument (and object key, and variable) names that hold a secret end
SECRET_SUFFIXES = (
    "password", "passwd", "pwd", "passphrase", "secret", "token", "api_key", "apikey", "private_key",
    "access_key", "secret_key", "shared_key", "auth_key", "secret_string", "secret_data", "pre_shared_key",
    "app_key", "application_key",
)  # fmt: skip
#: arguments that hold a secret by what their resource is: (resource type, argument, condition
#: (argument, value) or None)
SECRET_VALUES = {
    ("aws_ssm_parameter", "value"): ("type", "SecureString"),
    ("azurerm_key_vault_secret", "value"): None,
    ("github_actions_secret", "plaintext_value"): None,
    ("github_actions_environment_secret", "plaintext_value"): None,
    ("github_actions_organization_secret", "plaintext_value"): None,
    ("github_dependabot_secret", "plaintext_value"): None,
    ("github_dependabot_organization_secret", "plaintext_value"): None,
    ("github_codespaces_secret", "plaintext_value"): None,
}
#: names ending so that hold no secret: ids AWS asks for to make a call idempotent
NOT_SECRETS = frozenset(
    {"creation_token", "client_token", "idempotency_token", "client_request_token", "continuation_token", "next_token"}
)
#: names that say what to do with a secret, not what it is (`manage_master_user_password = true`)
NOT_SECRET_PREFIXES = (
    "manage_", "enable_", "create_", "use_", "generate_", "is_", "has_", "require_", "rotate_", "random_", "auto_",
    "existing_",
)  # fmt: skip
#: resources whose master password RDS can keep in Secrets Manager
RDS = frozenset({"aws_db_instance", "aws_rds_cluster"})
RDS_PASSWORDS = frozenset({"password", "master_password"})
#: arguments whose value is a boot script
SCRIPTS = frozenset({"user_data", "custom_data", "metadata_startup_script", "startup_script", "startup-script"})
#: blocks whose arguments are configuration
BLOCKS = frozenset({"resource", "data", "provider", "module", "locals", "terraform"})
#: `NAME=value` in a script, NAME saying it is a secret
ASSIGNMENT = re.compile(
    r"(?im)^[ \t]*(?:export[ \t]+|set[ \t]+|ENV[ \t]+)?"
    r"(?P<name>[A-Z0-9_]*(?:PASSWORD|PASSWD|SECRET|TOKEN|API_KEY|APIKEY|ACCESS_KEY|SECRET_KEY|PRIVATE_KEY)[A-Z0-9_]*)"
    r"[ \t]*[=:][ \t]*(?P<quote>['\"]?)(?P<value>[^\s'\"$`]+)(?P=quote)(?=[\s;]|$)"
)
#: a password or key in a connection string: Server=...;Password=...; AccountKey=...;
CONNECTION_SECRET = re.compile(
    r"(?i)(?:^|;)[ \t]*(?:password|pwd|accountkey|sharedaccesskey)[ \t]*=[ \t]*(?P<value>[^;\s'\"$]+)(?=;|$)"
)
#: an AWS access key id (the documented example ids end in EXAMPLE)
ACCESS_KEY_ID = re.compile(r"(?<![A-Z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Z0-9])")
PEM = re.compile(r"-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----")
PEM_END = re.compile(r"-----END [A-Z ]*PRIVATE KEY(?: BLOCK)?-----")
#: what a string must contain for ``_anywhere`` to read it
_MAY_HOLD = re.compile(r"AKIA|ASIA|PRIVATE KEY|;|://")
#: a password in a URL: scheme://user:password@host
URL_PASSWORD = re.compile(r"(?i)\b[a-z][a-z0-9+.-]*://[^/\s:@]+:(?P<value>[^/\s@]+)@")
#: values that name where a secret is, not the secret
_PATHLIKE = re.compile(r"^(?:/|\./|\.\./|~/|[a-z]:\\)|\.(?:pem|key|json|p12|pfx|crt|txt)$", re.IGNORECASE)
_KEYWORDS = frozenset({"true", "false", "null", "none", "yes", "no", "on", "off"})
#: values test fixtures and tutorials use for any secret: obvious dummies, as placeholders are
DUMMIES = frozenset({
    "secret", "password", "passwd", "token", "test", "testing", "example", "sample", "dummy", "foo", "bar",
    "baz", "foobar", "abc123", "changeit", "string", "value", "undefined", "admin", "mysecret", "mypassword",
})  # fmt: skip
_DASH = str.maketrans("-", "_")
#: ``\n`` written in a quoted string
_ESCAPED_NEWLINE = re.compile(r"\\n")
#: shortest value reported (shorter ones are test values, not credentials)
MIN_LENGTH = 4


@lru_cache(maxsize=4096)  # the same few hundred names, asked for every argument of every block
def secret_name(name: str) -> bool:
    """Whether an argument, key or variable of this name holds a secret:
    ``password``, ``master_password``, ``client_secret``, ``DB_PASSWORD``,
    ``api_key``... (not ``password_length``, ``secret_arn``, ``token_url``,
    ``kms_key_id``, ``secret_name``, ``manage_master_user_password``)."""
    name = name.lower().translate(_DASH)
    name = name.removesuffix("_wo")  # write-only arguments (password_wo) hold the same
    if name in NOT_SECRETS or name.startswith(NOT_SECRET_PREFIXES):
        return False
    return any(name == s or (name.endswith(s) and name[-len(s) - 1] == "_") for s in SECRET_SUFFIXES)


def _is_secret_value(text: str, argument: str = "") -> bool:
    stripped = text.strip()
    lowered = stripped.lower()
    if len(stripped) < MIN_LENGTH or lowered in _KEYWORDS or lowered in DUMMIES:
        return False
    if lowered == argument.lower() or lowered == argument.lower().rsplit("_", 1)[-1]:
        return False  # password = "password", api_key = "API_KEY"
    if placeholder(stripped, argument) is not None:
        return False  # TFX120 reports those
    if stripped.startswith(("arn:", "${", "projects/", "https://", "http://")) or _PATHLIKE.search(stripped):
        return False
    return not re.fullmatch(r"[0-9.]+", stripped)


@dataclass(frozen=True)
class _Place:
    """Where an argument sits: its top-level block and the address the
    messages give it (``aws_db_instance.main``, ``provider.aws``, ``module.db``)."""

    block: n.Block
    label: str  # a name for messages
    stem: str  # a name for new variables
    #: the new variables named so far in the module, each with the secret it holds
    taken: dict[str, str]


def _place(block: n.Block, taken: dict[str, str]) -> _Place:
    kind, labels = block.type.text, block.label_values
    if kind in ("resource", "data") and len(labels) >= 2:
        prefix = "data." if kind == "data" else ""
        return _Place(block, prefix + ".".join(labels[:2]), labels[1], taken)
    if labels:
        return _Place(block, kind + "." + labels[0], labels[0], taken)
    return _Place(block, kind, "", taken)


def _variable_name(place: _Place, argument: str, secret: str, *, key: bool = False, path: tuple[str, ...] = ()) -> str:
    """The new variable for ``secret``: see ``_name``; a name already given to
    another secret of the module gets the block's name in front, else a
    number after (one variable, one secret: the same secret twice shares it)."""
    candidate = _name(place, argument, key=key, path=path)
    stem = place.stem.lower().translate(_DASH)
    options = [candidate]
    words = [stem, candidate]
    prefixed = "_".join(words)
    named = candidate.startswith(stem) and candidate[len(stem) : len(stem) + 1] == "_"  # already the block's
    if stem and not named and is_identifier(prefixed):
        options.append(prefixed)
    options += ["_".join((candidate, str(i))) for i in range(2, 100)]
    name = next(o for o in options if place.taken.get(o, secret) == secret)
    place.taken[name] = secret
    return name


def _ends_with_word(word: str, name: str) -> bool:
    """Whether ``name`` ends with ``word`` after an underscore (``db_password``, ``password``)."""
    return name.endswith(word) and name[-len(word) - 1 : -len(word)] == "_" if word else False


def _name(place: _Place, argument: str, *, key: bool = False, path: tuple[str, ...] = ()) -> str:
    """``db_password`` for ``password`` of ``aws_db_instance.db``,
    ``aws_secret_key`` for the AWS provider's ``secret_key``, ``fn_db_password``
    for the ``DB_PASSWORD`` key of ``aws_lambda_function.fn``, ``config_password``
    for a ``password`` key in ``local.config``. An argument
    of a nested block gets the block's name too (``vm_os_profile_admin_password``),
    so that two secrets of one resource never share a variable."""
    base = argument.lower().translate(_DASH).removesuffix("_wo")
    base = "secret_value" if base == "value" else base
    stem = place.stem.lower().translate(_DASH)
    alone = not stem or base.split("_")[0] == stem or stem == base or _ends_with_word(base, stem)
    parts: tuple[str, ...] = (base,) if alone else (stem, base)
    if path and not alone:
        parts = (stem, path[-1].lower().translate(_DASH), base)
    candidate = "_".join(parts)
    return candidate if is_identifier(candidate) else "secret_value"


def _secret_by_resource(block: n.Block, attribute: n.Attribute) -> bool:
    """``value`` of a SecureString parameter or a Key Vault secret."""
    if block.type.text != "resource" or not block.labels or block.body.attribute(attribute.name.text) is not attribute:
        return False
    key = (block.label_values[0], attribute.name.text)
    if key not in SECRET_VALUES:
        return False
    condition = SECRET_VALUES[key]
    if condition is None:
        return True
    other = block.body.attribute(condition[0])
    literal = _literal(other.value) if other is not None else None
    return literal is not None and literal[0] == condition[1]


def _literal(value: n.Node) -> tuple[str, tuple[str, ...]] | None:
    """A literal string value (quoted or heredoc, no interpolation): what it
    reads as, and the texts to mask (as it reads and as it is written)."""
    if not isinstance(value, (n.Template, n.Heredoc)):
        return None
    text = template_text(value)
    if text is None:
        return None
    raw = "".join(p.token.text for p in value.parts if type(p) is n.TemplateLiteral)
    return text, _masks(text, raw)


def _masks(*texts: str) -> tuple[str, ...]:
    """The texts outputs must mask: each whole, and each line of one that
    spans lines (outputs show one line at a time)."""
    out: list[str] = []
    for text in texts:
        for piece in (text, *text.splitlines()):
            piece = piece.strip()
            if len(piece) >= MIN_LENGTH and not piece.startswith("-----") and piece not in out:
                out.append(piece)
    return tuple(out)


def _walk(body: n.Body) -> Iterator[tuple[tuple[str, ...], n.Attribute]]:
    """Every attribute of a body and of its nested blocks (a stack, not
    recursion), with the path of nested block types holding it (a
    ``dynamic "x"`` block's ``content`` counts as a block ``x``; its other
    arguments, ``for_each`` and ``iterator``, are not read)."""
    stack: list[tuple[tuple[str, ...], Iterator[n.Node]]] = [((), iter(body.items))]
    while stack:
        path, items = stack[-1]
        item = next(items, None)
        if item is None:
            stack.pop()
        elif type(item) is n.Attribute:
            yield path, item
        elif type(item) is n.Block:
            content = item.body.block("content") if item.type.text == "dynamic" and item.labels else None
            if content is not None:
                stack.append((path + (item.label_values[0],), iter(content.body.items)))
            else:
                stack.append((path + (item.type.text,), iter(item.body.items)))


def _object_items(value: n.Node) -> Iterator[n.ObjectItem | n.Object]:
    """Every object item (and object) inside a value: maps, lists of maps,
    ``jsonencode(...)`` and ``templatefile(...)`` arguments."""
    stack: list[n.Node] = [value]
    while stack:
        node = stack.pop()
        if type(node) is n.Object:
            yield node
            for item in reversed(node.items):
                if type(item) is n.ObjectItem:
                    yield item
                    stack.append(item.value)
        elif type(node) is n.Tuple:
            stack.extend(e.value for e in reversed(node.elements))
        elif type(node) is n.FunctionCall:
            stack.extend(e.value for e in reversed(node.args))
        elif type(node) is n.Parens:
            stack.append(node.expr)


def _literals(node: n.Node) -> Iterator[n.TemplateLiteral]:
    """The literal parts of every string inside ``node``."""
    stack: list[n.Node] = [node]
    while stack:
        current = stack.pop()
        if type(current) is n.TemplateLiteral:
            yield current
            continue
        stack.extend(c for c in reversed(list(current.children())) if isinstance(c, n.Node))


class HardcodedSecret(Rule):
    """Secret written into the configuration

    ## What it does
    Finds literal values in arguments that hold secrets: arguments the
    provider's schema marks `sensitive` (the values of a sensitive map
    too), when the schema comes from `terraform providers schema -json`
    (`provider-schemas` or `--provider-schema`; the snapshots tffix ships
    do not record sensitivity); arguments (and map
    keys, such as a Lambda function's environment variables) named like
    `password`, `master_password`, `admin_password`, `secret`,
    `client_secret`, `token`, `api_key`, `private_key`, `access_key`,
    `secret_key`, `secret_string`; the `value` of a `SecureString`
    `aws_ssm_parameter` and of an `azurerm_key_vault_secret`, the
    `plaintext_value` of GitHub Actions, Dependabot and Codespaces secrets; the `default`
    of a variable named so, or a secret's key in an object default;
    AWS access key ids (`AKIA...`) and private keys (`-----BEGIN ...
    PRIVATE KEY-----`) in any string; passwords in URLs
    (`postgres://user:password@host`) and connection strings
    (`...;Password=...;`, `AccountKey=...`); and `NAME=value` assignments of
    secrets in boot scripts (`user_data`, `custom_data`,
    `metadata_startup_script`); `name: value` (YAML) and `"name": "value"`
    (JSON, and `{"name": "DB_PASSWORD", "value": "..."}` pairs) secrets in
    any heredoc (Helm `values`, ECS `container_definitions`); `env`-like
    blocks with a secret's `name` and a literal `value` (Kubernetes).
    References, empty values and placeholders (TFX120 reports those) are not reported, nor are names that only speak
    of a secret (`password_length`, `secret_arn`, `kms_key_id`,
    `manage_master_user_password`).

    ## Why is this bad?
    A secret in the code is in every clone, every CI log that prints the
    plan, the state file and the provider's console (user data is readable
    by anyone who can describe the instance). It cannot be rotated without a
    commit, and generated Terraform writes one "to make it work" more often
    than not. The value belongs in a secret store or a sensitive variable.

    ## Example
    ```hcl
    resource "aws_db_instance" "db" {
      engine   = "postgres"
      username = "app"
      password = "Sup3rS3cret!"
    }
    ```

    Use instead:
    ```hcl
    resource "aws_db_instance" "db" {
      engine                      = "postgres"
      username                    = "app"
      manage_master_user_password = true
    }
    ```

    ## Fix safety
    Unsafe, and the secret is never shown: messages, snippets, JSON, SARIF,
    the language server and `--diff` print `****` in its place. For
    `aws_db_instance` and `aws_rds_cluster`, the password gives way to
    `manage_master_user_password = true` (RDS keeps the password in Secrets
    Manager; the password changes). Elsewhere the value becomes a new
    variable with `sensitive = true` and no default, so every caller must
    now pass it (a declared `string` variable of that name is reused). The
    variable is named after the block and the argument or key
    (`worker_db_password`), so that two secrets never share one. A
    variable's literal default is removed and the variable marked
    `sensitive`. A secret inside a script, a heredoc or a URL becomes `${var.<name>}`
    there, with the same kind of variable (the script still receives it at
    boot, but the code no longer holds it). Private keys and access key ids
    are reported without a fix: a key belongs in a secret store, or is
    replaced by a role, and that is the author's call.

    ## References
    - https://developer.hashicorp.com/terraform/language/values/variables#suppressing-values-in-cli-output
    - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/db_instance#manage_master_user_password
    - https://docs.aws.amazon.com/secretsmanager/latest/userguide/hardcoded.html
    """

    code = "TFX122"
    name = "hardcoded-secret"
    severity = Severity.WARNING
    fixable = Applicability.UNSAFE
    options: ClassVar[dict[str, Option]] = {"provider_schemas": PROVIDER_SCHEMAS}

    valid = (
        'resource "aws_db_instance" "a" {\n  manage_master_user_password = true\n  password_length             = 32\n}\n',
        'resource "aws_db_instance" "a" {\n  password = var.db_password\n}\n',
        'resource "aws_db_instance" "a" {\n  password = "CHANGE_ME"\n}\n',
        'variable "db_password" {\n  type      = string\n  sensitive = true\n}\n',
        'resource "aws_efs_file_system" "a" {\n  creation_token = "shared-files"\n}\n',
    )
    invalid = (
        Example(
            'resource "aws_db_instance" "a" {\n  username = "app"\n  password = "Sup3rS3cret!"\n}\n',
            'resource "aws_db_instance" "a" {\n  username                    = "app"\n'
            "  manage_master_user_password = true\n}\n",
            unsafe=True,
        ),
        Example(
            'variable "api_token" {\n  type    = string\n  default = "tok-8f2a9c1e"\n}\n',
            'variable "api_token" {\n  type      = string\n  sensitive = true\n}\n',
            unsafe=True,
        ),
    )

    def __init__(self, **settings: Any) -> None:
        super().__init__(**settings)
        refuse_unusable(self.settings["provider_schemas"])

    def check(self, module: TerraformModule) -> Iterator[Diagnostic]:
        sensitive = self._schema_sensitive(module)
        taken: dict[str, str] = {}
        for file in module.parsed():
            assert file.tree is not None
            for item in file.tree.body.items:
                if type(item) is not n.Block:
                    continue
                if item.type.text == "variable":
                    yield from self._variable(module, file, item)
                elif item.type.text in BLOCKS:
                    yield from self._block(module, file, item, sensitive, taken)

    def _schema_sensitive(self, module: TerraformModule) -> Sensitive:
        """Whether the user's provider schemas mark an argument ``sensitive``
        (the snapshots tffix ships do not record it, so without
        ``provider_schemas`` nothing is, and no schema is loaded)."""
        files: list[str] = self.settings["provider_schemas"]
        if not files:
            return _nothing_sensitive
        trees = [f.tree for f in module.parsed() if f.tree is not None]
        schemas = module_schemas(trees, files, module.inputs.read_bytes)

        def sensitive(block: n.Block, path: tuple[str, ...], name: str) -> bool:
            if block.type.text not in ("resource", "data") or len(block.labels) != 2:
                return False
            candidates = schemas.for_block(block)
            found = candidates.blocks(block.type.text, block.label_values[0]) if candidates else None
            for schema in found or ():
                for step in path:
                    nested = schema.blocks.get(step)
                    if nested is None:
                        break
                    schema = nested.block
                else:
                    attribute = schema.attributes.get(name)
                    if attribute is not None and attribute.sensitive:
                        return True
            return False

        return sensitive

    # -- variables -------------------------------------------------------

    def _variable(self, module: TerraformModule, file: SourceFile, block: n.Block) -> Iterator[Diagnostic]:
        """A literal default of a variable named like a secret, or a secret
        under a secret's key in an object default (``{ password = "..." }``)."""
        name = block.label_values[0] if block.labels else ""
        default = block.body.attribute("default")
        if default is None:
            return
        found: tuple[n.Node, tuple[str, ...], str] | None = None
        literal = _literal(default.value) if secret_name(name) else None
        if literal is not None and _is_secret_value(literal[0], name):
            found = default.value, literal[1], ""
        else:
            for item in _object_items(default.value):
                key = item.key_name or "" if type(item) is n.ObjectItem else ""
                inner = _literal(item.value) if type(item) is n.ObjectItem and secret_name(key) else None
                if type(item) is n.ObjectItem and inner is not None and _is_secret_value(inner[0], key):
                    found = item.value, inner[1], key
                    break
        if found is None:
            return
        where, secrets, key = found
        rewrite = FixBuilder(module, file)
        rewrite.remove(default)
        sensitive = block.body.attribute("sensitive")
        if sensitive is None or file.source(sensitive.value) != "true":
            rewrite.set_attribute(block, "sensitive", True)
        fix = rewrite.build("Remove the default and mark the variable sensitive", Applicability.UNSAFE)
        yield module.diagnostic(
            self,
            file,
            where,
            f'variable "{name}": its default holds a hard-coded secret ({key}: "****"); pass it in and mark it sensitive'
            if key
            else f'variable "{name}": its default is a hard-coded secret ("****"); pass it in and mark it sensitive',
            fix=fix,
            secrets=secrets,
        )

    # -- arguments ---------------------------------------------------------

    def _block(
        self, module: TerraformModule, file: SourceFile, block: n.Block, sensitive: Sensitive, taken: dict[str, str]
    ) -> Iterator[Diagnostic]:
        place = _place(block, taken)
        reported: list[tuple[int, int]] = []
        local = block.type.text == "locals"
        for path, attribute in _walk(block.body):
            name = attribute.name.text
            # a local's secret is named after the local
            where = _Place(block, place.label, name, taken) if local else place
            marked = sensitive(block, path, name)
            if marked or secret_name(name) or _secret_by_resource(block, attribute):
                literal = _literal(attribute.value)
                if literal is not None and _is_secret_value(literal[0], name):
                    reported.append(file.span(attribute.value))
                    yield self._argument(module, file, where, attribute, literal[1], path)
                    continue
            for found in _object_items(attribute.value):
                # a sensitive map (`data` of a Kubernetes secret): each of its values is one
                whole = marked and any(found is item for item in _items(attribute.value))
                diag = self._object_secret(module, file, where, found, whole)
                if diag is not None:
                    reported.append(diag.offsets)
                    yield diag
            # a boot script; any heredoc (JSON, YAML, a script) of any argument
            for text in [attribute.value] if name in SCRIPTS else _heredocs(attribute.value):
                for diag in self._script(module, file, where, text, name):
                    reported.append(diag.offsets)
                    yield diag
            if name in SCRIPTS:
                continue
            if type(attribute.value) is n.Object:
                for item in attribute.value.items:
                    if type(item) is n.ObjectItem and (item.key_name or "") in SCRIPTS:
                        for diag in self._script(module, file, where, item.value, item.key_name or ""):
                            reported.append(diag.offsets)
                            yield diag
        for pair in _name_value_blocks(block.body):
            name_literal = _literal(pair.body.attribute("name").value)  # type: ignore[union-attr]
            value = pair.body.attribute("value")
            assert value is not None
            diag = self._keyed_secret(module, file, place, name_literal[0] if name_literal else "", value.value)
            if diag is not None:
                reported.append(diag.offsets)
                yield diag
        if _MAY_HOLD.search(file.text):  # the file holds no such string: skip walking its literals
            yield from self._anywhere(module, file, place, block, reported)

    def _argument(
        self,
        module: TerraformModule,
        file: SourceFile,
        place: _Place,
        attribute: n.Attribute,
        secrets: tuple[str, ...],
        path: tuple[str, ...],
    ) -> Diagnostic:
        name = attribute.name.text
        block = place.block
        kind = block.label_values[0] if block.type.text == "resource" and block.labels else ""
        rewrite = FixBuilder(module, file)
        engine_mode = block.body.attribute("engine_mode")
        serverless_v1 = engine_mode is not None and (_literal(engine_mode.value) or ("",))[0] == "serverless"
        if kind in RDS and name in RDS_PASSWORDS and block.body.attribute(name) is attribute and not serverless_v1:
            if block.body.attribute("manage_master_user_password") is None:
                rewrite.replace(attribute, parse_attribute("manage_master_user_password = true"))
            else:
                rewrite.remove(attribute)
            fix = rewrite.build(
                "Let RDS manage the password (manage_master_user_password = true)", Applicability.UNSAFE
            )
            advice = "let RDS keep it in Secrets Manager with manage_master_user_password = true"
        else:
            variable = rewrite.ensure_variable(
                _variable_name(place, name, secrets[0], path=path),
                type="string",
                description=f"{name} of {place.label} (a secret: pass it in, never commit it).",
                sensitive=True,
            )
            rewrite.replace(attribute.value, ref("var", variable))
            fix = rewrite.build(f"Use a sensitive variable, var.{variable}", Applicability.UNSAFE)
            advice = f"pass it in as the sensitive var.{variable}"
        message = f'{place.label}: {name} is a hard-coded secret ("****"); {advice}'
        return module.diagnostic(self, file, attribute.value, message, fix=fix, secrets=secrets)

    def _object_secret(
        self,
        module: TerraformModule,
        file: SourceFile,
        place: _Place,
        found: n.ObjectItem | n.Object,
        whole: bool = False,
    ) -> Diagnostic | None:
        """``DB_PASSWORD = "..."`` in a map, or ``{ name = "DB_PASSWORD",
        value = "..." }`` (ECS and Kubernetes environment lists); with
        ``whole``, an item of a map the schema marks sensitive, whatever its key."""
        if type(found) is n.ObjectItem:
            key, value = found.key_name or "", found.value
        else:
            name, value_item = found.item("name"), found.item("value")
            if name is None or value_item is None:
                return None
            key_literal = _literal(name.value)
            key, value = (key_literal[0] if key_literal else ""), value_item.value
        return self._keyed_secret(module, file, place, key, value, whole)

    def _keyed_secret(
        self, module: TerraformModule, file: SourceFile, place: _Place, key: str, value: n.Node, whole: bool = False
    ) -> Diagnostic | None:
        """A literal secret ``value`` under ``key`` (a map key, or the name of a name/value pair)."""
        if not (whole or secret_name(key)):
            return None
        literal = _literal(value)
        if literal is None or not _is_secret_value(literal[0], key):
            return None
        rewrite = FixBuilder(module, file)
        variable = rewrite.ensure_variable(
            _variable_name(place, key, literal[0], key=True),
            type="string",
            description=f"{key} of {place.label} (a secret: pass it in, never commit it).",
            sensitive=True,
        )
        rewrite.replace(value, ref("var", variable))
        fix = rewrite.build(f"Use a sensitive variable, var.{variable}", Applicability.UNSAFE)
        message = f'{place.label}: {key} is a hard-coded secret ("****"); pass it in as the sensitive var.{variable}'
        return module.diagnostic(self, file, value, message, fix=fix, secrets=literal[1])

    # -- text inside strings -------------------------------------------------

    def _script(
        self, module: TerraformModule, file: SourceFile, place: _Place, value: n.Node, argument: str
    ) -> Iterator[Diagnostic]:
        """``NAME=value`` / ``name: value`` assignments of secrets, and JSON
        (``"password": "..."``, ``{"name": "DB_PASSWORD", "value": "..."}``),
        in a boot script or any heredoc."""
        advice = " (or read it at boot from a secret store)" if argument in SCRIPTS else ""
        for part in _literals(value):
            text = part.token.text
            start = file.span(part.token)[0]
            for match in _script_secrets(text):
                secret = match.group("value")
                if match.end("value") == len(text) and not _ends_string(value, part):
                    continue  # the value goes on in an interpolation: not a literal
                name = match.group("name")
                if not _is_secret_value(secret, name):
                    continue
                where = (start + match.start("value"), start + match.end("value"))
                fix = self._splice_fix(module, file, place, value, part, match.span("value"), _snake(name))
                message = (
                    f'{place.label}: {argument} sets {name} to a hard-coded secret ("****"); '
                    f"pass it in as a sensitive variable{advice}"
                )
                yield module.diagnostic(self, file, where, message, fix=fix, secrets=_masks(secret))

    def _splice_fix(
        self,
        module: TerraformModule,
        file: SourceFile,
        place: _Place,
        value: n.Node,
        part: n.TemplateLiteral,
        span: tuple[int, int],
        name: str,
    ) -> Fix | None:
        """The secret inside a string becomes ``${var.<name>}``, a new sensitive variable."""
        string = _string_of(value, part)
        if string is None:
            return None
        rewrite = FixBuilder(module, file)
        variable = rewrite.ensure_variable(
            _variable_name(place, name, part.token.text[span[0] : span[1]], key=True),
            type="string",
            description=f"{name} of {place.label} (a secret: pass it in, never commit it).",
            sensitive=True,
        )
        rewrite.replace(string, _spliced(string, part, *span, ref("var", variable)))
        return rewrite.build(f"Use a sensitive variable, var.{variable}", Applicability.UNSAFE)

    def _anywhere(
        self, module: TerraformModule, file: SourceFile, place: _Place, block: n.Block, reported: list[tuple[int, int]]
    ) -> Iterator[Diagnostic]:
        """Access key ids, private keys and URL passwords in any string of the block."""

        def seen(start: int, end: int) -> bool:
            return any(a <= start and end <= b for a, b in reported)

        for part in _literals(block.body):
            text = part.token.text
            if not _MAY_HOLD.search(text):
                continue  # most strings: no need to find where they are
            base = file.span(part.token)[0]
            for match in ACCESS_KEY_ID.finditer(text):
                key_id = match.group()
                where = (base + match.start(), base + match.end())
                if "EXAMPLE" in key_id or seen(*where):
                    continue
                message = f'{place.label}: an AWS access key id ("****") is written into the code; use a role or a secret store'
                yield module.diagnostic(self, file, where, message, secrets=(key_id,))
            for match in PEM.finditer(text):
                where = (base + match.start(), base + match.end())
                if seen(*where):
                    continue
                # a heredoc holds each line of the key as its own literal: read on in the file
                whole = file.text
                end = PEM_END.search(whole, where[1])
                body = whole[where[1] : end.start() if end else where[1] + len(text) - match.end()]
                secrets = _masks(_ESCAPED_NEWLINE.sub("\n", body), body)
                message = f"{place.label}: a private key is written into the code; read it from a secret store"
                yield module.diagnostic(self, file, where, message, secrets=secrets)
            for match in CONNECTION_SECRET.finditer(text) if ";" in text else ():
                secret = match.group("value")
                where = (base + match.start("value"), base + match.end("value"))
                if seen(*where) or not _is_secret_value(secret, "password"):
                    continue
                fix = self._splice_fix(module, file, place, block.body, part, match.span("value"), "password")
                message = (
                    f'{place.label}: a connection string holds a hard-coded secret ("****"); '
                    "pass it in as a sensitive variable"
                )
                yield module.diagnostic(self, file, where, message, fix=fix, secrets=(secret,))
            for match in URL_PASSWORD.finditer(text):
                secret = match.group("value")
                where = (base + match.start("value"), base + match.end("value"))
                if seen(*where) or not _is_secret_value(secret, "password"):
                    continue
                fix = self._splice_fix(module, file, place, block.body, part, match.span("value"), "password")
                message = (
                    f'{place.label}: a URL holds a hard-coded password ("****"); pass it in as a sensitive variable'
                )
                yield module.diagnostic(self, file, where, message, fix=fix, secrets=(secret,))


#: ``"password": "..."`` in JSON text
JSON_SECRET = re.compile(r'"(?P<name>[A-Za-z0-9_.:-]+)"[ \t]*:[ \t]*"(?P<value>[^"\\\s]+)"')
#: ``{"name": "DB_PASSWORD", "value": "..."}`` in JSON text (an ECS container's environment)
JSON_PAIR = re.compile(r'"name"[ \t]*:[ \t]*"(?P<name>[^"]+)"[ \t]*,[ \t]*"value"[ \t]*:[ \t]*"(?P<value>[^"\\\s]+)"')
_DOTS = re.compile(r"[.:-]")
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")


def _script_secrets(text: str) -> Iterator[re.Match[str]]:
    """The secret assignments of a piece of a script, YAML or JSON text. An
    environment variable (``PGPASSWORD=``) counts by the words in it; any
    other name (``adminPassword:``, ``"db.password":``) by what it ends with,
    as for arguments (``passwordKey:`` and ``existingSecret:`` name where a
    secret is)."""
    for match in ASSIGNMENT.finditer(text):
        name = match.group("name")
        if name.isupper() or secret_name(_snake(name)):
            yield match
    for pattern in (JSON_SECRET, JSON_PAIR):
        for match in pattern.finditer(text):
            if secret_name(_snake(match.group("name"))):
                yield match


def _snake(name: str) -> str:
    """``adminPassword`` -> ``admin_password``, ``db.password`` -> ``db_password``."""
    return _DOTS.sub("_", _CAMEL.sub("_", name)).lower()


def _heredocs(value: n.Node) -> Iterator[n.Heredoc]:
    """The heredocs inside a value (itself, in a list, in a call's arguments;
    not inside quoted strings)."""
    stack = [value]
    while stack:
        node = stack.pop()
        if type(node) is n.Heredoc:
            yield node
        elif type(node) is not n.Template and not isinstance(node, _LEAVES):
            stack.extend(c for c in reversed(list(node.children())) if isinstance(c, n.Node))


#: expressions that hold no heredoc
_LEAVES = (n.Variable, n.GetAttr, n.Literal)


def _name_value_blocks(body: n.Body) -> Iterator[n.Block]:
    """Nested blocks holding a ``name`` and a ``value`` (a Kubernetes
    container's ``env``, an ECS or Batch ``environment``)."""
    stack = [body]
    while stack:
        for item in stack.pop().items:
            if type(item) is n.Block:
                inner = item.body
                if inner.attribute("name") is not None and inner.attribute("value") is not None:
                    yield item
                stack.append(inner)


#: whether the schema marks an argument sensitive: (top-level block, nested block path, name)
Sensitive = Callable[[n.Block, tuple[str, ...], str], bool]


def _nothing_sensitive(block: n.Block, path: tuple[str, ...], name: str) -> bool:
    return False


def _items(value: n.Node) -> tuple[n.ObjectItem, ...]:
    """The items of a map written as an object (none for anything else)."""
    if type(value) is not n.Object:
        return ()
    return tuple(item for item in value.items if type(item) is n.ObjectItem)


def _string_of(value: n.Node, part: n.TemplateLiteral) -> n.Template | n.Heredoc | None:
    """The string (quoted or heredoc) inside ``value`` that ``part`` is a piece of."""
    stack: list[n.Node] = [value]
    while stack:
        node = stack.pop()
        if isinstance(node, (n.Template, n.Heredoc)) and any(p is part for p in node.parts):
            return node
        stack.extend(c for c in node.children() if isinstance(c, n.Node))
    return None


def _ends_string(value: n.Node, part: n.TemplateLiteral) -> bool:
    """Whether ``part`` is the last piece of its string (nothing is interpolated after it)."""
    string = _string_of(value, part)
    return string is None or string.parts[-1] is part


def _spliced(
    string: n.Template | n.Heredoc, part: n.TemplateLiteral, start: int, end: int, expr: n.Expression
) -> n.Template | n.Heredoc:
    """``string`` with ``part``'s text from ``start`` to ``end`` (offsets in
    the text as written) replaced by an interpolation of ``expr``."""
    (interpolation,) = template(expr).parts
    text = part.token.text
    pieces: list[n.TemplatePart] = []
    for piece in string.parts:
        if piece is not part:
            pieces.append(piece)
            continue
        if start:
            pieces.append(n.TemplateLiteral(part.token._replace(text=text[:start])))
        pieces.append(interpolation)
        if end < len(text):
            pieces.append(n.TemplateLiteral(part.token._replace(text=text[end:])))
    return string.with_changes(parts=tuple(pieces))
