locals {
  a = <<EOT
${var.x}
EOT
}
