variable "create_bucket" {
  type    = bool
  default = "false"
}
