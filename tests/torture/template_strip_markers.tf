locals {
  a = <<-EOT
    %{~ for x in var.l ~}
      ${~ x ~}
    %{~ endfor ~}
  EOT
  b = "${~var.x~}"
  c = "%{~if var.x~}yes%{~else~}no%{~endif~}"
  d = "%{ for   k ,  v   in   var.m }${k}%{   endfor   }"
  e = <<EOT
%{ if var.x ~}
keep
%{~ endif }
EOT
}
