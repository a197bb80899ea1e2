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
    is_identifier,
    placeholder,
    ref,
    template_text,
)
from ..api import matchers as m
from ..cst import nodes as n

__all__ = ["PlaceholderValue"]

#: top-level blocks whose arguments are configuration (not `variable` defaults,
#: `output`s or the `terraform` block, which TFX103 reads for backends)
_BLOCKS = m.Block(m.OneOf("resource", "data", "module", "provider", "locals"))
#: arguments that hold prose, where "TODO" or "<name>" is documentation
_PROSE = frozenset({"description", "comment", "comments", "notes", "note", "documentation", "display_name", "title"})
#: arguments too generic to name a variable alone: `name` becomes `<label>_name`
_GENERIC = frozenset({"name", "id", "value", "key", "arn", "identifier", "type", "source", "path", "prefix"})
#: arguments Terraform reads before variables exist: never replaced by one
_META = frozenset({("module", "source"), ("module", "version"), ("provider", "alias")})
#: meta-arguments: references Terraform resolves itself, never values
_META_ARGUMENTS = frozenset({"provider", "providers", "depends_on"})
_DASH = str.maketrans("-", "_")
#: Route 53 zones and records, whose `name` is a DNS name
_DOMAIN_NAMES = frozenset({"aws_route53_zone", "aws_route53_record", "google_dns_managed_zone", "azurerm_dns_zone"})


def _strings(attribute: n.Attribute) -> Iterator[tuple[n.Node, str, bool]]:
    """(node, text, in_list) for a quoted string value or the strings of a
    list value; heredocs and templates with interpolation are not read."""
    value = attribute.value
    if type(value) is n.Template:
        text = template_text(value)
        if text is not None:
            yield value, text, False
    elif type(value) is n.Tuple:
        for element in value.elements:
            if type(element.value) is n.Template:
                text = template_text(element.value)
                if text is not None:
                    yield element.value, text, True


def _attributes(body: n.Body) -> Iterator[n.Attribute]:
    """Every attribute of a body and of its nested blocks, in source order
    (a stack, not recursion: generated files nest blocks thousands deep)."""
    stack = [iter(body.items)]
    while stack:
        item = next(stack[-1], None)
        if item is None:
            stack.pop()
        elif type(item) is n.Attribute:
            yield item
        elif type(item) is n.Block:
            stack.append(iter(item.body.items))


