resource "aws_eip" "AnyThing-Goes" {}
