from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..api import (
    Applicability,
    Diagnostic,
    Example,
    FixBuilder,
    NotLiteral,
    Rule,
    Severity,
    SourceFile,
    TerraformModule,
    literal_value,
    parse_expression,
    ref,
    to_node,
)
from ..api import matchers as m
from ..cst import nodes as n

__all__ = ["OpenIngress"]

#: ports nobody should reach from the whole internet, by the name used in
#: messages and variable names (in the order a finding names them)
PORTS = {
    22: "ssh", 3389: "rdp", 3306: "mysql", 5432: "postgresql", 1433: "mssql", 1521: "oracle",
    27017: "mongodb", 6379: "redis", 9200: "elasticsearch", 9300: "elasticsearch", 5984: "couchdb",
    9042: "cassandra", 11211: "memcached", 5439: "redshift", 2375: "docker", 2379: "etcd",
}  # fmt: skip
#: how messages and descriptions name them
DISPLAY = {
    "ssh": "SSH", "rdp": "RDP", "mysql": "MySQL", "postgresql": "PostgreSQL", "mssql": "SQL Server",
    "oracle": "Oracle", "mongodb": "MongoDB", "redis": "Redis", "elasticsearch": "Elasticsearch",
    "couchdb": "CouchDB", "cassandra": "Cassandra", "memcached": "Memcached", "redshift": "Redshift",
    "docker": "the Docker API", "etcd": "etcd",
}  # fmt: skip
WORLD = frozenset({"0.0.0.0/0", "::/0"})
#: Azure source prefixes that mean "anyone"
AZURE_WORLD = frozenset({"*", "internet", "0.0.0.0/0", "::/0", "any"})
ALL = "all"
#: protocols whose "ports" are not ports (ICMP types)
NOT_PORTS = frozenset({"icmp", "icmpv6", "1", "58", "ah", "esp", "50", "51"})

_RESOURCE = m.Block("resource", m.OneOf(
    "aws_security_group", "aws_default_security_group", "aws_security_group_rule",
    "aws_vpc_security_group_ingress_rule", "azurerm_network_security_group", "azurerm_network_security_rule",
    "google_compute_firewall", "aws_db_instance", "aws_rds_cluster_instance",
), m.ANY)  # fmt: skip


@dataclass(frozen=True)
class _Open:
    """One argument letting the world in: ``node`` is the literal (a list
    element or a string) the finding points at; ``attribute`` holds it."""

    attribute: n.Attribute | n.ObjectItem
    node: n.Node
    source: str
    exposure: str  # a PORTS name or ALL
    ports: tuple[int, int] | None  # the range opened; None for every protocol


def _value(node: n.Node | None) -> object:
    if node is None:
        return None
    try:
        return literal_value(node)
    except (NotLiteral, ValueError):
        return NotLiteral


def _port(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value)
    return None


Exposure = tuple[str, tuple[int, int] | None]
#: where a rule's arguments are: a nested block's body, or an object in a list attribute
Container = n.Body | n.Object


def _exposure(low: int, high: int) -> Exposure | None:
    """What a port range opens: ALL for (nearly) every port, else the first
    sensitive port it covers; None when it covers none (80/443 and the like)."""
    if low <= 1 and high >= 65535:
        return ALL, (low, high)
    for port, name in PORTS.items():
        if low <= port <= high:
            return name, (low, high)
    return None


def _range(text: str) -> tuple[int, int] | None:
    """An Azure or GCP port spec: ``"22"``, ``"1000-2000"``, ``"*"``."""
    text = text.strip()
    if text == "*":
        return 0, 65535
    low, _, high = text.partition("-")
    a, b = _port(low), _port(high or low)
    return None if a is None or b is None else (a, b)