class PlaceholderValue(Rule):
    """Placeholder value left in the configuration

    ## What it does
    Finds argument values of resources, data sources, module calls,
    providers and locals that are placeholders: `<bucket-name>`,
    `REPLACE_ME`, `CHANGE_ME`, `your-...`, `xxxx`, `TODO`; textbook dummy ids
    (`ami-12345678`, `ami-0abcdef1234567890`, `sg-0123456789abcdef0`,
    `subnet-00000000`) and account ids (`123456789012`); and `example.com`
    in arguments that hold a domain name. It is the backend rule's (TFX103)
    detector, applied everywhere.

    ## Why is this bad?
    Generated Terraform often leaves the values it could not know as
    placeholders. Some fail at plan, others only at apply (an AMI that does
    not exist, a subnet in nobody's account), and some succeed and do the
    wrong thing (a bucket policy for account `123456789012`, a DNS record for
    `example.com`). The value is an input of the deployment, so it belongs in
    a variable that must be set.

    ## Example
    ```hcl
    resource "aws_instance" "web" {
      ami           = "ami-0abcdef1234567890"
      instance_type = "t3.micro"
    }
    ```

    Use instead:
    ```hcl
    resource "aws_instance" "web" {
      ami           = var.ami
      instance_type = "t3.micro"
    }

    variable "ami" {
      description = "aws_instance.web ami (the code held a placeholder)."
      type        = string
    }
    ```

    ## Fix safety
    Unsafe: the value becomes a new variable named after the argument
    (`<label>_<argument>` for generic names such as `name`), of type
    `string` (`list(string)` for a list), with no default, so the module
    now needs that input. A declared variable of that name and type is
    reused; one of another type makes the fix pick a free name. Values with
    interpolation, heredocs and prose arguments (`description`) are not
    reported. Real-looking ids are never reported: only textbook sequences
    and repeated digits count as dummies.

    ## References
    - https://developer.hashicorp.com/terraform/language/values/variables
    - https://docs.aws.amazon.com/accounts/latest/reference/manage-acct-identifiers.html
    - https://www.rfc-editor.org/rfc/rfc2606
    """

    code = "TFX120"
    name = "placeholder-value"
    severity = Severity.WARNING
    fixable = Applicability.UNSAFE

    valid = (
        'resource "aws_instance" "a" {\n  ami = "ami-0c55b159cbfafe1f0"\n}\n',
        'resource "aws_s3_bucket" "a" {\n  bucket = "acme-replacement-parts"\n}\n',
        'resource "aws_security_group" "a" {\n  description = "TODO: tighten"\n}\n',
        'variable "ami" {\n  default = "ami-12345678"\n}\n',
        'resource "aws_route53_record" "a" {\n  name = "www.acme.io"\n}\n',
    )
    invalid = (
        Example(
            'variable "ami" {\n  type = string\n}\n\nresource "aws_instance" "a" {\n  ami = "ami-12345678"\n}\n',
            'variable "ami" {\n  type = string\n}\n\nresource "aws_instance" "a" {\n  ami = var.ami\n}\n',
            unsafe=True,
        ),
    )

    def check(self, module: TerraformModule) -> Iterator[Diagnostic]:
        for file, found in m.find_by_file(_BLOCKS, module.parsed()):
            block = found
            assert type(block) is n.Block
            labels = block.label_values
            kind = labels[0] if labels else ""
            for attribute in _attributes(block.body):
                argument = attribute.name.text
                if argument in _PROSE or argument in _META_ARGUMENTS or (block.type.text, argument) in _META:
                    continue
                domain = argument == "name" and kind in _DOMAIN_NAMES
                for node, text, in_list in _strings(attribute):
                    why = placeholder(text, argument, domain=domain)
                    if why is not None:
                        yield self._diagnostic(module, file, block, attribute, node, text, why, in_list)
                        break  # one finding per argument: the fix replaces its whole value

    def _diagnostic(
        self,
        module: TerraformModule,
        file: SourceFile,
        block: n.Block,
        attribute: n.Attribute,
        node: n.Node,
        text: str,
        why: str,
        in_list: bool,
    ) -> Diagnostic:
        labels = block.label_values
        where = ".".join([block.type.text if block.type.text != "resource" else "", *labels[:2]]).strip(".")
        argument = attribute.name.text
        message = f'{where}: {argument} = "{text}" is {why}; make it an input'
        name = _variable_name(labels, argument)
        if name is None:
            return module.diagnostic(self, file, node, message)
        rewrite = FixBuilder(module, file)
        variable = rewrite.ensure_variable(
            name,
            type="list(string)" if in_list else "string",
            description=where + " " + argument + " (the code held a placeholder).",
        )
        rewrite.replace(attribute.value, ref("var", variable))
        fix = rewrite.build(f"Use var.{variable}", Applicability.UNSAFE)
        return module.diagnostic(self, file, node, message + f" (var.{variable})", fix=fix)


def _variable_name(labels: tuple[str, ...] | list[str], argument: str) -> str | None:
    """The new variable's name (an identifier, which ``ensure_variable``
    checks again): the argument's, prefixed by the block's name when the
    argument is as generic as ``name`` (the last label names the block);
    None when no identifier can be made."""
    if argument not in _GENERIC:
        return argument
    if not labels:
        return None
    prefixed = "_".join((labels[-1].translate(_DASH), argument))
    return prefixed if is_identifier(prefixed) else None
