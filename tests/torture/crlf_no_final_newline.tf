locals {
  a = "x%{if true}y%{endif}"
  b = <<-EOT
    z
    EOT
}
final = 1