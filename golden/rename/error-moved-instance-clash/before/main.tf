resource "aws_instance" "b" {
  for_each = toset(["x"])
  ami      = "ami-1"
}

moved {
  from = aws_instance.a[0]
  to   = aws_instance.b["x"]
}
