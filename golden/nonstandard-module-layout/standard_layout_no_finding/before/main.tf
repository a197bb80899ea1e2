resource "aws_eip" "this" {}
