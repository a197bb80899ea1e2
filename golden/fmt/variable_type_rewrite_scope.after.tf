terraform {
  variable "nested" {
    type = list
  }
}
variable "x" {
  default = "list"
  type    = "${string}"
  validation {
    type = "map"
  }
}
resource "null_resource" "r" {
  type = "list"
}
