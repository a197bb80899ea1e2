resource "aws_eip" "Mixed_Case" {}

resource "aws_eip" "with-dash" {}
