moved {
  from = aws_instance.a
  to   = aws_instance.c
}
