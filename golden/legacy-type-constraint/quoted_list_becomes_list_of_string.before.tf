variable "subnets" {
  type    = "list"
  default = []
}
