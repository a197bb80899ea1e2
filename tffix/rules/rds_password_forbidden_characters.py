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
    bool_literal,
    parse_attribute,
    references,
    string_value,
)
from ..cst import nodes as n

__all__ = ["RdsPasswordForbiddenCharacters"]

#: database resource type -> its master password argument
PASSWORDS = {
    "aws_db_instance": "password",
    "aws_rds_cluster": "master_password",
    "aws_docdb_cluster": "master_password",
}
FORBIDDEN = '/"@ '
#: random_password's default special set minus what RDS rejects
ALLOWED_SPECIAL = "!#$%&*()-_=+[]{}<>:?"
#: RDS for Oracle also rejects & and '
ORACLE_FORBIDDEN = "&'"


class RdsPasswordForbiddenCharacters(Rule):
    """`random_password` for a database may contain characters RDS rejects

    ## What it does
    Follows `password` / `master_password` of `aws_db_instance`,
    `aws_rds_cluster` and `aws_docdb_cluster` to the `random_password` they
    use, and finds it when its special characters can include `/`, `"`, `@`
    or a space: the default set (`special` left on, no `override_special`) or
    an `override_special` holding one of them (and `&` or `'` for Oracle).

    ## Why is this bad?
    RDS and DocumentDB reject master passwords with those characters
    ("The parameter MasterUserPassword is not a valid password"). The default
    special set of `random_password` (`!@#$%&*()-_=+[]{}<>:?`) includes `@`
    (and `&`, which RDS for Oracle rejects), so the apply fails at random,
    only when the generated password happens to contain one.

    ## Example
    ```hcl
    resource "random_password" "db" {
      length = 24
    }

    resource "aws_db_instance" "main" {
      password = random_password.db.result
    }
    ```

    Use instead:
    ```hcl
    resource "random_password" "db" {
      length           = 24
      override_special = "!#$%&*()-_=+[]{}<>:?"
    }

    resource "aws_db_instance" "main" {
      password = random_password.db.result
    }
    ```

    ## Fix safety
    Unsafe: the default set becomes `override_special` without the rejected
    characters; an existing `override_special` loses only the rejected ones.
    Changing `override_special` replaces the `random_password`, so a
    new password is generated and the database's password changes on the next
    apply. Better still, let RDS own the secret with
    `manage_master_user_password = true` and drop the generated password.

    ## References
    - https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/CHAP_Limits.html#RDS_Limits.Constraints
    - https://registry.terraform.io/providers/hashicorp/random/latest/docs/resources/password
    - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/db_instance#manage_master_user_password
    """

    code = "TFX112"
    name = "rds-password-forbidden-characters"
    severity = Severity.ERROR
    fixable = Applicability.UNSAFE

    valid = (
        (
            'resource "random_password" "p" {\n  length  = 16\n  special = false\n}\n\n'
            'resource "aws_db_instance" "a" {\n  password = random_password.p.result\n}\n'
        ),
        'resource "random_password" "p" {\n  length = 16\n}\n\nresource "aws_instance" "a" {\n  user_data = random_password.p.result\n}\n',
    )
    invalid = (
        Example(
            'resource "random_password" "p" {\n  length = 16\n}\n\n'
            'resource "aws_rds_cluster" "a" {\n  master_password = random_password.p.result\n}\n',
            'resource "random_password" "p" {\n  length           = 16\n  override_special = "!#$%&*()-_=+[]{}<>:?"\n}\n\n'
            'resource "aws_rds_cluster" "a" {\n  master_password = random_password.p.result\n}\n',
            unsafe=True,
        ),
    )

    def check(self, module: TerraformModule) -> Iterator[Diagnostic]:
        passwords = {
            b.label_values[1]: (f, b) for f, b in module.blocks("resource", "random_password") if len(b.labels) > 1
        }
        reported: set[str] = set()
        for kind, argument in PASSWORDS.items():
            for _, db in module.blocks("resource", kind):
                attr = db.body.attribute(argument)
                if attr is None:
                    continue
                for ref in references(attr.value):
                    if len(ref) >= 2 and ref[0] == "random_password" and ref[1] in passwords and ref[1] not in reported:
                        reported.add(ref[1])
                        file, password = passwords[ref[1]]
                        engine = db.body.attribute("engine")
                        oracle = engine is not None and (string_value(engine.value) or "").startswith("oracle")
                        diag = self._password(module, file, password, db, oracle)
                        if diag is not None:
                            yield diag

    def _password(
        self, module: TerraformModule, file: SourceFile, password: n.Block, db: n.Block, oracle: bool
    ) -> Diagnostic | None:
        special = password.body.attribute("special")
        if special is not None and bool_literal(special.value) is False:
            return None
        override = password.body.attribute("override_special")
        label = f"random_password.{password.label_values[1]}"
        user = f"{db.label_values[0]}.{db.label_values[1]}"  # the database, for the message
        forbidden = FORBIDDEN + (ORACLE_FORBIDDEN if oracle else "")
        allowed = "".join(ch for ch in ALLOWED_SPECIAL if ch not in forbidden)
        rewrite = FixBuilder(module, file)
        if override is None:
            which = "@ or &" if oracle else "@"
            message = f"{label} (the password of {user}) can contain {which}, which RDS rejects; set override_special"
            if not rewrite.add_argument(password, parse_attribute("override_special = {0}", allowed)):
                return module.diagnostic(self, file, password.labels[1], message)
        else:
            text = string_value(override.value)
            if text is None or not any(ch in forbidden for ch in text):
                return None
            message = f"{label}: override_special holds characters RDS rejects (the password of {user})"
            kept = "".join(ch for ch in text if ch not in forbidden)
            rewrite.set_attribute(password, "override_special", kept or allowed)
        fix = rewrite.build("Use RDS-safe special characters", Applicability.UNSAFE)
        return module.diagnostic(self, file, password.labels[1], message, fix=fix)
