resource "aws_eip" "camelCase" {}

resource "aws_eip" "valid_name" {}

data "aws_eip" "with-dash" {}

module "Upper_Case" {
  source = "./m"
}

output "ok_output" {
  value = 1
}

variable "badVariable" {}

locals {
  good_local = 1
  badLocal   = 2
}

check "Health" {
  assert {
    condition     = true
    error_message = "never"
  }
}