def _aws_ports(body: Container, protocol_name: str) -> Exposure | None:
    value = _value(_node(body, protocol_name))
    if not isinstance(value, (str, int)) or isinstance(value, bool):
        return None
    protocol = str(value).lower()
    if protocol in ("-1", "all"):
        return ALL, None
    if protocol in NOT_PORTS:
        return None
    low, high = _port(_value(_node(body, "from_port"))), _port(_value(_node(body, "to_port")))
    if low is None or high is None:
        return None
    return _exposure(low, high)


def _list_sources(attribute: n.Attribute | n.ObjectItem | None, world: frozenset[str]) -> Iterator[tuple[n.Node, str]]:
    """The elements of a literal list argument that mean "anyone"."""
    if attribute is None or type(attribute.value) is not n.Tuple:
        return
    for element in attribute.value.elements:
        value = _value(element.value)
        if isinstance(value, str) and value.strip().lower() in world:
            yield element.value, value


def _aws_opens(body: Container, exposure: Exposure, *names: str) -> Iterator[_Open]:
    for name in names:
        attribute = _get(body, name)
        if attribute is None:
            continue
        if type(attribute.value) is n.Tuple:
            for node, source in _list_sources(attribute, WORLD):
                yield _Open(attribute, node, source, *exposure)
            continue
        value = _value(attribute.value)
        if isinstance(value, str) and value in WORLD:
            yield _Open(attribute, attribute.value, value, *exposure)


def _azure_opens(body: Container) -> Iterator[_Open]:
    direction, access = _value(_node(body, "direction")), _value(_node(body, "access"))
    if not (isinstance(direction, str) and direction.lower() == "inbound"):
        return
    if not (isinstance(access, str) and access.lower() == "allow"):
        return
    protocol = _value(_node(body, "protocol"))
    if isinstance(protocol, str) and protocol.lower() in NOT_PORTS:
        return
    specs: list[object] = []
    single = _value(_node(body, "destination_port_range"))
    if single is not None:
        specs.append(single)
    many = _value(_node(body, "destination_port_ranges"))
    if isinstance(many, list):
        specs += many
    exposure = _first(_range(s) if isinstance(s, str) else _exposure_of_int(s) for s in specs)
    if exposure is None:
        return
    prefix = _get(body, "source_address_prefix")
    value = _value(prefix.value) if prefix is not None else None
    if prefix is not None and isinstance(value, str) and value.strip().lower() in AZURE_WORLD:
        yield _Open(prefix, prefix.value, value, *exposure)
    prefixes = _get(body, "source_address_prefixes")
    for node, source in _list_sources(prefixes, AZURE_WORLD):
        assert prefixes is not None
        yield _Open(prefixes, node, source, *exposure)


def _exposure_of_int(value: object) -> tuple[int, int] | None:
    port = _port(value)
    return None if port is None else (port, port)


def _first(ranges: Iterator[tuple[int, int] | None]) -> Exposure | None:
    """The widest exposure among port ranges: ALL first, then by PORTS order."""
    found = [e for r in ranges if r is not None and (e := _exposure(*r)) is not None]
    if not found:
        return None
    order = [ALL, *PORTS.values()]
    return min(found, key=lambda e: order.index(e[0]))


def _google_opens(body: n.Body) -> Iterator[_Open]:
    direction = _value(_node(body, "direction"))
    if isinstance(direction, str) and direction.upper() != "INGRESS":
        return
    ranges: list[tuple[int, int] | None] = []
    for allow in body.blocks("allow"):
        protocol = _value(_node(allow.body, "protocol"))
        protocol = protocol.lower() if isinstance(protocol, str) else None
        if protocol is None or protocol in NOT_PORTS:
            continue
        ports = _value(_node(allow.body, "ports"))
        if allow.body.attribute("ports") is None or protocol == "all":
            ranges.append((0, 65535))
        elif isinstance(ports, list):
            ranges += [_range(p) if isinstance(p, str) else _exposure_of_int(p) for p in ports]
    exposure = _first(iter(ranges))
    if exposure is None:
        return
    for node, source in _list_sources(body.attribute("source_ranges"), WORLD):
        yield _Open(body.attribute("source_ranges"), node, source, *exposure)  # type: ignore[arg-type]


