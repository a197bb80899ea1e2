locals {
  policy = <<EOT
{
  "Version": "2012-10-17",
  "Name": "${var.name}",
  %{ if var.enabled }"On": true%{ else }"On": false%{ endif }
}
EOT
  indented = <<-EOT
    line one
      line two ${upper(var.x)}
    $${not_interp} %%{not_directive}
    EOT
  after = "done"
}
