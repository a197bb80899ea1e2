moved {
  from = aws_instance.web
  to   = aws_instance.app
}
