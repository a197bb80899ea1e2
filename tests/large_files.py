"""Generated Terraform files of any size, for growth-rate tests and the memory bench.

``large_module(size)`` returns one file of about ``size`` bytes made of realistic
blocks that repeat with a counter: variables (some with a legacy quoted type), a
security group with an open ingress rule, instances with interpolation-only
expressions, legacy index syntax and hard-coded environment tags, a database
with destroy-blocking settings, a ``for_each`` resource with a ``dynamic``
block, heredocs, comments of the three styles, outputs, and some lines whose
``=`` are not aligned the way ``terraform fmt`` aligns them. So ``tffix check``
reports findings of several rules in every unit, ``tffix apply`` fixes them and
``tffix fmt --check`` has lines to change all along the file.

The text is deterministic and ends at a block boundary, so every size parses.
``scripts/bench.py --large`` and ``tests/test_growth.py`` use it; run this file
to write one: ``python tests/large_files.py 16MB out.tf``.
"""

from __future__ import annotations

import sys

_UNIT = """\
variable "ami_{i}" {{
  type        = "string"
  description = "AMI of unit {i}"
  default     = "ami-0abc{i:06d}"
}}

variable "subnets_{i}" {{
  type    = list(string)
  default = ["10.{a}.1.0/24", "10.{a}.2.0/24"]
}}

# Security group of unit {i}
resource "aws_security_group" "sg_{i}" {{
  name        = "sg-{i}"
  description = "unit {i}"
  vpc_id = var.vpc_id

  ingress {{
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }}

  egress {{
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"] // all outbound
  }}
}}

resource "aws_instance" "web_{i}" {{
  ami           = "${{var.ami_{i}}}"
  instance_type = "t3.micro"
  subnet_id     = aws_subnet.main.0.id
  vpc_security_group_ids = [aws_security_group.sg_{i}.id]
  user_data = <<-EOT
    #!/bin/bash
    echo "unit {i}" > /tmp/unit
  EOT

  tags = {{
    Name        = "web-{i}"
    Environment = "prod"
  }}
}}

/* database
   of unit {i} */
resource "aws_db_instance" "db_{i}" {{
  identifier          = "db-{i}"
  engine              = "postgres"
  instance_class      = "db.t3.micro"
  allocated_storage   = 20
  username            = "admin"
  password            = var.db_password
  skip_final_snapshot = true
  deletion_protection = false
}}

resource "aws_s3_object" "files_{i}" {{
  for_each = toset(var.subnets_{i})
  bucket   = "bucket-{i}"
  key      = "${{each.value}}"
  content  = jsonencode({{ unit = {i}, cidr = each.value, list = [for s in var.subnets_{i} : upper(s) if s != ""] }})
}}

resource "aws_autoscaling_group" "asg_{i}" {{
  name     = "asg-{i}"
  max_size = {a}
  min_size = 1

  dynamic "tag" {{
    for_each = {{ Name = "asg-{i}", Team = "t{a}" }}
    content {{
      key                 = tag.key
      value               = tag.value
      propagate_at_launch = true
    }}
  }}
}}

output "web_{i}_ip" {{
  value = aws_instance.web_{i}.private_ip
}}

"""

_HEAD = """\
terraform {
  required_version = ">= 1.5"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

variable "vpc_id" {
  type        = string
  description = "VPC"
}

variable "db_password" {
  type        = string
  description = "database password"
  sensitive   = true
}

resource "aws_subnet" "main" {
  count      = 2
  vpc_id     = var.vpc_id
  cidr_block = "10.0.${count.index}.0/24"
}

"""


def unit(i: int) -> str:
    """One repeating unit (about 2.6 KB) numbered ``i``."""
    return _UNIT.format(i=i, a=i % 250)


def large_module(size: int) -> str:
    """A file of at least ``size`` bytes (at most one unit more), ending at a block boundary."""
    parts = [_HEAD]
    total = len(_HEAD)
    i = 0
    while total < size:
        text = unit(i)
        parts.append(text)
        total += len(text)
        i += 1
    return "".join(parts)


def module_of_units(count: int) -> str:
    """The file's head and ``count`` units (``large_module`` by unit count)."""
    return _HEAD + "".join(unit(i) for i in range(count))


def parse_size(text: str) -> int:
    """``"16MB"`` → 16_000_000; ``"800KB"``, ``"1200"`` too."""
    t = text.strip().upper()
    for suffix, factor in (("MB", 1_000_000), ("KB", 1_000), ("B", 1)):
        if t.endswith(suffix):
            return int(float(t[: -len(suffix)]) * factor)
    return int(t)


if __name__ == "__main__":  # pragma: no cover - a command-line convenience
    if len(sys.argv) != 3:
        raise SystemExit("usage: python tests/large_files.py SIZE OUT.tf   (SIZE like 16MB)")
    with open(sys.argv[2], "w", encoding="utf-8", newline="\n") as out:
        out.write(large_module(parse_size(sys.argv[1])))
