# tflint-ignore: terraform_naming_convention
resource "aws_eip" "LegacyName" {}

resource "aws_eip" "OtherName" {}
