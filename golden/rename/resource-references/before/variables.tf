variable "prefix" {
  type    = string
  default = "acme"
}
