locals {
  a      = 1 # one
  bbb    = "x"
  script = <<EOT
  line
EOT
}
