locals {
  shorter = length(var.name) < <<EOT
some text
EOT
  longer  = 3 < <<-EOT
    text
    EOT
}
