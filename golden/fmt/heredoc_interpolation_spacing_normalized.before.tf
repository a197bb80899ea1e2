locals {
  script = <<-EOT
    Hello,  ${ var.name }!
    %{ if var.admin ~}
    You are an admin: ${ upper( var.role ) }
    %{ endif ~}
  EOT
}
