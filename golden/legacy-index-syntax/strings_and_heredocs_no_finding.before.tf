locals {
  text    = "aws_instance.web.0.id is written in a string"
  version = 1.0
  doc     = <<EOT
Refer to module.vpc.*.id or list.0 here: only text.
EOT
  ok      = aws_instance.web[0].id
  splat   = aws_instance.web[*].id
  index   = count.index
}
