moved {
  from = aws_instance.b
  to   = aws_instance.a
}
