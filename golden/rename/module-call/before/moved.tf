# History of this configuration's moves.
moved {
  from = aws_security_group.web
  to   = aws_security_group.app
}
