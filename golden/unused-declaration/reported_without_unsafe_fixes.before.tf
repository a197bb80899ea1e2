variable "unused" {}

data "aws_caller_identity" "me" {}
