locals {
  plain = <<EOT
hello
world
EOT
  indented = <<-EOT
      indented text
        more
      done
  EOT
  empty = <<EOT
EOT
  interp = <<EOT
name: ${var.name}
upper: ${upper("${var.name}-x")}
escaped: $${literal} and %%{literal}
lone dollar $ and percent % signs
EOT
  directives = <<-EOT
    %{ for i, v in var.list ~}
    ${i}: ${v}
    %{ endfor ~}
    %{~ if var.flag }on%{ else }off%{ endif ~}
  EOT
}
