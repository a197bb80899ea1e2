variable "environment" {
  type    = string
  default = "sandbox"
}