def _get(body: Container, name: str) -> n.Attribute | n.ObjectItem | None:
    """An argument of a block's body, or an item of an object written in its
    place (``ingress = [{ ... }]``)."""
    return body.attribute(name) if type(body) is n.Body else body.item(name)


def _node(body: Container, name: str) -> n.Node | None:
    attribute = _get(body, name)
    return attribute.value if attribute is not None else None


def _objects(body: n.Body, name: str) -> Iterator[n.Object]:
    """The objects of ``name = [{ ... }, ...]``, the attribute spelling of a
    repeated nested block (or of ``name = { ... }``, one object)."""
    attribute = body.attribute(name)
    if attribute is not None and type(attribute.value) is n.Tuple:
        for element in attribute.value.elements:
            if type(element.value) is n.Object:
                yield element.value
    elif attribute is not None and type(attribute.value) is n.Object:
        yield attribute.value  # `ingress = { ... }`: invalid, but generated code writes it, and it is still open


class OpenIngress(Rule):
    """Ingress open to the internet on an administration or database port

    ## What it does
    Finds ingress from `0.0.0.0/0` or `::/0` (Azure: `*`, `Internet`) to SSH
    (22), RDP (3389), database and cache ports (3306, 5432, 1433, 1521,
    27017, 6379, 9200, ...) or to every port and protocol, in inline
    `ingress` blocks of `aws_security_group` (or `ingress = [{ ... }]`,
    their attribute spelling, and the invalid `ingress = { ... }` and
    `cidr_blocks = "0.0.0.0/0"` generated code writes; `egress` is never
    read), in `aws_security_group_rule`
    (`type = "ingress"`), `aws_vpc_security_group_ingress_rule`, azurerm
    network security rules (inline blocks, `security_rule = [{ ... }]` or
    `azurerm_network_security_rule`; `Inbound`, `Allow`) and
    `google_compute_firewall` (`source_ranges`); and `publicly_accessible =
    true` on `aws_db_instance` and `aws_rds_cluster_instance`. Web ports
    (80, 443) open to everyone are expected on load balancers and are not
    reported.

    ## Why is this bad?
    Administration and database ports open to the whole internet are scanned
    within minutes of creation and brute-forced, and a database reachable
    from anywhere is one leaked password away from a breach. Generated
    Terraform opens them "to make it work"; the set of addresses that really
    needs access is a per-deployment decision that belongs in a variable.

    ## Example
    ```hcl
    resource "aws_security_group" "bastion" {
      ingress {
        from_port   = 22
        to_port     = 22
        protocol    = "tcp"
        cidr_blocks = ["0.0.0.0/0"]
      }
    }
    ```

    Use instead:
    ```hcl
    resource "aws_security_group" "bastion" {
      ingress {
        from_port   = 22
        to_port     = 22
        protocol    = "tcp"
        cidr_blocks = var.allowed_ssh_cidr_blocks
      }
    }

    variable "allowed_ssh_cidr_blocks" {
      description = "CIDR blocks allowed to reach SSH (port 22)."
      type        = list(string)
    }
    ```

    ## Fix safety
    Unsafe: the open CIDR becomes a new variable `allowed_<port>_cidr_blocks`
    (`list(string)`, no default, so every caller must now say who may
    connect; one declared with that type is reused, else a free name is
    taken). A list with other blocks keeps them: `concat(["10.0.0.0/8"],
    var.allowed_ssh_cidr_blocks)`. IPv6 lists get `allowed_<port>_ipv6_cidr_blocks`;
    the single-CIDR arguments of `aws_vpc_security_group_ingress_rule` get a
    `string` variable `allowed_<port>_cidr_ipv4` (or `_cidr_ipv6`); an Azure
    `source_address_prefix` becomes `source_address_prefixes` with the list
    variable (in a rule written as an object, which lists both already, it
    gets a `string` variable `allowed_<port>_source_address_prefix`). `publicly_accessible = true` is set to `false`, which takes
    the database off the internet.

    ## References
    - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/security_group
    - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/vpc_security_group_ingress_rule
    - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/network_security_rule
    - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_firewall
    - https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html
    """

    code = "TFX119"
    name = "open-ingress"
    severity = Severity.WARNING
    fixable = Applicability.UNSAFE

    valid = (
        (
            'resource "aws_security_group" "a" {\n  ingress {\n    from_port   = 443\n    to_port     = 443\n'
            '    protocol    = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n'
        ),
        (
            'resource "aws_security_group" "a" {\n  ingress {\n    from_port   = 22\n    to_port     = 22\n'
            '    protocol    = "tcp"\n    cidr_blocks = ["10.0.0.0/8"]\n  }\n}\n'
        ),
        (
            'resource "aws_security_group" "a" {\n  egress {\n    from_port   = 0\n    to_port     = 0\n'
            '    protocol    = "-1"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n'
        ),
        (
            'resource "aws_security_group_rule" "a" {\n  type        = "egress"\n  from_port   = 22\n  to_port     = 22\n'
            '  protocol    = "tcp"\n  cidr_blocks = ["0.0.0.0/0"]\n}\n'
        ),
        'resource "aws_db_instance" "a" {\n  publicly_accessible = false\n}\n',
    )
    invalid = (
        Example(
            'variable "allowed_ssh_cidr_blocks" {\n  type = list(string)\n}\n\n'
            'resource "aws_security_group" "a" {\n  ingress {\n    from_port   = 22\n    to_port     = 22\n'
            '    protocol    = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n',
            'variable "allowed_ssh_cidr_blocks" {\n  type = list(string)\n}\n\n'
            'resource "aws_security_group" "a" {\n  ingress {\n    from_port   = 22\n    to_port     = 22\n'
            '    protocol    = "tcp"\n    cidr_blocks = var.allowed_ssh_cidr_blocks\n  }\n}\n',
            unsafe=True,
        ),
        Example(
            'resource "aws_db_instance" "a" {\n  publicly_accessible = true\n}\n',
            'resource "aws_db_instance" "a" {\n  publicly_accessible = false\n}\n',
            unsafe=True,
        ),
    )

    def check(self, module: TerraformModule) -> Iterator[Diagnostic]:
        for file, found in m.find_by_file(_RESOURCE, module.parsed()):
            block = found
            assert type(block) is n.Block
            kind = block.label_values[0]
            label = ".".join(block.label_values[:2])
            if kind in ("aws_db_instance", "aws_rds_cluster_instance"):
                yield from self._public_database(module, file, block, label)
                continue
            for opened in self._opens(kind, block.body):
                yield self._diagnostic(module, file, label, kind, opened)

    def _opens(self, kind: str, body: n.Body) -> Iterator[_Open]:
        if kind in ("aws_security_group", "aws_default_security_group"):
            ingresses: list[Container] = [b.body for b in body.blocks("ingress")] + list(_objects(body, "ingress"))
            for ingress in ingresses:
                exposure = _aws_ports(ingress, "protocol")
                if exposure is not None:
                    yield from _aws_opens(ingress, exposure, "cidr_blocks", "ipv6_cidr_blocks")
        elif kind == "aws_security_group_rule":
            if _value(_node(body, "type")) == "ingress":
                exposure = _aws_ports(body, "protocol")
                if exposure is not None:
                    yield from _aws_opens(body, exposure, "cidr_blocks", "ipv6_cidr_blocks")
        elif kind == "aws_vpc_security_group_ingress_rule":
            exposure = _aws_ports(body, "ip_protocol")
            if exposure is not None:
                yield from _aws_opens(body, exposure, "cidr_ipv4", "cidr_ipv6")
        elif kind == "azurerm_network_security_rule":
            yield from _azure_opens(body)
        elif kind == "azurerm_network_security_group":
            rules: list[Container] = [b.body for b in body.blocks("security_rule")] + list(
                _objects(body, "security_rule")
            )
            for rule in rules:
                yield from _azure_opens(rule)
        elif kind == "google_compute_firewall":
            yield from _google_opens(body)

    def _diagnostic(
        self, module: TerraformModule, file: SourceFile, label: str, kind: str, opened: _Open
    ) -> Diagnostic:
        low, high = opened.ports or (0, 65535)
        span = str(low) if low == high else f"{low}-{high}"
        if opened.ports is None:
            where = "every port and protocol"
        elif opened.exposure == ALL:
            where = f"every port ({span})"
        else:
            where = f"{DISPLAY[opened.exposure]} (port {span})"
        holder = opened.attribute
        argument = holder.name.text if type(holder) is n.Attribute else holder.key_name or ""
        topic = "ingress" if opened.exposure == ALL else opened.exposure
        ipv6 = ":" in opened.source
        rewrite = FixBuilder(module, file)
        description = f"allowed in on {where}." if opened.exposure == ALL else f"allowed to reach {where}."
        # one string in place of one string: the single-CIDR rule arguments, and an Azure
        # rule written as an object (which lists `source_address_prefixes` already)
        single = argument in ("cidr_ipv4", "cidr_ipv6") or (
            argument == "source_address_prefix" and type(holder) is n.ObjectItem
        )
        if single:
            what = "The source address prefix " if argument == "source_address_prefix" else "The CIDR block "
            variable = rewrite.ensure_variable(
                f"allowed_{topic}_{argument}", type="string", description=what + description
            )
            rewrite.replace(opened.node, ref("var", variable))
        else:
            suffix = "ipv6_cidr_blocks" if ipv6 and argument != "source_address_prefix" else "cidr_blocks"
            variable = rewrite.ensure_variable(
                f"allowed_{topic}_{suffix}", type="list(string)", description="CIDR blocks " + description
            )
            reference = ref("var", variable)
            if argument == "source_address_prefix" and type(holder) is n.Attribute:
                rewrite.rename(holder, "source_address_prefixes")
                rewrite.replace(opened.attribute.value, reference)
            elif type(opened.attribute.value) is not n.Tuple:
                # `cidr_blocks = "0.0.0.0/0"`: one string where a list goes, replaced whole
                rewrite.replace(opened.attribute.value, reference)
            else:
                tuple_ = opened.attribute.value
                # every "anyone" entry goes at once: one fix, however many findings point at the list
                world = {id(node) for node, _ in _list_sources(opened.attribute, AZURE_WORLD)}
                others = [e.value for e in tuple_.elements if id(e.value) not in world]
                if others:
                    rewrite.replace(tuple_, parse_expression("concat({0}, {1})", to_node(others), reference))
                else:
                    rewrite.replace(tuple_, reference)
        message = f"{label}: {argument} lets {opened.source} in on {where}; restrict it with var.{variable}"
        fix = rewrite.build(f"Use var.{variable}", Applicability.UNSAFE)
        return module.diagnostic(self, file, opened.node, message, fix=fix)

    def _public_database(
        self, module: TerraformModule, file: SourceFile, block: n.Block, label: str
    ) -> Iterator[Diagnostic]:
        attribute = block.body.attribute("publicly_accessible")
        if attribute is None or _value(attribute.value) not in (True, "true"):
            return
        rewrite = FixBuilder(module, file)
        rewrite.replace(attribute.value, to_node(False))
        message = f"{label}: publicly_accessible = true puts the database on the internet"
        fix = rewrite.build("Set publicly_accessible = false", Applicability.UNSAFE)
        yield module.diagnostic(self, file, attribute.value, message, fix=fix)
