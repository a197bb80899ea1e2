variable "a" {
  type = string
  default = "x"
}

locals {
  h = <<EOT
crlf line
lf line
EOT
  t = [
    1,
    2 # comment
  ]
  o = {
    a = 1
    b = 2
  }
}
